//! The user interface: a folder per view (`map`, `grid`, `table`, `council`, `onion`,
//! `engagement`), the side panel (`panel`), the dialogs (`dialogs`) and the shell around them
//! (`shell`: header, map list, tabs, messages, actions). Helpers every view uses live here.

mod council;
mod dialogs;
mod engagement;
mod grid;
mod map;
mod onion;
mod panel;
mod shell;
mod table;

pub use crate::app::texts;
use crate::app::use_doc;
use leptos::prelude::*;
use samverkan_model::{Actor, ActorId};
pub use shell::{ActiveTab, App, Chrome, Tab};

/// One actor's signal, or a placeholder while the actor is gone (a row being removed).
pub fn actor_signal(id: &ActorId) -> ArcRwSignal<Actor> {
    use_doc()
        .actor(id)
        .unwrap_or_else(|| ArcRwSignal::new(Actor::new(id.clone(), "")))
}

/// The options of a select of action statuses, in the UI language; `chosen` says which is
/// selected. Council actions, follow-ups in the engagement tab and the log form share it.
fn status_options(
    chosen: impl Fn(samverkan_model::ActionStatus) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = texts();
    samverkan_model::ActionStatus::ALL
        .into_iter()
        .map(move |s| {
            view! { <option value=s.as_str() selected=move || chosen(s)>{move || (t().status_label)(s)}</option> }
        })
        .collect_view()
}

/// A rating as a select's value: the number, or empty when not rated.
fn rating_value(rating: Option<i64>) -> String {
    rating.map(|n| n.to_string()).unwrap_or_default()
}
