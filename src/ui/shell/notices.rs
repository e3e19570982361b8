//! Messages: errors and warnings are announced to screen readers (`role="alert"`).

use crate::app::{use_notices, NoticeRunner};
use crate::notice::Severity;
use crate::ui::texts;
use leptos::prelude::*;

#[component]
pub fn Notices() -> impl IntoView {
    let notices = use_notices();
    let runner = NoticeRunner::new();
    let t = texts();
    view! {
        <section class="notices" aria-label=move || t().notices>
            <For each=move || notices.list() key=|n| n.id let:notice>
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
                                        <button on:click=move |_| runner.run(id, &action)>
                                            {move || label.label(t())}
                                        </button>
                                    }
                                }).collect_view()}
                                <button class="dismiss" on:click=move |_| notices.dismiss(id)
                                    aria-label=move || t().dismiss>"×"</button>
                            </div>
                        </div>
                    }
                }
            </For>
        </section>
    }
}
