//! The backup outside the browser: where the File System Access API exists, a file the
//! user picks once and the app rewrites with every map (at most once a minute after
//! changes, and on leaving); elsewhere a download and a reminder. Also the risks told
//! once: Safari's 7 days, and a browser that does not promise to keep the data.

use super::notices::Notices;
use super::saving::Saver;
use super::transfer::Transfer;
use crate::notice::{Message, NoticeAction, Severity};
use crate::storage::prefs;
use chrono::{DateTime, Utc};
use js_sys::{Object, Reflect};
use leptos::prelude::*;
use std::time::Duration;
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_futures::JsFuture;

/// The longest the backup file lags behind the maps while the page is open.
const AT_MOST_EVERY: Duration = Duration::from_secs(60);
/// A download older than this is called due once maps have changed.
const REMIND_AFTER_DAYS: i64 = 7;
const HANDLE_SETTING: &str = "backup.handle";
const LAST_SETTING: &str = "backup.at";
const SINCE_SETTING: &str = "backup.since";
const SAFARI_TOLD: &str = "samverkan.told.safari";

/// Where the backup is once its part of the app has been fetched (shortly after start;
/// none in a read-only window).
#[derive(Clone, Copy)]
pub struct BackupSlot(pub RwSignal<Option<Backup>>);

/// Starts the backup into its slot (from its part, `ui::shell::parts::backup_service`).
pub fn start_in_slot() {
    let Some(slot) = use_context::<BackupSlot>() else {
        return;
    };
    let (saver, transfer, notices) = (
        super::use_saver(),
        super::use_transfer(),
        super::use_notices(),
    );
    let ages = super::use_library().ages.get_value();
    slot.0
        .set(Some(Backup::start(saver, transfer, notices, ages)));
}

/// The latest change to any stored map, as the app started.
pub type Ages = Option<DateTime<Utc>>;

/// Where the backup file stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum FileState {
    /// No File System Access API (Firefox, Safari): backups are downloads.
    Unsupported,
    /// Possible, but no file picked yet.
    NotChosen,
    /// A file was picked, but after a reload the browser must ask again.
    Paused,
    /// Written after changes.
    On,
}

#[derive(Default)]
struct Timing {
    last_write: Option<f64>,
    scheduled: bool,
    changed: bool,
}

/// The backup, shared through context.
#[derive(Clone, Copy)]
pub struct Backup {
    pub state: RwSignal<FileState>,
    /// When the last backup (file or download) was made.
    pub last: RwSignal<Option<DateTime<Utc>>>,
    handle: StoredValue<Option<JsValue>, LocalStorage>,
    timing: StoredValue<Timing, LocalStorage>,
    saver: Saver,
    transfer: Transfer,
    notices: Notices,
}

fn window() -> web_sys::Window {
    web_sys::window().expect("a window")
}

/// Calls `target.name(args…)` and awaits the promise it returns.
async fn call(target: &JsValue, name: &str, args: &[JsValue]) -> Result<JsValue, JsValue> {
    let function: js_sys::Function = Reflect::get(target, &name.into())?.dyn_into()?;
    let args: js_sys::Array = args.iter().collect();
    let promise: js_sys::Promise = function.apply(target, &args)?.dyn_into()?;
    JsFuture::from(promise).await
}

fn read_write() -> JsValue {
    let options = Object::new();
    let _ = Reflect::set(&options, &"mode".into(), &"readwrite".into());
    options.into()
}

fn message_of(error: &JsValue) -> String {
    Reflect::get(error, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .unwrap_or_else(|| format!("{error:?}"))
}

impl Backup {
    /// Reads where the backup stands, follows the saves, and tells the risks.
    /// `ages`: the latest change to a stored map.
    pub fn start(saver: Saver, transfer: Transfer, notices: Notices, ages: Ages) -> Self {
        let supported = Reflect::has(&window(), &"showSaveFilePicker".into()).unwrap_or(false);
        let backup = Self {
            state: RwSignal::new(if supported {
                FileState::NotChosen
            } else {
                FileState::Unsupported
            }),
            last: RwSignal::new(None),
            handle: StoredValue::new_local(None),
            timing: StoredValue::new_local(Timing::default()),
            saver,
            transfer,
            notices,
        };
        if saver.database().is_none() {
            return backup;
        }
        leptos::task::spawn_local(backup.resume_where_left(ages));
        let saves = saver.saves;
        Effect::new(move |seen: Option<u64>| {
            let now = saves.get();
            if seen.is_some_and(|seen| seen != now) {
                backup.maps_changed();
            }
            now
        });
        tell_safari_risk(notices);
        // After the saver's own listeners (registered first), so the file gets the last save.
        let leaving = window_event_listener(leptos::ev::pagehide, move |_| backup.on_leave());
        let hidden = window_event_listener_untyped("visibilitychange", move |_| {
            if document().visibility_state() == web_sys::VisibilityState::Hidden {
                backup.on_leave();
            }
        });
        // Kept for the page's life, like the app itself.
        std::mem::forget((leaving, hidden));
        backup
    }

    async fn resume_where_left(self, newest_change: Ages) {
        let Some(db) = self.saver.database() else {
            return;
        };
        let last = db.setting(LAST_SETTING).await.ok().and_then(|v| v.as_f64());
        self.last
            .set(last.and_then(|ms| DateTime::from_timestamp_millis(ms as i64)));
        let handle = db
            .setting(HANDLE_SETTING)
            .await
            .ok()
            .filter(JsValue::is_object);
        if let (Some(handle), true) = (handle, self.state.get_untracked() != FileState::Unsupported)
        {
            let granted = call(&handle, "queryPermission", &[read_write()])
                .await
                .ok()
                .and_then(|p| p.as_string())
                .is_some_and(|p| p == "granted");
            self.handle.set_value(Some(handle));
            self.state.set(if granted {
                FileState::On
            } else {
                FileState::Paused
            });
        }
        // Without a backup yet, the week is counted from the first start of this version.
        let since = match last {
            Some(ms) => Some(ms),
            None => match db
                .setting(SINCE_SETTING)
                .await
                .ok()
                .and_then(|v| v.as_f64())
            {
                Some(ms) => Some(ms),
                None => {
                    let now = JsValue::from_f64(js_sys::Date::now());
                    let _ = db.set_setting(SINCE_SETTING, &now).await;
                    None
                }
            },
        };
        let since = since.and_then(|ms| DateTime::from_timestamp_millis(ms as i64));
        self.remind_if_due(newest_change, since);
    }

    /// `Backup file`: the user picks the file (a user gesture), which is written at once.
    pub fn choose(&self) {
        let backup = *self;
        leptos::task::spawn_local(async move {
            let options = Object::new();
            let _ = Reflect::set(
                &options,
                &"suggestedName".into(),
                &"samverkan-backup.samverkan.json".into(),
            );
            let picked = call(&window().into(), "showSaveFilePicker", &[options.into()]).await;
            let handle = match picked {
                Ok(handle) => handle,
                // Closing the picker is a choice, not an error.
                Err(error) if is_abort(&error) => return,
                Err(error) => return backup.failed(&error),
            };
            if let Some(db) = backup.saver.database() {
                let _ = db.set_setting(HANDLE_SETTING, &handle).await;
            }
            backup.handle.set_value(Some(handle));
            backup.state.set(FileState::On);
            backup.write().await;
        });
    }

    /// `Resume backups`: asks the browser again (a user gesture) and writes at once.
    pub fn resume(&self) {
        let backup = *self;
        let Some(handle) = self.handle.get_value() else {
            return;
        };
        leptos::task::spawn_local(async move {
            let answer = call(&handle, "requestPermission", &[read_write()]).await;
            if answer.ok().and_then(|a| a.as_string()).as_deref() == Some("granted") {
                backup.state.set(FileState::On);
                backup.write().await;
            }
        });
    }

    /// `Download backup`: every map as one file, counted as a backup.
    pub fn download(&self) {
        self.transfer.export_all();
        self.made_now();
    }

    fn maps_changed(&self) {
        if self.state.get_untracked() != FileState::On {
            return;
        }
        let now = js_sys::Date::now();
        let wait = self.timing.try_update_value(|t| {
            t.changed = true;
            let since = t.last_write.map_or(f64::INFINITY, |at| now - at);
            let wait = (AT_MOST_EVERY.as_millis() as f64 - since).max(0.0);
            if t.scheduled {
                None
            } else {
                t.scheduled = true;
                Some(wait)
            }
        });
        if let Some(Some(wait)) = wait {
            let backup = *self;
            set_timeout(
                move || leptos::task::spawn_local(backup.write()),
                Duration::from_millis(wait as u64),
            );
        }
    }

    /// On leaving: writes now if maps changed since the last write. Should the page go
    /// before the file is closed, the browser drops the swap file and the last good
    /// backup stays.
    fn on_leave(&self) {
        let changed = self.timing.try_with_value(|t| t.changed).unwrap_or(false);
        if changed && self.state.get_untracked() == FileState::On {
            leptos::task::spawn_local(self.write());
        }
    }

    /// Writes every map to the file through `createWritable`, which replaces the file
    /// only when closed, so a half-written backup never replaces the last good one.
    async fn write(self) {
        self.timing.update_value(|t| {
            t.scheduled = false;
            t.changed = false;
            t.last_write = Some(js_sys::Date::now());
        });
        let Some(handle) = self.handle.get_value() else {
            return;
        };
        let text = self.transfer.collection(false);
        let written = async {
            let writable = call(&handle, "createWritable", &[]).await?;
            call(&writable, "write", &[text.into()]).await?;
            call(&writable, "close", &[]).await
        };
        match written.await {
            Ok(_) => self.made_now(),
            Err(error) => {
                let name = Reflect::get(&error, &"name".into())
                    .ok()
                    .and_then(|n| n.as_string());
                if name.as_deref() == Some("NotAllowedError") {
                    self.state.set(FileState::Paused);
                } else {
                    self.failed(&error);
                }
            }
        }
    }

    fn made_now(&self) {
        let now = Utc::now();
        self.last.set(Some(now));
        self.notices
            .retain(|n| !matches!(n.message, Message::BackupDue | Message::BackupFailed(_)));
        if let Some(db) = self.saver.database() {
            leptos::task::spawn_local(async move {
                let at = JsValue::from_f64(now.timestamp_millis() as f64);
                let _ = db.set_setting(LAST_SETTING, &at).await;
            });
        }
    }

    fn failed(&self, error: &JsValue) {
        let message = Message::BackupFailed(message_of(error));
        self.notices.notify(
            Severity::Error,
            message,
            vec![NoticeAction::DownloadMapsBackup],
        );
    }

    /// Reminds to download a backup when a map changed after the last one and that is
    /// older than a week (without one, after the week since this version first started).
    fn remind_if_due(&self, newest_change: Ages, since: Option<DateTime<Utc>>) {
        if self.state.get_untracked() == FileState::On {
            return;
        }
        let week_ago = Utc::now() - chrono::Duration::days(REMIND_AFTER_DAYS);
        let due = since.is_some_and(|since| {
            since < week_ago && newest_change.is_some_and(|change| change > since)
        });
        if due {
            self.notices.notify(
                Severity::Warning,
                Message::BackupDue,
                vec![NoticeAction::DownloadMapsBackup],
            );
        }
    }
}

fn is_abort(error: &JsValue) -> bool {
    Reflect::get(error, &"name".into())
        .ok()
        .and_then(|n| n.as_string())
        .is_some_and(|n| n == "AbortError")
}

/// Safari (not an installed home-screen app) deletes script-written storage of a site not
/// visited for 7 days: said once, with the two ways to keep the maps.
fn tell_safari_risk(notices: Notices) {
    let navigator = window().navigator();
    let agent = navigator.user_agent().unwrap_or_default();
    let safari = agent.contains("Safari")
        && !["Chrome", "Chromium", "CriOS", "FxiOS", "Edg", "Android"]
            .iter()
            .any(|other| agent.contains(other));
    let installed = window()
        .match_media("(display-mode: standalone)")
        .ok()
        .flatten()
        .is_some_and(|m| m.matches())
        || Reflect::get(&navigator, &"standalone".into())
            .ok()
            .and_then(|s| s.as_bool())
            .unwrap_or(false);
    if safari && !installed && prefs::get(SAFARI_TOLD).is_none() {
        prefs::set(SAFARI_TOLD, "1");
        notices.notify(
            Severity::Warning,
            Message::SafariDeletes,
            vec![NoticeAction::DownloadMapsBackup],
        );
    }
}
