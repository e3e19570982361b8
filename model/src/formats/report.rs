//! What an import of another tool's file did besides adding what it read as written:
//! rows left out, values changed or kept elsewhere, parts of the file not brought in.
//! Readers of other tools' files are lenient (they import what they can and say what they
//! did); the Samverkan file stays all-or-nothing. The app words the report in its language.

use crate::command::Placement;
use crate::validate::Reason;
use std::fmt;

/// Where in the file: a sheet's line (the header is line 1) or a JSON path.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Place {
    /// A sheet line, 1-based; 0 is the file as a whole.
    Line(usize),
    /// A JSON path such as `connections[3]`.
    Path(String),
}

/// A part of another tool's file that has no place in a Samverkan map.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Part {
    /// A Kumu loop (a named cycle of connections).
    Loop,
    /// A Kumu map (view) whose positions were not used.
    View,
}

/// What happened to one row, item or value.
#[derive(Clone, Debug, PartialEq)]
pub enum Outcome {
    /// Left out, and why.
    Skipped(Reason),
    /// A word in `column` that names no kind, level or sector, kept as a tag; the field
    /// took its default.
    KeptAsTag { column: String, value: String },
    /// A value with no field of its own (a connection type no relation kind matches, a
    /// strength on another scale), kept in the note; the field took its default.
    KeptInNote { column: String, value: String },
    /// A cell that could not be read; the field keeps its default (unrated, no, 0).
    NotRead { column: String, reason: Reason },
    /// A rating column on a 1–`max` scale, scaled to 1–5.
    Scaled { column: String, max: i64 },
    /// A column no field reads, kept in every row's notes as `column: value`.
    ColumnInNotes(String),
    /// A part of the file not imported, by its name.
    NotImported { part: Part, name: String },
    /// Actors made from the names at the ends of a connections sheet given alone.
    ActorsFromEnds(usize),
    /// The name column (`empty`) was empty in every row: names were read from `used`.
    NamesFrom { empty: String, used: String },
}

impl Outcome {
    /// Whether the row or item was left out (else it came in, changed).
    pub fn is_skip(&self) -> bool {
        matches!(self, Outcome::Skipped(_))
    }
}

/// One outcome at one place.
#[derive(Clone, Debug, PartialEq)]
pub struct Noted {
    pub place: Place,
    pub outcome: Outcome,
}

/// What one import did.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct ImportReport {
    pub added_actors: usize,
    pub added_relations: usize,
    pub notes: Vec<Noted>,
    /// A Kumu backup's maps when it has several: the user may take another one's
    /// positions after the import.
    pub views: Vec<KumuView>,
}

/// One Kumu map's positions for the imported actors.
#[derive(Clone, Debug, PartialEq)]
pub struct KumuView {
    pub name: String,
    /// Whether the import placed the actors by this map.
    pub used: bool,
    pub placements: Vec<Placement>,
}

impl ImportReport {
    pub fn note(&mut self, place: Place, outcome: Outcome) {
        self.notes.push(Noted { place, outcome });
    }

    /// How many rows or items were left out.
    pub fn skipped(&self) -> usize {
        self.notes.iter().filter(|n| n.outcome.is_skip()).count()
    }

    /// How many rows or items came in with something changed (each counted once).
    pub fn changed(&self) -> usize {
        let mut places: Vec<&Place> = Vec::new();
        for noted in &self.notes {
            let row_change = matches!(
                noted.outcome,
                Outcome::KeptAsTag { .. } | Outcome::KeptInNote { .. } | Outcome::NotRead { .. }
            );
            if row_change && !places.contains(&&noted.place) {
                places.push(&noted.place);
            }
        }
        places.len()
    }

    /// The outcomes with every place they happened at, in the order first seen: "Type
    /// 'Investor', rows 4, 9, 12: kept as tag" is one group.
    pub fn groups(&self) -> Vec<(&Outcome, Vec<&Place>)> {
        let mut groups: Vec<(&Outcome, Vec<&Place>)> = Vec::new();
        for noted in &self.notes {
            match groups.iter_mut().find(|(o, _)| *o == &noted.outcome) {
                Some((_, places)) => places.push(&noted.place),
                None => groups.push((&noted.outcome, vec![&noted.place])),
            }
        }
        groups
    }
}

/// English wording, for logs and tests: `row 5: left out: must not be empty`.
impl fmt::Display for Noted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.place {
            Place::Line(0) => {}
            Place::Line(line) => write!(f, "row {line}: ")?,
            Place::Path(path) => write!(f, "{path}: ")?,
        }
        match &self.outcome {
            Outcome::Skipped(reason) => write!(f, "left out: {reason}"),
            Outcome::KeptAsTag { column, value } => write!(f, "{column} \"{value}\" kept as a tag"),
            Outcome::KeptInNote { column, value } => {
                write!(f, "{column} \"{value}\" kept in the note")
            }
            Outcome::NotRead { column, reason } => {
                write!(f, "{column} not read: {reason}")
            }
            Outcome::Scaled { column, max } => write!(f, "{column} scaled from 1–{max} to 1–5"),
            Outcome::ColumnInNotes(column) => write!(f, "column \"{column}\" kept in the notes"),
            Outcome::NotImported { part, name } => {
                let part = match part {
                    Part::Loop => "loop",
                    Part::View => "map",
                };
                write!(f, "{part} \"{name}\" not imported")
            }
            Outcome::NamesFrom { empty, used } => {
                write!(f, "{empty} is empty in every row: names read from {used}")
            }
            Outcome::ActorsFromEnds(count) => {
                write!(f, "{count} actors made from the connections' ends")
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_equal_outcomes_and_counts_rows_once() {
        let mut report = ImportReport::default();
        let investor = || Outcome::KeptAsTag {
            column: "Type".into(),
            value: "Investor".into(),
        };
        report.note(Place::Line(2), investor());
        report.note(Place::Line(3), Outcome::Skipped(Reason::EmptyName));
        report.note(Place::Line(4), investor());
        report.note(
            Place::Line(4),
            Outcome::KeptInNote {
                column: "Strength".into(),
                value: "high".into(),
            },
        );
        assert_eq!(report.skipped(), 1);
        assert_eq!(report.changed(), 2);
        let groups = report.groups();
        assert_eq!(groups.len(), 3);
        assert_eq!(groups[0].0, &investor());
        assert_eq!(groups[0].1, vec![&Place::Line(2), &Place::Line(4)]);
    }
}
