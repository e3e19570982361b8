//! The app shell: header, map list, the open map's views and the messages.

mod actor_table;
mod analysis;
mod council;
mod grid;
mod header;
mod map_list;
mod network;
mod notices;
mod panel;
mod picture;
mod projection;
mod svg;

use crate::browser;
use crate::i18n::{Lang, Texts};
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;
use samverkan_model::{Actor, ActorId};

/// The language from `?lang=`, else the one chosen last time, else Swedish.
fn initial_lang() -> Lang {
    browser::url_lang()
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default()
}

/// The actor with this id in the open map; a row or node re-renders only when it changes.
pub fn actor_memo(state: AppState, id: ActorId) -> Memo<Option<Actor>> {
    Memo::new(move |_| {
        state
            .current
            .with(|c| c.as_ref().and_then(|m| m.actor(&id).cloned()))
    })
}

/// The colour of the actor's sector; grey while it has none.
pub fn sector_color(state: AppState, actor: Memo<Option<Actor>>) -> impl Fn() -> String + Copy {
    move || {
        let sector = actor
            .with(|a| a.as_ref().map(|a| a.sector.clone()))
            .unwrap_or_default();
        state
            .current
            .with(|c| {
                c.as_ref()
                    .and_then(|m| m.sector(sector.as_str()).map(|s| s.color.clone()))
            })
            .unwrap_or_else(|| UNCLASSIFIED_COLOR.into())
    }
}

/// Grey for actors without a sector.
pub const UNCLASSIFIED_COLOR: &str = "#8c8c8c";

/// A change to one actor, applied by `actor_editor`.
pub type ActorChange = Box<dyn FnOnce(&mut Actor)>;

/// A function that changes one actor as one undo step.
pub fn actor_editor(
    state: AppState,
    id: ActorId,
) -> impl Fn(ActorChange) + Clone + Send + Sync + 'static {
    move |change| {
        let id = id.clone();
        state.edit(None, move |map| {
            if let Some(actor) = map.actor_mut(&id) {
                change(actor);
            }
        });
    }
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
    let tab = RwSignal::new(Tab::Map);
    provide_context(ActiveTab(tab));
    let selection = panel::Selection(RwSignal::new(None));
    provide_context(selection);
    let projection = projection::start(state, tab);
    Effect::new(move |_| browser::set_url_lang(state.lang.get().tag()));
    listen_to_the_window(state, selection, projection);
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

/// The tab on show, shared with the projector window.
#[derive(Clone, Copy)]
pub struct ActiveTab(pub RwSignal<Tab>);

/// The views of the open map. Which one shows is view state: not in the document or history.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tab {
    Map,
    Grid,
    Table,
    Council,
}

impl Tab {
    const ALL: [Tab; 4] = [Tab::Map, Tab::Grid, Tab::Table, Tab::Council];

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Tab::Map => t.tab_map,
            Tab::Grid => t.tab_grid,
            Tab::Table => t.tab_table,
            Tab::Council => t.tab_council,
        }
    }

    /// Reads a slug back (for the projector window).
    pub fn from_slug(slug: &str) -> Option<Tab> {
        Tab::ALL.into_iter().find(|t| t.slug() == slug)
    }

    pub fn slug(self) -> &'static str {
        match self {
            Tab::Map => "map",
            Tab::Grid => "grid",
            Tab::Table => "table",
            Tab::Council => "council",
        }
    }
}

/// The tab bar and the active view. The quick-add box stays visible in every view.
#[component]
fn Views() -> impl IntoView {
    let t = texts();
    let tab = use_context::<ActiveTab>()
        .expect("App provides the active tab")
        .0;
    view! {
        <div class="views">
        <div class="viewmain">
        <actor_table::QuickAdd/>
        <div class="tabs" role="tablist" aria-label=move || t().views>
            {Tab::ALL.into_iter().map(|which| view! {
                <button role="tab" id=format!("tab-{}", which.slug()) aria-controls="view-panel"
                    aria-selected=move || (tab.get() == which).to_string()
                    class:active=move || tab.get() == which
                    on:click=move |_| if tab.get_untracked() != which { tab.set(which) }>
                    {move || which.label(t())}
                </button>
            }).collect_view()}
        </div>
        <div id="view-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", tab.get().slug())>
            {move || match tab.get() {
                Tab::Map => view! { <network::NetworkMap/> }.into_any(),
                Tab::Grid => view! { <grid::PowerInterestGrid/> }.into_any(),
                Tab::Table => view! { <actor_table::ActorTable/> }.into_any(),
                Tab::Council => view! { <council::CouncilPlanner/> }.into_any(),
            }}
        </div>
        </div>
        <panel::SidePanel/>
        </div>
    }
}

/// Keyboard shortcuts, saving when the page is hidden, and other tabs' writes.
fn listen_to_the_window(
    state: AppState,
    selection: panel::Selection,
    projection: projection::Projection,
) {
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" {
            selection.0.set(None);
            if projection.on.get_untracked() && !projection.is_projector {
                projection.on.set(false);
            }
        }
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
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            header::read_file(state, file, move |name, text| {
                state.import_text(&name, &text)
            });
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
