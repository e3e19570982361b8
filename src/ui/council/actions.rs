//! The action plan: actions grouped by goal, by who is responsible or on a timeline, each a
//! card of its fields and RACI roles.

use super::row::Row;
use super::{actor_named, edit_council};
use crate::app::use_doc;
use crate::browser::{self, today};
use crate::i18n::Texts;
use crate::ui::texts;
use chrono::NaiveDate;
use leptos::prelude::*;
use samverkan_model::analysis;
use samverkan_model::sort::sort_by_key;
use samverkan_model::{Action, ActionId, ActionStatus, ActorId, GoalId};

/// How the action plan is grouped on screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grouping {
    ByGoal,
    ByResponsible,
    Timeline,
}

/// Which group: a card stays drawn while its action stays in it.
#[derive(Clone, PartialEq, Eq, Hash)]
enum GroupKey {
    Goal(GoalId),
    NoGoal,
    Responsible(Option<ActorId>),
    Timeline,
}

/// A group on screen: its heading and its actions, in order.
#[derive(Clone, PartialEq)]
struct Group {
    key: GroupKey,
    heading: String,
    actions: Vec<ActionId>,
}

/// The actions' ids in `grouping`'s groups, in order, empty groups left out.
fn groups(m: &samverkan_model::Map, grouping: Grouping, t: &Texts) -> Vec<Group> {
    let ids = |keep: &dyn Fn(&Action) -> bool| -> Vec<ActionId> {
        let actions = m.council.actions.iter();
        actions.filter(|a| keep(a)).map(|a| a.id.clone()).collect()
    };
    let groups = match grouping {
        Grouping::ByGoal => {
            let goals = &m.council.goals;
            let mut groups: Vec<Group> = goals
                .iter()
                .map(|g| Group {
                    key: GroupKey::Goal(g.id.clone()),
                    heading: g.title.clone(),
                    actions: ids(&|a| a.goal.as_ref() == Some(&g.id)),
                })
                .collect();
            groups.push(Group {
                key: GroupKey::NoGoal,
                heading: t.no_goal.to_owned(),
                actions: ids(&|a| {
                    a.goal
                        .as_ref()
                        .is_none_or(|g| !goals.iter().any(|x| &x.id == g))
                }),
            });
            groups
        }
        Grouping::ByResponsible => {
            let mut owners: Vec<Option<ActorId>> = m
                .council
                .actions
                .iter()
                .map(|a| a.responsible.clone())
                .collect();
            owners.sort();
            owners.dedup();
            owners
                .into_iter()
                .map(|o| Group {
                    heading: o
                        .as_ref()
                        .and_then(|id| m.actor(id))
                        .map(|a| a.name.clone())
                        .unwrap_or_else(|| t.no_responsible.to_owned()),
                    actions: ids(&|a| a.responsible == o),
                    key: GroupKey::Responsible(o),
                })
                .collect()
        }
        Grouping::Timeline => {
            let mut actions: Vec<&Action> = m.council.actions.iter().collect();
            sort_by_key(&mut actions, |a| (a.due.is_none(), a.due, a.start));
            vec![Group {
                key: GroupKey::Timeline,
                heading: t.timeline.to_owned(),
                actions: actions.into_iter().map(|a| a.id.clone()).collect(),
            }]
        }
    };
    groups
        .into_iter()
        .filter(|g| !g.actions.is_empty())
        .collect()
}

/// What an action's selects offer: ids and names.
type Choices<Id> = Memo<Vec<(Id, String)>>;

#[component]
pub fn ActionPlan() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let grouping = RwSignal::new(Grouping::ByGoal);
    let add = move |_| {
        let title = t().new_action.to_owned();
        edit_council(doc, move |c| {
            c.actions.push(Action {
                id: browser::new_id().into(),
                title,
                goal: c.goals.first().map(|g| g.id.clone()),
                responsible: None,
                accountable: None,
                consulted: vec![],
                informed: vec![],
                start: None,
                due: None,
                status: ActionStatus::Planned,
                note: String::new(),
            })
        });
    };
    let groups = Memo::new(move |_| {
        let (by, lang) = (grouping.get(), t());
        doc.with_map_tracked(|m| groups(m, by, lang))
            .unwrap_or_default()
    });
    let actors: Choices<ActorId> = Memo::new(move |_| doc.actor_names());
    let goals: Choices<GoalId> = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            m.council
                .goals
                .iter()
                .map(|g| (g.id.clone(), g.title.clone()))
                .collect()
        })
        .unwrap_or_default()
    });
    view! {
        <div class="card actionplan">
            <h2>{move || t().action_plan}</h2>
            // The suggestions of every card's consulted and informed search boxes.
            <datalist id="council-actors">
                {move || actors.get().into_iter().map(|(_, n)| view! { <option value=n/> }).collect_view()}
            </datalist>
            <div class="actionplan-tools">
                <button on:click=add>{move || t().add_action}</button>
                <label class="field inline"><span>{move || t().group_by}</span>
                    <select on:change=move |ev| grouping.set(match event_target_value(&ev).as_str() { "responsible" => Grouping::ByResponsible, "timeline" => Grouping::Timeline, _ => Grouping::ByGoal })>
                        <option value="goal">{move || t().by_goal}</option>
                        <option value="responsible">{move || t().by_responsible}</option>
                        <option value="timeline">{move || t().timeline}</option>
                    </select>
                </label>
            </div>
            <For each=move || groups.get() key=|g| g.key.clone() let:group>
                {
                    let key = group.key;
                    let this = Memo::new(move |_| groups.with(|gs| gs.iter().find(|g| g.key == key).cloned()));
                    view! {
                        <h3>{move || this.with(|g| g.as_ref().map(|g| g.heading.clone()))}</h3>
                        <For each=move || this.with(|g| g.as_ref().map(|g| g.actions.clone()).unwrap_or_default()) key=|id| id.clone() let:id>
                            <ActionCard id goals actors/>
                        </For>
                    }
                }
            </For>
        </div>
    }
}

#[component]
fn ActionCard(id: ActionId, goals: Choices<GoalId>, actors: Choices<ActorId>) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let row = Row::<Action>::new(doc, id);
    let title = row.read(|a| a.title.clone());
    let status = row.read(|a| a.status);
    let flags = row.read(|a| analysis::action_flags(a, today()));
    let start = row.read(|a| a.start.map(|d| d.to_string()).unwrap_or_default());
    let due = row.read(|a| a.due.map(|d| d.to_string()).unwrap_or_default());
    let note = row.read(|a| a.note.clone());
    view! {
        <div class="action" class:flagged=move || !flags().is_empty()>
            <div class="action-head">
                <input type="text" class="action-title" aria-label=move || t().action_title prop:value=title
                    on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |a| a.title = v) }/>
                <select aria-label=move || t().status on:change=move |ev| { let v = event_target_value(&ev); if let Some(s) = ActionStatus::parse(&v) { row.edit(move |a| a.status = s) } }>
                    {crate::ui::status_options(move |s| s == status())}
                </select>
                <button class="small danger" aria-label=move || t().delete_action on:click=move |_| { let id = row.key(); edit_council(doc, move |c| c.actions.retain(|a| a.id != id)) }>{move || t().delete}</button>
            </div>
            <ul class="flags">
                {move || flags().into_iter().map(|f| view! { <li class="flag">"⚠ "{move || (t().action_flag)(f)}</li> }).collect_view()}
            </ul>
            <div class="action-fields">
                <label class="field"><span>{move || t().goal}</span>
                    {one_of(row, goals, |a| a.goal.clone(), |a, v| a.goal = v)}
                </label>
                {actor_select(row, actors, |t| t.responsible, |a| a.responsible.clone(), |a, v| a.responsible = v)}
                {actor_select(row, actors, |t| t.accountable, |a| a.accountable.clone(), |a, v| a.accountable = v)}
                {actor_list(row, |t| t.consulted, |a| a.consulted.clone(), |a, v| a.consulted = v)}
                {actor_list(row, |t| t.informed, |a| a.informed.clone(), |a, v| a.informed = v)}
                // Printed the Swedish way (2027-03-31), whatever the browser's date format.
                <label class="field"><span>{move || t().start}</span>
                    <input type="date" prop:value=start
                        on:change=move |ev| { let v = event_target_value(&ev).parse::<NaiveDate>().ok(); row.edit(move |a| a.start = v) }/>
                    <span class="print-only date">{start}</span></label>
                <label class="field"><span>{move || t().due}</span>
                    <input type="date" prop:value=due
                        on:change=move |ev| { let v = event_target_value(&ev).parse::<NaiveDate>().ok(); row.edit(move |a| a.due = v) }/>
                    <span class="print-only date">{due}</span></label>
                <label class="field wide"><span>{move || t().note}</span>
                    <input type="text" prop:value=note on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |a| a.note = v) }/></label>
            </div>
        </div>
    }
}

/// A select of one of `choices` (a goal, an actor) or none ("–").
fn one_of<Id>(
    row: Row<Action>,
    choices: Choices<Id>,
    read: fn(&Action) -> Option<Id>,
    write: fn(&mut Action, Option<Id>),
) -> impl IntoView
where
    Id: Clone + PartialEq + std::fmt::Display + From<String> + Send + Sync + 'static,
{
    let current = row.read(read);
    let pick = move |ev: leptos::ev::Event| {
        let value = event_target_value(&ev);
        let chosen = (!value.is_empty()).then(|| Id::from(value));
        row.edit(move |a| write(a, chosen))
    };
    view! {
        <select on:change=pick>
            <option value="" selected=move || current().is_none()>"–"</option>
            {move || choices.get().into_iter().map(|(id, name)| {
                let value = id.to_string();
                view! { <option value=value selected=move || current() == Some(id.clone())>{name}</option> }
            }).collect_view()}
        </select>
    }
}

/// A RACI role one actor fills (responsible, accountable): a select of the map's actors.
fn actor_select(
    row: Row<Action>,
    actors: Choices<ActorId>,
    label: fn(&Texts) -> &'static str,
    read: fn(&Action) -> Option<ActorId>,
    write: fn(&mut Action, Option<ActorId>),
) -> impl IntoView {
    let t = texts();
    let current = row.read(read);
    let printed = move || {
        let current = current();
        actors
            .with(|a| {
                a.iter()
                    .find(|(id, _)| current.as_ref() == Some(id))
                    .map(|(_, name)| name.clone())
            })
            .unwrap_or_else(|| "–".to_owned())
    };
    view! {
        <label class="field"><span>{move || label(t())}</span>
            {one_of(row, actors, read, write)}
            <span class="print-only">{printed}</span>
        </label>
    }
}

/// A RACI role many actors fill (consulted, informed): chips and a search box.
fn actor_list(
    row: Row<Action>,
    label: fn(&Texts) -> &'static str,
    read: fn(&Action) -> Vec<ActorId>,
    write: fn(&mut Action, Vec<ActorId>),
) -> impl IntoView {
    let chosen = Signal::derive(row.read(read));
    let set = Callback::new(move |chosen: Vec<ActorId>| row.edit(move |a| write(a, chosen)));
    view! { <ActorChips label chosen set/> }
}

/// A list of actors picked as removable chips, with a search box (the map's names as
/// suggestions) to add one: Enter or picking a suggestion adds it.
#[component]
fn ActorChips(
    label: fn(&Texts) -> &'static str,
    chosen: Signal<Vec<ActorId>>,
    set: Callback<Vec<ActorId>>,
) -> impl IntoView {
    let (doc, t) = (use_doc(), texts());
    let add = move |input: leptos::web_sys::HtmlInputElement| {
        if let Some(id) = actor_named(doc, &input.value(), |_, _| true) {
            input.set_value("");
            let mut list = chosen.get_untracked();
            if !list.contains(&id) {
                list.push(id);
                set.run(list);
            }
        }
    };
    view! {
        <div class="field chips-field">
            <span>{move || label(t())}</span>
            <ul class="chips">
                {move || chosen.get().into_iter().map(|id| {
                    let name = Memo::new({ let id = id.clone(); move |_| doc.actor_name(&id) });
                    view! {
                        <li class="chip">{name}
                            <button type="button" aria-label=move || (t().remove_from_list)(&name.get(), label(t()))
                                on:click=move |_| set.run(chosen.get_untracked().into_iter().filter(|x| *x != id).collect())>"×"</button>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <input type="text" list="council-actors" aria-label=move || (t().add_to_list)(label(t()))
                placeholder=move || t().search_actor
                on:change=move |ev| add(event_target(&ev))
                on:keydown=move |ev: leptos::ev::KeyboardEvent| if ev.key() == "Enter" { add(event_target(&ev)) }/>
        </div>
    }
}
