//! The browser app: a thin leptos shell over the engine. It renders what the engine computed
//! and never computes a metric itself (STYLE.md "Pure core, thin shell").

mod app;
mod components;
mod format;
mod io;
mod protocol;
mod session;
mod theme;

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(app::App);
}
