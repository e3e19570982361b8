//! The actor table with the quick-add box: every row edits in place.

use crate::app::use_doc;
use crate::i18n::Texts;
use crate::ui::rating_value;
use crate::ui::shell::removal::Remover;
use crate::ui::texts;
use leptos::prelude::*;
use leptos::web_sys;
use samverkan_model::edit::{set_actor_field, ActorField};
use samverkan_model::salience::SalienceClass;
use samverkan_model::sort::{sort_by, sort_by_key};
use samverkan_model::{Actor, ActorId, ActorKind, Level};
use std::collections::HashMap;

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
    Salience,
    Community,
}

impl Column {
    const ALL: [Column; 10] = [
        Column::Name,
        Column::Kind,
        Column::Sector,
        Column::Level,
        Column::Municipality,
        Column::Influence,
        Column::Interest,
        Column::Attitude,
        Column::Salience,
        Column::Community,
    ];

    /// How the column is named in the stored view state.
    fn slug(self) -> &'static str {
        match self {
            Column::Name => "name",
            Column::Kind => "kind",
            Column::Sector => "sector",
            Column::Level => "level",
            Column::Municipality => "municipality",
            Column::Influence => "influence",
            Column::Interest => "interest",
            Column::Attitude => "attitude",
            Column::Salience => "salience",
            Column::Community => "community",
        }
    }

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
            Column::Salience => t.salience_class,
            Column::Community => t.community,
        }
    }

    /// Orders two actors by this column (names as the tie-break, case-insensitive);
    /// `community` gives each actor's community number.
    fn compare(
        self,
        map: &samverkan_model::Map,
        community: &HashMap<ActorId, usize>,
        a: &Actor,
        b: &Actor,
    ) -> std::cmp::Ordering {
        let text = |x: &Actor| match self {
            Column::Name => x.name.to_lowercase(),
            Column::Kind => x.kind.as_str().to_owned(),
            Column::Sector => map
                .sector(x.sector.as_str())
                .map(|s| s.label.to_lowercase())
                .unwrap_or_default(),
            Column::Level => format!("{:?}", x.level as u8),
            Column::Municipality => x.municipality.to_lowercase(),
            // Most salient first, as the classes are listed.
            Column::Salience => format!("{}", SalienceClass::of(&x.salience) as u8),
            _ => String::new(),
        };
        // Unrated sorts before every rating.
        let number = |x: &Actor| match self {
            Column::Influence => x.influence,
            Column::Interest => x.interest,
            Column::Attitude => x.attitude,
            Column::Community => community.get(&x.id).map(|n| *n as i64),
            _ => None,
        };
        number(a)
            .cmp(&number(b))
            .then_with(|| text(a).cmp(&text(b)))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    }
}

/// True when the filter text appears in the actor's name, short name, municipality,
/// sector label, salience class (in the UI language) or tags.
fn matches(map: &samverkan_model::Map, actor: &Actor, filter: &str, t: &Texts) -> bool {
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
        (t.salience_class_label)(SalienceClass::of(&actor.salience)),
    ]
    .into_iter()
    .chain(actor.tags.iter().map(String::as_str))
    .any(|field| field.to_lowercase().contains(&needle))
}

#[component]
pub fn ActorTable() -> impl IntoView {
    let doc = use_doc();
    let communities = crate::ui::map::communities::use_communities();
    let remover = expect_context::<Remover>();
    let t = texts();
    let sort = RwSignal::new(None::<(Column, bool)>);
    let filter = RwSignal::new(String::new());
    let checked = RwSignal::new(std::collections::HashSet::<ActorId>::new());
    let ids = Memo::new(move |_| {
        let by = sort.get();
        filter.with(|needle| {
            doc.with_map_tracked(|m| {
                let mut shown: Vec<&Actor> = m
                    .actors
                    .iter()
                    .filter(|a| matches(m, a, needle, t()))
                    .collect();
                if let Some((column, descending)) = by {
                    sort_by(&mut shown, |a, b| {
                        let order = communities.of.with(|c| column.compare(m, c, a, b));
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
    let logging = crate::ui::engagement::log_interaction::use_logging();
    let shown = ShownColumns::provide().0;
    view! {
        <section class="actors">
            <div class="tabletools">
                <input type="search" aria-label=move || t().filter_actors placeholder=move || t().filter_actors
                    on:input=move |ev| filter.set(event_target_value(&ev))/>
                <button class="danger" disabled=move || checked.with(|c| c.is_empty()) on:click=delete_checked>
                    {move || (t().delete_selected)(checked.with(|c| c.len()))}
                </button>
                <crate::ui::dialogs::what_if::WhatIfButton actors=Signal::derive(move || checked.with(|c| {
                    // In the map's order, so the question reads as the table does.
                    doc.actor_ids().into_iter().filter(|id| c.contains(id)).collect::<Vec<_>>()
                }))/>
                <button disabled=move || checked.with(|c| c.is_empty()) on:click=move |_| {
                    let chosen = checked.get_untracked();
                    logging.open_for(doc.actor_ids().into_iter().filter(|id| chosen.contains(id)).collect());
                }>{move || t().log_interaction}</button>
                <ColumnChooser shown=shown/>
            </div>
            <Show when=move || doc.actor_count() == 0>
                <p class="empty">{move || t().no_actors}</p>
            </Show>
            <table class="actortable">
                <thead>
                    <tr>
                        <th scope="col"><input type="checkbox" aria-label=move || t().select_all prop:checked=all_checked on:change=check_all/></th>
                        {Column::ALL.into_iter().map(|column| view! {
                            <th scope="col" class:hidden=move || !shown.with(|s| s.contains(&column)) aria-sort=move || match sort.get() {
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

/// The columns shown (view state, kept across sessions): hiding some leaves the room
/// for long names on a small screen.
#[derive(Clone, Copy)]
struct ShownColumns(RwSignal<Vec<Column>>);

const SHOWN_COLUMNS_KEY: &str = "samverkan.table.columns";

impl ShownColumns {
    fn provide() -> Self {
        let stored = crate::storage::prefs::get(SHOWN_COLUMNS_KEY).map(|text| {
            Column::ALL
                .into_iter()
                .filter(|c| *c == Column::Name || text.split(',').any(|s| s == c.slug()))
                .collect()
        });
        // The salience class and community columns are chosen in `Columns` (the filter
        // finds classes either way), so the table still fits 1920 px with its row tools.
        let extra = [Column::Salience, Column::Community];
        let default = || {
            Column::ALL
                .into_iter()
                .filter(|c| !extra.contains(c))
                .collect()
        };
        let shown = Self(RwSignal::new(stored.unwrap_or_else(default)));
        Effect::new(move |_| {
            let text = shown
                .0
                .with(|s| s.iter().map(|c| c.slug()).collect::<Vec<_>>().join(","));
            crate::storage::prefs::set(SHOWN_COLUMNS_KEY, &text);
        });
        provide_context(shown);
        shown
    }
}

/// `Columns`: a checkbox per column that can be hidden (the name always shows).
#[component]
fn ColumnChooser(shown: RwSignal<Vec<Column>>) -> impl IntoView {
    let t = texts();
    view! {
        <details class="columns">
            <summary>{move || t().columns}</summary>
            <div class="columns-list">
                {Column::ALL.into_iter().filter(|c| *c != Column::Name).map(|column| view! {
                    <label class="check">
                        <input type="checkbox" prop:checked=move || shown.with(|s| s.contains(&column))
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                shown.update(|s| {
                                    s.retain(|c| *c != column);
                                    if on { s.push(column); }
                                    sort_by_key(s, |c| Column::ALL.iter().position(|x| x == c));
                                });
                            }/>
                        {move || column.label(t())}
                    </label>
                }).collect_view()}
            </div>
        </details>
    }
}

/// The rows ticked for a bulk action (view state).
#[derive(Clone, Copy)]
struct Checked(RwSignal<std::collections::HashSet<ActorId>>);

#[component]
fn ActorRow(id: ActorId) -> impl IntoView {
    let doc = use_doc();
    let communities = crate::ui::map::communities::use_communities();
    let remover = expect_context::<Remover>();
    let shown = expect_context::<ShownColumns>().0;
    let t = texts();
    let actor = crate::ui::actor_signal(doc, &id);
    let name = {
        let actor = actor.clone();
        Signal::derive(move || actor.with(|a| a.name.clone()))
    };
    let set = {
        let actor = actor.clone();
        move |field: ActorField| {
            if let Some(command) = actor.with_untracked(|a| set_actor_field(a, field)) {
                doc.dispatch(command);
            }
        }
    };
    let read = {
        let actor = actor.clone();
        move |f: fn(&Actor) -> String| {
            let actor = actor.clone();
            Signal::derive(move || actor.with(f))
        }
    };
    let label = move |column: Column| {
        Signal::derive(move || (t().field_of)(column.label(t()), &name.get()))
    };
    // A select over `options` (value, text) showing `value` of the actor; `put` makes the edit.
    let choice = {
        let (set, actor) = (set.clone(), actor.clone());
        move |column: Column,
              value: fn(&Actor) -> String,
              options: Signal<Vec<(String, String)>>,
              put: fn(&str) -> Option<ActorField>| {
            let (set, actor) = (set.clone(), actor.clone());
            let text = {
                let actor = actor.clone();
                Signal::derive(move || {
                    let current = actor.with(value);
                    options.with(|o| {
                        o.iter()
                            .find(|(v, _)| *v == current)
                            .map(|(_, text)| text.clone())
                            .unwrap_or(current)
                    })
                })
            };
            let field = move || {
                let (set, actor) = (set.clone(), actor.clone());
                view! {
                    <select aria-label=label(column) on:change=move |ev| {
                        if let Some(field) = put(&event_target_value(&ev)) { set(field); }
                    }>
                        {options.get().into_iter().map(|(v, text)| {
                            let selected = actor.with_untracked(value) == v;
                            view! { <option value=v selected=selected>{text}</option> }
                        }).collect_view()}
                    </select>
                }
            };
            view! { <Cell label=label(column) text=text field=field column=column shown=shown/> }
        }
    };
    let typed = {
        let set = set.clone();
        move |column: Column,
              value: fn(&Actor) -> String,
              put: fn(String) -> ActorField,
              class: &'static str| {
            let set = set.clone();
            let text = read(value);
            let field = move || {
                let set = set.clone();
                view! {
                    <input type="text" class=class prop:value=move || text.get() aria-label=label(column)
                        on:change=move |ev| set(put(event_target_value(&ev)))/>
                }
            };
            view! { <Cell label=label(column) text=text field=field column=column shown=shown/> }
        }
    };
    // A rating's choices: not rated (empty), then the scale.
    let numbers = |range: std::ops::RangeInclusive<i64>, signed: bool| {
        Signal::derive(move || {
            let unrated = (String::new(), t().not_rated.to_owned());
            std::iter::once(unrated)
                .chain(range.clone().map(|v| {
                    (
                        v.to_string(),
                        if signed && v > 0 {
                            format!("+{v}")
                        } else {
                            v.to_string()
                        },
                    )
                }))
                .collect::<Vec<_>>()
        })
    };
    let kinds = Signal::derive(move || {
        ActorKind::ALL
            .into_iter()
            .map(|k| (k.as_str().to_owned(), (t().kind_label)(k).to_owned()))
            .collect()
    });
    let levels = Signal::derive(move || {
        Level::ALL
            .into_iter()
            .map(|l| (l.as_str().to_owned(), (t().level_label)(l).to_owned()))
            .collect()
    });
    let sectors = Signal::derive(move || {
        std::iter::once((String::new(), t().no_sector.to_owned()))
            .chain(doc.sectors().into_iter().map(|s| (s.id.0, s.label)))
            .collect()
    });
    let delete = {
        let id = id.clone();
        move |_| remover.remove(vec![id.clone()])
    };
    let selection = crate::ui::shell::selection::use_selection();
    let select = {
        let id = id.clone();
        move |_| selection.0.set(Some(id.clone()))
    };
    let checked = expect_context::<Checked>();
    let (row_id, toggle_id) = (id.clone(), id.clone());
    view! {
        <tr>
            <td>
                <input type="checkbox" aria-label=move || (t().select_actor)(&name.get())
                    prop:checked=move || checked.0.with(|c| c.contains(&row_id))
                    on:change=move |ev| {
                        let on = event_target_checked(&ev);
                        let id = toggle_id.clone();
                        checked.0.update(|c| { if on { c.insert(id); } else { c.remove(&id); } });
                    }/>
            </td>
            {typed(Column::Name, |a| a.name.clone(), ActorField::Name, "name")}
            {choice(Column::Kind, |a| a.kind.as_str().to_owned(), kinds,
                |v| ActorKind::ALL.into_iter().find(|k| k.as_str() == v).map(ActorField::Kind))}
            {choice(Column::Sector, |a| a.sector.0.clone(), sectors, |v| Some(ActorField::Sector(v.into())))}
            {choice(Column::Level, |a| a.level.as_str().to_owned(), levels,
                |v| Level::ALL.into_iter().find(|l| l.as_str() == v).map(ActorField::Level))}
            {typed(Column::Municipality, |a| a.municipality.clone(), ActorField::Municipality, "")}
            {choice(Column::Influence, |a| rating_value(a.influence), numbers(1..=5, false),
                |v| Some(ActorField::Influence(v.parse().ok())))}
            {choice(Column::Interest, |a| rating_value(a.interest), numbers(1..=5, false),
                |v| Some(ActorField::Interest(v.parse().ok())))}
            {choice(Column::Attitude, |a| rating_value(a.attitude), numbers(-2..=2, true),
                |v| Some(ActorField::Attitude(v.parse().ok())))}
            // Follows from the three flags (edited in the panel), so it reads only.
            <td class:hidden=move || !shown.with(|s| s.contains(&Column::Salience))>
                {let actor = actor.clone(); move || actor.with(|a| (t().salience_class_label)(SalienceClass::of(&a.salience)))}
            </td>
            <td class:hidden=move || !shown.with(|s| s.contains(&Column::Community))>
                {let id = id.clone(); move || communities.of.with(|of| of.get(&id).map(|n| (n + 1).to_string()))}
            </td>
            <td class="rowtools">
                // Signs, so the columns keep the room; the names say what they do.
                <button class="small" on:click=select aria-label=move || (t().edit_actor)(&name.get())
                    title=move || (t().edit_actor)(&name.get())>"✎"</button>
                <button class="small danger" on:click=delete aria-label=move || (t().delete_actor)(&name.get())
                    title=move || (t().delete_actor)(&name.get())>"×"</button>
            </td>
        </tr>
    }
}

/// A cell that reads as text and becomes its field when clicked, or on Enter when
/// focused (spreadsheet style): a thousand rows stay light, and a name is read whole.
/// Enter or Esc in the field, or leaving it, turns it back into text.
#[component]
fn Cell<F, V>(
    label: Signal<String>,
    text: Signal<String>,
    field: F,
    column: Column,
    shown: RwSignal<Vec<Column>>,
) -> impl IntoView
where
    F: Fn() -> V + Send + Sync + 'static,
    V: IntoView + 'static,
{
    let editing = RwSignal::new(false);
    let cell = NodeRef::<leptos::html::Td>::new();
    let focus_in_cell = move |selector: &'static str| {
        request_animation_frame(move || {
            let found = cell
                .get_untracked()
                .and_then(|td| td.query_selector(selector).ok().flatten());
            if let Some(element) = found {
                let _ =
                    wasm_bindgen::JsCast::unchecked_into::<web_sys::HtmlElement>(element).focus();
            }
        });
    };
    let start = move |_| {
        editing.set(true);
        focus_in_cell("input, select");
    };
    let on_key = move |ev: web_sys::KeyboardEvent| {
        if editing.get_untracked() && matches!(ev.key().as_str(), "Enter" | "Escape") {
            ev.stop_propagation();
            editing.set(false);
            focus_in_cell("button.cell-text");
        }
    };
    // Focus that leaves the cell (not a move within it) ends the editing.
    let on_focus_out = move |_| {
        request_animation_frame(move || {
            let inside = cell.get_untracked().is_some_and(|td| {
                let active: Option<web_sys::Node> = document().active_element().map(Into::into);
                td.contains(active.as_ref())
            });
            if !inside {
                editing.try_set(false);
            }
        });
    };
    view! {
        <td node_ref=cell class:hidden=move || !shown.with(|s| s.contains(&column))
            on:keydown=on_key on:focusout=on_focus_out>
            {move || if editing.get() {
                field().into_any()
            } else {
                view! {
                    <button type="button" class="cell-text" on:click=start
                        aria-label=move || format!("{}: {}", label.get(), text.get())>{text}</button>
                }.into_any()
            }}
        </td>
    }
}
