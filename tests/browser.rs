//! Browser tests (wasm-bindgen-test in headless Chromium): the storage adapter against the
//! real local storage, and the app component mounted into the page.

use chrono::TimeZone;
use samverkan::storage::{classify, BrowserStore};
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
    let handle = leptos::mount::mount_to(host.clone(), samverkan::ui::App);
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
    assert!(local_storage().key(0).unwrap().is_some());
    assert!(
        (0..local_storage().length().unwrap())
            .filter_map(|i| local_storage().key(i).unwrap())
            .any(|k| k.starts_with("samverkan.backup.") && k.ends_with(".map.broken")),
        "the broken value was moved to a backup key"
    );
    drop(handle);
    host.remove();
    clear();
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
