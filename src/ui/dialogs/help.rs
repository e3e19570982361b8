//! The help overlay (`?`): every keyboard shortcut of the actions table, in the UI language.

use crate::ui::dialogs::modal::Modal;
use crate::ui::shell::actions::Action;
use crate::ui::texts;
use leptos::prelude::*;

/// Whether the overlay is open (view state).
#[derive(Clone, Copy)]
pub struct HelpOverlay {
    pub open: RwSignal<bool>,
}

impl HelpOverlay {
    pub fn provide() -> Self {
        let help = Self {
            open: RwSignal::new(false),
        };
        provide_context(help);
        help
    }
}

#[component]
pub fn Help() -> impl IntoView {
    let help = expect_context::<HelpOverlay>();
    let t = texts();
    view! {
        <Show when=move || help.open.get()>
            <Modal class="help" labelled_by="help-title" close=Callback::new(move |()| help.open.set(false))>
                    <div class="editor-head">
                        <h2 id="help-title">{move || t().keyboard_shortcuts}</h2>
                        <button class="small" on:click=move |_| help.open.set(false)
                            aria-label=move || t().close_help>"×"</button>
                    </div>
                    <table class="plain shortcuts">
                        <tbody>
                            {Action::ALL.into_iter().map(|action| view! {
                                <tr>
                                    <td>{move || action.label(t())}</td>
                                    <td>{move || action.shortcuts().iter().map(|s| s.text(t())).collect::<Vec<_>>().join(" · ")}</td>
                                </tr>
                            }).collect_view()}
                            <tr><td>{move || t().help_link_actors}</td><td>{move || t().help_link_keys}</td></tr>
                        </tbody>
                    </table>
            </Modal>
        </Show>
    }
}
