//! `Versions` of a map: when each was kept and why, its counts, and which actors came and
//! went since the one before; `Restore this version` (one undo step, the state before it
//! kept too) and `Export this version`.

use crate::app::{use_doc, use_lang, use_library, use_notices, use_saver};
use crate::notice::{Message, NoticeAction, Severity};
use crate::storage::idb::Version;
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use chrono::{DateTime, Local, Utc};
use leptos::prelude::*;
use samverkan_model::io::{file_stem, read_document, write_pretty, Document};
use samverkan_model::versions::{changes, Cause, Outline};
use samverkan_model::{Command, MapId};

/// The map whose versions are asked for, if any (view state).
#[derive(Clone, Copy)]
pub struct VersionsRequest(pub RwSignal<Option<MapId>>);

impl VersionsRequest {
    pub fn provide() -> Self {
        let request = Self(RwSignal::new(None));
        provide_context(request);
        request
    }
}

pub fn use_versions() -> VersionsRequest {
    expect_context::<VersionsRequest>()
}

/// One line of the list, newest first.
#[derive(Clone)]
struct Line {
    version: Version,
    outline: Outline,
    added: Vec<String>,
    removed: Vec<String>,
}

fn when(version: &Version) -> String {
    DateTime::<Utc>::from_timestamp_millis(version.stamp.at)
        .map(|at| {
            at.with_timezone(&Local)
                .format("%Y-%m-%d %H:%M:%S")
                .to_string()
        })
        .unwrap_or_default()
}

/// Names, at most five, then how many more.
fn some_names(names: &[String]) -> String {
    let mut shown = names.iter().take(5).cloned().collect::<Vec<_>>().join(", ");
    if names.len() > 5 {
        shown.push_str(&format!(" … (+{})", names.len() - 5));
    }
    shown
}

fn lines(versions: Vec<Version>) -> Vec<Line> {
    let mut before: Option<Outline> = None;
    let mut lines = Vec::with_capacity(versions.len());
    for version in versions {
        let outline = Outline::read(&version.text).unwrap_or_default();
        let change = before
            .as_ref()
            .map(|b| changes(b, &outline))
            .unwrap_or_default();
        before = Some(outline.clone());
        lines.push(Line {
            version,
            outline,
            added: change.added,
            removed: change.removed,
        });
    }
    lines.reverse();
    lines
}

#[component]
pub fn VersionsDialog() -> impl IntoView {
    let request = use_versions().0;
    let close = move || request.set(None);
    view! {
        <Show when=move || request.with(Option::is_some)>
            {move || request.get().map(|id| view! { <VersionList id=id close=Callback::new(move |()| close())/> })}
        </Show>
    }
}

#[component]
fn VersionList(id: MapId, close: Callback<()>) -> impl IntoView {
    let (doc, library, saver, notices, lang) = (
        use_doc(),
        use_library(),
        use_saver(),
        use_notices(),
        use_lang(),
    );
    let t = texts();
    let found: RwSignal<Option<Vec<Line>>> = RwSignal::new(None);
    if let Some(db) = saver.database() {
        let key = id.to_string();
        leptos::task::spawn_local(async move {
            let versions = db.versions(&key).await.unwrap_or_default();
            found.try_set(Some(lines(versions)));
        });
    } else {
        found.set(Some(Vec::new()));
    }
    let title = library
        .maps
        .with_untracked(|maps| maps.iter().find(|m| m.id == id).map(|m| m.title.clone()))
        .unwrap_or_default();
    let restore = {
        let id = id.clone();
        move |version: Version| {
            let Ok(loaded) = read_document(&version.text) else {
                return;
            };
            library.open(&id);
            saver.keep_version(Cause::Restore);
            let step = doc.dispatch(Command::ReplaceMap(Box::new(loaded.document.map)));
            let actions = step.map(NoticeAction::Undo).into_iter().collect();
            notices.notify(
                Severity::Info,
                Message::VersionRestored(when(&version)),
                actions,
            );
            close.run(());
        }
    };
    let export = {
        let title = title.clone();
        move |version: &Version| {
            if let Ok(loaded) = read_document(&version.text) {
                let stamp = when(version).replace([':', ' '], "-");
                let name = format!("{}-{stamp}.samverkan.json", file_stem(&title));
                let text = write_pretty(&Document::new(loaded.document.map, 0));
                crate::browser::download(&name, &text, "application/json");
            }
        }
    };
    let heading = (t().versions_of)(&title);
    view! {
        <Modal class="help versions" labelled_by="versions-title" close=close>
            <h2 id="versions-title">{heading}</h2>
            {move || match found.get() {
                None => view! { <p class="empty">{move || t().loading}</p> }.into_any(),
                Some(lines) if lines.is_empty() => view! { <p class="empty">{move || t().no_versions}</p> }.into_any(),
                Some(lines) => {
                    let (restore, export) = (restore.clone(), export.clone());
                    view! {
                        <ol class="versionlist">
                            {lines.into_iter().enumerate().map(|(i, line)| {
                                let (restore, export) = (restore.clone(), export.clone());
                                let label = format!("version-{i}");
                                let (version, also) = (line.version.clone(), line.version.clone());
                                let texts = lang.get_untracked().texts();
                                view! {
                                    <li>
                                        <p id=label.clone()>
                                            <strong>{when(&line.version)}</strong>" · "
                                            {move || (t().version_cause)(line.version.stamp.cause)}" · "
                                            {move || (t().version_counts)(line.outline.actors, line.outline.relations)}
                                        </p>
                                        {(!line.added.is_empty()).then(|| view! { <p class="added">{(texts.version_added)(&some_names(&line.added))}</p> })}
                                        {(!line.removed.is_empty()).then(|| view! { <p class="removed">{(texts.version_removed)(&some_names(&line.removed))}</p> })}
                                        <div class="rowtools">
                                            <button class="small" aria-describedby=label.clone()
                                                on:click=move |_| restore(version.clone())>{move || t().restore_version}</button>
                                            <button class="small" aria-describedby=label
                                                on:click=move |_| export(&also)>{move || t().export_version}</button>
                                        </div>
                                    </li>
                                }
                            }).collect_view()}
                        </ol>
                    }.into_any()
                }
            }}
            <button on:click=move |_| close.run(())>{move || t().close}</button>
        </Modal>
    }
}
