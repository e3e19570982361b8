//! Keyboard linking: with an actor selected, `L` opens a small search box. Typing part of
//! a name lists the matches (arrow keys move through them), the relation kind is chosen
//! beside it (Tab, then the arrow keys), and Enter links the two. The kind last used
//! is the default next time, for Shift+click linking too.

use crate::app::use_doc;
use crate::ui::shell::selection::use_selection;
use crate::ui::texts;
use leptos::prelude::*;
use leptos::web_sys::{HtmlElement, KeyboardEvent};
use samverkan_model::sort::sort_by;
use samverkan_model::{ActorId, RelationKind};

/// How many matches the box lists.
const MATCHES_SHOWN: usize = 8;

/// Whether the box is open, and the relation kind last used (view state).
#[derive(Clone, Copy)]
pub struct Linking {
    pub open: RwSignal<bool>,
    pub kind: RwSignal<RelationKind>,
    /// `Link` without a keyboard: the next actor tapped is linked to the selected one.
    pub picking: RwSignal<bool>,
}

impl Linking {
    pub fn provide() -> Self {
        let linking = Self {
            open: RwSignal::new(false),
            kind: RwSignal::new(RelationKind::default()),
            picking: RwSignal::new(false),
        };
        provide_context(linking);
        linking
    }
}

pub fn use_linking() -> Linking {
    expect_context()
}

/// Links the selected actor to `to` with the kind last chosen; false when they are the
/// same actor or already linked.
pub fn link_selected_to(to: &ActorId) -> bool {
    let (doc, linking) = (use_doc(), use_linking());
    let Some(from) = use_selection().0.get_untracked() else {
        return false;
    };
    let kind = linking.kind.get_untracked();
    let command = doc.with_map(|m| {
        samverkan_model::edit::link(m, crate::browser::new_id().into(), &from, to, kind)
    });
    match command.flatten() {
        Some(command) => {
            doc.dispatch(command);
            true
        }
        None => false,
    }
}

/// Ends `Link` by tapping: links the selected actor to `to` when an end is being picked.
/// True when it did (the tap is used up).
pub fn picked(to: &ActorId) -> bool {
    let linking = use_linking();
    let from = use_selection().0.get_untracked();
    if !linking.picking.get_untracked() || from.is_none() || from.as_ref() == Some(to) {
        return false;
    }
    link_selected_to(to);
    linking.picking.set(false);
    use_selection().0.set(Some(to.clone()));
    true
}

/// The actors whose name or short name contains `query` (those starting with it first),
/// leaving out `from` and the actors it is already linked to.
fn matches(query: &str, from: &ActorId) -> Vec<(ActorId, String)> {
    let query = query.trim().to_lowercase();
    if query.is_empty() {
        return Vec::new();
    }
    use_doc()
        .with_map_tracked(|m| {
            let linked: std::collections::HashSet<&ActorId> = m
                .relations
                .iter()
                .filter(|r| r.touches(from))
                .flat_map(|r| [&r.from, &r.to])
                .collect();
            let mut found: Vec<(bool, &samverkan_model::Actor)> = m
                .actors
                .iter()
                .filter(|a| &a.id != from && !linked.contains(&a.id))
                .filter_map(|a| {
                    let (name, short) = (a.name.to_lowercase(), a.short_name.to_lowercase());
                    let starts = name.starts_with(&query) || short.starts_with(&query);
                    (starts || name.contains(&query) || short.contains(&query))
                        .then_some((!starts, a))
                })
                .collect();
            sort_by(&mut found, |a, b| {
                a.0.cmp(&b.0).then_with(|| a.1.name.cmp(&b.1.name))
            });
            found
                .into_iter()
                .take(MATCHES_SHOWN)
                .map(|(_, a)| (a.id.clone(), a.name.clone()))
                .collect()
        })
        .unwrap_or_default()
}

#[component]
pub fn LinkBox() -> impl IntoView {
    let (linking, selection, t) = (use_linking(), use_selection(), texts());
    let query = RwSignal::new(String::new());
    let highlighted = RwSignal::new(0usize);
    let input = NodeRef::<leptos::html::Input>::new();
    // Where the focus was, to give it back when the box closes.
    let came_from = StoredValue::new_local(None::<HtmlElement>);
    let from = move || selection.0.get();
    let found = Memo::new(move |_| {
        from()
            .map(|f| matches(&query.get(), &f))
            .unwrap_or_default()
    });
    let close = move || {
        linking.open.set(false);
        query.set(String::new());
        highlighted.set(0);
        if let Some(element) = came_from.get_value() {
            let _ = element.focus();
        }
    };
    Effect::new(move |_| {
        if linking.open.get() {
            came_from.set_value(
                document()
                    .active_element()
                    .map(wasm_bindgen::JsCast::unchecked_into),
            );
            if let Some(input) = input.get() {
                let _ = input.focus();
            }
        }
    });
    // A box left open for an actor that is deselected or gone closes.
    Effect::new(move |_| {
        if from().is_none() && linking.open.get_untracked() {
            linking.open.set(false);
        }
    });
    let link_to = move |id: ActorId| {
        link_selected_to(&id);
        close();
    };
    let on_key = move |ev: KeyboardEvent| {
        let count = found.with(Vec::len);
        match ev.key().as_str() {
            "Escape" => {
                ev.stop_propagation();
                close();
            }
            "Enter" => {
                ev.prevent_default();
                ev.stop_propagation();
                if let Some((id, _)) = found.with(|f| f.get(highlighted.get_untracked()).cloned()) {
                    link_to(id);
                }
            }
            "ArrowDown" | "ArrowUp" if count > 0 && ev.target() == input.get().map(Into::into) => {
                ev.prevent_default();
                let step = if ev.key() == "ArrowDown" {
                    1
                } else {
                    count - 1
                };
                highlighted.update(|h| *h = (*h + step) % count);
            }
            _ => {}
        }
    };
    let selected_name = selected_name();
    let from_name = move || selected_name().unwrap_or_default();
    let option_id = |k: usize| format!("link-match-{k}");
    view! {
        <Show when=move || linking.open.get() && from().is_some()>
            <div class="link-box" role="dialog" aria-labelledby="link-box-title" on:keydown=on_key>
                <h2 id="link-box-title">{move || t().link_to}" — "{from_name}</h2>
                <div class="link-fields">
                    <input node_ref=input type="text" role="combobox" aria-label=move || t().link_to
                        aria-expanded=move || (!found.with(Vec::is_empty)).to_string()
                        aria-controls="link-matches" aria-autocomplete="list"
                        aria-activedescendant=move || (!found.with(Vec::is_empty)).then(|| option_id(highlighted.get()))
                        prop:value=query on:input=move |ev| { query.set(event_target_value(&ev)); highlighted.set(0); }/>
                    <KindSelect/>
                </div>
                <ul id="link-matches" role="listbox" aria-label=move || t().link_to>
                    {move || found.get().into_iter().enumerate().map(|(k, (id, name))| view! {
                        <li id=option_id(k) role="option" aria-selected=move || (highlighted.get() == k).to_string()
                            on:mousedown=move |ev| { ev.prevent_default(); link_to(id.clone()); }>{name}</li>
                    }).collect_view()}
                </ul>
                <p class="hint">{move || {
                    if !query.with(|q| q.trim().is_empty()) && found.with(Vec::is_empty) { t().link_no_match } else { t().link_hint }
                }}</p>
            </div>
        </Show>
    }
}

/// While `Link` waits for its other end: what to tap, the relation kind, and `Cancel`.
#[component]
pub fn LinkPicker() -> impl IntoView {
    let (linking, selection, t) = (use_linking(), use_selection(), texts());
    let from_name = selected_name();
    // Nothing selected (the background tapped, the actor removed): nothing to link from.
    Effect::new(move |_| {
        if selection.0.with(Option::is_none) && linking.picking.get_untracked() {
            linking.picking.set(false);
        }
    });
    view! {
        <Show when=move || linking.picking.get() && from_name().is_some()>
            <section class="link-picker" aria-labelledby="link-picker-text">
                <p id="link-picker-text" role="status">{move || (t().pick_link_end)(&from_name().unwrap_or_default())}</p>
                <KindSelect/>
                <button on:click=move |_| linking.picking.set(false)>{move || t().cancel}</button>
            </section>
        </Show>
    }
}

/// The name of the selected actor, the one a link starts from (tracked).
fn selected_name() -> impl Fn() -> Option<String> + Copy {
    let (doc, selection) = (use_doc(), use_selection());
    move || {
        selection
            .0
            .get()
            .and_then(|id| doc.actor(&id))
            .map(|a| a.with(|a| a.name.clone()))
    }
}

/// The relation kind the next link gets (the last one chosen).
#[component]
fn KindSelect() -> impl IntoView {
    let (linking, t) = (use_linking(), texts());
    view! {
        <select aria-label=move || t().relation_kind
            on:change=move |ev| {
                if let Some(kind) = RelationKind::ALL.into_iter().find(|k| k.as_str() == event_target_value(&ev)) {
                    linking.kind.set(kind);
                }
            }
            prop:value=move || linking.kind.get().as_str()>
            {RelationKind::ALL.into_iter().map(|k| view! {
                <option value=k.as_str()>{move || (t().relation_kind_label)(k)}</option>
            }).collect_view()}
        </select>
    }
}
