//! One vocabulary for the words people type or write for actor kinds, levels, relation
//! kinds and sectors: the quick-add box (`%nätverk`, `^nat`), the CSV sheets and the Kumu
//! import all read them here. Swedish and English words are both accepted, whatever
//! language the map was made in, because a workshop mixes both.
//!
//! Two ways to look a word up:
//!
//! - [`Vocabulary::exact`]: the whole word, trimmed and case-insensitive. Files use this:
//!   a cell that says `pro` is more likely a mistake than a choice.
//! - [`Vocabulary::prefix`]: an exact word, else a unique prefix of one (`%org`, `^nat`).
//!   A prefix that fits words of different values (`%p`: person or project) fails rather
//!   than guesses; one whose words all mean the same value (`^nation`) is fine.

use crate::actor::{ActorKind, Level};
use crate::ids::SectorId;
use crate::relation::RelationKind;
use crate::sector::Sector;

/// A word table: every accepted word (in lower case) with the value it names.
#[derive(Clone, Copy, Debug)]
pub struct Vocabulary<T: 'static> {
    words: &'static [(&'static str, T)],
}

impl<T: Copy + PartialEq> Vocabulary<T> {
    /// Every accepted word with its value, in table order.
    pub fn words(&self) -> impl Iterator<Item = (&'static str, T)> + '_ {
        self.words.iter().copied()
    }

    /// The value `text` names as a whole word (trimmed, case-insensitive).
    pub fn exact(&self, text: &str) -> Option<T> {
        let wanted = text.trim().to_lowercase();
        self.words
            .iter()
            .find(|(word, _)| *word == wanted)
            .map(|(_, value)| *value)
    }

    /// The value `text` names as a whole word, else as the prefix of words that all name
    /// the same value. Empty text names nothing.
    pub fn prefix(&self, text: &str) -> Option<T> {
        if let Some(value) = self.exact(text) {
            return Some(value);
        }
        let wanted = text.trim().to_lowercase();
        if wanted.is_empty() {
            return None;
        }
        let mut found = self
            .words
            .iter()
            .filter(|(word, _)| word.starts_with(&wanted))
            .map(|(_, value)| *value);
        let first = found.next()?;
        found.all(|value| value == first).then_some(first)
    }
}

/// Actor kinds. `org`, `people`, `individual` and `programme` are how spreadsheets and
/// Kumu element types often say it.
pub const ACTOR_KINDS: Vocabulary<ActorKind> = Vocabulary {
    words: &[
        ("organisation", ActorKind::Organisation),
        ("organization", ActorKind::Organisation),
        ("org", ActorKind::Organisation),
        ("person", ActorKind::Person),
        ("people", ActorKind::Person),
        ("individual", ActorKind::Person),
        ("individ", ActorKind::Person),
        ("nätverk", ActorKind::Network),
        ("network", ActorKind::Network),
        ("forum", ActorKind::Network),
        ("projekt", ActorKind::Project),
        ("project", ActorKind::Project),
        ("programme", ActorKind::Project),
        ("program", ActorKind::Project),
    ],
};

/// Levels. `kommunal` is local and `statlig` national; `global` is international.
pub const LEVELS: Vocabulary<Level> = Vocabulary {
    words: &[
        ("lokal", Level::Local),
        ("local", Level::Local),
        ("kommunal", Level::Local),
        ("municipal", Level::Local),
        ("regional", Level::Regional),
        ("nationell", Level::National),
        ("national", Level::National),
        ("statlig", Level::National),
        ("internationell", Level::International),
        ("international", Level::International),
        ("global", Level::International),
    ],
};

/// Relation kinds by single words. Kumu connection types are matched word by word against
/// these (`Funding source` is funding).
pub const RELATION_KINDS: Vocabulary<RelationKind> = Vocabulary {
    words: &[
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
        ("kommunikation", RelationKind::Information),
        ("agreement", RelationKind::Agreement),
        ("contract", RelationKind::Agreement),
        ("avtal", RelationKind::Agreement),
        ("överenskommelse", RelationKind::Agreement),
        ("tension", RelationKind::Tension),
        ("conflict", RelationKind::Tension),
        ("spänning", RelationKind::Tension),
        ("spänningar", RelationKind::Tension),
        ("konflikt", RelationKind::Tension),
        ("konflikter", RelationKind::Tension),
    ],
};

/// What a sector look-up found in a palette.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SectorMatch {
    /// Exactly one sector fits.
    One(SectorId),
    /// Several sectors fit (their ids, in palette order); the text should say more.
    Ambiguous(Vec<SectorId>),
    /// No sector fits.
    None,
}

/// The sector `text` names in `sectors` by its whole id or label. Compared in lower case,
/// with `_` read as a space and white space folded, so `Labour market`, `labour_market`
/// and ` offentlig  SEKTOR ` all find their sector. An id written exactly as it is wins
/// outright; then ids, then labels.
pub fn sector_exact(sectors: &[Sector], text: &str) -> SectorMatch {
    let text = text.trim();
    if text.is_empty() {
        return SectorMatch::None;
    }
    if let Some(sector) = sectors.iter().find(|s| s.id.as_str() == text) {
        return SectorMatch::One(sector.id.clone());
    }
    let wanted = fold(text);
    let by_id = matching(sectors, |s| fold(s.id.as_str()) == wanted);
    if by_id != SectorMatch::None {
        return by_id;
    }
    matching(sectors, |s| fold(&s.label) == wanted)
}

/// The sector `text` names by its whole id or label ([`sector_exact`]), else the single
/// sector whose id or label starts with it (`#utb` for Utbildning). A prefix that fits
/// several sectors is [`SectorMatch::Ambiguous`] rather than a guess.
pub fn sector_prefix(sectors: &[Sector], text: &str) -> SectorMatch {
    match sector_exact(sectors, text) {
        SectorMatch::None => {}
        found => return found,
    }
    let wanted = fold(text);
    if wanted.is_empty() {
        return SectorMatch::None;
    }
    matching(sectors, |s| {
        fold(s.id.as_str()).starts_with(&wanted) || fold(&s.label).starts_with(&wanted)
    })
}

/// The sectors that pass `fits`, as a match.
fn matching(sectors: &[Sector], fits: impl Fn(&Sector) -> bool) -> SectorMatch {
    let mut found: Vec<SectorId> = Vec::new();
    for sector in sectors.iter().filter(|s| fits(s)) {
        if !found.contains(&sector.id) {
            found.push(sector.id.clone());
        }
    }
    match found.len() {
        0 => SectorMatch::None,
        1 => SectorMatch::One(found.remove(0)),
        _ => SectorMatch::Ambiguous(found),
    }
}

/// A sector id or label as compared: lower case, `_` as a space, white space folded.
fn fold(text: &str) -> String {
    text.to_lowercase()
        .replace('_', " ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sector::default_sectors;

    /// Every word of a table finds its own value, exactly and as its own prefix, and
    /// every value has its wire name among the words.
    fn check_table<T: Copy + PartialEq + std::fmt::Debug>(
        table: &Vocabulary<T>,
        all: &[T],
        wire: impl Fn(T) -> &'static str,
    ) {
        for (word, value) in table.words() {
            assert_eq!(word, word.to_lowercase(), "words are stored in lower case");
            assert_eq!(table.exact(word), Some(value), "{word}");
            assert_eq!(table.exact(&word.to_uppercase()), Some(value), "{word}");
            assert_eq!(table.prefix(word), Some(value), "{word}");
        }
        for value in all {
            assert_eq!(table.exact(wire(*value)), Some(*value));
        }
    }

    #[test]
    fn every_word_maps_to_its_value() {
        check_table(&ACTOR_KINDS, &ActorKind::ALL, ActorKind::as_str);
        check_table(&LEVELS, &Level::ALL, Level::as_str);
        check_table(&RELATION_KINDS, &RelationKind::ALL, RelationKind::as_str);
    }

    #[test]
    fn actor_kinds_in_swedish_and_english() {
        for (swedish, english, kind) in [
            ("organisation", "organization", ActorKind::Organisation),
            ("individ", "individual", ActorKind::Person),
            ("nätverk", "network", ActorKind::Network),
            ("projekt", "project", ActorKind::Project),
            ("program", "programme", ActorKind::Project),
        ] {
            assert_eq!(ACTOR_KINDS.exact(swedish), Some(kind), "{swedish}");
            assert_eq!(ACTOR_KINDS.exact(english), Some(kind), "{english}");
        }
        for (word, kind) in [
            ("org", ActorKind::Organisation),
            ("people", ActorKind::Person),
            ("forum", ActorKind::Network),
        ] {
            assert_eq!(ACTOR_KINDS.exact(word), Some(kind), "{word}");
        }
    }

    #[test]
    fn levels_in_swedish_and_english() {
        for (swedish, english, level) in [
            ("lokal", "local", Level::Local),
            ("kommunal", "municipal", Level::Local),
            ("regional", "regional", Level::Regional),
            ("nationell", "national", Level::National),
            ("statlig", "national", Level::National),
            ("internationell", "international", Level::International),
            ("global", "global", Level::International),
        ] {
            assert_eq!(LEVELS.exact(swedish), Some(level), "{swedish}");
            assert_eq!(LEVELS.exact(english), Some(level), "{english}");
        }
    }

    #[test]
    fn relation_kinds_in_swedish_and_english() {
        for (swedish, english, kind) in [
            ("samarbete", "collaboration", RelationKind::Collaboration),
            ("samverkan", "partnership", RelationKind::Collaboration),
            ("finansiering", "funding", RelationKind::Funding),
            ("medlemskap", "membership", RelationKind::Membership),
            ("kommunikation", "information", RelationKind::Information),
            ("avtal", "agreement", RelationKind::Agreement),
            ("överenskommelse", "contract", RelationKind::Agreement),
            ("konflikt", "tension", RelationKind::Tension),
            ("spänning", "conflict", RelationKind::Tension),
        ] {
            assert_eq!(RELATION_KINDS.exact(swedish), Some(kind), "{swedish}");
            assert_eq!(RELATION_KINDS.exact(english), Some(kind), "{english}");
        }
    }

    #[test]
    fn exact_look_up_is_trimmed_and_case_insensitive_but_whole() {
        assert_eq!(ACTOR_KINDS.exact("  NÄTVERK "), Some(ActorKind::Network));
        assert_eq!(LEVELS.exact("Nationell"), Some(Level::National));
        assert_eq!(ACTOR_KINDS.exact("pro"), None);
        assert_eq!(LEVELS.exact("nat"), None);
        assert_eq!(ACTOR_KINDS.exact(""), None);
        assert_eq!(ACTOR_KINDS.exact("robot"), None);
    }

    #[test]
    fn a_unique_prefix_names_its_value() {
        assert_eq!(ACTOR_KINDS.prefix("orga"), Some(ActorKind::Organisation));
        assert_eq!(ACTOR_KINDS.prefix("NÄT"), Some(ActorKind::Network));
        assert_eq!(ACTOR_KINDS.prefix("fo"), Some(ActorKind::Network));
        assert_eq!(LEVELS.prefix("reg"), Some(Level::Regional));
        assert_eq!(LEVELS.prefix("stat"), Some(Level::National));
        assert_eq!(LEVELS.prefix("glo"), Some(Level::International));
        assert_eq!(RELATION_KINDS.prefix("öve"), Some(RelationKind::Agreement));
    }

    #[test]
    fn a_prefix_of_words_with_one_value_is_not_ambiguous() {
        // "pro" starts projekt, project, programme and program: all projects.
        assert_eq!(ACTOR_KINDS.prefix("pro"), Some(ActorKind::Project));
        // "nat" starts nationell and national.
        assert_eq!(LEVELS.prefix("nat"), Some(Level::National));
        assert_eq!(LEVELS.prefix("inter"), Some(Level::International));
        assert_eq!(RELATION_KINDS.prefix("fin"), Some(RelationKind::Funding));
    }

    #[test]
    fn an_ambiguous_prefix_names_nothing() {
        // person, people (person) and project, programme, program (project).
        assert_eq!(ACTOR_KINDS.prefix("p"), None);
        // samarbete, samverkan (collaboration) and spänning (tension).
        assert_eq!(RELATION_KINDS.prefix("s"), None);
        // contract (agreement) and conflict (tension); one more letter decides.
        assert_eq!(RELATION_KINDS.prefix("con"), None);
        assert_eq!(RELATION_KINDS.prefix("conf"), Some(RelationKind::Tension));
        assert_eq!(RELATION_KINDS.prefix("cont"), Some(RelationKind::Agreement));
    }

    #[test]
    fn an_exact_word_wins_over_longer_words_it_starts() {
        // "info" is a word and the start of "information": the same value anyway; "fund"
        // starts funding and funds. An exact word is never ambiguous.
        assert_eq!(RELATION_KINDS.prefix("fund"), Some(RelationKind::Funding));
        assert_eq!(
            RELATION_KINDS.prefix("medlem"),
            Some(RelationKind::Membership)
        );
        assert_eq!(ACTOR_KINDS.prefix("org"), Some(ActorKind::Organisation));
    }

    #[test]
    fn empty_and_unknown_text_names_nothing() {
        assert_eq!(ACTOR_KINDS.prefix(""), None);
        assert_eq!(ACTOR_KINDS.prefix("   "), None);
        assert_eq!(LEVELS.prefix("galaxy"), None);
        assert_eq!(ACTOR_KINDS.prefix("robot"), None);
    }

    fn palette() -> Vec<Sector> {
        let mut sectors = default_sectors(|id| format!("Label {id}"));
        sectors[0].label = "Offentlig sektor".into();
        sectors[2].label = "Utbildning".into();
        sectors[8].label = "Turism".into();
        sectors[9].label = "Transporter".into();
        sectors
    }

    fn one(id: &str) -> SectorMatch {
        SectorMatch::One(id.into())
    }

    #[test]
    fn sectors_are_found_by_whole_id_or_label() {
        let sectors = palette();
        assert_eq!(sector_exact(&sectors, "education"), one("education"));
        assert_eq!(sector_exact(&sectors, "EDUCATION"), one("education"));
        assert_eq!(
            sector_exact(&sectors, "labour market"),
            one("labour_market")
        );
        assert_eq!(
            sector_exact(&sectors, " offentlig  SEKTOR "),
            one("public_sector")
        );
        assert_eq!(
            sector_exact(&sectors, "Offentlig_sektor"),
            one("public_sector")
        );
        assert_eq!(sector_exact(&sectors, "utb"), SectorMatch::None);
        assert_eq!(sector_exact(&sectors, "Rymden"), SectorMatch::None);
        assert_eq!(sector_exact(&sectors, ""), SectorMatch::None);
    }

    #[test]
    fn an_id_written_exactly_wins_and_ids_come_before_labels() {
        let mut sectors = palette();
        sectors[1].label = "education".into();
        assert_eq!(sector_exact(&sectors, "education"), one("education"));
        assert_eq!(sector_exact(&sectors, "Education"), one("education"));
    }

    #[test]
    fn a_label_two_sectors_share_is_ambiguous() {
        let mut sectors = palette();
        sectors[1].label = "Offentlig sektor".into();
        assert_eq!(
            sector_exact(&sectors, "offentlig sektor"),
            SectorMatch::Ambiguous(vec!["public_sector".into(), "business".into()])
        );
    }

    #[test]
    fn sectors_are_found_by_a_unique_prefix() {
        let sectors = palette();
        assert_eq!(sector_prefix(&sectors, "utb"), one("education"));
        assert_eq!(sector_prefix(&sectors, "EDU"), one("education"));
        assert_eq!(sector_prefix(&sectors, "labour_m"), one("labour_market"));
        assert_eq!(sector_prefix(&sectors, "tr"), one("transport"));
        assert_eq!(
            sector_prefix(&sectors, "t"),
            SectorMatch::Ambiguous(vec!["tourism".into(), "transport".into()])
        );
        assert_eq!(sector_prefix(&sectors, "rymd"), SectorMatch::None);
        assert_eq!(sector_prefix(&sectors, " "), SectorMatch::None);
    }

    #[test]
    fn a_whole_sector_name_wins_over_a_longer_one_it_starts() {
        let mut sectors = palette();
        sectors.push(Sector {
            id: "tur".into(),
            label: "Tur".into(),
            color: "#000000".into(),
        });
        assert_eq!(sector_prefix(&sectors, "tur"), one("tur"));
        assert_eq!(sector_prefix(&sectors, "turi"), one("tourism"));
    }
}
