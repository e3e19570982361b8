//! The top bar: title, save state, the actions table's buttons (undo/redo, new map,
//! import/export), projection and the language switch.

use crate::app::{use_lang, use_saver, SaveStatus};
use crate::ui::shell::actions::{Action, ActionButton, ActionContext};
use crate::ui::shell::import_export::ImportInput;
use crate::ui::texts;
use leptos::prelude::*;

#[component]
pub fn Header() -> impl IntoView {
    let saver = use_saver();
    let formats = crate::ui::shell::parts::Formats::new();
    let lang = use_lang();
    let context = expect_context::<ActionContext>();
    let t = texts();
    let status = move || match saver.status.get() {
        SaveStatus::Saved => t().saved,
        SaveStatus::Pending => t().saving,
        SaveStatus::Failed => t().not_saved,
    };
    let no_map = move || !crate::app::use_doc().is_open();
    let chrome = expect_context::<super::Chrome>();
    view! {
        <header class="topbar" class:menu-open=move || chrome.menu.get()>
            <div class="brand">
                <span class="logo" aria-hidden="true">"◎"</span>
                <h1 class="name">"Samverkan"</h1>
                <span class="tagline">{move || t().tagline}</span>
            </div>
            <crate::ui::shell::parts::RoomStatusSlot/>
            // On a phone a sheet of its own, opened from the bottom bar's `Menu`.
            <div class="toolbar" id="toolbar">
                <ActionButton action=Action::Undo context=context/>
                <ActionButton action=Action::Redo context=context/>
                <span class="status" class:failed=move || saver.status.get() == SaveStatus::Failed
                    aria-live="polite">{status}</span>
                <ActionButton action=Action::NewMap context=context/>
                <ActionButton action=Action::Import context=context/>
                <ImportInput/>
                <ActionButton action=Action::ExportJson context=context/>
                <button on:click=move |_| formats.run(crate::ui::shell::parts::FormatJob::ExportGraphml) disabled=no_map>{move || t().export_graphml}</button>
                <ProjectionButtons/>
                <ActionButton action=Action::Help context=context/>
                <button class="lang" lang=move || lang.get().other().tag()
                    on:click=move |_| {
                        lang.update(|l| *l = l.other());
                        crate::storage::prefs::set(crate::app::LANG_KEY, lang.get_untracked().tag());
                    }>
                    {move || t().switch_language}
                </button>
            </div>
        </header>
    }
}

/// Projection mode for this window, and a projector window that follows it.
#[component]
fn ProjectionButtons() -> impl IntoView {
    let projection = crate::ui::shell::projection::use_projection();
    let lang = use_lang();
    let t = texts();
    view! {
        <button on:click=move |_| crate::ui::shell::projection::toggle(projection) aria-pressed=move || projection.on.get().to_string()
            class="projection-toggle" title="Alt+P · Esc">
            {move || if projection.on.get() { t().exit_projection } else { t().projection_mode }}
        </button>
        <Show when=move || !projection.is_projector>
            <button on:click=move |_| crate::ui::shell::projection::open_projector_window(lang.get_untracked())>{move || t().open_projector}</button>
        </Show>
    }
}
