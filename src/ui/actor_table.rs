//! The actor table with the quick-add box: every row edits in place.

use super::texts;
use crate::browser;
use crate::state::use_app_state;
use leptos::prelude::*;
use samverkan_model::quick_entry;
use samverkan_model::{Actor, ActorId, ActorKind, Level, Usage};

/// A table column that can be sorted.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Column {
    Name,
    Kind,
    Sector,
    Level,
    Municipality,
    Influence,
    Interest,
    Attitude,
}

impl Column {
    const ALL: [Column; 8] = [
        Column::Name,
        Column::Kind,
        Column::Sector,
        Column::Level,
        Column::Municipality,
        Column::Influence,
        Column::Interest,
        Column::Attitude,
    ];

    fn label(self, t: &crate::i18n::Texts) -> &'static str {
        match self {
            Column::Name => t.name,
            Column::Kind => t.kind,
            Column::Sector => t.sector,
            Column::Level => t.level,
            Column::Municipality => t.municipality,
            Column::Influence => t.influence,
            Column::Interest => t.interest,
            Column::Attitude => t.attitude,
        }
    }

    /// Orders two actors by this column (names as the tie-break, case-insensitive).
    fn compare(self, map: &samverkan_model::Map, a: &Actor, b: &Actor) -> std::cmp::Ordering {
        let text = |x: &Actor| match self {
            Column::Name => x.name.to_lowercase(),
            Column::Kind => x.kind.as_str().to_owned(),
            Column::Sector => map
                .sector(x.sector.as_str())
                .map(|s| s.label.to_lowercase())
                .unwrap_or_default(),
            Column::Level => format!("{:?}", x.level as u8),
            Column::Municipality => x.municipality.to_lowercase(),
            _ => String::new(),
        };
        let number = |x: &Actor| match self {
            Column::Influence => x.influence,
            Column::Interest => x.interest,
            Column::Attitude => x.attitude,
            _ => 0,
        };
        number(a)
            .cmp(&number(b))
            .then_with(|| text(a).cmp(&text(b)))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    }
}

/// True when the filter text appears in the actor's name, short name, municipality,
/// sector label or tags.
fn matches(map: &samverkan_model::Map, actor: &Actor, filter: &str) -> bool {
    let needle = filter.trim().to_lowercase();
    if needle.is_empty() {
        return true;
    }
    let sector = map
        .sector(actor.sector.as_str())
        .map(|s| s.label.as_str())
        .unwrap_or("");
    [
        actor.name.as_str(),
        actor.short_name.as_str(),
        actor.municipality.as_str(),
        sector,
    ]
    .into_iter()
    .chain(actor.tags.iter().map(String::as_str))
    .any(|field| field.to_lowercase().contains(&needle))
}

#[component]
pub fn ActorTable() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let sort = RwSignal::new(None::<(Column, bool)>);
    let filter = RwSignal::new(String::new());
    let checked = RwSignal::new(std::collections::HashSet::<ActorId>::new());
    let ids = Memo::new(move |_| {
        let by = sort.get();
        filter.with(|needle| {
            state.current.with(|c| {
                let Some(m) = c.as_ref() else {
                    return Vec::new();
                };
                let mut shown: Vec<&Actor> =
                    m.actors.iter().filter(|a| matches(m, a, needle)).collect();
                if let Some((column, descending)) = by {
                    shown.sort_by(|a, b| {
                        let order = column.compare(m, a, b);
                        if descending {
                            order.reverse()
                        } else {
                            order
                        }
                    });
                }
                shown.into_iter().map(|a| a.id.clone()).collect::<Vec<_>>()
            })
        })
    });
    let toggle_sort = move |column: Column| {
        sort.update(|s| {
            *s = match *s {
                Some((c, false)) if c == column => Some((column, true)),
                Some((c, true)) if c == column => None,
                _ => Some((column, false)),
            }
        })
    };
    let all_checked = move || {
        ids.with(|ids| !ids.is_empty() && checked.with(|c| ids.iter().all(|id| c.contains(id))))
    };
    let check_all = move |ev: leptos::ev::Event| {
        let on = event_target_checked(&ev);
        let shown = ids.get_untracked();
        checked.update(|c| {
            for id in shown {
                if on {
                    c.insert(id);
                } else {
                    c.remove(&id);
                }
            }
        });
    };
    let delete_checked = move |_| {
        let chosen = checked.get_untracked();
        remove_actors(state, chosen.into_iter().collect());
        checked.set(Default::default());
    };
    provide_context(Checked(checked));
    view! {
        <section class="actors">
            <div class="tabletools">
                <input type="search" aria-label=move || t().filter_actors placeholder=move || t().filter_actors
                    on:input=move |ev| filter.set(event_target_value(&ev))/>
                <button class="danger" disabled=move || checked.with(|c| c.is_empty()) on:click=delete_checked>
                    {move || (t().delete_selected)(checked.with(|c| c.len()))}
                </button>
            </div>
            <Show when=move || state.current.with(|c| c.as_ref().is_some_and(|m| m.actors.is_empty()))>
                <p class="empty">{move || t().no_actors}</p>
            </Show>
            <table class="actortable">
                <thead>
                    <tr>
                        <th scope="col"><input type="checkbox" aria-label=move || t().select_all prop:checked=all_checked on:change=check_all/></th>
                        {Column::ALL.into_iter().map(|column| view! {
                            <th scope="col" aria-sort=move || match sort.get() {
                                Some((c, false)) if c == column => "ascending",
                                Some((c, true)) if c == column => "descending",
                                _ => "none",
                            }>
                                <button class="sort" on:click=move |_| toggle_sort(column)>
                                    {move || column.label(t())}
                                    <span aria-hidden="true">{move || match sort.get() {
                                        Some((c, false)) if c == column => " ▲",
                                        Some((c, true)) if c == column => " ▼",
                                        _ => "",
                                    }}</span>
                                </button>
                            </th>
                        }).collect_view()}
                        <th scope="col"><span class="visually-hidden">{move || t().actions}</span></th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() let:id>
                        <ActorRow id=id/>
                    </For>
                </tbody>
            </table>
        </section>
    }
}

/// The rows ticked for a bulk action (view state).
#[derive(Clone, Copy)]
struct Checked(RwSignal<std::collections::HashSet<ActorId>>);

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
    let checked = expect_context::<Checked>();
    let (row_id, toggle_id) = (id.clone(), id.clone());
    view! {
        <tr>
            <td>
                <input type="checkbox" aria-label=move || (t().select_actor)(&name())
                    prop:checked=move || checked.0.with(|c| c.contains(&row_id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let id = toggle_id.clone();
                        checked.0.update(|c| { if on { c.insert(id); } else { c.remove(&id); } });
                    }/>
            </td>
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
    remove_actors(state, vec![id.clone()]);
}

/// Removes actors as one undo step; asks first when any sits in the council or holds
/// action roles, and says what went with them.
fn remove_actors(state: crate::state::AppState, ids: Vec<ActorId>) {
    let t = state.lang.get_untracked().texts();
    let found: Vec<(String, Vec<Usage>)> = state.current.with_untracked(|c| {
        c.as_ref()
            .map(|m| {
                ids.iter()
                    .filter_map(|id| m.actor(id).map(|a| (a.name.clone(), m.usages_of(id))))
                    .collect()
            })
            .unwrap_or_default()
    });
    if found.is_empty() {
        return;
    }
    let member = found.iter().any(|(_, u)| u.contains(&Usage::CouncilMember));
    let actions = found
        .iter()
        .flat_map(|(_, u)| u)
        .filter(|u| matches!(u, Usage::Action { .. }))
        .count();
    let names: Vec<&str> = found.iter().map(|(n, _)| n.as_str()).collect();
    let name = names.join(", ");
    if member || actions > 0 {
        let question = (t.confirm_remove_used_actor)(&name, member, actions);
        if !window().confirm_with_message(&question).unwrap_or(false) {
            return;
        }
    }
    let mut relations = 0;
    state.edit(None, |map| {
        for id in &ids {
            if let Some(removal) = map.remove_actor(id) {
                relations += removal.relations.len();
            }
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
