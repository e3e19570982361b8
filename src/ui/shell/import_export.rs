//! The file inputs of import: the `Import file` input the `Import` action opens, the
//! labelled inputs for other formats, and reading a picked or dropped file (refused
//! unread above the size limit).

use crate::app::{use_transfer, Transfer};
use crate::ui::texts;
use leptos::prelude::*;
use leptos::web_sys;

/// The `Import file` input; the `Import` action opens its file picker.
#[component]
pub fn ImportInput() -> impl IntoView {
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

/// A file this large likely holds a map of [`crate::worker::AWAY_FROM`] actors or more
/// (some 700 bytes an actor with its relations), which the layout worker lays out.
const LARGE_FILE_BYTES: f64 = 100_000.0;

/// A picked file's text; None (and the user told) when it is over the limit or unreadable.
pub async fn file_text(transfer: Transfer, file: &web_sys::File) -> Option<String> {
    if file.size() > samverkan_model::io::MAX_FILE_BYTES as f64 {
        let too_large = samverkan_model::Reason::TooLarge {
            bytes: file.size() as u64,
            limit: samverkan_model::io::MAX_FILE_BYTES,
        };
        transfer.import_failed(
            &file.name(),
            vec![samverkan_model::Problem::new("", too_large)],
        );
        return None;
    }
    if file.size() >= LARGE_FILE_BYTES {
        crate::worker::prepare();
    }
    let text = wasm_bindgen_futures::JsFuture::from(file.text())
        .await
        .ok()?;
    text.as_string()
}

/// Reads a picked file as text and hands it on; files over the limit are refused unread.
pub fn read_file(
    transfer: Transfer,
    file: web_sys::File,
    then: impl FnOnce(String, String) + 'static,
) {
    leptos::task::spawn_local(async move {
        if let Some(text) = file_text(transfer, &file).await {
            then(file.name(), text);
        }
    });
}

/// A labelled file input for another format: the picked file's name and text make the job.
#[component]
pub fn FileButton(
    label: fn(&'static crate::i18n::Texts) -> &'static str,
    accept: &'static str,
    on_text: fn(String, String) -> crate::ui::shell::parts::FormatJob,
) -> impl IntoView {
    let (transfer, formats) = (use_transfer(), crate::ui::shell::parts::Formats::new());
    let t = texts();
    view! {
        <label class="filebutton">
            <span>{move || label(t())}</span>
            <input type="file" accept=accept on:change=move |ev| {
                let target: web_sys::HtmlInputElement = event_target(&ev);
                let Some(file) = target.files().and_then(|files| files.get(0)) else { return };
                target.set_value("");
                read_file(transfer, file, move |name, text| formats.run(on_text(name, text)));
            }/>
        </label>
    }
}
