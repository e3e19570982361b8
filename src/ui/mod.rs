//! The app shell: header, map list, the open map's views and the messages.

mod actor_table;
mod grid;
mod header;
mod map_list;
mod notices;
mod svg;

use crate::browser;
use crate::i18n::{Lang, Texts};
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;

/// The language from `?lang=`, else the one chosen last time, else Swedish.
fn initial_lang() -> Lang {
    browser::url_lang().and_then(|tag| Lang::parse(&tag)).unwrap_or_default()
}

/// The current texts, reactively.
pub fn texts() -> impl Fn() -> &'static Texts + Copy {
    let state = use_app_state();
    move || state.lang.get().texts()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let state = AppState::start(initial_lang());
    provide_context(state);
    Effect::new(move |_| browser::set_url_lang(state.lang.get().tag()));
    listen_to_the_window(state);
    let t = texts();
    view! {
        <header::Header/>
        <div class="layout">
            <map_list::MapList/>
            <main class="workspace" aria-label=move || t().views>
                <Show
                    when=move || state.current.with(Option::is_some)
                    fallback=move || view! { <p class="empty">{move || t().no_map_open}</p> }
                >
                    <Views/>
                </Show>
            </main>
        </div>
        <notices::Notices/>
    }
}

/// The views of the open map. Which one shows is view state: not in the document or history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Grid,
    Table,
}

impl Tab {
    const ALL: [Tab; 2] = [Tab::Grid, Tab::Table];

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Tab::Grid => t.tab_grid,
            Tab::Table => t.tab_table,
        }
    }

    fn slug(self) -> &'static str {
        match self {
            Tab::Grid => "grid",
            Tab::Table => "table",
        }
    }
}

/// The tab bar and the active view. The quick-add box stays visible in every view.
#[component]
fn Views() -> impl IntoView {
    let t = texts();
    let tab = RwSignal::new(Tab::Table);
    view! {
        <actor_table::QuickAdd/>
        <div class="tabs" role="tablist" aria-label=move || t().views>
            {Tab::ALL.into_iter().map(|which| view! {
                <button role="tab" id=format!("tab-{}", which.slug()) aria-controls="view-panel"
                    aria-selected=move || (tab.get() == which).to_string()
                    class:active=move || tab.get() == which
                    on:click=move |_| tab.set(which)>
                    {move || which.label(t())}
                </button>
            }).collect_view()}
        </div>
        <div id="view-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", tab.get().slug())>
            {move || match tab.get() {
                Tab::Grid => view! { <grid::PowerInterestGrid/> }.into_any(),
                Tab::Table => view! { <actor_table::ActorTable/> }.into_any(),
            }}
        </div>
    }
}

/// Keyboard shortcuts, saving when the page is hidden, and other tabs' writes.
fn listen_to_the_window(state: AppState) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let command = ev.ctrl_key() || ev.meta_key();
        if !command || ev.alt_key() {
            return;
        }
        match ev.key().to_lowercase().as_str() {
            "z" if ev.shift_key() => {
                ev.prevent_default();
                state.redo();
            }
            "z" => {
                ev.prevent_default();
                state.undo();
            }
            "y" => {
                ev.prevent_default();
                state.redo();
            }
            _ => {}
        }
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| state.flush());
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            state.flush();
        } else {
            state.check_other_tabs(None);
        }
    });
    let focus = window_event_listener(leptos::ev::focus, move |_| state.check_other_tabs(None));
    // A Samverkan file dropped anywhere on the page is imported.
    let drag_over = window_event_listener(leptos::ev::dragover, move |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let file = ev.data_transfer().and_then(|d| d.files()).and_then(|f| f.get(0));
        if let Some(file) = file {
            header::read_file(state, file, move |name, text| state.import_text(&name, &text));
        }
    });
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            state.check_other_tabs(Some(&key));
        }
    });
    on_cleanup(move || {
        keys.remove();
        hide.remove();
        visibility.remove();
        focus.remove();
        storage.remove();
        drag_over.remove();
        drop.remove();
    });
}
