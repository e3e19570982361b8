//! Entry point: opens storage (IndexedDB is asynchronous), mounts the app, then lets a
//! service worker keep it for use offline. Everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    // Leptos sets up its executor when it mounts; until then, plain wasm-bindgen futures.
    wasm_bindgen_futures::spawn_local(async {
        let opened = samverkan::storage::Backend::open().await;
        leptos::mount::mount_to_body(move || {
            leptos::view! { <samverkan::ui::App opened=opened/> }
        });
        samverkan::browser::register_service_worker();
    });
}
