//! Import and export: the Samverkan file (one map or a collection), CSV, GraphML and Kumu.
//! Every input goes through the model's readers; an import never replaces a map silently
//! and changes nothing when it fails.

use super::document::Doc;
use super::library::Library;
use super::notices::Notices;
use super::saving::Saver;
use crate::browser;
use crate::i18n::Lang;
use crate::notice::{Message, NoticeAction, Severity};
use chrono::Utc;
use leptos::prelude::*;
use samverkan_model::formats::csv::RowError;
use samverkan_model::formats::report::ImportReport;
use samverkan_model::history::StepId;
use samverkan_model::io::collection::{read_any, read_unchecked, write_collection};
use samverkan_model::io::{file_stem, write_pretty, Document};
use samverkan_model::privacy::{self, Profile};
use samverkan_model::sector::default_sectors;
use samverkan_model::versions::Cause;
use samverkan_model::{Command, Map, MapId, Problem};

/// A map title from a file's name: the name without its extension.
pub fn title_of(file: &str) -> String {
    let stem = file.rsplit_once('.').map_or(file, |(stem, _)| stem);
    stem.to_owned()
}

/// A sheet's errors as problems at `rows[3].column`.
fn row_problems(errors: Vec<RowError>) -> Vec<Problem> {
    errors
        .into_iter()
        .map(|e| {
            let path = match (e.row, e.column.as_str()) {
                (0, _) => String::new(),
                (row, "") => format!("rows[{row}]"),
                (row, column) => format!("rows[{row}].{column}"),
            };
            Problem::new(path, e.reason)
        })
        .collect()
}

/// What the last import of another tool's file left out or changed, and whether its
/// dialog is open.
#[derive(Clone, Debug, PartialEq)]
pub struct ImportSummary {
    pub file: String,
    pub report: ImportReport,
    pub open: bool,
    /// The map the import made, when it made one (a Kumu map's positions apply to it).
    pub map: Option<MapId>,
}

/// An actor sheet in the preview: its text, how it reads, and the meaning chosen for
/// each column (`None`: kept in the notes).
#[derive(Clone, Debug, PartialEq)]
pub struct SheetChoice {
    pub file: String,
    pub text: String,
    pub preview: samverkan_model::formats::csv::SheetPreview,
    pub fields: Vec<Option<String>>,
}

/// Import and export, shared through context.
#[derive(Clone, Copy)]
pub struct Transfer {
    summary: RwSignal<Option<ImportSummary>>,
    preview: RwSignal<Option<SheetChoice>>,
    /// A file (or shared map) waiting for replace-or-keep-both, and where it came from.
    pending: StoredValue<Option<(Map, Cause)>, LocalStorage>,
    doc: Doc,
    library: Library,
    saver: Saver,
    notices: Notices,
    lang: RwSignal<Lang>,
    /// How much personal data every export keeps.
    profile: RwSignal<Profile>,
}

pub fn use_transfer() -> Transfer {
    expect_context::<Transfer>()
}

impl Transfer {
    pub fn new(
        doc: Doc,
        library: Library,
        saver: Saver,
        notices: Notices,
        lang: RwSignal<Lang>,
    ) -> Self {
        Self {
            summary: RwSignal::new(None),
            preview: RwSignal::new(None),
            pending: StoredValue::new_local(None),
            doc,
            library,
            saver,
            notices,
            lang,
            profile: RwSignal::new(Profile::Full),
        }
    }

    /// The texts in the UI language now.
    pub fn texts(&self) -> &'static crate::i18n::Texts {
        self.lang.get_untracked().texts()
    }

    /// The export profile every export (files, pictures, share links) applies.
    pub fn profile(&self) -> RwSignal<Profile> {
        self.profile
    }

    /// `map` as the export profile lets it leave the browser; representatives become
    /// their role in the UI language.
    pub fn for_export(&self, map: &Map) -> Map {
        let t = self.lang.get_untracked().texts();
        let role = |role| (t.role_label)(role).to_owned();
        privacy::apply(map, self.profile.get_untracked(), &role)
    }

    /// Tells the user a file could not be imported, listing its problems.
    pub fn import_failed(&self, file: &str, problems: Vec<Problem>) {
        let message = Message::ImportFailed {
            file: file.to_owned(),
            problems,
        };
        self.notices.notify(Severity::Error, message, vec![]);
    }

    /// Downloads the open map as `<title>.samverkan.json`.
    pub fn export_current(&self) {
        let Some((title, text)) = self.doc.with_map(|m| {
            (
                m.title.clone(),
                write_pretty(&Document::new(self.for_export(m), 0)),
            )
        }) else {
            return;
        };
        let name = format!("{}.samverkan.json", file_stem(&title));
        browser::download(&name, &text, "application/json");
    }

    /// Every map in this browser (the open one as it is now) as one collection file.
    /// `for_export` applies the export profile; a backup keeps everything.
    pub fn collection(&self, for_export: bool) -> String {
        let open: Option<MapId> = self.doc.with_map(|m| m.id.clone());
        let maps: Vec<Map> = self
            .library
            .ids()
            .iter()
            .filter_map(|id| match &open {
                Some(open) if open == id => self.doc.snapshot(),
                _ => self.library.read_stored(id),
            })
            .map(|map| {
                if for_export {
                    self.for_export(&map)
                } else {
                    map
                }
            })
            .collect();
        write_collection(&maps)
    }

    /// Keeps the open map as it is now as a version, before `cause` changes it.
    pub fn keep_version(&self, cause: Cause) {
        self.saver.keep_version(cause);
    }

    /// Downloads every map in this browser as one collection file.
    pub fn export_all(&self) {
        let transfer = *self;
        leptos::task::spawn_local(async move {
            let _ = exporting_all(transfer).await;
        });
    }

    /// Brings back the maps of a backup (or any Samverkan) file: each map not here comes
    /// in under its own id; a map already here is left alone. Nothing changes on an error.
    pub fn restore_backup(&self, file: &str, text: &str) {
        let loaded = match read_any(text) {
            Ok(loaded) => loaded,
            Err(problems) => return self.import_failed(file, problems),
        };
        let (mut restored, mut skipped) = (0, 0);
        for one in loaded {
            if self.library.contains(&one.document.map.id) {
                skipped += 1;
            } else {
                self.library.add_and_open(one.document.map);
                restored += 1;
            }
        }
        let message = Message::RestoredFromBackup(restored, skipped);
        self.notices.notify(Severity::Info, message, vec![]);
    }

    /// Downloads the open map as GraphML, with degree and betweenness as node data.
    pub fn export_graphml(&self) {
        let Some((title, text)) = self.doc.with_map(|map| {
            let map = &self.for_export(map);
            let metrics: Vec<_> = samverkan_model::metrics::compute(map)
                .into_iter()
                .map(|(id, m)| (id, m.degree, m.betweenness))
                .collect();
            let text = samverkan_model::formats::graphml::export_graphml(map, Some(&metrics));
            (map.title.clone(), text)
        }) else {
            return;
        };
        let name = format!("{}.graphml", file_stem(&title));
        browser::download(&name, &text, "application/graphml+xml");
    }

    /// Downloads the open map's actors or relations as a spreadsheet (UTF-8 with BOM, `;`).
    pub fn export_csv(&self, relations: bool) {
        use samverkan_model::formats::csv;
        if relations {
            self.export_sheet("relations", |map| csv::export_relations(map, b';'));
        } else {
            self.export_sheet("actors", |map| csv::export_actors(map, b';'));
        }
    }

    /// Downloads a sheet made from the open map as the export profile lets it out, as
    /// `<title>-<what>.csv`.
    pub fn export_sheet(&self, what: &str, sheet: impl FnOnce(&Map) -> String) {
        let Some((title, text)) = self.doc.with_map(|map| {
            let map = &self.for_export(map);
            (map.title.clone(), sheet(map))
        }) else {
            return;
        };
        browser::download(
            &format!("{}-{what}.csv", file_stem(&title)),
            &text,
            "text/csv",
        );
    }

    /// Adds actors (or relations) from a spreadsheet to the open map as one undo step.
    /// With no map open, actors go into a new map, and a relations sheet is read as a
    /// connections sheet that brings its actors (see `import_kumu`). What was left out or
    /// changed is summarised; only a sheet that cannot be read at all changes nothing.
    pub fn import_csv(&self, file: &str, text: &str, relations: bool) {
        self.import_sheet(file, text, relations, None);
    }

    /// Shows how an actor sheet's columns will be read (the `Import preview`), so the
    /// user can change a column's meaning before anything is imported.
    pub fn preview_actors(&self, file: &str, text: &str) {
        match samverkan_model::formats::csv::preview_actors(text) {
            Ok(preview) => self.preview.set(Some(SheetChoice {
                file: file.to_owned(),
                text: text.to_owned(),
                fields: preview.fields.clone(),
                preview,
            })),
            Err(errors) => self.import_failed(file, row_problems(errors)),
        }
    }

    /// The sheet waiting in the preview, if any.
    pub fn preview(&self) -> RwSignal<Option<SheetChoice>> {
        self.preview
    }

    /// Imports the sheet in the preview with the meanings chosen there.
    pub fn import_previewed(&self) {
        let Some(choice) = self.preview.get_untracked() else {
            return;
        };
        self.preview.set(None);
        self.import_sheet(&choice.file, &choice.text, false, Some(&choice.fields));
    }

    /// [`Transfer::import_csv`], with an actor sheet's column meanings when the preview
    /// chose them.
    fn import_sheet(
        &self,
        file: &str,
        text: &str,
        relations: bool,
        fields: Option<&[Option<String>]>,
    ) {
        use samverkan_model::formats::csv;
        if !self.doc.is_open() && relations {
            return self.import_kumu(file, text);
        }
        let mut new_id = || browser::new_id();
        let blank = (!self.doc.is_open()).then(|| self.library.blank_map(Some(&title_of(file))));
        // One call of each reader (each is large): against the open map, or the new one.
        let Some(target) = blank.clone().or_else(|| self.doc.snapshot()) else {
            return;
        };
        let result = if relations {
            csv::import_relations(text, &target, &mut new_id)
                .map(|(read, report)| (Command::AddRelations(read), report))
        } else {
            match fields {
                Some(fields) => csv::import_actors_as(text, &target, &mut new_id, fields),
                None => csv::import_actors(text, &target, &mut new_id),
            }
            .map(|(read, report)| (Command::AddActors(read), report))
        };
        let (command, report) = match result {
            Ok(read) => read,
            Err(errors) => return self.import_failed(file, row_problems(errors)),
        };
        let step = match blank {
            // A new map holds the rows from the start: there is nothing to undo to.
            Some(mut map) => {
                if let Command::AddActors(actors) = command {
                    actors.into_iter().for_each(|actor| map.add_actor(actor));
                }
                self.library.add_and_open(map);
                None
            }
            None => {
                self.saver.keep_version(Cause::Import);
                self.doc.dispatch(command)
            }
        };
        self.summarise(file, report, step);
    }

    /// Opens a Kumu export (JSON, the elements sheet, or a connections sheet alone) as a
    /// new map, and summarises what was left out or changed.
    pub fn import_kumu(&self, file: &str, text: &str) {
        use samverkan_model::formats::kumu;
        let t = self.lang.get_untracked().texts();
        let sectors = default_sectors(|id| (t.sector_label)(id).to_owned());
        let title = title_of(file);
        let mut new_id = || browser::new_id();
        let is_json = text.trim_start().starts_with('{');
        if !is_json && kumu::is_connections_sheet(text) && self.onto_open_map(file, text) {
            return;
        }
        let result = if is_json {
            kumu::import_kumu_json(text, &title, &mut new_id, Utc::now(), sectors)
        } else {
            kumu::import_kumu_csv(text, None, &title, &mut new_id, Utc::now(), sectors)
        };
        match result {
            Ok((mut map, report)) => {
                map.id = browser::new_id().into();
                let id = map.id.clone();
                self.library.add_and_open(map);
                self.summarise(file, report, None);
                self.summary
                    .update(|s| s.iter_mut().for_each(|s| s.map = Some(id.clone())));
            }
            Err(problems) => self.import_failed(file, problems),
        }
    }

    /// A Kumu connections sheet whose ends the open map mostly holds (the project's
    /// elements sheet, imported first) goes onto that map as one undo step, with an actor
    /// for each end it lacks. False (nothing done) when the open map is not that map.
    fn onto_open_map(&self, file: &str, text: &str) -> bool {
        use samverkan_model::formats::kumu;
        let Some(map) = self.doc.snapshot() else {
            return false;
        };
        let (known, ends) = kumu::connection_ends_known(text, &map);
        if known == 0 || known * 2 < ends {
            return false;
        }
        let mut new_id = || browser::new_id();
        match kumu::import_kumu_connections_onto(text, &map, &mut new_id) {
            Ok((actors, relations, report)) => {
                self.saver.keep_version(Cause::Import);
                let command = Command::Batch(vec![
                    Command::AddActors(actors),
                    Command::AddRelations(relations),
                ]);
                let step = self.doc.dispatch(command);
                self.summarise(file, report, step);
            }
            Err(problems) => self.import_failed(file, problems),
        }
        true
    }

    /// Tells what an import of another tool's file did: a short notice, and when anything
    /// was left out or changed, the summary behind its `Import summary` button.
    fn summarise(&self, file: &str, report: ImportReport, step: Option<StepId>) {
        let severity = if report.skipped() > 0 {
            Severity::Warning
        } else {
            Severity::Info
        };
        let mut actions: Vec<NoticeAction> = step.map(NoticeAction::Undo).into_iter().collect();
        if !report.notes.is_empty() || !report.views.is_empty() {
            actions.push(NoticeAction::ShowImportSummary);
        }
        let message = Message::ImportSummary {
            file: file.to_owned(),
            added_actors: report.added_actors,
            added_relations: report.added_relations,
            skipped: report.skipped(),
            changed: report.changed(),
        };
        self.summary.set(Some(ImportSummary {
            file: file.to_owned(),
            report,
            open: false,
            map: None,
        }));
        self.notices.notify(severity, message, actions);
    }

    /// Places the imported map's actors as the Kumu map at `view` of the last import had
    /// them, as one undo step; only while that map is open.
    pub fn use_kumu_view(&self, view: usize) {
        let Some(summary) = self.summary.get_untracked() else {
            return;
        };
        if summary.map.is_none() || summary.map != self.doc.map_id() {
            return;
        }
        let Some(chosen) = summary.report.views.get(view) else {
            return;
        };
        self.doc
            .dispatch(Command::MoveActors(chosen.placements.clone()));
        self.summary.update(|s| {
            for (i, v) in s
                .iter_mut()
                .flat_map(|s| s.report.views.iter_mut())
                .enumerate()
            {
                v.used = i == view;
            }
        });
    }

    /// The last import's summary, if it had anything to say.
    pub fn summary(&self) -> RwSignal<Option<ImportSummary>> {
        self.summary
    }

    /// Imports a Samverkan file (or an "all maps" collection). Every problem is shown and
    /// nothing changes on failure. A single map whose id exists already waits for the
    /// user's choice; maps of a collection that exist already are added as copies.
    pub fn import_text(&self, file: &str, text: &str) {
        let unchecked = match read_unchecked(text) {
            Ok(unchecked) => unchecked,
            Err(problems) => return self.import_failed(file, problems),
        };
        // Validating and opening the maps come in tasks of their own after the parse: all
        // in one blocked the page for 50–60 ms on a 1,000-actor file, and validating with
        // opening still came near 50.
        let (transfer, file) = (*self, file.to_owned());
        set_timeout(
            move || match unchecked.checked() {
                Ok(loaded) => set_timeout(
                    move || transfer.open_imported(loaded, Cause::Import),
                    std::time::Duration::ZERO,
                ),
                Err(problems) => transfer.import_failed(&file, problems),
            },
            std::time::Duration::ZERO,
        );
    }

    /// Says what a map made with a privacy profile leaves out.
    fn tell_profile(&self, title: &str, profile: Profile) {
        if !profile.is_full() {
            let message = Message::MadeWithProfile(title.to_owned(), profile);
            self.notices.notify(Severity::Info, message, vec![]);
        }
    }

    /// Opens read maps as new maps; a single one whose id is here waits for the user to
    /// replace or keep both (`cause` says what the replaced state is kept as).
    pub fn open_imported(&self, loaded: Vec<samverkan_model::io::Loaded>, cause: Cause) {
        let repaired: usize = loaded.iter().map(|l| l.repaired_positions).sum();
        let single = loaded.len() == 1;
        for one in loaded {
            let mut map = one.document.map;
            let title = map.title.clone();
            let exists = self.library.contains(&map.id);
            if exists && single {
                self.pending.set_value(Some((map, cause)));
                self.notices.notify(
                    Severity::Warning,
                    Message::ImportSameId(title),
                    vec![NoticeAction::ImportReplace, NoticeAction::ImportKeepBoth],
                );
                continue;
            }
            if exists {
                map.id = browser::new_id().into();
            }
            let profile = map.profile;
            self.library.add_and_open(map);
            self.notices
                .notify(Severity::Info, Message::Imported(title.clone()), vec![]);
            self.tell_profile(&title, profile);
        }
        if repaired > 0 {
            self.notices
                .notify(Severity::Info, Message::PositionsRepaired(repaired), vec![]);
        }
    }

    /// The waiting file replaces the map with its id: one undo step.
    pub fn replace_with_pending(&self) {
        let Some((map, cause)) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        self.library.open(&map.id);
        self.saver.keep_version(cause);
        let (title, profile) = (map.title.clone(), map.profile);
        let step = self.doc.dispatch(Command::ReplaceMap(Box::new(map)));
        let actions = step.map(NoticeAction::Undo).into_iter().collect();
        self.notices
            .notify(Severity::Info, Message::Imported(title.clone()), actions);
        self.tell_profile(&title, profile);
    }

    /// The waiting file is added as a new map beside the one with its id.
    pub fn keep_both(&self) {
        let Some((mut map, _)) = self.pending.try_update_value(Option::take).flatten() else {
            return;
        };
        map.id = browser::new_id().into();
        let (title, profile) = (map.title.clone(), map.profile);
        self.library.add_and_open(map);
        self.notices
            .notify(Severity::Info, Message::Imported(title.clone()), vec![]);
        self.tell_profile(&title, profile);
    }
}

crate::later::later!(
    /// `Export all maps` (and `Download backup`): every map in one collection file.
    exporting_all(transfer: Transfer) -> () => {
        let name = format!("samverkan-{}.samverkan.json", Utc::now().date_naive());
        browser::download(&name, &transfer.collection(true), "application/json");
    }
);

crate::later::later!(
    /// `Restore from backup file`, once the file is read.
    restoring(transfer: Transfer, file: String, text: String) -> () => transfer.restore_backup(&file, &text)
);
