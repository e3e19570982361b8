//! The list of maps in this browser: open, rename, duplicate, delete (confirmed, undoable).

use crate::app::{use_doc, use_library, use_transfer, MapSummary};
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::MapId;

#[component]
pub fn MapList() -> impl IntoView {
    let library = use_library();
    let t = texts();
    view! {
        <nav class="maplist" aria-labelledby="maps-heading">
            <h2 id="maps-heading">{move || t().maps}</h2>
            <Show when=move || library.maps.with(Vec::is_empty)>
                <p class="empty">{move || t().no_maps}</p>
            </Show>
            <ul>
                <For each=move || library.maps.get() key=|m| m.id.clone() let:summary>
                    <MapRow id=summary.id.clone()/>
                </For>
            </ul>
            {crate::ui::shell::parts::shown(crate::ui::shell::parts::map_list_footer())}
        </nav>
    }
}

/// Under the list: `Export all maps`, `Paste JSON`, `More formats`, the storage line and
/// sharing (a part: the first screen does not wait for it).
#[component]
pub fn MapListFooter() -> impl IntoView {
    let (doc, library, transfer) = (use_doc(), use_library(), use_transfer());
    let formats = crate::ui::shell::parts::Formats::new();
    let no_map = move || !doc.is_open();
    let t = texts();
    view! {
            <div class="maplist-footer">
                <button on:click=move |_| transfer.export_all() disabled=move || library.maps.with(Vec::is_empty)>
                    {move || t().export_all}
                </button>
                <PasteImport/>
                <details class="moreformats">
                    <summary>{move || t().more_formats}</summary>
                    <button on:click=move |_| formats.run(crate::ui::shell::parts::FormatJob::ExportCsv { relations: false }) disabled=no_map>{move || t().export_actors_csv}</button>
                    <button on:click=move |_| formats.run(crate::ui::shell::parts::FormatJob::ExportCsv { relations: true }) disabled=no_map>{move || t().export_relations_csv}</button>
                    <crate::ui::shell::import_export::FileButton label=|t| t.import_actors_csv accept=".csv,text/csv,.txt" on_text=|file, text| crate::ui::shell::parts::FormatJob::PreviewActors { file, text }/>
                    <crate::ui::shell::import_export::FileButton label=|t| t.import_relations_csv accept=".csv,text/csv,.txt" on_text=|file, text| crate::ui::shell::parts::FormatJob::ImportRelations { file, text }/>
                    <crate::ui::shell::import_export::FileButton label=|t| t.import_kumu accept=".json,.csv,application/json,text/csv" on_text=|file, text| crate::ui::shell::parts::FormatJob::ImportKumu { file, text }/>
                </details>
                <crate::ui::shell::storage_line::StorageLine/>
            </div>
            <crate::ui::shell::sharing::SharePanel/>
    }
}

/// Characters in a title's word beyond which it is set smaller in the list's column.
const LONG_WORD: usize = 15;

/// What a row is showing besides its title.
#[derive(Clone, Copy, PartialEq)]
enum RowMode {
    Idle,
    Renaming,
    ConfirmingDelete,
}

#[component]
fn MapRow(id: MapId) -> impl IntoView {
    let (doc, library) = (use_doc(), use_library());
    let t = texts();
    let mode = RwSignal::new(RowMode::Idle);
    let summary = {
        let id = id.clone();
        Memo::new(move |_| {
            library
                .maps
                .with(|maps| maps.iter().find(|m| m.id == id).cloned())
                .unwrap_or(MapSummary {
                    id: id.clone(),
                    title: String::new(),
                    actors: 0,
                })
        })
    };
    let title = move || {
        let title = summary.with(|s| s.title.clone());
        if title.trim().is_empty() {
            t().untitled_map.to_owned()
        } else {
            title
        }
    };
    let is_open = {
        let id = id.clone();
        Memo::new(move |_| doc.map_id().is_some_and(|open| open == id))
    };
    let chrome = expect_context::<super::Chrome>();
    // On a tablet or phone the list lies over the view: it steps aside for the map chosen.
    let open = {
        let id = id.clone();
        move |_| {
            library.open(&id);
            chrome.close_overlays();
        }
    };
    let duplicate = {
        let id = id.clone();
        move |_| library.duplicate(&id)
    };
    let delete = {
        let id = id.clone();
        move |_| {
            mode.set(RowMode::Idle);
            library.delete(&id);
        }
    };
    let versions = {
        let id = id.clone();
        let request = crate::ui::dialogs::versions::use_versions().0;
        move |_| request.set(Some(id.clone()))
    };
    let title_id = format!("maptitle-{}", id.0);
    let label_id = title_id.clone();
    let rename_to = {
        let id = id.clone();
        move |text: String| {
            library.rename(&id, &text);
            mode.set(RowMode::Idle);
        }
    };
    view! {
        <li class="maprow" class:open=is_open>
            <Show when=move || mode.get() == RowMode::Renaming
                fallback=move || {
                    let open = open.clone();
                    view! {
                    // The count beside the button, not in it: its name says what it shows.
                    <button class="maptitle" on:click=open aria-current=move || is_open.get().then_some("true")
                        aria-label=move || (t().open_map)(&title())>
                        // A word too long for the column (Kompetensplattformen) is set a
                        // little smaller rather than broken in the middle.
                        <span class="title" class:long-word=move || title().split_whitespace().any(|w| w.chars().count() > LONG_WORD)
                            id=label_id.clone()>{title}</span>
                    </button>
                    <span class="count">{move || (t().actors_count)(summary.with(|s| s.actors))}</span>
                    }
                }>
                <RenameBox initial=title() on_done=rename_to.clone() on_cancel=move || mode.set(RowMode::Idle)/>
            </Show>
            <div class="rowtools">
                <button class="small" on:click=move |_| mode.set(RowMode::Renaming)
                    aria-label=move || (t().rename_map)(&title())>{move || t().rename}</button>
                <button class="small" on:click=versions aria-describedby=title_id>{move || t().versions}</button>
                <button class="small" on:click=duplicate
                    aria-label=move || (t().duplicate_map)(&title())>{move || t().duplicate}</button>
                <button class="small danger" on:click=move |_| mode.set(RowMode::ConfirmingDelete)
                    aria-label=move || (t().delete_map)(&title())>{move || t().delete}</button>
            </div>
            <Show when=move || mode.get() == RowMode::ConfirmingDelete>
                <div class="confirm" role="alertdialog" aria-label=move || (t().delete_map)(&title())>
                    <p>{move || (t().confirm_delete_map)(&title())}</p>
                    <button class="danger" on:click=delete.clone()>{move || t().delete}</button>
                    <button on:click=move |_| mode.set(RowMode::Idle)>{move || t().cancel}</button>
                </div>
            </Show>
        </li>
    }
}

/// A text box to rename a map: Enter saves, Escape cancels.
#[component]
fn RenameBox(
    initial: String,
    on_done: impl Fn(String) + Clone + 'static,
    on_cancel: impl Fn() + Clone + 'static,
) -> impl IntoView {
    let t = texts();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(el) = input.get() {
            let _ = el.focus();
            el.select();
        }
    });
    let save = {
        let on_done = on_done.clone();
        move |_| {
            if let Some(el) = input.get_untracked() {
                on_done(el.value());
            }
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| match ev.key().as_str() {
        "Enter" => {
            if let Some(el) = input.get_untracked() {
                on_done(el.value());
            }
        }
        "Escape" => on_cancel(),
        _ => {}
    };
    view! {
        <span class="renamebox">
            <input type="text" node_ref=input value=initial aria-label=move || t().map_title on:keydown=on_key/>
            <button class="small" on:click=save>{move || t().save}</button>
        </span>
    }
}

/// "Paste JSON": a text area for a map copied as text (e-mail, chat), imported like a file.
#[component]
fn PasteImport() -> impl IntoView {
    let transfer = use_transfer();
    let t = texts();
    let open = RwSignal::new(false);
    let text = RwSignal::new(String::new());
    let import = move |_| {
        transfer.import_text(t().paste_json, &text.get_untracked());
        text.set(String::new());
        open.set(false);
    };
    view! {
        <button on:click=move |_| open.update(|o| *o = !*o) aria-expanded=move || open.get().to_string()>
            {move || t().paste_json}
        </button>
        <Show when=move || open.get()>
            <div class="pastebox">
                <textarea rows="6" aria-label=move || t().paste_json_label
                    prop:value=move || text.get() on:input=move |ev| text.set(event_target_value(&ev))></textarea>
                <button class="primary" on:click=import disabled=move || text.with(|t| t.trim().is_empty())>
                    {move || t().import_pasted}
                </button>
            </div>
        </Show>
    }
}
