//! "Remember my files" (off by default): `public/store.js` keeps the loaded files and the last
//! view in this browser's IndexedDB; the next visit opens where the last one ended. "Forget
//! everything" deletes it. Nothing is sent anywhere.

use js_sys::{Array, Promise, Reflect};
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = partnerlensStore, js_name = save, catch)]
    fn store_save(names: &Array, blobs: &Array, view: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = partnerlensStore, js_name = saveView, catch)]
    fn store_save_view(view: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = partnerlensStore, js_name = load, catch)]
    fn store_load() -> Result<Promise, JsValue>;
    #[wasm_bindgen(js_namespace = partnerlensStore, js_name = forget, catch)]
    fn store_forget() -> Result<Promise, JsValue>;
}

const FLAG: &str = "partnerlens.remember";

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

/// Whether the user turned "Remember my files" on in this browser.
pub fn enabled() -> bool {
    storage()
        .and_then(|s| s.get_item(FLAG).ok().flatten())
        .as_deref()
        == Some("1")
}

pub fn set_enabled(on: bool) {
    if let Some(s) = storage() {
        let _ = if on {
            s.set_item(FLAG, "1")
        } else {
            s.remove_item(FLAG)
        };
    }
}

async fn wait(p: Result<Promise, JsValue>) -> Result<JsValue, String> {
    let p = p.map_err(|e| format!("{e:?}"))?;
    JsFuture::from(p).await.map_err(|e| format!("{e:?}"))
}

/// Keeps these files and the view, replacing what was kept.
pub async fn save(files: Vec<(String, web_sys::Blob)>, view: String) -> Result<(), String> {
    let names = Array::new();
    let blobs = Array::new();
    for (n, b) in &files {
        names.push(&JsValue::from_str(n));
        blobs.push(b);
    }
    wait(store_save(&names, &blobs, &view)).await.map(|_| ())
}

pub async fn save_view(view: String) -> Result<(), String> {
    wait(store_save_view(&view)).await.map(|_| ())
}

/// The kept files and view, if any.
pub async fn load() -> Result<Option<(Vec<(String, web_sys::Blob)>, String)>, String> {
    let v = wait(store_load()).await?;
    if v.is_undefined() || v.is_null() {
        return Ok(None);
    }
    let names: Array = Reflect::get(&v, &"names".into())
        .map_err(|e| format!("{e:?}"))?
        .into();
    let blobs: Array = Reflect::get(&v, &"blobs".into())
        .map_err(|e| format!("{e:?}"))?
        .into();
    let view = Reflect::get(&v, &"view".into())
        .ok()
        .and_then(|x| x.as_string())
        .unwrap_or_default();
    let files = names
        .iter()
        .zip(blobs.iter())
        .filter_map(|(n, b)| Some((n.as_string()?, b.dyn_into::<web_sys::Blob>().ok()?)))
        .collect::<Vec<_>>();
    Ok((!files.is_empty()).then_some((files, view)))
}

/// Deletes everything kept.
pub async fn forget() -> Result<(), String> {
    wait(store_forget()).await.map(|_| ())
}
