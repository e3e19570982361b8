//! Sharing in the map list: the `Export profile` every export applies, `Share link`, and
//! `Merge into this map`; with the dialogs for a share link opened from the address and
//! for a merge's conflicts.

use crate::app::sharing::{Incoming, LinkState};
use crate::app::{use_doc, use_sharing, use_transfer};
use crate::i18n::Texts;
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use leptos::prelude::*;
use leptos::web_sys;
use samverkan_model::merge::Conflict;
use samverkan_model::privacy::Profile;
use serde_json::Value;

#[component]
pub fn SharePanel() -> impl IntoView {
    let (doc, transfer, sharing) = (use_doc(), use_transfer(), use_sharing());
    let profile = transfer.profile();
    let t = texts();
    let no_map = move || !doc.is_open();
    // The open map's own profile, when it came from a file made with one.
    let made = Memo::new(move |_| {
        let made = doc.with_map_tracked(|m| (m.title.clone(), m.profile));
        made.filter(|(_, p)| !p.is_full())
    });
    // A link made before the map or the profile changed would hand on something else.
    Effect::new(move |_| {
        profile.track();
        doc.map_id();
        sharing.link.set(None);
    });
    view! {
        <section class="share" aria-labelledby="share-heading">
            <h2 id="share-heading">{move || t().share_heading}</h2>
            <label class="field">
                <span>{move || t().export_profile}</span>
                <select aria-label=move || t().export_profile
                    on:change=move |ev| {
                        if let Some(p) = Profile::parse(&event_target_value(&ev)) {
                            profile.set(p);
                        }
                    }>
                    {Profile::ALL.into_iter().map(|p| view! {
                        <option value=p.as_str() selected=move || profile.get() == p>{move || (t().profile_label)(p)}</option>
                    }).collect_view()}
                </select>
            </label>
            <p class="hint">{move || (t().profile_help)(profile.get())}</p>
            {move || made.get().map(|(title, p)| view! {
                <p class="profile-note">{move || (t().made_with_profile)(&title, p)}</p>
            })}
            <button on:click=move |_| sharing.make_link() disabled=no_map>{move || t().share_link}</button>
            <LinkBox/>
            <RoomButton/>
            <button on:click=move |_| sharing.merging.set(true) disabled=no_map>{move || t().merge_into_map}</button>
        </section>
    }
}

/// `Start room` turns the open map into a room; in a room, `Room` shows it.
#[component]
fn RoomButton() -> impl IntoView {
    let Some(slot) = use_context::<crate::app::room::RoomSlot>() else {
        return ().into_any();
    };
    let (doc, t) = (use_doc(), texts());
    let in_room = move || slot.shown.with(Option::is_some);
    let click = move |_| {
        if !in_room() {
            slot.start();
        }
        slot.dialog.set(true);
    };
    view! {
        <button on:click=click disabled=move || !doc.is_open()>
            {move || if in_room() { t().room } else { t().start_room }}
        </button>
    }
    .into_any()
}

/// The link made, in a read-only box, or why there is none.
#[component]
fn LinkBox() -> impl IntoView {
    let sharing = use_sharing();
    let transfer = use_transfer();
    let t = texts();
    let select_all = |ev: leptos::ev::FocusEvent| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        input.select();
    };
    move || {
        match sharing.link.get() {
        None => ().into_any(),
        Some(LinkState::Making) => view! { <p class="hint" aria-live="polite">{move || t().share_link_making}</p> }.into_any(),
        Some(LinkState::Ready { link, copied }) => view! {
            <input class="share-link" type="text" readonly aria-label=move || t().share_link
                prop:value=link on:focus=select_all/>
            <p class="hint" aria-live="polite">
                {move || if copied { format!("{} {}", t().share_link_copied, t().share_link_ready) } else { t().share_link_ready.to_owned() }}
            </p>
        }.into_any(),
        Some(LinkState::TooLong(chars)) => view! {
            <p role="alert" class="warning">{move || (t().share_link_too_long)(chars)}</p>
            <button on:click=move |_| transfer.export_current()>{move || t().export_json}</button>
        }.into_any(),
        Some(LinkState::Failed) => view! { <p role="alert" class="warning">{move || t().share_link_failed}</p> }.into_any(),
    }
    }
}

/// Asks before a share link opened from the address is imported.
#[component]
pub fn SharedMapDialog() -> impl IntoView {
    let sharing = use_sharing();
    let t = texts();
    let incoming = sharing.incoming;
    let holds = move |i: &Incoming, t: &Texts| {
        let mut text = (t.shared_map_holds)(&i.title, i.actors, i.relations);
        if !i.profile.is_full() {
            text = format!("{text} {}", (t.made_with_profile)(&i.title, i.profile));
        }
        text
    };
    view! {
        <Show when=move || incoming.with(Option::is_some)>
            <Modal class="help" labelled_by="shared-map-title" keep_on_outside_click=true
                close=Callback::new(move |()| sharing.cancel_shared())>
                    <h2 id="shared-map-title">{move || t().shared_map}</h2>
                    <p>{move || incoming.with(|i| i.as_ref().map(|i| holds(i, t())))}</p>
                    <div class="buttons">
                        <button class="primary" on:click=move |_| sharing.open_shared()>{move || t().open_shared_map}</button>
                        <button on:click=move |_| sharing.cancel_shared()>{move || t().cancel}</button>
                    </div>
            </Modal>
        </Show>
    }
}

/// A conflicting value as the user reads it: words for kinds and levels, `–` for unset.
fn value_text(field: &str, value: &Value, t: &Texts) -> String {
    use samverkan_model::{ActorKind, Level, RelationKind};
    fn parsed<T: serde::de::DeserializeOwned>(v: &Value) -> Option<T> {
        serde_json::from_value(v.clone()).ok()
    }
    match (field, value) {
        (_, Value::Null) => "–".into(),
        (_, Value::String(s)) if s.is_empty() => "–".into(),
        ("kind", v) => parsed(v)
            .map(|k: ActorKind| (t.kind_label)(k).to_owned())
            .or_else(|| parsed(v).map(|k: RelationKind| (t.relation_kind_label)(k).to_owned()))
            .unwrap_or_else(|| v.to_string()),
        ("level", v) => parsed(v)
            .map(|l: Level| (t.level_label)(l).to_owned())
            .unwrap_or_else(|| v.to_string()),
        ("sector", Value::String(s)) => (t.sector_label)(s).to_owned(),
        (_, Value::Bool(b)) => if *b { t.yes } else { t.no }.to_owned(),
        (_, Value::String(s)) => s.clone(),
        (_, Value::Object(flags)) => {
            let on: Vec<&str> = flags
                .iter()
                .filter(|(_, v)| v.as_bool() == Some(true))
                .map(|(k, _)| match k.as_str() {
                    "power" => t.power,
                    "legitimacy" => t.legitimacy,
                    "urgency" => t.urgency,
                    other => other,
                })
                .collect();
            if on.is_empty() {
                "–".into()
            } else {
                on.join(", ")
            }
        }
        (_, v) => v.to_string(),
    }
}

/// `Merge into this map`: pick files, settle conflicts, merge.
#[component]
pub fn MergeDialog() -> impl IntoView {
    let sharing = use_sharing();
    let transfer = use_transfer();
    let t = texts();
    let on_files = move |ev: leptos::ev::Event| {
        let input: web_sys::HtmlInputElement = event_target(&ev);
        let Some(list) = input.files() else { return };
        let files: Vec<web_sys::File> = (0..list.length()).filter_map(|i| list.get(i)).collect();
        input.set_value("");
        leptos::task::spawn_local(async move {
            let mut texts = Vec::new();
            for file in files {
                match crate::ui::shell::import_export::file_text(transfer, &file).await {
                    Some(text) => texts.push((file.name(), text)),
                    None => return,
                }
            }
            sharing.plan_merge(texts);
        });
    };
    let plan = sharing.merge;
    let counts = move || plan.with(|p| p.as_ref().map(|p| (t().merge_counts)(&p.plan.counts())));
    // The rows change with the files picked, not with a choice (that would move focus).
    let conflicts = Memo::new(move |_| {
        plan.with(|p| {
            let conflicts = p.iter().flat_map(|p| p.plan.conflicts.iter());
            conflicts
                .map(|c| Conflict {
                    take_theirs: false,
                    ..c.clone()
                })
                .collect::<Vec<_>>()
        })
    });
    let close = move || sharing.close_merge();
    view! {
        <Show when=move || sharing.merging.get()>
            <Modal class="help merge" labelled_by="merge-title" close=Callback::new(move |()| close())>
                    <div class="editor-head">
                        <h2 id="merge-title">{move || t().merge_title}</h2>
                        <button class="small" on:click=move |_| close() aria-label=move || t().close>"×"</button>
                    </div>
                    <p class="hint">{move || t().merge_hint}</p>
                    <label class="filebutton">
                        <span>{move || t().merge_file}</span>
                        <input type="file" multiple accept=".json,application/json"
                            aria-label=move || t().merge_file on:change=on_files/>
                    </label>
                    <Show when=move || plan.with(Option::is_some)>
                        <p class="headline" aria-live="polite">{counts}</p>
                        <p>{move || (t().merge_conflicts)(conflicts.with(Vec::len))}</p>
                        <table class="conflicts">
                            <tbody>
                                {move || conflicts.get().into_iter().enumerate().map(|(i, c)| view! { <ConflictRow index=i conflict=c/> }).collect_view()}
                            </tbody>
                        </table>
                        <div class="buttons">
                            <button class="primary" on:click=move |_| sharing.confirm_merge()>{move || t().merge_confirm}</button>
                            <button on:click=move |_| close()>{move || t().cancel}</button>
                        </div>
                    </Show>
            </Modal>
        </Show>
    }
}

/// One differing field, with the choice between the two values.
#[component]
fn ConflictRow(index: usize, conflict: Conflict) -> impl IntoView {
    let sharing = use_sharing();
    let t = texts();
    let name = format!("conflict-{index}");
    let Conflict {
        label,
        field,
        mine,
        theirs,
        ..
    } = conflict;
    let (mine_field, theirs_field) = (field.clone(), field.clone());
    let heading = {
        let field = field.clone();
        move || format!("{label} · {}", t().field_name(&field))
    };
    view! {
        <tr>
            <th scope="row">{heading}</th>
            <td>
                <label>
                    <input type="radio" name=name.clone() checked=true
                        on:change=move |_| sharing.choose(index, false)/>
                    {move || format!("{}: {}", t().keep_mine, value_text(&mine_field, &mine, t()))}
                </label>
            </td>
            <td>
                <label>
                    <input type="radio" name=name
                        on:change=move |_| sharing.choose(index, true)/>
                    {move || format!("{}: {}", t().take_theirs, value_text(&theirs_field, &theirs, t()))}
                </label>
            </td>
        </tr>
    }
}
