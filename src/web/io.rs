//! The I/O boundary: reading dropped files, fetching the sample and `#src=` reports.
//! Nothing here computes; every byte goes straight to the engine through the session.

use crate::session::{Session, Source, Status};
use gloo_net::http::Request;
use leptos::prelude::Set;

/// Sends the files a user picked or dropped to the engine (the worker reads them in chunks).
/// Files too large for the browser are refused before a byte is read.
pub fn load_files(session: Session, files: Vec<web_sys::File>) {
    let sizes: Vec<(String, u64)> = files.iter().map(|f| (f.name(), f.size() as u64)).collect();
    #[cfg(feature = "crash-probe")]
    if sizes.iter().any(|(name, _)| name == "crash-probe-page.tsv") {
        panic!("crash probe: a deliberate panic on the page (test-only build)");
    }
    if let Err(message) = partnerlens::limits::check_load(&sizes) {
        session.status.set(Status::Failed(message));
        return;
    }
    let batch = files
        .into_iter()
        .map(|f| (f.name(), web_sys::Blob::from(f)))
        .collect();
    session.load(Source::Files, batch);
}

/// Fetches report files from this site (the bundled sample, or `#src=` links) and loads them.
pub async fn load_urls(session: Session, source: Source, urls: Vec<String>) {
    let mut batch = Vec::new();
    let mut failed = Vec::new();
    for url in &urls {
        let name = url.rsplit('/').next().unwrap_or(url).to_string();
        match fetch_bytes(url).await.and_then(|b| blob_of(&b)) {
            Ok(blob) => batch.push((name, blob)),
            Err(e) => failed.push(format!("{name}: {e}")),
        }
    }
    if !failed.is_empty() {
        session.status.set(Status::Failed(failed.join("; ")));
    }
    session.load(source, batch);
}

fn blob_of(bytes: &[u8]) -> Result<web_sys::Blob, String> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(bytes));
    web_sys::Blob::new_with_u8_array_sequence(&parts)
        .map_err(|_| "could not hold the file in memory".to_string())
}

async fn fetch_bytes(url: &str) -> Result<Vec<u8>, String> {
    let resp = Request::get(url)
        .send()
        .await
        .map_err(|e| format!("could not fetch {url}: {e}"))?;
    if !resp.ok() {
        return Err(format!("could not fetch {url}: HTTP {}", resp.status()));
    }
    resp.binary()
        .await
        .map_err(|e| format!("could not read {url}: {e}"))
}

/// The bundled sample: `sample/manifest.json` lists the files beside it.
pub async fn load_sample(session: Session) {
    let names: Result<Vec<String>, String> = async {
        let bytes = fetch_bytes("sample/manifest.json").await?;
        let v: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| format!("sample/manifest.json: {e}"))?;
        Ok(v["files"]
            .as_array()
            .map(|a| {
                a.iter()
                    .filter_map(|f| f.as_str())
                    .map(|f| format!("sample/{f}"))
                    .collect()
            })
            .unwrap_or_default())
    }
    .await;
    match names {
        Ok(urls) => load_urls(session, Source::Sample, urls).await,
        Err(e) => session.status.set(Status::Failed(e)),
    }
}

/// The `src=` entries of the page address's fragment (`#src=reports/a.tsv&src=reports/b.tsv`),
/// kept only when they resolve to this site's own origin.
pub fn fragment_sources() -> (Vec<String>, Vec<String>) {
    let Some(window) = web_sys::window() else {
        return (Vec::new(), Vec::new());
    };
    let location = window.location();
    let hash = location.hash().unwrap_or_default();
    let href = location.href().unwrap_or_default();
    let origin = location.origin().unwrap_or_default();
    let (mut ok, mut refused) = (Vec::new(), Vec::new());
    for part in hash.trim_start_matches('#').split('&') {
        let Some(value) = part.strip_prefix("src=") else {
            continue;
        };
        let value = js_sys::decode_uri_component(value)
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_else(|| value.to_string());
        match web_sys::Url::new_with_base(&value, &href) {
            Ok(u) if u.origin() == origin => ok.push(u.href()),
            _ => refused.push(value),
        }
    }
    (ok, refused)
}

/// The country shapes for the map (`world.json`, beside the page), fetched once.
pub async fn load_world(session: Session) {
    match fetch_bytes("world.json")
        .await
        .and_then(|b| partnerlens::charts::world::World::parse(&b))
    {
        Ok(w) => session.world.set(Some(std::sync::Arc::new(w))),
        Err(e) => leptos::logging::warn!("world map unavailable: {e}"),
    }
}

/// Offers `text` as a file download (nothing leaves the browser: a local object URL).
/// Saves a `data:` or `blob:` URL as a file named `name`.
pub fn download_url(name: &str, url: &str) -> Result<(), String> {
    use wasm_bindgen::JsCast;
    let document = web_sys::window()
        .and_then(|w| w.document())
        .ok_or("no document")?;
    let a: web_sys::HtmlAnchorElement = document
        .create_element("a")
        .map_err(|_| "no anchor")?
        .dyn_into()
        .map_err(|_| "no anchor")?;
    a.set_href(url);
    a.set_download(name);
    a.click();
    Ok(())
}

pub fn download(name: &str, mime: &str, text: &str) -> Result<(), String> {
    let parts = js_sys::Array::of1(&wasm_bindgen::JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)
        .map_err(|_| "could not make the file")?;
    let url =
        web_sys::Url::create_object_url_with_blob(&blob).map_err(|_| "could not make the file")?;
    let saved = download_url(name, &url);
    let _ = web_sys::Url::revoke_object_url(&url);
    saved
}
