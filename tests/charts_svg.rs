//! Every chart drawn to SVG natively, checking what the picture must show: one column group per
//! month, churned customers below the zero line, gaps for missing months, one slice per product,
//! hidden series left out, the selected country outlined. The SVGs land in target/tmp/charts/.

use partnerlens::charts::active_vs_total_chart::{self, ActiveVsTotal};
use partnerlens::charts::adds_churns_chart::{self, AddsChurns};
use partnerlens::charts::bar_chart::{self, Bars};
use partnerlens::charts::map_chart::{self, MapData};
use partnerlens::charts::pie_chart::{self, Pie};
use partnerlens::charts::spark_chart::{self, Spark};
use partnerlens::charts::trend_chart::{self, Trend};
use partnerlens::charts::world::World;
use partnerlens::charts::{ChartMap, Shape, Theme};
use partnerlens::metrics::customers::Customers;
use partnerlens::metrics::range::Range;
use partnerlens::Workspace;
use plotters::prelude::*;

fn customers(files: &[(&str, &[u8])]) -> (Customers, Range) {
    let mut ws = Workspace::new();
    for (n, b) in files {
        ws.add_file(n, b);
    }
    let r = ws.report(None, None).unwrap();
    (r.customers.unwrap(), r.range.unwrap())
}

fn small() -> (Customers, Range) {
    customers(&[
        ("c.tsv", include_bytes!("fixtures/customers_small.tsv")),
        ("o.tsv", include_bytes!("fixtures/office_small.tsv")),
    ])
}

fn sample() -> (Customers, Range) {
    let files = partnerlens::sample::generate(&partnerlens::sample::Options {
        customers: 80,
        months: 14,
        ..Default::default()
    });
    let refs: Vec<(&str, &[u8])> = files
        .iter()
        .map(|(n, b)| (n.as_str(), b.as_slice()))
        .collect();
    customers(&refs)
}

/// Draws with `f` into an SVG string and saves it for looking at.
fn svg(
    name: &str,
    size: (u32, u32),
    f: impl FnOnce(&DrawingArea<SVGBackend, plotters::coord::Shift>) -> Result<ChartMap, String>,
) -> (String, ChartMap) {
    let mut s = String::new();
    let map = {
        let area = SVGBackend::with_string(&mut s, size).into_drawing_area();
        f(&area).unwrap()
    };
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("charts");
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join(format!("{name}.svg")), &s).unwrap();
    (s, map)
}

fn rect(i: &partnerlens::charts::Item) -> (i32, i32, i32, i32) {
    match i.shape {
        Shape::Rect { x0, y0, x1, y1 } => (x0, y0, x1, y1),
        _ => panic!("not a rect"),
    }
}

fn hex(c: RGBColor) -> String {
    format!("#{:02X}{:02X}{:02X}", c.0, c.1, c.2)
}

#[test]
fn adds_and_churns_one_group_per_month_churn_below_zero() {
    let (c, range) = small();
    let theme = Theme::light();
    let data = AddsChurns::new(&c.monthly, range, [false; 3]);
    let (svg_text, map) = svg("adds_churns", (800, 400), |a| {
        adds_churns_chart::draw(a, &data, &theme)
    });
    assert_eq!(map.bands.len(), 4, "one column group per month");
    let zero = map.zero_y.unwrap();
    let churn: Vec<_> = map.items.iter().filter(|i| i.series == Some(2)).collect();
    assert_eq!(churn.len(), 1, "one month (Feb) has churn");
    assert_eq!(churn[0].index, 1);
    assert!(
        rect(churn[0]).1 >= zero - 1,
        "churn starts at the zero line and goes down"
    );
    for up in map.items.iter().filter(|i| i.series != Some(2)) {
        assert!(rect(up).3 <= zero + 1, "new and existing stand above zero");
    }
    assert!(
        map.items.iter().all(|i| i.index != 2),
        "the missing month draws no column"
    );
    assert!(
        svg_text.contains("no data"),
        "the missing month is marked as a gap"
    );
    assert!(
        svg_text.to_uppercase().contains(&hex(theme.series(3))),
        "churn colour present"
    );
    // Hiding churned (legend click) rebuilds the stack without it.
    let hidden = AddsChurns::new(&c.monthly, range, [false, false, true]);
    let (svg2, map2) = svg("adds_churns_hidden", (800, 400), |a| {
        adds_churns_chart::draw(a, &hidden, &theme)
    });
    assert!(map2.items.iter().all(|i| i.series.is_some_and(|s| s < 2)));
    assert!(!svg2.to_uppercase().contains(&hex(theme.series(3))));
    assert_eq!(
        data.tooltip(1, partnerlens::locale::Lang::En).unwrap(),
        "Feb\u{a0}2025\nNew: 1\nExisting: 1\nChurned: 1"
    );
}

#[test]
fn active_vs_total_columns_and_line() {
    let (c, range) = small();
    let data = ActiveVsTotal::new(&c.monthly, range);
    let (_, map) = svg("active_vs_total", (800, 400), |a| {
        active_vs_total_chart::draw(a, &data, &Theme::light())
    });
    let columns: Vec<_> = map
        .items
        .iter()
        .filter(|i| i.series == Some(0))
        .map(|i| i.index)
        .collect();
    let points: Vec<_> = map
        .items
        .iter()
        .filter(|i| i.series == Some(1))
        .map(|i| i.index)
        .collect();
    // Active: Jan 1, Feb 0 (no column), Apr 1. Customers: Jan, Feb, Apr.
    assert_eq!(columns, [0, 3]);
    assert_eq!(points, [0, 1, 3]);
}

#[test]
fn pie_has_a_slice_per_product_and_bars_a_bar_per_value() {
    let (c, _) = sample();
    let pie = Pie {
        labels: c.by_product.iter().map(|p| p.product.clone()).collect(),
        values: c.by_product.iter().map(|p| p.customers).collect(),
        selected: Some(0),
    };
    let (_, map) = svg("by_product", (400, 400), |a| {
        pie_chart::draw(a, &pie, &Theme::light())
    });
    assert!(c.by_product.len() >= 4);
    assert_eq!(
        map.items.len(),
        c.by_product.len(),
        "slice count equals product count"
    );
    let total: f64 = map
        .items
        .iter()
        .map(|i| match i.shape {
            Shape::Slice { start, end, .. } => end - start,
            _ => 0.0,
        })
        .sum();
    assert!(
        (total - std::f64::consts::TAU).abs() < 1e-9,
        "slices cover the circle"
    );
    let skus = &c.by_product[0].skus;
    let bars = Bars {
        labels: skus.iter().map(|s| s.sku.clone()).collect(),
        values: skus.iter().map(|s| s.customers).collect(),
        hidden: vec![false; skus.len()],
        colour_each: false,
        empty_text: String::new(),
    };
    let (text, map) = svg("by_sku", (500, 300), |a| {
        bar_chart::draw(a, &bars, &Theme::light())
    });
    assert_eq!(map.items.len(), skus.len());
    assert!(text.contains(&skus[0].sku));
    let dist = &c.by_dimension["segment"];
    let mut hidden = vec![false; dist.len()];
    hidden[0] = true;
    let bars = Bars {
        labels: dist.iter().map(|d| d.value.clone()).collect(),
        values: dist.iter().map(|d| d.customers).collect(),
        hidden,
        colour_each: true,
        empty_text: String::new(),
    };
    let (_, map) = svg("distribution", (500, 300), |a| {
        bar_chart::draw(a, &bars, &Theme::light())
    });
    assert_eq!(
        map.items.len(),
        dist.len() - 1,
        "a hidden value draws no bar"
    );
    assert!(map.items.iter().all(|i| i.index != 0));
}

#[test]
fn trend_stacks_per_month() {
    let (c, _) = sample();
    let trend = Trend::new(&c.trend["market"], &[]);
    let (_, map) = svg("trend", (800, 400), |a| {
        trend_chart::draw(a, &trend, &Theme::light())
    });
    assert_eq!(map.bands.len(), c.trend["market"].len());
    for (m, month) in c.trend["market"].iter().enumerate() {
        let drawn: Vec<usize> = map
            .items
            .iter()
            .filter(|i| i.index == m)
            .filter_map(|i| i.series)
            .collect();
        let nonzero = month.values.len().min(trend.names.len());
        assert!(drawn.len() <= nonzero && !drawn.is_empty(), "month {m}");
    }
    assert!(
        trend
            .tooltip(0, partnerlens::locale::Lang::En)
            .unwrap()
            .lines()
            .count()
            == trend.names.len() + 1
    );
}

#[test]
fn map_colours_countries_and_outlines_the_selection() {
    let world = World::parse(
        &std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/world.json")).unwrap(),
    )
    .unwrap();
    assert!(world.countries.len() > 150);
    let rows = [("United States", 20u64), ("Sweden", 5), ("Atlantis", 2)];
    let (data, unmatched) =
        MapData::new(&world, rows.iter().map(|(m, n)| (*m, *n)), Some("Sweden"));
    assert_eq!(unmatched, ["Atlantis"]);
    let theme = Theme::light();
    let (text, map) = svg("geography", (900, 450), |a| {
        map_chart::draw(a, &world, &data, &theme)
    });
    let sweden = world.find("Sweden").unwrap();
    assert!(map.items.iter().any(|i| i.index == sweden));
    assert!(
        text.to_uppercase().contains(&hex(theme.scale_high)),
        "the largest market has the darkest colour"
    );
    // A point inside Sweden's drawn shape hits Sweden.
    let item = map.items.iter().find(|i| i.index == sweden).unwrap();
    if let Shape::Polygon(p) = &item.shape {
        let (cx, cy) = (
            p.iter().map(|q| q.0).sum::<i32>() / p.len() as i32,
            p.iter().map(|q| q.1).sum::<i32>() / p.len() as i32,
        );
        assert_eq!(map.hit(cx, cy).map(|i| i.index), Some(sweden));
    }
}

/// Without a country that has customers (a file without CustomerMarket) the map has no scale
/// from 1 to 1: only the grid's note says what is missing.
#[test]
fn a_map_without_customers_has_no_scale() {
    let world = World::parse(
        &std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/public/world.json")).unwrap(),
    )
    .unwrap();
    let theme = Theme::light();
    let legend = |rows: &[(&str, u64)]| {
        let (data, _) = MapData::new(&world, rows.iter().map(|(m, n)| (*m, *n)), None);
        let (text, _) = svg("geography", (900, 450), |a| {
            map_chart::draw(a, &world, &data, &theme)
        });
        text.contains("customers")
    };
    assert!(legend(&[("Sweden", 5)]), "a scale with customers");
    assert!(!legend(&[]), "no scale without any");
}

#[test]
fn spark_has_a_band_per_month() {
    let spark = Spark {
        months: vec!["2025-01".into(), "2025-02".into(), "2025-03".into()],
        values: vec![Some(3.0), None, Some(5.0)],
    };
    let (_, map) = svg("spark", (120, 36), |a| {
        spark_chart::draw(a, &spark, &Theme::light())
    });
    assert_eq!(map.bands.len(), 3);
    assert_eq!(
        spark.tooltip(1, partnerlens::locale::Lang::En).unwrap(),
        "Feb\u{a0}2025: —"
    );
}

#[test]
fn license_bands_and_trend() {
    use partnerlens::charts::band_chart::{self, BandChart};
    use partnerlens::charts::percent_trend_chart::{self, PercentTrend};
    use partnerlens::metrics::licenses::buckets::Bands;
    let mut bands = Bands::default();
    for v in [10.0, 100.0, 130.0, 85.0] {
        bands.add(Some(v));
    }
    let data = BandChart::new("Usage", &bands, 1);
    let (text, map) = svg("usage_bands", (600, 300), |a| {
        band_chart::draw(a, &data, &Theme::light())
    });
    assert_eq!(map.bands.len(), 6, "one column per band");
    assert_eq!(
        map.items.iter().map(|i| i.index).collect::<Vec<_>>(),
        [0, 4, 5],
        "bands 0-20, 80-100 (holding 100) and >100"
    );
    assert!(text.contains("&gt;100%"), "the label, escaped in SVG");
    let trend = PercentTrend {
        months: vec!["2025-04".into(), "2025-05".into()],
        deployment: vec![None, Some(80.0)],
        usage: vec![Some(10.0), Some(100.0)],
    };
    let (_, map) = svg("license_trend", (600, 300), |a| {
        percent_trend_chart::draw(a, &trend, &Theme::light())
    });
    assert_eq!(
        map.items.iter().filter(|i| i.series == Some(0)).count(),
        1,
        "deployment is unknown in April"
    );
    assert_eq!(map.items.iter().filter(|i| i.series == Some(1)).count(), 2);
}
