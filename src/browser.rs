//! Small browser helpers: random ids, file downloads, the URL's language.

use samverkan_model::ids::uuid_v4;
use wasm_bindgen::JsCast;

/// A new UUID v4 from the browser's cryptographic random source.
pub fn new_id() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .map(|c| c.get_random_values_with_u8_array(&mut bytes).is_ok())
        .unwrap_or(false);
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// Offers `content` as a file download named `name`.
pub fn download(name: &str, content: &str, mime: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let parts = js_sys::Array::of1(&content.into());
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let Ok(blob) = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options) else {
        return;
    };
    let Ok(url) = web_sys::Url::create_object_url_with_blob(&blob) else {
        return;
    };
    if let Ok(anchor) = document.create_element("a") {
        let anchor: web_sys::HtmlAnchorElement = anchor.unchecked_into();
        anchor.set_href(&url);
        anchor.set_download(name);
        anchor.click();
    }
    let _ = web_sys::Url::revoke_object_url(&url);
}

/// The `lang` query parameter, if any.
pub fn url_lang() -> Option<String> {
    let search = web_sys::window()?.location().search().ok()?;
    web_sys::UrlSearchParams::new_with_str(&search)
        .ok()?
        .get("lang")
}

/// The browser's language preferences (`navigator.languages`), most wanted first.
pub fn navigator_languages() -> Vec<String> {
    web_sys::window()
        .map(|w| w.navigator().languages())
        .map(|list| list.iter().filter_map(|tag| tag.as_string()).collect())
        .unwrap_or_default()
}

/// Puts `lang` in the address (without reloading) so a reload keeps the language.
pub fn set_url_lang(lang: &str) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().set("lang", lang);
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
    if let Some(root) = window.document().and_then(|d| d.document_element()) {
        let _ = root.set_attribute("lang", lang);
    }
}

/// The page's address without query or fragment: where a share link points.
pub fn page_address() -> String {
    let location = web_sys::window().map(|w| w.location());
    let part = |get: fn(&web_sys::Location) -> Result<String, wasm_bindgen::JsValue>| {
        location
            .as_ref()
            .and_then(|l| get(l).ok())
            .unwrap_or_default()
    };
    part(web_sys::Location::origin) + &part(web_sys::Location::pathname)
}

/// The address's fragment after `prefix`, removed from the address bar (and history) as
/// it is read; None when the fragment does not start with `prefix`.
pub fn take_fragment(prefix: &str) -> Option<String> {
    let window = web_sys::window()?;
    let hash = window.location().hash().ok()?;
    let data = hash.strip_prefix(prefix)?.to_owned();
    let href = window.location().href().ok()?;
    let bare = href.split_once('#').map_or(href.as_str(), |(bare, _)| bare);
    let _ =
        window
            .history()
            .ok()?
            .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(bare));
    Some(data)
}

/// Copies `text` to the clipboard; false when the browser refuses.
pub async fn copy_text(text: &str) -> bool {
    let Some(window) = web_sys::window() else {
        return false;
    };
    let promise = window.navigator().clipboard().write_text(text);
    wasm_bindgen_futures::JsFuture::from(promise).await.is_ok()
}

/// Milliseconds since the page started (`performance.now()`), for time slices.
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// Runs `step` in slices of about `budget_ms` per timer turn until it returns false or
/// `alive` turns false (its view went away), so long work never blocks typing.
pub fn run_in_slices(
    alive: std::rc::Rc<std::cell::Cell<bool>>,
    budget_ms: f64,
    mut step: impl FnMut() -> bool + 'static,
) {
    fn next(
        alive: std::rc::Rc<std::cell::Cell<bool>>,
        budget_ms: f64,
        mut step: Box<dyn FnMut() -> bool>,
    ) {
        leptos::prelude::set_timeout(
            move || {
                if !alive.get() {
                    return;
                }
                let start = now_ms();
                while now_ms() - start < budget_ms {
                    if !step() {
                        return;
                    }
                }
                next(alive, budget_ms, step);
            },
            std::time::Duration::ZERO,
        );
    }
    if alive.get() && step() {
        next(alive, budget_ms, Box::new(step));
    }
}

/// Today's date where the user is.
pub fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

/// How often a service worker's registration tries again while the browser is offline.
const OFFLINE_RETRY_MS: i32 = 5_000;

/// Registers the service worker (`pwa/sw.js`) that keeps the app for use offline. The URL is
/// relative, so its scope is whatever folder the app is hosted in. Where there can be none
/// (plain http off localhost, a browser without them, a host that does not serve `sw.js`)
/// the app works as before, online only, and says so in the console.
pub fn register_service_worker() {
    let Some(navigator) = web_sys::window().map(|w| w.navigator()) else {
        return;
    };
    let warn = |why: &wasm_bindgen::JsValue| {
        web_sys::console::warn_2(&"Samverkan works online only here:".into(), why)
    };
    // Outside a secure context `navigator.serviceWorker` does not exist at all.
    if !js_sys::Reflect::has(&navigator, &"serviceWorker".into()).unwrap_or(false) {
        warn(&"no service worker support".into());
        return;
    }
    // Offline the script cannot be fetched (the browser reports that as an error): the
    // registration waits for the network.
    if !navigator.on_line() {
        after_ms(OFFLINE_RETRY_MS, register_service_worker);
        return;
    }
    let registering = navigator.service_worker().register("./sw.js");
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(why) = wasm_bindgen_futures::JsFuture::from(registering).await {
            warn(&why);
        }
    });
}

/// A whole idle period: the browser gives at most 50 ms, and only when no frame is due.
const WHOLE_IDLE_MS: f64 = 49.0;
/// How long the page must have had nothing to do before [`once_quiet`] runs.
const QUIET_MS: f64 = 1_000.0;
/// [`once_quiet`] runs after this long however busy the page stays.
const QUIET_AT_MOST_MS: f64 = 30_000.0;
/// Where the browser has no idle callbacks (Safari): run after this long.
const QUIET_GUESS_MS: i32 = 5_000;

/// Runs `run` once the page has had nothing to do for a second (whole idle periods in a
/// row: no frame drawn, no task waiting), or after 30 s. For work that may come late but
/// would slow what the user is doing now: the service worker's install fetches and keeps
/// every file of the app, which on two cores held a first import up by a third.
pub fn once_quiet(run: impl FnOnce() + 'static) {
    let idle = web_sys::window()
        .and_then(|w| js_sys::Reflect::get(&w, &"requestIdleCallback".into()).ok())
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    match idle {
        Some(idle) => wait_until_quiet(idle, now_ms(), None, Box::new(run)),
        None => {
            after_ms(QUIET_GUESS_MS, run);
        }
    }
}

/// One idle callback of [`once_quiet`]: `quiet_since` is when the run of whole idle
/// periods began, if one is going on.
fn wait_until_quiet(
    idle: js_sys::Function,
    started: f64,
    quiet_since: Option<f64>,
    run: Box<dyn FnOnce()>,
) {
    let request = idle.clone();
    let next = wasm_bindgen::closure::Closure::once_into_js(move |deadline: js_sys::Object| {
        let now = now_ms();
        let left = js_sys::Reflect::get(&deadline, &"timeRemaining".into())
            .ok()
            .and_then(|f| f.dyn_into::<js_sys::Function>().ok())
            .and_then(|f| f.call0(&deadline).ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        let quiet_since = (left >= WHOLE_IDLE_MS).then(|| quiet_since.unwrap_or(now));
        let quiet = quiet_since.is_some_and(|since| now - since >= QUIET_MS);
        if quiet || now - started >= QUIET_AT_MOST_MS {
            run();
        } else {
            wait_until_quiet(request, started, quiet_since, run);
        }
    });
    let _ = idle.call1(&wasm_bindgen::JsValue::NULL, &next);
}

/// Runs `run` once after `ms` milliseconds; the timer's id (for `clearTimeout`), if set.
pub fn after_ms(ms: i32, run: impl FnOnce() + 'static) -> Option<i32> {
    use wasm_bindgen::JsCast;
    let callback = wasm_bindgen::closure::Closure::once_into_js(run);
    web_sys::window()?
        .set_timeout_with_callback_and_timeout_and_arguments_0(callback.unchecked_ref(), ms)
        .ok()
}
