//! The `Import preview` of an actor sheet: each column with the meaning it will be read
//! as (a select per column, so a `Roll` column can be read as the kind, or a second name
//! column kept in the notes), the first rows beneath, and `Import rows` or `Cancel`.

use crate::app::use_transfer;
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::formats::csv::ACTOR_COLUMNS;

#[component]
pub fn SheetPreviewDialog() -> impl IntoView {
    let transfer = use_transfer();
    let choice = transfer.preview();
    let t = texts();
    let open = move || choice.with(Option::is_some);
    let cancel = move || choice.set(None);
    let headers = move || {
        choice.with(|c| {
            c.as_ref()
                .map(|c| c.preview.headers.clone())
                .unwrap_or_default()
        })
    };
    let rows = move || {
        choice.with(|c| {
            c.as_ref()
                .map(|c| c.preview.rows.clone())
                .unwrap_or_default()
        })
    };
    let file = move || choice.with(|c| c.as_ref().map(|c| c.file.clone()).unwrap_or_default());
    let meaning = move |column: usize| {
        let header = headers().get(column).cloned().unwrap_or_default();
        let current = move || {
            choice.with(|c| {
                c.as_ref()
                    .and_then(|c| c.fields.get(column).cloned().flatten())
                    .unwrap_or_default()
            })
        };
        let set = move |ev: leptos::ev::Event| {
            let value = event_target_value(&ev);
            choice.update(|c| {
                if let Some(slot) = c.as_mut().and_then(|c| c.fields.get_mut(column)) {
                    *slot = (!value.is_empty()).then_some(value);
                }
            });
        };
        view! {
            <select aria-label=move || (t().column_meaning)(&header) prop:value=current on:change=set>
                <option value="" selected=move || current().is_empty()>{move || t().kept_in_notes}</option>
                {ACTOR_COLUMNS.into_iter().map(|field| view! {
                    <option value=field selected=move || current() == field>{move || t().field_name(field)}</option>
                }).collect_view()}
            </select>
        }
    };
    view! {
        <Show when=open>
            <Modal class="help sheet-preview" labelled_by="sheet-preview-title" close=Callback::new(move |()| cancel())>
                    <div class="editor-head">
                        <h2 id="sheet-preview-title">{move || t().import_preview}</h2>
                    </div>
                    <p>{move || (t().import_preview_hint)(&file())}</p>
                    {move || choice.with(|c| c.as_ref().and_then(|c| c.preview.names_from.clone())).map(|(empty, used)| view! {
                        <p class="hint" role="note">{move || (t().names_from)(&empty, &used)}</p>
                    })}
                    <div class="table-scroll">
                        <table class="plain">
                            <thead>
                                <tr>{move || headers().into_iter().map(|h| view! { <th>{h}</th> }).collect_view()}</tr>
                                <tr>{move || (0..headers().len()).map(|i| view! { <th>{meaning(i)}</th> }).collect_view()}</tr>
                            </thead>
                            <tbody>
                                {move || rows().into_iter().map(|row| view! {
                                    <tr>{row.into_iter().map(|cell| view! { <td>{cell}</td> }).collect_view()}</tr>
                                }).collect_view()}
                            </tbody>
                        </table>
                    </div>
                    <div class="noticetools">
                        <button class="primary" on:click=move |_| transfer.import_previewed()>{move || t().import_rows}</button>
                        <button on:click=move |_| cancel()>{move || t().cancel}</button>
                    </div>
            </Modal>
        </Show>
    }
}
