//! The frame every modal dialog shares, after the WAI-ARIA dialog pattern: focus moves into
//! it when it opens and stays inside while it is open (Tab and Shift+Tab wrap), Escape
//! closes it, and focus returns to the control that opened it when it closes.

use leptos::prelude::*;
use leptos::web_sys::{self, KeyboardEvent};
use send_wrapper::SendWrapper;
use wasm_bindgen::JsCast;

/// What can take focus inside a dialog, in document order.
const FOCUSABLE: &str = "a[href], button:not([disabled]), input:not([disabled]), \
    select:not([disabled]), textarea:not([disabled]), summary, [tabindex]:not([tabindex='-1'])";

/// A modal dialog over a dimmed page. `labelled_by` names the id of its heading; `close`
/// runs on Escape, and on a click beside the dialog unless `keep_on_outside_click`.
#[component]
pub fn Modal(
    /// Classes of the dialog box (`help` and what the dialog adds).
    class: &'static str,
    /// The id of the element that names the dialog (its heading).
    labelled_by: &'static str,
    /// Closes the dialog: the owner's state says it is shut, which unmounts this frame.
    close: Callback<()>,
    /// A dialog that asks for a decision (the shared map) stays when the page is clicked.
    #[prop(optional)]
    keep_on_outside_click: bool,
    children: Children,
) -> impl IntoView {
    let panel = NodeRef::<leptos::html::Div>::new();
    return_focus_when_closed();
    let content = children();
    // After the dialog's own effects: one that focused a field of its choice is left be.
    Effect::new(move |_| {
        if let Some(panel) = panel.get() {
            let inside = document()
                .active_element()
                .is_some_and(|active| panel.contains(Some(&active)));
            if !inside {
                match focusables(&panel).into_iter().next() {
                    Some(first) => drop(first.focus()),
                    None => drop(panel.focus()),
                }
            }
        }
    });
    let on_key = move |ev: KeyboardEvent| {
        // Shortcuts of the page behind stay behind while a dialog is open.
        ev.stop_propagation();
        match ev.key().as_str() {
            "Escape" => {
                ev.prevent_default();
                close.run(());
            }
            "Tab" => {
                if let Some(panel) = panel.get_untracked() {
                    keep_focus_inside(&panel, &ev);
                }
            }
            _ => {}
        }
    };
    view! {
        <div class="overlay" on:click=move |_| if !keep_on_outside_click { close.run(()) }>
            <div node_ref=panel class=class role="dialog" aria-modal="true" aria-labelledby=labelled_by
                tabindex="-1" on:click=|ev| ev.stop_propagation() on:keydown=on_key>
                {content}
            </div>
        </div>
    }
}

/// Gives the focus back, when the calling component goes, to the element that had it when the
/// component was made: the control that opened a dialog or menu.
pub fn return_focus_when_closed() {
    let opener = SendWrapper::new(
        document()
            .active_element()
            .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()),
    );
    // On the next frame, not while the dialog is torn down: what it did on closing (another
    // map opened, say) may have taken the opener away meanwhile.
    on_cleanup(move || {
        if let Some(opener) = opener.take() {
            request_animation_frame(move || {
                if opener.is_connected() {
                    let _ = opener.focus();
                }
            });
        }
    });
}

/// The visible elements of `panel` that take focus.
pub fn focusables(panel: &web_sys::HtmlElement) -> Vec<web_sys::HtmlElement> {
    let Ok(list) = panel.query_selector_all(FOCUSABLE) else {
        return Vec::new();
    };
    (0..list.length())
        .filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok())
        .filter(|e| e.offset_parent().is_some() || e.get_bounding_client_rect().height() > 0.0)
        .collect()
}

/// Tab from the last element goes to the first, Shift+Tab from the first to the last.
fn keep_focus_inside(panel: &web_sys::HtmlElement, ev: &KeyboardEvent) {
    let all = focusables(panel);
    let (Some(first), Some(last)) = (all.first(), all.last()) else {
        ev.prevent_default();
        return;
    };
    let active = document().active_element();
    let at = |e: &web_sys::HtmlElement| active.as_ref() == Some(e.unchecked_ref());
    let on_panel = active.as_ref() == Some(panel.unchecked_ref());
    if ev.shift_key() && (at(first) || on_panel) {
        ev.prevent_default();
        let _ = last.focus();
    } else if !ev.shift_key() && at(last) {
        ev.prevent_default();
        let _ = first.focus();
    }
}
