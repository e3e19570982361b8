//! Messages to the user, kept as data (not text) so they follow a language switch.

use crate::i18n::Texts;
use samverkan_model::history::StepId;
use samverkan_model::store::StoreError;
use samverkan_model::Problem;

/// How loud a message is. Errors and warnings are announced (`role="alert"`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Severity {
    Error,
    Warning,
    Info,
}

/// What a message says.
#[derive(Clone, Debug, PartialEq)]
pub enum Message {
    StorageUnavailable,
    SaveFailed(StoreError),
    NotReadBack,
    Unreadable {
        problem: Problem,
        backup_key: Option<String>,
    },
    Conflict,
    UpdatedFromOtherTab,
    UsageHigh(f64),
    ImportFailed {
        file: String,
        problems: Vec<Problem>,
    },
    Imported(String),
    /// The imported map was made with a privacy profile: what it leaves out.
    MadeWithProfile(String, samverkan_model::privacy::Profile),
    /// A share link in the address could not be opened.
    ShareLinkBroken(crate::share_link::LinkError),
    /// Breakout files were merged into the open map.
    Merged(samverkan_model::merge::Counts),
    /// An import of another tool's file: what came in, what was left out or changed.
    ImportSummary {
        file: String,
        added_actors: usize,
        added_relations: usize,
        skipped: usize,
        changed: usize,
    },
    ImportSameId(String),
    ActorRemoved {
        name: String,
        relations: usize,
        member: bool,
        actions: usize,
    },
    MapDeleted(String),
    PositionsRepaired(usize),
    /// A part of the app (src/ui/parts.rs) could not be fetched.
    PartMissing,
    /// The browser did not promise to keep the data.
    NotPersisted,
    /// Safari outside an installed app deletes the data after 7 days without a visit.
    SafariDeletes,
    /// Maps changed and the last backup is older than 7 days.
    BackupDue,
    BackupFailed(String),
    /// Maps restored from a backup file, and maps left alone because they were here.
    RestoredFromBackup(usize, usize),
    /// An earlier version was made current (when it was saved, as shown).
    VersionRestored(String),
    /// A room link in the address could not be read.
    RoomLinkBroken,
    /// The browser cannot seal the room's messages.
    RoomUnsupported,
    /// The page's Content-Security-Policy does not let it reach this relay.
    RoomRelayBlocked(String),
    /// A participant's edit the room does not allow (locked, or beyond the map).
    RoomRefused {
        locked: bool,
    },
    /// Concurrent edits left references to a removed actor: relations, others.
    RoomDropped(usize, usize),
    /// The facilitator ended the room.
    RoomEnded,
}

/// A button offered with a message.
#[derive(Clone, Debug, PartialEq)]
pub enum NoticeAction {
    DownloadBackup(String),
    LoadOtherTab,
    KeepMineAsCopy,
    ExportCurrent,
    ImportReplace,
    ImportKeepBoth,
    RestoreDeletedMap,
    /// Undoes the step the message announced (not whatever came last).
    Undo(StepId),
    /// Opens the last import's summary.
    ShowImportSummary,
    /// Downloads every map as one backup file.
    DownloadMapsBackup,
}

/// A message on screen.
#[derive(Clone, Debug, PartialEq)]
pub struct Notice {
    pub id: u64,
    pub severity: Severity,
    pub message: Message,
    pub actions: Vec<NoticeAction>,
}

/// How many import problems are listed before "and N more".
pub const LISTED_PROBLEMS: usize = 20;

impl Message {
    /// The headline in the given language.
    pub fn text(&self, t: &Texts) -> String {
        match self {
            Message::StorageUnavailable => t.storage_unavailable.to_owned(),
            Message::SaveFailed(error) => t.store_error(error),
            Message::NotReadBack => t.not_read_back.to_owned(),
            Message::PartMissing => t.part_missing.to_owned(),
            Message::Unreadable {
                problem,
                backup_key,
            } => {
                let mut text = (t.unreadable_stored_map)(&t.problem(problem));
                if backup_key.is_none() {
                    text = format!("{text} {}", t.unreadable_kept_in_place);
                }
                text
            }
            Message::Conflict => t.conflict.to_owned(),
            Message::UpdatedFromOtherTab => t.updated_from_other_tab.to_owned(),
            Message::UsageHigh(share) => (t.usage_warning)(share * 100.0),
            Message::ImportFailed { file, problems } => (t.import_failed)(file, problems.len()),
            Message::Imported(title) => (t.imported)(title),
            Message::MadeWithProfile(title, profile) => (t.made_with_profile)(title, *profile),
            Message::ShareLinkBroken(error) => (t.share_link_error)(*error).to_owned(),
            Message::Merged(counts) => (t.merged)(counts),
            Message::ImportSummary {
                file,
                added_actors,
                added_relations,
                skipped,
                changed,
            } => (t.import_summary_headline)(
                file,
                *added_actors,
                *added_relations,
                *skipped,
                *changed,
            ),
            Message::ImportSameId(title) => (t.import_same_id)(title),
            Message::ActorRemoved {
                name,
                relations,
                member,
                actions,
            } => (t.actor_removed)(name, *relations, *member, *actions),
            Message::MapDeleted(title) => (t.map_deleted)(title),
            Message::PositionsRepaired(n) => (t.positions_repaired)(*n),
            Message::NotPersisted => t.not_persisted.to_owned(),
            Message::SafariDeletes => t.safari_notice.to_owned(),
            Message::BackupDue => t.backup_reminder.to_owned(),
            Message::BackupFailed(why) => (t.backup_failed)(why),
            Message::RestoredFromBackup(maps, skipped) => (t.restored_from_backup)(*maps, *skipped),
            Message::VersionRestored(when) => (t.version_restored)(when),
            Message::RoomLinkBroken => t.room_link_broken.to_owned(),
            Message::RoomUnsupported => t.room_unsupported.to_owned(),
            Message::RoomRelayBlocked(relay) => (t.room_relay_blocked)(relay),
            Message::RoomRefused { locked: true } => t.room_locked.to_owned(),
            Message::RoomRefused { locked: false } => t.room_map_only.to_owned(),
            Message::RoomDropped(relations, others) => (t.room_dropped)(*relations, *others),
            Message::RoomEnded => t.room_ended.to_owned(),
        }
    }

    /// Detail lines under the headline: the first problems of a failed import.
    pub fn details(&self, t: &Texts) -> Vec<String> {
        let Message::ImportFailed { problems, .. } = self else {
            return Vec::new();
        };
        let mut lines: Vec<String> = problems
            .iter()
            .take(LISTED_PROBLEMS)
            .map(|p| t.problem(p))
            .collect();
        if problems.len() > LISTED_PROBLEMS {
            lines.push((t.more_problems)(problems.len() - LISTED_PROBLEMS));
        }
        lines
    }
}

impl NoticeAction {
    /// The button's label in the given language.
    pub fn label(&self, t: &Texts) -> &'static str {
        match self {
            NoticeAction::DownloadBackup(_) => t.download_backup,
            NoticeAction::LoadOtherTab => t.load_other_tab,
            NoticeAction::KeepMineAsCopy => t.keep_mine_as_copy,
            NoticeAction::ExportCurrent => t.export_now,
            NoticeAction::ImportReplace => t.replace,
            NoticeAction::ImportKeepBoth => t.keep_both,
            NoticeAction::RestoreDeletedMap | NoticeAction::Undo(_) => t.undo,
            NoticeAction::ShowImportSummary => t.import_summary,
            NoticeAction::DownloadMapsBackup => t.download_maps_backup,
        }
    }
}
