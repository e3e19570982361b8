//! `Log interaction`: a compact form for one interaction with the selected actor(s), date
//! today and the kind used last, saved with Enter; and the actor's interactions in the
//! side panel, newest first, with their needs and open follow-ups.

use crate::app::{use_doc, Doc};
use crate::browser;
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use chrono::NaiveDate;
use leptos::prelude::*;
use samverkan_model::engagement::{FollowUp, Interaction, InteractionKind};
use samverkan_model::{ActionStatus, ActorId, Command};

/// The form's fields while it is open.
#[derive(Clone, Debug, PartialEq)]
pub struct Draft {
    /// The interaction being changed; None for a new one.
    pub id: Option<String>,
    pub actors: Vec<ActorId>,
    pub date: NaiveDate,
    pub kind: InteractionKind,
    pub summary: String,
    pub needs: String,
    pub follow_up: String,
    pub due: Option<NaiveDate>,
    pub status: ActionStatus,
    /// Kept as they are (edited in the Engagement tab).
    pub invited: Vec<ActorId>,
    pub attended: Vec<ActorId>,
}

impl Draft {
    fn of(interaction: &Interaction) -> Self {
        let follow_up = interaction.follow_up.as_ref();
        Self {
            id: Some(interaction.id.clone()),
            actors: interaction.actors.clone(),
            date: interaction.date,
            kind: interaction.kind,
            summary: interaction.summary.clone(),
            needs: interaction.needs.join("; "),
            follow_up: follow_up.map(|f| f.title.clone()).unwrap_or_default(),
            due: follow_up.map(|f| f.due),
            status: follow_up.map(|f| f.status).unwrap_or_default(),
            invited: interaction.invited.clone(),
            attended: interaction.attended.clone(),
        }
    }

    /// The interaction the form describes. A follow-up without a due date is due two
    /// weeks after the interaction.
    fn interaction(self) -> Interaction {
        let title = self.follow_up.trim().to_owned();
        let due = self.due.unwrap_or(self.date + chrono::Days::new(14));
        Interaction {
            id: self.id.unwrap_or_else(browser::new_id),
            actors: self.actors,
            date: self.date,
            kind: self.kind,
            summary: self.summary.trim().to_owned(),
            needs: self
                .needs
                .split(';')
                .map(str::trim)
                .filter(|n| !n.is_empty())
                .map(str::to_owned)
                .collect(),
            follow_up: (!title.is_empty()).then_some(FollowUp {
                title,
                due,
                status: self.status,
            }),
            invited: self.invited,
            attended: self.attended,
        }
    }
}

/// The form's state, shared through context.
#[derive(Clone, Copy)]
pub struct Logging {
    pub draft: RwSignal<Option<Draft>>,
    /// The kind last saved: most interactions in a row are of one kind.
    last_kind: RwSignal<InteractionKind>,
    /// The open map's log, one memo for every view that lists it.
    log: Memo<Vec<Interaction>>,
    doc: Doc,
}

pub fn use_logging() -> Logging {
    expect_context::<Logging>()
}

impl Logging {
    pub fn provide() -> Self {
        let doc = use_doc();
        let this = Self {
            draft: RwSignal::new(None),
            last_kind: RwSignal::new(InteractionKind::Meeting),
            log: Memo::new(move |_| {
                doc.with_map_tracked(|m| m.interactions.clone())
                    .unwrap_or_default()
            }),
            doc,
        };
        provide_context(this);
        this
    }

    /// Opens the form for a new interaction with these actors.
    pub fn open_for(&self, actors: Vec<ActorId>) {
        self.draft.set(Some(Draft {
            id: None,
            actors,
            date: browser::today(),
            kind: self.last_kind.get_untracked(),
            summary: String::new(),
            needs: String::new(),
            follow_up: String::new(),
            due: None,
            status: ActionStatus::Planned,
            invited: Vec::new(),
            attended: Vec::new(),
        }));
    }

    /// Opens the form on an interaction of the log.
    pub fn edit(&self, interaction: &Interaction) {
        self.draft.set(Some(Draft::of(interaction)));
    }

    fn save(&self) {
        let Some(draft) = self.draft.get_untracked() else {
            return;
        };
        self.last_kind.set(draft.kind);
        set_interaction(self.doc, draft.interaction());
        self.draft.set(None);
    }
}

/// Puts an interaction into the log (replacing the one with its id): one undo step.
pub fn set_interaction(doc: Doc, interaction: Interaction) {
    edit_log(doc, move |log| {
        match log.iter_mut().find(|i| i.id == interaction.id) {
            Some(slot) => *slot = interaction,
            None => log.push(interaction),
        }
    });
}

/// Changes the engagement log through the one edit path.
pub fn edit_log(doc: Doc, change: impl FnOnce(&mut Vec<Interaction>)) {
    let Some(mut log) = doc.with_map(|m| m.interactions.clone()) else {
        return;
    };
    change(&mut log);
    doc.dispatch(Command::SetInteractions(log));
}

/// The engagement log of the open map, following every change.
pub fn use_log() -> Memo<Vec<Interaction>> {
    use_logging().log
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    text.parse().ok()
}

/// The form, over the page while a draft is open.
#[component]
pub fn LogInteractionDialog() -> impl IntoView {
    let logging = use_logging();
    let doc = use_doc();
    let t = texts();
    let draft = logging.draft;
    let edit = move |change: &dyn Fn(&mut Draft)| draft.update(|d| d.iter_mut().for_each(change));
    let summary_box = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        if let Some(input) = summary_box.get() {
            let _ = input.focus();
        }
    });
    let open = Memo::new(move |_| draft.with(Option::is_some));
    // Read only while the form is open (a memo runs only when read); it follows renames,
    // which the structure does not.
    let names = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            m.actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let name_of =
        move |id: &ActorId| names.with(|n| n.iter().find(|(i, _)| i == id).map(|(_, n)| n.clone()));
    let add_named = move |input: &leptos::web_sys::HtmlInputElement| {
        let typed = input.value().trim().to_lowercase();
        let found = names.with(|n| {
            n.iter()
                .find(|(_, name)| name.to_lowercase() == typed)
                .map(|(id, _)| id.clone())
        });
        if let Some(id) = found {
            edit(&|d| {
                if !d.actors.contains(&id) {
                    d.actors.push(id.clone());
                }
            });
            input.set_value("");
        }
    };
    let close = move || draft.set(None);
    let field = move |read: fn(&Draft) -> String| move || draft.with(|d| d.as_ref().map(read));
    view! {
        <Show when=move || open.get()>
            <Modal class="help log-interaction" labelled_by="log-title" close=Callback::new(move |()| close())>
                <form on:submit=move |ev| { ev.prevent_default(); logging.save(); }>
                    <h2 id="log-title">{move || t().log_interaction}</h2>
                    <div class="chips" aria-label=move || t().interaction_actors role="group">
                        {move || draft.with(|d| d.as_ref().map(|d| d.actors.clone())).unwrap_or_default().into_iter().map(|id| {
                            let name = name_of(&id).unwrap_or_default();
                            let label = name.clone();
                            view! {
                                <span class="chip">{name}
                                    <button type="button" aria-label=move || (t().remove_actor_from)(&label)
                                        on:click=move |_| edit(&|d| d.actors.retain(|a| a != &id))>"×"</button>
                                </span>
                            }
                        }).collect_view()}
                    </div>
                    <label class="field">
                        <span>{move || t().more_actors}</span>
                        <input type="text" list="log-actor-names" autocomplete="off"
                            on:change=move |ev| add_named(&event_target(&ev))
                            on:keydown=move |ev| if ev.key() == "Enter" {
                                let input: leptos::web_sys::HtmlInputElement = event_target(&ev);
                                if !input.value().trim().is_empty() {
                                    ev.prevent_default();
                                    add_named(&input);
                                }
                            }/>
                        <datalist id="log-actor-names">
                            {move || names.get().into_iter().map(|(_, name)| view! { <option value=name/> }).collect_view()}
                        </datalist>
                    </label>
                    <div class="row">
                        <label class="field">
                            <span>{move || t().interaction_date}</span>
                            <input type="date" required prop:value=field(|d| d.date.to_string())
                                on:change=move |ev| if let Some(date) = parse_date(&event_target_value(&ev)) { edit(&|d| d.date = date) }/>
                        </label>
                        <label class="field">
                            <span>{move || t().interaction_kind}</span>
                            <select on:change=move |ev| if let Some(kind) = InteractionKind::parse(&event_target_value(&ev)) { edit(&|d| d.kind = kind) }>
                                {InteractionKind::ALL.into_iter().map(|k| view! {
                                    <option value=k.as_str() selected=move || draft.with(|d| d.as_ref().map(|d| d.kind)) == Some(k)>
                                        {move || (t().interaction_kind_label)(k)}
                                    </option>
                                }).collect_view()}
                            </select>
                        </label>
                    </div>
                    <label class="field">
                        <span>{move || t().summary}</span>
                        <input type="text" node_ref=summary_box prop:value=field(|d| d.summary.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); edit(&|d| d.summary = v.clone()) }/>
                    </label>
                    <label class="field">
                        <span>{move || t().needs_hint}</span>
                        <input type="text" prop:value=field(|d| d.needs.clone())
                            on:input=move |ev| { let v = event_target_value(&ev); edit(&|d| d.needs = v.clone()) }/>
                    </label>
                    <div class="row">
                        <label class="field grow">
                            <span>{move || t().follow_up}</span>
                            <input type="text" prop:value=field(|d| d.follow_up.clone())
                                on:input=move |ev| { let v = event_target_value(&ev); edit(&|d| d.follow_up = v.clone()) }/>
                        </label>
                        <label class="field">
                            <span>{move || t().follow_up_due}</span>
                            <input type="date" prop:value=field(|d| d.due.map(|d| d.to_string()).unwrap_or_default())
                                on:change=move |ev| { let due = parse_date(&event_target_value(&ev)); edit(&|d| d.due = due) }/>
                        </label>
                        <label class="field">
                            <span>{move || t().status}</span>
                            <select on:change=move |ev| {
                                if let Some(s) = ActionStatus::parse(&event_target_value(&ev)) { edit(&|d| d.status = s) }
                            }>
                                {crate::ui::status_options(move |s| draft.with(|d| d.as_ref().map(|d| d.status)) == Some(s))}
                            </select>
                        </label>
                    </div>
                    <div class="buttons">
                        <button type="submit" class="primary">{move || t().save}</button>
                        <button type="button" on:click=move |_| close()>{move || t().cancel}</button>
                    </div>
                </form>
            </Modal>
        </Show>
    }
}

/// The selected actor's interactions in the side panel, newest first.
#[component]
pub fn ActorInteractions(id: ActorId) -> impl IntoView {
    let logging = use_logging();
    let t = texts();
    let log = use_log();
    let today = browser::today();
    let mine = {
        let id = id.clone();
        Memo::new(move |_| {
            // Newest first; of one day, the one logged last first.
            let mut mine: Vec<Interaction> = log.with(|l| {
                let newest_logged_first = l.iter().rev();
                newest_logged_first
                    .filter(|i| i.involves(&id))
                    .cloned()
                    .collect()
            });
            samverkan_model::sort::sort_by_key(&mut mine, |i| std::cmp::Reverse(i.date));
            mine
        })
    };
    view! {
        <fieldset class="interactions">
            <legend>{move || t().interactions}</legend>
            <button type="button" on:click={ let id = id.clone(); move |_| logging.open_for(vec![id.clone()]) }>
                {move || t().log_interaction}
            </button>
            <ul class="interaction-list">
                {move || mine.get().into_iter().map(|i| {
                    let follow_up = i.follow_up.clone().filter(FollowUp::is_open);
                    let overdue = follow_up.as_ref().is_some_and(|f| f.due < today);
                    view! {
                        <li>
                            <span class="when">{i.date.format("%Y-%m-%d").to_string()}" · "{move || (t().interaction_kind_label)(i.kind)}</span>
                            <span class="what">{i.summary.clone()}</span>
                            {(!i.needs.is_empty()).then(|| view! {
                                <span class="needs">{move || t().needs}": "{i.needs.join("; ")}</span>
                            })}
                            {follow_up.map(|f| view! {
                                <span class="follow-up" class:overdue=overdue>
                                    "→ "{f.title}" · "{f.due.format("%Y-%m-%d").to_string()}
                                    {overdue.then(|| view! { " ("{move || t().overdue}")" })}
                                </span>
                            })}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </fieldset>
    }
}
