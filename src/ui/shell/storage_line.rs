//! The storage line under the map list: how full storage is, whether the browser keeps
//! the data, when the last backup was made, and the backup's buttons (`Backup file`,
//! `Resume backups`, `Download backup`); and the start screen's `Restore from backup file`.

use crate::app::backup::{Backup, BackupSlot, FileState};
use crate::app::{use_saver, use_transfer};
use crate::ui::texts;
use chrono::Local;
use leptos::prelude::*;

#[component]
pub fn StorageLine() -> impl IntoView {
    let saver = use_saver();
    // A read-only window (the projector) makes no backups.
    let Some(slot) = use_context::<BackupSlot>() else {
        return ().into_any();
    };
    (move || slot.0.get().map(|backup| line(saver, backup))).into_any()
}

fn line(saver: crate::app::Saver, backup: Backup) -> impl IntoView {
    let t = texts();
    let state = backup.state;
    let last = move || match backup.last.get() {
        Some(at) => (t().last_backup)(
            &at.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M")
                .to_string(),
        ),
        None => t().no_backup_yet.to_owned(),
    };
    view! {
        <div class="storage" role="group" aria-labelledby="storage-line">
            <p class="usage" id="storage-line" class:high=move || saver.usage.get().is_some_and(|u| u >= samverkan_model::store::WARN_SHARE)>
                {move || match saver.usage.get() {
                    Some(share) => (t().usage)(share * 100.0),
                    None => t().usage_in_memory.to_owned(),
                }}
                {move || match saver.persisted.get() {
                    Some(true) => format!(" · {}", t().storage_kept),
                    Some(false) => format!(" · {}", t().storage_may_clear),
                    None => String::new(),
                }}
                " · " {last}
            </p>
            <div class="backup-tools">
                <Show when=move || state.get() == FileState::Paused>
                    <button on:click=move |_| backup.resume()>{move || t().resume_backups}</button>
                </Show>
                <Show when=move || state.get() != FileState::Unsupported>
                    <button on:click=move |_| backup.choose()
                        aria-pressed=move || (state.get() == FileState::On).to_string()>{move || t().backup_file}</button>
                </Show>
                <button on:click=move |_| backup.download()>{move || t().download_maps_backup}</button>
            </div>
        </div>
    }
}

/// `Restore from backup file` on the start screen: every map of a backup file (or any
/// Samverkan file) comes back.
#[component]
pub fn RestoreFromBackup() -> impl IntoView {
    let transfer = use_transfer();
    let t = texts();
    view! {
        <label class="filebutton restore">
            <span>{move || t().restore_from_backup}</span>
            <input type="file" accept=".json,application/json" on:change=move |ev| {
                let target: web_sys::HtmlInputElement = event_target(&ev);
                let Some(file) = target.files().and_then(|files| files.get(0)) else { return };
                target.set_value("");
                super::import_export::read_file(transfer, file, move |name, text| {
                    leptos::task::spawn_local(async move {
                        let _ = crate::app::transfer::restoring(transfer, name, text).await;
                    });
                });
            }/>
        </label>
    }
}
