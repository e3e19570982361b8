//! The actor table with the quick-add box: every row edits in place.

use super::removal::Remover;
use super::texts;
use crate::app::use_doc;
use leptos::prelude::*;
use samverkan_model::edit::{set_actor_field, ActorField};
use samverkan_model::{Actor, ActorId, ActorKind, Level};

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
    let doc = use_doc();
    let remover = expect_context::<Remover>();
    let t = texts();
    let sort = RwSignal::new(None::<(Column, bool)>);
    let filter = RwSignal::new(String::new());
    let checked = RwSignal::new(std::collections::HashSet::<ActorId>::new());
    let ids = Memo::new(move |_| {
        let by = sort.get();
        filter.with(|needle| {
            doc.with_map_tracked(|m| {
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
            .unwrap_or_default()
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
        remover.remove(chosen.into_iter().collect());
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
            <Show when=move || doc.actor_count() == 0>
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

#[component]
fn ActorRow(id: ActorId) -> impl IntoView {
    let doc = use_doc();
    let remover = expect_context::<Remover>();
    let t = texts();
    let actor = super::actor_signal(&id);
    let name = {
        let actor = actor.clone();
        move || actor.with(|a| a.name.clone())
    };
    let set = {
        let actor = actor.clone();
        move |field: ActorField| {
            if let Some(command) = actor.with_untracked(|a| set_actor_field(a, field)) {
                doc.dispatch(command);
            }
        }
    };
    let sectors = move || doc.sectors();
    let number_select = {
        let set = set.clone();
        let actor = actor.clone();
        let name = name.clone();
        move |field: fn(&'static crate::i18n::Texts) -> &'static str,
              range: std::ops::RangeInclusive<i64>,
              get: fn(&Actor) -> i64,
              put: fn(i64) -> ActorField| {
            let set = set.clone();
            let name = name.clone();
            let actor = actor.clone();
            view! {
                <select aria-label=move || (t().field_of)(field(t()), &name())
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<i64>() {
                            set(put(v));
                        }
                    }>
                    {range.map(|v| {
                        let actor = actor.clone();
                        view! {
                            <option value=v.to_string() selected=move || actor.with(|a| get(a) == v)>
                                {if v > 0 && field(t()) == t().attitude { format!("+{v}") } else { v.to_string() }}
                            </option>
                        }
                    }).collect_view()}
                </select>
            }
        }
    };
    let delete = {
        let id = id.clone();
        move |_| remover.remove(vec![id.clone()])
    };
    let selection = super::selection::use_selection();
    let select = {
        let id = id.clone();
        move |_| selection.0.set(Some(id.clone()))
    };
    let checked = expect_context::<Checked>();
    let (row_id, toggle_id) = (id.clone(), id.clone());
    let label = {
        let name = name.clone();
        move |field: fn(&'static crate::i18n::Texts) -> &'static str| {
            let name = name.clone();
            move || (t().field_of)(field(t()), &name())
        }
    };
    let read = {
        let actor = actor.clone();
        move |f: fn(&Actor) -> String| {
            let actor = actor.clone();
            move || actor.with(f)
        }
    };
    let is = {
        let actor = actor.clone();
        move |f: Box<dyn Fn(&Actor) -> bool + Send + Sync>| {
            let actor = actor.clone();
            move || actor.with(|a| f(a))
        }
    };
    let on_text = {
        let set = set.clone();
        move |make: fn(String) -> ActorField| {
            let set = set.clone();
            move |ev: leptos::ev::Event| set(make(event_target_value(&ev)))
        }
    };
    let (set_kind, set_sector, set_level) = (set.clone(), set.clone(), set.clone());
    let (name1, name2, name3) = (name.clone(), name.clone(), name.clone());
    view! {
        <tr>
            <td>
                <input type="checkbox" aria-label=move || (t().select_actor)(&name1())
                    prop:checked=move || checked.0.with(|c| c.contains(&row_id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let id = toggle_id.clone();
                        checked.0.update(|c| { if on { c.insert(id); } else { c.remove(&id); } });
                    }/>
            </td>
            <td>
                <input type="text" class="name" prop:value=read(|a| a.name.clone()) aria-label=label(|t| t.name)
                    on:change=on_text(ActorField::Name)/>
            </td>
            <td>
                <select aria-label=label(|t| t.kind)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(kind) = ActorKind::ALL.into_iter().find(|k| k.as_str() == v) {
                            set_kind(ActorField::Kind(kind));
                        }
                    }>
                    {ActorKind::ALL.into_iter().map(|k| view! {
                        <option value=k.as_str() selected=is(Box::new(move |a| a.kind == k))>
                            {move || (t().kind_label)(k)}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <select aria-label=label(|t| t.sector)
                    on:change=move |ev| set_sector(ActorField::Sector(event_target_value(&ev).into()))>
                    <option value="" selected=is(Box::new(|a| a.sector.as_str().is_empty()))>
                        {move || t().no_sector}
                    </option>
                    {let is = is.clone(); move || sectors().into_iter().map(|s| {
                        let sid = s.id.clone();
                        view! {
                            <option value=s.id.0.clone() selected=is(Box::new(move |a| a.sector == sid))>
                                {s.label.clone()}
                            </option>
                        }
                    }).collect_view()}
                </select>
            </td>
            <td>
                <select aria-label=label(|t| t.level)
                    on:change=move |ev| {
                        let v = event_target_value(&ev);
                        if let Some(level) = Level::ALL.into_iter().find(|l| l.as_str() == v) {
                            set_level(ActorField::Level(level));
                        }
                    }>
                    {Level::ALL.into_iter().map(|l| view! {
                        <option value=l.as_str() selected=is(Box::new(move |a| a.level == l))>
                            {move || (t().level_label)(l)}
                        </option>
                    }).collect_view()}
                </select>
            </td>
            <td>
                <input type="text" prop:value=read(|a| a.municipality.clone())
                    aria-label=label(|t| t.municipality) on:change=on_text(ActorField::Municipality)/>
            </td>
            <td>{number_select(|t| t.influence, 1..=5, |a| a.influence, ActorField::Influence)}</td>
            <td>{number_select(|t| t.interest, 1..=5, |a| a.interest, ActorField::Interest)}</td>
            <td>{number_select(|t| t.attitude, -2..=2, |a| a.attitude, ActorField::Attitude)}</td>
            <td class="rowtools">
                <button class="small" on:click=select aria-label=move || (t().edit_actor)(&name2())>{move || t().edit}</button>
                <button class="small danger" on:click=delete aria-label=move || (t().delete_actor)(&name3())>
                    {move || t().delete}
                </button>
            </td>
        </tr>
    }
}
