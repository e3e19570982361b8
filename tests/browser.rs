//! Browser tests (wasm-bindgen-test in headless Chromium): the storage adapters against the
//! real local storage and IndexedDB, and the app component mounted into the page.

use chrono::TimeZone;
use samverkan::storage::idb::{Database, Op, Version};
use samverkan::storage::local::BrowserStore;
use samverkan::storage::{classify, Backend};
use samverkan_model::io::{write_compact, Document};
use samverkan_model::sector::default_sectors;
use samverkan_model::store::{self, KeyValueStore, SaveError, StoreError, PREFIX};
use samverkan_model::{Actor, Map, Relation};
use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local_storage() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

/// Resolves at the next animation frame.
async fn next_frame() {
    let frame = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .request_animation_frame(&resolve)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(frame).await.unwrap();
}

/// Removes every key, ours and filler, so tests start from an empty origin.
fn clear() {
    local_storage().clear().unwrap();
}

/// Empties the maps store of IndexedDB (the app may hold the database open, so it is
/// emptied rather than deleted).
async fn clear_indexed_db() {
    let db = Database::open().await.unwrap();
    let ops: Vec<Op> = db
        .read_maps()
        .await
        .unwrap()
        .into_iter()
        .map(|(key, _)| Op::Delete(key))
        .collect();
    db.write(&ops, &[]).await.unwrap();
}

fn sample_map(id: &str) -> Map {
    let now = chrono::Utc
        .with_ymd_and_hms(2026, 11, 22, 10, 0, 0)
        .unwrap();
    let mut map = Map::new(
        id.into(),
        "Kompetensråd Jönköping",
        now,
        default_sectors(|s| s.to_owned()),
    );
    let mut region = Actor::new("a".into(), "Region Jönköpings län");
    region.sector = "public_sector".into();
    region.influence = Some(5);
    map.add_actor(region);
    map.add_actor(Actor::new("b".into(), "Jönköping University"));
    assert!(map.add_relation(Relation::new("r".into(), "a".into(), "b".into())));
    map
}

#[wasm_bindgen_test]
fn a_saved_map_loads_back_from_local_storage() {
    clear();
    let mut store = BrowserStore::open().expect("local storage works in Chromium");
    let map = sample_map("m1");
    assert_eq!(store::save_map(&mut store, &map, 0), Ok(1));
    let raw = local_storage()
        .get_item("samverkan.map.m1")
        .unwrap()
        .expect("stored under samverkan.map.<id>");
    assert!(raw.contains("\"format\":\"samverkan\""));
    let report = store::load_all(&mut store, "t").unwrap();
    assert_eq!(report.maps.len(), 1);
    assert_eq!(report.maps[0].map, map);
    assert_eq!(report.maps[0].revision, 1);
    assert!(store.keys().unwrap().iter().all(|k| k.starts_with(PREFIX)));
}

#[wasm_bindgen_test]
fn a_corrupted_value_is_kept_under_a_backup_key() {
    clear();
    let mut store = BrowserStore::open().unwrap();
    store::save_map(&mut store, &sample_map("good"), 0).unwrap();
    let full = write_compact(&Document::new(sample_map("bad"), 1));
    let cut = (0..=full.len() / 2)
        .rev()
        .find(|&i| full.is_char_boundary(i))
        .unwrap();
    let truncated = &full[..cut];
    local_storage()
        .set_item("samverkan.map.bad", truncated)
        .unwrap();

    let report = store::load_all(&mut store, "20261122T100000").unwrap();
    assert_eq!(report.maps.len(), 1, "the good map still loads");
    assert_eq!(report.unreadable.len(), 1);
    let backup = report.unreadable[0]
        .backup_key
        .clone()
        .expect("backup written");
    assert_eq!(backup, "samverkan.backup.20261122T100000.map.bad");
    assert_eq!(
        local_storage().get_item(&backup).unwrap().as_deref(),
        Some(truncated),
        "raw value preserved exactly"
    );
    assert_eq!(local_storage().get_item("samverkan.map.bad").unwrap(), None);
}

/// Fills local storage until a write of `size` characters no longer fits.
fn fill_storage() -> usize {
    let storage = local_storage();
    let mut size = 1 << 20;
    let mut n = 0;
    while size >= 64 {
        let filler = "x".repeat(size);
        if storage.set_item(&format!("filler.{n}"), &filler).is_ok() {
            n += 1;
        } else {
            size /= 2;
        }
    }
    n
}

#[wasm_bindgen_test]
fn a_full_quota_is_reported_as_quota_and_the_old_value_stays() {
    clear();
    let mut store = BrowserStore::open().unwrap();
    let mut map = sample_map("q");
    store::save_map(&mut store, &map, 0).unwrap();
    fill_storage();
    map.description = "lång beskrivning ".repeat(2000);
    let result = store::save_map(&mut store, &map, 1);
    assert_eq!(result, Err(SaveError::Store(StoreError::Quota)));
    let stored = local_storage()
        .get_item("samverkan.map.q")
        .unwrap()
        .unwrap();
    assert!(
        !stored.contains("lång beskrivning"),
        "the previous version is untouched"
    );
    clear();
}

#[wasm_bindgen_test]
fn quota_errors_are_told_apart_from_others() {
    let chromium = js_sys::Error::new("full");
    chromium.set_name("QuotaExceededError");
    assert_eq!(classify(&chromium.into()), StoreError::Quota);
    let firefox = js_sys::Error::new("full");
    firefox.set_name("NS_ERROR_DOM_QUOTA_REACHED");
    assert_eq!(classify(&firefox.into()), StoreError::Quota);
    let legacy = js_sys::Object::new();
    js_sys::Reflect::set(&legacy, &"code".into(), &JsValue::from(22)).unwrap();
    assert_eq!(classify(&legacy.into()), StoreError::Quota);
    let other = js_sys::Error::new("denied");
    other.set_name("SecurityError");
    assert_eq!(classify(&other.into()), StoreError::Other("denied".into()));
}

#[wasm_bindgen_test]
async fn the_app_starts_beside_a_corrupted_map_and_says_so() {
    clear();
    clear_indexed_db().await;
    let mut store = BrowserStore::open().unwrap();
    store::save_map(&mut store, &sample_map("ok"), 0).unwrap();
    // Swedish as last chosen with the switch (else the test browser's English would win).
    local_storage().set_item("samverkan.lang", "sv").unwrap();
    local_storage()
        .set_item(
            "samverkan.map.broken",
            "{\"format\":\"samverkan\",\"version\":1,\"map\":{",
        )
        .unwrap();

    let document = web_sys::window().unwrap().document().unwrap();
    let host: web_sys::HtmlElement =
        wasm_bindgen::JsCast::unchecked_into(document.create_element("div").unwrap());
    document.body().unwrap().append_child(&host).unwrap();
    // The maps local storage held (as the version before IndexedDB left them) move in.
    let opened = Backend::open().await;
    assert_eq!(
        opened.moved, 3,
        "both maps and the order moved, the unreadable one raw"
    );
    let handle = leptos::mount::mount_to(host.clone(), move || {
        leptos::view! { <samverkan::ui::App opened=opened/> }
    });
    leptos::task::tick().await;

    let alert = host
        .query_selector("[role=alert]")
        .unwrap()
        .expect("an alert is shown");
    let text = alert.text_content().unwrap();
    assert!(text.contains("kunde inte läsas"), "Swedish message: {text}");
    assert!(
        host.text_content()
            .unwrap()
            .contains("Kompetensråd Jönköping"),
        "the good map is listed and open"
    );
    // The map view opens first: each actor is a node named after it. Actors without a
    // position are drawn from the next frame on, once the layout has started.
    for _ in 0..120 {
        if host.query_selector_all("g.node").unwrap().length() == 2 {
            break;
        }
        next_frame().await;
    }
    let nodes = host.query_selector_all("g.node").unwrap();
    let names: Vec<String> = (0..nodes.length())
        .filter_map(|i| nodes.get(i))
        .filter_map(|n| {
            wasm_bindgen::JsCast::unchecked_into::<web_sys::Element>(n).get_attribute("aria-label")
        })
        .map(|label| {
            label
                .split(", inflytande")
                .next()
                .unwrap_or_default()
                .to_owned()
        })
        .collect();
    assert_eq!(names, vec!["Region Jönköpings län", "Jönköping University"]);
    let left: Vec<String> = (0..local_storage().length().unwrap())
        .filter_map(|i| local_storage().key(i).unwrap())
        .filter(|k| {
            k.starts_with("samverkan.map")
                || k.starts_with("samverkan.backup")
                || k == store::INDEX_KEY
        })
        .collect();
    assert!(
        left.is_empty(),
        "local storage keeps only preferences: {left:?}"
    );
    // The broken value's move to a backup key is written in a transaction of its own.
    let db = Database::open().await.unwrap();
    let mut stored = Vec::new();
    for _ in 0..120 {
        stored = db.read_maps().await.unwrap();
        if stored.iter().any(|(k, _)| k.ends_with(".map.broken")) {
            break;
        }
        next_frame().await;
    }
    let keys: Vec<&str> = stored.iter().map(|(k, _)| k.as_str()).collect();
    assert!(keys.contains(&"samverkan.map.ok"), "{keys:?}");
    assert!(!keys.contains(&"samverkan.map.broken"), "{keys:?}");
    assert!(
        keys.iter()
            .any(|k| k.starts_with("samverkan.backup.") && k.ends_with(".map.broken")),
        "the broken value was moved to a backup key: {keys:?}"
    );
    drop(handle);
    host.remove();
    clear();
    clear_indexed_db().await;
}

/// A write to IndexedDB refuses a revision not above the stored one (another tab was
/// first) and changes nothing then; versions are listed by map, oldest first.
#[wasm_bindgen_test]
async fn indexed_db_refuses_a_stale_revision_and_keeps_versions() {
    use samverkan_model::versions::{Cause, Stamp};
    clear_indexed_db().await;
    let db = Database::open().await.unwrap();
    let map = sample_map("idb");
    let key = store::map_key(&map.id);
    let text = |revision| write_compact(&Document::new(map.clone(), revision));
    let version = |at, revision| {
        (
            "idb".to_owned(),
            Version {
                stamp: Stamp {
                    at,
                    cause: Cause::Autosave,
                },
                text: text(revision),
            },
        )
    };
    db.drop_versions("idb", None).await.unwrap();
    db.write(&[Op::Put(key.clone(), text(1))], &[version(1, 1)])
        .await
        .unwrap();
    db.write(&[Op::Put(key.clone(), text(2))], &[version(2, 2)])
        .await
        .unwrap();
    let stale = db
        .write(&[Op::Put(key.clone(), text(2))], &[version(3, 2)])
        .await;
    assert_eq!(stale, Err(SaveError::Conflict { stored_revision: 2 }));
    assert_eq!(db.read_map(&key).await.unwrap(), Some(text(2)));
    let kept = db.versions("idb").await.unwrap();
    let stamps: Vec<i64> = kept.iter().map(|v| v.stamp.at).collect();
    assert_eq!(stamps, vec![1, 2], "the refused write added no version");
    assert_eq!(kept[1].text, text(2));
    db.drop_versions("idb", Some(&[kept[0].stamp]))
        .await
        .unwrap();
    assert_eq!(db.version_stamps("idb").await.unwrap().len(), 1);
    db.drop_versions("idb", None).await.unwrap();
    clear_indexed_db().await;
}

/// A share link's data opens back into the text it sealed, with each seal under its own
/// key; damage, a cut and a wrong key are told apart from a malformed link.
#[wasm_bindgen_test]
async fn a_share_link_opens_what_it_sealed_and_nothing_else() {
    use samverkan::share_link::{base64url, from_base64url, open, seal, LinkError};
    let text = "{\"map\": \"Region Kronoberg och Växjö kommun\"}".repeat(20);
    let data = seal(&text).await.unwrap();
    assert_eq!(open(&data).await, Ok(text.clone()));
    assert_ne!(
        seal(&text).await.unwrap(),
        data,
        "a fresh key and IV per link"
    );
    assert!(!data.contains("Kronoberg"));

    let (sealed, key) = data.split_once('.').unwrap();
    let mut bytes = from_base64url(sealed).unwrap();
    let middle = bytes.len() / 2;
    bytes[middle] ^= 1;
    let damaged = format!("{}.{key}", base64url(&bytes));
    assert_eq!(open(&damaged).await, Err(LinkError::WrongKeyOrDamaged));
    let cut = format!("{}.{key}", &sealed[..sealed.len() - 8]);
    assert_eq!(open(&cut).await, Err(LinkError::WrongKeyOrDamaged));
    let wrong_key = format!("{sealed}.{}", base64url(&[7; 32]));
    assert_eq!(open(&wrong_key).await, Err(LinkError::WrongKeyOrDamaged));
    assert_eq!(open(sealed).await, Err(LinkError::Malformed), "no key");
    assert_eq!(open("a!b.c").await, Err(LinkError::Malformed));
}
