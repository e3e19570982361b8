//! Room mode: the map as a `yrs` document (the Rust port of Yjs), so every device in a
//! workshop merges the same edits into the same map whatever order they arrive in.
//!
//! The Samverkan JSON file stays the format. The document is only the room's sync state: its
//! root holds the map's file fields, with every list of records (actors, relations, sectors,
//! meetings, goals, actions, council members, assessments, interactions) kept as a map keyed by
//! id and each record as a map of its fields, so two people editing different fields of one
//! actor both keep their edit. A local command is written as one transaction of the fields it
//! changed ([`Room::write`]); the map is read back through the same migrate → validate path as
//! a file, after dropping what a concurrent removal left dangling ([`settle`]).

mod patch;
mod settle;
mod shape;
pub mod wire;

pub use settle::{settle, Dropped};

use crate::io::{self, Document, Loaded};
use crate::map::Map;
use crate::validate::Problem;
use patch::Touched;
use std::cell::RefCell;
use std::rc::Rc;
use yrs::updates::decoder::Decode;
use yrs::{DeepObservable, Doc, Map as _, MapRef, ReadTxn, StateVector, Transact, Update};

/// The root map in the document; its fields are the `map` object of a Samverkan file.
const ROOT: &str = "map";
/// The room's rules, set by the facilitator, beside the map so late joiners get them too.
const RULES: &str = "rules";
/// The origin of a transaction that came from another device.
const REMOTE: &str = "remote";

/// Why bytes from the room could not be taken in.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum RoomError {
    /// Not a yrs update or state vector (corrupt, or from something else).
    Undecodable,
    /// A valid update the document refused to apply.
    Refused,
}

/// One device's copy of a room's map.
pub struct Room {
    doc: Doc,
    root: MapRef,
    rules: MapRef,
    /// What transactions touched since the last read, noted by the root's deep observer.
    touched: Rc<RefCell<Touched>>,
    /// The map as last read, before settling (a relation whose end has not arrived yet may
    /// be whole after the next update): what the next read patches. `None` until a read
    /// succeeds, and after one fails: then the next read reads the whole document.
    last_read: RefCell<Option<Map>>,
}

/// What participants may do; the facilitator may always do everything.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Rules {
    /// Participants are read-only.
    pub locked: bool,
    /// Participants may edit the council and the engagement log too, not only the map.
    pub edit_everything: bool,
}

/// The map read from the room, and what was dropped to keep it whole.
#[derive(Clone, Debug, PartialEq)]
pub struct Settled {
    pub map: Map,
    pub dropped: Dropped,
}

impl Room {
    /// An empty document for a device with this (random, per session) client id.
    pub fn new(client_id: u64) -> Self {
        let doc = Doc::with_client_id(client_id);
        let root = doc.get_or_insert_map(ROOT);
        let rules = doc.get_or_insert_map(RULES);
        let touched = Rc::new(RefCell::new(Touched::default()));
        let noted = Rc::clone(&touched);
        root.observe_deep(ROOT, move |txn, events| {
            noted.borrow_mut().note(txn, events)
        });
        Self {
            doc,
            root,
            rules,
            touched,
            last_read: RefCell::new(None),
        }
    }

    /// A document that holds `map`, for the device that opens the room.
    pub fn with_map(client_id: u64, map: &Map) -> Self {
        let room = Self::new(client_id);
        room.write(None, map);
        room
    }

    /// A document restored from [`Room::state`], with a fresh client id.
    pub fn restore(client_id: u64, state: &[u8]) -> Result<Self, RoomError> {
        let room = Self::new(client_id);
        room.apply(state)?;
        Ok(room)
    }

    /// Writes what changed from `before` (the map as last read or written; `None` for all of
    /// it) to `after` as one transaction. Returns the update to send, or `None` when nothing
    /// changed.
    pub fn write(&self, before: Option<&Map>, after: &Map) -> Option<Vec<u8>> {
        let before = before.map(|m| serde_json::to_value(m).expect("a map serialises"));
        let after = serde_json::to_value(after).expect("a map serialises");
        let mut txn = self.doc.transact_mut();
        shape::write(&mut txn, &self.root, before.as_ref(), &after);
        let update = txn.encode_update_v1();
        // An empty update is 2 bytes (no structs, no deletions).
        (update.len() > 2).then_some(update)
    }

    /// The room's rules as the document holds them.
    pub fn rules(&self) -> Rules {
        let txn = self.doc.transact();
        let flag = |name: &str| {
            matches!(
                self.rules.get(&txn, name),
                Some(yrs::Out::Any(yrs::Any::Bool(true)))
            )
        };
        Rules {
            locked: flag("locked"),
            edit_everything: flag("edit_everything"),
        }
    }

    /// Sets the rules; returns the update to send.
    pub fn set_rules(&self, rules: Rules) -> Vec<u8> {
        let mut txn = self.doc.transact_mut();
        self.rules.insert(&mut txn, "locked", rules.locked);
        self.rules
            .insert(&mut txn, "edit_everything", rules.edit_everything);
        txn.encode_update_v1()
    }

    /// True until the document holds a map (a participant before the first sync).
    pub fn is_empty(&self) -> bool {
        self.root.len(&self.doc.transact()) == 0
    }

    /// The map as the document holds it, settled and validated like a file. After the first
    /// read only the records changed since the last one are read again (the map's own fields
    /// go through the file's read path, the records through the file's record types); the
    /// whole map is settled and validated every time.
    pub fn read(&self) -> Result<Settled, Vec<Problem>> {
        let touched = std::mem::take(&mut *self.touched.borrow_mut());
        let last = self.last_read.borrow_mut().take();
        let txn = self.doc.transact();
        let patched = last.and_then(|last| {
            let shell = shape::read_shell(&txn, &self.root);
            let mut loaded = io::read_value(file_of(shell)).ok()?;
            if loaded.document.map.id != last.id {
                return None;
            }
            patch::patch(&txn, &self.root, &touched, last, &mut loaded.document.map).ok()?;
            Some(loaded)
        });
        let loaded = match patched {
            Some(loaded) => loaded,
            None => self.loaded_whole(&txn)?,
        };
        drop(txn);
        *self.last_read.borrow_mut() = Some(loaded.document.map.clone());
        settled(loaded)
    }

    /// The map as the document holds it, read whole: what [`Room::read`] must always give.
    pub fn read_whole(&self) -> Result<Settled, Vec<Problem>> {
        self.loaded_whole(&self.doc.transact()).and_then(settled)
    }

    /// The whole document through the file's read path, not yet settled.
    fn loaded_whole<T: ReadTxn>(&self, txn: &T) -> Result<Loaded, Vec<Problem>> {
        io::read_value(file_of(shape::read(txn, &self.root)))
    }

    /// Applies an update from another device (or a stored state). Duplicates and updates
    /// that arrive before the ones they build on are fine: yrs keeps them until they fit.
    pub fn apply(&self, update: &[u8]) -> Result<(), RoomError> {
        let update = Update::decode_v1(update).map_err(|_| RoomError::Undecodable)?;
        self.doc
            .transact_mut_with(REMOTE)
            .apply_update(update)
            .map_err(|_| RoomError::Refused)
    }

    /// What this device has, to ask others for the rest.
    pub fn state_vector(&self) -> Vec<u8> {
        use yrs::updates::encoder::Encode;
        self.doc.transact().state_vector().encode_v1()
    }

    /// Everything this device has that a device with `state_vector` lacks.
    pub fn missing(&self, state_vector: &[u8]) -> Result<Vec<u8>, RoomError> {
        let vector = StateVector::decode_v1(state_vector).map_err(|_| RoomError::Undecodable)?;
        Ok(self.doc.transact().encode_state_as_update_v1(&vector))
    }

    /// The whole document, to keep beside the map and restore after a reload.
    pub fn state(&self) -> Vec<u8> {
        self.doc
            .transact()
            .encode_state_as_update_v1(&StateVector::default())
    }
}

/// A file around a `map` object, for the file's read path.
fn file_of(map: serde_json::Value) -> serde_json::Value {
    serde_json::json!({
        "format": io::FORMAT,
        "version": io::CURRENT_VERSION,
        "map": map,
    })
}

/// The map settled and validated like a file.
fn settled(mut loaded: Loaded) -> Result<Settled, Vec<Problem>> {
    let dropped = settle(&mut loaded.document.map);
    let Loaded { document, .. } = io::checked(loaded)?;
    let Document { map, .. } = document;
    Ok(Settled { map, dropped })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;

    #[test]
    fn a_map_reads_back_as_written() {
        let map = sample_map();
        let room = Room::with_map(1, &map);
        assert_eq!(room.read().unwrap().map, map);
        let copy = Room::restore(2, &room.state()).unwrap();
        assert_eq!(copy.read().unwrap().map, map);
    }

    #[test]
    fn two_edits_of_different_fields_of_one_actor_both_stay() {
        let map = sample_map();
        let (a, b) = (Room::with_map(1, &map), Room::new(2));
        b.apply(&a.state()).unwrap();
        let mut named = map.clone();
        named.actors[0].name = "Nytt namn".into();
        let mut rated = map.clone();
        rated.actors[0].influence = Some(5);
        let from_a = a.write(Some(&map), &named).unwrap();
        let from_b = b.write(Some(&map), &rated).unwrap();
        a.apply(&from_b).unwrap();
        b.apply(&from_a).unwrap();
        for room in [&a, &b] {
            let actor = &room.read().unwrap().map.actors[0];
            assert_eq!(
                (actor.name.as_str(), actor.influence),
                ("Nytt namn", Some(5))
            );
        }
    }

    #[test]
    fn nothing_changed_sends_nothing_and_garbage_is_refused() {
        let map = sample_map();
        let room = Room::with_map(1, &map);
        assert_eq!(room.write(Some(&map), &map), None);
        assert_eq!(room.apply(b"\xff\xff\xff"), Err(RoomError::Undecodable));
        assert!(Room::new(3).is_empty() && !room.is_empty());
    }
}
