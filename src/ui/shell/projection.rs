//! Projection mode: large type, high contrast, no editing chrome. A projector window
//! (`?projector=1`) follows the facilitator's open map and view live: the facilitator's
//! window publishes them under `samverkan.projection`, map edits arrive as storage events.
//! The projector window only reads: its document is read-only and it never saves.

use crate::app::{use_doc, use_library, Library};
use crate::i18n::Lang;
use crate::ui::Tab;
use leptos::prelude::*;
use samverkan_model::MapId;
use serde::{Deserialize, Serialize};

/// Where the facilitator is, for the projector window to follow.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
struct Shown {
    map: Option<MapId>,
    tab: String,
    /// The room link while the facilitator shows the room dialog: the projector shows its
    /// QR code large. (The room's key is in this browser's storage already.)
    #[serde(default)]
    room_link: Option<String>,
}

/// In the projector window: the room link to show as a QR code, while the facilitator's
/// window shows it.
#[derive(Clone, Copy)]
pub struct ProjectedRoom(pub RwSignal<Option<String>>);

/// The storage key the facilitator's window publishes to.
pub const SHOWN_KEY: &str = "samverkan.projection";

/// Projection state, in context.
#[derive(Clone, Copy)]
pub struct Projection {
    pub on: RwSignal<bool>,
    /// This window is the projector: it follows and never leaves projection mode.
    pub is_projector: bool,
}

pub fn use_projection() -> Projection {
    expect_context::<Projection>()
}

pub fn is_projector_window() -> bool {
    let search = window().location().search().unwrap_or_default();
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()
        .and_then(|p| p.get("projector"))
        .as_deref()
        == Some("1")
}

/// Sets up projection mode and, in the projector window, following.
pub fn start(tab: RwSignal<Tab>) -> Projection {
    let (doc, library) = (use_doc(), use_library());
    let is_projector = is_projector_window();
    let projection = Projection {
        on: RwSignal::new(is_projector),
        is_projector,
    };
    provide_context(projection);
    Effect::new(move |_| {
        if let Some(root) = document().document_element() {
            let _ = root
                .class_list()
                .toggle_with_force("projection", projection.on.get());
        }
    });
    if is_projector {
        let room = ProjectedRoom(RwSignal::new(None));
        provide_context(room);
        // Only a projector window follows: its code is fetched there alone.
        leptos::task::spawn_local(async move {
            let _ = following_the_facilitator(library, tab, room).await;
        });
    } else {
        let slot = use_context::<crate::app::room::RoomSlot>();
        let room_link = Memo::new(move |_| slot.and_then(|s| s.projected_link()));
        Effect::new(move |_| {
            let shown = Shown {
                map: doc.map_id(),
                tab: tab.get().slug().to_owned(),
                room_link: room_link.get(),
            };
            crate::storage::prefs::set(
                SHOWN_KEY,
                &serde_json::to_string(&shown).unwrap_or_default(),
            );
        });
    }
    projection
}

fn apply(library: Library, tab: RwSignal<Tab>, room: ProjectedRoom, text: Option<String>) {
    let Some(shown) = text.and_then(|t| serde_json::from_str::<Shown>(&t).ok()) else {
        return;
    };
    if room.0.with_untracked(|r| r != &shown.room_link) {
        room.0.set(shown.room_link);
    }
    if let Some(id) = shown.map {
        library.open(&id);
    }
    if let Some(which) = Tab::from_slug(&shown.tab) {
        tab.set(which);
    }
}

crate::later::later!(
    /// The projector window shows the map and tab the facilitator's window shows, for the
    /// page's life.
    following_the_facilitator(library: Library, tab: RwSignal<Tab>, room: ProjectedRoom) -> () => {
        apply(library, tab, room, crate::storage::prefs::get(SHOWN_KEY));
        let handle = window_event_listener(leptos::ev::storage, move |ev| {
            if ev.key().as_deref() == Some(SHOWN_KEY) {
                apply(library, tab, room, crate::storage::prefs::get(SHOWN_KEY));
            }
        });
        std::mem::forget(handle);
    }
);

/// Enters or leaves projection mode in this window, full screen while on.
pub fn toggle(projection: Projection) {
    let on = !projection.on.get_untracked();
    projection.on.set(on);
    let document = document();
    if on {
        if let Some(root) = document.document_element() {
            let _ = root.request_fullscreen();
        }
    } else if document.fullscreen_element().is_some() {
        document.exit_fullscreen();
    }
}

/// Opens the projector window, which follows this one.
pub fn open_projector_window(lang: Lang) {
    let lang = lang.tag();
    let path = window()
        .location()
        .pathname()
        .unwrap_or_else(|_| "/".into());
    let _ = window().open_with_url_and_target(
        &format!("{path}?projector=1&lang={lang}"),
        "samverkan-projector",
    );
}
