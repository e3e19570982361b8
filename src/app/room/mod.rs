//! Room mode: everyone in a workshop edits the same map from their own device, sealed end to
//! end, through a blind relay. This module is the small part of it in the first load: the
//! state the views show, the room link in the address, and the way in. The document, the
//! relay and the protocol (`service`, with `seal` and `relay`) are fetched when a room is
//! started, joined or resumed.

mod relay;
mod seal;
mod service;

use super::{Doc, Library, Notices, Saver};
use crate::browser;
use leptos::prelude::*;
use samverkan_model::room::Rules;
use samverkan_model::MapId;

pub use service::{end_room, leave_room, set_name, set_relay, set_rules, set_selection, Invite};

/// What comes before a room link's data in the fragment.
pub const PREFIX: &str = "#room=";
/// Where this browser keeps a room it is in, per map (the key lives only here and in links).
const RECORD_PREFIX: &str = "samverkan.room.";
/// The display name given once, and the relay last used.
const NAME_KEY: &str = "samverkan.room-name";
const RELAY_KEY: &str = "samverkan.room-relay";
/// How long a room link's visit waits for the room's map before the service worker is
/// registered anyway (the link declined, the relay out of reach).
const WORKER_AFTER_MS: i32 = 30_000;
/// How long after the room's map has come the service worker is registered: the map is
/// drawn first (500 actors take a few hundred milliseconds on a slow machine).
const WORKER_AFTER_MAP_MS: i32 = 2_000;

/// Whether the page was opened with a room link (before [`RoomSlot::read_address`] takes it).
pub fn opened_with_link() -> bool {
    web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .is_some_and(|hash| hash.starts_with(PREFIX))
}

/// On a room link's visit, the service worker is registered once the room's map has come
/// and been drawn ([`register_service_worker_once_drawn`]), or after [`WORKER_AFTER_MS`]:
/// its install fetches and keeps every file of the app, which on a two-core machine took
/// half of a one-second join.
pub fn register_service_worker_after_joining() {
    browser::after_ms(WORKER_AFTER_MS, browser::register_service_worker);
}

/// The room's map has come (a participant's first copy).
fn register_service_worker_once_drawn() {
    browser::after_ms(WORKER_AFTER_MAP_MS, browser::register_service_worker);
}

/// Someone in the room.
#[derive(Clone, Debug, PartialEq)]
pub struct Person {
    pub id: u64,
    pub name: String,
    pub facilitator: bool,
    pub me: bool,
    /// The actor this person has selected.
    pub selection: Option<String>,
}

/// The room as the views show it.
#[derive(Clone, Debug, PartialEq)]
pub struct Shown {
    pub facilitator: bool,
    pub link: String,
    pub relay: String,
    pub online: bool,
    /// A participant who has not had the map yet.
    pub waiting: bool,
    pub people: Vec<Person>,
    pub rules: Rules,
}

/// The app's handles the room works with.
#[derive(Clone, Copy)]
pub struct RoomSlot {
    pub shown: RwSignal<Option<Shown>>,
    pub dialog: RwSignal<bool>,
    /// A room link's data from the address (`<id>.<key>[&relay=…]`), until joined or declined.
    pub invite: RwSignal<Option<String>>,
    /// The map of the room this window is in (the room itself lives in its part).
    running: RwSignal<Option<MapId>>,
    doc: Doc,
    saver: Saver,
    library: Library,
    notices: Notices,
}

pub fn use_room() -> RoomSlot {
    expect_context::<RoomSlot>()
}

impl RoomSlot {
    pub fn new(doc: Doc, saver: Saver, library: Library, notices: Notices) -> Self {
        let slot = Self {
            shown: RwSignal::new(None),
            dialog: RwSignal::new(false),
            invite: RwSignal::new(None),
            running: RwSignal::new(None),
            doc,
            saver,
            library,
            notices,
        };
        // Opening a map this browser is in a room with rejoins the room.
        doc.listen(move |change| {
            if change.origin == super::document::Origin::Load {
                slot.resume_if_in_room();
            }
        });
        slot
    }

    /// Takes a room link from the address (the fragment goes at once: it holds the key).
    pub fn read_address(&self) {
        if let Some(data) = browser::take_fragment(PREFIX) {
            self.invite.set(Some(data));
        }
    }

    /// The relay this page's host set (`<meta name="samverkan-relay">`), else the one last used.
    pub fn relay_address(&self) -> String {
        crate::storage::prefs::get(RELAY_KEY)
            .or_else(|| self.page_relay())
            .unwrap_or_default()
    }

    /// The relay this page's host set, if any.
    pub fn page_relay(&self) -> Option<String> {
        web_sys::window()?
            .document()?
            .query_selector("meta[name=samverkan-relay]")
            .ok()??
            .get_attribute("content")
    }

    /// The room link while the facilitator shows the room dialog, for the projector window.
    pub fn projected_link(&self) -> Option<String> {
        if !self.dialog.get() {
            return None;
        }
        self.shown
            .with(|s| s.as_ref().filter(|s| s.facilitator).map(|s| s.link.clone()))
    }

    pub fn name(&self) -> String {
        crate::storage::prefs::get(NAME_KEY).unwrap_or_default()
    }

    /// Turns the open map into a room.
    pub fn start(&self) {
        self.run(service::Opening::Start);
    }

    /// Joins the invited room under `name`.
    pub fn join(&self, invite: Invite, name: String) {
        crate::storage::prefs::set(NAME_KEY, name.trim());
        self.invite.set(None);
        self.run(service::Opening::Join(invite));
    }

    fn resume_if_in_room(&self) {
        let Some(id) = self.doc.with_map(|m| m.id.clone()) else {
            return self.stop();
        };
        let same = self.running_map().as_ref() == Some(&id);
        if same {
            return;
        }
        self.stop();
        if crate::storage::prefs::get(&record_key(&id)).is_some() {
            self.run(service::Opening::Resume(id));
        }
    }

    fn run(&self, opening: service::Opening) {
        let slot = *self;
        leptos::task::spawn_local(async move {
            match service::opening_room(slot, opening).await {
                Ok(open) => open.await,
                Err(_) => {
                    slot.notices.notify(
                        crate::notice::Severity::Error,
                        crate::notice::Message::PartMissing,
                        vec![],
                    );
                }
            }
        });
    }

    fn running_map(&self) -> Option<MapId> {
        self.running.get_untracked()
    }

    /// Disconnects from the room the open map was in (the room is remembered).
    fn stop(&self) {
        if self.running.get_untracked().is_some() {
            self.running.set(None);
            self.run(service::Opening::Stop);
        }
        self.shown.set(None);
        self.doc.set_limits(None);
    }
}

fn record_key(map: &MapId) -> String {
    format!("{RECORD_PREFIX}{map}")
}
