//! Exchange formats besides the Samverkan JSON file: CSV for spreadsheets, GraphML for
//! network tools and imports from Kumu. Shared here: the words each format accepts for
//! enumerations, sector and actor look-up, and small value parsers.

pub mod csv;
pub mod graphml;
pub mod kumu;

use crate::actor::{ActorKind, Level};
use crate::ids::{ActorId, SectorId};
use crate::relation::RelationKind;
use crate::sector::Sector;
use crate::validate::Reason;
use std::collections::HashMap;

/// Actor kinds by the words people write in spreadsheets, English and Swedish.
const ACTOR_KIND_WORDS: [(&str, ActorKind); 12] = [
    ("organisation", ActorKind::Organisation),
    ("organization", ActorKind::Organisation),
    ("org", ActorKind::Organisation),
    ("person", ActorKind::Person),
    ("people", ActorKind::Person),
    ("individual", ActorKind::Person),
    ("network", ActorKind::Network),
    ("nätverk", ActorKind::Network),
    ("forum", ActorKind::Network),
    ("project", ActorKind::Project),
    ("projekt", ActorKind::Project),
    ("programme", ActorKind::Project),
];

/// Levels, English and Swedish.
const LEVEL_WORDS: [(&str, Level); 9] = [
    ("local", Level::Local),
    ("lokal", Level::Local),
    ("kommunal", Level::Local),
    ("regional", Level::Regional),
    ("national", Level::National),
    ("nationell", Level::National),
    ("international", Level::International),
    ("internationell", Level::International),
    ("global", Level::International),
];

/// Relation kinds by single words, English and Swedish. Kumu connection types are matched
/// word by word against this list (`Funding source` is funding).
const RELATION_KIND_WORDS: [(&str, RelationKind); 30] = [
    ("collaboration", RelationKind::Collaboration),
    ("cooperation", RelationKind::Collaboration),
    ("partnership", RelationKind::Collaboration),
    ("partner", RelationKind::Collaboration),
    ("samarbete", RelationKind::Collaboration),
    ("samverkan", RelationKind::Collaboration),
    ("funding", RelationKind::Funding),
    ("fund", RelationKind::Funding),
    ("funds", RelationKind::Funding),
    ("financing", RelationKind::Funding),
    ("finance", RelationKind::Funding),
    ("grant", RelationKind::Funding),
    ("finansiering", RelationKind::Funding),
    ("membership", RelationKind::Membership),
    ("member", RelationKind::Membership),
    ("medlemskap", RelationKind::Membership),
    ("medlem", RelationKind::Membership),
    ("information", RelationKind::Information),
    ("info", RelationKind::Information),
    ("communication", RelationKind::Information),
    ("agreement", RelationKind::Agreement),
    ("contract", RelationKind::Agreement),
    ("avtal", RelationKind::Agreement),
    ("överenskommelse", RelationKind::Agreement),
    ("tension", RelationKind::Tension),
    ("conflict", RelationKind::Tension),
    ("spänning", RelationKind::Tension),
    ("konflikt", RelationKind::Tension),
    ("spänningar", RelationKind::Tension),
    ("konflikter", RelationKind::Tension),
];

/// The value of `text` in `table`, compared trimmed and case-insensitively.
fn word<T: Copy>(table: &[(&str, T)], text: &str) -> Option<T> {
    let wanted = text.trim().to_lowercase();
    table
        .iter()
        .find(|(w, _)| *w == wanted)
        .map(|(_, value)| *value)
}

/// The accepted words of a table, for error messages (`organisation, person, …`).
fn listed<T: Copy + PartialEq>(all: &[T], name: impl Fn(T) -> &'static str) -> String {
    all.iter().map(|v| name(*v)).collect::<Vec<_>>().join(", ")
}

fn parse_kind(text: &str) -> Result<ActorKind, Reason> {
    word(&ACTOR_KIND_WORDS, text).ok_or_else(|| {
        Reason::WrongType(format!(
            "unknown actor kind \"{}\"; expected one of {}",
            text.trim(),
            listed(&ActorKind::ALL, ActorKind::as_str)
        ))
    })
}

fn parse_level(text: &str) -> Result<Level, Reason> {
    word(&LEVEL_WORDS, text).ok_or_else(|| {
        Reason::WrongType(format!(
            "unknown level \"{}\"; expected one of {}",
            text.trim(),
            listed(&Level::ALL, Level::as_str)
        ))
    })
}

fn parse_relation_kind(text: &str) -> Result<RelationKind, Reason> {
    word(&RELATION_KIND_WORDS, text).ok_or_else(|| {
        Reason::WrongType(format!(
            "unknown relation kind \"{}\"; expected one of {}",
            text.trim(),
            listed(&RelationKind::ALL, RelationKind::as_str)
        ))
    })
}

/// A yes/no cell. Spreadsheets write these many ways; an empty cell is `None`.
fn parse_bool(text: &str) -> Result<Option<bool>, Reason> {
    match text.trim().to_lowercase().as_str() {
        "" => Ok(None),
        "true" | "yes" | "y" | "1" | "x" | "ja" | "j" | "sant" => Ok(Some(true)),
        "false" | "no" | "n" | "0" | "nej" | "falskt" | "-" => Ok(Some(false)),
        other => Err(Reason::WrongType(format!(
            "expected true or false, found \"{other}\""
        ))),
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

/// The sector a cell names, by id or by label (case-insensitive). `Ok(None)` for an empty
/// cell; an error when nothing or more than one sector fits.
fn find_sector(sectors: &[Sector], text: &str) -> Result<Option<SectorId>, Reason> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(None);
    }
    if let Some(sector) = sectors.iter().find(|s| s.id.as_str() == text) {
        return Ok(Some(sector.id.clone()));
    }
    let folded = fold_name(text);
    let by_id: Vec<&Sector> = sectors
        .iter()
        .filter(|s| s.id.as_str().to_lowercase() == folded)
        .collect();
    if let [one] = by_id.as_slice() {
        return Ok(Some(one.id.clone()));
    }
    let by_label: Vec<&Sector> = sectors
        .iter()
        .filter(|s| fold_name(&s.label) == folded)
        .collect();
    match by_label.as_slice() {
        [one] => Ok(Some(one.id.clone())),
        [] => Err(Reason::UnknownSector(text.to_owned())),
        many => Err(Reason::WrongType(format!(
            "the sector \"{text}\" fits {} sectors; use the sector id",
            many.len()
        ))),
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
            Some(many) if many.len() > 1 => Err(Reason::WrongType(format!(
                "the name \"{text}\" fits {} actors; use the id instead",
                many.len()
            ))),
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
        assert!(matches!(
            find_sector(&sectors, "offentlig sektor"),
            Err(Reason::WrongType(_))
        ));
    }

    #[test]
    fn actors_resolve_by_key_then_unique_name() {
        let mut lookup = ActorLookup::new();
        lookup.add("a", "Region Jönköping", &"a".into());
        lookup.add("b", "Almi", &"b".into());
        lookup.add("c", "almi ", &"c".into());
        assert_eq!(lookup.resolve("a"), Ok("a".into()));
        assert_eq!(lookup.resolve(" region  jönköping"), Ok("a".into()));
        assert!(matches!(lookup.resolve("ALMI"), Err(Reason::WrongType(_))));
        assert_eq!(
            lookup.resolve("Ingen"),
            Err(Reason::UnknownActor("Ingen".into()))
        );
        assert_eq!(lookup.resolve("  "), Err(Reason::EmptyName));
    }

    #[test]
    fn words_and_booleans_parse_in_both_languages() {
        assert_eq!(parse_kind("Nätverk"), Ok(ActorKind::Network));
        assert_eq!(parse_level(" nationell"), Ok(Level::National));
        assert_eq!(parse_relation_kind("AVTAL"), Ok(RelationKind::Agreement));
        assert!(parse_kind("robot").is_err());
        assert_eq!(parse_bool("Ja"), Ok(Some(true)));
        assert_eq!(parse_bool("false"), Ok(Some(false)));
        assert_eq!(parse_bool(" "), Ok(None));
        assert!(parse_bool("kanske").is_err());
        assert_eq!(split_tags(" a | b||A |c"), vec!["a", "b", "c"]);
    }
}
