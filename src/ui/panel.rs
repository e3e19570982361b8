//! The side panel: every field of the selected actor, its relations, and (with nothing
//! selected) the map's sector palette. Text fields commit on change, one undo step each.

use super::texts;
use crate::i18n::Texts;
use crate::state::use_app_state;
use leptos::prelude::*;
use samverkan_model::{
    Actor, ActorId, ActorKind, Contact, Level, RelationId, RelationKind, Sector,
};

/// The actor the panel shows, shared by every view (view state: not in the document).
#[derive(Clone, Copy)]
pub struct Selection(pub RwSignal<Option<ActorId>>);

pub fn use_selection() -> Selection {
    expect_context::<Selection>()
}

/// Allows only links that cannot run script: `http(s)` and `mailto`.
pub fn safe_link(url: &str) -> Option<String> {
    let lower = url.trim().to_ascii_lowercase();
    (lower.starts_with("https://") || lower.starts_with("http://") || lower.starts_with("mailto:"))
        .then(|| url.trim().to_owned())
}

#[component]
pub fn SidePanel() -> impl IntoView {
    let selection = use_selection();
    view! {
        <aside class="sidepanel">
            {move || match selection.0.get() {
                Some(id) => view! { <ActorEditor id=id/> }.into_any(),
                None => view! { <super::analysis::AnalysisPanel/> <SectorPalette/> }.into_any(),
            }}
        </aside>
    }
}

#[component]
fn ActorEditor(id: ActorId) -> impl IntoView {
    let state = use_app_state();
    let selection = use_selection();
    let t = texts();
    let actor = super::actor_memo(state, id.clone());
    let update = super::actor_editor(state, id.clone());
    let get = move |f: fn(&Actor) -> String| {
        move || actor.with(|a| a.as_ref().map(f)).unwrap_or_default()
    };
    let text_field = {
        let update = update.clone();
        move |label: fn(&Texts) -> &'static str,
              read: fn(&Actor) -> String,
              write: fn(&mut Actor, String),
              multiline: bool| {
            let update = update.clone();
            let on_change = move |ev: leptos::ev::Event| {
                let value = event_target_value(&ev);
                update(Box::new(move |a| write(a, value)));
            };
            let input = if multiline {
                view! { <textarea rows="4" prop:value=get(read) on:change=on_change></textarea> }
                    .into_any()
            } else {
                view! { <input type="text" prop:value=get(read) on:change=on_change/> }.into_any()
            };
            view! { <label class="field"><span>{move || label(t())}</span>{input}</label> }
        }
    };
    let choice = {
        let update = update.clone();
        move |label: fn(&Texts) -> &'static str,
              options: Vec<(String, Box<dyn Fn() -> String + Send + Sync>)>,
              read: fn(&Actor) -> String,
              write: fn(&mut Actor, &str)| {
            let update = update.clone();
            view! {
                <label class="field"><span>{move || label(t())}</span>
                    <select on:change=move |ev| {
                        let value = event_target_value(&ev);
                        update(Box::new(move |a| write(a, &value)));
                    }>
                        {options.into_iter().map(|(value, text)| {
                            let v = value.clone();
                            view! { <option value=value selected=move || actor.with(|a| a.as_ref().map(read)) == Some(v.clone())>{move || text()}</option> }
                        }).collect_view()}
                    </select>
                </label>
            }
        }
    };
    let scale = |range: std::ops::RangeInclusive<i64>| -> Vec<(String, Box<dyn Fn() -> String + Send + Sync>)> {
        range.map(|v| (v.to_string(), Box::new(move || if v > 0 && v <= 2 { format!("{v}") } else { v.to_string() }) as Box<dyn Fn() -> String + Send + Sync>)).collect()
    };
    let kinds = ActorKind::ALL
        .into_iter()
        .map(|k| {
            (
                k.as_str().to_owned(),
                Box::new(move || (t().kind_label)(k).to_owned())
                    as Box<dyn Fn() -> String + Send + Sync>,
            )
        })
        .collect();
    let levels = Level::ALL
        .into_iter()
        .map(|l| {
            (
                l.as_str().to_owned(),
                Box::new(move || (t().level_label)(l).to_owned())
                    as Box<dyn Fn() -> String + Send + Sync>,
            )
        })
        .collect();
    let mut sectors: Vec<(String, Box<dyn Fn() -> String + Send + Sync>)> =
        vec![(String::new(), Box::new(move || t().no_sector.to_owned()))];
    sectors.extend(
        state
            .current
            .with_untracked(|c| c.as_ref().map(|m| m.sectors.clone()).unwrap_or_default())
            .into_iter()
            .map(|s| {
                let label = s.label.clone();
                (
                    s.id.0,
                    Box::new(move || label.clone()) as Box<dyn Fn() -> String + Send + Sync>,
                )
            }),
    );
    let flag = {
        let update = update.clone();
        move |label: fn(&Texts) -> &'static str,
              read: fn(&Actor) -> bool,
              write: fn(&mut Actor, bool)| {
            let update = update.clone();
            view! {
                <label class="check">
                    <input type="checkbox" prop:checked=move || actor.with(|a| a.as_ref().is_some_and(read))
                        on:change=move |ev| { let on = event_target_checked(&ev); update(Box::new(move |a| write(a, on))); }/>
                    {move || label(t())}
                </label>
            }
        }
    };
    let title = get(|a| a.name.clone());
    view! {
        <div class="editor">
            <div class="editor-head">
                <h2>{title}</h2>
                <button class="small" on:click=move |_| selection.0.set(None) aria-label=move || t().close_panel>"×"</button>
            </div>
            {text_field(|t| t.name, |a| a.name.clone(), |a, v| { if !v.trim().is_empty() { a.name = v.trim().to_owned() } }, false)}
            {text_field(|t| t.short_name, |a| a.short_name.clone(), |a, v| a.short_name = v.trim().to_owned(), false)}
            {choice(|t| t.kind, kinds, |a| a.kind.as_str().to_owned(), |a, v| { if let Some(k) = ActorKind::ALL.into_iter().find(|k| k.as_str() == v) { a.kind = k } })}
            {choice(|t| t.sector, sectors, |a| a.sector.0.clone(), |a, v| a.sector = v.into())}
            {choice(|t| t.level, levels, |a| a.level.as_str().to_owned(), |a, v| { if let Some(l) = Level::ALL.into_iter().find(|l| l.as_str() == v) { a.level = l } })}
            {text_field(|t| t.municipality, |a| a.municipality.clone(), |a, v| a.municipality = v.trim().to_owned(), false)}
            <div class="row3">
                {choice(|t| t.influence, scale(1..=5), |a| a.influence.to_string(), |a, v| { if let Ok(n) = v.parse() { a.influence = n } })}
                {choice(|t| t.interest, scale(1..=5), |a| a.interest.to_string(), |a, v| { if let Ok(n) = v.parse() { a.interest = n } })}
                {choice(|t| t.attitude, scale(-2..=2), |a| a.attitude.to_string(), |a, v| { if let Ok(n) = v.parse() { a.attitude = n } })}
            </div>
            <fieldset class="salience">
                <legend>{move || t().salience}</legend>
                {flag(|t| t.power, |a| a.salience.power, |a, on| a.salience.power = on)}
                {flag(|t| t.legitimacy, |a| a.salience.legitimacy, |a, on| a.salience.legitimacy = on)}
                {flag(|t| t.urgency, |a| a.salience.urgency, |a, on| a.salience.urgency = on)}
            </fieldset>
            {text_field(|t| t.tags, |a| a.tags.join(", "), |a, v| a.tags = v.split(',').map(|s| s.trim().to_owned()).filter(|s| !s.is_empty()).collect(), false)}
            {text_field(|t| t.notes, |a| a.notes.clone(), |a, v| a.notes = v, true)}
            <Contacts actor=actor update=update.clone()/>
            <Relations id=id/>
        </div>
    }
}

#[component]
fn Contacts(
    actor: Memo<Option<Actor>>,
    update: impl Fn(Box<dyn FnOnce(&mut Actor)>) + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let t = texts();
    let count = move || actor.with(|a| a.as_ref().map(|a| a.contacts.len()).unwrap_or(0));
    let add = {
        let update = update.clone();
        move |_| update(Box::new(|a| a.contacts.push(Contact::default())))
    };
    view! {
        <fieldset class="contacts">
            <legend>{move || t().contacts}</legend>
            {move || (0..count()).map(|i| {
                let field = |label: fn(&Texts) -> &'static str, read: fn(&Contact) -> String, write: fn(&mut Contact, String)| {
                    let update = update.clone();
                    view! {
                        <input type="text" placeholder=move || label(t()) aria-label=move || format!("{} {}", label(t()), i + 1)
                            prop:value=move || actor.with(|a| a.as_ref().and_then(|a| a.contacts.get(i)).map(read)).unwrap_or_default()
                            on:change=move |ev| {
                                let v = event_target_value(&ev).trim().to_owned();
                                update(Box::new(move |a| { if let Some(c) = a.contacts.get_mut(i) { write(c, v) } }));
                            }/>
                    }
                };
                let remove = {
                    let update = update.clone();
                    move |_| update(Box::new(move |a| { if i < a.contacts.len() { a.contacts.remove(i); } }))
                };
                let mail = move || actor.with(|a| a.as_ref().and_then(|a| a.contacts.get(i)).and_then(|c| safe_link(&format!("mailto:{}", c.email)).filter(|_| c.email.contains('@'))));
                view! {
                    <div class="contact">
                        {field(|t| t.contact_name, |c| c.name.clone(), |c, v| c.name = v)}
                        {field(|t| t.contact_role, |c| c.role.clone(), |c, v| c.role = v)}
                        {field(|t| t.contact_email, |c| c.email.clone(), |c, v| c.email = v)}
                        {field(|t| t.contact_phone, |c| c.phone.clone(), |c, v| c.phone = v)}
                        {move || mail().map(|href| view! { <a href=href>{move || t().send_email}</a> })}
                        <button class="small danger" on:click=remove aria-label=move || format!("{} {}", t().remove_contact, i + 1)>{move || t().delete}</button>
                    </div>
                }
            }).collect_view()}
            <button class="small" on:click=add>{move || t().add_contact}</button>
        </fieldset>
    }
}

#[component]
fn Relations(id: ActorId) -> impl IntoView {
    let state = use_app_state();
    let selection = use_selection();
    let t = texts();
    let rows = {
        let id = id.clone();
        move || {
            state.current.with(|c| {
                c.as_ref()
                    .map(|m| {
                        m.relations
                            .iter()
                            .filter(|r| r.touches(&id))
                            .map(|r| {
                                let other = if r.from == id { &r.to } else { &r.from };
                                let name =
                                    m.actor(other).map(|a| a.name.clone()).unwrap_or_default();
                                (r.clone(), other.clone(), name)
                            })
                            .collect::<Vec<_>>()
                    })
                    .unwrap_or_default()
            })
        }
    };
    let edit = move |rid: RelationId, change: Box<dyn FnOnce(&mut samverkan_model::Relation)>| {
        state.edit(None, move |map| {
            if let Some(r) = map.relations.iter_mut().find(|r| r.id == rid) {
                change(r);
            }
        });
    };
    view! {
        <fieldset class="relations">
            <legend>{move || t().relations}</legend>
            <p class="hint">{move || t().relation_hint}</p>
            {move || rows().into_iter().map(|(relation, other, name)| {
                let rid = relation.id.clone();
                let (r1, r2, r3, r4, r5) = (rid.clone(), rid.clone(), rid.clone(), rid.clone(), rid.clone());
                let outgoing = relation.from == id;
                view! {
                    <div class="relation-row">
                        <button class="link" on:click=move |_| selection.0.set(Some(other.clone()))>
                            {if relation.directed { if outgoing { "→ " } else { "← " } } else { "— " }}{name.clone()}
                        </button>
                        <select aria-label=move || (t().field_of)(t().relation_kind, &name)
                            on:change=move |ev| {
                                let v = event_target_value(&ev);
                                if let Some(k) = RelationKind::ALL.into_iter().find(|k| k.as_str() == v) { edit(r1.clone(), Box::new(move |r| r.kind = k)) }
                            }>
                            {RelationKind::ALL.into_iter().map(|k| view! {
                                <option value=k.as_str() selected=relation.kind == k>{move || (t().relation_kind_label)(k)}</option>
                            }).collect_view()}
                        </select>
                        <select aria-label=move || t().strength on:change=move |ev| {
                            if let Ok(n) = event_target_value(&ev).parse::<i64>() { edit(r2.clone(), Box::new(move |r| r.strength = n)) }
                        }>
                            {(1..=3).map(|n| view! { <option value=n.to_string() selected=relation.strength == n>{n}</option> }).collect_view()}
                        </select>
                        <label class="check"><input type="checkbox" prop:checked=relation.directed
                            on:change=move |ev| { let on = event_target_checked(&ev); edit(r3.clone(), Box::new(move |r| r.directed = on)) }/>
                            {move || t().directed}</label>
                        <input type="text" placeholder=move || t().note aria-label=move || t().note prop:value=relation.note.clone()
                            on:change=move |ev| { let v = event_target_value(&ev); edit(r4.clone(), Box::new(move |r| r.note = v)) }/>
                        <button class="small danger" aria-label=move || t().delete_relation
                            on:click=move |_| { let rid = r5.clone(); state.edit(None, move |map| { map.remove_relation(&rid); }) }>
                            {move || t().delete}
                        </button>
                    </div>
                }
            }).collect_view()}
        </fieldset>
    }
}

/// The map's sectors: rename, recolour, add.
#[component]
fn SectorPalette() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let sectors = move || {
        state
            .current
            .with(|c| c.as_ref().map(|m| m.sectors.clone()).unwrap_or_default())
    };
    let change = move |index: usize, f: Box<dyn FnOnce(&mut Sector)>| {
        state.edit(None, move |map| {
            if let Some(s) = map.sectors.get_mut(index) {
                f(s);
            }
        });
    };
    let add = move |_| {
        let label = t().new_sector.to_owned();
        state.edit(None, move |map| {
            map.sectors.push(Sector {
                id: crate::browser::new_id().into(),
                label,
                color: "#8c8c8c".into(),
            });
        });
    };
    view! {
        <div class="palette">
            <h2>{move || t().sectors}</h2>
            <p class="hint">{move || t().select_actor_hint}</p>
            {move || sectors().into_iter().enumerate().map(|(i, s)| {
                let label = s.label.clone();
                let label2 = s.label.clone();
                view! {
                    <div class="sector-row">
                        <input type="color" prop:value=s.color.clone() aria-label=move || (t().colour_of)(&label)
                            on:change=move |ev| { let v = event_target_value(&ev); change(i, Box::new(move |s| s.color = v)) }/>
                        <input type="text" prop:value=s.label.clone() aria-label=move || (t().name_of_sector)(&label2)
                            on:change=move |ev| { let v = event_target_value(&ev).trim().to_owned(); if !v.is_empty() { change(i, Box::new(move |s| s.label = v)) } }/>
                    </div>
                }
            }).collect_view()}
            <button class="small" on:click=add>{move || t().add_sector}</button>
        </div>
    }
}
