//! Entry point: opens storage (IndexedDB is asynchronous), mounts the app, then lets a
//! service worker keep it for use offline once the page is quiet (on a room link's visit,
//! once joined). Everything else lives in the library.

// Faster than the default dlmalloc at the reactive graph's many small allocations, and
// smaller. Single-threaded: the page's wasm has no atomics.
#[cfg(all(not(target_feature = "atomics"), target_family = "wasm"))]
#[global_allocator]
static ALLOCATOR: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();

fn main() {
    console_error_panic_hook::set_once();
    // Read before the app takes the room link out of the address.
    let joining = samverkan::app::room::opened_with_link();
    // Leptos sets up its executor when it mounts; until then, plain wasm-bindgen futures.
    wasm_bindgen_futures::spawn_local(async move {
        let opened = samverkan::storage::Backend::open().await;
        leptos::mount::mount_to_body(move || {
            leptos::view! { <samverkan::ui::App opened=opened/> }
        });
        if joining {
            samverkan::app::room::register_service_worker_after_joining();
        } else {
            samverkan::browser::once_quiet(samverkan::browser::register_service_worker);
        }
    });
}
