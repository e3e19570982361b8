//! `What if removed`: what the network would lose without some actors — who is cut off,
//! how many connected parts there are before and after, whose brokerage rises — shown
//! over the map without changing it. `Close` returns to the map as it was. Who is cut off
//! shows at once; whose brokerage rises follows (from the worker on a large map).

use crate::app::use_doc;
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use crate::worker;
use leptos::prelude::*;
use samverkan_model::question::{Answer, Question};
use samverkan_model::what_if::{parts_without, WhatIf};
use samverkan_model::ActorId;

/// The actors asked about, if any (view state).
#[derive(Clone, Copy)]
pub struct WhatIfRequest(pub RwSignal<Option<Vec<ActorId>>>);

impl WhatIfRequest {
    pub fn provide() -> Self {
        let request = Self(RwSignal::new(None));
        provide_context(request);
        request
    }
}

pub fn use_what_if() -> WhatIfRequest {
    expect_context::<WhatIfRequest>()
}

/// The `What if removed` button for `actors` (disabled when there are none).
#[component]
pub fn WhatIfButton(#[prop(into)] actors: Signal<Vec<ActorId>>) -> impl IntoView {
    let request = use_what_if().0;
    let t = texts();
    view! {
        <button disabled=move || actors.with(Vec::is_empty)
            on:click=move |_| request.set(Some(actors.get_untracked()))>{move || t().what_if_removed}</button>
    }
}

#[component]
pub fn WhatIfDialog() -> impl IntoView {
    let doc = use_doc();
    let request = use_what_if().0;
    let t = texts();
    let close = move || request.set(None);
    // The connected parts at once, on the map as it is when asked.
    let parts = Memo::new(move |_| {
        let removed = request.get()?;
        doc.with_map(|m| parts_without(m, &removed))
            .map(|r| (removed, r))
    });
    // Whose brokerage rises takes two betweenness computations: on a large map the worker
    // works it out while the parts are shown; None until known.
    let risers = RwSignal::new(None::<Vec<(ActorId, f64, f64)>>);
    Effect::new(move |_| {
        risers.set(None);
        let Some(removed) = request.get() else {
            return;
        };
        let Some(map) = doc.snapshot() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let asked = removed.clone();
            let answer = worker::answer(Question::Risers { map, removed }).await;
            let still_asked = request.with_untracked(|r| r.as_ref() == Some(&asked));
            if let (Answer::Risers(found), true) = (answer, still_asked) {
                risers.try_set(Some(found));
            }
        });
    });
    let name = move |id: &ActorId| doc.actor_name(id);
    let risers_view = move || match risers.get() {
        None => view! { <p role="status">{t().what_if_working}</p> }.into_any(),
        Some(found) if found.is_empty() => view! { <p>{t().what_if_no_risers}</p> }.into_any(),
        Some(found) => view! {
            <p>{t().what_if_risers}</p>
            <ul class="what-if-risers">{found.iter().map(|(id, was, is)| view! {
                <li>{format!("{} {}", name(id), before_and_after(*was, *is))}</li>
            }).collect_view()}</ul>
        }
        .into_any(),
    };
    let body = move || {
        let (
            removed,
            WhatIf {
                cut_off,
                parts_before,
                parts_after,
                ..
            },
        ) = parts.get()?;
        let names: Vec<String> = removed.iter().map(name).collect();
        Some(view! {
            <h2 id="what-if-title">{(t().what_if_title)(&names.join(", "))}</h2>
            <p>{(t().what_if_parts)(parts_before, parts_after)}</p>
            {if cut_off.is_empty() {
                view! { <p>{t().what_if_nobody_cut_off}</p> }.into_any()
            } else {
                view! {
                    <p>{(t().what_if_cut_off)(cut_off.len())}</p>
                    <ul class="what-if-cut">{cut_off.iter().map(|id| view! { <li>{name(id)}</li> }).collect_view()}</ul>
                }.into_any()
            }}
        })
    };
    view! {
        <Show when=move || parts.with(Option::is_some)>
            <Modal class="help what-if" labelled_by="what-if-title" close=Callback::new(move |()| close())>
                    {body}
                    {risers_view}
                    <button on:click=move |_| close()>{move || t().close}</button>
            </Modal>
        </Show>
    }
}

/// Betweenness before and after, with as many decimals (two to four) as it takes to tell
/// them apart: on a large map every share is small, and "0.00 → 0.00" says nothing.
fn before_and_after(was: f64, is: f64) -> String {
    let digits = (2..=4)
        .find(|&d| format!("{was:.d$}") != format!("{is:.d$}"))
        .unwrap_or(4);
    format!("{was:.digits$} → {is:.digits$}")
}

#[cfg(test)]
mod tests {
    use super::before_and_after;

    #[test]
    fn a_rise_is_shown_with_as_many_decimals_as_tell_it_apart() {
        assert_eq!(before_and_after(0.52, 0.61), "0.52 → 0.61");
        assert_eq!(before_and_after(0.0021, 0.0034), "0.002 → 0.003");
        assert_eq!(before_and_after(0.00412, 0.00448), "0.0041 → 0.0045");
        assert_eq!(before_and_after(0.00012, 0.00014), "0.0001 → 0.0001");
    }
}
