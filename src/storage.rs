//! The only module that touches the browser's local storage: a thin `KeyValueStore` over
//! it, with quota errors told apart from the rest, and an in-memory fallback for browsers
//! where storage is missing or throws.

use samverkan_model::store::{KeyValueStore, MemoryStore, StoreError, PREFIX};
use wasm_bindgen::JsValue;

/// The window's local storage.
pub struct BrowserStore {
    raw: web_sys::Storage,
}

/// Where this tab keeps its maps.
pub enum Backend {
    Browser(BrowserStore),
    /// Storage was unavailable: the app works in memory and says so.
    Memory(MemoryStore),
}

impl Backend {
    /// Local storage when it works (a probe write and remove succeed), else memory with the
    /// reason. Private modes may expose storage that throws on every write.
    pub fn open() -> (Backend, Option<StoreError>) {
        match BrowserStore::open() {
            Ok(store) => (Backend::Browser(store), None),
            Err(error) => (Backend::Memory(MemoryStore::default()), Some(error)),
        }
    }

    pub fn is_memory(&self) -> bool {
        matches!(self, Backend::Memory(_))
    }
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

impl KeyValueStore for Backend {
    fn get(&self, key: &str) -> Result<Option<String>, StoreError> {
        match self {
            Backend::Browser(s) => s.get(key),
            Backend::Memory(s) => s.get(key),
        }
    }
    fn set(&mut self, key: &str, value: &str) -> Result<(), StoreError> {
        match self {
            Backend::Browser(s) => s.set(key, value),
            Backend::Memory(s) => s.set(key, value),
        }
    }
    fn remove(&mut self, key: &str) -> Result<(), StoreError> {
        match self {
            Backend::Browser(s) => s.remove(key),
            Backend::Memory(s) => s.remove(key),
        }
    }
    fn keys(&self) -> Result<Vec<String>, StoreError> {
        match self {
            Backend::Browser(s) => s.keys(),
            Backend::Memory(s) => s.keys(),
        }
    }
}

/// Asks the browser to keep this origin's storage under pressure; the answer only matters
/// to the browser, so it is not awaited.
pub fn request_persistence() {
    if let Some(window) = web_sys::window() {
        if let Ok(storage) = js_sys::Reflect::get(&window.navigator(), &"storage".into()) {
            if !storage.is_undefined() {
                let storage: web_sys::StorageManager = storage.into();
                let _ = storage.persist();
            }
        }
    }
}
