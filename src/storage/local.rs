//! The window's local storage as a `KeyValueStore`: where maps lived before IndexedDB,
//! and where they still live when IndexedDB cannot be opened.

use super::{classify, describe};
use samverkan_model::store::{KeyValueStore, StoreError, PREFIX};

/// The window's local storage.
pub struct BrowserStore {
    raw: web_sys::Storage,
}

impl BrowserStore {
    /// Opens local storage, checking that a write goes through.
    pub fn open() -> Result<BrowserStore, StoreError> {
        let window =
            web_sys::window().ok_or_else(|| StoreError::Unavailable("no window".into()))?;
        // `local_storage()` throws in some sandboxed frames and is null in others.
        let raw = match window.local_storage() {
            Ok(Some(raw)) => raw,
            Ok(None) => return Err(StoreError::Unavailable("localStorage is null".into())),
            Err(error) => return Err(StoreError::Unavailable(describe(&error))),
        };
        let mut store = BrowserStore { raw };
        let probe = format!("{PREFIX}probe");
        store.set(&probe, "1").map_err(|e| match e {
            StoreError::Quota => StoreError::Quota,
            StoreError::Unavailable(why) | StoreError::Other(why) => StoreError::Unavailable(why),
        })?;
        store.remove(&probe)?;
        Ok(store)
    }
}

impl KeyValueStore for BrowserStore {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        self.raw.get_item(key).map_err(|e| classify(&e))
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        self.raw.set_item(key, value).map_err(|e| classify(&e))
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        self.raw.remove_item(key).map_err(|e| classify(&e))
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        let length = self.raw.length().map_err(|e| classify(&e))?;
        let mut keys = Vec::with_capacity(length as usize);
        for i in 0..length {
            if let Some(key) = self.raw.key(i).map_err(|e| classify(&e))? {
                keys.push(key);
            }
        }
        Ok(keys)
    }
}

/// Where a map's rescue copy is left (`Saver::leave_rescue_copy`).
pub const RESCUE_PREFIX: &str = "samverkan.rescue.";

/// Leaves a map's text in local storage, for the next start to take if IndexedDB did not
/// get it; a failure (quota) leaves nothing, as before.
pub fn leave_rescue(id: &samverkan_model::MapId, text: &str) {
    if let Some(raw) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = raw.set_item(&format!("{RESCUE_PREFIX}{id}"), text);
    }
}

/// Whether local storage still holds maps (or their order or backups) to move in; read
/// without the probe write `open` makes.
pub fn holds_maps() -> bool {
    let Some(raw) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) else {
        return false;
    };
    let length = raw.length().unwrap_or(0);
    (0..length)
        .filter_map(|i| raw.key(i).ok().flatten())
        .any(|key| super::is_map_store_key(&key))
}
