//! Small preferences of this browser (language, shown columns, a map's layout, the
//! projector's view) in local storage through `gloo-storage`: not part of any map, so not
//! versioned or backed up, and losing one costs a click.

use gloo_storage::{LocalStorage, Storage};

/// A preference, or None when unset or unreadable.
pub fn get(key: &str) -> Option<String> {
    LocalStorage::get::<String>(key).ok().or_else(|| {
        // Versions before gloo-storage wrote the bare string, not JSON.
        LocalStorage::raw().get_item(key).ok().flatten()
    })
}

/// Sets a preference unless it already has this value (so other windows hear only
/// changes); a failure only means the preference is not remembered.
pub fn set(key: &str, value: &str) {
    if get(key).as_deref() != Some(value) {
        let _ = LocalStorage::set(key, value);
    }
}

/// Forgets a preference.
pub fn remove(key: &str) {
    LocalStorage::delete(key);
}
