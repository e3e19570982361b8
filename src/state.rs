//! App state: the signals views read, and the one way to change the open map (`edit`),
//! which records undo history and schedules the autosave. No view writes to storage.

use crate::browser;
use crate::i18n::Lang;
use crate::notice::{Message, Notice, NoticeAction, Severity};
use crate::storage::{request_persistence, Backend};
use chrono::Utc;
use leptos::prelude::*;
use samverkan_model::history::History;
use samverkan_model::io::collection::{read_any, write_collection};
use samverkan_model::io::{read_document, write_pretty, Document};
use samverkan_model::sector::default_sectors;
use samverkan_model::store::{self, map_key, KeyValueStore, SaveError, QUOTA_CHARS, WARN_SHARE};
use samverkan_model::{Map, MapId};
use std::collections::HashMap;
use std::time::Duration;

/// How long typing may go on before the map is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

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

/// Whether the open map's last change is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed,
}

/// What the tab keeps outside the reactive graph.
struct Session {
    store: Backend,
    /// The revision of each map as this tab last read or wrote it.
    revisions: HashMap<MapId, u64>,
    history: History,
    save_generation: u64,
    dirty: bool,
    /// Another tab saved the open map while this one had unsaved changes.
    conflict: bool,
    asked_persistence: bool,
    next_notice: u64,
    last_deleted: Option<Map>,
    pending_import: Option<Map>,
}

/// The app's state, shared through context. `Copy`: it holds only handles.
#[derive(Clone, Copy)]
pub struct AppState {
    pub lang: RwSignal<Lang>,
    pub maps: RwSignal<Vec<MapSummary>>,
    pub current: RwSignal<Option<Map>>,
    pub notices: RwSignal<Vec<Notice>>,
    pub save_status: RwSignal<SaveStatus>,
    pub can_undo: RwSignal<bool>,
    pub can_redo: RwSignal<bool>,
    /// Share of the origin's storage quota in use; None when working in memory.
    pub usage: RwSignal<Option<f64>>,
    session: StoredValue<Session, LocalStorage>,
}

/// The state of the app in this component tree.
pub fn use_app_state() -> AppState {
    expect_context::<AppState>()
}

impl AppState {
    /// Opens storage, loads every readable map (backing up the rest) and opens the first.
    pub fn start(lang: Lang) -> AppState {
        let (mut backend, unavailable) = Backend::open();
        let report = store::load_all(
            &mut backend,
            &Utc::now().format("%Y%m%dT%H%M%S").to_string(),
        );
        let state = AppState {
            lang: RwSignal::new(lang),
            maps: RwSignal::new(Vec::new()),
            current: RwSignal::new(None),
            notices: RwSignal::new(Vec::new()),
            save_status: RwSignal::new(SaveStatus::Saved),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            usage: RwSignal::new(None),
            session: StoredValue::new_local(Session {
                store: backend,
                revisions: HashMap::new(),
                history: History::default(),
                save_generation: 0,
                dirty: false,
                conflict: false,
                asked_persistence: false,
                next_notice: 0,
                last_deleted: None,
                pending_import: None,
            }),
        };
        if unavailable.is_some() {
            state.notify(Severity::Warning, Message::StorageUnavailable, vec![]);
        }
        match report {
            Ok(report) => {
                for bad in &report.unreadable {
                    let problem = bad.problems.first().cloned().unwrap_or_else(|| {
                        samverkan_model::Problem::new("", samverkan_model::Reason::Empty)
                    });
                    let actions = bad
                        .backup_key
                        .iter()
                        .map(|k| NoticeAction::DownloadBackup(k.clone()))
                        .collect();
                    state.notify(
                        Severity::Error,
                        Message::Unreadable {
                            problem,
                            backup_key: bad.backup_key.clone(),
                        },
                        actions,
                    );
                }
                if report.repaired_positions > 0 {
                    state.notify(
                        Severity::Info,
                        Message::PositionsRepaired(report.repaired_positions),
                        vec![],
                    );
                }
                state.session.update_value(|s| {
                    s.revisions = report
                        .maps
                        .iter()
                        .map(|m| (m.map.id.clone(), m.revision))
                        .collect();
                });
                state
                    .maps
                    .set(report.maps.iter().map(|m| MapSummary::of(&m.map)).collect());
                if let Some(first) = report.maps.into_iter().next() {
                    state.current.set(Some(first.map));
                }
            }
            Err(error) => {
                state.notify(Severity::Error, Message::SaveFailed(error), vec![]);
            }
        }
        state.refresh_usage();
        state
    }

    /// Shows a message; returns its id.
    pub fn notify(&self, severity: Severity, message: Message, actions: Vec<NoticeAction>) -> u64 {
        let id = self.session.try_update_value(|s| {
            s.next_notice += 1;
            s.next_notice
        });
        let id = id.unwrap_or_default();
        self.notices.update(|list| {
            list.retain(|n| n.message != message);
            list.push(Notice {
                id,
                severity,
                message,
                actions,
            });
        });
        id
    }

    pub fn dismiss(&self, id: u64) {
        self.notices.update(|list| list.retain(|n| n.id != id));
    }

    fn dismiss_where(&self, keep: impl Fn(&Notice) -> bool) {
        self.notices.update(|list| list.retain(|n| keep(n)));
    }

    /// Applies a change to the open map as one undo step (steps with the same
    /// `merge_key` fold into one) and schedules the autosave.
    pub fn edit(&self, merge_key: Option<&str>, change: impl FnOnce(&mut Map)) {
        let mut changed = false;
        self.current.update(|current| {
            let Some(map) = current else { return };
            let before = map.clone();
            change(map);
            if *map != before {
                map.updated_at = Utc::now();
                self.session
                    .update_value(|s| s.history.record(before, merge_key));
                changed = true;
            }
        });
        if changed {
            self.after_change();
        }
    }

    fn after_change(&self) {
        self.session.update_value(|s| s.dirty = true);
        self.sync_history_flags();
        self.sync_summary();
        self.schedule_save();
    }

    fn sync_history_flags(&self) {
        let (undo, redo) = self
            .session
            .with_value(|s| (s.history.can_undo(), s.history.can_redo()));
        self.can_undo.set(undo);
        self.can_redo.set(redo);
    }

    fn sync_summary(&self) {
        let Some(summary) = self
            .current
            .with_untracked(|c| c.as_ref().map(MapSummary::of))
        else {
            return;
        };
        self.maps
            .update(|maps| match maps.iter_mut().find(|m| m.id == summary.id) {
                Some(slot) if *slot != summary => *slot = summary,
                Some(_) => {}
                None => maps.push(summary),
            });
    }

    pub fn undo(&self) {
        self.travel(|history, map| history.undo(map));
    }

    pub fn redo(&self) {
        self.travel(|history, map| history.redo(map));
    }

    fn travel(&self, step: impl FnOnce(&mut History, Map) -> Option<Map>) {
        let Some(map) = self.current.get_untracked() else {
            return;
        };
        let Some(target) = self
            .session
            .try_update_value(|s| step(&mut s.history, map))
            .flatten()
        else {
            return;
        };
        self.current.set(Some(target));
        self.after_change();
    }

    /// Marks the end of a gesture (a drag, a typed field) so the next one is its own step.
    pub fn seal_step(&self) {
        self.session.update_value(|s| s.history.seal());
    }

    fn schedule_save(&self) {
        self.save_status.set(SaveStatus::Pending);
        let generation = self.session.try_update_value(|s| {
            s.save_generation += 1;
            s.save_generation
        });
        let state = *self;
        set_timeout(
            move || {
                if state
                    .session
                    .with_value(|s| Some(s.save_generation) == generation)
                {
                    state.flush();
                }
            },
            SAVE_DELAY,
        );
    }

    /// Writes the open map now if it has unsaved changes (also on `pagehide`).
    pub fn flush(&self) {
        let Some(map) = self.current.get_untracked() else {
            return;
        };
        let (dirty, conflict) = self.session.with_value(|s| (s.dirty, s.conflict));
        if !dirty || conflict {
            return;
        }
        let result = self.session.try_update_value(|s| {
            let base = s.revisions.get(&map.id).copied().unwrap_or(0);
            let result = store::save_map(&mut s.store, &map, base);
            if let Ok(revision) = result {
                s.revisions.insert(map.id.clone(), revision);
                s.dirty = false;
            }
            result
        });
        match result {
            Some(Ok(_)) => {
                self.save_status.set(SaveStatus::Saved);
                self.dismiss_where(|n| {
                    !matches!(n.message, Message::SaveFailed(_) | Message::NotReadBack)
                });
                self.ask_persistence_once();
                self.refresh_usage();
            }
            Some(Err(SaveError::Conflict { .. })) => self.enter_conflict(),
            Some(Err(SaveError::Store(error))) => {
                self.save_status.set(SaveStatus::Failed);
                self.notify(
                    Severity::Error,
                    Message::SaveFailed(error),
                    vec![NoticeAction::ExportCurrent],
                );
            }
            Some(Err(SaveError::NotReadBack)) => {
                self.save_status.set(SaveStatus::Failed);
                self.notify(
                    Severity::Error,
                    Message::NotReadBack,
                    vec![NoticeAction::ExportCurrent],
                );
            }
            None => {}
        }
    }

    fn ask_persistence_once(&self) {
        let first = self
            .session
            .try_update_value(|s| !std::mem::replace(&mut s.asked_persistence, true));
        if first == Some(true) && !self.session.with_value(|s| s.store.is_memory()) {
            request_persistence();
        }
    }

    fn refresh_usage(&self) {
        let usage = self.session.with_value(|s| {
            if s.store.is_memory() {
                None
            } else {
                store::usage_chars(&s.store)
                    .ok()
                    .map(|used| used as f64 / QUOTA_CHARS as f64)
            }
        });
        self.usage.set(usage);
        match usage {
            Some(share) if share >= WARN_SHARE => {
                self.notify(
                    Severity::Warning,
                    Message::UsageHigh(share),
                    vec![NoticeAction::ExportCurrent],
                );
            }
            _ => self.dismiss_where(|n| !matches!(n.message, Message::UsageHigh(_))),
        }
    }

    fn enter_conflict(&self) {
        self.session.update_value(|s| s.conflict = true);
        self.save_status.set(SaveStatus::Failed);
        self.notify(
            Severity::Warning,
            Message::Conflict,
            vec![
                NoticeAction::LoadOtherTab,
                NoticeAction::KeepMineAsCopy,
                NoticeAction::ExportCurrent,
            ],
        );
    }

    /// Called when another tab wrote `key`, and when this tab regains focus (`key` None):
    /// a newer stored revision of the open map is taken over if this tab has no unsaved
    /// changes, and otherwise the user is asked. Never written over.
    pub fn check_other_tabs(&self, key: Option<&str>) {
        match key {
            // One map changed: re-read only its line of the list, not every stored map
            // (another tab autosaves as often as every 300 ms).
            Some(k) if k.starts_with(store::MAP_PREFIX) => {
                self.refresh_summary(&MapId::from(&k[store::MAP_PREFIX.len()..]))
            }
            Some(k) if k != store::INDEX_KEY => {}
            // Focus regained, or maps added or removed elsewhere: anything may differ.
            _ => self.reload_list(),
        }
        let Some(id) = self
            .current
            .with_untracked(|c| c.as_ref().map(|m| m.id.clone()))
        else {
            return;
        };
        if key.is_some_and(|k| k != map_key(&id)) {
            return;
        }
        let (stored, known, dirty) = self.session.with_value(|s| {
            let stored = store::stored_revision(&s.store, &id).ok().flatten();
            (stored, s.revisions.get(&id).copied().unwrap_or(0), s.dirty)
        });
        match stored {
            Some(stored) if stored > known => {
                if dirty {
                    self.enter_conflict();
                } else {
                    self.load_from_store(&id);
                    self.notify(Severity::Info, Message::UpdatedFromOtherTab, vec![]);
                }
            }
            None if self.session.with_value(|s| s.revisions.contains_key(&id)) && !dirty => {
                // Deleted in another tab: close it and drop its line here too.
                self.current.set(None);
                self.maps.update(|maps| maps.retain(|m| m.id != id));
            }
            _ => {}
        }
    }

    /// Re-reads one map's line of the list after another tab wrote it. The open map's line
    /// follows memory (`sync_summary`), so only other maps are read here.
    fn refresh_summary(&self, id: &MapId) {
        if self
            .current
            .with_untracked(|c| c.as_ref().is_some_and(|m| &m.id == id))
        {
            return;
        }
        let summary = self
            .session
            .with_value(|s| s.store.get(&map_key(id)).ok().flatten())
            .and_then(|text| read_document(&text).ok())
            .map(|loaded| MapSummary::of(&loaded.document.map));
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

    /// Re-reads the list of maps (titles) from storage, keeping the open map's own summary.
    fn reload_list(&self) {
        let report = self.session.try_update_value(|s| {
            let mut copy = ReadOnly(&s.store);
            store::load_all(&mut copy, "unused").ok()
        });
        if let Some(Some(report)) = report {
            let mut summaries: Vec<MapSummary> =
                report.maps.iter().map(|m| MapSummary::of(&m.map)).collect();
            if let Some(open) = self
                .current
                .with_untracked(|c| c.as_ref().map(MapSummary::of))
            {
                match summaries.iter_mut().find(|m| m.id == open.id) {
                    Some(slot) => *slot = open,
                    None if self.session.with_value(|s| s.dirty) => summaries.push(open),
                    None => {}
                }
            }
            self.maps.set(summaries);
        }
    }

    fn load_from_store(&self, id: &MapId) -> bool {
        let loaded = self
            .session
            .with_value(|s| s.store.get(&map_key(id)).ok().flatten())
            .map(|text| read_document(&text));
        match loaded {
            Some(Ok(loaded)) => {
                let revision = loaded.document.revision;
                self.session.update_value(|s| {
                    s.revisions.insert(id.clone(), revision);
                    s.history = History::default();
                    s.dirty = false;
                    s.conflict = false;
                });
                self.current.set(Some(loaded.document.map));
                self.save_status.set(SaveStatus::Saved);
                self.sync_history_flags();
                self.sync_summary();
                true
            }
            Some(Err(problems)) => {
                let problem = problems.into_iter().next().unwrap_or_else(|| {
                    samverkan_model::Problem::new("", samverkan_model::Reason::Empty)
                });
                self.notify(
                    Severity::Error,
                    Message::Unreadable {
                        problem,
                        backup_key: None,
                    },
                    vec![],
                );
                false
            }
            None => false,
        }
    }

    /// Opens another map, saving the open one first.
    pub fn open_map(&self, id: &MapId) {
        if self
            .current
            .with_untracked(|c| c.as_ref().map(|m| &m.id == id))
            .unwrap_or(false)
        {
            return;
        }
        self.flush();
        self.load_from_store(id);
    }

    /// Adds a map and opens it (saved at once, so it survives a reload).
    fn add_and_open(&self, map: Map) {
        self.flush();
        self.session.update_value(|s| {
            s.history = History::default();
            s.dirty = true;
            s.conflict = false;
            s.revisions.insert(map.id.clone(), 0);
        });
        self.current.set(Some(map));
        self.sync_history_flags();
        self.sync_summary();
        self.flush();
    }

    /// Creates an empty map with the default sectors, labelled in the UI language.
    pub fn new_map(&self) {
        let t = self.lang.get_untracked().texts();
        let map = Map::new(
            browser::new_id().into(),
            t.untitled_map,
            Utc::now(),
            default_sectors(|id| (t.sector_label)(id).to_owned()),
        );
        self.add_and_open(map);
    }

    /// Renames the open map.
    pub fn rename_current(&self, title: String) {
        self.edit(None, |map| map.title = title);
    }

    /// Copies a map under a new id and opens the copy.
    pub fn duplicate_map(&self, id: &MapId) {
        self.open_map(id);
        let Some(mut copy) = self.current.get_untracked() else {
            return;
        };
        let t = self.lang.get_untracked().texts();
        copy.id = browser::new_id().into();
        copy.title = (t.copy_of)(&copy.title);
        copy.created_at = Utc::now();
        copy.updated_at = copy.created_at;
        self.add_and_open(copy);
    }

    /// Deletes a map; the notice offers to restore it.
    pub fn delete_map(&self, id: &MapId) {
        self.open_map(id);
        let Some(map) = self.current.get_untracked() else {
            return;
        };
        let result = self.session.try_update_value(|s| {
            let result = store::delete_map(&mut s.store, id);
            s.revisions.remove(id);
            s.dirty = false;
            s.last_deleted = Some(map.clone());
            result
        });
        if let Some(Err(error)) = result {
            self.notify(Severity::Error, Message::SaveFailed(error), vec![]);
        }
        self.maps.update(|maps| maps.retain(|m| &m.id != id));
        self.current.set(None);
        let next = self
            .maps
            .with_untracked(|maps| maps.first().map(|m| m.id.clone()));
        if let Some(next) = next {
            self.load_from_store(&next);
        }
        self.notify(
            Severity::Info,
            Message::MapDeleted(map.title.clone()),
            vec![NoticeAction::RestoreDeletedMap],
        );
    }

    /// Carries out a notice's button.
    pub fn run_action(&self, notice_id: u64, action: &NoticeAction) {
        match action {
            NoticeAction::DownloadBackup(key) => {
                let value = self.session.with_value(|s| s.store.get(key).ok().flatten());
                if let Some(value) = value {
                    browser::download(&format!("{key}.json"), &value, "application/json");
                }
                return;
            }
            NoticeAction::ExportCurrent => {
                self.export_current();
                return;
            }
            NoticeAction::LoadOtherTab => {
                let id = self
                    .current
                    .with_untracked(|c| c.as_ref().map(|m| m.id.clone()));
                if let Some(id) = id {
                    self.session.update_value(|s| s.conflict = false);
                    self.load_from_store(&id);
                }
            }
            NoticeAction::KeepMineAsCopy => {
                if let Some(mut mine) = self.current.get_untracked() {
                    let t = self.lang.get_untracked().texts();
                    mine.id = browser::new_id().into();
                    mine.title = (t.copy_of)(&mine.title);
                    self.session.update_value(|s| {
                        s.conflict = false;
                        s.dirty = false;
                    });
                    self.add_and_open(mine);
                    self.reload_list();
                }
            }
            NoticeAction::RestoreDeletedMap => {
                if let Some(map) = self
                    .session
                    .try_update_value(|s| s.last_deleted.take())
                    .flatten()
                {
                    self.add_and_open(map);
                }
            }
            NoticeAction::ImportReplace => {
                if let Some(map) = self
                    .session
                    .try_update_value(|s| s.pending_import.take())
                    .flatten()
                {
                    self.open_map(&map.id);
                    let title = map.title.clone();
                    self.edit(None, move |current| *current = map);
                    self.flush();
                    self.notify(
                        Severity::Info,
                        Message::Imported(title),
                        vec![NoticeAction::Undo],
                    );
                }
            }
            NoticeAction::ImportKeepBoth => {
                if let Some(mut map) = self
                    .session
                    .try_update_value(|s| s.pending_import.take())
                    .flatten()
                {
                    map.id = browser::new_id().into();
                    let title = map.title.clone();
                    self.add_and_open(map);
                    self.notify(Severity::Info, Message::Imported(title), vec![]);
                }
            }
            NoticeAction::Undo => self.undo(),
        }
        self.dismiss(notice_id);
    }

    /// Downloads the open map as `<title>.samverkan.json`.
    pub fn export_current(&self) {
        let Some(map) = self.current.get_untracked() else {
            return;
        };
        let name = format!(
            "{}.samverkan.json",
            samverkan_model::io::file_stem(&map.title)
        );
        browser::download(
            &name,
            &write_pretty(&Document::new(map, 0)),
            "application/json",
        );
    }

    /// Writes a small piece of shared view state (the projector's view) under `key`.
    /// Not part of any map, so not an undo step; a failure only means no following.
    pub fn write_view_state(&self, key: &str, value: &str) {
        self.session.update_value(|s| {
            if s.store.get(key).ok().flatten().as_deref() != Some(value) {
                let _ = s.store.set(key, value);
            }
        });
    }

    /// Reads shared view state written by `write_view_state` in any window.
    pub fn read_view_state(&self, key: &str) -> Option<String> {
        self.session.with_value(|s| s.store.get(key).ok().flatten())
    }

    /// Downloads every map in this browser as one collection file.
    pub fn export_all(&self) {
        self.flush();
        let open = self.current.get_untracked();
        let ids: Vec<MapId> = self
            .maps
            .with_untracked(|maps| maps.iter().map(|m| m.id.clone()).collect());
        let maps: Vec<Map> = ids
            .iter()
            .filter_map(|id| match &open {
                Some(map) if &map.id == id => Some(map.clone()),
                _ => self
                    .session
                    .with_value(|s| s.store.get(&map_key(id)).ok().flatten())
                    .and_then(|text| read_document(&text).ok())
                    .map(|l| l.document.map),
            })
            .collect();
        let name = format!("samverkan-{}.samverkan.json", Utc::now().format("%Y-%m-%d"));
        browser::download(&name, &write_collection(&maps), "application/json");
    }

    /// Tells the user a file could not be imported, listing its problems.
    pub fn import_failed(&self, file: &str, problems: Vec<samverkan_model::Problem>) {
        self.notify(
            Severity::Error,
            Message::ImportFailed {
                file: file.to_owned(),
                problems,
            },
            vec![],
        );
    }

    /// Downloads the open map as GraphML, with degree and betweenness as node data.
    pub fn export_graphml(&self) {
        let Some(map) = self.current.get_untracked() else {
            return;
        };
        let metrics: Vec<_> = samverkan_model::metrics::compute(&map)
            .into_iter()
            .map(|(id, m)| (id, m.degree, m.betweenness))
            .collect();
        let text = samverkan_model::formats::graphml::export_graphml(&map, Some(&metrics));
        browser::download(
            &format!("{}.graphml", samverkan_model::io::file_stem(&map.title)),
            &text,
            "application/graphml+xml",
        );
    }

    /// Downloads the open map's actors or relations as a spreadsheet (UTF-8 with BOM, `;`).
    pub fn export_csv(&self, relations: bool) {
        let Some(map) = self.current.get_untracked() else {
            return;
        };
        use samverkan_model::formats::csv;
        let (text, what) = if relations {
            (csv::export_relations(&map, b';'), "relations")
        } else {
            (csv::export_actors(&map, b';'), "actors")
        };
        browser::download(
            &format!("{}-{what}.csv", samverkan_model::io::file_stem(&map.title)),
            &text,
            "text/csv",
        );
    }

    /// Adds actors (or relations) from a spreadsheet to the open map as one undo step.
    /// Every row problem is listed and nothing changes when there is any.
    pub fn import_csv(&self, file: &str, text: &str, relations: bool) {
        use samverkan_model::formats::csv;
        let Some(map) = self.current.get_untracked() else {
            return;
        };
        let mut new_id = || browser::new_id();
        let row_problems = |errors: Vec<csv::RowError>| -> Vec<samverkan_model::Problem> {
            errors
                .into_iter()
                .map(|e| {
                    let path = match (e.row, e.column.as_str()) {
                        (0, _) => String::new(),
                        (row, "") => format!("rows[{row}]"),
                        (row, column) => format!("rows[{row}].{column}"),
                    };
                    samverkan_model::Problem::new(path, e.reason)
                })
                .collect()
        };
        let result = if relations {
            csv::import_relations(text, &map, &mut new_id)
                .map(|r| (Vec::new(), r))
                .map_err(row_problems)
        } else {
            csv::import_actors(text, &map, &mut new_id)
                .map(|a| (a, Vec::new()))
                .map_err(row_problems)
        };
        match result {
            Err(problems) => {
                self.import_failed(file, problems);
            }
            Ok((actors, relations)) => {
                let count = actors.len() + relations.len();
                self.edit(None, move |map| {
                    map.actors.extend(actors);
                    map.relations.extend(relations);
                });
                self.notify(
                    Severity::Info,
                    Message::RowsImported {
                        file: file.to_owned(),
                        count,
                    },
                    vec![NoticeAction::Undo],
                );
            }
        }
    }

    /// Opens a Kumu export (JSON, or the elements sheet as CSV) as a new map.
    pub fn import_kumu(&self, file: &str, text: &str) {
        use samverkan_model::formats::kumu;
        let t = self.lang.get_untracked().texts();
        let sectors = default_sectors(|id| (t.sector_label)(id).to_owned());
        let title = file
            .trim_end_matches(".json")
            .trim_end_matches(".csv")
            .to_owned();
        let mut new_id = || browser::new_id();
        let result = if text.trim_start().starts_with('{') {
            kumu::import_kumu_json(text, &title, &mut new_id, Utc::now(), sectors)
        } else {
            kumu::import_kumu_csv(text, None, &title, &mut new_id, Utc::now(), sectors)
        };
        match result {
            Ok(mut map) => {
                map.id = browser::new_id().into();
                self.add_and_open(map);
                self.notify(Severity::Info, Message::Imported(title), vec![]);
            }
            Err(problems) => {
                self.import_failed(file, problems);
            }
        }
    }

    /// Imports a Samverkan file (or an "all maps" collection). Every problem is shown and
    /// nothing changes on failure. A single map whose id exists already waits for the
    /// user's choice; maps of a collection that exist already are added as copies.
    pub fn import_text(&self, file: &str, text: &str) {
        let loaded = match read_any(text) {
            Ok(loaded) => loaded,
            Err(problems) => {
                self.import_failed(file, problems);
                return;
            }
        };
        let repaired: usize = loaded.iter().map(|l| l.repaired_positions).sum();
        let single = loaded.len() == 1;
        for one in loaded {
            let mut map = one.document.map;
            let title = map.title.clone();
            let exists = self
                .maps
                .with_untracked(|maps| maps.iter().any(|m| m.id == map.id));
            if exists && single {
                self.session.update_value(|s| s.pending_import = Some(map));
                self.notify(
                    Severity::Warning,
                    Message::ImportSameId(title),
                    vec![NoticeAction::ImportReplace, NoticeAction::ImportKeepBoth],
                );
                continue;
            }
            if exists {
                map.id = browser::new_id().into();
            }
            self.add_and_open(map);
            self.notify(Severity::Info, Message::Imported(title), vec![]);
        }
        if repaired > 0 {
            self.notify(Severity::Info, Message::PositionsRepaired(repaired), vec![]);
        }
    }
}

/// Lets `load_all` list maps without moving anything to backups (only start-up does that).
struct ReadOnly<'a>(&'a Backend);

impl KeyValueStore for ReadOnly<'_> {
    fn get(&self, key: &str) -> Result<Option<String>, store::StoreError> {
        self.0.get(key)
    }
    fn set(&mut self, _: &str, _: &str) -> Result<(), store::StoreError> {
        Err(store::StoreError::Other("read only".into()))
    }
    fn remove(&mut self, _: &str) -> Result<(), store::StoreError> {
        Err(store::StoreError::Other("read only".into()))
    }
    fn keys(&self) -> Result<Vec<String>, store::StoreError> {
        self.0.keys()
    }
}
