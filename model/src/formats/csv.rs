//! CSV for actors and relations, to and from spreadsheets (Swedish Excel by default).
//!
//! Export writes UTF-8 with a byte-order mark (so Excel does not read it as Latin-1), a
//! header row of stable English column names and CRLF line ends. Import detects the
//! separator, accepts Swedish column names, and reports every bad cell with its line.

use super::report::{ImportReport, Outcome, Place};
use super::{
    find_sector, parse_bool, parse_kind, parse_level, push_tag, relation_kind, split_tags,
    with_fields, ActorLookup,
};
use crate::actor::{Actor, ATTITUDE_RANGE, COORDINATE_LIMIT, SCALE_RANGE};
use crate::engagement::Interaction;
use crate::ids::{ActorId, RelationId};
use crate::io::MAX_FILE_BYTES;
use crate::map::Map;
use crate::relation::{Relation, STRENGTH_RANGE};
use crate::validate::{Expected, Found, Reason};
use std::collections::{HashMap, HashSet};
use std::fmt;
use std::ops::RangeInclusive;

/// The separator Swedish Excel expects (its list separator, because `,` is the decimal
/// sign). With it, decimals are written with a comma too.
pub const DEFAULT_SEPARATOR: u8 = b';';

/// The columns of an actor sheet, in the order they are written.
pub const ACTOR_COLUMNS: [&str; 17] = [
    "id",
    "name",
    "short_name",
    "kind",
    "sector",
    "level",
    "municipality",
    "influence",
    "interest",
    "attitude",
    "power",
    "legitimacy",
    "urgency",
    "tags",
    "notes",
    "x",
    "y",
];

/// Other names accepted for actor columns on import (compared in lower case, with spaces
/// and dashes read as `_`).
const ACTOR_ALIASES: [(&str, &str); 31] = [
    ("ort", "municipality"),
    ("city", "municipality"),
    ("bransch", "sector"),
    ("industry", "sector"),
    ("comment", "notes"),
    ("comments", "notes"),
    ("kommentar", "notes"),
    ("kommentarer", "notes"),
    ("description", "notes"),
    ("beskrivning", "notes"),
    ("namn", "name"),
    ("short", "short_name"),
    ("kortnamn", "short_name"),
    ("kort_namn", "short_name"),
    ("type", "kind"),
    ("typ", "kind"),
    ("sektor", "sector"),
    ("nivå", "level"),
    ("kommun", "municipality"),
    ("inflytande", "influence"),
    ("intresse", "interest"),
    ("inställning", "attitude"),
    ("attityd", "attitude"),
    ("makt", "power"),
    ("legitimitet", "legitimacy"),
    ("brådska", "urgency"),
    ("angelägenhet", "urgency"),
    ("tag", "tags"),
    ("taggar", "tags"),
    ("anteckningar", "notes"),
    ("anteckning", "notes"),
];

/// Headers that name the actor in registers people keep (`Stakeholder`, `Aktör`,
/// `Organisation`…), read as `name` only when no column is called name outright: a sheet
/// with both `Namn` and `Organisation` keeps `Namn` as the name. The first in this list
/// that the sheet has is taken.
const NAME_FALLBACKS: [(&str, &str); 9] = [
    ("aktör", "name"),
    ("aktörsnamn", "name"),
    ("actor", "name"),
    ("stakeholder", "name"),
    ("intressent", "name"),
    ("organisation", "name"),
    ("organization", "name"),
    ("label", "name"),
    ("title", "name"),
];

/// More names of the rating columns, from stakeholder registers.
const RATING_ALIASES: [(&str, &str); 6] = [
    ("påverkan", "influence"),
    ("påverkansgrad", "influence"),
    ("intressegrad", "interest"),
    ("stance", "attitude"),
    ("hållning", "attitude"),
    ("support", "attitude"),
];

/// A rating as registers write it: a whole number in `range`, or a word. Low, medium and
/// high (låg, medel, hög) take the ends and the middle of the scale, so a register's
/// three levels spread over the grid; for attitude, negative/neutral/positive (also in
/// Swedish) are −1, 0 and +1.
fn parse_rating(text: &str, range: RangeInclusive<i64>) -> Result<Option<i64>, Reason> {
    parse_whole(text, range.clone()).or_else(|reason| {
        let word = text.trim().to_lowercase();
        let word = word
            .strip_prefix("mycket ")
            .or_else(|| word.strip_prefix("very "))
            .unwrap_or(&word);
        let (low, high) = (*range.start(), *range.end());
        let middle = (low + high) / 2;
        let value = match word {
            "låg" | "lågt" | "low" | "l" | "liten" | "litet" | "small" => low,
            "medel" | "medium" | "m" | "mellan" | "måttlig" | "måttligt" | "moderate" => middle,
            "hög" | "högt" | "high" | "h" | "stor" | "stort" | "large" => high,
            "negativ" | "negative" | "emot" | "opposed" | "against" if low < 0 => -1,
            "neutral" if low < 0 => 0,
            "positiv" | "positive" | "för" | "supportive" | "for" if low < 0 => 1,
            _ => return Err(reason),
        };
        Ok(Some(value))
    })
}

/// A rating as written: the number, or an empty cell when unrated.
fn rating_text(rating: Option<i64>) -> String {
    rating.map(|n| n.to_string()).unwrap_or_default()
}

/// The columns of a relation sheet, in the order they are written. `from_name` and
/// `to_name` are there for people reading the sheet, and as a fallback on import when the
/// ids do not fit (actors imported again get new ids).
pub const RELATION_COLUMNS: [&str; 9] = [
    "id",
    "from",
    "to",
    "from_name",
    "to_name",
    "kind",
    "strength",
    "directed",
    "note",
];

/// Other names accepted for relation columns on import.
const RELATION_ALIASES: [(&str, &str); 18] = [
    ("riktning", "direction"),
    ("weight", "strength"),
    ("vikt", "strength"),
    ("description", "note"),
    ("beskrivning", "note"),
    ("connection_type", "kind"),
    ("från", "from"),
    ("till", "to"),
    ("från_namn", "from_name"),
    ("till_namn", "to_name"),
    ("type", "kind"),
    ("typ", "kind"),
    ("styrka", "strength"),
    ("riktad", "directed"),
    ("anteckning", "note"),
    ("anteckningar", "note"),
    ("notes", "note"),
    ("notering", "note"),
];

/// One problem in one cell of an imported sheet.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct RowError {
    /// The line in the file where the row starts, 1-based (the header is line 1, unless
    /// an Excel `sep=` line comes first). 0 means the file as a whole.
    pub row: usize,
    /// The column's header as written in the file; empty for the row or file as a whole.
    pub column: String,
    pub reason: Reason,
}

impl RowError {
    fn new(row: usize, column: &str, reason: Reason) -> Self {
        Self {
            row,
            column: column.to_owned(),
            reason,
        }
    }
}

/// English wording, for logs and tests: `row 3, influence: 9 is outside 1..5`.
impl fmt::Display for RowError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.row, self.column.as_str()) {
            (0, _) => write!(f, "{}", self.reason),
            (row, "") => write!(f, "row {row}: {}", self.reason),
            (row, column) => write!(f, "row {row}, {column}: {}", self.reason),
        }
    }
}

/// The map's actors as a sheet. `sep` is the separator: `;` (the default, for Swedish
/// Excel), `,` or tab. With `;`, positions are written with a decimal comma, as the
/// spreadsheets that expect `;` read numbers.
pub fn export_actors(map: &Map, sep: u8) -> String {
    let mut sheet = Sheet::new(sep);
    sheet.row(ACTOR_COLUMNS.iter().map(|c| (*c).to_owned()));
    for actor in &map.actors {
        sheet.row([
            text(actor.id.as_str()),
            text(&actor.name),
            text(&actor.short_name),
            actor.kind.as_str().to_owned(),
            text(actor.sector.as_str()),
            actor.level.as_str().to_owned(),
            text(&actor.municipality),
            rating_text(actor.influence),
            rating_text(actor.interest),
            rating_text(actor.attitude),
            actor.salience.power.to_string(),
            actor.salience.legitimacy.to_string(),
            actor.salience.urgency.to_string(),
            text(&actor.tags.join("|")),
            text(&actor.notes),
            decimal(actor.x, sep),
            decimal(actor.y, sep),
        ]);
    }
    sheet.finish()
}

/// The engagement log as a sheet: one row per interaction, actors by name and id, needs
/// joined with `|`, the follow-up in three columns. `sep` as for [`export_actors`].
pub fn export_interactions(map: &Map, sep: u8) -> String {
    let names = |ids: &[ActorId]| {
        let named = ids
            .iter()
            .filter_map(|id| map.actor(id))
            .map(|a| a.name.as_str());
        named.collect::<Vec<_>>().join(" | ")
    };
    let mut sheet = Sheet::new(sep);
    sheet.row(
        [
            "id",
            "date",
            "kind",
            "actors",
            "actor_ids",
            "summary",
            "needs",
            "follow_up",
            "follow_up_due",
            "follow_up_status",
            "invited",
            "attended",
        ]
        .map(str::to_owned),
    );
    for i in &map.interactions {
        let follow_up = i.follow_up.as_ref();
        sheet.row([
            text(&i.id),
            i.date.to_string(),
            i.kind.as_str().to_owned(),
            text(&names(&i.actors)),
            text(
                &i.actors
                    .iter()
                    .map(ActorId::as_str)
                    .collect::<Vec<_>>()
                    .join("|"),
            ),
            text(&i.summary),
            text(&i.needs.join("|")),
            text(follow_up.map_or("", |f| f.title.as_str())),
            follow_up.map(|f| f.due.to_string()).unwrap_or_default(),
            follow_up
                .map(|f| f.status.as_str().to_owned())
                .unwrap_or_default(),
            text(&names(&i.invited)),
            text(&names(&i.attended)),
        ]);
    }
    sheet.finish()
}

/// A dialogue's invitation list for a mail merge: one row per contact person of each
/// invited actor (an actor without one gets a row of its own), and whether it came.
pub fn export_invitations(map: &Map, interaction: &Interaction, sep: u8) -> String {
    let mut sheet = Sheet::new(sep);
    sheet.row(["name", "contact", "email", "attended"].map(str::to_owned));
    for actor in interaction.invited.iter().filter_map(|id| map.actor(id)) {
        let came = interaction.attended.contains(&actor.id).to_string();
        let contacts: Vec<(&str, &str)> = actor
            .contacts
            .iter()
            .map(|c| (c.name.as_str(), c.email.as_str()))
            .collect();
        let rows = if contacts.is_empty() {
            vec![("", "")]
        } else {
            contacts
        };
        for (contact, email) in rows {
            sheet.row([text(&actor.name), text(contact), text(email), came.clone()]);
        }
    }
    sheet.finish()
}

/// The map's relations as a sheet, with the actors' names beside their ids. `sep` as for
/// [`export_actors`].
pub fn export_relations(map: &Map, sep: u8) -> String {
    let name_of = |id: &ActorId| map.actor(id).map(|a| a.name.as_str()).unwrap_or("");
    let mut sheet = Sheet::new(sep);
    sheet.row(RELATION_COLUMNS.iter().map(|c| (*c).to_owned()));
    for relation in &map.relations {
        sheet.row([
            text(relation.id.as_str()),
            text(relation.from.as_str()),
            text(relation.to.as_str()),
            text(name_of(&relation.from)),
            text(name_of(&relation.to)),
            relation.kind.as_str().to_owned(),
            relation.strength.to_string(),
            relation.directed.to_string(),
            text(&relation.note),
        ]);
    }
    sheet.finish()
}

/// Reads an actor sheet into new actors for `map` (the map itself is not changed). A row
/// keeps the id in its `id` cell when that id is free; otherwise `new_id` makes one.
/// Only `name` is a required column; empty cells get the usual defaults. Lenient: a row
/// without a name (or with its cells shifted) is left out, a word that names no kind,
/// level or sector is kept as a tag, a cell that cannot be read leaves its field at the
/// default, and a 1–10 rating column is scaled to 1–5; the report says which and where.
/// Only a sheet that cannot be read at all (or lacks a name column) is an error.
pub fn import_actors(
    text: &str,
    map: &Map,
    new_id: &mut dyn FnMut() -> String,
) -> Result<(Vec<Actor>, ImportReport), Vec<RowError>> {
    let table = read_table(text).map_err(|e| vec![e])?;
    let aliases = actor_aliases();
    let mut columns = Columns::find(&table, &ACTOR_COLUMNS, &aliases, &NAME_FALLBACKS, &["name"])?;
    let names_from = columns.names_from_filled_column(&table);
    let (actors, mut report) = actor_rows(&table, &columns, map, new_id);
    if let Some((empty, used)) = names_from {
        let outcome = Outcome::NamesFrom { empty, used };
        report.note(Place::Line(table.header_line), outcome);
    }
    Ok((actors, report))
}

/// How an actor sheet will be read, for the preview before importing: each column's
/// header, the field it is read as (`None`: kept in the notes), and the first rows.
#[derive(Clone, Debug, PartialEq)]
pub struct SheetPreview {
    pub headers: Vec<String>,
    pub fields: Vec<Option<String>>,
    pub rows: Vec<Vec<String>>,
    /// The name column was empty in every row (its header), so names are read from
    /// another column (its header).
    pub names_from: Option<(String, String)>,
}

/// How many rows the preview shows.
pub const PREVIEW_ROWS: usize = 5;

/// The preview of an actor sheet: as [`import_actors`] would read it, a column that
/// repeats a field left unread. Only a sheet that cannot be read is an error.
pub fn preview_actors(text: &str) -> Result<SheetPreview, Vec<RowError>> {
    let table = read_table(text).map_err(|e| vec![e])?;
    let aliases = actor_aliases();
    let (mut columns, _) = Columns::guess(&table, &ACTOR_COLUMNS, &aliases, &NAME_FALLBACKS);
    let names_from = columns.names_from_filled_column(&table);
    let width = table.header.len();
    let rows = table.rows.iter().take(PREVIEW_ROWS);
    Ok(SheetPreview {
        names_from,
        fields: columns.fields(),
        rows: rows
            .map(|row| (0..width).map(|i| row.cell(i).to_owned()).collect())
            .collect(),
        headers: table.header,
    })
}

/// [`import_actors`] with each column's meaning as chosen in the preview (`fields[i]` for
/// column `i`, one of [`ACTOR_COLUMNS`] or `None` to keep it in the notes).
pub fn import_actors_as(
    text: &str,
    map: &Map,
    new_id: &mut dyn FnMut() -> String,
    fields: &[Option<String>],
) -> Result<(Vec<Actor>, ImportReport), Vec<RowError>> {
    let table = read_table(text).map_err(|e| vec![e])?;
    let columns = Columns::chosen(&table, fields, &["name"])?;
    Ok(actor_rows(&table, &columns, map, new_id))
}

fn actor_aliases() -> Vec<(&'static str, &'static str)> {
    ACTOR_ALIASES.into_iter().chain(RATING_ALIASES).collect()
}

/// The rows of an actor sheet read by `columns`, leniently (see [`import_actors`]).
fn actor_rows(
    table: &Table,
    columns: &Columns,
    map: &Map,
    new_id: &mut dyn FnMut() -> String,
) -> (Vec<Actor>, ImportReport) {
    let mut report = ImportReport::default();
    let scales: Vec<(&str, i64)> = ["influence", "interest"]
        .into_iter()
        .map(|field| (field, rating_scale(table, columns, field)))
        .collect();
    for (field, max) in &scales {
        if *max != *SCALE_RANGE.end() {
            let column = columns.header(field).to_owned();
            report.note(
                Place::Line(table.header_line),
                Outcome::Scaled { column, max: *max },
            );
        }
    }
    let unmapped = columns.unmapped(table);
    note_unmapped(&unmapped, table.header_line, &mut report);
    let mut taken: HashSet<String> = map.actors.iter().map(|a| a.id.0.clone()).collect();
    let mut actors = Vec::new();
    for row in &table.rows {
        let mut cells = Cells::new(row, columns);
        let name = cells.get("name").trim().to_owned();
        if name.is_empty() {
            cells.skip(Reason::EmptyName);
        }
        let mut actor = Actor::new(ActorId::default(), name);
        actor.short_name = cells.get("short_name").trim().to_owned();
        let mut tags = split_tags(cells.get("tags"));
        actor.kind = cells
            .word("kind", parse_kind, &mut tags)
            .unwrap_or_default();
        actor.sector = cells
            .word(
                "sector",
                |t| find_sector(&map.sectors, t).map(Option::unwrap_or_default),
                &mut tags,
            )
            .unwrap_or_default();
        actor.level = cells
            .word("level", parse_level, &mut tags)
            .unwrap_or_default();
        actor.tags = tags;
        actor.municipality = cells.get("municipality").trim().to_owned();
        for (field, slot) in [
            ("influence", &mut actor.influence),
            ("interest", &mut actor.interest),
        ] {
            let max = scales.iter().find(|(f, _)| *f == field).map_or(5, |s| s.1);
            if let Some(Some(value)) = cells.parse(field, |t| parse_rating(t, 1..=max)) {
                *slot = Some(scale_to_five(value, max));
            }
        }
        if let Some(Some(value)) = cells.parse("attitude", |t| parse_rating(t, ATTITUDE_RANGE)) {
            actor.attitude = Some(value);
        }
        for (column, slot) in [
            ("power", &mut actor.salience.power),
            ("legitimacy", &mut actor.salience.legitimacy),
            ("urgency", &mut actor.salience.urgency),
        ] {
            if let Some(Some(value)) = cells.parse(column, parse_bool) {
                *slot = value;
            }
        }
        actor.notes = with_unmapped(cells.get("notes"), row, &unmapped);
        for (column, slot) in [("x", &mut actor.x), ("y", &mut actor.y)] {
            if let Some(Some(value)) = cells.parse(column, parse_position) {
                *slot = value;
            }
        }
        let id = cells.get("id");
        if cells.finish(&mut report) {
            actor.id = ActorId(free_id(id, &mut taken, new_id));
            actors.push(actor);
        }
    }
    report.added_actors = actors.len();
    (actors, report)
}

/// The top of the scale a rating column uses: 10 when its header says so (`Influence
/// (1-10)`) or more than one of its numbers is above 5, and none is outside 1–10; else 5,
/// so one stray 9 on a 1–5 sheet is reported rather than rescaling the column.
fn rating_scale(table: &Table, columns: &Columns, field: &str) -> i64 {
    let numbers: Vec<i64> = table
        .rows
        .iter()
        .filter_map(|row| parse_whole(columns.get(row, field), 1..=10).ok().flatten())
        .collect();
    let past_five = numbers.iter().filter(|n| **n > 5).count() > 1
        || (columns.has(field) && columns.header(field).contains("10"));
    let all_within = table.rows.iter().all(|row| {
        let cell = columns.get(row, field);
        parse_whole(cell, i64::MIN..=i64::MAX)
            .map_or(true, |n| n.is_none_or(|n| (1..=10).contains(&n)))
    });
    if past_five && all_within {
        10
    } else {
        *SCALE_RANGE.end()
    }
}

/// A rating on 1–`max` as the nearest step of 1–5 (1–10: 1, 1, 2, 2, 3, 3, 4, 4, 5, 5).
fn scale_to_five(value: i64, max: i64) -> i64 {
    if max == *SCALE_RANGE.end() {
        return value;
    }
    let (top, five) = ((max - 1) as f64, (SCALE_RANGE.end() - 1) as f64);
    1 + ((value - 1) as f64 * five / top).round() as i64
}

/// Reads a relation sheet into new relations between `map`'s actors (the map itself is
/// not changed). `from` and `to` name an actor by id or, failing that, by name
/// (case-insensitive, white space folded); when they fit no actor, `from_name` and
/// `to_name` are tried. Lenient like [`import_actors`]: a row whose end fits no actor
/// (or several, or the same actor at both ends) is left out and reported by the name the
/// sheet used; a type that is no relation kind takes the kind its first matching word
/// names (collaboration when none does) and is kept in the note, as is a strength on
/// another scale. Kumu's `Direction` (directed, mutual, undirected) is read. Ids as for
/// [`import_actors`].
pub fn import_relations(
    text: &str,
    map: &Map,
    new_id: &mut dyn FnMut() -> String,
) -> Result<(Vec<Relation>, ImportReport), Vec<RowError>> {
    let table = read_table(text).map_err(|e| vec![e])?;
    let fields: Vec<&str> = RELATION_COLUMNS.into_iter().chain(["direction"]).collect();
    let columns = Columns::find(&table, &fields, &RELATION_ALIASES, &[], &[])?;
    let mut missing = Vec::new();
    for end in ["from", "to"] {
        if !columns.has(end) && !columns.has(&format!("{end}_name")) {
            missing.push(RowError::new(
                table.header_line,
                "",
                Reason::MissingColumn(end.to_owned()),
            ));
        }
    }
    if !missing.is_empty() {
        return Err(missing);
    }
    let lookup = ActorLookup::of(map);
    let mut report = ImportReport::default();
    let unmapped = columns.unmapped(&table);
    note_unmapped(&unmapped, table.header_line, &mut report);
    let mut taken: HashSet<String> = map.relations.iter().map(|r| r.id.0.clone()).collect();
    let mut relations = Vec::new();
    for row in &table.rows {
        let mut cells = Cells::new(row, &columns);
        let from = cells.actor(&lookup, "from");
        let to = cells.actor(&lookup, "to");
        let mut relation = Relation::new(
            RelationId::default(),
            ActorId::default(),
            ActorId::default(),
        );
        let mut kept: Vec<String> = Vec::new();
        let kind_text = cells.get("kind").trim();
        if !kind_text.is_empty() {
            let (kind, exact) = relation_kind(kind_text);
            relation.kind = kind;
            if !exact {
                kept.push(cells.keep_in_note("kind", kind_text));
            }
        }
        let strength_text = cells.get("strength");
        match parse_whole(strength_text, STRENGTH_RANGE) {
            Ok(Some(strength)) => relation.strength = strength,
            Ok(None) => {}
            // Other tools' strengths run on any scale: the value is kept beside the default.
            Err(_) => kept.push(cells.keep_in_note("strength", strength_text.trim())),
        }
        match parse_direction(cells.get("direction")) {
            Ok(Some(directed)) => relation.directed = directed,
            Ok(None) => {}
            Err(_) => {
                let text = cells.get("direction").trim();
                kept.push(cells.keep_in_note("direction", text));
            }
        }
        if let Some(Some(directed)) = cells.parse("directed", parse_bool) {
            relation.directed = directed;
        }
        let note = [cells.get("note").trim().to_owned()]
            .into_iter()
            .chain(kept)
            .filter(|line| !line.is_empty())
            .collect::<Vec<_>>()
            .join("\n");
        relation.note = with_unmapped(&note, row, &unmapped);
        if let (Some(from), Some(to)) = (from, to) {
            if from == to {
                cells.skip(Reason::SelfRelation);
            }
            relation.from = from;
            relation.to = to;
        }
        let id = cells.get("id");
        if cells.finish(&mut report) {
            relation.id = RelationId(free_id(id, &mut taken, new_id));
            relations.push(relation);
        }
    }
    report.added_relations = relations.len();
    Ok((relations, report))
}

/// Reports the columns no field reads: their values go into the notes.
fn note_unmapped(unmapped: &[(usize, &str)], header_line: usize, report: &mut ImportReport) {
    for (_, header) in unmapped {
        let outcome = Outcome::ColumnInNotes((*header).to_owned());
        report.note(Place::Line(header_line), outcome);
    }
}

/// A row's notes with its cells in columns no field reads appended as `column: value`;
/// the notes as they are when there are none.
fn with_unmapped(notes: &str, row: &Row, unmapped: &[(usize, &str)]) -> String {
    let extras = row_extras(row, unmapped);
    if extras.is_empty() {
        notes.to_owned()
    } else {
        with_fields(notes, &extras)
    }
}

/// A row's non-empty cells in the `unmapped` columns, as `header: value` pairs.
pub(super) fn row_extras(row: &Row, unmapped: &[(usize, &str)]) -> Vec<(String, String)> {
    unmapped
        .iter()
        .map(|(i, header)| ((*header).to_owned(), row.cell(*i).to_owned()))
        .filter(|(_, value)| !value.trim().is_empty())
        .collect()
}

/// Kumu's `Direction` cell: directed, or mutual/undirected (Samverkan has no two-headed
/// arrow; undirected is the closest reading). Swedish words too; empty is `None`.
fn parse_direction(text: &str) -> Result<Option<bool>, Reason> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "directed" | "riktad" | "one-way" | "enkelriktad" => Ok(Some(true)),
        "undirected" | "mutual" | "oriktad" | "ömsesidig" | "two-way" => Ok(Some(false)),
        other => Err(Reason::UnknownValue {
            value: other.to_owned(),
            allowed: vec!["directed".into(), "mutual".into(), "undirected".into()],
        }),
    }
}

/// The separator a header line uses: whichever of `;`, `,` and tab occurs most often
/// outside quotes; `;` when none does (a one-column sheet reads the same either way).
pub fn detect_separator(header_line: &str) -> u8 {
    let (mut semicolons, mut commas, mut tabs) = (0, 0, 0);
    let mut quoted = false;
    for c in header_line.chars() {
        match c {
            '"' => quoted = !quoted,
            ';' if !quoted => semicolons += 1,
            ',' if !quoted => commas += 1,
            '\t' if !quoted => tabs += 1,
            _ => {}
        }
    }
    if tabs > semicolons && tabs > commas {
        b'\t'
    } else if commas > semicolons {
        b','
    } else {
        b';'
    }
}

/// A read sheet: the header and the non-blank rows after it.
pub(super) struct Table {
    pub(super) header: Vec<String>,
    pub(super) header_line: usize,
    pub(super) rows: Vec<Row>,
}

/// One record with the line it starts on.
pub(super) struct Row {
    pub(super) line: usize,
    pub(super) cells: Vec<String>,
}

impl Row {
    /// The cell at `index`, with the formula guard of the export taken off.
    pub(super) fn cell(&self, index: usize) -> &str {
        unguard(self.cells.get(index).map(String::as_str).unwrap_or(""))
    }
}

/// Parses CSV text: byte-order mark stripped, an Excel `sep=` line honoured, the separator
/// detected from the header, blank rows skipped.
pub(super) fn read_table(text: &str) -> Result<Table, RowError> {
    if text.len() as u64 > MAX_FILE_BYTES {
        let bytes = text.len() as u64;
        let limit = MAX_FILE_BYTES;
        return Err(RowError::new(0, "", Reason::TooLarge { bytes, limit }));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let first_line = text.lines().next().unwrap_or("");
    let (body, skipped_lines, sep) = match excel_sep_line(first_line) {
        Some(sep) => {
            let rest = text.split_once('\n').map(|(_, rest)| rest).unwrap_or("");
            (rest, 1, sep)
        }
        None => (text, 0, detect_separator(first_line)),
    };
    let mut reader = ::csv::ReaderBuilder::new()
        .delimiter(sep)
        .has_headers(false)
        .flexible(true)
        .from_reader(body.as_bytes());
    let mut header: Option<(usize, Vec<String>)> = None;
    let mut rows = Vec::new();
    let mut lines = LineCounter::new(body.as_bytes());
    for record in reader.records() {
        let record = record.map_err(|error| {
            let line = error.position().map(|p| p.line() as usize).unwrap_or(0);
            let line = if line == 0 { 0 } else { line + skipped_lines };
            RowError::new(line, "", Reason::BadCsv { line })
        })?;
        if record.iter().all(|cell| cell.trim().is_empty()) {
            continue;
        }
        let start = record.position().map_or(0, |p| p.byte() as usize);
        let line = lines.line_at(start) + skipped_lines;
        let cells: Vec<String> = record.iter().map(str::to_owned).collect();
        if header.is_none() {
            header = Some((line, cells));
        } else {
            rows.push(Row { line, cells });
        }
    }
    let Some((header_line, header)) = header else {
        return Err(RowError::new(0, "", Reason::Empty));
    };
    Ok(Table {
        header: header.into_iter().map(|h| h.trim().to_owned()).collect(),
        header_line,
        rows,
    })
}

/// Lines of the text up to a byte offset, counted once as the offsets grow. The csv
/// crate's own line number lags by one after a CRLF (a record "starts" at the `\n` of the
/// `\r\n` before it), and Excel writes CRLF.
struct LineCounter<'t> {
    text: &'t [u8],
    byte: usize,
    line: usize,
}

impl<'t> LineCounter<'t> {
    fn new(text: &'t [u8]) -> Self {
        Self {
            text,
            byte: 0,
            line: 1,
        }
    }

    /// The 1-based line of the record starting at `start`.
    fn line_at(&mut self, start: usize) -> usize {
        let start = match self.text.get(start) {
            Some(b'\n') => start + 1,
            _ => start,
        };
        let end = start.min(self.text.len());
        if end > self.byte {
            self.line += self.text[self.byte..end]
                .iter()
                .filter(|b| **b == b'\n')
                .count();
            self.byte = end;
        }
        self.line
    }
}

/// The separator of an Excel `sep=;` first line, if that is what the line is.
fn excel_sep_line(line: &str) -> Option<u8> {
    let rest = line.trim_end_matches('\r').strip_prefix("sep=")?;
    match rest.as_bytes() {
        [sep @ (b';' | b',' | b'\t' | b'|')] => Some(*sep),
        _ => None,
    }
}

/// Which column holds which field, and the header as the file writes it.
pub(super) struct Columns {
    index: HashMap<String, (usize, String)>,
    width: usize,
}

impl Columns {
    /// Maps the header to `fields` (or their `aliases`); reports a field given twice and
    /// missing `required` fields. Columns that name no field are ignored, so extra
    /// columns of a working spreadsheet do no harm.
    pub(super) fn find(
        table: &Table,
        fields: &[&str],
        aliases: &[(&str, &str)],
        fallbacks: &[(&str, &str)],
        required: &[&str],
    ) -> Result<Self, Vec<RowError>> {
        let (columns, errors) = Self::guess(table, fields, aliases, fallbacks);
        let errors = errors.into_iter().chain(columns.missing(table, required));
        let errors: Vec<RowError> = errors.collect();
        if errors.is_empty() {
            Ok(columns)
        } else {
            Err(errors)
        }
    }

    /// The columns as chosen in the preview: `choices[i]` is the field column `i` is read
    /// as (`None`: kept in the notes). A field chosen twice or a missing `required` one
    /// is an error.
    fn chosen(
        table: &Table,
        choices: &[Option<String>],
        required: &[&str],
    ) -> Result<Self, Vec<RowError>> {
        let mut columns = Self {
            index: HashMap::new(),
            width: table.header.len(),
        };
        let mut errors = Vec::new();
        for (i, (written, field)) in table.header.iter().zip(choices).enumerate() {
            let Some(field) = field else { continue };
            if let Some((_, first)) = columns.index.get(field) {
                let (column, first) = (written.clone(), first.clone());
                let reason = Reason::DuplicateColumn { column, first };
                errors.push(RowError::new(table.header_line, written, reason));
            } else {
                columns.index.insert(field.clone(), (i, written.clone()));
            }
        }
        errors.extend(columns.missing(table, required));
        if errors.is_empty() {
            Ok(columns)
        } else {
            Err(errors)
        }
    }

    /// The `required` fields no column holds, as errors.
    fn missing(&self, table: &Table, required: &[&str]) -> Vec<RowError> {
        required
            .iter()
            .filter(|field| !self.index.contains_key(**field))
            .map(|field| {
                let reason = Reason::MissingColumn((*field).to_owned());
                RowError::new(table.header_line, "", reason)
            })
            .collect()
    }

    /// The field each column is read as (`None`: none), in the sheet's order.
    fn fields(&self) -> Vec<Option<String>> {
        let mut fields = vec![None; self.width];
        for (field, (i, _)) in &self.index {
            fields[*i] = Some(field.clone());
        }
        fields
    }

    /// [`Columns::find`] without its checks: the best reading of the header, and the
    /// columns that repeat a field (left unread).
    fn guess(
        table: &Table,
        fields: &[&str],
        aliases: &[(&str, &str)],
        fallbacks: &[(&str, &str)],
    ) -> (Self, Vec<RowError>) {
        let mut index: HashMap<String, (usize, String)> = HashMap::new();
        let mut errors = Vec::new();
        for (i, written) in table.header.iter().enumerate() {
            let key = header_key(unguard(written));
            let field = fields
                .iter()
                .find(|f| **f == key)
                .copied()
                .or_else(|| aliases.iter().find(|(a, _)| *a == key).map(|(_, f)| *f));
            let Some(field) = field else { continue };
            if let Some((_, first)) = index.get(field) {
                errors.push(RowError::new(
                    table.header_line,
                    written,
                    Reason::DuplicateColumn {
                        column: written.clone(),
                        first: first.clone(),
                    },
                ));
            } else {
                index.insert(field.to_owned(), (i, written.clone()));
            }
        }
        // A field no header names outright takes the first fallback header the sheet has.
        for (key, field) in fallbacks {
            if index.contains_key(*field) {
                continue;
            }
            let found = table
                .header
                .iter()
                .enumerate()
                .find(|(_, written)| header_key(unguard(written)) == *key);
            if let Some((i, written)) = found {
                index.insert((*field).to_owned(), (i, written.clone()));
            }
        }
        let columns = Self {
            index,
            width: table.header.len(),
        };
        (columns, errors)
    }

    /// The header cells that name no field, with their positions.
    pub(super) fn unmapped<'t>(&self, table: &'t Table) -> Vec<(usize, &'t str)> {
        let mapped: HashSet<usize> = self.index.values().map(|(i, _)| *i).collect();
        table
            .header
            .iter()
            .enumerate()
            .filter(|(i, h)| !mapped.contains(i) && !h.is_empty())
            .map(|(i, h)| (i, h.as_str()))
            .collect()
    }

    pub(super) fn has(&self, field: &str) -> bool {
        self.index.contains_key(field)
    }

    /// When the name column is empty in every row (a register whose `Organization` nobody
    /// filled), names come from the first column no field reads that most rows fill with
    /// text: returns the empty column's header and the one taken.
    pub(super) fn names_from_filled_column(&mut self, table: &Table) -> Option<(String, String)> {
        let (name_at, empty) = self.index.get("name")?.clone();
        if table.rows.is_empty()
            || table
                .rows
                .iter()
                .any(|r| !r.cell(name_at).trim().is_empty())
        {
            return None;
        }
        let mostly_text = |i: usize| {
            let cells = table.rows.iter().map(|r| r.cell(i).trim());
            let text = cells
                .filter(|c| !c.is_empty() && c.parse::<f64>().is_err())
                .count();
            text * 2 > table.rows.len()
        };
        let (i, used) = self
            .unmapped(table)
            .into_iter()
            .find(|(i, _)| mostly_text(*i))?;
        let used = used.to_owned();
        self.index.insert("name".into(), (i, used.clone()));
        Some((empty, used))
    }

    /// The header of `field` as written, or the field name when the column is absent.
    pub(super) fn header<'a>(&'a self, field: &'a str) -> &'a str {
        self.index
            .get(field)
            .map(|(_, h)| h.as_str())
            .unwrap_or(field)
    }

    /// The cell of `field` in `row`; empty when the column or the cell is absent.
    pub(super) fn get<'r>(&self, row: &'r Row, field: &str) -> &'r str {
        self.index
            .get(field)
            .map(|(i, _)| row.cell(*i))
            .unwrap_or("")
    }

    /// Reports cells beyond the header that hold something: usually a value with the
    /// separator in it that was not quoted, which shifts every later cell.
    pub(super) fn check_width(&self, row: &Row) -> Option<Reason> {
        let extra = row.cells.iter().skip(self.width);
        extra
            .clone()
            .any(|c| !c.trim().is_empty())
            .then_some(Reason::TooManyCells {
                cells: row.cells.len(),
                columns: self.width,
            })
    }
}

/// A header cell as compared: trimmed, lower case, spaces and dashes as `_`, and a scale
/// or unit in brackets at its end left off (`Influence (1-10)` is `influence`).
pub(super) fn header_key(header: &str) -> String {
    let header = header.trim();
    let header = match header.split_once('(') {
        Some((name, _)) if header.ends_with(')') && !name.trim().is_empty() => name,
        _ => header,
    };
    header
        .trim()
        .to_lowercase()
        .chars()
        .map(|c| if c == ' ' || c == '-' { '_' } else { c })
        .collect()
}

/// The cells of one row, and what reading them did: whether the row is left out (the
/// first reason), and what came in changed.
struct Cells<'a> {
    row: &'a Row,
    columns: &'a Columns,
    skip: Option<Reason>,
    changes: Vec<Outcome>,
}

impl<'a> Cells<'a> {
    fn new(row: &'a Row, columns: &'a Columns) -> Self {
        Self {
            row,
            columns,
            skip: columns.check_width(row),
            changes: Vec::new(),
        }
    }

    fn get(&self, field: &str) -> &'a str {
        self.columns.get(self.row, field)
    }

    fn column(&self, field: &str) -> String {
        self.columns.header(field).to_owned()
    }

    /// Leaves the row out, for the first reason given.
    fn skip(&mut self, reason: Reason) {
        self.skip.get_or_insert(reason);
    }

    /// Parses one cell; when it cannot be read, notes that the field keeps its default
    /// and returns `None`.
    fn parse<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T, Reason>,
    ) -> Option<T> {
        match parse(self.get(field)) {
            Ok(value) => Some(value),
            Err(reason) => {
                let column = self.column(field);
                self.changes.push(Outcome::NotRead { column, reason });
                None
            }
        }
    }

    /// Parses a word cell (kind, level, sector); a word that names none is kept in `tags`
    /// and noted, and the field keeps its default. `None` for an empty cell too.
    fn word<T>(
        &mut self,
        field: &str,
        parse: impl FnOnce(&str) -> Result<T, Reason>,
        tags: &mut Vec<String>,
    ) -> Option<T> {
        let text = self.get(field).trim();
        if text.is_empty() {
            return None;
        }
        match parse(text) {
            Ok(value) => Some(value),
            // Split as the tags cell is, so the tag reads back the same from an export.
            Err(reason) => {
                let kept = split_tags(text);
                let column = self.column(field);
                if kept.is_empty() {
                    self.changes.push(Outcome::NotRead { column, reason });
                    return None;
                }
                for tag in &kept {
                    push_tag(tags, tag);
                }
                let value = text.to_owned();
                self.changes.push(Outcome::KeptAsTag { column, value });
                None
            }
        }
    }

    /// Notes a value kept in the note, and returns the note's line for it.
    fn keep_in_note(&mut self, field: &str, value: &str) -> String {
        let column = self.column(field);
        let line = format!("{column}: {value}");
        let value = value.to_owned();
        self.changes.push(Outcome::KeptInNote { column, value });
        line
    }

    /// The actor at one end of a relation (`end` is `from` or `to`): by the end's cell,
    /// then by its `_name` cell. When neither fits one actor the row is left out.
    fn actor(&mut self, lookup: &ActorLookup, end: &str) -> Option<ActorId> {
        let name_field = format!("{end}_name");
        let by_ref = self.get(end).trim();
        let by_name = self.get(&name_field).trim();
        let result = match (by_ref.is_empty(), lookup.resolve(by_ref)) {
            (false, Ok(actor)) => return Some(actor),
            (false, Err(Reason::UnknownActor(_))) if !by_name.is_empty() => lookup.resolve(by_name),
            (false, Err(reason)) => Err(reason),
            (true, _) if !by_name.is_empty() => lookup.resolve(by_name),
            (true, _) => Err(Reason::EmptyName),
        };
        result.map_err(|reason| self.skip(reason)).ok()
    }

    /// Writes what happened to the row into `report`; whether the row is kept.
    fn finish(self, report: &mut ImportReport) -> bool {
        let place = Place::Line(self.row.line);
        match self.skip {
            Some(reason) => {
                report.note(place, Outcome::Skipped(reason));
                false
            }
            None => {
                for outcome in self.changes {
                    report.note(place.clone(), outcome);
                }
                true
            }
        }
    }
}

/// The id in a cell when it is free, else a new one; either way it is taken from then on.
fn free_id(cell: &str, taken: &mut HashSet<String>, new_id: &mut dyn FnMut() -> String) -> String {
    let cell = cell.trim();
    let id = if !cell.is_empty() && !taken.contains(cell) {
        cell.to_owned()
    } else {
        new_id()
    };
    taken.insert(id.clone());
    id
}

/// A whole number in `range`; `Ok(None)` for an empty cell. Accepts `+2`, the minus sign
/// `−` and a spreadsheet's `3,0`.
pub(super) fn parse_whole(text: &str, range: RangeInclusive<i64>) -> Result<Option<i64>, Reason> {
    let text = text.trim().replace('\u{2212}', "-");
    if text.is_empty() {
        return Ok(None);
    }
    let value = match text.parse::<i64>() {
        Ok(value) => value,
        Err(_) => match parse_float(&text) {
            Some(v) if v.fract() == 0.0 && v.abs() < 1e15 => v as i64,
            _ => {
                return Err(Reason::WrongType {
                    expected: Expected::WholeNumber,
                    found: Some(Found::Text(text)),
                })
            }
        },
    };
    if range.contains(&value) {
        Ok(Some(value))
    } else {
        let (min, max) = (*range.start(), *range.end());
        Err(Reason::OutOfRange { value, min, max })
    }
}

/// A canvas coordinate; `Ok(None)` for an empty cell. A decimal comma is accepted.
fn parse_position(text: &str) -> Result<Option<f64>, Reason> {
    let text = text.trim().replace('\u{2212}', "-");
    if text.is_empty() {
        return Ok(None);
    }
    match parse_float(&text) {
        Some(v) if v.is_finite() && v.abs() <= COORDINATE_LIMIT => Ok(Some(v)),
        _ => Err(Reason::WrongType {
            expected: Expected::Coordinate {
                limit: COORDINATE_LIMIT as i64,
            },
            found: Some(Found::Text(text)),
        }),
    }
}

/// A decimal number written with `.` or with a single decimal comma.
fn parse_float(text: &str) -> Option<f64> {
    let text = if !text.contains('.') && text.matches(',').count() == 1 {
        text.replace(',', ".")
    } else {
        text.to_owned()
    };
    text.parse().ok()
}

/// A coordinate as written: shortest form that reads back exactly, decimal comma with `;`.
/// Broken values (NaN, infinite) are left empty; import reads empty as 0.
fn decimal(value: f64, sep: u8) -> String {
    if !value.is_finite() {
        return String::new();
    }
    let written = value.to_string();
    if sep == b';' {
        written.replace('.', ",")
    } else {
        written
    }
}

/// Cells that start like a formula (`=`, `+`, `-`, `@`, tab, carriage return) make Excel
/// and LibreOffice run them; a leading `'` makes them text. Applied to text cells only,
/// so an attitude of `-1` stays a number.
const FORMULA_STARTS: [char; 6] = ['=', '+', '-', '@', '\t', '\r'];

/// A text cell as exported: with `'` in front when it would start like a formula. Text
/// that already starts with `'`s before such a character gets one more, so import can
/// always take exactly one off and get the text back.
fn text(value: &str) -> String {
    if value.trim_start_matches('\'').starts_with(FORMULA_STARTS) {
        format!("'{value}")
    } else {
        value.to_owned()
    }
}

/// Undoes [`text`]: one `'` off a cell that starts with `'`s and then a formula character.
fn unguard(cell: &str) -> &str {
    match cell.strip_prefix('\'') {
        Some(rest) if rest.trim_start_matches('\'').starts_with(FORMULA_STARTS) => rest,
        _ => cell,
    }
}

/// A CSV writer into memory that starts with a byte-order mark.
struct Sheet {
    writer: ::csv::Writer<Vec<u8>>,
}

impl Sheet {
    fn new(sep: u8) -> Self {
        let writer = ::csv::WriterBuilder::new()
            .delimiter(sep)
            .terminator(::csv::Terminator::CRLF)
            .quote_style(::csv::QuoteStyle::Necessary)
            .from_writer("\u{feff}".as_bytes().to_vec());
        Self { writer }
    }

    fn row(&mut self, cells: impl IntoIterator<Item = String>) {
        self.writer
            .write_record(cells)
            .expect("writing CSV into memory cannot fail");
    }

    fn finish(self) -> String {
        let bytes = self
            .writer
            .into_inner()
            .expect("flushing CSV into memory cannot fail");
        String::from_utf8(bytes).expect("CSV of UTF-8 text is UTF-8")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::ActorKind;
    use crate::formats::report::Noted;

    #[test]
    fn registers_name_the_actor_their_own_way_and_rate_in_words() {
        let map = crate::map::tests::sample_map();
        let mut n = 0;
        let mut new_id = || {
            n += 1;
            format!("new{n}")
        };
        let swedish = "\u{feff}Aktör;Inflytande;Intresse;Hållning\nRegion Kalmar;Hög;medel;positiv\nKalmar kommun;Låg;Mycket hög;Neutral\n";
        let (actors, _) = import_actors(swedish, &map, &mut new_id).unwrap();
        let read: Vec<(&str, i64, i64, i64)> = actors
            .iter()
            .map(|a| {
                let rated = |r: Option<i64>| r.expect("rated");
                (
                    a.name.as_str(),
                    rated(a.influence),
                    rated(a.interest),
                    rated(a.attitude),
                )
            })
            .collect();
        assert_eq!(
            read,
            [("Region Kalmar", 5, 3, 1), ("Kalmar kommun", 1, 5, 0)]
        );
        let english =
            "Stakeholder,Influence,Interest\nAlmi,High,Low\nLinnaeus University,3,Medium\n";
        let (actors, _) = import_actors(english, &map, &mut new_id).unwrap();
        assert_eq!(actors[0].name, "Almi");
        assert_eq!(
            (actors[0].influence, actors[0].interest),
            (Some(5), Some(1))
        );
        assert_eq!(
            (actors[1].influence, actors[1].interest),
            (Some(3), Some(3))
        );
        // A sheet with a name column and an organisation column keeps the name.
        let both = "Namn,Organisation\nAnna Berg,Region Kalmar\n";
        let (actors, _) = import_actors(both, &map, &mut new_id).unwrap();
        assert_eq!(actors[0].name, "Anna Berg");
        // A word that is no rating leaves the default, and the report names the cell.
        let (actors, report) =
            import_actors("Stakeholder,Influence\nAlmi,enormous\n", &map, &mut new_id).unwrap();
        assert_eq!(actors[0].influence, None);
        assert!(matches!(
            &report.notes[0],
            Noted { place: Place::Line(2), outcome: Outcome::NotRead { column, .. } }
                if column == "Influence"
        ));
    }

    #[test]
    fn the_preview_shows_each_columns_meaning_and_the_choice_is_imported() {
        let map = crate::map::tests::sample_map();
        let mut new_id = || "x".to_owned();
        let sheet =
            "Namn;Organisation;Roll;Påverkan;Namn igen\nAnna Berg;Region Kalmar;Nätverk;Hög;A\n";
        let preview = preview_actors(sheet).unwrap();
        assert_eq!(
            preview.headers,
            ["Namn", "Organisation", "Roll", "Påverkan", "Namn igen"]
        );
        let some = |f: &str| Some(f.to_owned());
        assert_eq!(
            preview.fields,
            [some("name"), None, None, some("influence"), None]
        );
        assert_eq!(
            preview.rows,
            [["Anna Berg", "Region Kalmar", "Nätverk", "Hög", "A"]]
        );
        // The user reads the organisation as the name, the role as the kind, and keeps
        // the person's name in the notes.
        let chosen = [None, some("name"), some("kind"), some("influence"), None];
        let (actors, report) = import_actors_as(sheet, &map, &mut new_id, &chosen).unwrap();
        let a = &actors[0];
        assert_eq!(
            (a.name.as_str(), a.kind, a.influence),
            ("Region Kalmar", ActorKind::Network, Some(5))
        );
        assert_eq!(a.notes, "Namn: Anna Berg\nNamn igen: A");
        assert_eq!(report.notes.len(), 2, "two columns kept in the notes");
        let twice = [some("name"), some("name"), None, None, None];
        let errors = import_actors_as(sheet, &map, &mut new_id, &twice).unwrap_err();
        assert_eq!(
            errors[0].to_string(),
            "row 1, Organisation: the column \"Organisation\" repeats the column \"Namn\""
        );
        let nameless = [None, None, None, some("influence"), None];
        let errors = import_actors_as(sheet, &map, &mut new_id, &nameless).unwrap_err();
        assert_eq!(errors[0].reason, Reason::MissingColumn("name".into()));
    }

    #[test]
    fn ratings_on_one_to_ten_are_scaled_to_five() {
        let map = crate::map::tests::sample_map();
        let mut new_id = || "x".to_owned();
        let sheet = "Name,Influence,Interest\nA,10,2\nB,1,5\nC,6,3\nD,7,1\n";
        let (actors, report) = import_actors(sheet, &map, &mut new_id).unwrap();
        let read: Vec<(i64, i64)> = actors
            .iter()
            .map(|a| (a.influence.unwrap(), a.interest.unwrap()))
            .collect();
        // Influence runs past 5, so it is 1–10; interest stays on 1–5.
        assert_eq!(read, [(5, 2), (1, 5), (3, 3), (4, 1)]);
        assert_eq!(
            report.notes,
            [Noted {
                place: Place::Line(1),
                outcome: Outcome::Scaled {
                    column: "Influence".into(),
                    max: 10
                }
            }]
        );
        assert_eq!(
            (1..=10).map(|v| scale_to_five(v, 10)).collect::<Vec<_>>(),
            [1, 1, 2, 2, 3, 3, 4, 4, 5, 5]
        );
        // A value past 10 is no 1–10 scale: the column stays 1–5 and that cell is reported.
        let (actors, report) =
            import_actors("Name,Influence\nA,7\nB,12\nC,8\n", &map, &mut new_id).unwrap();
        assert_eq!((actors[0].influence, actors[1].influence), (None, None));
        assert_eq!(report.notes.len(), 3);
    }

    #[test]
    fn separators_are_detected_outside_quotes() {
        assert_eq!(detect_separator("id;name;notes"), b';');
        assert_eq!(detect_separator("id,name,\"a;b;c\""), b',');
        assert_eq!(detect_separator("id\tname\tnotes"), b'\t');
        assert_eq!(detect_separator("name"), b';');
    }

    #[test]
    fn the_formula_guard_round_trips() {
        for value in [
            "=SUM(A1)", "'=x", "''-1", "-", "'hej", "plain", "", "@me", "\tx",
        ] {
            assert_eq!(unguard(&text(value)), value, "{value:?}");
        }
        assert_eq!(text("=1+1"), "'=1+1");
        assert_eq!(text("'hej"), "'hej");
    }

    #[test]
    fn numbers_parse_leniently_but_strictly_in_range() {
        assert_eq!(parse_whole(" −2 ", -2..=2), Ok(Some(-2)));
        assert_eq!(parse_whole("+1", -2..=2), Ok(Some(1)));
        assert_eq!(parse_whole("3,0", 1..=5), Ok(Some(3)));
        assert_eq!(parse_whole("", 1..=5), Ok(None));
        assert_eq!(
            parse_whole("9", 1..=5),
            Err(Reason::OutOfRange {
                value: 9,
                min: 1,
                max: 5
            })
        );
        assert!(parse_whole("2,5", 1..=5).is_err());
        assert_eq!(parse_position("12,5"), Ok(Some(12.5)));
        assert_eq!(parse_position("-0.25"), Ok(Some(-0.25)));
        assert!(parse_position("NaN").is_err());
        assert!(parse_position("1e9").is_err());
        assert_eq!(decimal(12.5, b';'), "12,5");
        assert_eq!(decimal(12.5, b','), "12.5");
        assert_eq!(decimal(f64::NAN, b','), "");
    }
}
#[cfg(test)]
mod line_numbers {
    #[test]
    fn rows_are_numbered_by_their_line_with_lf_or_crlf() {
        for text in [
            "h\na\nb\n\"c\nd\"\ne\n",
            "h\r\na\r\nb\r\n\"c\r\nd\"\r\ne\r\n",
        ] {
            let table = super::read_table(text).unwrap();
            let lines: Vec<usize> = table.rows.iter().map(|r| r.line).collect();
            assert_eq!(
                (table.header_line, lines),
                (1, vec![2, 3, 4, 6]),
                "{text:?}"
            );
        }
    }
}
