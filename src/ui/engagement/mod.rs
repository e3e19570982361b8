//! The `Engagement` tab: follow-ups due and overdue first, key actors not heard from, the
//! needs actors raised (searchable), and every interaction, filterable and sortable, with
//! the invitation lists of dialogues and events.

pub mod log_interaction;

use crate::app::{use_doc, use_transfer};
use crate::browser;
use crate::ui::engagement::log_interaction::{edit_log, set_interaction, use_log, use_logging};
use crate::ui::shell::selection::use_selection;
use crate::ui::texts;
use chrono::NaiveDate;
use leptos::prelude::*;
use samverkan_model::engagement::{
    not_heard_from, open_follow_ups, Interaction, InteractionKind, InviteFilter,
};
use samverkan_model::{ActionStatus, ActorId, Level};
use std::collections::HashMap;

/// Actor names by id, for the tab's lists that name many actors: one memo for the tab.
#[derive(Clone, Copy)]
struct Names(Memo<HashMap<ActorId, String>>);

impl Names {
    fn provide() {
        let doc = use_doc();
        let names = Memo::new(move |_| doc.actor_names());
        provide_context(Names(names));
    }
}

fn use_names() -> Memo<HashMap<ActorId, String>> {
    expect_context::<Names>().0
}

fn names_of(ids: &[ActorId], names: &HashMap<ActorId, String>) -> String {
    let named: Vec<&str> = ids
        .iter()
        .filter_map(|id| names.get(id).map(String::as_str))
        .collect();
    named.join(", ")
}

#[component]
pub fn EngagementView() -> impl IntoView {
    Names::provide();
    let doc = use_doc();
    let logging = use_logging();
    let selected = use_selection().0;
    let t = texts();
    let transfer = use_transfer();
    let export_csv = move |_| {
        transfer.export_sheet("interactions", |m| {
            samverkan_model::formats::csv::export_interactions(m, b';')
        })
    };
    view! {
        <section class="engagement" aria-labelledby="engagement-title">
            // A room's participant reads the log unless the facilitator lets them edit it.
            <Show when=move || doc.beyond_the_map_read_only()>
                <p class="read-only-note" role="note">{move || t().room_read_only_log}</p>
            </Show>
            <div class="engagement-head">
                <h2 id="engagement-title">{move || t().tab_engagement}</h2>
                <button class="primary" disabled=move || doc.beyond_the_map_read_only()
                    on:click=move |_| logging.open_for(selected.get_untracked().into_iter().collect())>
                    {move || t().log_interaction}
                </button>
                <button on:click=export_csv>{move || t().export_interactions_csv}</button>
                <button on:click=move |_| crate::ui::council::export_calendar(doc, transfer, None)>{move || t().export_calendar}</button>
            </div>
            <div class="engagement-columns">
                <div class="engagement-side">
                    <FollowUps/>
                    <NotHeardFrom/>
                    <NeedsRaised/>
                </div>
                <InteractionList/>
            </div>
        </section>
    }
}

/// Open follow-ups by due date, overdue ones marked; the status changes in place.
#[component]
fn FollowUps() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let log = use_log();
    let names = use_names();
    let today = browser::today();
    let open = Memo::new(move |_| {
        log.with(|log| {
            let open = open_follow_ups(log).into_iter();
            open.map(|(i, _)| i.clone()).collect::<Vec<_>>()
        })
    });
    view! {
        <section class="follow-ups">
            <h3>{move || t().follow_ups}</h3>
            <Show when=move || open.with(Vec::is_empty)>
                <p class="hint">{move || t().no_follow_ups}</p>
            </Show>
            <ul>
                {move || open.get().into_iter().filter_map(|i| {
                    let f = i.follow_up.clone()?;
                    let overdue = f.due < today;
                    let who = names.with(|n| names_of(&i.actors, n));
                    let title = f.title.clone();
                    Some(view! {
                        <li class:overdue=overdue>
                            <span class="due">{f.due.format("%Y-%m-%d").to_string()}</span>
                            {overdue.then(|| view! { <span class="flag">{move || t().overdue}</span> })}
                            <span class="title">{f.title.clone()}</span>
                            <span class="who">{who}</span>
                            <select aria-label=move || format!("{}: {title}", t().status) disabled=move || doc.beyond_the_map_read_only() on:change=move |ev| {
                                let Some(status) = ActionStatus::parse(&event_target_value(&ev)) else { return };
                                let mut changed = i.clone();
                                if let Some(f) = changed.follow_up.as_mut() { f.status = status; }
                                set_interaction(doc, changed);
                            }>
                                {crate::ui::status_options({ let status = f.status; move |s| s == status })}
                            </select>
                        </li>
                    })
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Key actors with no interaction in the chosen period, each one click from logging one.
#[component]
fn NotHeardFrom() -> impl IntoView {
    let doc = use_doc();
    let logging = use_logging();
    let t = texts();
    let months = RwSignal::new(6u32);
    let today = browser::today();
    let silent = Memo::new(move |_| {
        let months = months.get();
        doc.with_map_tracked(|m| {
            not_heard_from(m, today, months)
                .into_iter()
                .map(|(a, met)| (a.id.clone(), a.name.clone(), met))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    view! {
        <section class="not-heard">
            <h3>{move || t().not_heard_from}" "<span class="count">{move || silent.with(Vec::len)}</span></h3>
            <label class="field inline">
                <span>{move || t().period}</span>
                <select aria-label=move || t().period on:change=move |ev| {
                    if let Ok(n) = event_target_value(&ev).parse() { months.set(n) }
                }>
                    {[3u32, 6, 12, 24].into_iter().map(|n| view! {
                        <option value=n.to_string() selected=move || months.get() == n>{move || (t().period_months)(n)}</option>
                    }).collect_view()}
                </select>
            </label>
            <p class="hint">{move || (t().not_heard_hint)(months.get())}</p>
            <Show when=move || silent.with(Vec::is_empty)>
                <p class="hint">{move || t().everyone_heard}</p>
            </Show>
            <ul>
                {move || silent.get().into_iter().map(|(id, name, met)| view! {
                    <li>
                        <span class="name">{name}</span>
                        <span class="when">{move || (t().last_met)(met)}</span>
                        <button class="small" disabled=move || use_doc().beyond_the_map_read_only()
                            on:click=move |_| logging.open_for(vec![id.clone()])>{move || t().log_interaction}</button>
                    </li>
                }).collect_view()}
            </ul>
        </section>
    }
}

/// Every need raised, grouped by actor, with a search.
#[component]
fn NeedsRaised() -> impl IntoView {
    let t = texts();
    let log = use_log();
    let names = use_names();
    let search = RwSignal::new(String::new());
    let groups = Memo::new(move |_| {
        let wanted = search.get().trim().to_lowercase();
        let mut by_actor: Vec<(String, Vec<(NaiveDate, String)>)> = Vec::new();
        log.with(|log| {
            names.with(|names| {
                for i in log {
                    for need in i
                        .needs
                        .iter()
                        .filter(|n| n.to_lowercase().contains(&wanted))
                    {
                        for id in &i.actors {
                            let name = names.get(id).cloned().unwrap_or_default();
                            match by_actor.iter_mut().find(|(n, _)| n == &name) {
                                Some((_, needs)) => needs.push((i.date, need.clone())),
                                None => by_actor.push((name, vec![(i.date, need.clone())])),
                            }
                        }
                    }
                }
            })
        });
        samverkan_model::sort::sort_by_key(&mut by_actor, |(name, _)| name.to_lowercase());
        by_actor
    });
    view! {
        <section class="needs">
            <h3>{move || t().needs_raised}</h3>
            <input type="search" aria-label=move || t().search_needs placeholder=move || t().search_needs
                on:input=move |ev| search.set(event_target_value(&ev))/>
            <Show when=move || groups.with(Vec::is_empty)>
                <p class="hint">{move || t().no_needs}</p>
            </Show>
            <dl>
                {move || groups.get().into_iter().map(|(name, needs)| view! {
                    <dt>{name}</dt>
                    {needs.into_iter().map(|(date, need)| view! {
                        <dd>{need}" "<span class="when">{date.format("%Y-%m-%d").to_string()}</span></dd>
                    }).collect_view()}
                }).collect_view()}
            </dl>
        </section>
    }
}

/// How the interaction list is sorted.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SortBy {
    Date,
    Kind,
    Actors,
}

/// The list's filters.
#[derive(Clone, Default, PartialEq)]
struct Filters {
    actor: String,
    sector: String,
    kind: Option<InteractionKind>,
    from: Option<NaiveDate>,
    to: Option<NaiveDate>,
}

/// Every interaction, filtered and sorted.
#[component]
fn InteractionList() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let log = use_log();
    let names = use_names();
    let filters = RwSignal::new(Filters::default());
    let sort = RwSignal::new((SortBy::Date, true));
    let sectors = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            m.actors
                .iter()
                .map(|a| (a.id.clone(), a.sector.as_str().to_owned()))
                .collect::<HashMap<_, _>>()
        })
        .unwrap_or_default()
    });
    let shown = Memo::new(move |_| {
        let f = filters.get();
        let (by, descending) = sort.get();
        let wanted = f.actor.trim().to_lowercase();
        let mut shown: Vec<(Interaction, String)> = log.with(|log| {
            names.with(|names| {
                sectors.with(|sectors| {
                    log.iter()
                        .filter(|i| f.kind.is_none_or(|k| i.kind == k))
                        .filter(|i| f.from.is_none_or(|d| i.date >= d))
                        .filter(|i| f.to.is_none_or(|d| i.date <= d))
                        .filter(|i| {
                            f.sector.is_empty()
                                || i.actors.iter().any(|a| sectors.get(a) == Some(&f.sector))
                        })
                        .map(|i| (i.clone(), names_of(&i.actors, names)))
                        .filter(|(_, who)| {
                            wanted.is_empty() || who.to_lowercase().contains(&wanted)
                        })
                        .collect()
                })
            })
        });
        match by {
            SortBy::Date => samverkan_model::sort::sort_by_key(&mut shown, |(i, _)| i.date),
            SortBy::Kind => {
                samverkan_model::sort::sort_by_key(&mut shown, |(i, _)| i.kind.as_str())
            }
            SortBy::Actors => {
                samverkan_model::sort::sort_by_key(&mut shown, |(_, who)| who.to_lowercase())
            }
        }
        if descending {
            shown.reverse();
        }
        shown
    });
    let total = move || log.with(Vec::len);
    let header = move |by: SortBy, label: fn(&'static crate::i18n::Texts) -> &'static str| {
        let sorted = move || sort.with(|(b, d)| (*b == by).then_some(*d));
        view! {
            <th scope="col" aria-sort=move || match sorted() { Some(true) => "descending", Some(false) => "ascending", None => "none" }>
                <button class="sort" aria-label=move || (t().sort_by)(label(t()))
                    on:click=move |_| sort.update(|(b, d)| { if *b == by { *d = !*d } else { *b = by; *d = by == SortBy::Date } })>
                    {move || label(t())}{move || match sorted() { Some(true) => " ▼", Some(false) => " ▲", None => "" }}
                </button>
            </th>
        }
    };
    let set = move |change: &dyn Fn(&mut Filters)| filters.update(|f| change(f));
    // The open invitation lists with their filters, by interaction; kept here, as rows
    // are drawn again on every change of the log.
    let opened = RwSignal::new(HashMap::<String, InviteFilter>::new());
    view! {
        <section class="interaction-log">
            <h3>{move || t().interactions}" "<span class="count">{move || (t().shown_of)(shown.with(Vec::len), total())}</span></h3>
            <div class="filters" role="group" aria-label=move || t().filter>
                <input type="search" aria-label=move || t().filter_actor placeholder=move || t().filter_actor
                    on:input=move |ev| { let v = event_target_value(&ev); set(&|f| f.actor = v.clone()) }/>
                <select aria-label=move || t().filter_sector on:change=move |ev| { let v = event_target_value(&ev); set(&|f| f.sector = v.clone()) }>
                    <option value="">{move || t().all_sectors}</option>
                    {move || doc.sectors().into_iter().map(|s| view! { <option value=s.id.as_str().to_owned()>{s.label}</option> }).collect_view()}
                </select>
                <select aria-label=move || t().interaction_kind on:change=move |ev| { let k = InteractionKind::parse(&event_target_value(&ev)); set(&|f| f.kind = k) }>
                    <option value="">{move || t().all_kinds}</option>
                    {InteractionKind::ALL.into_iter().map(|k| view! { <option value=k.as_str()>{move || (t().interaction_kind_label)(k)}</option> }).collect_view()}
                </select>
                <label class="field inline"><span>{move || t().date_from}</span>
                    <input type="date" on:change=move |ev| { let d = event_target_value(&ev).parse().ok(); set(&|f| f.from = d) }/></label>
                <label class="field inline"><span>{move || t().date_to}</span>
                    <input type="date" on:change=move |ev| { let d = event_target_value(&ev).parse().ok(); set(&|f| f.to = d) }/></label>
            </div>
            <Show when=move || log.with(Vec::is_empty)>
                <p class="hint">{move || t().no_interactions}</p>
            </Show>
            // On a narrow screen the table scrolls inside its box, not the page.
            <div class="table-scroll">
            <table class="interactions-table">
                <thead><tr>
                    {header(SortBy::Date, |t| t.interaction_date)}
                    {header(SortBy::Kind, |t| t.interaction_kind)}
                    {header(SortBy::Actors, |t| t.interaction_actors)}
                    <th scope="col">{move || t().summary}</th>
                    <th scope="col">{move || t().needs}</th>
                    <th scope="col">{move || t().follow_up}</th>
                    <th scope="col"><span class="visually-hidden">{move || t().actions}</span></th>
                </tr></thead>
                <tbody>
                    {move || shown.get().into_iter().map(|(i, who)| view! { <InteractionRow interaction=i who=who opened=opened/> }).collect_view()}
                </tbody>
            </table>
            </div>
        </section>
    }
}

#[component]
fn InteractionRow(
    interaction: Interaction,
    who: String,
    opened: RwSignal<HashMap<String, InviteFilter>>,
) -> impl IntoView {
    let doc = use_doc();
    let logging = use_logging();
    let t = texts();
    let (id, date, kind) = (interaction.id.clone(), interaction.date, interaction.kind);
    let open = {
        let id = id.clone();
        move || opened.with(|o| o.contains_key(&id))
    };
    let toggle = {
        let id = id.clone();
        move |_| {
            opened.update(|o| {
                if o.remove(&id).is_none() {
                    o.insert(id.clone(), InviteFilter::default());
                }
            })
        }
    };
    let follow_up = interaction
        .follow_up
        .as_ref()
        .map(|f| format!("{} · {}", f.title, f.due.format("%Y-%m-%d")));
    let edited = interaction.clone();
    view! {
        <tr>
            <td class="when">{date.format("%Y-%m-%d").to_string()}</td>
            <td>{move || (t().interaction_kind_label)(kind)}</td>
            <td>{who}</td>
            <td>{interaction.summary.clone()}</td>
            <td>{interaction.needs.join("; ")}</td>
            <td>{follow_up}</td>
            <td class="row-actions">
                <fieldset class="plain" disabled=move || doc.beyond_the_map_read_only()>
                <button class="small" aria-label=move || (t().edit_interaction)(date) on:click=move |_| logging.edit(&edited)>{move || t().edit}</button>
                <button class="small danger" aria-label=move || (t().delete_interaction)(date)
                    on:click=move |_| { let id = id.clone(); edit_log(doc, move |log| log.retain(|i| i.id != id)) }>{move || t().delete}</button>
                </fieldset>
                {kind.invites().then(|| view! {
                    <button class="small" aria-expanded={ let open = open.clone(); move || open().to_string() } on:click=toggle>
                        {move || t().invitations}
                    </button>
                })}
            </td>
        </tr>
        <Show when=open>
            <tr class="invitation-row"><td colspan="7"><Invitations interaction=interaction.clone() opened=opened/></td></tr>
        </Show>
    }
}

/// A dialogue's or event's invitation list: invite by a filter, tick who came, export.
#[component]
fn Invitations(
    interaction: Interaction,
    opened: RwSignal<HashMap<String, InviteFilter>>,
) -> impl IntoView {
    let doc = use_doc();
    let transfer = use_transfer();
    let t = texts();
    let names = use_names();
    let id = interaction.id.clone();
    let filter = {
        let id = id.clone();
        Memo::new(move |_| opened.with(|o| o.get(&id).cloned().unwrap_or_default()))
    };
    let current = {
        let log = use_log();
        let id = id.clone();
        Memo::new(move |_| log.with(|l| l.iter().find(|i| i.id == id).cloned()))
    };
    let invite = move |_| {
        let Some(mut changed) = current.get_untracked() else {
            return;
        };
        let matching = doc
            .with_map(|m| {
                filter.with_untracked(|f| f.actors(m).into_iter().cloned().collect::<Vec<_>>())
            })
            .unwrap_or_default();
        for actor in matching {
            if !changed.invited.contains(&actor) {
                changed.invited.push(actor);
            }
        }
        set_interaction(doc, changed);
    };
    let toggle_came = move |actor: ActorId, came: bool| {
        let Some(mut changed) = current.get_untracked() else {
            return;
        };
        changed.attended.retain(|a| a != &actor);
        if came {
            changed.attended.push(actor);
        }
        set_interaction(doc, changed);
    };
    let export = {
        let id = id.clone();
        move |_| {
            let id = id.clone();
            transfer.export_sheet("invitations", move |m| {
                let found = m.interactions.iter().find(|i| i.id == id);
                found
                    .map(|i| samverkan_model::formats::csv::export_invitations(m, i, b';'))
                    .unwrap_or_default()
            })
        }
    };
    let key = StoredValue::new(id.clone());
    let set = move |change: &dyn Fn(&mut InviteFilter)| {
        opened.update(|o| key.with_value(|k| o.get_mut(k).into_iter().for_each(change)))
    };
    let text_or_none = |v: String| (!v.trim().is_empty()).then_some(v);
    view! {
        <div class="invitations">
            <div class="filters" role="group" aria-label=move || t().invitations>
                <select aria-label=move || t().filter_sector on:change=move |ev| { let v = text_or_none(event_target_value(&ev)); set(&|f| f.sector = v.clone()) }>
                    <option value="">{move || t().all_sectors}</option>
                    {move || doc.sectors().into_iter().map(|s| {
                        let chosen = filter.with(|f| f.sector.as_deref() == Some(s.id.as_str()));
                        view! { <option value=s.id.as_str().to_owned() selected=chosen>{s.label}</option> }
                    }).collect_view()}
                </select>
                <select aria-label=move || t().filter_level on:change=move |ev| {
                    let v = event_target_value(&ev);
                    let level = Level::ALL.into_iter().find(|l| l.as_str() == v);
                    set(&|f| f.level = level)
                }>
                    <option value="">{move || t().all_levels}</option>
                    {Level::ALL.into_iter().map(|l| view! { <option value=l.as_str() selected=move || filter.with(|f| f.level == Some(l))>{move || (t().level_label)(l)}</option> }).collect_view()}
                </select>
                <input type="text" aria-label=move || t().municipality placeholder=move || t().municipality
                    prop:value=move || filter.with(|f| f.municipality.clone().unwrap_or_default())
                    on:change=move |ev| { let v = text_or_none(event_target_value(&ev)); set(&|f| f.municipality = v.clone()) }/>
                <input type="text" aria-label=move || t().filter_tag placeholder=move || t().filter_tag
                    prop:value=move || filter.with(|f| f.tag.clone().unwrap_or_default())
                    on:change=move |ev| { let v = text_or_none(event_target_value(&ev)); set(&|f| f.tag = v.clone()) }/>
                <button class="small" on:click=invite>{move || t().invite_matching}</button>
                <button class="small" on:click=export>{move || t().export_invitations}</button>
            </div>
            <p class="hint">{move || current.with(|c| c.as_ref().map(|c| (t().invited_count)(c.invited.len(), c.attended.len())))}</p>
            <ul class="invited">
                {move || current.get().map(|c| c.invited.iter().map(|actor| {
                    let name = names.with(|n| n.get(actor).cloned().unwrap_or_default());
                    let came = c.attended.contains(actor);
                    let actor = actor.clone();
                    let label = name.clone();
                    view! {
                        <li><label>
                            <input type="checkbox" checked=came aria-label=move || (t().attended)(&label)
                                on:change=move |ev| toggle_came(actor.clone(), event_target_checked(&ev))/>
                            {name}
                        </label></li>
                    }
                }).collect_view())}
            </ul>
        </div>
    }
}
