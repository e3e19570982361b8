//! The actor table with the quick-add box: every row edits in place.

use super::texts;
use crate::browser;
use crate::state::use_app_state;
use leptos::prelude::*;
use samverkan_model::quick_entry;
use samverkan_model::{Actor, ActorId, ActorKind, Level, Usage};

#[component]
pub fn ActorTable() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let ids = move || {
        state.current.with(|c| {
            c.as_ref()
                .map(|m| m.actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    view! {
        <section class="actors">
            <Show when=move || state.current.with(|c| c.as_ref().is_some_and(|m| m.actors.is_empty()))>
                <p class="empty">{move || t().no_actors}</p>
            </Show>
            <table class="actortable">
                <thead>
                    <tr>
                        <th scope="col">{move || t().name}</th>
                        <th scope="col">{move || t().kind}</th>
                        <th scope="col">{move || t().sector}</th>
                        <th scope="col">{move || t().level}</th>
                        <th scope="col">{move || t().municipality}</th>
                        <th scope="col">{move || t().influence}</th>
                        <th scope="col">{move || t().interest}</th>
                        <th scope="col">{move || t().attitude}</th>
                        <th scope="col"><span class="visually-hidden">{move || t().actions}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=ids key=|id| id.clone() let:id>
                        <ActorRow id=id/>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// `Add actor`: Enter adds the typed name; pasting several lines adds one actor a line.
#[component]
pub fn QuickAdd() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let add_names = move |text: &str| {
        let names: Vec<String> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .map(str::to_owned)
            .collect();
        if names.is_empty() {
            return;
        }
        state.edit(None, move |map| {
            for line in names {
                // Inline hints (`#sector @municipality !influence …`) fill fields as typed.
                let draft = quick_entry::parse(&line, &map.sectors);
                if draft.name.is_empty() {
                    continue;
                }
                let mut actor = Actor::new(browser::new_id().into(), draft.name.clone());
                quick_entry::apply(&draft, &mut actor);
                map.add_actor(actor);
            }
        });
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            let input: leptos::web_sys::HtmlInputElement = event_target(&ev);
            add_names(&input.value());
            input.set_value("");
        }
    };
    let on_paste = move |ev: leptos::ev::ClipboardEvent| {
        let Some(text) = ev
            .clipboard_data()
            .and_then(|d| d.get_data("text/plain").ok())
        else {
            return;
        };
        if text.trim().contains('\n') {
            ev.prevent_default();
            add_names(&text);
        }
    };
    view! {
        <div class="quickadd">
            <input type="text" id="quick-add" aria-label=move || t().add_actor aria-describedby="quick-add-hint"
                placeholder=move || t().add_actor_placeholder autocomplete="off"
                on:keydown=on_key on:paste=on_paste/>
            <p id="quick-add-hint" class="hint">{move || t().add_actor_hint}</p>
        </div>
    }
}

#[component]
fn ActorRow(id: ActorId) -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let actor = super::actor_memo(state, id.clone());
    let name = move || actor.with(|a| a.as_ref().map(|a| a.name.clone()).unwrap_or_default());
    let set = super::actor_editor(state, id.clone());
    let sectors = move || {
        state
            .current
            .with(|c| c.as_ref().map(|m| m.sectors.clone()).unwrap_or_default())
    };
    let label = move |field: &'static str| move || (t().field_of)(field, &name());
    let number_select = {
        let set = set.clone();
        move |field: fn(&'static crate::i18n::Texts) -> &'static str,
              range: std::ops::RangeInclusive<i64>,
              get: fn(&Actor) -> i64,
              put: fn(&mut Actor, i64)| {
            let set = set.clone();
            view! {
                <select aria-label=move || (t().field_of)(field(t()), &name())
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<i64>() {
                            set(Box::new(move |a| put(a, v)));
                        }
                    }>
                    {range.map(|v| view! {
                        <option value=v.to_string() selected=move || actor.with(|a| a.as_ref().map(get) == Some(v))>
                            {if v > 0 && field(t()) == t().attitude { format!("+{v}") } else { v.to_string() }}
                        </option>
                    }).collect_view()}
                </select>
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| remove_actor(state, &id)
    };
    let selection = super::panel::use_selection();
    let select = {
        let id = id.clone();
        move |_| selection.0.set(Some(id.clone()))
    };
    let _ = label;
    let (set_name, set_kind, set_sector, set_level, set_town) = (
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
        set.clone(),
    );
    view! {
        <tr>
            <td>
                <input type="text" class="name" prop:value=name aria-label=move || (t().field_of)(t().name, &name())
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_owned();
                        if !v.is_empty() { set_name(Box::new(move |a| a.name = v)); }
                    }/>
            </td>
            <td>
                <select aria-label=move || (t().field_of)(t().kind, &name())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(kind) = ActorKind::ALL.into_iter().find(|k| k.as_str() == v) {
                            set_kind(Box::new(move |a| a.kind = kind));
                        }
                    }>
                    {ActorKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=move || actor.with(|a| a.as_ref().map(|a| a.kind) == Some(k))>
                            {move || (t().kind_label)(k)}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <select aria-label=move || (t().field_of)(t().sector, &name())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        set_sector(Box::new(move |a| a.sector = v.into()));
                    }>
                    <option value="" selected=move || actor.with(|a| a.as_ref().is_some_and(|a| a.sector.as_str().is_empty()))>
                        {move || t().no_sector}
                    </option>
                    {move || sectors().into_iter().map(|s| {
                        let sid = s.id.clone();
                        view! {
                            <option value=s.id.0.clone() selected=move || actor.with(|a| a.as_ref().is_some_and(|a| a.sector == sid))>
                                {s.label.clone()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </td>
            <td>
                <select aria-label=move || (t().field_of)(t().level, &name())
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(level) = Level::ALL.into_iter().find(|l| l.as_str() == v) {
                            set_level(Box::new(move |a| a.level = level));
                        }
                    }>
                    {Level::ALL.into_iter().map(|l| view! {
                        <option value=l.as_str() selected=move || actor.with(|a| a.as_ref().map(|a| a.level) == Some(l))>
                            {move || (t().level_label)(l)}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <input type="text" prop:value=move || actor.with(|a| a.as_ref().map(|a| a.municipality.clone()).unwrap_or_default())
                    aria-label=move || (t().field_of)(t().municipality, &name())
                    on:change=move |ev| {
                        let v = event_target_value(&ev).trim().to_owned();
                        set_town(Box::new(move |a| a.municipality = v));
                    }/>
            </td>
            <td>{number_select(|t| t.influence, 1..=5, |a| a.influence, |a, v| a.influence = v)}</td>
            <td>{number_select(|t| t.interest, 1..=5, |a| a.interest, |a, v| a.interest = v)}</td>
            <td>{number_select(|t| t.attitude, -2..=2, |a| a.attitude, |a, v| a.attitude = v)}</td>
            <td class="rowtools">
                <button class="small" on:click=select aria-label=move || (t().edit_actor)(&name())>{move || t().edit}</button>
                <button class="small danger" on:click=delete aria-label=move || (t().delete_actor)(&name())>
                    {move || t().delete}
                </button>
            </td>
        </tr>
    }
}

/// Removes an actor; asks first when it sits in the council or holds action roles, and
/// says what went with it.
fn remove_actor(state: crate::state::AppState, id: &ActorId) {
    let t = state.lang.get_untracked().texts();
    let Some((name, usages)) = state.current.with_untracked(|c| {
        c.as_ref()
            .and_then(|m| m.actor(id).map(|a| (a.name.clone(), m.usages_of(id))))
    }) else {
        return;
    };
    let member = usages.contains(&Usage::CouncilMember);
    let actions = usages
        .iter()
        .filter(|u| matches!(u, Usage::Action { .. }))
        .count();
    if !usages.is_empty() {
        let question = (t.confirm_remove_used_actor)(&name, member, actions);
        let confirmed = window().confirm_with_message(&question).unwrap_or(false);
        if !confirmed {
            return;
        }
    }
    let mut relations = 0;
    let id = id.clone();
    state.edit(None, |map| {
        if let Some(removal) = map.remove_actor(&id) {
            relations = removal.relations.len();
        }
    });
    state.notify(
        crate::notice::Severity::Info,
        crate::notice::Message::ActorRemoved {
            name,
            relations,
            member,
            actions,
        },
        vec![crate::notice::NoticeAction::Undo],
    );
}
