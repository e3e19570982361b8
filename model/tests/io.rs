//! The JSON importer on real files: each format version, round trips, each problem's path and words.

use pretty_assertions::assert_eq;
use samverkan_model::io::{
    read_document, write_compact, write_pretty, Document, Loaded, MAX_FILE_BYTES,
};
use samverkan_model::validate::validate;
use samverkan_model::{
    Action, ActionStatus, Actor, ActorKind, CouncilRole, Expected, Found, Gender, JsonError, Level,
    Problem, Reason, RelationKind,
};
use serde_json::{json, Value};
use std::collections::BTreeSet;

// ---------------------------------------------------------------------------------------
// Helpers

/// The text of `tests/fixtures/json/<name>`, byte for byte (a BOM stays in).
fn fixture(name: &str) -> String {
    let path = format!("{}/tests/fixtures/json/{name}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

/// Reads text that must be accepted, showing every problem if it is not.
fn read_ok(text: &str) -> Loaded {
    read_document(text).unwrap_or_else(|problems| {
        let shown: Vec<String> = problems.iter().map(ToString::to_string).collect();
        panic!("expected the file to be read, got {shown:#?}")
    })
}

/// The English problems for text that must be refused, in the order the reader gave them.
fn problems(text: &str) -> Vec<String> {
    match read_document(text) {
        Ok(loaded) => panic!(
            "expected problems, but the file was read: {:?}",
            loaded.document.map.title
        ),
        Err(problems) => problems.iter().map(ToString::to_string).collect(),
    }
}

fn problems_in(name: &str) -> Vec<String> {
    problems(&fixture(name))
}

/// The full fixture as a JSON value, changed by `edit`, as text: one rule per test without
/// a fixture file per variation.
fn full_with(edit: impl FnOnce(&mut Value)) -> String {
    let mut value: Value = serde_json::from_str(&fixture("v1-full.samverkan.json")).unwrap();
    edit(&mut value);
    value.to_string()
}

fn full() -> Loaded {
    read_ok(&fixture("v1-full.samverkan.json"))
}

/// Ids in the full fixture, by the role they play in the tests.
const REGION: &str = "a1fde3dc-29fe-4bd3-9e68-dc31d64b9eeb";
const LNU: &str = "0e4d7722-0957-4906-a2d1-7bdfe9491861";
const SVENSKT_NARINGSLIV: &str = "dd1042cf-39a4-42e5-8e52-befb0c763554";
const KOMVUX: &str = "e7ce24b3-4cd1-4079-b861-a9cb78a05ea8";
const GOAL_YRKESVUX: &str = "8005c876-52a4-4de7-b887-8567a464b6cd";

// ---------------------------------------------------------------------------------------
// The full version-1 fixture

#[test]
fn the_full_fixture_reads_without_problems_or_repairs() {
    let loaded = full();
    assert_eq!(loaded.repaired_positions, 0);
    assert_eq!(validate(&loaded.document.map), vec![]);
    assert_eq!(loaded.document.format, "samverkan");
    assert_eq!(loaded.document.version, 1);
    assert_eq!(loaded.document.revision, 12);
}

#[test]
fn reading_the_full_fixture_gives_the_values_in_the_file() {
    let map = full().document.map;
    assert_eq!(map.id.as_str(), "4678805d-813c-425c-b476-58411547ebc4");
    assert_eq!(map.title, "Kompetensråd Kronoberg 2026");
    assert_eq!(
        map.description,
        "Aktörskarta för det regionala kompetensrådet i Kronobergs län.\nUnderlag för handlingsplanen 2026–2028."
    );
    assert_eq!(map.created_at.to_rfc3339(), "2025-11-03T08:15:00+00:00");
    // Fractions of a second are kept, not rounded away.
    assert_eq!(map.updated_at.timestamp_millis() % 1000, 250);
    assert_eq!(
        (map.sectors.len(), map.actors.len(), map.relations.len()),
        (10, 12, 7)
    );
    assert_eq!(map.sectors[3].label, "Arbetsmarknad");
    assert_eq!(map.sectors[3].color, "#76b7b2");

    let region = &map.actors[0];
    assert_eq!(
        (
            region.id.as_str(),
            region.name.as_str(),
            region.short_name.as_str()
        ),
        (REGION, "Region Kronoberg", "RK")
    );
    assert_eq!(
        (region.kind, region.level, region.sector.as_str()),
        (ActorKind::Organisation, Level::Regional, "public_sector")
    );
    assert_eq!(
        (region.influence, region.interest, region.attitude),
        (Some(5), Some(5), Some(2))
    );
    assert!(region.salience.power && region.salience.legitimacy && region.salience.urgency);
    assert_eq!(
        region.tags,
        vec!["regional utveckling", "kompetensförsörjning"]
    );
    assert_eq!(region.contacts[0].name, "Karin Åström");
    assert_eq!(region.contacts[0].email, "karin.astrom@kronoberg.se");
    assert_eq!(region.contacts[1].phone, "0470-58 30 01");
    assert_eq!((region.x, region.y, region.pinned), (12.5, -8.25, true));

    // An escaped quote, a person without a sector, an attitude below zero.
    let asa = &map.actors[8];
    assert_eq!(
        (asa.name.as_str(), asa.kind, asa.sector.as_str()),
        ("Åsa Öberg", ActorKind::Person, "")
    );
    assert_eq!(
        asa.notes,
        "Näringslivschef i Älmhults kommun; \"dörröppnare\" till IKEA-nätverket."
    );
    assert_eq!(map.actors[10].attitude, Some(-2));
    assert_eq!(map.actors[9].level, Level::International);

    let funding = &map.relations[1];
    assert_eq!(
        (funding.from.as_str(), funding.to.as_str()),
        (REGION, KOMVUX)
    );
    assert_eq!(
        (funding.kind, funding.strength, funding.directed),
        (RelationKind::Funding, 2, true)
    );
    assert_eq!(funding.note, "Regionala yrkesvux-medel 2026");

    let council = &map.council;
    assert_eq!(council.name, "Kompetensrådet Kronoberg");
    assert_eq!(council.members[1].actor.as_str(), SVENSKT_NARINGSLIV);
    assert_eq!(
        (council.members[1].gender, council.members[1].role),
        (Gender::Man, CouncilRole::ViceChair)
    );
    assert_eq!(council.members[4].role, CouncilRole::CoOpted);
    let meeting = &council.meetings[0];
    assert_eq!(meeting.start.to_string(), "2026-02-10 13:00:00");
    assert_eq!(
        (meeting.duration_minutes, meeting.place.as_str()),
        (180, "Regionhuset, Växjö")
    );
    assert_eq!(meeting.agenda[1], "Kompetensbehov inom vård och industri");
    assert_eq!(
        council.goals[0]
            .target_date
            .map(|d| d.to_string())
            .as_deref(),
        Some("2027-12-31")
    );
    assert_eq!(council.goals[2].target_date, None);
    let action = &council.actions[0];
    assert_eq!(
        action.goal.as_ref().map(|g| g.as_str()),
        Some(GOAL_YRKESVUX)
    );
    assert_eq!(
        action.responsible.as_ref().map(|a| a.as_str()),
        Some(SVENSKT_NARINGSLIV)
    );
    assert_eq!(action.consulted[0].as_str(), LNU);
    assert_eq!(action.status, ActionStatus::Done);
    assert_eq!(action.note, "Enkät till 240 företag; svarsfrekvens 41 %.");
    assert_eq!(council.actions[3].accountable, None);
    assert_eq!(council.actions[1].status, ActionStatus::InProgress);
}

#[test]
fn the_full_fixture_is_exactly_what_the_model_writes() {
    // The file and the model's own serialisation are the same JSON value: no field of the
    // file is silently dropped (a misspelt key would be), and no field the model writes is
    // missing from the fixture, so the fixture covers every field of every type.
    let text = fixture("v1-full.samverkan.json");
    let file: Value = serde_json::from_str(&text).unwrap();
    let written = serde_json::to_value(read_ok(&text).document).unwrap();
    assert_eq!(written, file);
}

#[test]
fn the_full_fixture_uses_every_enum_value_and_optional_field() {
    fn gender(g: Gender) -> usize {
        // Exhaustive on purpose: a new variant fails to compile here until the fixture has it.
        match g {
            Gender::Woman => 0,
            Gender::Man => 1,
            Gender::Other => 2,
            Gender::Unspecified => 3,
        }
    }
    fn role(r: CouncilRole) -> usize {
        match r {
            CouncilRole::Chair => 0,
            CouncilRole::ViceChair => 1,
            CouncilRole::Member => 2,
            CouncilRole::Secretary => 3,
            CouncilRole::CoOpted => 4,
        }
    }
    fn status(s: ActionStatus) -> usize {
        match s {
            ActionStatus::Planned => 0,
            ActionStatus::InProgress => 1,
            ActionStatus::Done => 2,
            ActionStatus::Blocked => 3,
        }
    }
    let map = full().document.map;
    let kinds: BTreeSet<&str> = map.actors.iter().map(|a| a.kind.as_str()).collect();
    assert_eq!(kinds, ActorKind::ALL.iter().map(|k| k.as_str()).collect());
    let levels: BTreeSet<&str> = map.actors.iter().map(|a| a.level.as_str()).collect();
    assert_eq!(levels, Level::ALL.iter().map(|l| l.as_str()).collect());
    let relation_kinds: BTreeSet<&str> = map.relations.iter().map(|r| r.kind.as_str()).collect();
    assert_eq!(
        relation_kinds,
        RelationKind::ALL.iter().map(|k| k.as_str()).collect()
    );
    let council = &map.council;
    assert_eq!(
        council
            .members
            .iter()
            .map(|m| gender(m.gender))
            .collect::<BTreeSet<_>>(),
        (0..4).collect()
    );
    assert_eq!(
        council
            .members
            .iter()
            .map(|m| role(m.role))
            .collect::<BTreeSet<_>>(),
        (0..5).collect()
    );
    assert_eq!(
        council
            .actions
            .iter()
            .map(|a| status(a.status))
            .collect::<BTreeSet<_>>(),
        (0..4).collect()
    );

    // Both sides of every flag and option, so a reader that dropped one would be caught.
    let flags: [fn(&Actor) -> bool; 4] = [
        |a| a.pinned,
        |a| a.salience.power,
        |a| a.salience.legitimacy,
        |a| a.salience.urgency,
    ];
    for flag in flags {
        assert!(map.actors.iter().any(flag) && !map.actors.iter().all(flag));
    }
    assert!(map.relations.iter().any(|r| r.directed) && map.relations.iter().any(|r| !r.directed));
    assert!(map
        .actors
        .iter()
        .any(|a| !a.short_name.is_empty() && !a.contacts.is_empty() && !a.tags.is_empty()));
    assert!(
        council.goals.iter().any(|g| g.target_date.is_some())
            && council.goals.iter().any(|g| g.target_date.is_none())
    );
    let options: [fn(&Action) -> bool; 5] = [
        |a| a.goal.is_some(),
        |a| a.responsible.is_some(),
        |a| a.accountable.is_some(),
        |a| a.start.is_some(),
        |a| a.due.is_some(),
    ];
    for option in options {
        assert!(council.actions.iter().any(option) && !council.actions.iter().all(option));
    }
    assert!(council
        .actions
        .iter()
        .any(|a| !a.consulted.is_empty() && !a.informed.is_empty()));
    assert!(
        council.meetings.iter().any(|m| !m.agenda.is_empty())
            && council.meetings.iter().any(|m| m.agenda.is_empty())
    );
    assert!(!council.mandate.is_empty() && !council.required_sectors.is_empty());
}

// ---------------------------------------------------------------------------------------
// Round trips

#[test]
fn a_map_survives_write_pretty_and_read_unchanged() {
    let first = full();
    let again = read_ok(&write_pretty(&first.document));
    assert_eq!(again.document, first.document);
    assert_eq!(again.repaired_positions, 0);
}

#[test]
fn a_map_survives_write_compact_and_read_unchanged() {
    let first = full();
    let compact = write_compact(&first.document);
    // Compact is for local storage: one line, no indentation.
    assert!(!compact.contains('\n'));
    assert_eq!(read_ok(&compact).document, first.document);
}

#[test]
fn writing_is_stable_after_one_round_trip() {
    // A file written by this build and read again writes the same bytes, so saving an
    // unchanged map never looks like a change.
    let pretty = write_pretty(&full().document);
    assert_eq!(write_pretty(&read_ok(&pretty).document), pretty);
}

#[test]
fn a_zero_revision_is_left_out_and_reads_back_as_zero() {
    let document = Document::new(full().document.map, 0);
    let text = write_pretty(&document);
    assert!(
        !text.contains("\"revision\""),
        "revision 0 should not be written"
    );
    assert_eq!(read_ok(&text).document, document);
}

#[test]
fn a_coordinate_survives_write_and_read_bit_for_bit() {
    // 971381.3892657391 is what a force layout produces; serde_json's default float parser
    // reads its shortest form back one unit in the last place off.
    let mut document = full().document;
    document.map.actors[0].x = 971_381.389_265_739_1;
    document.map.actors[0].y = -470_530.898_125_187_96;
    let again = read_ok(&write_compact(&document)).document;
    assert_eq!(
        again.map.actors[0].x.to_bits(),
        document.map.actors[0].x.to_bits()
    );
    assert_eq!(
        again.map.actors[0].y.to_bits(),
        document.map.actors[0].y.to_bits()
    );
}

// ---------------------------------------------------------------------------------------
// Defaults and forward compatibility

#[test]
fn the_minimal_fixture_fills_in_defaults() {
    let map = read_ok(&fixture("v1-minimal.samverkan.json")).document.map;
    let actor = &map.actors[0];
    assert_eq!(
        (actor.kind, actor.short_name.as_str(), actor.pinned),
        (ActorKind::Organisation, "", false)
    );
    assert!(actor.tags.is_empty() && actor.contacts.is_empty() && actor.notes.is_empty());
    let relation = &map.relations[0];
    assert_eq!(
        (relation.strength, relation.directed, relation.note.as_str()),
        (2, false, "")
    );
    assert_eq!(map.relations[2].strength, 2);
    assert!(map.relations[2].directed);
    assert_eq!(map.description, "");
    assert!(map.council.meetings.is_empty() && map.council.mandate.is_empty());
    assert_eq!(map.council.members[2].role, CouncilRole::Member);
    assert_eq!(
        (map.council.actions[0].start, map.council.actions[0].due),
        (None, None)
    );
}

#[test]
fn missing_numbers_take_their_middle_defaults() {
    let text = full_with(|v| {
        let actor = v["map"]["actors"][0].as_object_mut().unwrap();
        for key in ["influence", "interest", "attitude", "x", "y"] {
            actor.remove(key);
        }
        v["map"]["relations"][0]
            .as_object_mut()
            .unwrap()
            .remove("strength");
        v["map"]["council"]["meetings"][0]
            .as_object_mut()
            .unwrap()
            .remove("duration_minutes");
    });
    let map = read_ok(&text).document.map;
    let actor = &map.actors[0];
    assert_eq!(
        (
            actor.influence,
            actor.interest,
            actor.attitude,
            actor.x,
            actor.y
        ),
        (Some(3), Some(3), Some(0), 0.0, 0.0),
        "a file that leaves the ratings out reads as rated in the middle, as before"
    );
    assert_eq!(map.relations[0].strength, 2);
    assert_eq!(map.council.meetings[0].duration_minutes, 120);
}

#[test]
fn a_list_too_long_for_a_contact_is_named_as_a_list_where_an_object_belongs() {
    for list in [
        json!(["a", "b", "c", "d", "e"]),
        json!(["", "", "", "", "", ""]),
    ] {
        let text = full_with(|v| v["map"]["actors"][0]["contacts"][0] = list.clone());
        let problems = read_document(&text).unwrap_err();
        assert_eq!(
            problems[0].reason,
            Reason::WrongType {
                expected: Expected::Object,
                found: Some(Found::List)
            },
            "{list}"
        );
    }
}

#[test]
fn assessments_survive_export_and_import_and_are_validated() {
    let mut map = read_ok(&full_with(|_| {})).document.map;
    assert!(map.assessments.is_empty(), "older files have none");
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    map.assessments.push(samverkan_model::assessment::snapshot(
        &map,
        "s1".into(),
        "Workshop 1",
        date,
    ));
    let text = write_pretty(&Document::new(map.clone(), 0));
    assert!(text.contains("\"assessments\""));
    assert_eq!(read_ok(&text).document.map, map);
    let text = full_with(|v| {
        v["map"]["assessments"] = json!([{ "id": "s1", "label": "W", "date": "2026-03-01",
            "actors": [{ "actor": "nobody", "influence": 9 }] }]);
    });
    let problems = read_document(&text).unwrap_err();
    let paths: Vec<&str> = problems.iter().map(|p| p.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "map.assessments[0].actors[0].actor",
            "map.assessments[0].actors[0].influence"
        ]
    );
}

#[test]
fn null_ratings_read_as_unrated_and_are_written_as_null() {
    let text = full_with(|v| {
        for field in ["influence", "interest", "attitude"] {
            v["map"]["actors"][0][field] = Value::Null;
        }
        v["map"]["actors"][1]["interest"] = Value::Null;
    });
    let map = read_ok(&text).document.map;
    let (first, second) = (&map.actors[0], &map.actors[1]);
    assert_eq!(
        (first.influence, first.interest, first.attitude),
        (None, None, None)
    );
    assert!(!first.is_placed() && second.influence.is_some() && !second.is_placed());
    let written: Value =
        serde_json::from_str(&write_pretty(&Document::new(map.clone(), 0))).unwrap();
    assert_eq!(written["map"]["actors"][0]["influence"], Value::Null);
    assert_eq!(
        read_ok(&write_pretty(&Document::new(map.clone(), 0)))
            .document
            .map,
        map
    );
}

#[test]
fn unknown_fields_are_ignored() {
    // The format lets developers add optional fields, so an older build must read them.
    let text = full_with(|v| {
        v["layout"] = json!({ "algorithm": "force", "ticks": 300 });
        v["map"]["actors"][0]["org_number"] = json!("232100-0065");
        v["map"]["council"]["budget_sek"] = json!(1_500_000);
    });
    assert_eq!(read_ok(&text).document, full().document);
}

// ---------------------------------------------------------------------------------------
// Migration

#[test]
fn a_version_0_file_is_migrated_to_a_valid_version_1_map() {
    let loaded = read_ok(&fixture("v0-prototype.samverkan.json"));
    assert_eq!(loaded.document.version, 1);
    let map = &loaded.document.map;
    assert_eq!(validate(map), vec![]);
    assert_eq!(map.title, "Prototyp: kompetensråd Jönköpings län");
    let numbers: Vec<(i64, i64, i64)> = map
        .actors
        .iter()
        .map(|a| {
            (
                a.influence.unwrap(),
                a.interest.unwrap(),
                a.attitude.unwrap(),
            )
        })
        .collect();
    assert_eq!(numbers, vec![(5, 4, 2), (4, 3, 1), (3, 5, -1), (2, 2, -2)]);
    let ends: Vec<(&str, &str)> = map
        .relations
        .iter()
        .map(|r| (r.from.as_str(), r.to.as_str()))
        .collect();
    assert_eq!(ends, vec![("rjl", "jkpg"), ("rjl", "ju"), ("hff", "ju")]);
    assert_eq!(map.relations[1].kind, RelationKind::Funding);
    assert_eq!(map.actors[3].kind, ActorKind::Network);
    assert_eq!(map.actors[1].x, -40.5);
    // Version 0 had no council: the map gets an empty one, not the default requirements.
    assert_eq!(map.council, Default::default());
}

#[test]
fn a_migrated_map_is_written_as_version_1() {
    let migrated = read_ok(&fixture("v0-prototype.samverkan.json")).document;
    let text = write_pretty(&migrated);
    let value: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(value["version"], 1);
    assert_eq!(value["map"]["actors"][0]["influence"], 5);
    assert_eq!(value["map"]["actors"][0].get("power"), None);
    assert_eq!(value["map"]["relations"][0]["from"], "rjl");
    assert_eq!(value["map"]["relations"][0].get("source"), None);
    assert_eq!(read_ok(&text).document, migrated);
}

#[test]
fn problems_in_a_version_0_file_are_named_by_their_version_1_path() {
    let mut value: Value = serde_json::from_str(&fixture("v0-prototype.samverkan.json")).unwrap();
    value["map"]["relations"][2]["target"] = json!("x");
    value["map"]["actors"][1]["power"] = json!(9);
    assert_eq!(
        problems(&value.to_string()),
        vec![
            "map.actors[1].influence: 9 is outside 1..5",
            "map.relations[2].to: no actor with id \"x\""
        ]
    );
}

#[test]
fn a_version_0_file_without_a_map_object_names_the_map() {
    assert_eq!(
        problems(r#"{"format":"samverkan","version":0,"map":"karta"}"#),
        vec!["map: expected an object, found the text \"karta\""]
    );
    assert_eq!(
        problems(r#"{"format":"samverkan","version":0}"#),
        vec!["the field \"map\" is missing"]
    );
    assert_eq!(
        read_document(r#"{"format":"samverkan","version":0}"#).unwrap_err(),
        vec![Problem::new("", Reason::MissingField("map".into()))]
    );
}

// ---------------------------------------------------------------------------------------
// Files that are not Samverkan JSON at all

#[test]
fn text_that_is_not_json_names_line_and_column() {
    assert_eq!(
        problems_in("error-not-json.samverkan.json"),
        vec!["not valid JSON: a key must be a text in double quotes (line 1, column 40)"]
    );
    assert_eq!(
        read_document("{\n  \"format\": \"samverkan\",\n  oops\n}").unwrap_err(),
        vec![Problem::new(
            "",
            Reason::NotJson {
                line: 3,
                column: 3,
                kind: JsonError::KeyNotText
            }
        )]
    );
}

#[test]
fn an_empty_file_is_reported_as_empty() {
    assert_eq!(fixture("error-empty.samverkan.json"), "");
    assert_eq!(
        problems_in("error-empty.samverkan.json"),
        vec!["the file is empty"]
    );
}

#[test]
fn a_file_of_only_white_space_is_reported_as_empty() {
    assert_eq!(
        problems_in("error-whitespace.samverkan.json"),
        vec!["the file is empty"]
    );
    assert_eq!(problems("\u{feff}  \n"), vec!["the file is empty"]);
}

#[test]
fn a_byte_order_mark_before_a_valid_file_is_accepted() {
    let with_bom = fixture("bom-v1.samverkan.json");
    assert!(
        with_bom.starts_with('\u{feff}'),
        "the fixture must keep its BOM"
    );
    assert_eq!(
        read_ok(&with_bom),
        read_ok(&fixture("v1-minimal.samverkan.json"))
    );
}

#[test]
fn a_truncated_file_is_not_json() {
    assert_eq!(
        problems_in("error-truncated.samverkan.json"),
        vec!["not valid JSON: the text ends too early (line 58, column 23)"]
    );
    assert_eq!(
        read_document(&fixture("error-truncated.samverkan.json")).unwrap_err()[0].reason,
        Reason::NotJson {
            line: 58,
            column: 23,
            kind: JsonError::Eof
        }
    );
}

#[test]
fn every_truncation_of_the_full_fixture_is_refused_as_not_json() {
    // A tab closed mid-write leaves a prefix in storage; whatever the cut, the reader must
    // refuse it with one plain problem, never read half a map.
    let text = fixture("v1-full.samverkan.json");
    let end = text.trim_end().len() - 1; // the closing brace
    let mut cut = 1;
    while cut < end {
        if text.is_char_boundary(cut) {
            let found = read_document(&text[..cut]).unwrap_err();
            assert_eq!(found.len(), 1, "cut at {cut}: {found:?}");
            assert!(
                matches!(
                    found[0].reason,
                    Reason::NotJson {
                        kind: JsonError::Eof,
                        ..
                    }
                ),
                "cut at {cut}: {found:?}"
            );
        }
        cut += 7; // a prime step lands on every kind of token without 19,000 parses
    }
}

#[test]
fn json_that_is_not_an_object_is_not_a_samverkan_file() {
    let expected = vec!["format: not a Samverkan file (\"format\" must be \"samverkan\")"];
    assert_eq!(problems_in("error-not-an-object.samverkan.json"), expected);
    for text in ["42", "\"samverkan\"", "null", "true", "[]"] {
        assert_eq!(problems(text), expected, "for {text}");
    }
}

#[test]
fn a_file_with_another_format_is_not_a_samverkan_file() {
    let expected = vec!["format: not a Samverkan file (\"format\" must be \"samverkan\")"];
    assert_eq!(problems_in("error-wrong-format.samverkan.json"), expected);
    assert_eq!(problems(r#"{"version":1,"map":{}}"#), expected);
    assert_eq!(
        problems(r#"{"format":"Samverkan","version":1,"map":{}}"#),
        expected
    );
}

#[test]
fn a_file_without_a_version_says_so() {
    assert_eq!(
        problems_in("error-missing-version.samverkan.json"),
        vec!["version: no format version number"]
    );
}

#[test]
fn a_version_that_is_not_a_whole_number_is_no_version() {
    assert_eq!(
        problems_in("error-version-string.samverkan.json"),
        vec!["version: no format version number"]
    );
    for version in ["-1", "null", "[1]", "1.5"] {
        let text = format!(r#"{{"format":"samverkan","version":{version},"map":{{}}}}"#);
        assert_eq!(
            problems(&text),
            vec!["version: no format version number"],
            "for {version}"
        );
    }
}

#[test]
fn a_newer_version_is_refused_and_says_newer() {
    assert_eq!(
        problems_in("v2-newer.samverkan.json"),
        vec!["version: made by a newer Samverkan (format version 2; this one reads up to 1)"]
    );
    let huge = r#"{"format":"samverkan","version":18446744073709551615,"map":{}}"#;
    assert_eq!(
        problems(huge),
        vec!["version: made by a newer Samverkan (format version 18446744073709551615; this one reads up to 1)"]
    );
}

// ---------------------------------------------------------------------------------------
// Hostile shapes: depth and size

/// Runs `read` on a thread with a 1 MiB stack, the default stack of Rust on wasm32 where
/// the app runs, so a reader that recursed once per nesting level would overflow here.
fn on_a_small_stack<T: Send + 'static>(read: impl FnOnce() -> T + Send + 'static) -> T {
    std::thread::Builder::new()
        .stack_size(1 << 20)
        .spawn(read)
        .unwrap()
        .join()
        .unwrap()
}

#[test]
fn thousands_of_nested_arrays_are_too_deep_not_a_stack_overflow() {
    let text = fixture("error-too-deep.samverkan.json");
    assert_eq!(
        on_a_small_stack(move || problems(&text)),
        vec!["nested too deeply"]
    );
    let unclosed = "[".repeat(100_000);
    assert_eq!(
        on_a_small_stack(move || problems(&unclosed)),
        vec!["nested too deeply"]
    );
}

#[test]
fn deep_nesting_inside_a_map_is_too_deep_not_a_stack_overflow() {
    let text = fixture("error-too-deep-in-map.samverkan.json");
    assert_eq!(
        on_a_small_stack(move || problems(&text)),
        vec!["nested too deeply"]
    );
    let objects = format!(
        r#"{{"format":"samverkan","version":1,"map":{}"#,
        r#"{"a":"#.repeat(5_000)
    );
    assert_eq!(
        on_a_small_stack(move || problems(&objects)),
        vec!["nested too deeply"]
    );
}

#[test]
fn nesting_well_inside_the_limit_is_read() {
    // The limit is for hostile files, not for a developer's optional field.
    let text = full_with(|v| {
        v["map"]["extra"] =
            serde_json::from_str(&format!("{}{}", "[".repeat(100), "]".repeat(100))).unwrap()
    });
    assert_eq!(read_ok(&text).document, full().document);
}

#[test]
fn a_file_over_20_mib_is_refused_before_parsing() {
    // Nested brackets would be "nested too deeply" if parsed: the size check comes first.
    let text = "[".repeat(MAX_FILE_BYTES as usize + 1);
    assert_eq!(
        problems(&text),
        vec!["20971521 bytes is larger than the limit of 20971520"]
    );
    assert_eq!(
        read_document(&text).unwrap_err()[0].reason,
        Reason::TooLarge {
            bytes: 20_971_521,
            limit: 20_971_520
        }
    );
}

#[test]
fn a_file_of_exactly_20_mib_is_read() {
    let mut text = fixture("v1-minimal.samverkan.json");
    text.push_str(&" ".repeat(MAX_FILE_BYTES as usize - text.len()));
    assert_eq!(text.len() as u64, MAX_FILE_BYTES);
    assert_eq!(
        read_ok(&text),
        read_ok(&fixture("v1-minimal.samverkan.json"))
    );
}

// ---------------------------------------------------------------------------------------
// Typed read: wrong types and unknown enum values

#[test]
fn a_value_of_the_wrong_type_names_its_path() {
    assert_eq!(
        problems_in("error-wrong-type.samverkan.json"),
        vec!["map.actors[0].influence: expected a whole number, found the text \"high\""]
    );
    assert_eq!(
        read_document(&fixture("error-wrong-type.samverkan.json")).unwrap_err(),
        vec![Problem::new(
            "map.actors[0].influence",
            Reason::WrongType {
                expected: Expected::WholeNumber,
                found: Some(Found::Text("high".into()))
            }
        )]
    );
}

#[test]
fn wrong_types_deep_in_the_council_name_their_path() {
    let text = full_with(|v| v["map"]["council"]["actions"][2]["consulted"][0] = json!(17));
    assert_eq!(
        problems(&text),
        vec!["map.council.actions[2].consulted[0]: expected a text, found the number 17"]
    );
    let text = full_with(|v| v["map"]["council"]["meetings"][1]["start"] = json!("i morgon"));
    assert_eq!(
        read_document(&text).unwrap_err(),
        vec![Problem::new(
            "map.council.meetings[1].start",
            Reason::BadDate("i morgon".into())
        )]
    );
    let text = full_with(|v| v["map"]["council"]["meetings"][1]["start"] = json!(20260210));
    assert_eq!(
        read_document(&text).unwrap_err(),
        vec![Problem::new(
            "map.council.meetings[1].start",
            Reason::WrongType {
                expected: Expected::DateTime,
                found: Some(Found::Number("20260210".into()))
            }
        )]
    );
    // Other tools write an offset; the time is read and converted to Stockholm time.
    for (written, local) in [
        ("2027-02-10T09:00:00+01:00", "2027-02-10 09:00:00"),
        ("2027-02-10T08:00:00Z", "2027-02-10 09:00:00"),
        ("2027-06-10T07:30:00Z", "2027-06-10 09:30:00"),
        ("2027-03-28T00:59:00Z", "2027-03-28 01:59:00"),
        ("2027-03-28T01:00:00Z", "2027-03-28 03:00:00"),
        ("2027-10-31T00:59:00Z", "2027-10-31 02:59:00"),
        ("2027-10-31T01:00:00Z", "2027-10-31 02:00:00"),
    ] {
        let text = full_with(|v| v["map"]["council"]["meetings"][1]["start"] = json!(written));
        let map = read_ok(&text).document.map;
        assert_eq!(
            map.council.meetings[1].start.to_string(),
            local,
            "{written}"
        );
    }
    let text = full_with(|v| v["revision"] = json!(-1));
    assert_eq!(
        problems(&text),
        vec!["revision: expected a whole number of 0 or more, found the number -1"]
    );
}

#[test]
fn a_missing_required_field_names_the_object_it_is_missing_from() {
    let text = full_with(|v| {
        v["map"]["relations"][5]
            .as_object_mut()
            .unwrap()
            .remove("from");
    });
    assert_eq!(
        read_document(&text).unwrap_err(),
        vec![Problem::new(
            "map.relations[5]",
            Reason::MissingField("from".into())
        )]
    );
    assert_eq!(
        problems(&text),
        vec!["map.relations[5]: the field \"from\" is missing"]
    );
}

#[test]
fn an_unknown_enum_value_names_its_path_and_the_known_values() {
    assert_eq!(
        problems_in("error-unknown-enum.samverkan.json"),
        vec!["map.actors[0].kind: unknown value \"alien\"; allowed: organisation, person, network, project"]
    );
    assert_eq!(
        read_document(&fixture("error-unknown-enum.samverkan.json")).unwrap_err()[0].reason,
        Reason::UnknownValue {
            value: "alien".into(),
            allowed: ["organisation", "person", "network", "project"]
                .map(String::from)
                .to_vec()
        }
    );
}

#[test]
fn a_number_too_big_for_the_model_is_a_wrong_type_at_its_path() {
    let text = full_with(|v| v["map"]["relations"][2]["strength"] = json!(u64::MAX));
    assert_eq!(
        problems(&text),
        vec!["map.relations[2].strength: expected a whole number, found the number 18446744073709551615"]
    );
    let text = full_with(|v| v["map"]["actors"][4]["interest"] = json!(2.5));
    assert_eq!(
        read_document(&text).unwrap_err()[0],
        Problem::new(
            "map.actors[4].interest",
            Reason::WrongType {
                expected: Expected::WholeNumber,
                found: Some(Found::Number("2.5".into()))
            }
        )
    );
}

// ---------------------------------------------------------------------------------------
// Validation: every problem, with its path

#[test]
fn out_of_range_numbers_name_their_paths() {
    assert_eq!(
        problems_in("error-out-of-range.samverkan.json"),
        vec![
            "map.actors[0].influence: 7 is outside 1..5",
            "map.actors[1].attitude: -3 is outside -2..2",
            "map.relations[0].strength: 0 is outside 1..3",
        ]
    );
}

#[test]
fn a_meeting_of_no_length_is_out_of_range() {
    let text = full_with(|v| v["map"]["council"]["meetings"][1]["duration_minutes"] = json!(0));
    assert_eq!(
        problems(&text),
        vec!["map.council.meetings[1].duration_minutes: 0 is outside 1..1440"]
    );
}

#[test]
fn a_relation_to_an_unknown_actor_names_its_path() {
    let text = fixture("error-unknown-actor-in-relation.samverkan.json");
    let relations: Value =
        serde_json::from_str::<Value>(&text).unwrap()["map"]["relations"].clone();
    assert!(
        relations.as_array().unwrap().len() >= 4,
        "the path must point into a list, not at its end"
    );
    assert_eq!(
        problems(&text),
        vec!["map.relations[3].to: no actor with id \"x\""]
    );
}

#[test]
fn a_relation_from_an_actor_to_itself_is_reported() {
    let text =
        full_with(|v| v["map"]["relations"][6]["to"] = v["map"]["relations"][6]["from"].clone());
    assert_eq!(
        problems(&text),
        vec!["map.relations[6].to: a relation must join two different actors"]
    );
}

#[test]
fn an_unknown_council_member_names_its_path() {
    assert_eq!(
        problems_in("error-unknown-council-member.samverkan.json"),
        vec!["map.council.members[1].actor: no actor with id \"x\""]
    );
}

#[test]
fn the_same_actor_twice_in_the_council_is_reported() {
    let text = full_with(|v| v["map"]["council"]["members"][5]["actor"] = json!(REGION));
    assert_eq!(
        problems(&text),
        vec![format!(
            "map.council.members[5].actor: actor \"{REGION}\" is a member twice"
        )]
    );
}

#[test]
fn unknown_actors_in_raci_roles_name_their_paths() {
    assert_eq!(
        problems_in("error-unknown-raci-actor.samverkan.json"),
        vec![
            "map.council.actions[0].responsible: no actor with id \"ghost-r\"",
            "map.council.actions[0].accountable: no actor with id \"ghost-a\"",
            "map.council.actions[0].consulted[1]: no actor with id \"ghost-c\"",
            "map.council.actions[0].informed[0]: no actor with id \"ghost-i\"",
        ]
    );
}

#[test]
fn a_duplicate_actor_id_is_reported_at_its_second_use() {
    assert_eq!(
        problems_in("error-duplicate-actor-id.samverkan.json"),
        vec!["map.actors[5].id: the id \"kalmar\" is used more than once"]
    );
}

#[test]
fn a_duplicate_relation_id_is_reported_at_its_second_use() {
    assert_eq!(
        problems_in("error-duplicate-relation-id.samverkan.json"),
        vec!["map.relations[4].id: the id \"r2\" is used more than once"]
    );
}

#[test]
fn duplicate_and_empty_ids_in_the_council_are_reported() {
    let text = full_with(|v| {
        v["map"]["council"]["goals"][2]["id"] = json!(GOAL_YRKESVUX);
        v["map"]["council"]["meetings"][1]["id"] = json!(" ");
    });
    assert_eq!(
        problems(&text),
        vec![
            "map.council.meetings[1].id: must not be empty",
            &format!("map.council.goals[2].id: the id \"{GOAL_YRKESVUX}\" is used more than once"),
            // The action that pointed to the renamed goal now points nowhere.
            "map.council.actions[3].goal: no goal with id \"8b585e5c-c1ab-4d43-9b76-564a8ecb060f\"",
        ]
    );
}

#[test]
fn an_empty_actor_name_is_reported() {
    assert_eq!(
        problems_in("error-empty-name.samverkan.json"),
        vec!["map.actors[2].name: must not be empty"]
    );
}

#[test]
fn unknown_sectors_are_reported_for_actors_and_required_sectors() {
    assert_eq!(
        problems_in("error-unknown-sector.samverkan.json"),
        vec![
            "map.actors[1].sector: no sector with id \"rymdfart\"",
            "map.council.required_sectors[4]: no sector with id \"gruvnäring\"",
        ]
    );
}

#[test]
fn a_sector_colour_that_is_not_hex_is_reported() {
    let text = full_with(|v| v["map"]["sectors"][8]["color"] = json!("brun"));
    assert_eq!(
        problems(&text),
        vec!["map.sectors[8].color: \"brun\" is not a #RRGGBB colour"]
    );
}

#[test]
fn an_action_for_an_unknown_goal_is_reported() {
    assert_eq!(
        problems_in("error-unknown-goal.samverkan.json"),
        vec!["map.council.actions[0].goal: no goal with id \"g9\""]
    );
}

#[test]
fn a_file_with_many_problems_reports_all_of_them_in_order() {
    let expected: Vec<String> = (0..30)
        .map(|i| format!("map.relations[{i}].to: no actor with id \"ghost-{i}\""))
        .collect();
    assert_eq!(problems_in("error-many-problems.samverkan.json"), expected);
}

#[test]
fn problems_from_every_part_of_the_map_come_in_document_order() {
    // Made in reverse order, so a reader that reported them as found would fail.
    let text = full_with(|v| {
        let map = &mut v["map"];
        map["council"]["actions"][4]["informed"][1] = json!("borta");
        map["council"]["members"][0]["actor"] = json!("borta");
        map["relations"][6]["strength"] = json!(9);
        map["relations"][0]["from"] = json!("borta");
        map["actors"][11]["name"] = json!("");
        map["actors"][0]["attitude"] = json!(5);
        map["sectors"][0]["color"] = json!("#12345");
    });
    assert_eq!(
        problems(&text),
        vec![
            "map.sectors[0].color: \"#12345\" is not a #RRGGBB colour",
            "map.actors[0].attitude: 5 is outside -2..2",
            "map.actors[11].name: must not be empty",
            "map.relations[0].from: no actor with id \"borta\"",
            "map.relations[6].strength: 9 is outside 1..3",
            "map.council.members[0].actor: no actor with id \"borta\"",
            "map.council.actions[4].informed[1]: no actor with id \"borta\"",
        ]
    );
}

#[test]
fn problems_within_a_list_come_in_document_order() {
    // `validate` promises document order, which is the order the UI lists problems in and
    // the order a user fixes a file in.
    let text = full_with(|v| {
        let actors = &mut v["map"]["actors"];
        actors[0]["name"] = json!(" ");
        actors[3]["sector"] = json!("rymdfart");
        actors[3]["influence"] = json!(0);
        // A copy of Linnéuniversitetet pasted in at the end.
        let copy = actors[4].clone();
        actors.as_array_mut().unwrap().push(copy);
    });
    assert_eq!(
        problems(&text),
        vec![
            "map.actors[0].name: must not be empty",
            "map.actors[3].sector: no sector with id \"rymdfart\"",
            "map.actors[3].influence: 0 is outside 1..5",
            "map.actors[12].id: the id \"0e4d7722-0957-4906-a2d1-7bdfe9491861\" is used more than once",
        ]
    );
}

// ---------------------------------------------------------------------------------------
// Coordinates: repaired, never refused

#[test]
fn absurd_coordinates_are_reset_and_counted() {
    let loaded = read_ok(&fixture("repair-coordinates.samverkan.json"));
    // Actor 0 had x null (a NaN once saved), actor 1 x 1e300 and was pinned, actor 2
    // y -1e7: all three are repaired and counted. Actor 3's 999999.5 is far but within
    // the limit, so it is kept.
    assert_eq!(loaded.repaired_positions, 3);
    let at: Vec<(f64, f64, bool)> = loaded
        .document
        .map
        .actors
        .iter()
        .map(|a| (a.x, a.y, a.pinned))
        .collect();
    assert_eq!(
        at,
        vec![
            (0.0, 0.0, false),
            (0.0, 0.0, false),
            (0.0, 0.0, false),
            (999_999.5, -150.0, false),
            (210.0, -30.0, false)
        ]
    );
}

#[test]
fn a_null_coordinate_is_repaired_and_counted_like_nan() {
    // A NaN position in memory is saved as null. Read back, it should go through the same
    // repair as any corrupt position: both coordinates reset, unpinned, and the user told.
    let text = full_with(|v| v["map"]["actors"][0]["x"] = Value::Null);
    let loaded = read_ok(&text);
    assert_eq!(loaded.repaired_positions, 1);
    let region = &loaded.document.map.actors[0];
    assert_eq!((region.x, region.y, region.pinned), (0.0, 0.0, false));
}

#[test]
fn a_nan_coordinate_in_memory_is_written_as_null_and_reads_back() {
    let mut document = full().document;
    document.map.actors[2].x = f64::NAN;
    let text = write_compact(&document);
    assert!(text.contains(r#""x":null"#));
    assert!(read_ok(&text).document.map.actors[2].x.is_finite());
}

#[test]
fn interactions_survive_export_and_import_and_are_validated() {
    let interaction = json!({ "id": "i1", "actors": [REGION, LNU], "date": "2026-10-05",
        "kind": "consultation", "summary": "Samråd om yrkesvux", "needs": ["Lokaler", "Handledare"],
        "follow_up": { "title": "Skicka underlag", "due": "2026-11-01", "status": "in_progress" } });
    let text = full_with(|v| v["map"]["interactions"] = json!([interaction.clone()]));
    let map = read_ok(&text).document.map;
    assert_eq!(map.interactions.len(), 1);
    assert_eq!(map.interactions[0].needs, ["Lokaler", "Handledare"]);
    let written = write_pretty(&Document::new(map.clone(), 0));
    assert_eq!(read_ok(&written).document.map, map);
    assert!(!write_pretty(&Document::new(full().document.map, 0)).contains("interactions"));

    let refused = |edit: fn(&mut Value)| {
        let mut bad = interaction.clone();
        edit(&mut bad);
        problems(&full_with(|v| v["map"]["interactions"] = json!([bad])))
    };
    assert_eq!(
        refused(|i| i["actors"][1] = json!("nobody")),
        ["map.interactions[0].actors[1]: no actor with id \"nobody\""]
    );
    assert_eq!(
        refused(|i| i["date"] = json!("5 oktober")),
        ["map.interactions[0].date: \"5 oktober\" is not a date"]
    );
    let kind = refused(|i| i["kind"] = json!("lunch"));
    assert_eq!(kind.len(), 1);
    assert!(
        kind[0].starts_with("map.interactions[0].kind: unknown value \"lunch\"; allowed: meeting, consultation, dialogue"),
        "{kind:?}"
    );
    assert_eq!(
        refused(|i| i["follow_up"]["status"] = json!("later")).len(),
        1
    );
}
