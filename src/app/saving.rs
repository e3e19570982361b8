//! Autosave of the open map: debounced writes, revisions so another tab is never written
//! over, the quota and read-back checks, and storage usage. The only owner of the storage
//! backend; a read-only window (the projector) never writes.

use super::document::{Doc, Origin};
use super::notices::Notices;
use crate::notice::{Message, NoticeAction, Severity};
use crate::storage::{request_persistence, Backend};
use leptos::prelude::*;
use samverkan_model::io::read_document;
use samverkan_model::store::{
    self, map_key, KeyValueStore, SaveError, StoreError, QUOTA_CHARS, WARN_SHARE,
};
use samverkan_model::MapId;
use std::collections::HashMap;
use std::time::Duration;

/// How long typing may go on before the map is written.
const SAVE_DELAY: Duration = Duration::from_millis(300);

/// Whether the open map's last change is stored.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SaveStatus {
    Saved,
    Pending,
    Failed,
}

struct Session {
    store: Backend,
    /// The revision of each map as this tab last read or wrote it.
    revisions: HashMap<MapId, u64>,
    generation: u64,
    dirty: bool,
    /// Another tab saved the open map while this one had unsaved changes.
    conflict: bool,
    asked_persistence: bool,
}

/// Autosave and the storage backend, shared through context.
#[derive(Clone, Copy)]
pub struct Saver {
    session: StoredValue<Session, LocalStorage>,
    doc: Doc,
    notices: Notices,
    pub status: RwSignal<SaveStatus>,
    /// Share of the origin's storage quota in use; None when working in memory.
    pub usage: RwSignal<Option<f64>>,
}

pub fn use_saver() -> Saver {
    expect_context::<Saver>()
}

impl Saver {
    /// Opens storage (falling back to memory with a message) and saves after every edit.
    pub fn start(doc: Doc, notices: Notices) -> Self {
        let (store, unavailable) = Backend::open();
        if unavailable.is_some() {
            notices.notify(Severity::Warning, Message::StorageUnavailable, vec![]);
        }
        let saver = Self {
            session: StoredValue::new_local(Session {
                store,
                revisions: HashMap::new(),
                generation: 0,
                dirty: false,
                conflict: false,
                asked_persistence: false,
            }),
            doc,
            notices,
            status: RwSignal::new(SaveStatus::Saved),
            usage: RwSignal::new(None),
        };
        if !doc.is_read_only() {
            doc.listen(move |change| match change.origin {
                Origin::Load => {}
                _ => saver.mark_changed(),
            });
        }
        saver
    }

    /// Runs `f` on the storage backend (reading).
    pub fn with_store<R>(&self, f: impl FnOnce(&Backend) -> R) -> Option<R> {
        self.session.try_with_value(|s| f(&s.store))
    }

    /// Runs `f` on the storage backend (writing), unless this window is read-only.
    pub fn update_store<R>(&self, f: impl FnOnce(&mut Backend) -> R) -> Option<R> {
        if self.doc.is_read_only() {
            return None;
        }
        self.session.try_update_value(|s| f(&mut s.store))
    }

    /// The revision this tab last read or wrote for a map.
    pub fn note_revision(&self, id: &MapId, revision: u64) {
        self.session.update_value(|s| {
            s.revisions.insert(id.clone(), revision);
        });
    }

    pub fn forget(&self, id: &MapId) {
        self.session.update_value(|s| {
            s.revisions.remove(id);
            if self.doc.with_map(|m| &m.id == id).unwrap_or(false) {
                s.dirty = false;
            }
        });
    }

    pub fn knows(&self, id: &MapId) -> bool {
        self.session
            .try_with_value(|s| s.revisions.contains_key(id))
            .unwrap_or(false)
    }

    pub fn is_dirty(&self) -> bool {
        self.session.try_with_value(|s| s.dirty).unwrap_or(false)
    }

    /// The open map was just loaded (or is new and unsaved when `unsaved`).
    pub fn opened(&self, unsaved: bool) {
        self.session.update_value(|s| {
            s.dirty = unsaved;
            s.conflict = false;
        });
        self.status.set(SaveStatus::Saved);
    }

    fn mark_changed(&self) {
        self.session.update_value(|s| s.dirty = true);
        self.schedule();
    }

    fn schedule(&self) {
        self.status.set(SaveStatus::Pending);
        let generation = self.session.try_update_value(|s| {
            s.generation += 1;
            s.generation
        });
        let saver = *self;
        set_timeout(
            move || {
                let current = saver.session.try_with_value(|s| Some(s.generation));
                if current == Some(generation) {
                    saver.flush();
                }
            },
            SAVE_DELAY,
        );
    }

    /// Writes the open map in the next task.
    pub fn save_soon(&self) {
        let saver = *self;
        set_timeout(move || saver.flush(), Duration::ZERO);
    }

    /// Writes the open map now if it has unsaved changes (also on `pagehide`).
    pub fn flush(&self) {
        if self.doc.is_read_only() {
            return;
        }
        let (dirty, conflict) = self
            .session
            .try_with_value(|s| (s.dirty, s.conflict))
            .unwrap_or((false, false));
        if !dirty || conflict {
            return;
        }
        let result = self
            .session
            .try_update_value(|s| {
                self.doc.with_map(|map| {
                    let base = s.revisions.get(&map.id).copied().unwrap_or(0);
                    let result = store::save_map(&mut s.store, map, base);
                    if let Ok(revision) = result {
                        s.revisions.insert(map.id.clone(), revision);
                        s.dirty = false;
                    }
                    result
                })
            })
            .flatten();
        match result {
            Some(Ok(_)) => {
                self.status.set(SaveStatus::Saved);
                self.notices.retain(|n| {
                    !matches!(n.message, Message::SaveFailed(_) | Message::NotReadBack)
                });
                self.ask_persistence_once();
                self.refresh_usage();
            }
            Some(Err(SaveError::Conflict { .. })) => self.enter_conflict(),
            Some(Err(SaveError::Store(error))) => self.failed(Message::SaveFailed(error)),
            Some(Err(SaveError::NotReadBack)) => self.failed(Message::NotReadBack),
            None => {}
        }
    }

    fn failed(&self, message: Message) {
        self.status.set(SaveStatus::Failed);
        self.notices
            .notify(Severity::Error, message, vec![NoticeAction::ExportCurrent]);
    }

    /// Reports an error of the storage itself (listing or deleting maps).
    pub fn store_failed(&self, error: StoreError) {
        self.notices
            .notify(Severity::Error, Message::SaveFailed(error), vec![]);
    }

    fn ask_persistence_once(&self) {
        let first = self
            .session
            .try_update_value(|s| !std::mem::replace(&mut s.asked_persistence, true));
        if first == Some(true) && !self.with_store(Backend::is_memory).unwrap_or(true) {
            request_persistence();
        }
    }

    /// Measures the storage in use and warns near the quota.
    pub fn refresh_usage(&self) {
        let usage = self
            .with_store(|store| {
                if store.is_memory() {
                    None
                } else {
                    store::usage_chars(store)
                        .ok()
                        .map(|used| used as f64 / QUOTA_CHARS as f64)
                }
            })
            .flatten();
        self.usage.set(usage);
        match usage {
            Some(share) if share >= WARN_SHARE => {
                self.notices.notify(
                    Severity::Warning,
                    Message::UsageHigh(share),
                    vec![NoticeAction::ExportCurrent],
                );
            }
            _ => self
                .notices
                .retain(|n| !matches!(n.message, Message::UsageHigh(_))),
        }
    }

    fn enter_conflict(&self) {
        self.session.update_value(|s| s.conflict = true);
        self.status.set(SaveStatus::Failed);
        self.notices.notify(
            Severity::Warning,
            Message::Conflict,
            vec![
                NoticeAction::LoadOtherTab,
                NoticeAction::KeepMineAsCopy,
                NoticeAction::ExportCurrent,
            ],
        );
    }

    /// Ends a conflict: the user chose what to keep.
    pub fn resolve_conflict(&self) {
        self.session.update_value(|s| {
            s.conflict = false;
            s.dirty = false;
        });
        self.notices
            .retain(|n| !matches!(n.message, Message::Conflict));
    }

    /// Reads a stored map into the document. False (with a message) when it is unreadable.
    pub fn load(&self, id: &MapId) -> bool {
        let loaded = self
            .with_store(|s| s.get(&map_key(id)).ok().flatten())
            .flatten()
            .map(|text| read_document(&text));
        match loaded {
            Some(Ok(loaded)) => {
                self.note_revision(id, loaded.document.revision);
                self.opened(false);
                self.doc.load(Some(loaded.document.map));
                true
            }
            Some(Err(problems)) => {
                let problem = problems.into_iter().next().unwrap_or_else(|| {
                    samverkan_model::Problem::new("", samverkan_model::Reason::Empty)
                });
                self.notices.notify(
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

    /// After another tab wrote the open map: a newer revision is taken over when this tab
    /// has no unsaved changes (always, in a read-only window), and otherwise the user is
    /// asked. Returns false when the open map was deleted elsewhere.
    pub fn follow_other_tab(&self, id: &MapId) -> bool {
        let stored = self
            .with_store(|s| store::stored_revision(s, id).ok().flatten())
            .flatten();
        let known = self
            .session
            .try_with_value(|s| s.revisions.get(id).copied().unwrap_or(0))
            .unwrap_or(0);
        let dirty = self.is_dirty();
        match stored {
            Some(stored) if stored > known => {
                if dirty && !self.doc.is_read_only() {
                    self.enter_conflict();
                } else {
                    self.load(id);
                    if !self.doc.is_read_only() {
                        self.notices
                            .notify(Severity::Info, Message::UpdatedFromOtherTab, vec![]);
                    }
                }
                true
            }
            None => !self.knows(id) || dirty,
            _ => true,
        }
    }

    /// Writes a small piece of shared view state (the projector's view) under `key`:
    /// not part of any map, so not an undo step; a failure only means no following.
    pub fn write_view_state(&self, key: &str, value: &str) {
        self.session.update_value(|s| {
            if s.store.get(key).ok().flatten().as_deref() != Some(value) {
                let _ = s.store.set(key, value);
            }
        });
    }

    /// Reads a stored value: shared view state, a backup to download.
    pub fn read_key(&self, key: &str) -> Option<String> {
        self.with_store(|s| s.get(key).ok().flatten()).flatten()
    }
}
