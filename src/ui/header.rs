//! The top bar: title, save state, undo/redo, import/export and the language switch.

use super::texts;
use crate::state::{use_app_state, SaveStatus};
use leptos::prelude::*;
use leptos::web_sys;

#[component]
pub fn Header() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let status = move || match state.save_status.get() {
        SaveStatus::Saved => t().saved,
        SaveStatus::Pending => t().saving,
        SaveStatus::Failed => t().not_saved,
    };
    let no_map = move || state.current.with(Option::is_none);
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◎"</span>
                <span class="name">"Samverkan"</span>
                <span class="tagline">{move || t().tagline}</span>
            </div>
            <div class="toolbar">
                <button on:click=move |_| state.undo() disabled=move || !state.can_undo.get()
                    title="Ctrl+Z">{move || t().undo}</button>
                <button on:click=move |_| state.redo() disabled=move || !state.can_redo.get()
                    title="Ctrl+Shift+Z">{move || t().redo}</button>
                <span class="status" class:failed=move || state.save_status.get() == SaveStatus::Failed
                    aria-live="polite">{status}</span>
                <button on:click=move |_| state.new_map()>{move || t().new_map}</button>
                <ImportButton/>
                <button on:click=move |_| state.export_current() disabled=no_map>{move || t().export_json}</button>
                <button on:click=move |_| state.export_graphml() disabled=no_map>{move || t().export_graphml}</button>
                <ProjectionButtons/>
                <button class="lang" lang=move || state.lang.get().other().tag()
                    on:click=move |_| state.lang.update(|l| *l = l.other())>
                    {move || t().switch_language}
                </button>
            </div>
        </header>
    }
}

/// `Import` opens the file picker of the `Import file` input.
#[component]
fn ImportButton() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let input = NodeRef::<leptos::html::Input>::new();
    let on_change = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = target.files().and_then(|files| files.get(0)) else {
            return;
        };
        target.set_value("");
        read_file(state, file, move |name, text| {
            state.import_text(&name, &text)
        });
    };
    view! {
        <button on:click=move |_| { if let Some(i) = input.get() { i.click() } }>{move || t().import}</button>
        <input type="file" class="visually-hidden" accept=".json,application/json" node_ref=input
            aria-label=move || t().import_file on:change=on_change/>
    }
}

/// Reads a picked file as text and hands it on; files over the limit are refused unread.
pub fn read_file(
    state: crate::state::AppState,
    file: web_sys::File,
    then: impl FnOnce(String, String) + 'static,
) {
    let name = file.name();
    if file.size() > samverkan_model::io::MAX_FILE_BYTES as f64 {
        // Refused before reading: a file this large would freeze the tab while loading.
        let too_large = samverkan_model::Reason::TooLarge {
            bytes: file.size() as u64,
            limit: samverkan_model::io::MAX_FILE_BYTES,
        };
        state.import_failed(&name, vec![samverkan_model::Problem::new("", too_large)]);
        return;
    }
    let promise = file.text();
    leptos::task::spawn_local(async move {
        if let Ok(text) = wasm_bindgen_futures::JsFuture::from(promise).await {
            then(name, text.as_string().unwrap_or_default());
        }
    });
}

/// Projection mode for this window, and a projector window that follows it.
#[component]
fn ProjectionButtons() -> impl IntoView {
    let state = use_app_state();
    let projection = super::projection::use_projection();
    let t = texts();
    view! {
        <button on:click=move |_| super::projection::toggle(projection) aria-pressed=move || projection.on.get().to_string()
            class="projection-toggle" title="Esc">
            {move || if projection.on.get() { t().exit_projection } else { t().projection_mode }}
        </button>
        <Show when=move || !projection.is_projector>
            <button on:click=move |_| super::projection::open_projector_window(state)>{move || t().open_projector}</button>
        </Show>
    }
}

/// A labelled file input that hands the picked file's text on.
#[component]
pub fn FileButton(
    label: fn(&'static crate::i18n::Texts) -> &'static str,
    accept: &'static str,
    on_text: fn(crate::state::AppState, String, String),
) -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    view! {
        <label class="filebutton">
            <span>{move || label(t())}</span>
            <input type="file" accept=accept on:change=move |ev| {
                let target: web_sys::HtmlInputElement = event_target(&ev);
                let Some(file) = target.files().and_then(|files| files.get(0)) else { return };
                target.set_value("");
                read_file(state, file, move |name, text| on_text(state, name, text));
            }/>
        </label>
    }
}
