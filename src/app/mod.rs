//! The app's state, in small contexts with one purpose each: the document and its one
//! edit path (`document`), autosave and other tabs (`saving`), the map library
//! (`library`), messages (`notices`) and import/export (`transfer`). Each is a `Copy`
//! handle reached with its `use_…()` function.

pub mod backup;
pub mod document;
pub mod library;
pub mod notices;
pub mod room;
pub mod saving;
pub mod sharing;
pub mod transfer;

pub use document::{use_doc, Doc};
pub use library::{use_library, Library, MapSummary};
pub use notices::{use_notices, Notices};
pub use saving::{use_saver, SaveStatus, Saver};
pub use sharing::{use_sharing, Sharing};
pub use transfer::{title_of, use_transfer, ImportSummary, SheetChoice, Transfer};

use crate::browser;
use crate::i18n::{Lang, Texts};
use crate::notice::NoticeAction;
use leptos::prelude::*;

/// Where the language chosen with the switch is remembered.
pub const LANG_KEY: &str = "samverkan.lang";

/// The UI language, shared through context.
#[derive(Clone, Copy)]
pub struct UiLang(pub RwSignal<Lang>);

pub fn use_lang() -> RwSignal<Lang> {
    expect_context::<UiLang>().0
}

/// The current texts, reactively.
pub fn texts() -> impl Fn() -> &'static Texts + Copy {
    let lang = use_lang();
    move || lang.get().texts()
}

/// Creates every context of the app. A read-only window (the projector) shows maps but
/// never writes them.
/// `asked` is the language the address asks for (`?lang=`); without it the language last
/// chosen with the switch, else the browser's.
pub fn provide_state(asked: Option<Lang>, read_only: bool, opened: crate::storage::Opened) {
    let lang = RwSignal::new(asked.unwrap_or_default());
    provide_context(UiLang(lang));
    let notices = Notices::new();
    provide_context(notices);
    let doc = Doc::new(read_only);
    provide_context(doc);
    let saver = Saver::start(doc, notices, opened);
    provide_context(saver);
    if asked.is_none() {
        let chosen = crate::storage::prefs::get(LANG_KEY).and_then(|tag| Lang::parse(&tag));
        lang.set(
            chosen.unwrap_or_else(|| Lang::from_browser(&crate::browser::navigator_languages())),
        );
    }
    let library = Library::start(doc, saver, notices, lang);
    provide_context(library);
    let transfer = Transfer::new(doc, library, saver, notices, lang);
    provide_context(transfer);
    let sharing = Sharing::new(doc, transfer, notices);
    provide_context(sharing);
    if !read_only {
        provide_context(backup::BackupSlot(RwSignal::new(None)));
    }
    if !read_only {
        sharing.read_address();
        let room = room::RoomSlot::new(doc, saver, library, notices);
        provide_context(room);
        room.read_address();
    }
}

/// What a message's buttons act on; taken from context when the messages are rendered.
#[derive(Clone, Copy)]
pub struct NoticeRunner {
    doc: Doc,
    saver: Saver,
    library: Library,
    transfer: Transfer,
    notices: Notices,
    /// None in a read-only window.
    backup: Option<backup::BackupSlot>,
}

impl Default for NoticeRunner {
    fn default() -> Self {
        Self::new()
    }
}

impl NoticeRunner {
    pub fn new() -> Self {
        Self {
            doc: use_doc(),
            saver: use_saver(),
            library: use_library(),
            transfer: use_transfer(),
            notices: use_notices(),
            backup: use_context(),
        }
    }

    /// Carries out a message's button, then dismisses the message (except downloads).
    pub fn run(&self, notice: u64, action: &NoticeAction) {
        let Self {
            doc,
            saver,
            library,
            transfer,
            notices,
            ..
        } = *self;
        match action {
            NoticeAction::DownloadBackup(key) => {
                if let Some(value) = saver.read_key(key) {
                    browser::download(&format!("{key}.json"), &value, "application/json");
                }
                return;
            }
            NoticeAction::ExportCurrent => return transfer.export_current(),
            NoticeAction::DownloadMapsBackup => {
                return match self.backup.and_then(|slot| slot.0.get_untracked()) {
                    Some(backup) => backup.download(),
                    None => transfer.export_all(),
                }
            }
            NoticeAction::ShowImportSummary => {
                transfer
                    .summary()
                    .update(|s| s.iter_mut().for_each(|s| s.open = true));
                return;
            }
            NoticeAction::LoadOtherTab => {
                if let Some(id) = doc.with_map(|m| m.id.clone()) {
                    saver.resolve_conflict();
                    saver.load(&id);
                }
            }
            NoticeAction::KeepMineAsCopy => library.keep_open_as_copy(),
            NoticeAction::RestoreDeletedMap => library.restore_deleted(),
            NoticeAction::ImportReplace => transfer.replace_with_pending(),
            NoticeAction::ImportKeepBoth => transfer.keep_both(),
            NoticeAction::Undo(step) => doc.undo_step(*step),
        }
        notices.dismiss(notice);
    }
}
