//! `What if removed`: what the network would lose without some actors — who is cut off,
//! how many connected parts there are before and after, whose brokerage rises — shown
//! over the map without changing it. `Close` returns to the map as it was.

use crate::app::use_doc;
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::what_if::{what_if_removed, WhatIf};
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
    // Computed once per request, on the map as it is then.
    let result = Memo::new(move |_| {
        let removed = request.get()?;
        doc.with_map(|m| what_if_removed(m, &removed))
            .map(|r| (removed, r))
    });
    let name = move |id: &ActorId| doc.actor_name(id);
    let body = move || {
        let (
            removed,
            WhatIf {
                cut_off,
                parts_before,
                parts_after,
                risers,
            },
        ) = result.get()?;
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
            {if risers.is_empty() {
                view! { <p>{t().what_if_no_risers}</p> }.into_any()
            } else {
                view! {
                    <p>{t().what_if_risers}</p>
                    <ul class="what-if-risers">{risers.iter().map(|(id, was, is)| view! {
                        <li>{format!("{} {was:.2} → {is:.2}", name(id))}</li>
                    }).collect_view()}</ul>
                }.into_any()
            }}
        })
    };
    view! {
        <Show when=move || result.with(Option::is_some)>
            <Modal class="help what-if" labelled_by="what-if-title" close=Callback::new(move |()| close())>
                    {body}
                    <button on:click=move |_| close()>{move || t().close}</button>
            </Modal>
        </Show>
    }
}
