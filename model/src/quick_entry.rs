//! The workshop quick-add box: one typed line becomes an actor draft, with inline hints.
//!
//! Hints are tokens that start with a sigil; everything else is the name:
//!
//! | token | sets |
//! | --- | --- |
//! | `#utb`, `#education` | sector, when the word matches one (else a tag) |
//! | `@Jönköping`, `@Västra_Götaland`, `@"Västra Götaland"` | municipality |
//! | `!5` | influence 1..5 |
//! | `?4` | interest 1..5 |
//! | `+2`, `-1`, `−1`, `–2` | attitude −2..+2 (a hyphen, the minus sign or an en dash) |
//! | `%person`, `%nätverk`, `%projekt` | kind |
//! | `^regional`, `^nationell`, `^global` | level |
//!
//! Kind and level words come from [`crate::vocabulary`], Swedish and English alike; a
//! unique prefix is enough (`%org`, `^nat`). Sectors are matched against the map's palette
//! by id or label, whole or by a unique prefix (`#utb`).
//!
//! A sigil only counts at the start of a token, so `C#-gruppen` and `anna@region.se` stay
//! name text, and a lone sigil (`Norr - Söder`) is name text too. A hint that cannot be
//! used (`!9`, `%robot`) goes to [`Draft::unknown_hints`] so the UI can point at it.
//! When a field is hinted twice, the last hint wins.

use crate::actor::{Actor, ActorKind, Level, Salience, ATTITUDE_RANGE, SCALE_RANGE};
use crate::ids::SectorId;
use crate::sector::Sector;
use crate::vocabulary::{sector_prefix, SectorMatch, ACTOR_KINDS, LEVELS};
use std::ops::RangeInclusive;

/// What one quick-entry line says about a new actor. `None` means "not given".
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    /// The words that are not hints, in order, single-spaced; may be empty.
    pub name: String,
    pub sector: Option<SectorId>,
    pub municipality: Option<String>,
    pub influence: Option<i64>,
    pub interest: Option<i64>,
    pub attitude: Option<i64>,
    pub kind: Option<ActorKind>,
    pub level: Option<Level>,
    /// Salience attributes given with `*plu` (any of the three letters; Swedish `m` for
    /// makt, `b` for brådska too); `None` when not given.
    pub salience: Option<Salience>,
    /// `#words` that name no sector, as typed, without duplicates (case-insensitive).
    pub tags: Vec<String>,
    /// Hint tokens that could not be used, as typed.
    pub unknown_hints: Vec<String>,
}

/// Parses one line of the quick-add box against the map's sector palette.
pub fn parse(line: &str, sectors: &[Sector]) -> Draft {
    let mut draft = Draft::default();
    let mut name_words: Vec<&str> = Vec::new();
    for token in tokens(line) {
        match token {
            Token::QuotedMunicipality { text, raw } => {
                let text = collapse_spaces(text);
                if text.is_empty() {
                    draft.unknown_hints.push(raw.to_owned());
                } else {
                    draft.municipality = Some(text);
                }
            }
            Token::Word(word) => {
                if !read_hint(word, sectors, &mut draft) {
                    name_words.push(word);
                }
            }
        }
    }
    draft.name = name_words.join(" ");
    draft
}

/// Copies what the draft gives onto an actor: the name when it is not empty, every hinted
/// field, and the tags the actor does not have yet.
pub fn apply(draft: &Draft, actor: &mut Actor) {
    if !draft.name.is_empty() {
        actor.name = draft.name.clone();
    }
    if let Some(sector) = &draft.sector {
        actor.sector = sector.clone();
    }
    if let Some(municipality) = &draft.municipality {
        actor.municipality = municipality.clone();
    }
    // Ratings no hint gives stay unrated: the actor waits beside the grid.
    if draft.influence.is_some() {
        actor.influence = draft.influence;
    }
    if draft.interest.is_some() {
        actor.interest = draft.interest;
    }
    if draft.attitude.is_some() {
        actor.attitude = draft.attitude;
    }
    if let Some(kind) = draft.kind {
        actor.kind = kind;
    }
    if let Some(level) = draft.level {
        actor.level = level;
    }
    if let Some(salience) = draft.salience {
        actor.salience = salience;
    }
    for tag in &draft.tags {
        if !actor
            .tags
            .iter()
            .any(|t| t.to_lowercase() == tag.to_lowercase())
        {
            actor.tags.push(tag.clone());
        }
    }
}

/// A piece of the line between white space.
#[derive(Debug, PartialEq)]
enum Token<'a> {
    Word(&'a str),
    /// `@"…"`: the text inside the quotes, and the whole token for error reports.
    QuotedMunicipality {
        text: &'a str,
        raw: &'a str,
    },
}

/// Splits on white space, except that `@"` at a token start runs to the next `"` (or to the
/// end of the line when the quote is never closed, which is how a hurried typist leaves it).
fn tokens(line: &str) -> Vec<Token<'_>> {
    let mut result = Vec::new();
    let mut rest = line.trim_start();
    while !rest.is_empty() {
        if let Some(quoted) = rest.strip_prefix("@\"") {
            let (text, after) = match quoted.find('"') {
                Some(end) => (&quoted[..end], &quoted[end + 1..]),
                None => (quoted, ""),
            };
            let raw = &rest[..rest.len() - after.len()];
            result.push(Token::QuotedMunicipality { text, raw });
            rest = after.trim_start();
        } else {
            let end = rest.find(char::is_whitespace).unwrap_or(rest.len());
            result.push(Token::Word(&rest[..end]));
            rest = rest[end..].trim_start();
        }
    }
    result
}

/// The minus sign (U+2212) the hint text itself shows, as in `−1`.
const MINUS_SIGN: char = '\u{2212}';
/// The en dash (U+2013) word processors and phone keyboards turn a typed `-` into.
const EN_DASH: char = '\u{2013}';

/// Reads `word` as a hint into `draft`. Returns false when it is name text.
fn read_hint(word: &str, sectors: &[Sector], draft: &mut Draft) -> bool {
    let mut chars = word.chars();
    let Some(sigil) = chars.next() else {
        return false;
    };
    let body = chars.as_str();
    // A lone sigil is punctuation in a name ("Norr - Söder"), not a hint.
    if body.is_empty() {
        return false;
    }
    let unknown = |draft: &mut Draft| draft.unknown_hints.push(word.to_owned());
    match sigil {
        '#' => match sector_prefix(sectors, body) {
            SectorMatch::One(id) => draft.sector = Some(id),
            SectorMatch::Ambiguous(_) => unknown(draft),
            SectorMatch::None => {
                if !draft
                    .tags
                    .iter()
                    .any(|t| t.to_lowercase() == body.to_lowercase())
                {
                    draft.tags.push(body.to_owned());
                }
            }
        },
        '@' => match collapse_spaces(&body.replace('_', " ")) {
            name if name.is_empty() => unknown(draft),
            name => draft.municipality = Some(name),
        },
        '!' => match number_in(body, SCALE_RANGE) {
            Some(value) => draft.influence = Some(value),
            None => unknown(draft),
        },
        '?' => match number_in(body, SCALE_RANGE) {
            Some(value) => draft.interest = Some(value),
            None => unknown(draft),
        },
        '+' | '-' | MINUS_SIGN | EN_DASH => {
            // Only digits make an attitude; "-gruppen" or "+plus" is name text.
            if !body.chars().all(|c| c.is_ascii_digit()) {
                return false;
            }
            match number_in(body, 0..=*ATTITUDE_RANGE.end()) {
                Some(value) => draft.attitude = Some(if sigil == '+' { value } else { -value }),
                None => unknown(draft),
            }
        }
        '%' => match ACTOR_KINDS.prefix(body) {
            Some(kind) => draft.kind = Some(kind),
            None => unknown(draft),
        },
        '^' => match LEVELS.prefix(body) {
            Some(level) => draft.level = Some(level),
            None => unknown(draft),
        },
        '*' => match salience_letters(body) {
            Some(salience) => draft.salience = Some(salience),
            None => unknown(draft),
        },
        _ => return false,
    }
    true
}

/// Salience attributes from letters: `p` (or `m`, makt) power, `l` legitimacy, `u` (or `b`,
/// brådska) urgency, in any order and case. Any other letter makes it no hint.
fn salience_letters(body: &str) -> Option<Salience> {
    let mut salience = Salience::default();
    for c in body.chars().map(|c| c.to_ascii_lowercase()) {
        match c {
            'p' | 'm' => salience.power = true,
            'l' => salience.legitimacy = true,
            'u' | 'b' => salience.urgency = true,
            _ => return None,
        }
    }
    Some(salience)
}

/// Plain decimal digits (no sign, no decimals) within `range`.
fn number_in(text: &str, range: RangeInclusive<i64>) -> Option<i64> {
    if text.is_empty() || !text.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    text.parse().ok().filter(|value| range.contains(value))
}

fn collapse_spaces(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sector::default_sectors;

    /// The default palette with its Swedish labels.
    fn palette() -> Vec<Sector> {
        default_sectors(|id| {
            match id {
                "public_sector" => "Offentlig sektor",
                "business" => "Näringsliv",
                "education" => "Utbildning",
                "labour_market" => "Arbetsmarknad",
                "civil_society" => "Civilsamhälle",
                "culture" => "Kultur och kreativa näringar",
                "public_health" => "Folkhälsa och vård",
                "research" => "Forskning och innovation",
                "tourism" => "Turism",
                "transport" => "Transporter",
                _ => unreachable!("no other default sector"),
            }
            .to_owned()
        })
    }

    fn p(line: &str) -> Draft {
        parse(line, &palette())
    }

    #[test]
    fn salience_letters_set_the_three_attributes() {
        let s = |line: &str| p(line).salience;
        let all = Salience {
            power: true,
            legitimacy: true,
            urgency: true,
        };
        assert_eq!(s("Almi *plu"), Some(all));
        assert_eq!(
            s("Almi *UP"),
            Some(Salience {
                legitimacy: false,
                ..all
            })
        );
        assert_eq!(
            s("Almi *mb"),
            Some(Salience {
                legitimacy: false,
                ..all
            }),
            "makt, brådska"
        );
        assert_eq!(
            s("Almi *l"),
            Some(Salience {
                power: false,
                urgency: false,
                ..all
            })
        );
        let draft = p("Almi *pz");
        assert_eq!(
            (draft.salience, draft.unknown_hints),
            (None, vec!["*pz".to_owned()])
        );
        assert_eq!(
            p("Norr * Söder").name,
            "Norr * Söder",
            "a lone star is name text"
        );
    }

    #[test]
    fn a_plain_line_is_the_name_with_white_space_collapsed() {
        let draft = p("  Region   Jönköpings\tlän ");
        assert_eq!(
            draft,
            Draft {
                name: "Region Jönköpings län".into(),
                ..Draft::default()
            }
        );
    }

    #[test]
    fn sector_by_label_prefix_id_and_exact_label() {
        assert_eq!(p("Högskolan #utb").sector, Some("education".into()));
        assert_eq!(p("Högskolan #education").sector, Some("education".into()));
        assert_eq!(p("Högskolan #EDU").sector, Some("education".into()));
        assert_eq!(p("Almi #NÄRINGSLIV").sector, Some("business".into()));
        assert_eq!(
            p("Vårdcentralen #folkhälsa").sector,
            Some("public_health".into())
        );
        assert_eq!(
            p("X #Folkhälsa_och_vård").sector,
            Some("public_health".into())
        );
        assert_eq!(p("AF #labour_market").sector, Some("labour_market".into()));
        assert_eq!(p("Almi #utb").name, "Almi");
    }

    #[test]
    fn an_exact_sector_name_wins_over_a_longer_one_it_prefixes() {
        let mut sectors = palette();
        sectors.push(Sector {
            id: "tur".into(),
            label: "Tur".into(),
            color: "#000000".into(),
        });
        assert_eq!(parse("X #tur", &sectors).sector, Some("tur".into()));
        assert_eq!(parse("X #turi", &sectors).sector, Some("tourism".into()));
    }

    #[test]
    fn an_unknown_sector_word_becomes_a_tag_once() {
        let draft = p("Science Park #innovationsmiljö #Startup #startup");
        assert_eq!(draft.sector, None);
        assert_eq!(draft.tags, vec!["innovationsmiljö", "Startup"]);
        assert_eq!(draft.name, "Science Park");
    }

    #[test]
    fn an_ambiguous_sector_prefix_is_reported_not_guessed() {
        // "Turism" and "Transporter" both start with t.
        let draft = p("Resecentrum #t");
        assert_eq!((draft.sector, draft.tags.len()), (None, 0));
        assert_eq!(draft.unknown_hints, vec!["#t"]);
        assert_eq!(p("Resecentrum #tr").sector, Some("transport".into()));
    }

    #[test]
    fn municipality_plain_underscored_and_quoted() {
        assert_eq!(
            p("Kommunen @Jönköping").municipality.as_deref(),
            Some("Jönköping")
        );
        assert_eq!(
            p("Regionen @Västra_Götaland").municipality.as_deref(),
            Some("Västra Götaland")
        );
        let draft = p("Regionen @\"Västra  Götaland\" !5");
        assert_eq!(draft.municipality.as_deref(), Some("Västra Götaland"));
        assert_eq!(
            (draft.name.as_str(), draft.influence),
            ("Regionen", Some(5))
        );
        // An unclosed quote runs to the end of the line.
        assert_eq!(
            p("Regionen @\"Västra Götaland").municipality.as_deref(),
            Some("Västra Götaland")
        );
        let empty = p("Regionen @\"\" @_");
        assert_eq!(
            (empty.municipality, empty.unknown_hints),
            (None, vec!["@\"\"".to_owned(), "@_".to_owned()])
        );
    }

    #[test]
    fn influence_interest_and_attitude_are_range_checked() {
        let draft = p("Almi !5 ?1 +2");
        assert_eq!(
            (draft.influence, draft.interest, draft.attitude),
            (Some(5), Some(1), Some(2))
        );
        assert_eq!(p("Almi -2").attitude, Some(-2));
        assert_eq!(p("Almi +0").attitude, Some(0));
        let bad = p("Almi !0 ?6 +3 -5 !x ?4.5 !-1");
        assert_eq!(
            (bad.influence, bad.interest, bad.attitude),
            (None, None, None)
        );
        assert_eq!(
            bad.unknown_hints,
            vec!["!0", "?6", "+3", "-5", "!x", "?4.5", "!-1"]
        );
        assert_eq!(bad.name, "Almi");
    }

    #[test]
    fn signs_and_sigils_that_are_not_hints_stay_in_the_name() {
        let draft = p("Norr - Söder -gruppen + Co ? !");
        assert_eq!(draft.name, "Norr - Söder -gruppen + Co ? !");
        assert_eq!(draft.attitude, None);
        assert!(draft.unknown_hints.is_empty(), "{draft:?}");
    }

    #[test]
    fn kind_in_swedish_and_english() {
        assert_eq!(p("Anna Svensson %person").kind, Some(ActorKind::Person));
        assert_eq!(p("Kompetensforum %nätverk").kind, Some(ActorKind::Network));
        assert_eq!(p("Kompetensforum %NETWORK").kind, Some(ActorKind::Network));
        assert_eq!(p("Kompetensforum %forum").kind, Some(ActorKind::Network));
        assert_eq!(p("Skills %projekt").kind, Some(ActorKind::Project));
        assert_eq!(p("Skills %project").kind, Some(ActorKind::Project));
        assert_eq!(p("Almi %org").kind, Some(ActorKind::Organisation));
        // "pro" fits only project words; "p" fits person and project.
        assert_eq!(p("Skills %pro").kind, Some(ActorKind::Project));
        let draft = p("Skills %p %robot");
        assert_eq!(
            (draft.kind, draft.unknown_hints),
            (None, vec!["%p".to_owned(), "%robot".to_owned()])
        );
    }

    #[test]
    fn level_in_swedish_and_english() {
        assert_eq!(p("X ^lokal").level, Some(Level::Local));
        assert_eq!(p("X ^local").level, Some(Level::Local));
        assert_eq!(p("X ^regional").level, Some(Level::Regional));
        assert_eq!(p("X ^nationell").level, Some(Level::National));
        assert_eq!(p("X ^National").level, Some(Level::National));
        assert_eq!(p("X ^nat").level, Some(Level::National));
        assert_eq!(p("X ^internationell").level, Some(Level::International));
        assert_eq!(p("X ^international").level, Some(Level::International));
        // Deliberately changed with the shared vocabulary: `^global` used to be unknown
        // here while the CSV and Kumu imports read "global" as international. One word
        // list now serves both, so quick entry takes it too.
        let global = p("X ^global");
        assert_eq!(
            (global.level, global.unknown_hints),
            (Some(Level::International), vec![])
        );
        assert_eq!(p("X ^statlig").level, Some(Level::National));
        assert_eq!(p("X ^kommunal").level, Some(Level::Local));
    }

    #[test]
    fn kind_words_of_the_file_formats_work_here_too() {
        assert_eq!(p("Anna %individ").kind, Some(ActorKind::Person));
        assert_eq!(p("Anna %people").kind, Some(ActorKind::Person));
        assert_eq!(p("ESF %programme").kind, Some(ActorKind::Project));
    }

    #[test]
    fn the_typographic_minus_of_the_hint_text_is_an_attitude() {
        // U+2212, as the hint and the documentation write it.
        assert_eq!(p("Almi \u{2212}1").attitude, Some(-1));
        assert_eq!(p("Almi −2").attitude, Some(-2));
        // An en dash, which many keyboards and editors put in place of a hyphen.
        assert_eq!(p("Almi –1").attitude, Some(-1));
        assert_eq!(p("Almi –2").name, "Almi");
        // Out of range: reported like `-5`.
        let bad = p("Almi −3 –9");
        assert_eq!(
            (bad.attitude, bad.unknown_hints),
            (None, vec!["−3".to_owned(), "–9".to_owned()])
        );
        // Without digits the dash is punctuation in the name.
        let name = p("Norr – Söder −gruppen");
        assert_eq!(
            (name.name.as_str(), name.attitude),
            ("Norr – Söder −gruppen", None)
        );
        assert!(name.unknown_hints.is_empty(), "{name:?}");
    }

    #[test]
    fn every_hint_that_is_not_understood_is_reported_as_typed() {
        for hint in [
            "!9", "?0", "+7", "-3", "−3", "%robot", "^galaxy", "@\"\"", "@_", "#t",
        ] {
            let draft = p(&format!("Almi {hint}"));
            assert_eq!(draft.unknown_hints, vec![hint], "{hint}");
            assert_eq!(draft.name, "Almi", "{hint}");
        }
        let all = p("Almi !9 ?0 +7 %robot ^galaxy @\"\"");
        assert_eq!(
            all.unknown_hints,
            vec!["!9", "?0", "+7", "%robot", "^galaxy", "@\"\""]
        );
        assert_eq!(all.name, "Almi");
    }

    #[test]
    fn an_unknown_sector_word_is_a_tag_not_an_unknown_hint() {
        let draft = p("Almi #xyz");
        assert_eq!(
            (draft.tags, draft.unknown_hints),
            (vec!["xyz".to_owned()], vec![])
        );
    }

    #[test]
    fn hints_may_stand_anywhere_in_the_line() {
        let draft =
            p("#utb Jönköping !4 University @Jönköping ?5 %org ^regional +1 *pl AB #kompetens");
        assert_eq!(
            draft,
            Draft {
                name: "Jönköping University AB".into(),
                sector: Some("education".into()),
                municipality: Some("Jönköping".into()),
                influence: Some(4),
                interest: Some(5),
                attitude: Some(1),
                kind: Some(ActorKind::Organisation),
                level: Some(Level::Regional),
                salience: Some(Salience {
                    power: true,
                    legitimacy: true,
                    urgency: false
                }),
                tags: vec!["kompetens".into()],
                unknown_hints: vec![],
            }
        );
    }

    #[test]
    fn only_hints_leave_the_name_empty() {
        let draft = p("  #utb @Växjö !3 ");
        assert_eq!(draft.name, "");
        assert_eq!(draft.sector, Some("education".into()));
        assert_eq!(p("").name, "");
        assert_eq!(p("   ").name, "");
    }

    #[test]
    fn sigils_inside_a_word_are_name_text() {
        let draft = p("C#-gruppen anna@region.se 50%-bolaget Ja!5");
        assert_eq!(draft.name, "C#-gruppen anna@region.se 50%-bolaget Ja!5");
        assert_eq!(draft.tags, Vec::<String>::new());
        assert_eq!((draft.municipality, draft.influence), (None, None));
    }

    #[test]
    fn the_last_hint_for_a_field_wins() {
        let draft = p("X !2 !4 @Eksjö @Nässjö");
        assert_eq!(
            (draft.influence, draft.municipality.as_deref()),
            (Some(4), Some("Nässjö"))
        );
    }

    #[test]
    fn apply_copies_hinted_fields_and_keeps_the_rest() {
        let mut actor = Actor::new("a1".into(), "Old");
        actor.tags = vec!["Kompetens".into()];
        actor.notes = "kept".into();
        apply(
            &p("Almi Företagspartner #närings @Jönköping !4 ?5 -1 %org ^nat #kompetens #ny"),
            &mut actor,
        );
        assert_eq!(actor.name, "Almi Företagspartner");
        assert_eq!(actor.sector.as_str(), "business");
        assert_eq!(actor.municipality, "Jönköping");
        assert_eq!(
            (actor.influence, actor.interest, actor.attitude),
            (Some(4), Some(5), Some(-1))
        );
        assert_eq!(
            (actor.kind, actor.level),
            (ActorKind::Organisation, Level::National)
        );
        assert_eq!(actor.tags, vec!["Kompetens", "ny"]);
        assert_eq!(actor.notes, "kept");

        // An empty draft changes nothing, not even the name.
        let before = actor.clone();
        apply(&p(""), &mut actor);
        assert_eq!(actor, before);
    }

    #[test]
    fn a_draft_without_hints_leaves_defaults_alone() {
        let mut actor = Actor::new("a1".into(), "");
        apply(&p("Tyst förening"), &mut actor);
        assert_eq!(actor, Actor::new("a1".into(), "Tyst förening"));
    }
}
