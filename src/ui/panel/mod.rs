//! The side panel: every field of the selected actor, its relations, and (with nothing
//! selected) the analysis and the map's sector palette. Text fields commit on change, one
//! undo step each; the model's edit rules decide what typed text becomes.

pub mod analysis;

use crate::app::{use_doc, Doc};
use crate::browser;
use crate::i18n::Texts;
use crate::ui::rating_value;
use crate::ui::shell::selection::use_selection;
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::edit::{self, ActorField, ContactEdit, ContactField};
use samverkan_model::salience::SalienceClass;
use samverkan_model::{
    Actor, ActorId, ActorKind, Command, Contact, Level, Relation, RelationId, RelationKind,
};

/// Allows only links that cannot run script: `http(s)` and `mailto`.
pub fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        .then(|| url.trim().to_owned())
}

#[component]
pub fn SidePanel() -> impl IntoView {
    let selection = use_selection();
    let aside = NodeRef::<leptos::html::Aside>::new();
    // Another actor (or none) starts at the top of the panel, not where the last one was.
    // Not as the panel opens: it is at the top then, and setting the scroll lays the page
    // out at once (11 ms as a 1,000-actor map opens).
    Effect::new(move |opened: Option<()>| {
        selection.0.track();
        if let (Some(()), Some(aside)) = (opened, aside.get_untracked()) {
            aside.set_scroll_top(0);
        }
    });
    view! {
        <aside class="sidepanel" node_ref=aside>
            {move || match selection.0.get() {
                // Each fetched when first shown (src/ui/shell/parts.rs): the editor with the first
                // actor chosen, the overview as the panel first opens (on a phone or tablet
                // not before it is asked for, so it is no part of their first load).
                Some(id) => crate::ui::shell::parts::shown(crate::ui::shell::parts::actor_editor(id)).into_any(),
                None => crate::ui::shell::parts::shown(crate::ui::shell::parts::overview()).into_any(),
            }}
        </aside>
    }
}

/// Dispatches a change to one actor, built by the model's edit rules from its current state.
#[derive(Clone)]
struct ActorEdits {
    doc: Doc,
    actor: ArcRwSignal<Actor>,
}

impl ActorEdits {
    fn field(&self, field: ActorField) {
        if let Some(command) = self
            .actor
            .with_untracked(|a| edit::set_actor_field(a, field))
        {
            self.doc.dispatch(command);
        }
    }

    fn contacts(&self, change: ContactEdit) {
        if let Some(command) = self
            .actor
            .with_untracked(|a| edit::edit_contacts(a, change))
        {
            self.doc.dispatch(command);
        }
    }

    /// A reactive read of one value of the actor (`read_part`): what shows it is set again only
    /// when that value changes, so the contact rows are not drawn again either.
    fn read<T: Clone + PartialEq + Send + Sync + 'static>(
        &self,
        f: impl Fn(&Actor) -> T + Send + Sync + 'static,
    ) -> impl Fn() -> T + Copy {
        crate::ui::read_part(self.actor.clone(), f)
    }
}

/// Reads a select's value as a field to set (None: not a value of that field).
type ReadField = Box<dyn Fn(&str) -> Option<ActorField> + Send + Sync>;

#[component]
pub fn ActorEditor(id: ActorId) -> impl IntoView {
    let doc = use_doc();
    let selection = use_selection();
    let t = texts();
    let edits = ActorEdits {
        doc,
        actor: crate::ui::actor_signal(doc, &id),
    };
    let salience_class = {
        let class = edits.read(|a| SalienceClass::of(&a.salience));
        move || Some(class())
    };
    let text_field = {
        let edits = edits.clone();
        move |label: fn(&Texts) -> &'static str,
              read: fn(&Actor) -> String,
              field: fn(String) -> ActorField,
              multiline: bool| {
            let edits = edits.clone();
            let value = edits.read(read);
            let on_change =
                move |ev: leptos::ev::Event| edits.field(field(event_target_value(&ev)));
            let input = if multiline {
                view! { <textarea rows="4" prop:value=value on:change=on_change></textarea> }
                    .into_any()
            } else {
                view! { <input type="text" prop:value=value on:change=on_change/> }.into_any()
            };
            view! { <label class="field"><span>{move || label(t())}</span>{input}</label> }
        }
    };
    let choice = {
        let edits = edits.clone();
        move |label: fn(&Texts) -> &'static str,
              options: Vec<(String, Box<dyn Fn() -> String + Send + Sync>)>,
              read: fn(&Actor) -> String,
              field: ReadField| {
            let current = edits.read(read);
            let current = std::sync::Arc::new(current);
            let edits = edits.clone();
            view! {
                <label class="field"><span>{move || label(t())}</span>
                    <select on:change=move |ev| {
                        if let Some(f) = field(&event_target_value(&ev)) { edits.field(f) }
                    }>
                        {options.into_iter().map(|(value, text)| {
                            let (v, current) = (value.clone(), current.clone());
                            view! { <option value=value selected=move || current() == v>{move || text()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        }
    };
    type Options = Vec<(String, Box<dyn Fn() -> String + Send + Sync>)>;
    // A rating's choices: not rated (empty), then the scale.
    let scale = |range: std::ops::RangeInclusive<i64>| -> Options {
        let signed = *range.start() < 0;
        let unrated: (String, Box<dyn Fn() -> String + Send + Sync>) =
            (String::new(), Box::new(move || t().not_rated.to_owned()));
        std::iter::once(unrated)
            .chain(range.map(|v| {
                let text = if v > 0 && signed {
                    format!("+{v}")
                } else {
                    v.to_string()
                };
                (
                    v.to_string(),
                    Box::new(move || text.clone()) as Box<dyn Fn() -> String + Send + Sync>,
                )
            }))
            .collect()
    };
    let kinds: Options = ActorKind::ALL
        .into_iter()
        .map(|k| {
            (
                k.as_str().to_owned(),
                Box::new(move || (t().kind_label)(k).to_owned()) as _,
            )
        })
        .collect();
    let levels: Options = Level::ALL
        .into_iter()
        .map(|l| {
            (
                l.as_str().to_owned(),
                Box::new(move || (t().level_label)(l).to_owned()) as _,
            )
        })
        .collect();
    let mut sectors: Options = vec![(String::new(), Box::new(move || t().no_sector.to_owned()))];
    sectors.extend(doc.sectors_untracked().into_iter().map(|s| {
        let label = s.label.clone();
        (
            s.id.0,
            Box::new(move || label.clone()) as Box<dyn Fn() -> String + Send + Sync>,
        )
    }));
    // The empty choice unsets the rating.
    let number = |make: fn(Option<i64>) -> ActorField| -> ReadField {
        Box::new(move |v: &str| Some(make(v.parse().ok())))
    };
    let flag = {
        let edits = edits.clone();
        move |label: fn(&Texts) -> &'static str,
              read: fn(&Actor) -> bool,
              field: fn(bool) -> ActorField| {
            let edits = edits.clone();
            let checked = edits.read(read);
            view! {
                <label class="check">
                    <input type="checkbox" prop:checked=checked
                        on:change=move |ev| edits.field(field(event_target_checked(&ev)))/>
                    {move || label(t())}
                </label>
            }
        }
    };
    let title = edits.read(|a| a.name.clone());
    view! {
        <div class="editor">
            <div class="editor-head">
                <h2>{title}</h2>
                <button class="small" on:click=move |_| selection.0.set(None) aria-label=move || t().close_panel>"×"</button>
            </div>
            {text_field(|t| t.name, |a| a.name.clone(), ActorField::Name, false)}
            {text_field(|t| t.short_name, |a| a.short_name.clone(), ActorField::ShortName, false)}
            {choice(|t| t.kind, kinds, |a| a.kind.as_str().to_owned(),
                Box::new(|v| ActorKind::ALL.into_iter().find(|k| k.as_str() == v).map(ActorField::Kind)))}
            {choice(|t| t.sector, sectors, |a| a.sector.0.clone(), Box::new(|v| Some(ActorField::Sector(v.into()))))}
            {choice(|t| t.level, levels, |a| a.level.as_str().to_owned(),
                Box::new(|v| Level::ALL.into_iter().find(|l| l.as_str() == v).map(ActorField::Level)))}
            {text_field(|t| t.municipality, |a| a.municipality.clone(), ActorField::Municipality, false)}
            <div class="row3">
                {choice(|t| t.influence, scale(1..=5), |a| rating_value(a.influence), number(ActorField::Influence))}
                {choice(|t| t.interest, scale(1..=5), |a| rating_value(a.interest), number(ActorField::Interest))}
                {choice(|t| t.attitude, scale(-2..=2), |a| rating_value(a.attitude), number(ActorField::Attitude))}
            </div>
            <fieldset class="salience">
                <legend>{move || t().salience}</legend>
                {flag(|t| t.power, |a| a.salience.power, ActorField::Power)}
                {flag(|t| t.legitimacy, |a| a.salience.legitimacy, ActorField::Legitimacy)}
                {flag(|t| t.urgency, |a| a.salience.urgency, ActorField::Urgency)}
                <p class="salience-class">{move || t().salience_class}": "
                    <strong>{move || salience_class().map(|c| (t().salience_class_label)(c))}</strong></p>
            </fieldset>
            <TagChips edits=edits.clone()/>
            {text_field(|t| t.notes, |a| a.notes.clone(), ActorField::Notes, true)}
            <Contacts edits=edits.clone()/>
            <crate::ui::dialogs::what_if::WhatIfButton actors=Signal::derive({ let id = id.clone(); move || vec![id.clone()] })/>
            <crate::ui::engagement::log_interaction::ActorInteractions id=id.clone()/>
            <Relations id=id/>
        </div>
    }
}

/// The actor's tags as chips: × takes one away, the box adds what is typed as one whole
/// tag (commas and all) on Enter.
#[component]
fn TagChips(edits: ActorEdits) -> impl IntoView {
    let t = texts();
    let tags = edits.read(|a| a.tags.clone());
    let remove = edits.clone();
    let add = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        ev.prevent_default();
        let input: web_sys::HtmlInputElement = event_target(&ev);
        edits.field(ActorField::AddTag(input.value()));
        input.set_value("");
    };
    view! {
        <div class="field chips-field">
            <span>{move || t().tags}</span>
            <ul class="chips">
                {move || tags().into_iter().map(|tag| {
                    let (remove, label) = (remove.clone(), tag.clone());
                    view! {
                        <li class="chip">{tag.clone()}
                            <button type="button" aria-label=move || (t().remove_tag)(&label)
                                on:click=move |_| remove.field(ActorField::RemoveTag(tag.clone()))>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <input type="text" aria-label=move || t().add_tag placeholder=move || t().add_tag on:keydown=add/>
        </div>
    }
}

#[component]
fn Contacts(edits: ActorEdits) -> impl IntoView {
    let t = texts();
    let count = edits.read(|a| a.contacts.len());
    let add = {
        let edits = edits.clone();
        move |_| edits.contacts(ContactEdit::Add)
    };
    view! {
        <fieldset class="contacts">
            <legend>{move || t().contacts}</legend>
            {move || (0..count()).map(|i| {
                let field = |label: fn(&Texts) -> &'static str, read: fn(&Contact) -> String, which: ContactField| {
                    let edits = edits.clone();
                    let value = edits.read(move |a| a.contacts.get(i).map(read).unwrap_or_default());
                    view! {
                        <input type="text" placeholder=move || label(t()) aria-label=move || format!("{} {}", label(t()), i + 1)
                            prop:value=value
                            on:change=move |ev| edits.contacts(ContactEdit::Set(i, which, event_target_value(&ev)))/>
                    }
                };
                let remove = {
                    let edits = edits.clone();
                    move |_| edits.contacts(ContactEdit::Remove(i))
                };
                let mail = edits.read(move |a| {
                    a.contacts.get(i)
                        .filter(|c| c.email.contains('@'))
                        .and_then(|c| safe_link(&format!("mailto:{}", c.email)))
                });
                view! {
                    <div class="contact">
                        {field(|t| t.contact_name, |c| c.name.clone(), ContactField::Name)}
                        {field(|t| t.contact_role, |c| c.role.clone(), ContactField::Role)}
                        {field(|t| t.contact_email, |c| c.email.clone(), ContactField::Email)}
                        {field(|t| t.contact_phone, |c| c.phone.clone(), ContactField::Phone)}
                        {move || mail().map(|href| view! { <a href=href>{move || t().send_email}</a> })}
                        <button class="small danger" on:click=remove aria-label=move || format!("{} {}", t().remove_contact, i + 1)>{move || t().delete}</button>
                    </div>
                }
            }).collect_view()}
            <button class="small" on:click=add>{move || t().add_contact}</button>
        </fieldset>
    }
}

/// The selected actor's relations, each row re-rendering only with its own relation.
#[component]
fn Relations(id: ActorId) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let ids = Memo::new(move |_| {
        doc.with_structure(|m| {
            m.relations
                .iter()
                .filter(|r| r.touches(&id))
                .map(|r| r.id.clone())
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let selected = use_selection().0;
    view! {
        <fieldset class="relations">
            <legend>{move || t().relations}</legend>
            <p class="hint">{move || t().relation_hint}</p>
            <For each=move || ids.get() key=|id| id.clone() let:rid>
                <RelationRow id=rid from=selected.get_untracked().unwrap_or_default()/>
            </For>
        </fieldset>
    }
}

#[component]
fn RelationRow(id: RelationId, from: ActorId) -> impl IntoView {
    let doc = use_doc();
    let selection = use_selection();
    let t = texts();
    let Some(relation) = doc.relation(&id) else {
        return ().into_any();
    };
    let edit = {
        let relation = relation.clone();
        move |change: Box<dyn FnOnce(&mut Relation)>| {
            let mut next = relation.get_untracked();
            change(&mut next);
            doc.dispatch(Command::UpdateRelation(next));
        }
    };
    let (e1, e2, e3, e4) = (edit.clone(), edit.clone(), edit.clone(), edit);
    let current = relation.get_untracked();
    let outgoing = current.from == from;
    let other = if outgoing {
        current.to.clone()
    } else {
        current.from.clone()
    };
    let name = {
        let other = other.clone();
        move || doc.actor_name(&other)
    };
    let arrow = {
        let relation = relation.clone();
        move || {
            relation.with(|r| {
                if !r.directed {
                    "— "
                } else if r.from == from {
                    "→ "
                } else {
                    "← "
                }
            })
        }
    };
    type Test = Box<dyn Fn(&Relation) -> bool + Send + Sync>;
    let read = move |f: Test| {
        let relation = relation.clone();
        move || relation.with(|r| f(r))
    };
    let name2 = name.clone();
    // A memo, as `read_part`: only a change of the note sets the input.
    let note = {
        let relation = doc.relation(&id);
        Memo::new(move |_| {
            relation
                .as_ref()
                .map(|r| r.with(|r| r.note.clone()))
                .unwrap_or_default()
        })
    };
    view! {
        <div class="relation-row">
            <button class="link" on:click=move |_| selection.0.set(Some(other.clone()))>
                {arrow}{name}
            </button>
            <select aria-label=move || (t().field_of)(t().relation_kind, &name2())
                on:change=move |ev| {
                    let v = event_target_value(&ev);
                    if let Some(k) = RelationKind::ALL.into_iter().find(|k| k.as_str() == v) { e1(Box::new(move |r| r.kind = k)) }
                }>
                {RelationKind::ALL.into_iter().map(|k| view! {
                    <option value=k.as_str() selected=read(Box::new(move |r| r.kind == k))>{move || (t().relation_kind_label)(k)}</option>
                }).collect_view()}
            </select>
            <select aria-label=move || t().strength on:change=move |ev| {
                if let Ok(n) = event_target_value(&ev).parse::<i64>() { e2(Box::new(move |r| r.strength = n)) }
            }>
                {(1..=3).map(|n| view! { <option value=n.to_string() selected=read(Box::new(move |r| r.strength == n))>{n}</option> }).collect_view()}
            </select>
            <label class="check"><input type="checkbox" prop:checked=read(Box::new(|r| r.directed))
                on:change=move |ev| { let on = event_target_checked(&ev); e3(Box::new(move |r| r.directed = on)) }/>
                {move || t().directed}</label>
            <input type="text" placeholder=move || t().note aria-label=move || t().note prop:value=note
                on:change=move |ev| { let v = event_target_value(&ev); e4(Box::new(move |r| r.note = v)) }/>
            <button class="small danger" aria-label=move || t().delete_relation
                on:click=move |_| { doc.dispatch(Command::RemoveRelations(vec![id.clone()])); }>
                {move || t().delete}
            </button>
        </div>
    }
    .into_any()
}

/// The map's sectors: rename, recolour, add.
#[component]
pub fn SectorPalette() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let change = move |index: usize, label: Option<String>, color: Option<String>| {
        let command = doc
            .with_map(|m| edit::edit_sector(m, index, label.as_deref(), color.as_deref()))
            .flatten();
        if let Some(command) = command {
            doc.dispatch(command);
        }
    };
    let add = move |_| {
        let label = t().new_sector;
        if let Some(command) =
            doc.with_map(|m| edit::add_sector(m, browser::new_id().into(), label))
        {
            doc.dispatch(command);
        }
    };
    view! {
        <div class="palette">
            <h2>{move || t().sectors}</h2>
            <p class="hint">{move || t().select_actor_hint}</p>
            {move || doc.sectors().into_iter().enumerate().map(|(i, s)| {
                let label = s.label.clone();
                let label2 = s.label.clone();
                view! {
                    <div class="sector-row">
                        <input type="color" prop:value=s.color.clone() aria-label=move || (t().colour_of)(&label)
                            on:change=move |ev| change(i, None, Some(event_target_value(&ev)))/>
                        <input type="text" prop:value=s.label.clone() aria-label=move || (t().name_of_sector)(&label2)
                            on:change=move |ev| change(i, Some(event_target_value(&ev)), None)/>
                    </div>
                }
            }).collect_view()}
            <button class="small" on:click=add>{move || t().add_sector}</button>
        </div>
    }
}
