//! Parts of the app fetched the first time they are needed: the views other than the map, the
//! dialogs, an actor's menu and `Link` by tapping, the side panel's actor editor and overview, and the readers and writers of formats other than
//! Samverkan's own. With the `split` feature (on in the built page, see `scripts/split-wasm.mjs`)
//! each part is compiled into a wasm file of its own, so the first load carries only what the
//! first screen needs; without it (tests, clippy) a part is an ordinary function.

use super::sharing;
use crate::app::{texts, Doc, Notices, Transfer};
use crate::app::{use_doc, use_transfer};
use crate::ui::dialogs::{help, import_summary, sheet_preview, what_if};
use crate::ui::engagement::{self, log_interaction};
use crate::ui::map::{actor_menu, link_box, picture};
use crate::ui::panel::analysis;
use crate::ui::{council, grid, onion, panel, table as actor_table};
use leptos::prelude::*;
use samverkan_model::ActorId;
use std::{future::Future, pin::Pin};

/// A part being fetched: its view, or `PartMissing` when the file could not be had.
pub type Part = Pin<Box<dyn Future<Output = Result<AnyView, PartMissing>> + Send>>;

pub use crate::later::PartMissing;

/// Declares `pub fn $name(args) -> Part`, the part that shows `$view`, split into a wasm file
/// of its own named after `$name`.
macro_rules! part {
    ($name:ident($($arg:ident: $ty:ty),*) => $view:expr) => {
        pub fn $name($($arg: $ty),*) -> Part {
            #[cfg_attr(
                feature = "split",
                leptos::wasm_split::wasm_split($name, wasm_split_path = ::leptos::wasm_split, fallible)
            )]
            fn $name($($arg: $ty),*) -> Result<AnyView, PartMissing> {
                Ok($view.into_any())
            }
            #[cfg(feature = "split")]
            return Box::pin(send_wrapper::SendWrapper::new($name($($arg),*)));
            // Built when first polled, as the split version is: under the owner of the view
            // that shows it.
            #[cfg(not(feature = "split"))]
            return Box::pin(async move { $name($($arg),*) });
        }
    };
}

part!(grid() => view! { <grid::PowerInterestGrid/> });
part!(table() => view! { <actor_table::ActorTable/> });
part!(council() => view! { <council::CouncilPlanner/> });
part!(onion() => view! { <onion::OnionView/> });
part!(engagement() => view! { <engagement::EngagementView/> });
part!(merge_dialog() => view! { <sharing::MergeDialog/> });
part!(shared_map_dialog() => view! { <sharing::SharedMapDialog/> });
part!(log_interaction_dialog() => view! { <log_interaction::LogInteractionDialog/> });
part!(what_if_dialog() => view! { <what_if::WhatIfDialog/> });
part!(versions_dialog() => view! { <crate::ui::dialogs::versions::VersionsDialog/> });
// The backup (file, download, reminder, the Safari notice) and the storage line showing it.
part!(backup_service() => crate::app::backup::start_in_slot());
// The map's `Layout` select, with the arrangements it lays out.
part!(layout_select(runner: send_wrapper::SendWrapper<crate::ui::map::layout_run::LayoutRunner>, chosen: RwSignal<samverkan_model::arrange::Arrangement>, arranged: Callback<()>)
    => view! { <crate::ui::map::arrangement::LayoutSelect runner=runner.take() chosen=chosen arranged=arranged/> });
// Under the map list: exports, `Paste JSON`, the storage line and sharing (export profile,
// `Share link`, `Start room`, `Merge into this map`).
part!(map_list_footer() => view! { <super::map_list::MapListFooter/> });
// Room mode: its dialogs and bar, with yrs and the relay's code fetched with them.
part!(room_views() => view! {
    <crate::ui::dialogs::room::RoomDialog/> <crate::ui::dialogs::room::RoomPresence/> <crate::ui::dialogs::room::JoinDialog/>
});
part!(room_status() => view! { <crate::ui::dialogs::room::RoomStatus/> });
part!(projected_room() => view! { <crate::ui::dialogs::room::ProjectedQr/> });
part!(import_summary_dialog() => view! { <import_summary::ImportSummaryDialog/> });
part!(sheet_preview_dialog() => view! { <sheet_preview::SheetPreviewDialog/> });
part!(help_overlay() => view! { <help::Help/> });
part!(actor_editor(id: ActorId) => view! { <panel::ActorEditor id=id/> });
part!(overview() => view! { <analysis::AnalysisPanel/> <panel::SectorPalette/> });
part!(actor_menu_popup() => view! { <actor_menu::ActorMenuPopup/> });
part!(link_picker() => view! { <link_box::LinkPicker/> });

/// Work in a format other than Samverkan's own: the readers and writers of those formats are
/// fetched with the first such job.
pub enum FormatJob {
    ExportGraphml,
    ExportCsv {
        relations: bool,
    },
    /// The `Import preview` of an actor sheet.
    PreviewActors {
        file: String,
        text: String,
    },
    ImportRelations {
        file: String,
        text: String,
    },
    ImportKumu {
        file: String,
        text: String,
    },
    /// The picture of the view in `selector` (`svg.network`), as SVG or PNG, named `<title>-<what>`.
    Picture {
        png: bool,
        selector: &'static str,
        what: &'static str,
    },
}

#[cfg_attr(
    feature = "split",
    leptos::wasm_split::wasm_split(formats, wasm_split_path = ::leptos::wasm_split, fallible)
)]
fn formats(transfer: Transfer, doc: Doc, job: FormatJob) -> Result<(), PartMissing> {
    match job {
        FormatJob::ExportGraphml => transfer.export_graphml(),
        FormatJob::ExportCsv { relations } => transfer.export_csv(relations),
        FormatJob::PreviewActors { file, text } => transfer.preview_actors(&file, &text),
        FormatJob::ImportRelations { file, text } => transfer.import_csv(&file, &text, true),
        FormatJob::ImportKumu { file, text } => transfer.import_kumu(&file, &text),
        FormatJob::Picture {
            png,
            selector,
            what,
        } => {
            if let Some(map) = doc.snapshot() {
                let export = if png {
                    picture::export_png
                } else {
                    picture::export_svg
                };
                export(&map, &transfer.for_export(&map), selector, what);
            }
        }
    }
    Ok(())
}

/// Runs format jobs: made where a component is created, run from its event handlers.
#[derive(Clone, Copy)]
pub struct Formats {
    transfer: Transfer,
    doc: Doc,
    notices: Notices,
}

impl Formats {
    pub fn new() -> Self {
        let (transfer, doc, notices) = (use_transfer(), use_doc(), crate::app::use_notices());
        Self {
            transfer,
            doc,
            notices,
        }
    }

    /// Runs `job` once its part is there; says so if the part cannot be fetched.
    pub fn run(self, job: FormatJob) {
        leptos::task::spawn_local(async move {
            #[cfg(feature = "split")]
            let done = formats(self.transfer, self.doc, job).await;
            #[cfg(not(feature = "split"))]
            let done = formats(self.transfer, self.doc, job);
            if done.is_err() {
                let message = crate::notice::Message::PartMissing;
                self.notices
                    .notify(crate::notice::Severity::Error, message, vec![]);
            }
        });
    }
}

/// The dialogs, each fetched when it first opens.
#[component]
pub fn Dialogs() -> impl IntoView {
    let (transfer, sharing) = (use_transfer(), crate::app::use_sharing());
    let (help, logging) = (
        expect_context::<help::HelpOverlay>(),
        log_interaction::use_logging(),
    );
    let (summary, preview) = (transfer.summary(), transfer.preview());
    let what_if = what_if::use_what_if().0;
    let versions = crate::ui::dialogs::versions::use_versions().0;
    let (menu, linking) = (actor_menu::use_actor_menu(), link_box::use_linking());
    view! {
        <LaterDialog part=help_overlay needed=help.open/>
        <LaterDialog part=import_summary_dialog
            needed=Signal::derive(move || summary.with(|s| s.as_ref().is_some_and(|s| s.open)))/>
        <LaterDialog part=sheet_preview_dialog needed=Signal::derive(move || preview.with(Option::is_some))/>
        <LaterDialog part=shared_map_dialog needed=Signal::derive(move || sharing.incoming.with(Option::is_some))/>
        <LaterDialog part=log_interaction_dialog needed=Signal::derive(move || logging.draft.with(Option::is_some))/>
        <LaterDialog part=merge_dialog needed=sharing.merging/>
        <LaterDialog part=what_if_dialog needed=Signal::derive(move || what_if.with(Option::is_some))/>
        <LaterDialog part=versions_dialog needed=Signal::derive(move || versions.with(Option::is_some))/>
        <LaterDialog part=actor_menu_popup needed=Signal::derive(move || menu.open_at.with(Option::is_some))/>
        <LaterDialog part=link_picker needed=linking.picking/>
        <LaterDialog part=backup_service needed=true/>
        <RoomDialogs/>
    }
}

/// The room's dialogs and bar, when a room is on or a room link opened; in a projector
/// window, the room's QR code while the facilitator shows it.
#[component]
fn RoomDialogs() -> impl IntoView {
    let projected = use_context::<super::projection::ProjectedRoom>().map(|room| view! {
        <LaterDialog part=projected_room needed=Signal::derive(move || room.0.with(Option::is_some))/>
    });
    let room = use_context::<crate::app::room::RoomSlot>().map(|slot| view! {
        <LaterDialog part=room_views needed=Signal::derive(move || {
            slot.dialog.get() || slot.shown.with(Option::is_some) || slot.invite.with(Option::is_some)
        })/>
    });
    (projected, room)
}

/// The header's room status, fetched when this window is first in a room.
#[component]
pub fn RoomStatusSlot() -> impl IntoView {
    use_context::<crate::app::room::RoomSlot>().map(|slot| view! {
        <LaterDialog part=room_status needed=Signal::derive(move || slot.shown.with(Option::is_some))/>
    })
}

/// A dialog fetched when `needed` first turns true, and kept from then on: its own view decides
/// when it shows. Nothing shows while it is fetched; a message says if it cannot be.
#[component]
fn LaterDialog(part: fn() -> Part, #[prop(into)] needed: Signal<bool>) -> impl IntoView {
    let notices = crate::app::use_notices();
    // Stays true: once true, `needed` is no longer read, so the memo never runs again.
    let wanted = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || needed.get());
    move || {
        wanted.get().then(|| {
            Suspend::new(async move {
                part().await.unwrap_or_else(|PartMissing| {
                    let message = crate::notice::Message::PartMissing;
                    notices.notify(crate::notice::Severity::Error, message, vec![]);
                    ().into_any()
                })
            })
        })
    }
}

/// A part's view once it is there, `Loading …` until then, and what went wrong if it cannot
/// be fetched.
pub fn shown(part: Part) -> impl IntoView {
    let t = texts();
    let loaded = Suspend::new(async move {
        part.await.unwrap_or_else(|PartMissing| {
            view! { <p class="empty" role="alert">{move || t().part_missing}</p> }.into_any()
        })
    });
    view! {
        <Suspense fallback=move || view! { <p class="empty" role="status">{move || t().loading}</p> }>
            {loaded}
        </Suspense>
    }
}
