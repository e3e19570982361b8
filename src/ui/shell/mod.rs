//! The app shell: header, map list, the open map's views with their tabs, and the messages.

pub mod actions;
pub mod chrome;
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
pub mod storage_line;

use crate::app::{provide_state, use_doc, use_library, use_saver, use_transfer};
use crate::browser;
use crate::i18n::{Lang, Texts};
use crate::ui::dialogs::{help, what_if};
use crate::ui::engagement::log_interaction;
use crate::ui::map::{actor_menu, communities, link_box, network};
use crate::ui::panel::{self, analysis};
use crate::ui::texts;
pub use chrome::Chrome;
use chrome::{BottomBar, Column, ColumnToggle, Scrim};
use leptos::prelude::*;

/// The language the address asks for (`?lang=`), if any.
fn asked_lang() -> Option<Lang> {
    browser::url_lang().and_then(|tag| Lang::parse(&tag))
}

/// The whole app.
#[component]
pub fn App(opened: crate::storage::Opened) -> impl IntoView {
    let read_only = projection::is_projector_window();
    provide_state(asked_lang(), read_only, opened);
    let doc = use_doc();
    let lang = crate::app::use_lang();
    let tab = RwSignal::new(Tab::Map);
    provide_context(ActiveTab(tab));
    let selection = selection::Selection::provide(doc);
    let projection = projection::start(tab);
    let help = help::HelpOverlay::provide();
    removal::Remover::new();
    link_box::Linking::provide();
    actor_menu::ActorMenu::provide();
    what_if::WhatIfRequest::provide();
    crate::ui::dialogs::versions::VersionsRequest::provide();
    log_interaction::Logging::provide();
    Effect::new(move |_| browser::set_url_lang(lang.get().tag()));
    let chrome = Chrome::provide();
    listen_to_the_window(selection, projection, help, chrome);
    let t = texts();
    let views_wait = views_wait(doc);
    view! {
        <header::Header/>
        // In the page's flow, under the header: a message moves the columns down a little
        // rather than lying over a control.
        <notices::Notices/>
        <div class="layout" class:maps-hidden=move || !chrome.maps.get() class:panel-hidden=move || !chrome.panel.get()>
            <map_list::MapList/>
            <main class="workspace" aria-label=move || t().views>
                // Keyed on the open map: camera, filters and layout start afresh with it.
                {move || match doc.map_id() {
                    Some(_) if views_wait.get() => view! { <p class="empty">{move || t().loading}</p> }.into_any(),
                    Some(id) => view! { <Views id=id/> }.into_any(),
                    None => view! { <NoMapOpen/> }.into_any(),
                }}
            </main>
        </div>
        <Scrim/>
        <BottomBar/>
        <parts::Dialogs/>
        <link_box::LinkBox/>
    }
}

/// A map of more actors than this has its views built in a task of their own.
const BUILT_APART: usize = 500;

/// True while a big map is read into the document and its views are still to be built:
/// they come in a task after the one that opened it (`Loading …` for the frame between),
/// as a 1,000-actor map opened in one task blocked the page for 70–90 ms.
fn views_wait(doc: crate::app::Doc) -> Memo<bool> {
    let built = RwSignal::new(None::<samverkan_model::MapId>);
    Effect::new(move |_| {
        if let Some(id) = doc.map_id() {
            browser::after_ms(0, move || {
                built.try_set(Some(id));
            });
        }
    });
    Memo::new(move |_| {
        let actors = doc.with_map(|m| m.actors.len()).unwrap_or(0);
        built.with(|built| waits(doc.map_id().as_ref(), built.as_ref(), actors))
    })
}

/// Whether the open map's views wait, when those of `built` may be built.
fn waits(
    open: Option<&samverkan_model::MapId>,
    built: Option<&samverkan_model::MapId>,
    actors: usize,
) -> bool {
    open.is_some() && actors > BUILT_APART && built != open
}

/// The start screen. On a phone, where the header's actions sit behind `Menu`, it offers
/// `New map` and `Import` itself (hidden elsewhere, so each name is found once).
#[component]
fn NoMapOpen() -> impl IntoView {
    let t = texts();
    let context = expect_context::<actions::ActionContext>();
    view! {
        <div class="start">
            <p class="empty">{move || t().no_map_open}</p>
            <div class="start-actions">
                <actions::ActionButton action=actions::Action::NewMap context=context/>
                <actions::ActionButton action=actions::Action::Import context=context/>
            </div>
            // After a wiped browser, the way back is here on every layout.
            <storage_line::RestoreFromBackup/>
        </div>
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
    // Over the view (tablet, phone) it shows when asked for.
    let panel_shown = move || {
        chrome.panel.get()
            && (chrome.overlaid() || tab.get() != Tab::Table || selected.with(Option::is_some))
    };
    view! {
        <div class="views" class:no-panel=move || !panel_shown()>
        <div class="viewmain">
        <div class="viewhead">
        <ColumnToggle column=Column::Maps hide=|t| t.hide_map_list show=|t| t.show_map_list glyphs=("«", "»")/>
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
        <ColumnToggle column=Column::Panel hide=|t| t.hide_side_panel show=|t| t.show_side_panel glyphs=("»", "«")/>
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
    chrome: Chrome,
) {
    let (saver, library, transfer) = (use_saver(), use_library(), use_transfer());
    let context = actions::ActionContext::new(selection, projection, help);
    provide_context(context);
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        // Escape first closes a sheet or column lying over the view.
        if ev.key() == "Escape" && chrome.close_overlays() {
            return;
        }
        actions::on_key(&context, &ev);
    });
    // The backup listens for leaving itself (`app::backup`).
    let hide = window_event_listener(leptos::ev::pagehide, move |_| {
        saver.flush();
        saver.leave_rescue_copy();
    });
    let visibility = window_event_listener_untyped("visibilitychange", move |_| {
        if document().visibility_state() == web_sys::VisibilityState::Hidden {
            saver.flush();
        }
    });
    // What other tabs write is followed from a part fetched right after the start.
    leptos::task::spawn_local(async move {
        let _ = crate::app::library::following_other_tabs(saver, library).await;
    });
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
    // A share link pasted into a tab already showing the app changes only the fragment.
    let sharing = crate::app::use_sharing();
    let fragment = window_event_listener_untyped("hashchange", move |_| {
        if !projection::is_projector_window() {
            sharing.read_address();
        }
    });
    on_cleanup(move || {
        keys.remove();
        hide.remove();
        visibility.remove();
        fragment.remove();
        drag_over.remove();
        drop.remove();
    });
}

#[cfg(test)]
mod tests {
    use super::*;
    use samverkan_model::MapId;

    #[test]
    fn a_big_map_waits_for_its_views_to_be_built_and_a_small_one_does_not() {
        let (a, b) = (MapId::from("a"), MapId::from("b"));
        assert!(!waits(None, Some(&a), 0));
        assert!(!waits(Some(&a), None, 40));
        assert!(waits(Some(&a), None, 1000));
        // The views built last were another map's: this one waits for its own turn.
        assert!(waits(Some(&a), Some(&b), 1000));
        assert!(!waits(Some(&a), Some(&a), 1000));
    }
}
