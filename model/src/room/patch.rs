//! Reading only what changed. A busy room sends an update every few milliseconds, and reading
//! a 2,000-actor document whole costs tens of milliseconds; so the document's deep observer
//! notes which records each transaction touched ([`Touched`]) and the next read takes the map
//! as last read, reads those records again and the map's own fields (few), and leaves the rest.

use super::shape::{self, record_json};
use crate::map::Map;
use serde::de::DeserializeOwned;
use std::collections::{BTreeMap, BTreeSet};
use yrs::types::{Event, Events, PathSegment};
use yrs::{Map as _, MapRef, Out, ReadTxn, TransactionMut};

/// The records transactions touched since the last read, by list path and key.
#[derive(Debug, Default)]
pub struct Touched {
    records: BTreeMap<&'static str, BTreeSet<String>>,
    /// Lists whose container itself changed: read record by record, all of them.
    lists: BTreeSet<&'static str>,
}

impl Touched {
    /// Notes what one transaction's events touched (paths are relative to the map's root).
    pub fn note(&mut self, txn: &TransactionMut, events: &Events) {
        for event in events.iter() {
            let Event::Map(event) = event else { continue };
            let path: Vec<String> = event
                .path()
                .iter()
                .filter_map(|segment| match segment {
                    PathSegment::Key(key) => Some(key.to_string()),
                    PathSegment::Index(_) => None,
                })
                .collect();
            let joined = path.join(".");
            if let Some(list) = shape::list_path(&joined) {
                // Records added to or removed from a list.
                let keys = event.keys(txn).keys().map(|k| k.to_string());
                self.records.entry(list).or_default().extend(keys);
            } else if let Some((parent, key)) = joined.rsplit_once('.') {
                // A record's own fields.
                if let Some(list) = shape::list_path(parent) {
                    self.records.entry(list).or_default().insert(key.to_owned());
                }
            } else {
                // The root's or the council's fields: a list's container among them is read
                // again whole (the map's own fields are read on every read anyway).
                for key in event.keys(txn).keys() {
                    if let Some(list) = shape::list_path(&shape::join(&joined, key)) {
                        self.lists.insert(list);
                    }
                }
            }
        }
    }
}

/// Why a patch could not be made; the whole document is read instead.
pub struct Unpatchable;

/// Fills `into` (the map's own fields, read from the document, with no records) with the
/// records of `base` (the map as last read, before settling), every record in `touched` read
/// again from the document, in its place.
pub fn patch<T: ReadTxn>(
    txn: &T,
    root: &MapRef,
    touched: &Touched,
    base: Map,
    into: &mut Map,
) -> Result<(), Unpatchable> {
    into.sectors = base.sectors;
    into.actors = base.actors;
    into.relations = base.relations;
    into.assessments = base.assessments;
    into.interactions = base.interactions;
    into.council.members = base.council.members;
    into.council.meetings = base.council.meetings;
    into.council.goals = base.council.goals;
    into.council.actions = base.council.actions;
    let lists = touched
        .records
        .keys()
        .chain(&touched.lists)
        .collect::<BTreeSet<_>>();
    for &list in lists {
        let stored = shape::list_ref(txn, root, list);
        let mut keys = touched.records.get(list).cloned().unwrap_or_default();
        if touched.lists.contains(list) {
            keys.extend(stored.iter().flat_map(|s| s.keys(txn).map(str::to_owned)));
        }
        let key_field = shape::key_of(list).ok_or(Unpatchable)?;
        let reader = Reader {
            txn,
            list: stored.as_ref(),
            key_field,
            keys: &keys,
        };
        let council = &mut into.council;
        match list {
            "sectors" => reader.patch(&mut into.sectors, |r| r.id.as_str()),
            "actors" => reader.patch(&mut into.actors, |r| r.id.as_str()),
            "relations" => reader.patch(&mut into.relations, |r| r.id.as_str()),
            "assessments" => reader.patch(&mut into.assessments, |r| r.id.as_str()),
            "interactions" => reader.patch(&mut into.interactions, |r| r.id.as_str()),
            "council.meetings" => reader.patch(&mut council.meetings, |r| r.id.as_str()),
            "council.goals" => reader.patch(&mut council.goals, |r| r.id.as_str()),
            "council.actions" => reader.patch(&mut council.actions, |r| r.id.as_str()),
            "council.members" => reader.patch(&mut council.members, |r| r.actor.as_str()),
            _ => Err(Unpatchable),
        }?;
    }
    for actor in &mut into.actors {
        actor.repair_position();
    }
    Ok(())
}

/// Reads records of one list of the document into the same list of a map.
struct Reader<'a, T: ReadTxn> {
    txn: &'a T,
    list: Option<&'a MapRef>,
    key_field: &'static str,
    keys: &'a BTreeSet<String>,
}

impl<T: ReadTxn> Reader<'_, T> {
    fn order(&self, key: &str) -> f64 {
        match self.list.and_then(|l| l.get(self.txn, key)) {
            Some(Out::YMap(record)) => shape::order(self.txn, &record).unwrap_or(0.0),
            _ => 0.0,
        }
    }

    /// Takes out every touched record, then puts back those the document still holds, each
    /// where its place number sorts it (ties by key, as a whole read sorts them).
    fn patch<R: DeserializeOwned>(
        &self,
        records: &mut Vec<R>,
        key: impl Fn(&R) -> &str,
    ) -> Result<(), Unpatchable> {
        records.retain(|r| !self.keys.contains(key(r)));
        for touched in self.keys {
            let Some(json) = self
                .list
                .and_then(|l| record_json(self.txn, l, touched, self.key_field))
            else {
                continue;
            };
            let record: R = serde_json::from_value(json).map_err(|_| Unpatchable)?;
            let place = self.order(touched);
            let at = records.partition_point(|r| {
                let k = key(r);
                self.order(k)
                    .total_cmp(&place)
                    .then_with(|| k.cmp(touched))
                    .is_lt()
            });
            records.insert(at, record);
        }
        Ok(())
    }
}
