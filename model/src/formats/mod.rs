//! Exchange formats besides the Samverkan JSON file: CSV for spreadsheets, GraphML for
//! network tools and imports from Kumu. Shared here: cell parsers for enumerations (by the
//! words of [`crate::vocabulary`]), sector and actor look-up, and small value parsers.

pub mod csv;
pub mod graphml;
pub mod kumu;
pub mod report;

use crate::actor::{ActorKind, Level};
use crate::ids::{ActorId, SectorId};
use crate::map::Map;
use crate::relation::RelationKind;
use crate::sector::Sector;
use crate::validate::{Expected, Found, Reason};
use crate::vocabulary::{sector_exact, SectorMatch, ACTOR_KINDS, LEVELS, RELATION_KINDS};
use std::collections::HashMap;

/// An actor kind cell (trimmed, case-insensitive; Swedish or English, see
/// [`crate::vocabulary`]).
fn parse_kind(text: &str) -> Result<ActorKind, Reason> {
    ACTOR_KINDS
        .exact(text)
        .ok_or_else(|| unknown_value(text, ActorKind::ALL.map(ActorKind::as_str)))
}

/// A level cell, as [`parse_kind`].
fn parse_level(text: &str) -> Result<Level, Reason> {
    LEVELS
        .exact(text)
        .ok_or_else(|| unknown_value(text, Level::ALL.map(Level::as_str)))
}

/// Connection type → relation kind by its first word that names one (`Funding source`
/// is funding); collaboration when none does. The flag says the type was exactly the
/// kind's own name, so nothing more needs keeping.
pub(crate) fn relation_kind(text: &str) -> (RelationKind, bool) {
    let found = text
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .find_map(|w| {
            RELATION_KINDS.exact(w).or_else(|| {
                let singular = w.strip_suffix(['s', 'S'])?;
                RELATION_KINDS.exact(singular)
            })
        });
    match found {
        Some(kind) => (kind, RELATION_KINDS.exact(text.trim()) == Some(kind)),
        None => (RelationKind::Collaboration, false),
    }
}

/// A note followed by `field: value` lines for fields the map has no place for (empty
/// values left out), a blank line between them.
fn with_fields(text: &str, extras: &[(String, String)]) -> String {
    let lines: Vec<String> = extras
        .iter()
        .filter(|(_, value)| !value.trim().is_empty())
        .map(|(field, value)| format!("{field}: {}", value.trim()))
        .collect();
    match (text.trim().is_empty(), lines.is_empty()) {
        (_, true) => text.trim().to_owned(),
        (true, false) => lines.join("\n"),
        (false, false) => format!("{}\n\n{}", text.trim(), lines.join("\n")),
    }
}

/// The reason for a word that names none of `allowed` (the values as files write them).
fn unknown_value<const N: usize>(text: &str, allowed: [&str; N]) -> Reason {
    Reason::UnknownValue {
        value: text.trim().to_owned(),
        allowed: allowed.map(str::to_owned).to_vec(),
    }
}

/// A yes/no cell. Spreadsheets write these many ways; an empty cell is `None`.
fn parse_bool(text: &str) -> Result<Option<bool>, Reason> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "true" | "yes" | "y" | "1" | "x" | "ja" | "j" | "sant" => Ok(Some(true)),
        "false" | "no" | "n" | "0" | "nej" | "falskt" | "-" => Ok(Some(false)),
        _ => Err(Reason::WrongType {
            expected: Expected::Bool,
            found: Some(Found::Text(text.trim().to_owned())),
        }),
    }
}

/// Tags from one `|`-separated cell: trimmed, empty ones dropped, duplicates
/// (case-insensitive) dropped.
fn split_tags(text: &str) -> Vec<String> {
    let mut tags: Vec<String> = Vec::new();
    for tag in text.split('|').map(str::trim).filter(|t| !t.is_empty()) {
        push_tag(&mut tags, tag);
    }
    tags
}

/// Adds `tag` unless an equal one (case-insensitive) is there.
fn push_tag(tags: &mut Vec<String>, tag: &str) {
    let folded = tag.to_lowercase();
    if !tags.iter().any(|t| t.to_lowercase() == folded) {
        tags.push(tag.to_owned());
    }
}

/// A name as it is compared: white space folded, lower case. People retype names with
/// different case and stray spaces; those still mean the same actor.
fn fold_name(text: &str) -> String {
    text.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase()
}

/// The sector a cell names, by its whole id or label ([`sector_exact`]). `Ok(None)` for
/// an empty cell; an error when nothing or more than one sector fits.
fn find_sector(sectors: &[Sector], text: &str) -> Result<Option<SectorId>, Reason> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    match sector_exact(sectors, text) {
        SectorMatch::One(id) => Ok(Some(id)),
        SectorMatch::None => Err(Reason::UnknownSector(text.to_owned())),
        SectorMatch::Ambiguous(ids) => Err(Reason::AmbiguousSector {
            name: text.to_owned(),
            count: ids.len(),
        }),
    }
}

/// Finds actors by a key (an id in the file) or, failing that, by name.
struct ActorLookup {
    keys: HashMap<String, ActorId>,
    names: HashMap<String, Vec<ActorId>>,
}

impl ActorLookup {
    fn new() -> Self {
        Self {
            keys: HashMap::new(),
            names: HashMap::new(),
        }
    }

    /// A map's actors, each under its id and its name.
    fn of(map: &Map) -> Self {
        let mut lookup = Self::new();
        for actor in &map.actors {
            lookup.add(actor.id.as_str(), &actor.name, &actor.id);
        }
        lookup
    }

    /// Registers an actor under a key (an id) and its name.
    fn add(&mut self, key: &str, name: &str, actor: &ActorId) {
        if !key.is_empty() {
            self.keys.insert(key.to_owned(), actor.clone());
        }
        let ids = self.names.entry(fold_name(name)).or_default();
        if !ids.contains(actor) {
            ids.push(actor.clone());
        }
    }

    /// The actor `text` points at: a key first, then a unique name.
    fn resolve(&self, text: &str) -> Result<ActorId, Reason> {
        let text = text.trim();
        if text.is_empty() {
            return Err(Reason::EmptyName);
        }
        if let Some(actor) = self.keys.get(text) {
            return Ok(actor.clone());
        }
        match self.names.get(&fold_name(text)).map(Vec::as_slice) {
            Some([one]) => Ok(one.clone()),
            Some(many) if many.len() > 1 => Err(Reason::AmbiguousActor {
                name: text.to_owned(),
                count: many.len(),
            }),
            _ => Err(Reason::UnknownActor(text.to_owned())),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sector::default_sectors;

    #[test]
    fn sectors_are_found_by_id_or_label() {
        let mut sectors = default_sectors(|id| format!("Label {id}"));
        sectors[0].label = "Offentlig sektor".into();
        assert_eq!(
            find_sector(&sectors, "education"),
            Ok(Some("education".into()))
        );
        assert_eq!(
            find_sector(&sectors, " offentlig  SEKTOR "),
            Ok(Some("public_sector".into()))
        );
        assert_eq!(find_sector(&sectors, ""), Ok(None));
        assert_eq!(
            find_sector(&sectors, "Rymden"),
            Err(Reason::UnknownSector("Rymden".into()))
        );
        sectors[1].label = "Offentlig sektor".into();
        assert_eq!(
            find_sector(&sectors, "offentlig sektor"),
            Err(Reason::AmbiguousSector {
                name: "offentlig sektor".into(),
                count: 2
            })
        );
    }

    #[test]
    fn actors_resolve_by_key_then_unique_name() {
        let mut lookup = ActorLookup::new();
        lookup.add("a", "Region Jönköping", &"a".into());
        lookup.add("b", "Almi", &"b".into());
        lookup.add("c", "almi ", &"c".into());
        assert_eq!(lookup.resolve("a"), Ok("a".into()));
        assert_eq!(lookup.resolve(" region  jönköping"), Ok("a".into()));
        assert_eq!(
            lookup.resolve("ALMI"),
            Err(Reason::AmbiguousActor {
                name: "ALMI".into(),
                count: 2
            })
        );
        assert_eq!(
            lookup.resolve("Ingen"),
            Err(Reason::UnknownActor("Ingen".into()))
        );
        assert_eq!(lookup.resolve("  "), Err(Reason::EmptyName));
    }

    #[test]
    fn connection_types_map_by_word() {
        assert_eq!(relation_kind("funding"), (RelationKind::Funding, true));
        assert_eq!(
            relation_kind("Funding source"),
            (RelationKind::Funding, false)
        );
        assert_eq!(
            relation_kind("Board members"),
            (RelationKind::Membership, false)
        );
        assert_eq!(
            relation_kind("Personal"),
            (RelationKind::Collaboration, false)
        );
        assert_eq!(relation_kind("++"), (RelationKind::Collaboration, false));
    }

    #[test]
    fn words_and_booleans_parse_in_both_languages() {
        assert_eq!(parse_kind("Nätverk"), Ok(ActorKind::Network));
        assert_eq!(parse_level(" nationell"), Ok(Level::National));
        assert_eq!(relation_kind("AVTAL"), (RelationKind::Agreement, true));
        assert_eq!(parse_kind("individual"), Ok(ActorKind::Person));
        assert_eq!(parse_level("Statlig"), Ok(Level::National));
        assert_eq!(parse_level("global"), Ok(Level::International));
        // Files take whole words only; a prefix is a typo here, not a choice.
        assert_eq!(
            parse_level("nat"),
            Err(Reason::UnknownValue {
                value: "nat".into(),
                allowed: vec![
                    "local".into(),
                    "regional".into(),
                    "national".into(),
                    "international".into()
                ]
            })
        );
        assert!(matches!(
            parse_kind(" robot "),
            Err(Reason::UnknownValue { value, .. }) if value == "robot"
        ));
        assert_eq!(parse_bool("Ja"), Ok(Some(true)));
        assert_eq!(parse_bool("false"), Ok(Some(false)));
        assert_eq!(parse_bool(" "), Ok(None));
        assert_eq!(
            parse_bool(" Kanske "),
            Err(Reason::WrongType {
                expected: Expected::Bool,
                found: Some(Found::Text("Kanske".into()))
            })
        );
        assert_eq!(split_tags(" a | b||A |c"), vec!["a", "b", "c"]);
    }
}
