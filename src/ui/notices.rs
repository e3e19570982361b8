//! Messages: errors and warnings are announced to screen readers (`role="alert"`).

use super::texts;
use crate::notice::Severity;
use crate::state::use_app_state;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    view! {
        <section class="notices" aria-label=move || t().notices>
            <For each=move || state.notices.get() key=|n| n.id let:notice>
                {
                    let id = notice.id;
                    let (role, class) = match notice.severity {
                        Severity::Error => ("alert", "notice error"),
                        Severity::Warning => ("alert", "notice warning"),
                        Severity::Info => ("status", "notice info"),
                    };
                    let message = notice.message.clone();
                    let details = notice.message.clone();
                    view! {
                        <div class=class role=role>
                            <p class="headline">{move || message.text(t())}</p>
                            <ul class="details">
                                {move || details.details(t()).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                            </ul>
                            <div class="noticetools">
                                {notice.actions.iter().cloned().map(|action| {
                                    let label = action.clone();
                                    view! {
                                        <button on:click=move |_| state.run_action(id, &action)>
                                            {move || label.label(t())}
                                        </button>
                                    }
                                }).collect_view()}
                                <button class="dismiss" on:click=move |_| state.dismiss(id)
                                    aria-label=move || t().dismiss>"×"</button>
                            </div>
                        </div>
                    }
                }
            </For>
        </section>
    }
}
