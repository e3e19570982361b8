//! Entry point: mounts the app, then lets a service worker keep it for use offline.
//! Everything else lives in the library.

fn main() {
    console_error_panic_hook::set_once();
    leptos::mount::mount_to_body(samverkan::ui::App);
    samverkan::browser::register_service_worker();
}
