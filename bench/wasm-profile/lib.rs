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
