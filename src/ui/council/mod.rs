//! The council planner: the competence council's members, coverage checks, meetings
//! (with calendar export), result goals and the action plan, and a printable plan.

use crate::app::{use_doc, Doc};
use crate::browser;
use crate::i18n::Texts;
use crate::ui::texts;
use chrono::{Local, NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use samverkan_model::analysis;
use samverkan_model::sort::sort_by_key;
use samverkan_model::{
    Action, ActionStatus, ActorId, Council, CouncilRole, Gender, Goal, GoalId, Meeting, MeetingId,
};

use crate::browser::today;

/// Changes the open map's council as one undo step.
fn edit_council(doc: Doc, change: impl FnOnce(&mut Council)) {
    if let Some(command) = doc.with_map(|m| samverkan_model::edit::edit_council(m, change)) {
        doc.dispatch(command);
    }
}

/// A memo of one part of the open map, so a card re-renders only when its part changes.
fn council<T: PartialEq + Send + Sync + 'static>(
    doc: Doc,
    read: impl Fn(&samverkan_model::Map) -> T + Send + Sync + 'static,
) -> Memo<Option<T>> {
    Memo::new(move |_| doc.with_map_tracked(&read))
}

/// The actor whose name is `text` (trimmed, in any case) among those `allowed` lets
/// through: what a name typed or picked from the suggestions means.
fn actor_named(
    doc: Doc,
    text: &str,
    allowed: impl Fn(&samverkan_model::Map, &samverkan_model::Actor) -> bool,
) -> Option<ActorId> {
    let wanted = text.trim().to_lowercase();
    doc.with_map(|m| {
        m.actors
            .iter()
            .find(|a| a.name.to_lowercase() == wanted && allowed(m, a))
            .map(|a| a.id.clone())
    })
    .flatten()
}

fn actor_name(doc: Doc, id: &ActorId) -> String {
    doc.actor_name(id)
}

#[component]
pub fn CouncilPlanner() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let name = council(doc, |m| m.council.name.clone());
    let mandate = council(doc, |m| m.council.mandate.clone());
    let transfer = crate::app::use_transfer();
    let export_all = move |_| export_calendar(doc, transfer, None);
    let read_only = move || doc.beyond_the_map_read_only();
    view! {
        <section class="council">
            // A room's participant reads the council unless the facilitator lets them edit it.
            <Show when=read_only>
                <p class="read-only-note" role="note">{move || t().room_read_only_council}</p>
            </Show>
            <div class="council-head">
                <fieldset class="plain grow" disabled=read_only>
                    <label class="field"><span>{move || t().council_name}</span>
                        <input type="text" prop:value=move || name.get().unwrap_or_default()
                            on:change=move |ev| { let v = event_target_value(&ev); edit_council(doc, move |c| c.name = v) }/>
                    </label>
                </fieldset>
                <button on:click=export_all>{move || t().export_calendar}</button>
                <button on:click=move |_| { let _ = window().print(); }>{move || t().print_plan}</button>
            </div>
            <fieldset class="plain" disabled=read_only>
                <label class="field"><span>{move || t().mandate}</span>
                    <textarea rows="2" prop:value=move || mandate.get().unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev); edit_council(doc, move |c| c.mandate = v) }></textarea>
                </label>
                <div class="council-grid">
                    <Members/>
                    <Coverage/>
                </div>
                <Meetings/>
                <Goals/>
                <ActionPlan/>
            </fieldset>
        </section>
    }
}

#[component]
fn Members() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let members = council(doc, |m| m.council.members.clone());
    let candidates = council(doc, |m| {
        m.actors
            .iter()
            .filter(|a| !m.council.members.iter().any(|x| x.actor == a.id))
            .map(|a| (a.id.clone(), a.name.clone()))
            .collect::<Vec<_>>()
    });
    let add_by_name = move |text: String| {
        let found = actor_named(doc, &text, |m, a| {
            !m.council.members.iter().any(|x| x.actor == a.id)
        });
        if let Some(actor) = found {
            edit_council(doc, move |c| c.add_member(actor));
            return true;
        }
        false
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            let input: leptos::web_sys::HtmlInputElement = event_target(&ev);
            if add_by_name(input.value()) {
                input.set_value("");
            }
        }
    };
    let on_change = move |ev: leptos::ev::Event| {
        let input: leptos::web_sys::HtmlInputElement = event_target(&ev);
        if add_by_name(input.value()) {
            input.set_value("");
        }
    };
    view! {
        <div class="card members">
            <h2>{move || t().members}</h2>
            <input type="text" list="member-candidates" aria-label=move || t().add_member placeholder=move || t().add_member_placeholder
                on:keydown=on_key on:change=on_change/>
            <datalist id="member-candidates">
                {move || candidates.get().unwrap_or_default().into_iter().map(|(_, n)| view! { <option value=n/> }).collect_view()}
            </datalist>
            <table class="plain">
                <thead><tr><th>{move || t().actor}</th><th>{move || t().representative}</th><th>{move || t().gender}</th><th>{move || t().role}</th><th><span class="visually-hidden">{move || t().remove}</span></th></tr></thead>
                <tbody>
                    {move || members.get().unwrap_or_default().into_iter().enumerate().map(|(i, m)| {
                        let name = actor_name(doc, &m.actor);
                        let (n1, n2, n3, n4, n5) = (name.clone(), name.clone(), name.clone(), name.clone(), name.clone());
                        view! {
                            <tr>
                                <td>{name.clone()}</td>
                                <td><input type="text" prop:value=m.representative.clone() aria-label=move || (t().field_of)(t().representative, &n1)
                                    on:change=move |ev| { let v = event_target_value(&ev); edit_council(doc, move |c| { if let Some(x) = c.members.get_mut(i) { x.representative = v } }) }/></td>
                                <td><select aria-label=move || (t().field_of)(t().gender, &n2) on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let g = GENDERS.into_iter().find(|g| gender_key(*g) == v).unwrap_or_default();
                                        edit_council(doc, move |c| { if let Some(x) = c.members.get_mut(i) { x.gender = g } })
                                    }>
                                    {GENDERS.into_iter().map(|g| view! { <option value=gender_key(g) selected=m.gender == g>{move || (t().gender_label)(g)}</option> }).collect_view()}
                                </select></td>
                                <td><select aria-label=move || (t().field_of)(t().role, &n3) on:change=move |ev| {
                                        let v = event_target_value(&ev);
                                        let r = ROLES.into_iter().find(|r| role_key(*r) == v).unwrap_or_default();
                                        edit_council(doc, move |c| { if let Some(x) = c.members.get_mut(i) { x.role = r } })
                                    }>
                                    {ROLES.into_iter().map(|r| view! { <option value=role_key(r) selected=m.role == r>{move || (t().role_label)(r)}</option> }).collect_view()}
                                </select></td>
                                <td><button class="small danger" aria-label=move || (t().remove_member)(&n4) title=move || (t().remove_member)(&n5)
                                    on:click=move |_| edit_council(doc, move |c| { if i < c.members.len() { c.members.remove(i); } })>"×"</button></td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

const GENDERS: [Gender; 4] = [
    Gender::Unspecified,
    Gender::Woman,
    Gender::Man,
    Gender::Other,
];
const ROLES: [CouncilRole; 5] = [
    CouncilRole::Chair,
    CouncilRole::ViceChair,
    CouncilRole::Member,
    CouncilRole::Secretary,
    CouncilRole::CoOpted,
];

fn gender_key(g: Gender) -> &'static str {
    match g {
        Gender::Woman => "woman",
        Gender::Man => "man",
        Gender::Other => "other",
        Gender::Unspecified => "unspecified",
    }
}

fn role_key(r: CouncilRole) -> &'static str {
    match r {
        CouncilRole::Chair => "chair",
        CouncilRole::ViceChair => "vice_chair",
        CouncilRole::Member => "member",
        CouncilRole::Secretary => "secretary",
        CouncilRole::CoOpted => "co_opted",
    }
}

#[component]
fn Coverage() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let coverage = council(doc, |m| {
        analysis::sector_coverage(m)
            .into_iter()
            .map(|c| {
                let label = m
                    .sector(c.sector.as_str())
                    .map(|s| s.label.clone())
                    .unwrap_or_else(|| c.sector.0.clone());
                let names: Vec<String> = c
                    .covered_by
                    .iter()
                    .filter_map(|id| m.actor(id).map(|a| a.name.clone()))
                    .collect();
                (c.sector, label, names)
            })
            .collect::<Vec<_>>()
    });
    let palette = council(doc, |m| {
        m.sectors
            .iter()
            .map(|s| {
                (
                    s.id.clone(),
                    s.label.clone(),
                    m.council.required_sectors.contains(&s.id),
                )
            })
            .collect::<Vec<_>>()
    });
    let municipalities = council(doc, analysis::municipality_coverage);
    let balance = council(doc, analysis::gender_balance);
    let named = |m: &samverkan_model::Map, ids: Vec<ActorId>| {
        ids.into_iter()
            .filter_map(|id| m.actor(&id).map(|a| (id.clone(), a.name.clone())))
            .collect::<Vec<_>>()
    };
    let missing = council(doc, move |m| named(m, analysis::key_actors_missing(m)));
    let salient = council(doc, move |m| named(m, analysis::salient_actors_missing(m)));
    let top = crate::ui::panel::analysis::top_brokers(crate::ui::panel::analysis::TOP_BROKERS);
    let brokers = Memo::new(move |_| {
        let top = top.get()?;
        doc.with_map_tracked(|m| named(m, analysis::brokers_missing(m, &top)))
    });
    let gap_list = move |title: fn(&Texts) -> &'static str,
                         list: Memo<Option<Vec<(ActorId, String)>>>| {
        view! {
            <h3>{move || title(t())}</h3>
            <ul class="missing-actors">
                {move || list.get().unwrap_or_default().into_iter().map(|(id, name)| {
                    let label = name.clone();
                    view! {
                        <li>{name.clone()}" "
                            <button class="small" aria-label=move || (t().add_to_council)(&label)
                                on:click=move |_| { let id = id.clone(); edit_council(doc, move |c| c.add_member(id)) }>
                                {move || t().add}
                            </button>
                        </li>
                    }
                }).collect_view()}
            </ul>
        }
    };
    let percent = |share: Option<f64>| {
        share
            .map(|s| format!("{:.0} %", s * 100.0))
            .unwrap_or_else(|| "–".into())
    };
    view! {
        <div class="card coverage">
            <h2>{move || t().coverage}</h2>
            <ul class="checklist">
                {move || coverage.get().unwrap_or_default().into_iter().map(|(_, label, names)| {
                    let ok = !names.is_empty();
                    view! {
                        <li class=if ok { "ok" } else { "missing" }>
                            <span class="mark" aria-hidden="true">{if ok { "✓" } else { "✗" }}</span>
                            <strong>{label.clone()}</strong>": "
                            {if ok { names.join(", ") } else { t().not_covered.to_owned() }}
                            <span class="visually-hidden">{if ok { t().covered } else { t().not_covered }}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
            <details>
                <summary>{move || t().required_sectors}</summary>
                {move || palette.get().unwrap_or_default().into_iter().map(|(id, label, on)| view! {
                    <label class="check"><input type="checkbox" prop:checked=on on:change=move |ev| {
                        let checked = event_target_checked(&ev);
                        let id = id.clone();
                        edit_council(doc, move |c| { c.required_sectors.retain(|s| s != &id); if checked { c.required_sectors.push(id) } })
                    }/>{label}</label>
                }).collect_view()}
            </details>
            <p>{move || municipalities.get().map(|(covered, missing)| (t().municipalities_covered)(covered.len(), covered.len() + missing.len(), &missing.join(", ")))}</p>
            <p class=move || if balance.get().is_some_and(|b| b.balanced) { "balance ok" } else { "balance flagged" }>
                {move || balance.get().map(|b| {
                    // No members, or none with a gender given: nothing to judge yet.
                    if b.women + b.men + b.other + b.unspecified == 0 {
                        t().no_members_yet.to_owned()
                    } else if b.share_women.is_none() {
                        (t().gender_not_given)(b.unspecified)
                    } else {
                        (t().gender_balance)(&percent(b.share_women), &percent(b.share_men), b.other, b.unspecified, b.balanced)
                    }
                })}
            </p>
            {gap_list(|t| t.key_actors_missing, missing)}
            {gap_list(|t| t.salient_actors_missing, salient)}
            {gap_list(|t| t.brokers_missing, brokers)}
        </div>
    }
}

/// Formats a meeting start the way each language writes dates, with the ISO week.
fn format_start(t: &Texts, start: NaiveDateTime) -> String {
    (t.meeting_when)(start.date(), start.time(), analysis::iso_week(start.date()))
}

/// The council's meetings (or one of them) as a calendar file; the whole calendar also
/// holds the engagement log's open follow-ups.
/// The export profile applies: the follow-ups name actors.
pub fn export_calendar(doc: Doc, transfer: crate::app::Transfer, only: Option<MeetingId>) {
    let Some(map) = doc.with_map(|m| transfer.for_export(m)) else {
        return;
    };
    let meetings: Vec<&Meeting> = map
        .council
        .meetings
        .iter()
        .filter(|m| only.as_ref().is_none_or(|id| &m.id == id))
        .collect();
    let follow_ups = match only {
        Some(_) => Vec::new(),
        None => samverkan_model::engagement::open_follow_ups(&map.interactions),
    };
    let text =
        samverkan_model::ics::calendar_to_ics(&map, &meetings, &follow_ups, chrono::Utc::now());
    let name = format!("{}.ics", samverkan_model::io::file_stem(&map.title));
    browser::download(&name, &text, "text/calendar");
}

#[component]
fn Meetings() -> impl IntoView {
    let doc = use_doc();
    let transfer = crate::app::use_transfer();
    let t = texts();
    let meetings = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            analysis::next_meetings(m, Local::now().naive_local())
                .into_iter()
                .cloned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let add = move |_| {
        let start = (today() + chrono::Duration::days(7))
            .and_hms_opt(13, 0, 0)
            .expect("valid time");
        edit_council(doc, move |c| {
            c.meetings.push(Meeting {
                id: browser::new_id().into(),
                start,
                duration_minutes: 120,
                place: String::new(),
                agenda: vec![],
                notes: String::new(),
            })
        });
    };
    let change = move |id: MeetingId, f: Box<dyn FnOnce(&mut Meeting)>| {
        edit_council(doc, move |c| {
            if let Some(m) = c.meetings.iter_mut().find(|m| m.id == id) {
                f(m)
            }
        })
    };
    view! {
        <div class="card meetings">
            <h2>{move || t().meetings}</h2>
            <button on:click=add>{move || t().add_meeting}</button>
            {move || meetings.get().into_iter().map(|m| {
                let when = format_start(t(), m.start);
                let past = m.start < Local::now().naive_local();
                let (i1, i2, i3, i4, i5, i6, i7) = (m.id.clone(), m.id.clone(), m.id.clone(), m.id.clone(), m.id.clone(), m.id.clone(), m.id.clone());
                view! {
                    <div class="meeting" class:past=past>
                        <h3>{when.clone()}</h3>
                        <div class="meeting-fields">
                            <label class="field"><span>{move || t().date_time}</span>
                                <input type="datetime-local" prop:value=m.start.format("%Y-%m-%dT%H:%M").to_string()
                                    on:change=move |ev| { if let Ok(v) = NaiveDateTime::parse_from_str(&event_target_value(&ev), "%Y-%m-%dT%H:%M") { change(i1.clone(), Box::new(move |m| m.start = v)) } }/></label>
                            <label class="field"><span>{move || t().duration_minutes}</span>
                                <input type="number" min="15" max="1440" step="15" prop:value=m.duration_minutes.to_string()
                                    on:change=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<i64>() { change(i2.clone(), Box::new(move |m| m.duration_minutes = samverkan_model::edit::meeting_minutes(v))) } }/></label>
                            <label class="field"><span>{move || t().place}</span>
                                <input type="text" prop:value=m.place.clone() on:change=move |ev| { let v = event_target_value(&ev); change(i3.clone(), Box::new(move |m| m.place = v)) }/></label>
                        </div>
                        <label class="field"><span>{move || t().agenda}</span>
                            <textarea rows="3" prop:value=m.agenda.join("\n")
                                on:change=move |ev| { let v = event_target_value(&ev); change(i4.clone(), Box::new(move |m| m.agenda = samverkan_model::edit::agenda_lines(&v))) }></textarea></label>
                        <label class="field"><span>{move || t().notes}</span>
                            <textarea rows="2" prop:value=m.notes.clone() on:change=move |ev| { let v = event_target_value(&ev); change(i5.clone(), Box::new(move |m| m.notes = v)) }></textarea></label>
                        <button class="small" on:click=move |_| export_calendar(doc, transfer, Some(i6.clone()))>{move || t().export_meeting}</button>
                        <button class="small danger" on:click=move |_| { let id = i7.clone(); edit_council(doc, move |c| c.meetings.retain(|m| m.id != id)) }>{move || t().delete}</button>
                    </div>
                }
            }).collect_view()}
        </div>
    }
}

#[component]
fn Goals() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let goals = council(doc, |m| m.council.goals.clone());
    let change = move |id: GoalId, f: Box<dyn FnOnce(&mut Goal)>| {
        edit_council(doc, move |c| {
            if let Some(g) = c.goals.iter_mut().find(|g| g.id == id) {
                f(g)
            }
        })
    };
    let add = move |_| {
        let title = t().new_goal.to_owned();
        edit_council(doc, move |c| {
            c.goals.push(Goal {
                id: browser::new_id().into(),
                title,
                indicator: String::new(),
                target_date: None,
            })
        });
    };
    view! {
        <div class="card goals">
            <h2>{move || t().goals}</h2>
            <button on:click=add>{move || t().add_goal}</button>
            <table class="plain">
                <thead><tr><th>{move || t().goal}</th><th>{move || t().indicator}</th><th>{move || t().target_date}</th><th><span class="visually-hidden">{move || t().remove}</span></th></tr></thead>
                <tbody>
                {move || goals.get().unwrap_or_default().into_iter().map(|g| {
                    let (i1, i2, i3, i4) = (g.id.clone(), g.id.clone(), g.id.clone(), g.id.clone());
                    view! {
                        <tr>
                            // Printed as text (whole, and dates the Swedish way), not as fields.
                            <td><input type="text" aria-label=move || t().goal prop:value=g.title.clone() on:change=move |ev| { let v = event_target_value(&ev); change(i1.clone(), Box::new(move |g| g.title = v)) }/>
                                <span class="print-only">{g.title.clone()}</span></td>
                            <td><input type="text" aria-label=move || t().indicator prop:value=g.indicator.clone() on:change=move |ev| { let v = event_target_value(&ev); change(i2.clone(), Box::new(move |g| g.indicator = v)) }/>
                                <span class="print-only">{g.indicator.clone()}</span></td>
                            <td><input type="date" aria-label=move || t().target_date prop:value=g.target_date.map(|d| d.to_string()).unwrap_or_default()
                                on:change=move |ev| { let v = event_target_value(&ev).parse::<NaiveDate>().ok(); change(i3.clone(), Box::new(move |g| g.target_date = v)) }/>
                                <span class="print-only date">{g.target_date.map(|d| d.to_string())}</span></td>
                            <td><button class="small danger" on:click=move |_| { let id = i4.clone(); edit_council(doc, move |c| { c.remove_goal(&id) }) }>{move || t().delete}</button></td>
                        </tr>
                    }
                }).collect_view()}
                </tbody>
            </table>
        </div>
    }
}

/// How the action plan is grouped on screen.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Grouping {
    ByGoal,
    ByResponsible,
    Timeline,
}

#[component]
fn ActionPlan() -> impl IntoView {
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
    // Groups of (heading, actions), in the chosen order.
    let groups = Memo::new(move |_| {
        let by = grouping.get();
        let lang = t();
        doc.with_map_tracked(|m| {
            let mut actions = m.council.actions.clone();
            match by {
                Grouping::ByGoal => {
                    let mut groups: Vec<(String, Vec<Action>)> = m
                        .council
                        .goals
                        .iter()
                        .map(|g| {
                            (
                                g.title.clone(),
                                actions
                                    .iter()
                                    .filter(|a| a.goal.as_ref() == Some(&g.id))
                                    .cloned()
                                    .collect(),
                            )
                        })
                        .collect();
                    groups.push((
                        lang.no_goal.to_owned(),
                        actions
                            .iter()
                            .filter(|a| {
                                a.goal
                                    .as_ref()
                                    .is_none_or(|g| !m.council.goals.iter().any(|x| &x.id == g))
                            })
                            .cloned()
                            .collect(),
                    ));
                    groups.into_iter().filter(|(_, a)| !a.is_empty()).collect()
                }
                Grouping::ByResponsible => {
                    let mut owners: Vec<Option<ActorId>> =
                        actions.iter().map(|a| a.responsible.clone()).collect();
                    owners.sort();
                    owners.dedup();
                    owners
                        .into_iter()
                        .map(|o| {
                            let heading = o
                                .as_ref()
                                .and_then(|id| m.actor(id))
                                .map(|a| a.name.clone())
                                .unwrap_or_else(|| lang.no_responsible.to_owned());
                            (
                                heading,
                                actions
                                    .iter()
                                    .filter(|a| a.responsible == o)
                                    .cloned()
                                    .collect(),
                            )
                        })
                        .collect()
                }
                Grouping::Timeline => {
                    sort_by_key(&mut actions, |a| (a.due.is_none(), a.due, a.start));
                    vec![(lang.timeline.to_owned(), actions)]
                }
            }
        })
        .unwrap_or_default()
    });
    view! {
        <div class="card actionplan">
            <h2>{move || t().action_plan}</h2>
            // The suggestions of every card's consulted and informed search boxes.
            <datalist id="council-actors">
                {move || doc.with_map_tracked(|m| m.actors.iter().map(|a| a.name.clone()).collect::<Vec<_>>())
                    .unwrap_or_default().into_iter().map(|n| view! { <option value=n/> }).collect_view()}
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
            {move || groups.get().into_iter().map(|(heading, actions)| view! {
                <h3>{heading}</h3>
                {actions.into_iter().map(|a| view! { <ActionCard action=a/> }).collect_view()}
            }).collect_view()}
        </div>
    }
}

#[component]
fn ActionCard(action: Action) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let id = action.id.clone();
    let change = {
        let id = id.clone();
        move |f: Box<dyn FnOnce(&mut Action)>| {
            let id = id.clone();
            edit_council(doc, move |c| {
                if let Some(a) = c.actions.iter_mut().find(|a| a.id == id) {
                    f(a)
                }
            })
        }
    };
    let flags = analysis::action_flags(&action, today());
    let actors = doc
        .with_map(|m| {
            m.actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let goals = doc
        .with_map(|m| {
            m.council
                .goals
                .iter()
                .map(|g| (g.id.clone(), g.title.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default();
    let one_actor = {
        let change = change.clone();
        let actors = actors.clone();
        move |label: fn(&Texts) -> &'static str,
              current: Option<ActorId>,
              write: fn(&mut Action, Option<ActorId>)| {
            let change = change.clone();
            view! {
                <label class="field"><span>{move || label(t())}</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev); let v = (!v.is_empty()).then(|| ActorId::from(v)); change(Box::new(move |a| write(a, v))) }>
                        <option value="" selected=current.is_none()>"–"</option>
                        {actors.iter().map(|(aid, name)| view! { <option value=aid.0.clone() selected=current.as_ref() == Some(aid)>{name.clone()}</option> }).collect_view()}
                    </select>
                    <span class="print-only">{actors.iter().find(|(aid, _)| current.as_ref() == Some(aid)).map(|(_, name)| name.clone()).unwrap_or_else(|| "–".to_owned())}</span>
                </label>
            }
        }
    };
    let many_actors = {
        let change = change.clone();
        move |label: fn(&Texts) -> &'static str,
              current: Vec<ActorId>,
              write: fn(&mut Action, Vec<ActorId>)| {
            let change = change.clone();
            let set = Callback::new(move |chosen: Vec<ActorId>| {
                change(Box::new(move |a| write(a, chosen)))
            });
            view! { <ActorChips label=label chosen=current set=set/> }
        }
    };
    let (c1, c2, c3, c4, c5, c6) = (
        change.clone(),
        change.clone(),
        change.clone(),
        change.clone(),
        change.clone(),
        change.clone(),
    );
    let flagged = !flags.is_empty();
    view! {
        <div class="action" class:flagged=flagged>
            <div class="action-head">
                <input type="text" class="action-title" aria-label=move || t().action_title prop:value=action.title.clone()
                    on:change=move |ev| { let v = event_target_value(&ev); c1(Box::new(move |a| a.title = v)) }/>
                <select aria-label=move || t().status on:change=move |ev| { let v = event_target_value(&ev); if let Some(s) = ActionStatus::parse(&v) { c2(Box::new(move |a| a.status = s)) } }>
                    {crate::ui::status_options({ let status = action.status; move |s| s == status })}
                </select>
                <button class="small danger" aria-label=move || t().delete_action on:click=move |_| { let id = id.clone(); edit_council(doc, move |c| c.actions.retain(|a| a.id != id)) }>{move || t().delete}</button>
            </div>
            <ul class="flags">
                {flags.into_iter().map(|f| view! { <li class="flag">"⚠ "{move || (t().action_flag)(f)}</li> }).collect_view()}
            </ul>
            <div class="action-fields">
                <label class="field"><span>{move || t().goal}</span>
                    <select on:change=move |ev| { let v = event_target_value(&ev); let v = (!v.is_empty()).then(|| GoalId::from(v)); c3(Box::new(move |a| a.goal = v)) }>
                        <option value="" selected=action.goal.is_none()>"–"</option>
                        {goals.into_iter().map(|(gid, title)| view! { <option value=gid.0.clone() selected=action.goal.as_ref() == Some(&gid)>{title}</option> }).collect_view()}
                    </select>
                </label>
                {one_actor(|t| t.responsible, action.responsible.clone(), |a, v| a.responsible = v)}
                {one_actor(|t| t.accountable, action.accountable.clone(), |a, v| a.accountable = v)}
                {many_actors(|t| t.consulted, action.consulted.clone(), |a, v| a.consulted = v)}
                {many_actors(|t| t.informed, action.informed.clone(), |a, v| a.informed = v)}
                // Printed the Swedish way (2027-03-31), whatever the browser's date format.
                <label class="field"><span>{move || t().start}</span>
                    <input type="date" prop:value=action.start.map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev).parse::<NaiveDate>().ok(); c4(Box::new(move |a| a.start = v)) }/>
                    <span class="print-only date">{action.start.map(|d| d.to_string())}</span></label>
                <label class="field"><span>{move || t().due}</span>
                    <input type="date" prop:value=action.due.map(|d| d.to_string()).unwrap_or_default()
                        on:change=move |ev| { let v = event_target_value(&ev).parse::<NaiveDate>().ok(); c5(Box::new(move |a| a.due = v)) }/>
                    <span class="print-only date">{action.due.map(|d| d.to_string())}</span></label>
                <label class="field wide"><span>{move || t().note}</span>
                    <input type="text" prop:value=action.note.clone() on:change=move |ev| { let v = event_target_value(&ev); c6(Box::new(move |a| a.note = v)) }/></label>
            </div>
        </div>
    }
}

/// A list of actors picked as removable chips, with a search box (the map's names as
/// suggestions) to add one: Enter or picking a suggestion adds it.
#[component]
fn ActorChips(
    label: fn(&Texts) -> &'static str,
    chosen: Vec<ActorId>,
    set: Callback<Vec<ActorId>>,
) -> impl IntoView {
    let (doc, t) = (use_doc(), texts());
    let chosen = StoredValue::new(chosen);
    let add = move |input: leptos::web_sys::HtmlInputElement| {
        if let Some(id) = actor_named(doc, &input.value(), |_, _| true) {
            input.set_value("");
            if !chosen.with_value(|c| c.contains(&id)) {
                set.run(chosen.with_value(|c| c.iter().cloned().chain([id]).collect()));
            }
        }
    };
    view! {
        <div class="field chips-field">
            <span>{move || label(t())}</span>
            <ul class="chips">
                {chosen.get_value().into_iter().map(|id| {
                    let name = actor_name(doc, &id);
                    let remove_name = name.clone();
                    view! {
                        <li class="chip">{name}
                            <button type="button" aria-label=move || (t().remove_from_list)(&remove_name, label(t()))
                                on:click=move |_| set.run(chosen.with_value(|c| c.iter().filter(|x| **x != id).cloned().collect()))>"×"</button>
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
