//! `Add actor`: Enter adds the typed name; pasting several lines adds one actor a line.
//! Inline hints (`#sector @municipality !influence …`) fill fields as typed, and a hint
//! that could not be used is named under the box instead of being dropped.

use crate::app::use_doc;
use crate::browser;
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::layout::free_spots;
use samverkan_model::quick_entry;
use samverkan_model::{Actor, Command};

#[component]
pub fn QuickAdd() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    // Hints of the last entry that were not understood, and `#words` kept as tags.
    let unknown = RwSignal::new(Vec::<String>::new());
    let as_tags = RwSignal::new(Vec::<String>::new());
    let add_lines = move |text: &str| {
        let lines: Vec<&str> = text
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect();
        let Some((actors, not_understood, tags)) = doc.with_map(|map| {
            let drafts: Vec<_> = lines
                .iter()
                .map(|line| quick_entry::parse(line, &map.sectors))
                .filter(|d| !d.name.is_empty())
                .collect();
            let spots = free_spots(map, drafts.len(), map.actors.len() as u64);
            let mut not_understood = Vec::new();
            let mut tags = Vec::new();
            let actors: Vec<Actor> = drafts
                .iter()
                .zip(spots)
                .map(|(draft, [x, y])| {
                    let mut actor = Actor::new(browser::new_id().into(), draft.name.clone());
                    quick_entry::apply(draft, &mut actor);
                    (actor.x, actor.y) = (x, y);
                    not_understood.extend(draft.unknown_hints.iter().cloned());
                    tags.extend(draft.tags.iter().map(|t| format!("#{t}")));
                    actor
                })
                .collect();
            (actors, not_understood, tags)
        }) else {
            return;
        };
        unknown.set(not_understood);
        as_tags.set(tags);
        if !actors.is_empty() {
            doc.dispatch(Command::AddActors(actors));
        }
    };
    let on_key = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() == "Enter" {
            ev.prevent_default();
            let input: leptos::web_sys::HtmlInputElement = event_target(&ev);
            add_lines(&input.value());
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
            add_lines(&text);
        }
    };
    let feedback = move || {
        let mut parts = Vec::new();
        unknown.with(|u| {
            if !u.is_empty() {
                parts.push((t().hints_not_understood)(&u.join(" ")));
            }
        });
        as_tags.with(|tags| {
            if !tags.is_empty() {
                parts.push((t().hints_kept_as_tags)(&tags.join(" ")));
            }
        });
        parts.join(" ")
    };
    view! {
        <div class="quickadd">
            <input type="text" id="quick-add" aria-label=move || t().add_actor aria-describedby="quick-add-hint quick-add-feedback"
                placeholder=move || t().add_actor_placeholder autocomplete="off" title=move || t().add_actor_hint
                on:keydown=on_key on:paste=on_paste/>
            <p id="quick-add-hint" class="visually-hidden">{move || t().add_actor_hint}</p>
            <p id="quick-add-feedback" class="hint feedback" role="status">{feedback}</p>
        </div>
    }
}
