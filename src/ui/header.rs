//! The top bar: title, save state, the actions table's buttons (undo/redo, new map,
//! import/export), projection and the language switch.

use super::actions::{Action, ActionButton, ActionContext};
use super::texts;
use crate::app::{use_lang, use_saver, use_transfer, SaveStatus, Transfer};
use leptos::prelude::*;
use leptos::web_sys;

#[component]
pub fn Header() -> impl IntoView {
    let saver = use_saver();
    let transfer = use_transfer();
    let lang = use_lang();
    let context = expect_context::<ActionContext>();
    let t = texts();
    let status = move || match saver.status.get() {
        SaveStatus::Saved => t().saved,
        SaveStatus::Pending => t().saving,
        SaveStatus::Failed => t().not_saved,
    };
    let no_map = move || !crate::app::use_doc().is_open();
    view! {
        <header class="topbar">
            <div class="brand">
                <span class="logo" aria-hidden="true">"◎"</span>
                <span class="name">"Samverkan"</span>
                <span class="tagline">{move || t().tagline}</span>
            </div>
            <div class="toolbar">
                <ActionButton action=Action::Undo context=context/>
                <ActionButton action=Action::Redo context=context/>
                <span class="status" class:failed=move || saver.status.get() == SaveStatus::Failed
                    aria-live="polite">{status}</span>
                <ActionButton action=Action::NewMap context=context/>
                <ActionButton action=Action::Import context=context/>
                <ImportInput/>
                <ActionButton action=Action::ExportJson context=context/>
                <button on:click=move |_| transfer.export_graphml() disabled=no_map>{move || t().export_graphml}</button>
                <ProjectionButtons/>
                <ActionButton action=Action::Help context=context/>
                <button class="lang" lang=move || lang.get().other().tag()
                    on:click=move |_| lang.update(|l| *l = l.other())>
                    {move || t().switch_language}
                </button>
            </div>
        </header>
    }
}

/// The `Import file` input; the `Import` action opens its file picker.
#[component]
fn ImportInput() -> impl IntoView {
    let transfer = use_transfer();
    let t = texts();
    let on_change = move |ev: leptos::ev::Event| {
        let target: web_sys::HtmlInputElement = event_target(&ev);
        let Some(file) = target.files().and_then(|files| files.get(0)) else {
            return;
        };
        target.set_value("");
        read_file(transfer, file, move |name, text| {
            transfer.import_text(&name, &text)
        });
    };
    view! {
        <input type="file" id="import-file" class="visually-hidden" accept=".json,application/json"
            aria-label=move || t().import_file on:change=on_change/>
    }
}

/// Reads a picked file as text and hands it on; files over the limit are refused unread.
pub fn read_file(
    transfer: Transfer,
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
        transfer.import_failed(&name, vec![samverkan_model::Problem::new("", too_large)]);
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
    let projection = super::projection::use_projection();
    let lang = use_lang();
    let t = texts();
    view! {
        <button on:click=move |_| super::projection::toggle(projection) aria-pressed=move || projection.on.get().to_string()
            class="projection-toggle" title="Alt+P · Esc">
            {move || if projection.on.get() { t().exit_projection } else { t().projection_mode }}
        </button>
        <Show when=move || !projection.is_projector>
            <button on:click=move |_| super::projection::open_projector_window(lang.get_untracked())>{move || t().open_projector}</button>
        </Show>
    }
}

/// A labelled file input that hands the picked file's text on.
#[component]
pub fn FileButton(
    label: fn(&'static crate::i18n::Texts) -> &'static str,
    accept: &'static str,
    on_text: fn(Transfer, String, String),
) -> impl IntoView {
    let transfer = use_transfer();
    let t = texts();
    view! {
        <label class="filebutton">
            <span>{move || label(t())}</span>
            <input type="file" accept=accept on:change=move |ev| {
                let target: web_sys::HtmlInputElement = event_target(&ev);
                let Some(file) = target.files().and_then(|files| files.get(0)) else { return };
                target.set_value("");
                read_file(transfer, file, move |name, text| on_text(transfer, name, text));
            }/>
        </label>
    }
}
