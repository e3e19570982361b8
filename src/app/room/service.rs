//! A running room: the map's yrs document, the relay connection and the exchange between
//! devices (`samverkan_model::room::wire`). Fetched as a part of its own when a room starts.
//!
//! Local edits are written to the document as diffs of what this device changed, and remote
//! ones read back into the open map; both wait for the next tick (16 ms), local ones first,
//! so a burst of messages is one read and a drag is a few updates, not one per event.

use super::relay::Relay;
use super::seal::{self, Seal};
use super::{Person, RoomSlot, Shown, NAME_KEY, RELAY_KEY};
use crate::app::document::{Limits, Origin};
use crate::notice::{Message, Severity};
use crate::share_link::{base64url, from_base64url};
use crate::storage::prefs;
use leptos::prelude::*;
use samverkan_model::room::wire::{Envelope, Message as Wire, Presence};
use samverkan_model::room::{Room, Rules};
use samverkan_model::{Map, MapId};
use serde::{Deserialize, Serialize};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::{Rc, Weak};
use wasm_bindgen::JsCast;

/// A room link's data, read.
#[derive(Clone, Debug, PartialEq)]
pub struct Invite {
    pub id: String,
    pub key: String,
    pub relay: Option<String>,
}

impl Invite {
    /// Reads `<id>.<key>[&relay=<address>]`; None when it is not a whole room link.
    pub fn parse(data: &str) -> Option<Self> {
        let (room, relay) = match data.split_once("&relay=") {
            Some((room, relay)) => (room, js_sys::decode_uri_component(relay).ok()?.as_string()),
            None => (data, None),
        };
        let (id, key) = room.split_once('.')?;
        let key_ok = from_base64url(key).is_some_and(|k| k.len() == 32);
        (!id.is_empty() && key_ok).then(|| Self {
            id: id.to_owned(),
            key: key.to_owned(),
            relay,
        })
    }
}

/// How a room is entered (or left).
pub enum Opening {
    Start,
    Join(Invite),
    Resume(MapId),
    Stop,
}

/// What this browser keeps of a room it is in (local storage; the key never leaves the
/// device except in the room link).
#[derive(Clone, Serialize, Deserialize)]
struct Record {
    id: String,
    key: String,
    relay: String,
    facilitator: bool,
}

/// How often presence is said, and how long someone silent still counts as in the room.
const PRESENCE_MS: i32 = 8_000;
const GONE_MS: f64 = 25_000.0;
/// How long a participant waits for the facilitator to answer a newcomer before answering.
const ANSWER_WAIT_MS: (f64, f64) = (300.0, 1_200.0);
/// How long the document may stay unreadable before that is reported (two rounds of the
/// periodic exchange that fetches what is missing).
const BROKEN_FOR_MS: f64 = 40_000.0;
/// The shortest time between two reads of the document into the open map.
const READ_EVERY_MS: f64 = 100.0;

pub struct Service {
    slot: RoomSlot,
    record: Record,
    map: RefCell<Option<MapId>>,
    me: u64,
    room: Room,
    seal: Seal,
    relay: RefCell<Option<Rc<Relay>>>,
    /// The map as last written to or read from the document.
    last: RefCell<Option<Map>>,
    local_pending: Cell<bool>,
    remote_pending: Cell<bool>,
    tick_set: Cell<bool>,
    people: RefCell<HashMap<u64, (Presence, f64)>>,
    answered: RefCell<HashSet<u64>>,
    listener: Cell<Option<u64>>,
    presence_timer: Cell<Option<i32>>,
    /// The actor selected here, said with presence (others draw a ring in this device's colour).
    selection: RefCell<Option<String>>,
    beats: Cell<u32>,
    save_set: Cell<bool>,
    /// Since when reads of the document have failed, and whether that was told.
    broken_since: Cell<Option<f64>>,
    told_broken: Cell<bool>,
    /// When the document was last read into the open map.
    last_read: Cell<f64>,
}

/// Where the room's yrs state is kept beside the map (IndexedDB `settings`).
fn state_key(map: &MapId) -> String {
    format!("room.{map}")
}

fn random_id() -> u64 {
    // yrs client ids are 53-bit safe in JavaScript; 32 random bits as Yjs uses.
    let bytes = seal::random_bytes(4).unwrap_or_else(|_| vec![7, 7, 7, 7]);
    u64::from(u32::from_le_bytes([bytes[0], bytes[1], bytes[2], bytes[3]]))
}

thread_local! {
    /// The room this window is in.
    /// Never dropped (the page's one thread lives as long as the page), so no destructor is
    /// registered: its code would land in the first load.
    static RUNNING: std::mem::ManuallyDrop<RefCell<Option<Rc<Service>>>> =
        const { std::mem::ManuallyDrop::new(RefCell::new(None)) };
}

crate::later::later!(
    /// Starts, joins, resumes or stops a room (fetched with the room's code).
    opening_room(slot: RoomSlot, opening: Opening) -> crate::later::LocalFuture<()> => Box::pin(async move {
        if let Opening::Stop = opening {
            // Unless another room has started since the stop was asked.
            if slot.running.get_untracked().is_none() {
                if let Some(service) = RUNNING.with(|r| r.borrow_mut().take()) {
                    service.close();
                }
            }
        } else if let Err(message) = open(slot, opening).await {
            slot.notices.notify(Severity::Error, message, vec![]);
        }
    })
);

async fn open(slot: RoomSlot, opening: Opening) -> Result<(), Message> {
    let me = random_id();
    let relay_default = slot.relay_address();
    let (record, map, room) = match opening {
        Opening::Start => {
            let map = slot.doc.snapshot().ok_or(Message::RoomLinkBroken)?;
            let key = seal::new_key().map_err(|_| Message::RoomUnsupported)?;
            let id = seal::random_bytes(16).map_err(|_| Message::RoomUnsupported)?;
            let record = Record {
                id: base64url(&id),
                key: base64url(&key),
                relay: relay_default,
                facilitator: true,
            };
            let room = Room::with_map(me, &map);
            (record, Some(map), room)
        }
        Opening::Join(invite) => {
            let record = Record {
                id: invite.id,
                key: invite.key,
                relay: invite.relay.unwrap_or(relay_default),
                facilitator: false,
            };
            (record, None, Room::new(me))
        }
        Opening::Stop => return Ok(()),
        Opening::Resume(id) => {
            let text = prefs::get(&super::record_key(&id)).ok_or(Message::RoomLinkBroken)?;
            let record: Record =
                serde_json::from_str(&text).map_err(|_| Message::RoomLinkBroken)?;
            let state = stored_state(slot, &id).await;
            let room = state
                .and_then(|s| Room::restore(me, &s).ok())
                .unwrap_or_else(|| Room::new(me));
            let map = slot.doc.snapshot();
            (record, map, room)
        }
    };
    let key = from_base64url(&record.key).ok_or(Message::RoomLinkBroken)?;
    let seal = Seal::new(&key)
        .await
        .map_err(|_| Message::RoomUnsupported)?;
    let topic = seal::topic(&record.id)
        .await
        .map_err(|_| Message::RoomUnsupported)?;
    // What the map holds beyond the document (edits made while the room was closed here)
    // goes in as this device's own.
    let before = room.read().ok().map(|s| s.map);
    if let Some(map) = &map {
        room.write(before.as_ref(), map);
    }
    let service = Rc::new(Service {
        slot,
        map: RefCell::new(map.as_ref().map(|m| m.id.clone())),
        record,
        me,
        room,
        seal,
        relay: RefCell::new(None),
        last: RefCell::new(map),
        local_pending: Cell::new(false),
        remote_pending: Cell::new(false),
        tick_set: Cell::new(false),
        people: RefCell::new(HashMap::new()),
        answered: RefCell::new(HashSet::new()),
        listener: Cell::new(None),
        presence_timer: Cell::new(None),
        selection: RefCell::new(None),
        beats: Cell::new(0),
        save_set: Cell::new(false),
        broken_since: Cell::new(None),
        told_broken: Cell::new(false),
        last_read: Cell::new(f64::NEG_INFINITY),
    });
    service.remember();
    service.install(topic);
    Ok(())
}

async fn stored_state(slot: RoomSlot, map: &MapId) -> Option<Vec<u8>> {
    let db = slot.saver.database()?;
    let value = db.setting(&state_key(map)).await.ok()?;
    value
        .dyn_ref::<js_sys::Uint8Array>()
        .map(js_sys::Uint8Array::to_vec)
}

impl Service {
    fn install(self: &Rc<Self>, topic: String) {
        let weak = Rc::downgrade(self);
        let listener = self.slot.doc.listen(move |change| {
            let Some(service) = weak.upgrade() else {
                return;
            };
            if !matches!(change.origin, Origin::Load | Origin::Remote) {
                service.local_pending.set(true);
                service.schedule_tick();
            }
        });
        self.listener.set(Some(listener));
        self.limit();
        let (on_data, on_online, on_blocked) = (
            Rc::downgrade(self),
            Rc::downgrade(self),
            Rc::downgrade(self),
        );
        let relay = Relay::new(
            self.record.relay.clone(),
            topic,
            move |data| {
                if let Some(service) = on_data.upgrade() {
                    service.received(data);
                }
            },
            move |online| {
                if let Some(service) = on_online.upgrade() {
                    service.online(online);
                }
            },
            move || {
                if let Some(service) = on_blocked.upgrade() {
                    let message = Message::RoomRelayBlocked(service.record.relay.clone());
                    service
                        .slot
                        .notices
                        .notify(Severity::Error, message, vec![]);
                }
            },
        );
        *self.relay.borrow_mut() = Some(Rc::clone(&relay));
        let map = self.map.borrow().clone().unwrap_or_default();
        if let Some(earlier) = RUNNING.with(|r| r.replace(Some(Rc::clone(self)))) {
            earlier.close();
        }
        self.slot.running.set(Some(map));
        self.every_presence();
        self.show();
        relay.connect();
    }

    fn relay(&self) -> Option<Rc<Relay>> {
        self.relay.borrow().clone()
    }

    /// Brings the open map's limits in line with the room's rules (none for the facilitator).
    fn limit(&self) {
        let rules = self.room.rules();
        let limits = (!self.record.facilitator).then_some(Limits {
            locked: rules.locked,
            map_only: !rules.edit_everything,
        });
        self.slot.doc.set_limits(limits);
    }

    fn schedule_tick(self: &Rc<Self>) {
        self.schedule_tick_in(16);
    }

    fn schedule_tick_in(self: &Rc<Self>, ms: i32) {
        if self.tick_set.replace(true) {
            return;
        }
        let weak = Rc::downgrade(self);
        crate::browser::after_ms(ms, move || {
            if let Some(service) = weak.upgrade() {
                service.tick_set.set(false);
                service.tick();
            }
        });
    }

    /// Local edits into the document (and out to the room) first, then remote ones into the
    /// open map: a remote read never misses a local edit.
    fn tick(self: &Rc<Self>) {
        if self.local_pending.replace(false) {
            if let Some(after) = self.slot.doc.snapshot() {
                let before = self.last.borrow().clone();
                if before.as_ref().map(|b| &b.id) == Some(&after.id) {
                    if let Some(update) = self.room.write(before.as_ref(), &after) {
                        self.send(Wire::Update { update });
                    }
                    *self.last.borrow_mut() = Some(after);
                }
            }
        }
        if self.remote_pending.get() {
            // Each read redraws the map, tens of milliseconds at a thousand actors (the read
            // itself, of the touched records only, is a few): while updates pour in (a room
            // of 30 adding at once) it runs at most every READ_EVERY_MS, taking in all that
            // came meanwhile.
            let wait = READ_EVERY_MS - (crate::browser::now_ms() - self.last_read.get());
            if wait > 0.0 {
                self.schedule_tick_in(wait.ceil() as i32);
            } else {
                self.remote_pending.set(false);
                self.last_read.set(crate::browser::now_ms());
                self.take_remote();
            }
        }
        self.save_soon();
    }

    fn take_remote(self: &Rc<Self>) {
        if self.room.is_empty() {
            return;
        }
        let settled = match self.room.read() {
            Ok(settled) => settled,
            // Not a valid map even after settling. Updates that arrive out of order leave the
            // document incomplete until what they build on comes (a deletion applies at once,
            // an insertion waits): the open map stays as it was, and only a document still
            // broken after a while is reported.
            Err(problems) => {
                let now = crate::browser::now_ms();
                let since = self.broken_since.get().unwrap_or(now);
                self.broken_since.set(Some(since));
                if now - since > BROKEN_FOR_MS && !self.told_broken.replace(true) {
                    let file = self.slot.doc.title();
                    let message = Message::ImportFailed { file, problems };
                    self.slot.notices.notify(Severity::Error, message, vec![]);
                }
                return;
            }
        };
        self.broken_since.set(None);
        self.told_broken.set(false);
        let waiting = self.last.borrow().is_none();
        let map = settled.map;
        if waiting {
            self.first_map(map.clone());
        } else {
            self.slot.doc.apply_remote(map.clone());
        }
        *self.last.borrow_mut() = Some(map);
        self.limit();
        if !settled.dropped.is_empty() {
            let message =
                Message::RoomDropped(settled.dropped.relations, settled.dropped.references);
            self.slot.notices.notify(Severity::Info, message, vec![]);
        }
        self.show();
    }

    /// A participant's first copy of the map: opened (added to the library if new); the
    /// app can now be kept for offline use (`super::register_service_worker_after_joining`).
    fn first_map(&self, map: Map) {
        super::register_service_worker_once_drawn();
        *self.map.borrow_mut() = Some(map.id.clone());
        self.slot.running.set(Some(map.id.clone()));
        self.remember();
        if self.slot.library.contains(&map.id) {
            self.slot.library.open(&map.id);
            self.slot.doc.apply_remote(map);
        } else {
            self.slot.library.add_and_open(map);
        }
    }

    fn remember(&self) {
        if let Some(map) = self.map.borrow().as_ref() {
            let text = serde_json::to_string(&self.record).expect("a record serialises");
            prefs::set(&super::record_key(map), &text);
        }
        prefs::set(RELAY_KEY, &self.record.relay);
    }

    fn forget(&self) {
        if let Some(map) = self.map.borrow().as_ref() {
            prefs::remove(&super::record_key(map));
            if let Some(db) = self.slot.saver.database() {
                let key = state_key(map);
                leptos::task::spawn_local(async move {
                    let _ = db
                        .set_setting(&key, &wasm_bindgen::JsValue::UNDEFINED)
                        .await;
                });
            }
        }
    }

    /// Keeps the document beside the map, a second after the last change.
    fn save_soon(self: &Rc<Self>) {
        if self.save_set.replace(true) {
            return;
        }
        let weak = Rc::downgrade(self);
        crate::browser::after_ms(1_000, move || {
            let Some(service) = weak.upgrade() else {
                return;
            };
            service.save_set.set(false);
            let (Some(db), Some(map)) =
                (service.slot.saver.database(), service.map.borrow().clone())
            else {
                return;
            };
            let state = js_sys::Uint8Array::from(&service.room.state()[..]);
            leptos::task::spawn_local(async move {
                let _ = db.set_setting(&state_key(&map), &state).await;
            });
        });
    }

    fn send(self: &Rc<Self>, message: Wire) {
        let Some(relay) = self.relay() else { return };
        let bytes = Envelope {
            from: self.me,
            message,
        }
        .encode();
        let seal = Rc::downgrade(self);
        leptos::task::spawn_local(async move {
            let Some(service) = seal.upgrade() else {
                return;
            };
            if let Ok(sealed) = service.seal.seal(&bytes).await {
                relay.publish(&base64url(&sealed));
            }
        });
    }

    fn received(self: &Rc<Self>, data: String) {
        let Some(sealed) = from_base64url(&data) else {
            return;
        };
        let weak = Rc::downgrade(self);
        leptos::task::spawn_local(async move {
            let Some(service) = weak.upgrade() else {
                return;
            };
            // Anything not sealed under the room key is not from the room: ignored.
            let Ok(bytes) = service.seal.open(&sealed).await else {
                return;
            };
            if let Ok(envelope) = Envelope::decode(&bytes) {
                service.handle(envelope);
            }
        });
    }

    fn handle(self: &Rc<Self>, Envelope { from, message }: Envelope) {
        if from == self.me {
            return;
        }
        match message {
            Wire::Hello {
                state_vector,
                facilitator,
            } => {
                self.answered.borrow_mut().remove(&from);
                self.heard_of(from, None, facilitator);
                self.answer_later(from, state_vector);
            }
            Wire::Answer {
                to,
                update,
                state_vector,
            } => {
                self.answered.borrow_mut().insert(to);
                if to == self.me {
                    self.take_update(&update);
                    if let Ok(mine) = self.room.missing(&state_vector) {
                        if mine.len() > 2 {
                            self.send(Wire::Update { update: mine });
                        }
                    }
                }
            }
            Wire::Update { update } => self.take_update(&update),
            Wire::Presence(presence) => {
                let facilitator = presence.facilitator;
                self.heard_of(from, Some(presence), facilitator);
            }
            Wire::Bye => {
                self.people.borrow_mut().remove(&from);
                self.show();
            }
            Wire::End => self.ended(),
        }
    }

    fn take_update(self: &Rc<Self>, update: &[u8]) {
        if self.room.apply(update).is_ok() {
            self.remote_pending.set(true);
            self.schedule_tick();
        }
    }

    /// The facilitator answers a newcomer at once; anyone else after a short random wait, and
    /// only if nobody has by then.
    fn answer_later(self: &Rc<Self>, to: u64, state_vector: Vec<u8>) {
        if self.room.is_empty() {
            return;
        }
        let wait = if self.record.facilitator {
            0.0
        } else {
            ANSWER_WAIT_MS.0 + js_sys::Math::random() * (ANSWER_WAIT_MS.1 - ANSWER_WAIT_MS.0)
        };
        let weak = Rc::downgrade(self);
        crate::browser::after_ms(wait as i32, move || {
            let Some(service) = weak.upgrade() else {
                return;
            };
            if service.answered.borrow().contains(&to) {
                return;
            }
            service.answered.borrow_mut().insert(to);
            if let Ok(update) = service.room.missing(&state_vector) {
                let state_vector = service.room.state_vector();
                service.send(Wire::Answer {
                    to,
                    update,
                    state_vector,
                });
            }
        });
    }

    fn heard_of(&self, id: u64, presence: Option<Presence>, facilitator: bool) {
        let now = crate::browser::now_ms();
        let mut people = self.people.borrow_mut();
        let entry = people.entry(id).or_insert_with(|| {
            (
                Presence {
                    facilitator,
                    ..Presence::default()
                },
                now,
            )
        });
        if let Some(presence) = presence {
            entry.0 = presence;
        }
        entry.1 = now;
        drop(people);
        self.show();
    }

    fn online(self: &Rc<Self>, online: bool) {
        if online {
            self.say_hello();
            self.say_presence();
        }
        self.show();
    }

    fn say_hello(self: &Rc<Self>) {
        self.send(Wire::Hello {
            state_vector: self.room.state_vector(),
            facilitator: self.record.facilitator,
        });
    }

    fn presence(&self) -> Presence {
        let name = prefs::get(NAME_KEY).unwrap_or_default();
        Presence {
            name,
            facilitator: self.record.facilitator,
            selection: self.selection.borrow().clone(),
        }
    }

    fn say_presence(self: &Rc<Self>) {
        self.send(Wire::Presence(self.presence()));
    }

    fn every_presence(self: &Rc<Self>) {
        let weak = Rc::downgrade(self);
        let id = crate::browser::after_ms(PRESENCE_MS, move || {
            if let Some(service) = weak.upgrade() {
                let now = crate::browser::now_ms();
                service
                    .people
                    .borrow_mut()
                    .retain(|_, (_, seen)| now - *seen < GONE_MS);
                if service.relay().is_some_and(|r| r.is_online()) {
                    service.say_presence();
                    // A message lost while the socket seemed open (a Wi-Fi that drops frames
                    // without closing) is found again: every other beat each device says what
                    // it has, and the answer carries what it lacks, and back.
                    if service.beats.replace(service.beats.get() + 1) % 2 == 1 {
                        service.say_hello();
                    }
                }
                service.show();
                service.every_presence();
            }
        });
        self.presence_timer.set(id);
    }

    /// Brings what the views show in line with the room.
    fn show(&self) {
        let me = self.presence();
        let mut people: Vec<Person> = vec![Person {
            id: self.me,
            name: me.name,
            facilitator: self.record.facilitator,
            me: true,
            selection: None,
        }];
        let mut others: Vec<Person> = self
            .people
            .borrow()
            .iter()
            .map(|(id, (p, _))| Person {
                id: *id,
                name: p.name.clone(),
                facilitator: p.facilitator,
                me: false,
                selection: p.selection.clone(),
            })
            .collect();
        others
            .sort_by(|a, b| (!a.facilitator, &a.name, a.id).cmp(&(!b.facilitator, &b.name, b.id)));
        people.extend(others);
        let relay = self.relay();
        let shown = Shown {
            facilitator: self.record.facilitator,
            link: self.link(),
            relay: self.record.relay.clone(),
            online: relay.is_some_and(|r| r.is_online()),
            waiting: self.last.borrow().is_none(),
            people,
            rules: self.room.rules(),
        };
        if self
            .slot
            .shown
            .with_untracked(|s| s.as_ref() != Some(&shown))
        {
            self.slot.shown.set(Some(shown));
        }
    }

    fn link(&self) -> String {
        let mut link = format!(
            "{}{}{}.{}",
            crate::browser::page_address(),
            super::PREFIX,
            self.record.id,
            self.record.key
        );
        if self.slot.page_relay().as_deref() != Some(self.record.relay.as_str()) {
            let relay = String::from(js_sys::encode_uri_component(&self.record.relay));
            link.push_str(&format!("&relay={relay}"));
        }
        link
    }

    fn ended(self: &Rc<Self>) {
        self.forget();
        self.slot
            .notices
            .notify(Severity::Info, Message::RoomEnded, vec![]);
        self.slot.stop();
    }

    /// Disconnects, keeping the room for a later visit.
    fn close(&self) {
        if let Some(id) = self.listener.take() {
            self.slot.doc.unlisten(id);
        }
        if let (Some(id), Some(window)) = (self.presence_timer.take(), web_sys::window()) {
            window.clear_timeout_with_handle(id);
        }
        if let Some(relay) = self.relay.borrow_mut().take() {
            relay.close();
        }
    }
}

fn running(_: RoomSlot) -> Option<Rc<Service>> {
    RUNNING.with(|r| r.borrow().clone())
}

/// The facilitator's rules, to everyone.
pub fn set_rules(slot: RoomSlot, rules: Rules) {
    if let Some(service) = running(slot).filter(|s| s.record.facilitator) {
        let update = service.room.set_rules(rules);
        service.send(Wire::Update { update });
        service.show();
        service.save_soon();
    }
}

/// Ends the room for everyone; each keeps their copy.
pub fn end_room(slot: RoomSlot) {
    leave_with(slot, Wire::End);
}

/// A participant leaves; the map stays as an ordinary one.
pub fn leave_room(slot: RoomSlot) {
    leave_with(slot, Wire::Bye);
}

/// Says `last` to the room, forgets the room here and disconnects once it is out.
fn leave_with(slot: RoomSlot, last: Wire) {
    if let Some(service) = running(slot) {
        service.send(last);
        service.forget();
        // The message goes out before the socket closes: sealing is a promise away.
        let weak: Weak<Service> = Rc::downgrade(&service);
        crate::browser::after_ms(300, move || {
            if let Some(service) = weak.upgrade() {
                service.slot.stop();
            }
        });
        slot.shown.set(None);
        slot.dialog.set(false);
    }
}

/// The actor selected on this device, said at once.
pub fn set_selection(slot: RoomSlot, selection: Option<String>) {
    if let Some(service) = running(slot) {
        if service.selection.replace(selection.clone()) != selection {
            service.say_presence();
        }
    }
}

/// A new display name, said at once.
pub fn set_name(slot: RoomSlot, name: &str) {
    prefs::set(NAME_KEY, name.trim());
    if let Some(service) = running(slot) {
        service.say_presence();
        service.show();
    }
}

/// Moves the room to another relay (the link changes with it).
pub fn set_relay(slot: RoomSlot, address: &str) {
    let address = address.trim().to_owned();
    prefs::set(RELAY_KEY, &address);
    if let Some(service) = running(slot).filter(|s| s.record.relay != address) {
        let Some(map) = service.map.borrow().clone() else {
            return;
        };
        let mut record = service.record.clone();
        record.relay = address;
        let text = serde_json::to_string(&record).expect("a record serialises");
        prefs::set(&super::record_key(&map), &text);
        slot.stop();
        slot.run(Opening::Resume(map));
    }
}
