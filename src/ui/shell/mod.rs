//! The app shell: header, map list, the open map's views with their tabs, and the messages.

pub mod actions;
pub mod header;
pub mod import_export;
pub mod map_list;
pub mod notices;
pub mod parts;
pub mod projection;
pub mod quick_add;
pub mod removal;
pub mod selection;
pub mod sharing;

use crate::app::{provide_state, use_doc, use_library, use_saver, use_transfer};
use crate::browser;
use crate::i18n::{Lang, Texts};
use crate::ui::dialogs::{help, what_if};
use crate::ui::engagement::log_interaction;
use crate::ui::map::{communities, link_box, network};
use crate::ui::panel::{self, analysis};
use crate::ui::texts;
use leptos::prelude::*;

/// The language from `?lang=`, else Swedish.
fn initial_lang() -> Lang {
    browser::url_lang()
        .and_then(|tag| Lang::parse(&tag))
        .unwrap_or_default()
}

/// The whole app.
#[component]
pub fn App() -> impl IntoView {
    let read_only = projection::is_projector_window();
    provide_state(initial_lang(), read_only);
    let doc = use_doc();
    let lang = crate::app::use_lang();
    let tab = RwSignal::new(Tab::Map);
    provide_context(ActiveTab(tab));
    let selection = selection::Selection::provide(doc);
    let projection = projection::start(tab);
    let help = help::HelpOverlay::provide();
    removal::Remover::new();
    link_box::Linking::provide();
    what_if::WhatIfRequest::provide();
    log_interaction::Logging::provide();
    Effect::new(move |_| browser::set_url_lang(lang.get().tag()));
    listen_to_the_window(selection, projection, help);
    let t = texts();
    let chrome = Chrome::provide();
    view! {
        <header::Header/>
        <div class="layout" class:maps-hidden=move || !chrome.maps.get() class:panel-hidden=move || !chrome.panel.get()>
            <map_list::MapList/>
            <main class="workspace" aria-label=move || t().views>
                // Keyed on the open map: camera, filters and layout start afresh with it.
                {move || match doc.map_id() {
                    Some(id) => view! { <Views id=id/> }.into_any(),
                    None => view! { <p class="empty">{move || t().no_map_open}</p> }.into_any(),
                }}
            </main>
        </div>
        <notices::Notices/>
        <parts::Dialogs/>
        <link_box::LinkBox/>
    }
}

/// Which side columns show (view state): hiding them gives the canvas the room.
#[derive(Clone, Copy)]
pub struct Chrome {
    pub maps: RwSignal<bool>,
    pub panel: RwSignal<bool>,
}

impl Chrome {
    fn provide() -> Self {
        let chrome = Self {
            maps: RwSignal::new(true),
            panel: RwSignal::new(true),
        };
        provide_context(chrome);
        chrome
    }
}

/// A button that shows or hides a side column.
#[component]
fn ColumnToggle(
    shown: RwSignal<bool>,
    hide: fn(&'static Texts) -> &'static str,
    show: fn(&'static Texts) -> &'static str,
    glyphs: (&'static str, &'static str),
) -> impl IntoView {
    let t = texts();
    view! {
        <button class="small column-toggle" aria-expanded=move || shown.get().to_string()
            aria-label=move || if shown.get() { hide(t()) } else { show(t()) }
            title=move || if shown.get() { hide(t()) } else { show(t()) }
            on:click=move |_| shown.update(|s| *s = !*s)>
            {move || if shown.get() { glyphs.0 } else { glyphs.1 }}
        </button>
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
    Onion,
    Engagement,
}

impl Tab {
    const ALL: [Tab; 6] = [
        Tab::Map,
        Tab::Grid,
        Tab::Table,
        Tab::Council,
        Tab::Onion,
        Tab::Engagement,
    ];

    fn label(self, t: &Texts) -> &'static str {
        match self {
            Tab::Map => t.tab_map,
            Tab::Grid => t.tab_grid,
            Tab::Table => t.tab_table,
            Tab::Council => t.tab_council,
            Tab::Onion => t.tab_onion,
            Tab::Engagement => t.tab_engagement,
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
            Tab::Onion => "onion",
            Tab::Engagement => "engagement",
        }
    }
}

/// The tab bar and the active view. The quick-add box stays visible in every view.
#[component]
fn Views(#[allow(unused)] id: samverkan_model::MapId) -> impl IntoView {
    let t = texts();
    analysis::Metrics::provide();
    communities::Communities::provide();
    let tab = expect_context::<ActiveTab>().0;
    let chrome = expect_context::<Chrome>();
    let selected = selection::use_selection().0;
    // The table is wide: there the side panel shows only to edit the chosen actor.
    let panel_shown =
        move || chrome.panel.get() && (tab.get() != Tab::Table || selected.with(Option::is_some));
    view! {
        <div class="views" class:no-panel=move || !panel_shown()>
        <div class="viewmain">
        <div class="viewhead">
        <ColumnToggle shown=chrome.maps hide=|t| t.hide_map_list show=|t| t.show_map_list glyphs=("«", "»")/>
        <quick_add::QuickAdd/>
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
        <ColumnToggle shown=chrome.panel hide=|t| t.hide_side_panel show=|t| t.show_side_panel glyphs=("»", "«")/>
        </div>
        <div id="view-panel" role="tabpanel" aria-labelledby=move || format!("tab-{}", tab.get().slug())>
            {move || match tab.get() {
                Tab::Map => view! { <network::NetworkMap/> }.into_any(),
                Tab::Grid => parts::shown(parts::grid()).into_any(),
                Tab::Table => parts::shown(parts::table()).into_any(),
                Tab::Council => parts::shown(parts::council()).into_any(),
                Tab::Onion => parts::shown(parts::onion()).into_any(),
                Tab::Engagement => parts::shown(parts::engagement()).into_any(),
            }}
        </div>
        </div>
        <Show when=panel_shown><panel::SidePanel/></Show>
        </div>
    }
}

/// Keyboard shortcuts, saving when the page is hidden, other tabs' writes, dropped files.
fn listen_to_the_window(
    selection: selection::Selection,
    projection: projection::Projection,
    help: help::HelpOverlay,
) {
    let (saver, library, transfer) = (use_saver(), use_library(), use_transfer());
    let context = actions::ActionContext::new(selection, projection, help);
    provide_context(context);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        actions::on_key(&context, &ev);
    });
    let hide = window_event_listener(leptos::ev::pagehide, move |_| saver.flush());
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        let hidden = document().visibility_state() == web_sys::VisibilityState::Hidden;
        if hidden {
            saver.flush();
        } else {
            library.follow_other_tabs(None);
        }
    });
    let focus = window_event_listener(leptos::ev::focus, move |_| library.follow_other_tabs(None));
    // A Samverkan file dropped anywhere on the page is imported.
    let drag_over = window_event_listener(leptos::ev::dragover, move |ev| ev.prevent_default());
    let drop = window_event_listener(leptos::ev::drop, move |ev| {
        ev.prevent_default();
        let file = ev
            .data_transfer()
            .and_then(|d| d.files())
            .and_then(|f| f.get(0));
        if let Some(file) = file {
            import_export::read_file(transfer, file, move |name, text| {
                transfer.import_text(&name, &text)
            });
        }
    });
    let storage = window_event_listener(leptos::ev::storage, move |ev| {
        if let Some(key) = ev.key() {
            library.follow_other_tabs(Some(&key));
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
