//! Autosave of the open map: debounced writes, revisions so another tab is never written
//! over, the quota and read-back checks, versions, other tabs told of each save, and
//! storage usage. The only owner of the storage backend; a read-only window (the
//! projector) never writes.

use super::document::{Doc, Origin};
use super::notices::Notices;
use crate::notice::{Message, NoticeAction, Severity};
use crate::storage::idb::{Database, Version};
use crate::storage::{self as storage_api, Backend, Opened};
use leptos::prelude::*;
use samverkan_model::io::read_document;
use samverkan_model::io::{write_compact, Document};
use samverkan_model::store::{
    self, map_key, KeyValueStore, SaveError, StoreError, QUOTA_CHARS, WARN_SHARE,
};
use samverkan_model::versions::{self, Cause, Stamp};
use samverkan_model::MapId;
use std::collections::HashMap;
use std::time::Duration;

/// How long typing may go on before the map is written.
const SAVE_DELAY: Duration = Duration::from_millis(1000);
const SAVE_MARK: &str = "samverkan:save-start";
const PERSIST_TOLD: &str = "samverkan.told.persist";
const PERSIST_REFUSED: &str = "samverkan.persist.refused";
/// The channel on which each save is announced to the app's other tabs and windows.
pub const CHANNEL: &str = "samverkan";

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
    /// IndexedDB writes sent and not yet committed.
    writing: usize,
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
    /// Whether the browser keeps this site's data under pressure; None until known.
    pub persisted: RwSignal<Option<bool>>,
    /// Saves made by this tab since it opened (the backup file follows them).
    pub saves: RwSignal<u64>,
    channel: Option<StoredValue<web_sys::BroadcastChannel, LocalStorage>>,
}

pub fn use_saver() -> Saver {
    expect_context::<Saver>()
}

impl Saver {
    /// Takes over the opened storage (telling when it is only memory) and saves after
    /// every edit.
    pub fn start(doc: Doc, notices: Notices, opened: Opened) -> Self {
        let store = opened.backend;
        if store.is_memory() {
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
                writing: 0,
            }),
            doc,
            notices,
            status: RwSignal::new(SaveStatus::Saved),
            usage: RwSignal::new(None),
            persisted: RwSignal::new(None),
            saves: RwSignal::new(0),
            channel: web_sys::BroadcastChannel::new(CHANNEL)
                .ok()
                .map(StoredValue::new_local),
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

    /// Runs `f` on the storage backend (writing), unless this window is read-only, and
    /// writes what it changed to IndexedDB.
    pub fn update_store<R>(&self, f: impl FnOnce(&mut Backend) -> R) -> Option<R> {
        if self.doc.is_read_only() {
            return None;
        }
        let result = self.session.try_update_value(|s| f(&mut s.store));
        self.write_pending(None, Box::new(|_| {}));
        result
    }

    /// The database, when maps are kept in IndexedDB.
    pub fn database(&self) -> Option<Database> {
        self.with_store(Backend::database).flatten()
    }

    /// Writes the backend's pending changes (and `version`) in one IndexedDB transaction,
    /// then tells the other tabs; on failure the mirror is set back to what is stored.
    /// `done` hears the outcome. The requests are sent before this returns.
    fn write_pending(
        &self,
        version: Option<(String, Version)>,
        // Boxed: one copy of this code for every caller.
        done: Box<dyn FnOnce(Result<(), SaveError>)>,
    ) {
        let Some((db, ops)) = self
            .session
            .try_update_value(|s| Some((s.store.database()?, s.store.take_pending())))
            .flatten()
        else {
            return done(Ok(()));
        };
        if ops.is_empty() && version.is_none() {
            return done(Ok(()));
        }
        let writing = db.write(&ops, version.as_slice());
        let saver = *self;
        self.session.update_value(|s| s.writing += 1);
        leptos::task::spawn_local(async move {
            let result = writing.await;
            saver.session.update_value(|s| s.writing -= 1);
            let keys = ops.iter().map(|op| match op {
                crate::storage::idb::Op::Put(key, _) | crate::storage::idb::Op::Delete(key) => {
                    key.clone()
                }
            });
            for key in keys {
                if result.is_ok() {
                    saver.announce(&key);
                } else {
                    let stored = db.read_map(&key).await.ok().flatten();
                    saver.session.update_value(|s| s.store.mirror(&key, stored));
                }
            }
            if let (Ok(()), Some((map, _))) = (&result, version) {
                if let Ok(prune) = pruning(db.clone(), map).await {
                    prune.await;
                }
            }
            done(result);
        });
    }

    /// On `pagehide`, after `flush`: a page that goes away (a reload, a closed tab) may
    /// take an IndexedDB write still under way with it, so the open map's latest text is
    /// also left in local storage, written at once; the next start takes it when it is
    /// newer than what IndexedDB holds (`storage::move_in`).
    pub fn leave_rescue_copy(&self) {
        let copy = self
            .session
            .try_with_value(|s| {
                let id = self.doc.with_map(|m| m.id.clone())?;
                let text = (s.writing > 0).then(|| s.store.get(&map_key(&id)).ok().flatten());
                Some((id, text??))
            })
            .flatten();
        if let Some((id, text)) = copy {
            crate::storage::local::leave_rescue(&id, &text);
        }
    }

    /// Tells the other tabs that `key` was written.
    fn announce(&self, key: &str) {
        if let Some(channel) = self.channel {
            channel.with_value(|c| {
                let _ = c.post_message(&key.into());
            });
        }
    }

    /// Calls `follow` with each key another tab announces it wrote, once the mirror holds
    /// what that tab wrote.
    pub fn on_other_tab_write(&self, follow: impl Fn(&str) + 'static) {
        use wasm_bindgen::{closure::Closure, JsCast};
        let Some(channel) = self.channel else {
            return;
        };
        let saver = *self;
        let follow = std::rc::Rc::new(follow);
        let on_message =
            Closure::<dyn Fn(web_sys::MessageEvent)>::new(move |ev: web_sys::MessageEvent| {
                let Some(key) = ev.data().as_string() else {
                    return;
                };
                let follow = follow.clone();
                leptos::task::spawn_local(async move {
                    saver.reread(&key).await;
                    follow(&key);
                });
            });
        channel.with_value(|c| c.set_onmessage(Some(on_message.as_ref().unchecked_ref())));
        // The channel lives as long as the page.
        on_message.forget();
    }

    /// Takes everything IndexedDB holds into the mirror (this tab was away).
    pub async fn reread_all(&self) {
        let Some(db) = self.database() else {
            return;
        };
        if let Ok(entries) = db.read_maps().await {
            self.session
                .try_update_value(|s| s.store.mirror_all(entries));
        }
    }

    /// Takes what IndexedDB now holds for `key` into the mirror (another tab wrote it).
    pub async fn reread(&self, key: &str) {
        let Some(db) = self.database() else {
            return;
        };
        if let Ok(stored) = db.read_map(key).await {
            self.session
                .try_update_value(|s| s.store.mirror(key, stored));
        }
    }

    /// Keeps the open map as it is now as a version, before `cause` changes it.
    pub fn keep_version(&self, cause: Cause) {
        let Some(db) = self.database() else {
            return;
        };
        if self.doc.is_read_only() {
            return;
        }
        let Some((id, version)) = self.doc.with_map(|map| {
            let revision = self
                .session
                .with_value(|s| s.revisions.get(&map.id).copied().unwrap_or(0));
            let text = write_compact(&Document::new(map.clone(), revision));
            (map.id.to_string(), version_of(text, cause))
        }) else {
            return;
        };
        let writing = db.write(&[], &[(id, version)]);
        let notices = self.notices;
        leptos::task::spawn_local(async move {
            if let Err(SaveError::Store(error)) = writing.await {
                notices.notify(Severity::Error, Message::SaveFailed(error), vec![]);
            }
        });
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
        // The part of a save on the main thread (serialise, mirror, the write sent) as a
        // User Timing measure, `samverkan:save`, for the benchmark.
        let performance = web_sys::window().and_then(|w| w.performance());
        if let Some(p) = &performance {
            let _ = p.mark(SAVE_MARK);
        }
        self.save_open_map();
        if let Some(p) = &performance {
            let _ = p.measure_with_start_mark("samverkan:save", SAVE_MARK);
        }
    }

    fn save_open_map(&self) {
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
                    result.map(|_| {
                        let text = s.store.get(&map_key(&map.id)).ok().flatten();
                        let version = text.map(|t| version_of(t, Cause::Autosave));
                        (map.id.clone(), version)
                    })
                })
            })
            .flatten();
        let saver = *self;
        match result {
            Some(Ok((id, version))) => {
                let version = version.map(|v| (id.to_string(), v));
                self.write_pending(
                    version,
                    Box::new(move |written| match written {
                        Ok(()) => saver.saved(),
                        Err(error) => {
                            saver.session.update_value(|s| {
                                s.dirty = true;
                                if let Some(revision) = s.revisions.get_mut(&id) {
                                    *revision = revision.saturating_sub(1);
                                }
                            });
                            saver.refused(error);
                        }
                    }),
                );
            }
            Some(Err(error)) => self.refused(error),
            None => {}
        }
    }

    fn saved(&self) {
        // A change made while this write was under way is not saved yet.
        if !self.is_dirty() {
            self.status.set(SaveStatus::Saved);
        }
        self.saves.update(|n| *n += 1);
        self.notices
            .retain(|n| !matches!(n.message, Message::SaveFailed(_) | Message::NotReadBack));
        self.after_saving(true);
    }

    fn refused(&self, error: SaveError) {
        match error {
            SaveError::Conflict { .. } => self.enter_conflict(),
            SaveError::Store(error) => self.failed(Message::SaveFailed(error)),
            SaveError::NotReadBack => self.failed(Message::NotReadBack),
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

    /// Measures storage (and after the first real save asks to keep it), from a part of
    /// its own: nothing the first screen waits for.
    pub fn after_saving(&self, edited: bool) {
        let saver = *self;
        leptos::task::spawn_local(async move {
            let _ = measuring(saver, edited).await;
        });
    }

    fn ask_persistence_once(&self) {
        let first = self
            .session
            .try_update_value(|s| !std::mem::replace(&mut s.asked_persistence, true));
        if first == Some(true) && !self.with_store(Backend::is_memory).unwrap_or(true) {
            let persisted = self.persisted;
            leptos::task::spawn_local(async move {
                let kept = storage_api::request_persistence().await;
                persisted.set(Some(kept));
                if !kept {
                    storage_api::prefs::set(PERSIST_REFUSED, "1");
                }
            });
        }
    }

    /// Measures the storage in use and warns near the quota: local storage's characters,
    /// or for IndexedDB the browser's own estimate.
    fn refresh_usage(&self) {
        let saver = *self;
        if self.database().is_some() {
            leptos::task::spawn_local(async move {
                saver.show_usage(storage_api::estimate_share().await);
            });
            return;
        }
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
        self.show_usage(usage);
    }

    fn show_usage(&self, usage: Option<f64>) {
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

    /// Reads a stored value (a backup to download).
    pub fn read_key(&self, key: &str) -> Option<String> {
        self.with_store(|s| s.get(key).ok().flatten()).flatten()
    }
}

/// A version whose stored text is `text`, kept now for `cause`.
fn version_of(text: String, cause: Cause) -> Version {
    Version {
        stamp: Stamp {
            at: chrono::Utc::now().timestamp_millis(),
            cause,
        },
        text,
    }
}

crate::later::later!(
    /// Deletes the versions of `map` the keeping rules no longer want.
    pruning(db: Database, map: String) -> crate::later::LocalFuture<()> => Box::pin(async move {
        if let Ok(stamps) = db.version_stamps(&map).await {
            let dropped = versions::to_drop(&stamps, chrono::Utc::now().timestamp_millis());
            if !dropped.is_empty() {
                let _ = db.drop_versions(&map, Some(&dropped)).await;
            }
        }
    })
);

crate::later::later!(
    /// After a save (or at start): the storage line's usage, and `persist()` once.
    measuring(saver: Saver, edited: bool) -> () => {
        if edited {
            saver.ask_persistence_once();
        } else {
            let (persisted, notices) = (saver.persisted, saver.notices);
            leptos::task::spawn_local(async move {
                let kept = storage_api::is_persisted().await;
                persisted.set(Some(kept));
                // Told once in this browser, at the start after a refusal rather than in
                // the middle of the first edits (the storage line says it all along).
                let refused = storage_api::prefs::get(PERSIST_REFUSED).is_some();
                if !kept && refused && storage_api::prefs::get(PERSIST_TOLD).is_none() {
                    storage_api::prefs::set(PERSIST_TOLD, "1");
                    let actions = vec![NoticeAction::DownloadMapsBackup];
                    notices.notify(Severity::Info, Message::NotPersisted, actions);
                }
            });
        }
        saver.refresh_usage();
    }
);
