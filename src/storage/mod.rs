//! Where maps are kept: IndexedDB (`idb`), read through a mirror in memory so the app
//! reads synchronously and writes in one transaction later (`Backend::take_pending`);
//! local storage when IndexedDB cannot be opened; memory when neither works. Small
//! preferences live apart, in `prefs`.

pub mod idb;
pub mod local;
pub mod prefs;

use idb::{Database, Op};
use local::BrowserStore;
use samverkan_model::store::{
    revision_of, KeyValueStore, MemoryStore, StoreError, BACKUP_PREFIX, INDEX_KEY, MAP_PREFIX,
    PREFIX,
};
use wasm_bindgen::JsValue;

/// Where this tab keeps its maps.
pub enum Backend {
    /// IndexedDB. `mirror` holds what this tab knows is stored; changes made to it wait in
    /// `pending` until the saver writes them.
    Indexed {
        db: Database,
        mirror: MemoryStore,
        pending: Vec<Op>,
    },
    /// Local storage, as before IndexedDB.
    Browser(BrowserStore),
    /// Storage was unavailable: the app works in memory and says so.
    Memory(MemoryStore),
}

/// What opening storage found.
pub struct Opened {
    pub backend: Backend,
    /// Why maps are not kept in IndexedDB, when they are not.
    pub unavailable: Option<StoreError>,
    /// Values moved over from local storage on this start.
    pub moved: usize,
}

/// Keys of the maps store that local storage held before IndexedDB.
fn is_map_store_key(key: &str) -> bool {
    key.starts_with(MAP_PREFIX)
        || key.starts_with(BACKUP_PREFIX)
        || key.starts_with(local::RESCUE_PREFIX)
        || key == INDEX_KEY
}

impl Backend {
    /// IndexedDB with everything in it read, and what local storage still held moved in;
    /// else local storage; else memory, with the reason.
    pub async fn open() -> Opened {
        let indexed = async {
            let db = Database::open().await?;
            let mut mirror = MemoryStore::default();
            for (key, value) in db.read_maps().await? {
                mirror.entries.insert(key, value);
            }
            // Moving in happens once per browser: its code is fetched only then.
            let moved = if local::holds_maps() {
                let moving = moving_in(db.clone(), mirror)
                    .await
                    .map_err(|_| StoreError::Unavailable("the code moving maps in".into()))?;
                let moved;
                (mirror, moved) = moving.await?;
                moved
            } else {
                0
            };
            Ok::<_, StoreError>((db, mirror, moved))
        };
        match indexed.await {
            Ok((db, mirror, moved)) => Opened {
                backend: Backend::Indexed {
                    db,
                    mirror,
                    pending: Vec::new(),
                },
                unavailable: None,
                moved,
            },
            Err(why) => {
                let backend = match BrowserStore::open() {
                    Ok(store) => Backend::Browser(store),
                    Err(_) => Backend::Memory(MemoryStore::default()),
                };
                Opened {
                    backend,
                    unavailable: Some(why),
                    moved: 0,
                }
            }
        }
    }

    pub fn is_memory(&self) -> bool {
        matches!(self, Backend::Memory(_))
    }

    /// The database, when maps are kept in IndexedDB.
    pub fn database(&self) -> Option<Database> {
        match self {
            Backend::Indexed { db, .. } => Some(db.clone()),
            _ => None,
        }
    }

    /// The changes not yet written to IndexedDB (none for the other backends, which
    /// write at once).
    pub fn take_pending(&mut self) -> Vec<Op> {
        match self {
            Backend::Indexed { pending, .. } => std::mem::take(pending),
            _ => Vec::new(),
        }
    }

    /// Sets the mirror to what IndexedDB holds for `key` (another tab wrote it, or a
    /// write of ours failed), without writing anything.
    pub fn mirror(&mut self, key: &str, stored: Option<String>) {
        if let Backend::Indexed { mirror, .. } = self {
            match stored {
                Some(value) => mirror.entries.insert(key.to_owned(), value),
                None => mirror.entries.remove(key),
            };
        }
    }
}

impl Backend {
    /// Sets the whole mirror to what IndexedDB holds.
    pub fn mirror_all(&mut self, stored: Vec<(String, String)>) {
        if let Backend::Indexed { mirror, .. } = self {
            mirror.entries.clear();
            for (key, value) in stored {
                mirror.entries.insert(key, value);
            }
        }
    }
}

crate::later::later!(
    /// Moves every map (and backup, and the list's order) local storage still holds into
    /// IndexedDB, removing each from local storage only once it is read back equal. A key
    /// IndexedDB already holds with another value comes in as a backup instead. Returns the
    /// mirror with them and how many moved.
    moving_in(db: Database, mirror: MemoryStore) -> crate::later::LocalFuture<Result<(MemoryStore, usize), StoreError>>
        => Box::pin(move_in(db, mirror))
);

async fn move_in(
    db: Database,
    mut mirror: MemoryStore,
) -> Result<(MemoryStore, usize), StoreError> {
    let Ok(mut local) = BrowserStore::open() else {
        return Ok((mirror, 0));
    };
    let mut moves = Vec::new();
    for key in local.keys()?.into_iter().filter(|k| is_map_store_key(k)) {
        let Some(value) = local.get(&key)? else {
            continue;
        };
        // A rescue copy comes in only when newer than what IndexedDB holds of its map.
        if let Some(id) = key.strip_prefix(local::RESCUE_PREFIX) {
            let map_key = format!("{MAP_PREFIX}{id}");
            let stored = mirror.entries.get(&map_key).and_then(|t| revision_of(t));
            if revision_of(&value).is_some_and(|r| stored.is_none_or(|s| r > s)) {
                moves.push((key, map_key, value));
            } else {
                local.remove(&key)?;
            }
            continue;
        }
        let target = match mirror.entries.get(&key) {
            None => key.clone(),
            Some(same) if *same == value || key == INDEX_KEY => {
                local.remove(&key)?;
                continue;
            }
            Some(_) => format!("{BACKUP_PREFIX}moved.{}", &key[PREFIX.len()..]),
        };
        moves.push((key, target, value));
    }
    if moves.is_empty() {
        return Ok((mirror, 0));
    }
    let ops: Vec<Op> = moves
        .iter()
        .map(|(_, target, value)| Op::Put(target.clone(), value.clone()))
        .collect();
    db.write(&ops, &[]).await.map_err(|e| match e {
        samverkan_model::store::SaveError::Store(error) => error,
        _ => StoreError::Other("moving maps in was refused".into()),
    })?;
    for (key, target, value) in &moves {
        mirror.entries.insert(target.clone(), value.clone());
        local.remove(key)?;
    }
    Ok((mirror, moves.len()))
}

/// Tells a full quota from other failures: Chromium's `QuotaExceededError`, Firefox's
/// `NS_ERROR_DOM_QUOTA_REACHED` and the legacy code 22.
pub fn classify(error: &JsValue) -> StoreError {
    let name = js_sys::Reflect::get(error, &"name".into())
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default();
    let code = js_sys::Reflect::get(error, &"code".into())
        .ok()
        .and_then(|v| v.as_f64());
    if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" || code == Some(22.0) {
        StoreError::Quota
    } else {
        StoreError::Other(describe(error))
    }
}

fn describe(error: &JsValue) -> String {
    js_sys::Reflect::get(error, &"message".into())
        .ok()
        .and_then(|v| v.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| format!("{error:?}"))
}

impl KeyValueStore for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            Backend::Indexed { mirror, .. } => mirror.get(key),
            Backend::Browser(s) => s.get(key),
            Backend::Memory(s) => s.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            Backend::Indexed {
                mirror, pending, ..
            } => {
                pending.push(Op::Put(key.to_owned(), value.to_owned()));
                mirror.set(key, value)
            }
            Backend::Browser(s) => s.set(key, value),
            Backend::Memory(s) => s.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            Backend::Indexed {
                mirror, pending, ..
            } => {
                pending.push(Op::Delete(key.to_owned()));
                mirror.remove(key)
            }
            Backend::Browser(s) => s.remove(key),
            Backend::Memory(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Backend::Indexed { mirror, .. } => mirror.keys(),
            Backend::Browser(s) => s.keys(),
            Backend::Memory(s) => s.keys(),
        }
    }
}

fn storage_manager() -> Option<web_sys::StorageManager> {
    let navigator = web_sys::window()?.navigator();
    let storage = js_sys::Reflect::get(&navigator, &"storage".into()).ok()?;
    (!storage.is_undefined()).then(|| storage.into())
}

/// Asks the browser to keep this origin's storage under pressure; true when it will.
pub async fn request_persistence() -> bool {
    answer(storage_manager().and_then(|s| s.persist().ok())).await
}

/// Whether the browser already keeps this origin's storage under pressure.
pub async fn is_persisted() -> bool {
    answer(storage_manager().and_then(|s| s.persisted().ok())).await
}

/// What a storage manager's yes-or-no promise resolves to; no when there is none.
async fn answer(promise: Option<js_sys::Promise>) -> bool {
    let Some(promise) = promise else {
        return false;
    };
    wasm_bindgen_futures::JsFuture::from(promise)
        .await
        .ok()
        .and_then(|v| v.as_bool())
        .unwrap_or(false)
}

/// Share of the origin's quota in use, as the browser estimates it.
pub async fn estimate_share() -> Option<f64> {
    let promise = storage_manager()?.estimate().ok()?;
    let estimate = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    let field = |name: &str| js_sys::Reflect::get(&estimate, &name.into()).ok()?.as_f64();
    let (usage, quota) = (field("usage")?, field("quota")?);
    (quota > 0.0).then(|| usage / quota)
}
