//! Thin calls into IndexedDB: one database `samverkan` with the maps (under the same keys
//! local storage used), their earlier versions, and the app's settings. Requests become
//! futures through a promise; everything a write checks happens in its one transaction.

use super::classify;
use js_sys::{Array, Promise};
use samverkan_model::store::{saved_revision, SaveError, StoreError, MAP_PREFIX};
use samverkan_model::versions::{Cause, Stamp};
use std::future::Future;
use wasm_bindgen::closure::Closure;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;
use web_sys::{IdbDatabase, IdbKeyRange, IdbRequest, IdbTransaction, IdbTransactionMode};

const NAME: &str = "samverkan";
const SCHEMA: u32 = 1;
const MAPS: &str = "maps";
const VERSIONS: &str = "versions";
const SETTINGS: &str = "settings";

/// One change to the maps store.
#[derive(Clone, Debug)]
pub enum Op {
    Put(String, String),
    Delete(String),
}

/// An earlier version of a map, as stored.
#[derive(Clone, Debug)]
pub struct Version {
    pub stamp: Stamp,
    pub text: String,
}

#[derive(Clone)]
pub struct Database {
    db: IdbDatabase,
}

/// Resolves with the request's result, or fails with its error.
fn request(req: &IdbRequest) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let ok = req.clone();
        let on_success = Closure::once_into_js(move || {
            let _ = resolve.call1(&JsValue::NULL, &ok.result().unwrap_or(JsValue::UNDEFINED));
        });
        let failed = req.clone();
        let on_error = Closure::once_into_js(move || {
            let error = failed.error().ok().flatten().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        req.set_onsuccess(Some(on_success.unchecked_ref()));
        req.set_onerror(Some(on_error.unchecked_ref()));
    });
    JsFuture::from(promise)
}

/// Resolves when the transaction has committed; fails when it aborts.
fn committed(tx: &IdbTransaction) -> JsFuture {
    let promise = Promise::new(&mut |resolve, reject| {
        let on_complete = Closure::once_into_js(move || {
            let _ = resolve.call0(&JsValue::NULL);
        });
        let failed = tx.clone();
        let on_abort = Closure::once_into_js(move || {
            let error = failed.error().map(JsValue::from);
            let _ = reject.call1(&JsValue::NULL, &error.unwrap_or(JsValue::UNDEFINED));
        });
        tx.set_oncomplete(Some(on_complete.unchecked_ref()));
        tx.set_onabort(Some(on_abort.unchecked_ref()));
    });
    JsFuture::from(promise)
}

fn names(stores: &[&str]) -> Array {
    stores.iter().map(|s| JsValue::from_str(s)).collect()
}

fn version_key(map: &str, stamp: Stamp) -> Array {
    Array::of3(
        &map.into(),
        &(stamp.at as f64).into(),
        &stamp.cause.tag().into(),
    )
}

fn stamp_of(key: &JsValue) -> Option<Stamp> {
    let key: &Array = key.dyn_ref()?;
    Some(Stamp {
        at: key.get(1).as_f64()? as i64,
        cause: Cause::parse(&key.get(2).as_string()?)?,
    })
}

/// Every version key of one map: from `[map]` to `[map, []]` (arrays sort after numbers).
fn versions_of(map: &str) -> Result<IdbKeyRange, JsValue> {
    IdbKeyRange::bound(
        &Array::of1(&map.into()),
        &Array::of2(&map.into(), &Array::new()),
    )
}

impl Database {
    /// Opens (creating on first use) the database.
    pub async fn open() -> Result<Database, StoreError> {
        let factory = web_sys::window()
            .and_then(|w| w.indexed_db().ok().flatten())
            .ok_or_else(|| StoreError::Unavailable("no IndexedDB".into()))?;
        let opening = factory
            .open_with_u32(NAME, SCHEMA)
            .map_err(|e| classify(&e))?;
        let upgrading = opening.clone();
        let on_upgrade = Closure::once_into_js(move || {
            if let Ok(db) = upgrading.result() {
                let db: IdbDatabase = db.unchecked_into();
                for store in [MAPS, VERSIONS, SETTINGS] {
                    let _ = db.create_object_store(store);
                }
            }
        });
        opening.set_onupgradeneeded(Some(on_upgrade.unchecked_ref()));
        let db = request(&opening).await.map_err(|e| classify(&e))?;
        Ok(Database {
            db: db.unchecked_into(),
        })
    }

    fn transaction(&self, stores: &[&str], write: bool) -> Result<IdbTransaction, JsValue> {
        let mode = if write {
            IdbTransactionMode::Readwrite
        } else {
            IdbTransactionMode::Readonly
        };
        self.db
            .transaction_with_str_sequence_and_mode(&names(stores), mode)
    }

    /// Every key and value of the maps store.
    pub async fn read_maps(&self) -> Result<Vec<(String, String)>, StoreError> {
        let read = async {
            let store = self.transaction(&[MAPS], false)?.object_store(MAPS)?;
            let keys = request(&store.get_all_keys()?);
            let values = request(&store.get_all()?);
            let (keys, values): (Array, Array) =
                (keys.await?.unchecked_into(), values.await?.unchecked_into());
            Ok::<_, JsValue>(
                keys.iter()
                    .zip(values.iter())
                    .filter_map(|(k, v)| Some((k.as_string()?, v.as_string()?)))
                    .collect(),
            )
        };
        read.await.map_err(|e| classify(&e))
    }

    /// One value of the maps store.
    pub async fn read_map(&self, key: &str) -> Result<Option<String>, StoreError> {
        let read = async {
            let store = self.transaction(&[MAPS], false)?.object_store(MAPS)?;
            Ok::<_, JsValue>(request(&store.get(&key.into())?).await?.as_string())
        };
        read.await.map_err(|e| classify(&e))
    }

    /// Applies `ops` and adds `versions` in one transaction. A map's new text must carry a
    /// revision above the stored one (else nothing is written: another tab was first), and
    /// every value written is read back and compared before the transaction commits.
    /// The requests go out before this returns, so a write started on `pagehide` is sent.
    pub fn write(
        &self,
        ops: &[Op],
        versions: &[(String, Version)],
    ) -> impl Future<Output = Result<(), SaveError>> {
        enum Check {
            Newer(JsFuture, u64),
            Equal(JsFuture, JsValue),
        }
        let issued = (|| -> Result<_, JsValue> {
            let tx = self.transaction(&[MAPS, VERSIONS], true)?;
            let maps = tx.object_store(MAPS)?;
            let mut checks = Vec::new();
            // Each text crosses into JS once (an autosave's version is the map's own text):
            // a 1,000-actor map is 600 KB to copy and decode.
            let mut texts: Vec<(&str, JsValue)> = Vec::new();
            for op in ops {
                match op {
                    Op::Put(key, value) => {
                        let key_js = JsValue::from_str(key);
                        if key.starts_with(MAP_PREFIX) {
                            let revision = saved_revision(value).unwrap_or(0);
                            checks.push(Check::Newer(request(&maps.get(&key_js)?), revision));
                        }
                        let value_js = JsValue::from_str(value);
                        maps.put_with_key(&value_js, &key_js)?;
                        checks.push(Check::Equal(request(&maps.get(&key_js)?), value_js.clone()));
                        texts.push((value, value_js));
                    }
                    Op::Delete(key) => {
                        maps.delete(&key.into())?;
                    }
                }
            }
            let store = tx.object_store(VERSIONS)?;
            for (map, version) in versions {
                let text = texts
                    .iter()
                    .find(|(value, _)| *value == version.text)
                    .map_or_else(|| JsValue::from_str(&version.text), |(_, js)| js.clone());
                store.put_with_key(&text, &version_key(map, version.stamp))?;
            }
            let done = committed(&tx);
            Ok((tx, checks, done))
        })();
        async move {
            let store_error = |e: JsValue| SaveError::Store(classify(&e));
            let (tx, checks, done) = issued.map_err(store_error)?;
            for check in checks {
                let refused = match check {
                    Check::Newer(stored, revision) => stored
                        .await
                        .map_err(store_error)?
                        .as_string()
                        .and_then(|text| saved_revision(&text))
                        .filter(|&stored| stored >= revision)
                        .map(|stored_revision| SaveError::Conflict { stored_revision }),
                    // Compared in JS (`===` on two strings), not copied back out.
                    Check::Equal(read, expected) => (read.await.map_err(store_error)? != expected)
                        .then_some(SaveError::NotReadBack),
                };
                if let Some(refused) = refused {
                    let _ = tx.abort();
                    return Err(refused);
                }
            }
            done.await.map(drop).map_err(store_error)
        }
    }

    /// The stamps of a map's versions, without reading them.
    pub async fn version_stamps(&self, map: &str) -> Result<Vec<Stamp>, StoreError> {
        let read = async {
            let store = self
                .transaction(&[VERSIONS], false)?
                .object_store(VERSIONS)?;
            let keys = request(&store.get_all_keys_with_key(&versions_of(map)?.into())?).await?;
            Ok::<_, JsValue>(
                keys.unchecked_into::<Array>()
                    .iter()
                    .filter_map(|k| stamp_of(&k))
                    .collect(),
            )
        };
        read.await.map_err(|e| classify(&e))
    }

    /// A map's versions, oldest first.
    pub async fn versions(&self, map: &str) -> Result<Vec<Version>, StoreError> {
        let read = async {
            let store = self
                .transaction(&[VERSIONS], false)?
                .object_store(VERSIONS)?;
            let range: JsValue = versions_of(map)?.into();
            let keys = request(&store.get_all_keys_with_key(&range)?);
            let values = request(&store.get_all_with_key(&range)?);
            let (keys, values): (Array, Array) =
                (keys.await?.unchecked_into(), values.await?.unchecked_into());
            Ok::<_, JsValue>(
                keys.iter()
                    .zip(values.iter())
                    .filter_map(|(key, text)| {
                        Some(Version {
                            stamp: stamp_of(&key)?,
                            text: text.as_string()?,
                        })
                    })
                    .collect(),
            )
        };
        read.await.map_err(|e| classify(&e))
    }

    /// Deletes some of a map's versions (or all of them when `stamps` is None).
    pub async fn drop_versions(
        &self,
        map: &str,
        stamps: Option<&[Stamp]>,
    ) -> Result<(), StoreError> {
        let write = async {
            let tx = self.transaction(&[VERSIONS], true)?;
            let store = tx.object_store(VERSIONS)?;
            match stamps {
                Some(stamps) => {
                    for stamp in stamps {
                        store.delete(&version_key(map, *stamp))?;
                    }
                }
                None => {
                    store.delete(&versions_of(map)?.into())?;
                }
            }
            committed(&tx).await.map(drop)
        };
        write.await.map_err(|e| classify(&e))
    }

    /// A setting of the app (any structured-cloneable value, such as a file handle).
    pub async fn setting(&self, key: &str) -> Result<JsValue, StoreError> {
        let read = async {
            let store = self
                .transaction(&[SETTINGS], false)?
                .object_store(SETTINGS)?;
            request(&store.get(&key.into())?).await
        };
        read.await.map_err(|e| classify(&e))
    }

    pub async fn set_setting(&self, key: &str, value: &JsValue) -> Result<(), StoreError> {
        let write = async {
            let tx = self.transaction(&[SETTINGS], true)?;
            tx.object_store(SETTINGS)?
                .put_with_key(value, &key.into())?;
            committed(&tx).await.map(drop)
        };
        write.await.map_err(|e| classify(&e))
    }
}
