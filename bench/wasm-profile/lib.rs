//! Two calls for the profile: loading one file, and loading it then computing the report.
use wasm_bindgen::prelude::*;

#[wasm_bindgen]
pub fn load(name: &str, bytes: &[u8]) -> u32 {
    let mut ws = partnerlens::Workspace::new();
    ws.add_file(name, bytes);
    ws.files[0].rows_loaded as u32
}

#[wasm_bindgen]
pub fn load_and_report(name: &str, bytes: &[u8]) -> u32 {
    let mut ws = partnerlens::Workspace::new();
    ws.add_file(name, bytes);
    ws.report(None, None).map(|r| r.to_json_compact().len() as u32).unwrap_or(0)
}

/// Loads the file, indexes it for filters as the worker does, then computes `n` reports each
/// filtered to one product, or with `market` one market (cycling through the values, so that
/// the workspace's cache of four filters is not what is measured). Returns the milliseconds of
/// the reports alone.
#[wasm_bindgen]
pub fn filtered_reports(name: &str, bytes: &[u8], n: u32, market: bool) -> f64 {
    let mut ws = partnerlens::Workspace::new();
    ws.add_file(name, bytes);
    let Ok(all) = ws.report(None, None) else {
        return 0.0;
    };
    ws.prepare_filters();
    let values = if market {
        all.filters.available.market.clone()
    } else {
        all.filters.available.product.clone()
    };
    if values.is_empty() {
        return 0.0;
    }
    let t = js_sys::Date::now();
    for i in 0..n as usize {
        let one = vec![values[i % values.len()].clone()];
        let filter = if market {
            partnerlens::Filter {
                market: one,
                ..Default::default()
            }
        } else {
            partnerlens::Filter {
                product: one,
                ..Default::default()
            }
        };
        let _ = ws.report_filtered(None, None, &filter).map(|r| r.to_json_compact());
    }
    js_sys::Date::now() - t
}

/// Cuts the file as the worker does (the helper's part from `split::FIRST_SHARE` of the bytes
/// on), loads both parts, writes the second as the helper sends it, then joins them into a fresh
/// workspace. Returns the milliseconds of the join as the worker does it: reading the part's
/// bytes, numbering its lines on and appending it.
#[wasm_bindgen]
pub fn join(name: &str, bytes: &[u8]) -> f64 {
    use partnerlens::split;
    let from = (bytes.len() as f64 * split::FIRST_SHARE) as usize;
    let Some(plan) = split::plan(bytes, from) else {
        return 0.0;
    };
    let mut quiet = |_: u64, _: u64| {};
    let mut second = plan.prefix.clone();
    second.extend_from_slice(&bytes[plan.cut..]);
    let wire = split::Part::load(name, &second, 0, &mut quiet).to_bytes();
    drop(second);
    let first = split::Part::load(name, &bytes[..plan.cut], bytes.len(), &mut quiet);
    let mut ws = partnerlens::Workspace::new();
    let t = js_sys::Date::now();
    let Ok(mut part) = split::Part::from_bytes(&wire) else {
        return 0.0;
    };
    part.shift_lines(first.line_offset(&bytes[..plan.cut], &plan.prefix));
    ws.add_file_parts(first, part);
    js_sys::Date::now() - t
}
