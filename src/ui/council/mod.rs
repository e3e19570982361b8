//! The council planner: the competence council's members, coverage checks, meetings
//! (with calendar export), result goals and the action plan, and a printable plan.

mod actions;
mod row;

use crate::app::{use_doc, Doc};
use crate::browser;
use crate::i18n::Texts;
use crate::ui::texts;
use actions::ActionPlan;
use chrono::{Local, NaiveDate, NaiveDateTime};
use leptos::prelude::*;
use row::Row;
use samverkan_model::analysis;
use samverkan_model::{
    ActorId, Council, CouncilRole, Gender, Goal, GoalId, Meeting, MeetingId, Member,
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
    let members = council(doc, |m| {
        m.council
            .members
            .iter()
            .map(|x| x.actor.clone())
            .collect::<Vec<_>>()
    });
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
            <table class="plain stacked">
                <thead><tr><th>{move || t().actor}</th><th>{move || t().representative}</th><th>{move || t().gender}</th><th>{move || t().role}</th><th><span class="visually-hidden">{move || t().remove}</span></th></tr></thead>
                <tbody>
                    <For each=move || members.get().unwrap_or_default() key=|actor| actor.clone() let:actor>
                        <MemberRow actor/>
                    </For>
                </tbody>
            </table>
        </div>
    }
}

/// A member's row: representative, gender, role.
#[component]
fn MemberRow(actor: ActorId) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let row = Row::<Member>::new(doc, actor.clone());
    let name = Memo::new(move |_| doc.actor_name(&actor));
    let representative = row.read(|m| m.representative.clone());
    view! {
        <tr>
            <td>{name}</td>
            <td><input type="text" prop:value=representative placeholder=move || t().representative aria-label=move || (t().field_of)(t().representative, &name.get())
                on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |m| m.representative = v) }/></td>
            {member_choice(row, name, &GENDER)}
            {member_choice(row, name, &ROLE)}
            <td><button class="small danger" aria-label=move || (t().remove_member)(&name.get()) title=move || (t().remove_member)(&name.get())
                on:click=move |_| { let actor = row.key(); edit_council(doc, move |c| c.members.retain(|x| x.actor != actor)) }>"×"</button></td>
        </tr>
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

/// A member's choice among fixed values (gender, role): the field's name, the values with
/// their keys and words, and where the choice is kept.
struct Choice<V: 'static> {
    field: fn(&Texts) -> &'static str,
    values: &'static [V],
    key: fn(V) -> &'static str,
    label: fn(&Texts, V) -> &'static str,
    read: fn(&Member) -> V,
    write: fn(&mut Member, V),
}

static GENDER: Choice<Gender> = Choice {
    field: |t| t.gender,
    values: &GENDERS,
    key: gender_key,
    label: |t, g| (t.gender_label)(g),
    read: |m| m.gender,
    write: |m, g| m.gender = g,
};

static ROLE: Choice<CouncilRole> = Choice {
    field: |t| t.role,
    values: &ROLES,
    key: role_key,
    label: |t, r| (t.role_label)(r),
    read: |m| m.role,
    write: |m, r| m.role = r,
};

/// A member's cell choosing one of `choice`'s values, named after the field and the member.
fn member_choice<V: Copy + Default + PartialEq + Send + Sync + 'static>(
    row: Row<Member>,
    name: Memo<String>,
    choice: &'static Choice<V>,
) -> impl IntoView {
    let t = texts();
    let current = row.read(choice.read);
    let pick = move |ev: leptos::ev::Event| {
        let key = event_target_value(&ev);
        let values = choice.values.iter().copied();
        let value = values
            .into_iter()
            .find(|v| (choice.key)(*v) == key)
            .unwrap_or_default();
        row.edit(move |m| (choice.write)(m, value))
    };
    view! {
        <td><select aria-label=move || (t().field_of)((choice.field)(t()), &name.get()) on:change=pick>
            {choice.values.iter().map(|&v| view! {
                <option value=(choice.key)(v) selected=move || current() == v>{move || (choice.label)(t(), v)}</option>
            }).collect_view()}
        </select></td>
    }
}

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
    let t = texts();
    // Their ids, next first: a meeting's row follows it when its date moves it.
    let meetings = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            analysis::next_meetings(m, Local::now().naive_local())
                .into_iter()
                .map(|m| m.id.clone())
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
    view! {
        <div class="card meetings">
            <h2>{move || t().meetings}</h2>
            <button on:click=add>{move || t().add_meeting}</button>
            <For each=move || meetings.get() key=|id| id.clone() let:id>
                <MeetingCard id/>
            </For>
        </div>
    }
}

/// One meeting: when, how long, where, the agenda and notes, its calendar file.
#[component]
fn MeetingCard(id: MeetingId) -> impl IntoView {
    let doc = use_doc();
    let transfer = crate::app::use_transfer();
    let t = texts();
    let row = Row::<Meeting>::new(doc, id);
    let start = row.read(|m| m.start);
    let start_text = row.read(|m| m.start.format("%Y-%m-%dT%H:%M").to_string());
    let minutes = row.read(|m| m.duration_minutes.to_string());
    let place = row.read(|m| m.place.clone());
    let agenda = row.read(|m| m.agenda.join("\n"));
    let notes = row.read(|m| m.notes.clone());
    view! {
        <div class="meeting" class:past=move || start() < Local::now().naive_local()>
            <h3>{move || format_start(t(), start())}</h3>
            <div class="meeting-fields">
                <label class="field"><span>{move || t().date_time}</span>
                    <input type="datetime-local" prop:value=start_text
                        on:change=move |ev| { if let Ok(v) = NaiveDateTime::parse_from_str(&event_target_value(&ev), "%Y-%m-%dT%H:%M") { row.edit(move |m| m.start = v) } }/></label>
                <label class="field"><span>{move || t().duration_minutes}</span>
                    <input type="number" min="15" max="1440" step="15" prop:value=minutes
                        on:change=move |ev| { if let Ok(v) = event_target_value(&ev).parse::<i64>() { row.edit(move |m| m.duration_minutes = samverkan_model::edit::meeting_minutes(v)) } }/></label>
                <label class="field"><span>{move || t().place}</span>
                    <input type="text" prop:value=place on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |m| m.place = v) }/></label>
            </div>
            <label class="field"><span>{move || t().agenda}</span>
                <textarea rows="3" prop:value=agenda
                    on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |m| m.agenda = samverkan_model::edit::agenda_lines(&v)) }></textarea></label>
            <label class="field"><span>{move || t().notes}</span>
                <textarea rows="2" prop:value=notes on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |m| m.notes = v) }></textarea></label>
            <button class="small" on:click=move |_| export_calendar(doc, transfer, Some(row.key()))>{move || t().export_meeting}</button>
            <button class="small danger" on:click=move |_| { let id = row.key(); edit_council(doc, move |c| c.meetings.retain(|m| m.id != id)) }>{move || t().delete}</button>
        </div>
    }
}

#[component]
fn Goals() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let goals = council(doc, |m| {
        m.council
            .goals
            .iter()
            .map(|g| g.id.clone())
            .collect::<Vec<_>>()
    });
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
            <table class="plain stacked">
                <thead><tr><th>{move || t().goal}</th><th>{move || t().indicator}</th><th>{move || t().target_date}</th><th><span class="visually-hidden">{move || t().remove}</span></th></tr></thead>
                <tbody>
                <For each=move || goals.get().unwrap_or_default() key=|id| id.clone() let:id>
                    <GoalRow id/>
                </For>
                </tbody>
            </table>
        </div>
    }
}

/// One result goal: title, indicator, target date.
#[component]
fn GoalRow(id: GoalId) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let row = Row::<Goal>::new(doc, id);
    let title = row.read(|g| g.title.clone());
    let indicator = row.read(|g| g.indicator.clone());
    let target = row.read(|g| g.target_date.map(|d| d.to_string()).unwrap_or_default());
    view! {
        <tr>
            // Printed as text (whole, and dates the Swedish way), not as fields.
            <td><input type="text" aria-label=move || t().goal placeholder=move || t().goal prop:value=title on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |g| g.title = v) }/>
                <span class="print-only">{title}</span></td>
            <td><input type="text" aria-label=move || t().indicator placeholder=move || t().indicator prop:value=indicator on:change=move |ev| { let v = event_target_value(&ev); row.edit(move |g| g.indicator = v) }/>
                <span class="print-only">{indicator}</span></td>
            <td><input type="date" aria-label=move || t().target_date prop:value=target
                on:change=move |ev| { let v = event_target_value(&ev).parse::<NaiveDate>().ok(); row.edit(move |g| g.target_date = v) }/>
                <span class="print-only date">{target}</span></td>
            <td><button class="small danger" on:click=move |_| { let id = row.key(); edit_council(doc, move |c| c.remove_goal(&id)) }>{move || t().delete}</button></td>
        </tr>
    }
}
