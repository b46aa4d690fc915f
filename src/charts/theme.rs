//! Chart colours and type, from the page's theme. The series palette is Okabe & Ito's, which
//! stays distinguishable for the common forms of colour blindness.

use plotters::style::RGBColor;

#[derive(Clone, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub axis: RGBColor,
    /// Series colours, in order.
    pub palette: Vec<RGBColor>,
    /// Selection outline and hover.
    pub highlight: RGBColor,
    /// The low and high ends of the map's sequential scale; countries without customers use `empty`.
    pub scale_low: RGBColor,
    pub scale_high: RGBColor,
    pub empty: RGBColor,
    pub font: String,
    /// Font size in CSS pixels.
    pub font_size: f64,
    /// Device pixels per CSS pixel: the canvas bitmap is drawn this much larger so that it is
    /// sharp on high-density screens. Every size in a chart is multiplied by it, here alone.
    pub pixel_ratio: f64,
    /// The language of the words and months a chart draws (axis labels, "no data").
    pub lang: crate::locale::Lang,
}

impl Theme {
    pub fn light() -> Theme {
        Theme {
            background: RGBColor(255, 255, 255),
            text: RGBColor(27, 31, 36),
            muted: RGBColor(87, 96, 106),
            grid: RGBColor(229, 232, 236),
            axis: RGBColor(140, 149, 159),
            palette: vec![
                RGBColor(0, 114, 178),   // blue
                RGBColor(230, 159, 0),   // orange
                RGBColor(0, 158, 115),   // bluish green
                RGBColor(213, 94, 0),    // vermillion
                RGBColor(204, 121, 167), // reddish purple
                RGBColor(86, 180, 233),  // sky blue
                RGBColor(240, 228, 66),  // yellow
                RGBColor(120, 120, 120), // grey
            ],
            highlight: RGBColor(0, 0, 0),
            scale_low: RGBColor(198, 219, 239),
            scale_high: RGBColor(8, 69, 148),
            empty: RGBColor(232, 234, 237),
            font: "sans-serif".into(),
            font_size: 12.0,
            pixel_ratio: 1.0,
            lang: crate::locale::Lang::En,
        }
    }

    /// The light theme with the colours the page defines (CSS custom properties `--chart-bg`,
    /// `--chart-text`, `--chart-1` … `--chart-8`, …), read by `lookup`. Unreadable values keep
    /// the default.
    pub fn from_css(lookup: impl Fn(&str) -> Option<String>) -> Theme {
        let mut t = Theme::light();
        let get = |name: &str, into: &mut RGBColor| {
            if let Some(c) = lookup(name).as_deref().and_then(parse_hex) {
                *into = c;
            }
        };
        get("--chart-bg", &mut t.background);
        get("--chart-text", &mut t.text);
        get("--chart-muted", &mut t.muted);
        get("--chart-grid", &mut t.grid);
        get("--chart-axis", &mut t.axis);
        get("--chart-highlight", &mut t.highlight);
        get("--chart-scale-low", &mut t.scale_low);
        get("--chart-scale-high", &mut t.scale_high);
        get("--chart-empty", &mut t.empty);
        for (i, c) in t.palette.iter_mut().enumerate() {
            get(&format!("--chart-{}", i + 1), c);
        }
        t
    }

    /// The colour of series `i` (the palette repeats).
    pub fn series(&self, i: usize) -> RGBColor {
        self.palette[i % self.palette.len()]
    }
}

/// `#rrggbb` (surrounding spaces allowed).
pub fn parse_hex(s: &str) -> Option<RGBColor> {
    let h = s.trim().strip_prefix('#')?;
    if h.len() != 6 || !h.is_ascii() {
        return None;
    }
    let p = |i: usize| u8::from_str_radix(&h[i..i + 2], 16).ok();
    Some(RGBColor(p(0)?, p(2)?, p(4)?))
}

#[cfg(test)]
mod tests {
    use super::*;
    #[test]
    fn css_overrides() {
        let t = Theme::from_css(|n| (n == "--chart-1").then(|| " #102030 ".to_string()));
        assert_eq!(t.palette[0], RGBColor(16, 32, 48));
        assert_eq!(t.palette[1], Theme::light().palette[1]);
        assert_eq!(parse_hex("#12345"), None);
    }
}
