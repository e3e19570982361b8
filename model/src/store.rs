//! The storage rules, over any key-value store (the browser's local storage in the app,
//! `MemoryStore` in tests and when local storage is missing). Keys all start with
//! `samverkan.`. A value that cannot be read is moved to a backup key, never written over;
//! a save never overwrites a newer revision written by another tab.

use crate::ids::MapId;
use crate::io::{read_document, write_compact, Document};
use crate::map::Map;
use crate::sort::sort_by;
use crate::validate::Problem;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

pub const PREFIX: &str = "samverkan.";
pub const MAP_PREFIX: &str = "samverkan.map.";
pub const BACKUP_PREFIX: &str = "samverkan.backup.";
/// The order of the maps in the list; the maps themselves are the truth.
pub const INDEX_KEY: &str = "samverkan.index";
/// Characters (UTF-16 code units of keys and values) Chromium allows per origin.
pub const QUOTA_CHARS: u64 = 5_242_880;
/// Usage share at which the user is warned.
pub const WARN_SHARE: f64 = 0.8;

/// Why the store refused.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum StoreError {
    /// The quota is full.
    Quota,
    /// No storage at all (private mode, disabled, blocked).
    Unavailable(String),
    /// Anything else the store threw.
    Other(String),
}

/// A string key-value store such as the browser's local storage.
pub trait KeyValueStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError>;
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError>;
    fn remove(&mut self, key: &str) -> Result<(), StoreError>;
    fn keys(&self) -> Result<Vec<String>, StoreError>;
}

/// An in-memory store with an optional capacity in characters, counted like Chromium.
#[derive(Clone, Debug, Default)]
pub struct MemoryStore {
    pub entries: BTreeMap<String, String>,
    pub capacity: Option<u64>,
}

fn chars(text: &str) -> u64 {
    text.encode_utf16().count() as u64
}

impl KeyValueStore for MemoryStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        Ok(self.entries.get(key).cloned())
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        if let Some(capacity) = self.capacity {
            let others: u64 = self
                .entries
                .iter()
                .filter(|(k, _)| *k != key)
                .map(|(k, v)| chars(k) + chars(v))
                .sum();
            if others + chars(key) + chars(value) > capacity {
                return Err(StoreError::Quota);
            }
        }
        self.entries.insert(key.to_owned(), value.to_owned());
        Ok(())
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.entries.remove(key);
        Ok(())
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        Ok(self.entries.keys().cloned().collect())
    }
}

/// The key a map is stored under.
pub fn map_key(id: &MapId) -> String {
    format!("{MAP_PREFIX}{id}")
}

/// A map read from the store, with the revision it was saved at.
#[derive(Clone, Debug, PartialEq)]
pub struct StoredMap {
    pub map: Map,
    pub revision: u64,
}

/// A stored value that could not be read, and where it was kept.
#[derive(Clone, Debug, PartialEq)]
pub struct Unreadable {
    pub key: String,
    /// The backup key now holding the raw value; None when the backup could not be
    /// written, in which case the value was left untouched under its own key.
    pub backup_key: Option<String>,
    pub problems: Vec<Problem>,
}

/// Everything found at start-up.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct LoadReport {
    pub maps: Vec<StoredMap>,
    pub unreadable: Vec<Unreadable>,
    pub repaired_positions: usize,
}

#[derive(Default, Serialize, Deserialize)]
struct Index {
    maps: Vec<MapId>,
}

fn read_index(store: &impl KeyValueStore) -> Index {
    store
        .get(INDEX_KEY)
        .ok()
        .flatten()
        .and_then(|text| serde_json::from_str(&text).ok())
        .unwrap_or_default()
}

fn write_index(store: &mut impl KeyValueStore, index: &Index) -> Result<(), StoreError> {
    store.set(
        INDEX_KEY,
        &serde_json::to_string(index).expect("ids serialise"),
    )
}

/// Reads every stored map. Unreadable values are moved to `samverkan.backup.<stamp>.<key>`
/// (the stamp keeps backups of different days apart) and reported; the rest still load.
pub fn load_all(store: &mut impl KeyValueStore, stamp: &str) -> Result<LoadReport, StoreError> {
    let mut report = LoadReport::default();
    for key in store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(MAP_PREFIX))
    {
        let Some(text) = store.get(&key)? else {
            continue;
        };
        match read_document(&text) {
            Ok(loaded) => {
                report.repaired_positions += loaded.repaired_positions;
                report.maps.push(StoredMap {
                    map: loaded.document.map,
                    revision: loaded.document.revision,
                });
            }
            Err(problems) => {
                let backup = format!("{BACKUP_PREFIX}{stamp}.{}", &key[PREFIX.len()..]);
                let moved = store.set(&backup, &text).is_ok() && store.remove(&key).is_ok();
                report.unreadable.push(Unreadable {
                    key,
                    backup_key: moved.then_some(backup),
                    problems,
                });
            }
        }
    }
    let order = read_index(store).maps;
    let rank = |id: &MapId| order.iter().position(|o| o == id).unwrap_or(usize::MAX);
    sort_by(&mut report.maps, |a, b| {
        rank(&a.map.id)
            .cmp(&rank(&b.map.id))
            .then(b.map.updated_at.cmp(&a.map.updated_at))
    });
    Ok(report)
}

/// Why a save did not happen.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SaveError {
    /// Another tab saved a newer revision; nothing was written.
    Conflict { stored_revision: u64 },
    /// The store refused the write.
    Store(StoreError),
    /// The write seemed to succeed but reading it back gave something else.
    NotReadBack,
}

impl From<StoreError> for SaveError {
    fn from(error: StoreError) -> Self {
        SaveError::Store(error)
    }
}

#[derive(Deserialize)]
struct RevisionOnly {
    #[serde(default)]
    revision: u64,
}

/// The revision stored for a map, without reading the whole map; None if absent or unreadable.
pub fn stored_revision(store: &impl KeyValueStore, id: &MapId) -> Result<Option<u64>, StoreError> {
    Ok(store.get(&map_key(id))?.as_deref().and_then(saved_revision))
}

/// The revision of a text this app saved: read from the fields before `"map"` (where
/// [`save_map`] writes it), so a 600 KB map is not parsed to learn one number; any other
/// text is read whole. Only for texts this app wrote and keeps: the head alone cannot tell
/// a whole text from a cut one.
pub fn saved_revision(text: &str) -> Option<u64> {
    // `,"map":` cannot stand inside a JSON string (its quotes would be escaped), and the
    // head closed with one brace only parses when the key is the outermost object's. A
    // saved text's revision is 1 or more: 0 means it was not in the head.
    let head = text
        .find(",\"map\":")
        .and_then(|end| serde_json::from_str::<RevisionOnly>(&format!("{}}}", &text[..end])).ok());
    match head {
        Some(RevisionOnly { revision }) if revision > 0 => Some(revision),
        _ => revision_of(text),
    }
}

/// The revision a stored map's text carries; None when it is unreadable.
pub fn revision_of(text: &str) -> Option<u64> {
    serde_json::from_str::<RevisionOnly>(text)
        .ok()
        .map(|r| r.revision)
}

/// Saves `map` on top of `base_revision` (the revision this tab last loaded or saved) and
/// returns the new revision. Refuses when the store holds a newer revision, and reads the
/// value back to make sure it landed.
pub fn save_map(
    store: &mut impl KeyValueStore,
    map: &Map,
    base_revision: u64,
) -> Result<u64, SaveError> {
    if let Some(stored) = stored_revision(store, &map.id)? {
        if stored > base_revision {
            return Err(SaveError::Conflict {
                stored_revision: stored,
            });
        }
    }
    let revision = base_revision + 1;
    let text = write_compact(&Document::new(map.clone(), revision));
    let key = map_key(&map.id);
    store.set(&key, &text)?;
    if store.get(&key)?.as_deref() != Some(text.as_str()) {
        return Err(SaveError::NotReadBack);
    }
    let mut index = read_index(store);
    if !index.maps.contains(&map.id) {
        index.maps.push(map.id.clone());
        write_index(store, &index)?;
    }
    Ok(revision)
}

/// Removes a map and its place in the index.
pub fn delete_map(store: &mut impl KeyValueStore, id: &MapId) -> Result<(), StoreError> {
    store.remove(&map_key(id))?;
    let mut index = read_index(store);
    index.maps.retain(|m| m != id);
    write_index(store, &index)
}

/// Backup keys with their raw values, for the user to download.
pub fn backups(store: &impl KeyValueStore) -> Result<Vec<(String, String)>, StoreError> {
    let mut found = Vec::new();
    for key in store
        .keys()?
        .into_iter()
        .filter(|k| k.starts_with(BACKUP_PREFIX))
    {
        if let Some(value) = store.get(&key)? {
            found.push((key, value));
        }
    }
    Ok(found)
}

/// Characters used by the whole origin, counted as Chromium counts against its quota.
pub fn usage_chars(store: &impl KeyValueStore) -> Result<u64, StoreError> {
    let mut total = 0;
    for key in store.keys()? {
        total += chars(&key) + store.get(&key)?.map(|v| chars(&v)).unwrap_or(0);
    }
    Ok(total)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;

    #[test]
    fn a_saved_map_loads_back_equal() {
        let mut store = MemoryStore::default();
        let map = sample_map();
        assert_eq!(save_map(&mut store, &map, 0), Ok(1));
        assert_eq!(save_map(&mut store, &map, 1), Ok(2));
        let report = load_all(&mut store, "t").unwrap();
        assert_eq!(report.maps, vec![StoredMap { map, revision: 2 }]);
        assert!(report.unreadable.is_empty());
    }

    #[test]
    fn a_saved_revision_is_read_from_the_head_and_other_orders_from_the_whole() {
        let mut store = MemoryStore::default();
        let map = sample_map();
        save_map(&mut store, &map, 6).unwrap();
        let saved = store.get(&map_key(&map.id)).unwrap().unwrap();
        assert_eq!(saved_revision(&saved), Some(7));
        assert_eq!(saved_revision(&saved), revision_of(&saved));
        // Only the head is read: what follows `"map":` is not looked at.
        let cut = r#"{"format":"samverkan","version":1,"revision":3,"map":{"id":"#;
        assert_eq!((saved_revision(cut), revision_of(cut)), (Some(3), None));
        // The head alone does not carry it: the map first, or a nested "map" key first.
        let later =
            r#"{"format":"samverkan","version":1,"map":{"x":{"a":1,"map":2}},"revision":5}"#;
        assert_eq!(saved_revision(later), Some(5));
        let nested = r#"{"format":"samverkan","other":{"a":1,"map":2},"revision":4,"map":{}}"#;
        assert_eq!(saved_revision(nested), Some(4));
        assert_eq!(
            saved_revision(r#"{"format":"samverkan","version":1,"map":{}}"#),
            Some(0)
        );
        assert_eq!(saved_revision("not json"), None);
    }

    #[test]
    fn an_unreadable_value_is_moved_to_a_backup_and_the_others_still_load() {
        let mut store = MemoryStore::default();
        let map = sample_map();
        save_map(&mut store, &map, 0).unwrap();
        let truncated = r#"{"format":"samverkan","version":1,"map":{"id":"x","#;
        store.set("samverkan.map.x", truncated).unwrap();
        let report = load_all(&mut store, "20261122").unwrap();
        assert_eq!(report.maps.len(), 1);
        assert_eq!(report.unreadable.len(), 1);
        let bad = &report.unreadable[0];
        assert_eq!(bad.key, "samverkan.map.x");
        assert_eq!(
            bad.backup_key.as_deref(),
            Some("samverkan.backup.20261122.map.x")
        );
        assert_eq!(
            store
                .get("samverkan.backup.20261122.map.x")
                .unwrap()
                .as_deref(),
            Some(truncated)
        );
        assert_eq!(store.get("samverkan.map.x").unwrap(), None);
        assert_eq!(
            backups(&store).unwrap(),
            vec![(
                "samverkan.backup.20261122.map.x".to_owned(),
                truncated.to_owned()
            )]
        );
    }

    #[test]
    fn a_value_that_cannot_be_backed_up_is_left_in_place() {
        let mut store = MemoryStore::default();
        store.set("samverkan.map.x", "not json at all").unwrap();
        store.capacity = Some(10);
        let report = load_all(&mut store, "t").unwrap();
        assert_eq!(report.unreadable[0].backup_key, None);
        assert_eq!(
            store.get("samverkan.map.x").unwrap().as_deref(),
            Some("not json at all")
        );
    }

    #[test]
    fn unknown_enum_values_and_newer_versions_are_unreadable() {
        let mut store = MemoryStore::default();
        let map = sample_map();
        let good = write_compact(&Document::new(map, 1));
        store
            .set(
                "samverkan.map.a",
                &good.replace("\"organisation\"", "\"alien\""),
            )
            .unwrap();
        store
            .set(
                "samverkan.map.b",
                &good.replace("\"version\":1", "\"version\":7"),
            )
            .unwrap();
        let report = load_all(&mut store, "t").unwrap();
        assert!(report.maps.is_empty());
        let reasons: Vec<String> = report
            .unreadable
            .iter()
            .map(|u| u.problems[0].to_string())
            .collect();
        assert!(
            matches!(
                &report.unreadable[0].problems[0].reason,
                crate::validate::Reason::UnknownValue { value, .. } if value == "alien"
            ),
            "{reasons:?}"
        );
        assert!(
            reasons[0].starts_with("map.actors[0].kind: "),
            "{reasons:?}"
        );
        assert!(reasons[1].contains("newer Samverkan"), "{reasons:?}");
    }

    #[test]
    fn a_stale_tab_cannot_overwrite_a_newer_revision() {
        let mut store = MemoryStore::default();
        let map = sample_map();
        save_map(&mut store, &map, 0).unwrap();
        save_map(&mut store, &map, 1).unwrap(); // the other tab, now at 2
        let mut mine = map.clone();
        mine.title = "stale edit".into();
        assert_eq!(
            save_map(&mut store, &mine, 1),
            Err(SaveError::Conflict { stored_revision: 2 })
        );
        let report = load_all(&mut store, "t").unwrap();
        assert_eq!(report.maps[0].map.title, map.title);
    }

    #[test]
    fn a_full_store_reports_quota_and_keeps_the_old_value() {
        let mut store = MemoryStore::default();
        let mut map = sample_map();
        save_map(&mut store, &map, 0).unwrap();
        store.capacity = Some(usage_chars(&store).unwrap() + 10);
        map.description = "x".repeat(1000);
        assert_eq!(
            save_map(&mut store, &map, 1),
            Err(SaveError::Store(StoreError::Quota))
        );
        let report = load_all(&mut store, "t").unwrap();
        assert_eq!(report.maps[0].revision, 1);
        assert_eq!(report.maps[0].map.description, "");
    }

    #[test]
    fn delete_removes_the_map_and_its_index_entry() {
        let mut store = MemoryStore::default();
        let map = sample_map();
        save_map(&mut store, &map, 0).unwrap();
        delete_map(&mut store, &map.id).unwrap();
        assert!(load_all(&mut store, "t").unwrap().maps.is_empty());
        assert_eq!(
            store.get(INDEX_KEY).unwrap().as_deref(),
            Some(r#"{"maps":[]}"#)
        );
    }

    #[test]
    fn usage_counts_utf16_code_units_of_keys_and_values() {
        let mut store = MemoryStore::default();
        store.set("k", "åäö😀").unwrap();
        assert_eq!(usage_chars(&store).unwrap(), 1 + 3 + 2);
    }
}
