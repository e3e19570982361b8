//! The maps in this browser: the list, and opening, creating, renaming, duplicating and
//! deleting them; what other tabs do to the list shows up here too.

use super::document::Doc;
use super::notices::Notices;
use super::saving::Saver;
use crate::browser;
use crate::i18n::Lang;
use crate::notice::{Message, NoticeAction, Severity};
use chrono::{Timelike, Utc};
use leptos::prelude::*;
use samverkan_model::io::read_document;
use samverkan_model::sector::default_sectors;
use samverkan_model::store::{self, map_key, KeyValueStore, StoreError};
use samverkan_model::{Map, MapId};

/// One line of the map list.
#[derive(Clone, Debug, PartialEq)]
pub struct MapSummary {
    pub id: MapId,
    pub title: String,
    pub actors: usize,
}

impl MapSummary {
    fn of(map: &Map) -> Self {
        Self {
            id: map.id.clone(),
            title: map.title.clone(),
            actors: map.actors.len(),
        }
    }
}

/// The map library, shared through context.
#[derive(Clone, Copy)]
pub struct Library {
    pub maps: RwSignal<Vec<MapSummary>>,
    last_deleted: StoredValue<Option<Map>, LocalStorage>,
    /// The latest change to any stored map, at start.
    pub ages: StoredValue<super::backup::Ages, LocalStorage>,
    doc: Doc,
    saver: Saver,
    notices: Notices,
    lang: RwSignal<Lang>,
}

pub fn use_library() -> Library {
    expect_context::<Library>()
}

impl Library {
    /// Loads every readable stored map (backing up the rest) and opens the first.
    pub fn start(doc: Doc, saver: Saver, notices: Notices, lang: RwSignal<Lang>) -> Self {
        let library = Self {
            maps: RwSignal::new(Vec::new()),
            last_deleted: StoredValue::new_local(None),
            ages: StoredValue::new_local(None),
            doc,
            saver,
            notices,
            lang,
        };
        // `20261206T201500`, written out (chrono's `format` is a parser's weight in the first load).
        let now = Utc::now().naive_utc();
        let stamp = format!(
            "{}T{:02}{:02}{:02}",
            now.date().to_string().replace('-', ""),
            now.hour(),
            now.minute(),
            now.second()
        );
        let report = if doc.is_read_only() {
            saver.with_store(|s| store::load_all(&mut ReadOnly(s), &stamp))
        } else {
            saver.update_store(|s| store::load_all(s, &stamp))
        };
        match report {
            Some(Ok(report)) => {
                for bad in &report.unreadable {
                    let problem = bad.problems.first().cloned().unwrap_or_else(|| {
                        samverkan_model::Problem::new("", samverkan_model::Reason::Empty)
                    });
                    let actions = bad
                        .backup_key
                        .iter()
                        .map(|k| NoticeAction::DownloadBackup(k.clone()))
                        .collect();
                    let message = Message::Unreadable {
                        problem,
                        backup_key: bad.backup_key.clone(),
                    };
                    notices.notify(Severity::Error, message, actions);
                }
                if report.repaired_positions > 0 {
                    let message = Message::PositionsRepaired(report.repaired_positions);
                    notices.notify(Severity::Info, message, vec![]);
                }
                for stored in &report.maps {
                    saver.note_revision(&stored.map.id, stored.revision);
                }
                let newest = report.maps.iter().map(|m| m.map.updated_at).max();
                library.ages.set_value(newest);
                library
                    .maps
                    .set(report.maps.iter().map(|m| MapSummary::of(&m.map)).collect());
                if let Some(first) = report.maps.into_iter().next() {
                    doc.load(Some(first.map));
                }
            }
            Some(Err(error)) => saver.store_failed(error),
            None => {}
        }
        // The open map's line follows every edit.
        doc.listen(move |_| library.sync_summary());
        saver.after_saving(false);
        library
    }

    fn sync_summary(&self) {
        let Some(summary) = self.doc.with_map(MapSummary::of) else {
            return;
        };
        self.maps
            .update(|maps| match maps.iter_mut().find(|m| m.id == summary.id) {
                Some(slot) if *slot != summary => *slot = summary,
                Some(_) => {}
                None => maps.push(summary),
            });
    }

    fn is_open(&self, id: &MapId) -> bool {
        self.doc.with_map(|m| &m.id == id).unwrap_or(false)
    }

    /// Opens another map, saving the open one first.
    pub fn open(&self, id: &MapId) {
        if self.is_open(id) {
            return;
        }
        self.saver.flush();
        self.saver.load(id);
    }

    /// Adds a map and opens it, saved in the next task (so it survives a reload, and a
    /// large import is not one long task).
    pub fn add_and_open(&self, map: Map) {
        self.saver.flush();
        self.saver.note_revision(&map.id, 0);
        self.saver.opened(true);
        self.doc.load(Some(map));
        self.sync_summary();
        self.saver.save_soon();
    }

    /// Creates an empty map with the default sectors, labelled in the UI language.
    pub fn new_map(&self) {
        self.add_and_open(self.blank_map(None));
    }

    /// A new, empty map with the default sectors in the UI language, titled `title` (or
    /// "Untitled map"); not stored until it is opened.
    pub fn blank_map(&self, title: Option<&str>) -> Map {
        let t = self.lang.get_untracked().texts();
        Map::new(
            browser::new_id().into(),
            title.unwrap_or(t.untitled_map),
            Utc::now(),
            default_sectors(|id| (t.sector_label)(id).to_owned()),
        )
    }

    /// Renames a map (opening it first).
    pub fn rename(&self, id: &MapId, title: &str) {
        self.open(id);
        if let Some(command) = self
            .doc
            .with_map(|m| samverkan_model::edit::rename_map(m, title))
            .flatten()
        {
            self.doc.dispatch(command);
        }
    }

    /// Copies a map under a new id and opens the copy.
    pub fn duplicate(&self, id: &MapId) {
        self.open(id);
        let Some(mut copy) = self.doc.snapshot() else {
            return;
        };
        copy.id = browser::new_id().into();
        copy.title = (self.lang.get_untracked().texts().copy_of)(&copy.title);
        copy.created_at = Utc::now();
        copy.updated_at = copy.created_at;
        self.add_and_open(copy);
    }

    /// Keeps the open map's unsaved state as a new map (after a conflict with another tab).
    pub fn keep_open_as_copy(&self) {
        let Some(mut mine) = self.doc.snapshot() else {
            return;
        };
        mine.id = browser::new_id().into();
        mine.title = (self.lang.get_untracked().texts().copy_of)(&mine.title);
        self.saver.resolve_conflict();
        self.add_and_open(mine);
        self.reload_list();
    }

    /// Deletes a map; the message offers to restore it.
    pub fn delete(&self, id: &MapId) {
        self.open(id);
        let Some(map) = self.doc.snapshot() else {
            return;
        };
        if let Some(Err(error)) = self.saver.update_store(|s| store::delete_map(s, id)) {
            self.saver.store_failed(error);
        }
        self.saver.forget(id);
        self.last_deleted.set_value(Some(map.clone()));
        self.maps.update(|maps| maps.retain(|m| &m.id != id));
        self.doc.load(None);
        let next = self
            .maps
            .with_untracked(|maps| maps.first().map(|m| m.id.clone()));
        if let Some(next) = next {
            self.saver.load(&next);
        }
        self.notices.notify(
            Severity::Info,
            Message::MapDeleted(map.title.clone()),
            vec![NoticeAction::RestoreDeletedMap],
        );
    }

    /// Brings back the map deleted last.
    pub fn restore_deleted(&self) {
        if let Some(map) = self.last_deleted.try_update_value(Option::take).flatten() {
            self.add_and_open(map);
        }
    }

    /// True when a map with this id is in the list.
    pub fn contains(&self, id: &MapId) -> bool {
        self.maps
            .with_untracked(|maps| maps.iter().any(|m| &m.id == id))
    }

    /// Every stored map's id, in list order.
    pub fn ids(&self) -> Vec<MapId> {
        self.maps
            .with_untracked(|maps| maps.iter().map(|m| m.id.clone()).collect())
    }

    /// Reads a stored map (not the open one).
    pub fn read_stored(&self, id: &MapId) -> Option<Map> {
        self.saver
            .with_store(|s| s.get(&map_key(id)).ok().flatten())
            .flatten()
            .and_then(|text| read_document(&text).ok())
            .map(|loaded| loaded.document.map)
    }

    /// Called when another tab wrote `key`, and when this tab regains focus (`key` None).
    pub fn follow_other_tabs(&self, key: Option<&str>) {
        match key {
            // One map changed: re-read only its line of the list, not every stored map
            // (another tab autosaves as often as every 300 ms).
            Some(k) if k.starts_with(store::MAP_PREFIX) => {
                self.refresh_summary(&MapId::from(&k[store::MAP_PREFIX.len()..]))
            }
            Some(k) if k != store::INDEX_KEY => return,
            // Focus regained, or maps added or removed elsewhere: anything may differ.
            _ => self.reload_list(),
        }
        let Some(id) = self.doc.with_map(|m| m.id.clone()) else {
            return;
        };
        if key.is_some_and(|k| k != map_key(&id)) {
            return;
        }
        if !self.saver.follow_other_tab(&id) {
            // Deleted in another tab: close it and drop its line here too.
            self.doc.load(None);
            self.maps.update(|maps| maps.retain(|m| m.id != id));
        }
    }

    /// Re-reads one map's line of the list after another tab wrote it.
    fn refresh_summary(&self, id: &MapId) {
        if self.is_open(id) {
            return;
        }
        let summary = self.read_stored(id).map(|m| MapSummary::of(&m));
        self.maps.update(
            |maps| match (maps.iter().position(|m| &m.id == id), summary) {
                (Some(i), Some(summary)) => maps[i] = summary,
                (None, Some(summary)) => maps.push(summary),
                (Some(i), None) => {
                    maps.remove(i);
                }
                (None, None) => {}
            },
        );
    }

    /// Re-reads the list of maps from storage, keeping the open map's own line.
    fn reload_list(&self) {
        let report = self
            .saver
            .with_store(|s| store::load_all(&mut ReadOnly(s), "unused").ok())
            .flatten();
        let Some(report) = report else {
            return;
        };
        let mut summaries: Vec<MapSummary> =
            report.maps.iter().map(|m| MapSummary::of(&m.map)).collect();
        if let Some(open) = self.doc.with_map(MapSummary::of) {
            match summaries.iter_mut().find(|m| m.id == open.id) {
                Some(slot) => *slot = open,
                None if self.saver.is_dirty() => summaries.push(open),
                None => {}
            }
        }
        self.maps.set(summaries);
    }
}

/// Lets `load_all` list maps without moving anything to backups (only start-up does that,
/// and never in a read-only window).
struct ReadOnly<'a, S>(&'a S);

impl<S: KeyValueStore> KeyValueStore for ReadOnly<'_, S> {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.0.get(key)
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Other("read only".into()))
    }
    fn remove(&mut self, _: &str) -> Result<(), StoreError> {
        Err(StoreError::Other("read only".into()))
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        self.0.keys()
    }
}

crate::later::later!(
    /// Follows what other tabs write: each save they announce, and everything stored when
    /// this tab comes back into view or focus. For the page's whole life.
    following_other_tabs(saver: Saver, library: Library) -> () => {
        saver.on_other_tab_write(move |key| library.follow_other_tabs(Some(key)));
        let back = move || {
            leptos::task::spawn_local(async move {
                saver.reread_all().await;
                library.follow_other_tabs(None);
            });
        };
        let shown = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Visible {
                back();
            }
        });
        let focus = window_event_listener(leptos::ev::focus, move |_| back());
        // Kept for the page's life, like the app itself.
        std::mem::forget((shown, focus));
    }
);
