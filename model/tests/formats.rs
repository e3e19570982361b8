//! Exchange formats: CSV round trips and row errors, GraphML read back by an independent
//! XML parser, and Kumu imports of both its JSON and its spreadsheet layout.

use pretty_assertions::assert_eq;
use quick_xml::escape::resolve_predefined_entity;
use quick_xml::events::{BytesStart, Event};
use quick_xml::{Reader, XmlVersion};
use samverkan_model::formats::csv::{
    export_actors, export_relations, import_actors, import_relations, preview_actors, RowError,
};
use samverkan_model::formats::graphml::export_graphml;
use samverkan_model::formats::kumu::{
    connection_ends_known, import_kumu_connections_onto, import_kumu_csv, import_kumu_json,
};
use samverkan_model::formats::report::{ImportReport, Outcome};
use samverkan_model::io::{read_document, write_pretty, Document};
use samverkan_model::sector::default_sectors;
use samverkan_model::validate::validate;
use samverkan_model::{
    Actor, ActorId, ActorKind, Contact, Expected, Found, JsonError, Level, Map, Problem, Reason,
    Relation, RelationKind, Sector,
};
use std::collections::{BTreeMap, HashMap};

// ---- helpers ----

/// The text of `tests/fixtures/formats/<name>`, byte for byte.
fn fixture(name: &str) -> String {
    let path = format!(
        "{}/tests/fixtures/formats/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// Ids `gen-1`, `gen-2`, … so tests are deterministic.
fn counter() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("gen-{n}")
    }
}

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
            _ => "Transporter",
        }
        .to_owned()
    })
}

fn empty_map() -> Map {
    let now = "2026-11-22T10:00:00Z".parse().unwrap();
    Map::new("m1".into(), "Regional dialog", now, palette())
}

/// A map whose actors have awkward text: Swedish letters, typographic quotes, separators,
/// straight quotes, line breaks and formula-like starts.
fn tricky_map() -> Map {
    let mut map = empty_map();
    let mut region = Actor::new("a1".into(), "Region Jönköpings län");
    region.short_name = "RJL".into();
    region.sector = "public_sector".into();
    region.municipality = "Jönköping".into();
    region.influence = Some(5);
    region.interest = Some(4);
    region.attitude = Some(2);
    region.salience.power = true;
    region.salience.legitimacy = true;
    region.tags = vec!["kompetensråd".into(), "vård".into()];
    region.notes = "Ansvarar för “regional utveckling”; se \"RUS\".\nRad två\r\nRad tre".into();
    region.x = 12.5;
    region.y = -40.125;
    let mut skeptic = Actor::new("a2".into(), "Företagarna; Småland, norra");
    skeptic.kind = ActorKind::Network;
    skeptic.sector = "business".into();
    skeptic.level = Level::Local;
    skeptic.attitude = Some(-1);
    skeptic.interest = Some(1);
    skeptic.salience.urgency = true;
    skeptic.notes = "-inga fler möten".into();
    skeptic.x = -0.000_1;
    let mut formula = Actor::new("a3".into(), "=HYPERLINK(\"http://x\")");
    formula.kind = ActorKind::Person;
    formula.level = Level::International;
    formula.municipality = "@Växjö".into();
    formula.tags = vec!["+46".into()];
    formula.attitude = Some(-2);
    formula.influence = Some(1);
    let mut project = Actor::new("a4".into(), "Åsa Öberg's projekt");
    project.kind = ActorKind::Project;
    project.level = Level::National;
    project.short_name = "'=ÅÖ".into();
    project.x = 1.0e5;
    project.y = 3.3;
    for actor in [region, skeptic, formula, project] {
        map.add_actor(actor);
    }
    let mut funding = Relation::new("r1".into(), "a1".into(), "a2".into());
    funding.kind = RelationKind::Funding;
    funding.strength = 3;
    funding.directed = true;
    funding.note = "Regionala medel, \"RUM\"\n2027".into();
    let mut tension = Relation::new("r2".into(), "a2".into(), "a3".into());
    tension.kind = RelationKind::Tension;
    tension.strength = 1;
    tension.note = "-oenighet".into();
    assert!(map.add_relation(funding));
    assert!(map.add_relation(tension));
    assert!(map.add_relation(Relation::new("r3".into(), "a4".into(), "a1".into())));
    assert_eq!(validate(&map), vec![]);
    map
}

fn without_actors(map: &Map) -> Map {
    let mut empty = map.clone();
    empty.actors.clear();
    empty.relations.clear();
    empty.council.members.clear();
    empty
}

fn errors(result: Result<impl std::fmt::Debug, Vec<RowError>>) -> Vec<String> {
    result
        .expect_err("the import should fail")
        .iter()
        .map(ToString::to_string)
        .collect()
}

/// What a lenient import reported, in its English wording.
fn report_lines(report: &ImportReport) -> Vec<String> {
    report.notes.iter().map(ToString::to_string).collect()
}

fn problems(result: Result<impl std::fmt::Debug, Vec<Problem>>) -> Vec<String> {
    result
        .expect_err("the import should fail")
        .iter()
        .map(ToString::to_string)
        .collect()
}

// ---- CSV ----

#[test]
fn actors_round_trip_through_semicolon_csv_keeping_ids() {
    let map = tricky_map();
    let text = export_actors(&map, b';');
    let (imported, report) = import_actors(&text, &without_actors(&map), &mut counter()).unwrap();
    assert_eq!(imported, map.actors);
    assert_eq!(
        report_lines(&report),
        Vec::<String>::new(),
        "nothing changed"
    );
}

#[test]
fn actors_round_trip_through_comma_and_tab_csv_with_new_ids() {
    let map = tricky_map();
    for sep in [b',', b'\t'] {
        let text = export_actors(&map, sep);
        // Into the same map the ids are taken, so every actor gets a new one.
        let (imported, _) = import_actors(&text, &map, &mut counter()).unwrap();
        let ids: Vec<&str> = imported.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["gen-1", "gen-2", "gen-3", "gen-4"]);
        let renamed: Vec<Actor> = imported
            .into_iter()
            .zip(&map.actors)
            .map(|(mut actor, original)| {
                actor.id = original.id.clone();
                actor
            })
            .collect();
        assert_eq!(renamed, map.actors, "separator {:?}", sep as char);
    }
}

#[test]
fn actor_export_is_excel_ready() {
    let mut map = empty_map();
    let mut actor = Actor::new("a1".into(), "Kalle \"K\"; Åström");
    actor.sector = "education".into();
    actor.attitude = Some(-1);
    actor.notes = "rad 1\nrad 2".into();
    actor.tags = vec!["ett".into(), "två".into()];
    actor.x = 2.5;
    actor.y = -1.0;
    map.add_actor(actor);
    // Influence and interest are not rated: their cells stay empty.
    let expected = concat!(
        "\u{feff}id;name;short_name;kind;sector;level;municipality;influence;interest;attitude;",
        "power;legitimacy;urgency;tags;notes;x;y\r\n",
        "a1;\"Kalle \"\"K\"\"; Åström\";;organisation;education;regional;;;;-1;",
        "false;false;false;ett|två;\"rad 1\nrad 2\";2,5;-1\r\n",
    );
    assert_eq!(export_actors(&map, b';'), expected);
    let comma = export_actors(&map, b',');
    assert!(comma.starts_with("\u{feff}id,name,short_name,"), "{comma}");
    assert!(comma.ends_with(",2.5,-1\r\n"), "{comma}");
}

#[test]
fn formula_like_text_is_guarded_but_numbers_are_not() {
    let map = tricky_map();
    let text = export_actors(&map, b';');
    let formula_row = text.lines().find(|l| l.contains("HYPERLINK")).unwrap();
    let cells: Vec<&str> = formula_row.split(';').collect();
    assert_eq!(cells[1], "\"'=HYPERLINK(\"\"http://x\"\")\"");
    assert_eq!(cells[6], "'@Växjö");
    assert_eq!(cells[9], "-2", "attitude stays a number");
    assert_eq!(cells[13], "'+46");
    let project_row = text.lines().find(|l| l.contains("projekt")).unwrap();
    assert!(project_row.contains(";''=ÅÖ;"), "{project_row}");
    assert!(text.contains(";'-inga fler möten;"), "{text}");

    let relations = export_relations(&map, b',');
    assert!(relations.contains(",'-oenighet\r\n"), "{relations}");
    assert!(
        relations.contains(",\"'=HYPERLINK(\"\"http://x\"\")\","),
        "{relations}"
    );
}

#[test]
fn swedish_excel_sheet_imports_with_swedish_headers() {
    let map = empty_map();
    let (actors, _) = import_actors(&fixture("actors-excel-sv.csv"), &map, &mut counter()).unwrap();
    assert_eq!(actors.len(), 4, "the blank last row is skipped");
    let region = &actors[0];
    assert_eq!(region.id.as_str(), "gen-1");
    assert_eq!(region.name, "Region Jönköpings län");
    assert_eq!(region.short_name, "RJL");
    assert_eq!(region.sector.as_str(), "public_sector", "matched by label");
    assert_eq!(region.municipality, "Jönköping");
    assert_eq!(
        (region.influence, region.interest, region.attitude),
        (Some(5), Some(4), Some(1))
    );
    assert!(region.salience.power);
    assert_eq!(region.tags, ["kompetensråd", "vård"]);
    assert_eq!(region.notes, "Ansvarar för \"regional utveckling\"");
    assert_eq!((region.x, region.y), (12.5, -40.0));
    let university = &actors[1];
    assert_eq!(university.sector.as_str(), "education", "matched by id");
    assert_eq!(university.level, Level::Regional);
    assert_eq!((university.x, university.y), (0.0, 0.0));
    let network = &actors[2];
    assert_eq!(network.kind, ActorKind::Network);
    assert_eq!(network.level, Level::Local);
    assert_eq!(network.sector.as_str(), "business");
    assert_eq!(network.attitude, Some(-1));
    assert_eq!(
        network.notes,
        "Skeptiska till\r\nnya avgifter; vill ha \"färre\" möten"
    );
    let person = &actors[3];
    assert_eq!(person.name, "Åsa Öberg");
    assert_eq!(person.kind, ActorKind::Person);
    assert_eq!(person.sector.as_str(), "");
    assert_eq!(person.tags, ["ägare", "“eldsjäl”"]);
    assert_eq!((person.influence, person.interest), (Some(2), Some(4)));
}

#[test]
fn comma_sheet_imports_with_ids_and_quoted_commas() {
    let mut map = empty_map();
    map.add_actor(Actor::new("af".into(), "Redan här"));
    let (actors, _) = import_actors(&fixture("actors-comma.csv"), &map, &mut counter()).unwrap();
    let ids: Vec<&str> = actors.iter().map(|a| a.id.as_str()).collect();
    assert_eq!(ids, ["almi", "gen-1"], "a taken id is replaced");
    assert_eq!(actors[0].name, "Almi Företagspartner, Jönköping");
    assert_eq!(actors[0].sector.as_str(), "business");
    assert_eq!((actors[0].x, actors[0].y), (100.25, -3.5));
    assert!(actors[0].salience.power && actors[0].salience.legitimacy);
    assert!(!actors[0].salience.urgency);
    assert_eq!(actors[1].level, Level::National);
    assert_eq!(actors[1].notes, "Kontakt via \"Rusta och matcha\"");
}

#[test]
fn excel_sep_line_sets_the_separator() {
    // Without the `sep=` line the header's commas would win.
    let text = "sep=;\r\nname;a,b,c\r\nA, B, C;x\r\n";
    let (actors, _) = import_actors(text, &empty_map(), &mut counter()).unwrap();
    assert_eq!(actors.len(), 1);
    assert_eq!(actors[0].name, "A, B, C");
    let (_, report) =
        import_actors("sep=;\nname;influence\nX;0\n", &empty_map(), &mut counter()).unwrap();
    assert_eq!(
        report_lines(&report),
        ["row 3: influence not read: 0 is outside 1..5"],
        "the line counts the sep= line"
    );
}

#[test]
fn bad_rows_are_left_out_and_bad_cells_left_at_default_naming_line_and_column() {
    let (actors, report) =
        import_actors(&fixture("actors-errors.csv"), &empty_map(), &mut counter()).unwrap();
    let read: Vec<(&str, Option<i64>, &str, Vec<String>)> = actors
        .iter()
        .map(|a| {
            (
                a.name.as_str(),
                a.influence,
                a.sector.as_str(),
                a.tags.clone(),
            )
        })
        .collect();
    assert_eq!(
        read,
        [
            ("Almi\nFöretagspartner", None, "business", vec![]),
            ("Science Park", Some(3), "", vec!["Rymden".to_owned()]),
            ("Länsstyrelsen", Some(3), "", vec![]),
            ("Teknikcollege", None, "", vec![]),
        ]
    );
    assert_eq!(
        report_lines(&report),
        [
            "row 2: influence not read: 9 is outside 1..5",
            "row 4: sector \"Rymden\" kept as a tag",
            "row 5: left out: must not be empty",
            "row 6: attitude not read: -3 is outside -2..2",
            "row 7: influence not read: expected a whole number, found the text \"tre\"",
        ]
    );
    assert_eq!(
        (report.added_actors, report.skipped(), report.changed()),
        (4, 1, 4)
    );
}

#[test]
fn sheet_problems_are_reported_before_any_row() {
    let map = empty_map();
    assert_eq!(
        errors(import_actors("", &map, &mut counter())),
        ["the file is empty"]
    );
    assert_eq!(
        errors(import_actors("\u{feff}\r\n;;\r\n", &map, &mut counter())),
        ["the file is empty"]
    );
    assert_eq!(
        errors(import_actors(
            "kind;sector\nperson;\n",
            &map,
            &mut counter()
        )),
        ["row 1: the sheet has no \"name\" column"]
    );
    assert_eq!(
        import_actors("kind;sector\nperson;\n", &map, &mut counter()).unwrap_err()[0].reason,
        Reason::MissingColumn("name".into())
    );
    assert_eq!(
        errors(import_actors("Name;NAMN\nA;B\n", &map, &mut counter())),
        ["row 1, NAMN: the column \"NAMN\" repeats the column \"Name\""]
    );
    assert_eq!(
        import_actors("Name;NAMN\nA;B\n", &map, &mut counter()).unwrap_err()[0].reason,
        Reason::DuplicateColumn {
            column: "NAMN".into(),
            first: "Name".into()
        }
    );
    let (actors, report) = import_actors(
        "name,municipality\nKommunen,Habo,Mullsjö\nHabo,Habo\n",
        &map,
        &mut counter(),
    )
    .unwrap();
    assert_eq!(
        actors.len(),
        1,
        "the shifted row is left out, the next one kept"
    );
    assert_eq!(
        report_lines(&report),
        [
            "row 2: left out: the row has 3 cells but the header has 2 columns; \
          is a value with the separator in it not quoted?"
        ]
    );
    let (actors, report) =
        import_actors("name;kind;level\nA;robot;galaktisk\n", &map, &mut counter()).unwrap();
    assert_eq!(actors[0].tags, ["robot", "galaktisk"]);
    assert_eq!(
        (actors[0].kind, actors[0].level),
        (ActorKind::Organisation, Level::Regional)
    );
    assert_eq!(
        report_lines(&report),
        [
            "row 2: kind \"robot\" kept as a tag",
            "row 2: level \"galaktisk\" kept as a tag",
        ]
    );
}

#[test]
fn relations_round_trip_by_id_and_by_name() {
    let map = tricky_map();
    let text = export_relations(&map, b';');
    let (imported, _) = import_relations(&text, &map, &mut counter()).unwrap();
    let ids: Vec<&str> = imported.iter().map(|r| r.id.as_str()).collect();
    assert_eq!(ids, ["gen-1", "gen-2", "gen-3"], "the map has these ids");
    for (new, old) in imported.iter().zip(&map.relations) {
        assert_eq!(
            (
                &new.from,
                &new.to,
                new.kind,
                new.strength,
                new.directed,
                &new.note
            ),
            (
                &old.from,
                &old.to,
                old.kind,
                old.strength,
                old.directed,
                &old.note
            )
        );
    }

    // The actors imported again elsewhere get new ids; the names still find them.
    let mut elsewhere = without_actors(&map);
    for actor in import_actors(&export_actors(&map, b';'), &map, &mut counter())
        .unwrap()
        .0
    {
        elsewhere.add_actor(actor);
    }
    let (imported, _) = import_relations(&text, &elsewhere, &mut counter()).unwrap();
    assert_eq!(imported.len(), 3);
    assert_eq!(imported[0].id.as_str(), "r1");
    let name = |id: &ActorId| elsewhere.actor(id).unwrap().name.clone();
    assert_eq!(name(&imported[0].from), "Region Jönköpings län");
    assert_eq!(name(&imported[0].to), "Företagarna; Småland, norra");
    assert_eq!(name(&imported[1].to), "=HYPERLINK(\"http://x\")");
    assert_eq!(imported[0].note, "Regionala medel, \"RUM\"\n2027");
    for relation in imported {
        assert!(elsewhere.add_relation(relation));
    }
    assert_eq!(validate(&elsewhere), vec![]);
}

#[test]
fn relations_import_by_name_with_swedish_headers() {
    let mut map = empty_map();
    for actor in import_actors(&fixture("actors-excel-sv.csv"), &map, &mut counter())
        .unwrap()
        .0
    {
        map.add_actor(actor);
    }
    let (relations, _) =
        import_relations(&fixture("relations-sv.tsv"), &map, &mut counter()).unwrap();
    assert_eq!(relations.len(), 2);
    let name = |id: &ActorId| map.actor(id).unwrap().name.as_str();
    assert_eq!(name(&relations[0].from), "Region Jönköpings län");
    assert_eq!(name(&relations[0].to), "Högskolan i Jönköping");
    assert_eq!(relations[0].kind, RelationKind::Funding);
    assert_eq!((relations[0].strength, relations[0].directed), (3, true));
    assert_eq!(relations[0].note, "Regionala utvecklingsmedel");
    assert_eq!(name(&relations[1].to), "Åsa Öberg");
    assert_eq!(relations[1].kind, RelationKind::Membership);
    assert_eq!((relations[1].strength, relations[1].directed), (2, false));
}

#[test]
fn relation_rows_with_unknown_ambiguous_or_equal_ends_are_left_out() {
    let mut map = empty_map();
    map.add_actor(Actor::new("a".into(), "Almi"));
    map.add_actor(Actor::new("b".into(), "Science Park"));
    map.add_actor(Actor::new("c".into(), "science  park"));
    let text = "from;to;kind;strength\n\
                Almi;Okänd aktör;funding;2\n\
                a;Science Park;collaboration;1\n\
                a;almi;;\n\
                a;b;lobbying;4\n\
                ;b;;\n\
                a;c;Funding source;\n";
    let (relations, report) = import_relations(text, &map, &mut counter()).unwrap();
    assert_eq!(
        report_lines(&report),
        [
            "row 2: left out: no actor with id \"Okänd aktör\"",
            "row 3: left out: the name \"Science Park\" fits 2 actors; use the id instead",
            "row 4: left out: a relation must join two different actors",
            "row 5: kind \"lobbying\" kept in the note",
            "row 5: strength \"4\" kept in the note",
            "row 6: left out: must not be empty",
            "row 7: kind \"Funding source\" kept in the note",
        ]
    );
    let read: Vec<(&str, RelationKind, i64, &str)> = relations
        .iter()
        .map(|r| (r.to.as_str(), r.kind, r.strength, r.note.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (
                "b",
                RelationKind::Collaboration,
                2,
                "kind: lobbying\nstrength: 4"
            ),
            ("c", RelationKind::Funding, 2, "kind: Funding source"),
        ]
    );
    assert_eq!(
        errors(import_relations(
            "from;kind\na;funding\n",
            &map,
            &mut counter()
        )),
        ["row 1: the sheet has no \"to\" column"]
    );
    assert_eq!(
        import_relations("from;kind\na;funding\n", &map, &mut counter()).unwrap_err()[0].reason,
        Reason::MissingColumn("to".into())
    );
}

#[test]
fn a_kumu_connections_sheet_imports_onto_a_map_with_direction_and_unknown_types() {
    let mut map = empty_map();
    for name in ["Almi", "Science Park", "Region"] {
        map.add_actor(Actor::new(
            name.to_lowercase().replace(' ', "-").into(),
            name,
        ));
    }
    let text = "From,To,Type,Direction,Weight,Description\n\
                Almi,Science Park,Investor,directed,5,Seed money\n\
                Region,Almi,Investor,mutual,,\n\
                Region,Ryan,funding,undirected,2,\n\
                Science Park,Region,Membership,sideways,1,\n";
    let (relations, report) = import_relations(text, &map, &mut counter()).unwrap();
    assert_eq!(relations.len(), 3);
    let read: Vec<(RelationKind, bool, i64, &str)> = relations
        .iter()
        .map(|r| (r.kind, r.directed, r.strength, r.note.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (
                RelationKind::Collaboration,
                true,
                2,
                "Seed money\nType: Investor\nWeight: 5"
            ),
            (RelationKind::Collaboration, false, 2, "Type: Investor"),
            (RelationKind::Membership, false, 1, "Direction: sideways"),
        ]
    );
    let groups: Vec<(String, usize)> = report
        .groups()
        .iter()
        .map(|(outcome, places)| (format!("{outcome:?}"), places.len()))
        .collect();
    assert_eq!(
        groups[0],
        (
            "KeptInNote { column: \"Type\", value: \"Investor\" }".into(),
            2
        )
    );
    assert_eq!(
        report_lines(&report)[3],
        "row 4: left out: no actor with id \"Ryan\"",
        "reported by the name the sheet used"
    );
}

// ---- GraphML ----

/// A parsed XML element: the independent reading of what was written.
#[derive(Debug, Default)]
struct Element {
    name: String,
    attributes: BTreeMap<String, String>,
    children: Vec<Element>,
    text: String,
}

impl Element {
    fn all<'a>(&'a self, name: &'a str) -> impl Iterator<Item = &'a Element> + 'a {
        self.children.iter().filter(move |c| c.name == name)
    }

    fn attr(&self, name: &str) -> &str {
        self.attributes.get(name).map(String::as_str).unwrap_or("")
    }
}

fn start(event: &BytesStart) -> Element {
    let mut element = Element {
        name: event.name().as_ref().to_owned(),
        ..Element::default()
    };
    for attribute in event.attributes() {
        let attribute = attribute.expect("well-formed attribute");
        let key = attribute.key.as_ref().to_owned();
        let value = attribute
            .normalized_value(XmlVersion::Explicit1_0)
            .expect("attribute value");
        assert!(
            element.attributes.insert(key, value.into_owned()).is_none(),
            "attribute given twice"
        );
    }
    element
}

/// Parses `xml` strictly (end names checked) into its root element.
fn parse_xml(xml: &str) -> Element {
    let mut reader = Reader::from_str(xml);
    let mut stack = vec![Element::default()];
    loop {
        match reader.read_event().expect("well-formed XML") {
            Event::Start(e) => stack.push(start(&e)),
            Event::Empty(e) => stack.last_mut().unwrap().children.push(start(&e)),
            Event::End(_) => {
                let done = stack.pop().unwrap();
                stack.last_mut().unwrap().children.push(done);
            }
            Event::Text(t) => stack.last_mut().unwrap().text.push_str(&t.xml10_content()),
            Event::GeneralRef(r) => {
                let text = match r.resolve_char_ref().expect("character reference") {
                    Some(c) => c.to_string(),
                    None => resolve_predefined_entity(&r)
                        .expect("only predefined entities")
                        .to_owned(),
                };
                stack.last_mut().unwrap().text.push_str(&text);
            }
            Event::CData(_) | Event::DocType(_) => panic!("not written by the exporter"),
            Event::Eof => break,
            _ => {}
        }
    }
    assert_eq!(stack.len(), 1, "unclosed elements");
    let mut document = stack.pop().unwrap();
    assert_eq!(document.children.len(), 1, "one root element");
    document.children.pop().unwrap()
}

/// A parsed GraphML file: declared keys by id, and the data of each node and edge by
/// attribute name.
struct Graphml {
    keys: HashMap<String, (String, String, String)>,
    graph: Element,
    nodes: BTreeMap<String, HashMap<String, String>>,
    edges: Vec<(BTreeMap<String, String>, HashMap<String, String>)>,
}

fn read_graphml(xml: &str) -> Graphml {
    let root = parse_xml(xml);
    assert_eq!(root.name, "graphml");
    assert_eq!(root.attr("xmlns"), "http://graphml.graphdrawing.org/xmlns");
    let names: Vec<&str> = root.children.iter().map(|c| c.name.as_str()).collect();
    let graph_at = names.iter().position(|n| *n == "graph").expect("a graph");
    assert!(
        names[..graph_at].iter().all(|n| *n == "key") && graph_at == names.len() - 1,
        "keys first, then one graph: {names:?}"
    );
    let mut keys = HashMap::new();
    for key in root.all("key") {
        let declared = (
            key.attr("for").to_owned(),
            key.attr("attr.name").to_owned(),
            key.attr("attr.type").to_owned(),
        );
        assert!(
            ["string", "int", "double", "boolean"].contains(&declared.2.as_str()),
            "{declared:?}"
        );
        assert!(
            keys.insert(key.attr("id").to_owned(), declared).is_none(),
            "key declared twice"
        );
    }
    let graph = root.children.into_iter().last().unwrap();
    let data_of = |element: &Element, domain: &str| -> HashMap<String, String> {
        let mut data = HashMap::new();
        for item in element.all("data") {
            let (for_, name, _) = keys
                .get(item.attr("key"))
                .unwrap_or_else(|| panic!("undeclared key {}", item.attr("key")));
            assert_eq!(for_, domain, "key {name} used on a {domain}");
            assert!(data.insert(name.clone(), item.text.clone()).is_none());
        }
        data
    };
    let nodes = graph
        .all("node")
        .map(|n| (n.attr("id").to_owned(), data_of(n, "node")))
        .collect();
    let edges = graph
        .all("edge")
        .map(|e| (e.attributes.clone(), data_of(e, "edge")))
        .collect();
    data_of(&graph, "graph");
    Graphml {
        keys,
        graph,
        nodes,
        edges,
    }
}

fn graph_map() -> Map {
    let mut map = tricky_map();
    map.title = "Dialog <Småland> & \"Öland\"".into();
    let region = map.actor_mut(&"a1".into()).unwrap();
    region.name = "Kalle \"K\" <&> Åström".into();
    region.pinned = true;
    region.contacts = vec![
        Contact {
            name: "Eva Ek".into(),
            role: "VD".into(),
            email: "eva@example.se".into(),
            phone: String::new(),
        },
        Contact {
            name: "Per".into(),
            ..Contact::default()
        },
    ];
    // An id that needs escaping inside attributes, used by a relation end too.
    map.actor_mut(&"a4".into()).unwrap().id = "a4&\"<x>\"".into();
    map.relations[2].from = "a4&\"<x>\"".into();
    assert_eq!(validate(&map), vec![]);
    map
}

#[test]
fn graphml_reads_back_with_every_field_and_declared_keys() {
    let map = graph_map();
    let metrics = vec![
        (ActorId::from("a1"), 2, 0.5),
        (ActorId::from("a2"), 2, 0.666_666_666_666_666_6),
        (ActorId::from("a3"), 1, 0.0),
        (ActorId::from("a4&\"<x>\""), 1, 0.0),
    ];
    let xml = export_graphml(&map, Some(&metrics));
    let parsed = read_graphml(&xml);
    assert_eq!(parsed.graph.attr("edgedefault"), "undirected");
    assert_eq!(parsed.nodes.len(), 4);
    assert_eq!(parsed.edges.len(), 3);

    let region = &parsed.nodes["a1"];
    assert_eq!(region["name"], "Kalle \"K\" <&> Åström");
    assert_eq!(region["label"], "Kalle \"K\" <&> Åström");
    assert_eq!(
        region["notes"],
        "Ansvarar för “regional utveckling”; se \"RUS\".\nRad två\r\nRad tre"
    );
    assert_eq!(region["sector"], "public_sector");
    assert_eq!(region["sector_label"], "Offentlig sektor");
    assert_eq!(region["sector_color"], "#4e79a7");
    assert_eq!(region["tags"], "kompetensråd|vård");
    assert_eq!(region["contacts"], "Eva Ek, VD, eva@example.se\nPer");
    assert_eq!(region["influence"], "5");
    assert_eq!(region["attitude"], "2");
    assert_eq!(region["power"], "true");
    assert_eq!(region["urgency"], "false");
    assert_eq!(region["pinned"], "true");
    assert_eq!(region["x"].parse::<f64>().unwrap(), 12.5);
    assert_eq!(region["y"].parse::<f64>().unwrap(), -40.125);
    assert_eq!(region["degree"], "2");
    assert_eq!(
        parsed.nodes["a2"]["betweenness"].parse::<f64>().unwrap(),
        0.666_666_666_666_666_6
    );
    assert_eq!(parsed.nodes["a2"]["attitude"], "-1");
    assert_eq!(parsed.nodes["a2"]["x"].parse::<f64>().unwrap(), -0.0001);
    assert_eq!(parsed.nodes["a4&\"<x>\""]["name"], "Åsa Öberg's projekt");

    let types: HashMap<&str, &str> = parsed
        .keys
        .values()
        .filter(|(for_, _, _)| for_ == "node")
        .map(|(_, name, ty)| (name.as_str(), ty.as_str()))
        .collect();
    assert_eq!(types["name"], "string");
    assert_eq!(types["influence"], "int");
    assert_eq!(types["degree"], "int");
    assert_eq!(types["betweenness"], "double");
    assert_eq!(types["x"], "double");
    assert_eq!(types["power"], "boolean");
    assert_eq!(types["community"], "int");
    assert_eq!(types.len(), 24);
    for (id, community) in samverkan_model::community::communities(&map, 1.0) {
        assert_eq!(
            parsed.nodes[id.as_str()]["community"],
            community.to_string()
        );
    }

    let (funding_attrs, funding) = &parsed.edges[0];
    assert_eq!(funding_attrs["id"], "r1");
    assert_eq!(
        (
            funding_attrs["source"].as_str(),
            funding_attrs["target"].as_str()
        ),
        ("a1", "a2")
    );
    assert!(
        !funding_attrs.contains_key("directed"),
        "direction travels as data"
    );
    assert_eq!(funding["kind"], "funding");
    assert_eq!(funding["strength"], "3");
    assert_eq!(funding["weight"].parse::<f64>().unwrap(), 3.0);
    assert_eq!(funding["directed"], "true");
    assert_eq!(funding["note"], "Regionala medel, \"RUM\"\n2027");
    assert_eq!(parsed.edges[1].1["directed"], "false");
    assert_eq!(parsed.edges[2].0["source"], "a4&\"<x>\"");

    let graph_title = parsed
        .graph
        .all("data")
        .find(|d| parsed.keys[d.attr("key")].1 == "title")
        .unwrap();
    assert_eq!(graph_title.text, "Dialog <Småland> & \"Öland\"");
}

#[test]
fn graphml_without_metrics_declares_no_metric_keys_and_skips_dangling_relations() {
    let mut map = graph_map();
    map.relations
        .push(Relation::new("r9".into(), "a1".into(), "ghost".into()));
    let xml = export_graphml(&map, None);
    let parsed = read_graphml(&xml);
    assert!(parsed
        .keys
        .values()
        .all(|(_, name, _)| name != "degree" && name != "betweenness"));
    assert!(parsed.nodes.values().all(|d| !d.contains_key("degree")));
    assert_eq!(parsed.edges.len(), 3, "the relation to nobody is left out");

    let empty = export_graphml(&empty_map(), Some(&[]));
    let parsed = read_graphml(&empty);
    assert!(parsed.nodes.is_empty() && parsed.edges.is_empty());
    assert!(parsed.keys.values().all(|(for_, _, _)| for_ == "graph"));
}

#[test]
fn graphml_control_characters_do_not_break_the_file() {
    let mut map = empty_map();
    let mut actor = Actor::new("a".into(), "Bell\u{7}\u{0}Box");
    actor.notes = "tab\there".into();
    map.add_actor(actor);
    let xml = export_graphml(&map, None);
    assert!(!xml.contains('\u{7}') && !xml.contains('\u{0}'));
    let parsed = read_graphml(&xml);
    assert_eq!(parsed.nodes["a"]["name"], "Bell\u{fffd}\u{fffd}Box");
    assert_eq!(parsed.nodes["a"]["notes"], "tab\there");
}

// ---- Kumu ----

fn now() -> chrono::DateTime<chrono::Utc> {
    "2026-11-22T10:00:00Z".parse().unwrap()
}

fn by_name<'a>(map: &'a Map, name: &str) -> &'a Actor {
    map.actors
        .iter()
        .find(|a| a.name == name)
        .unwrap_or_else(|| panic!("no actor {name}"))
}

fn names(map: &Map, relation: &Relation) -> (String, String) {
    (
        map.actor(&relation.from).unwrap().name.clone(),
        map.actor(&relation.to).unwrap().name.clone(),
    )
}

/// The map survives the Samverkan file: written and read back unchanged.
fn assert_saves(map: &Map) {
    assert_eq!(validate(map), vec![]);
    let text = write_pretty(&Document::new(map.clone(), 0));
    let loaded = read_document(&text).expect("the imported map is a valid file");
    assert_eq!(&loaded.document.map, map);
}

#[test]
fn kumu_backup_imports_fields_types_directions_and_positions() {
    let (map, report) = import_kumu_json(
        &fixture("kumu-backup.json"),
        "",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_saves(&map);
    assert_eq!(map.id.as_str(), "gen-1");
    assert_eq!(map.title, "Kompetensförsörjning Kronoberg");
    assert_eq!(
        map.description,
        "Aktörer kring Teknikcollege och kompetensrådet"
    );
    assert_eq!(map.actors.len(), 5);

    let region = by_name(&map, "Region Kronoberg");
    assert_eq!(region.kind, ActorKind::Organisation);
    assert_eq!(region.sector.as_str(), "public_sector");
    assert_eq!(region.notes, "Regionalt utvecklingsansvar");
    assert_eq!(region.tags, ["kompetensråd", "offentlig"]);
    assert_eq!(
        (region.x, region.y, region.pinned),
        (120.5, -40.25, true),
        "from the default map"
    );
    let university = by_name(&map, "Linnéuniversitetet");
    assert_eq!(university.kind, ActorKind::Organisation);
    assert_eq!(university.tags, ["University"]);
    assert_eq!(university.notes, "website: https://lnu.se");
    assert_eq!((university.x, university.y), (-310.0, 75.0));
    let person = by_name(&map, "Eva Karlsson");
    assert_eq!(person.kind, ActorKind::Person);
    assert_eq!(person.notes, "role: Näringslivschef");
    assert_eq!((person.x, person.y, person.pinned), (0.0, 0.0, false));
    assert_eq!(
        by_name(&map, "Teknikcollege  Kronoberg").kind,
        ActorKind::Network
    );

    assert_eq!(map.relations.len(), 4);
    let [funding, partnership, board, personal] = &map.relations[..] else {
        unreachable!()
    };
    assert_eq!(
        names(&map, funding),
        ("Region Kronoberg".into(), "Linnéuniversitetet".into())
    );
    assert_eq!(
        (funding.kind, funding.directed, funding.note.as_str()),
        (RelationKind::Funding, true, "")
    );
    assert_eq!(partnership.kind, RelationKind::Collaboration);
    assert_eq!(partnership.strength, 3);
    assert!(!partnership.directed);
    assert_eq!(partnership.note, "connection type: Partnership agreement");
    assert_eq!(
        names(&map, board),
        ("Teknikcollege  Kronoberg".into(), "Eva Karlsson".into()),
        "a reversed arrow points the other way"
    );
    assert!(board.directed);
    assert_eq!(board.note, "Sitter i styrelsen");
    assert!(!personal.directed, "mutual reads as undirected");
    assert_eq!(personal.strength, 2);
    assert_eq!(
        personal.note,
        "connection type: Personal\nstrength: 8\n\ntrust: high"
    );
    assert_eq!(
        report_lines(&report),
        [
            "maps[0]: map \"Utkast\" not imported",
            "elements[1].attributes.label: type \"University\" kept as a tag",
            "connections[1]: connection type \"Partnership agreement\" kept in the note",
            "connections[3]: connection type \"Personal\" kept in the note",
            "connections[3]: strength \"8\" kept in the note",
        ]
    );
}

#[test]
fn kumu_blueprint_connects_by_label_or_id() {
    let (map, _) = import_kumu_json(
        &fixture("kumu-blueprint.json"),
        "Blueprint",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_saves(&map);
    assert_eq!(map.title, "Blueprint");
    let kinds: Vec<ActorKind> = map.actors.iter().map(|a| a.kind).collect();
    assert_eq!(
        kinds,
        [
            ActorKind::Organisation,
            ActorKind::Project,
            ActorKind::Project,
            ActorKind::Network
        ]
    );
    assert_eq!(map.actors[0].tags, ["finans"]);
    assert_eq!(map.actors[0].notes, "Finansiering och rådgivning");
    assert_eq!(map.actors[3].notes, "Medlemmar: 1200");
    let ends: Vec<(String, String)> = map.relations.iter().map(|r| names(&map, r)).collect();
    assert_eq!(
        ends,
        [
            ("Almi Företagspartner".into(), "UngKomp".into()),
            ("Företagarna".into(), "Almi Företagspartner".into()),
            ("UngKomp".into(), "Företagarna".into()),
        ]
    );
    assert_eq!(map.relations[0].to, map.actors[1].id, "by the element's id");
    assert_eq!(map.relations[2].from, map.actors[2].id);
    assert_eq!(map.relations[0].kind, RelationKind::Funding);
    assert_eq!(map.relations[0].note, "", "\"funds\" is a word for funding");
    assert_eq!(map.relations[1].kind, RelationKind::Information);
    assert!(map.relations[1].directed);
    assert_eq!(map.relations[1].note, "");
    assert_eq!(map.relations[2].kind, RelationKind::Membership);
}

#[test]
fn kumu_json_leaves_out_what_it_cannot_import_naming_the_path() {
    let import = |text: &str| import_kumu_json(text, "", &mut counter(), now(), palette());
    let text = r#"{
      "elements": [
        {"_id": "e1", "attributes": {"label": "UngKomp"}},
        {"_id": "e2", "attributes": {"label": "ungkomp"}},
        {"_id": "e3", "attributes": {"label": "  "}},
        {"_id": "e1", "attributes": {"label": "Kopia"}},
        "e5"
      ],
      "connections": [
        {"from": "e1", "to": "Ghost"},
        {"from": "UngKomp", "to": "e2"},
        {"from": "e2", "to": "e2"},
        {"to": "e1"}
      ]
    }"#;
    let (map, report) = import(text).unwrap();
    assert_eq!(
        report_lines(&report),
        [
            "elements[4]: left out: expected an object, found the text \"e5\"",
            "elements[2].attributes.label: left out: must not be empty",
            "elements[3]._id: left out: the id \"e1\" is used more than once",
            "connections[0].to: left out: no actor with id \"Ghost\"",
            "connections[1].from: left out: the name \"UngKomp\" fits 2 actors; use the id instead",
            "connections[2].to: left out: a relation must join two different actors",
            "connections[3].from: left out: must not be empty",
        ]
    );
    assert_eq!(map.actors.len(), 2);
    assert!(map.relations.is_empty());
    assert_saves(&map);
    assert_eq!(
        problems(import(r#"{"nodes": []}"#)),
        ["not a Kumu file (it needs an \"elements\" or a \"connections\" list)"]
    );
    assert_eq!(
        import(r#"{"nodes": []}"#).unwrap_err(),
        [Problem::new("", Reason::NotKumu)]
    );
    assert_eq!(
        problems(import(r#"{"elements": {"label": "A"}}"#)),
        ["elements: expected a list, found an object"]
    );
    assert_eq!(
        import(r#"{"elements": 7}"#).unwrap_err()[0].reason,
        Reason::WrongType {
            expected: Expected::List,
            found: Some(Found::Number("7".into()))
        }
    );
    assert_eq!(
        import("{\"elements\": [").unwrap_err()[0].reason,
        Reason::NotJson {
            line: 1,
            column: 14,
            kind: JsonError::Eof
        }
    );
}

#[test]
fn kumu_sheets_import_with_pipes_and_extra_columns() {
    let (map, _) = import_kumu_csv(
        &fixture("kumu-elements.csv"),
        Some(&fixture("kumu-connections.csv")),
        "Jönköping",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_saves(&map);
    assert_eq!(map.actors.len(), 4);
    let university = by_name(&map, "Jönköping University");
    assert_eq!(
        university.notes,
        "Högskola med fyra fackhögskolor, bl.a. JTH"
    );
    assert_eq!(university.tags, ["Utbildning", "Forskning"]);
    let park = by_name(&map, "Science Park");
    assert_eq!(park.kind, ActorKind::Organisation);
    assert_eq!(park.tags, ["Innovation", "Company"]);
    assert_eq!(park.notes, "Inkubator, \"Science Park Jönköping\"");
    let anna = by_name(&map, "Anna Berg");
    assert_eq!(anna.kind, ActorKind::Person);
    assert_eq!(anna.notes, "Organization: Jönköping University");
    assert_eq!(by_name(&map, "Kompetensrådet").kind, ActorKind::Network);

    let ends: Vec<(String, String)> = map.relations.iter().map(|r| names(&map, r)).collect();
    assert_eq!(
        ends,
        [
            ("Anna Berg".into(), "Jönköping University".into()),
            ("Anna Berg".into(), "Science Park".into()),
            ("Jönköping University".into(), "Kompetensrådet".into()),
            ("Science Park".into(), "Kompetensrådet".into()),
        ]
    );
    let employment = &map.relations[0];
    assert_eq!(employment.kind, RelationKind::Collaboration);
    assert_eq!(
        employment.note,
        "connection type: Employment\nstrength: Strong"
    );
    assert_eq!(map.relations[1].note, employment.note);
    let member = &map.relations[2];
    assert_eq!(member.kind, RelationKind::Membership);
    assert_eq!((member.strength, member.directed), (2, true));
    assert!(!map.relations[3].directed);

    let (alone, _) = import_kumu_csv(
        &fixture("kumu-elements.csv"),
        None,
        "",
        &mut counter(),
        now(),
        vec![],
    )
    .unwrap();
    assert_eq!(alone.title, "Kumu");
    assert!(alone.relations.is_empty());
    assert!(
        alone.council.required_sectors.is_empty(),
        "no requirement for a sector the palette lacks"
    );
    assert_saves(&alone);
}

#[test]
fn kumu_sheets_leave_out_rows_naming_row_and_column() {
    let import = |elements: &str, connections: Option<&str>| {
        import_kumu_csv(elements, connections, "", &mut counter(), now(), palette())
    };
    let elements = "Label;Type\nAlmi;Organization\n;Person\nAlmi;Project\nScience Park;\n";
    let connections = "From;To\nScience Park;Ingen|Almi\nScience Park;Almi|Science Park\n";
    let (map, report) = import(elements, Some(connections)).unwrap();
    assert_eq!(map.actors.len(), 3);
    assert_eq!(
        report_lines(&report),
        [
            "row 3: left out: must not be empty",
            "row 2: left out: no actor with id \"Ingen\"",
            "row 3: left out: the name \"Almi\" fits 2 actors; use the id instead",
        ]
    );
    assert_eq!(
        problems(import("Type\nPerson\n", Some("From\nA\n"))),
        [
            "elements row 1: the sheet has no \"label\" column",
            "connections row 1: the sheet has no \"to\" column",
        ]
    );
    assert_eq!(problems(import("", None)), ["elements: the file is empty"]);
}

#[test]
fn a_kumu_connections_sheet_alone_brings_its_elements() {
    let sheet = "From,To,Type,Direction,Strength\n\
                 Almi,Science Park,Investor,directed,3\n\
                 Region,Almi|Science Park,Investor,mutual,\n\
                 region,Högskolan,+,,\n";
    let (map, report) = import_kumu_csv(sheet, None, "", &mut counter(), now(), palette()).unwrap();
    assert_saves(&map);
    let names: Vec<&str> = map.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(names, ["Almi", "Science Park", "Region", "Högskolan"]);
    assert_eq!(map.relations.len(), 4);
    assert!(map.relations[0].directed && !map.relations[1].directed);
    assert_eq!(map.relations[0].strength, 3);
    assert_eq!(
        report_lines(&report),
        [
            "4 actors made from the connections' ends",
            "row 2: connection type \"Investor\" kept in the note",
            "row 3: connection type \"Investor\" kept in the note",
            "row 4: connection type \"+\" kept in the note",
        ]
    );
    assert_eq!((report.added_actors, report.added_relations), (4, 4));
}

// ---- real-world shapes ----

/// An actor's name and where a Kumu map puts it: x, y, pinned.
type Placed = (String, f64, f64, bool);

/// An actor's name and its three ratings.
type Rated<'a> = (&'a str, Option<i64>, Option<i64>, Option<i64>);

fn rated(actors: &[Actor]) -> Vec<Rated<'_>> {
    actors
        .iter()
        .map(|a| (a.name.as_str(), a.influence, a.interest, a.attitude))
        .collect()
}

/// What an import came to, for comparing in one assertion: counts and the report's lines.
fn summary(report: &ImportReport) -> (usize, usize, usize, usize, Vec<String>) {
    (
        report.added_actors,
        report.added_relations,
        report.skipped(),
        report.changed(),
        report_lines(report),
    )
}

#[test]
fn a_kumu_project_with_loops_several_maps_and_html_comes_in_with_everything_reported() {
    let (map, report) = import_kumu_json(
        &fixture("kumu-project-loops-maps.json"),
        "",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_saves(&map);
    assert_eq!(map.title, "Klimatomställning Kalmar län");
    assert_eq!(
        map.description,
        "Aktörer i omställningen & deras kopplingar"
    );
    let region = by_name(&map, "Region Kalmar län");
    assert_eq!(region.notes, "Regionalt utvecklingsansvar\nRUS\nKlimatråd");
    assert_eq!(
        region.tags,
        ["Agriculture, Forestry, and Other Land Use", "offentlig"],
        "a tag with commas stays one tag"
    );
    assert_eq!(
        (region.x, region.y, region.pinned),
        (-100.0, 40.0, true),
        "positions from the default map"
    );
    assert_eq!(region.influence, None, "Kumu has no ratings: unrated");
    // Every Kumu map is offered, with its positions for the imported actors.
    let views: Vec<(&str, bool, Vec<Placed>)> = report
        .views
        .iter()
        .map(|v| {
            let placed = v
                .placements
                .iter()
                .map(|p| (map.actor(&p.id).unwrap().name.clone(), p.x, p.y, p.pinned))
                .collect();
            (v.name.as_str(), v.used, placed)
        })
        .collect();
    assert_eq!(
        views,
        [
            (
                "Översikt",
                false,
                vec![("Region Kalmar län".to_owned(), 10.0, 20.0, false)]
            ),
            (
                "Workshop mars",
                true,
                vec![
                    ("Region Kalmar län".to_owned(), -100.0, 40.0, true),
                    ("Linnéuniversitetet".to_owned(), 200.5, -60.0, false)
                ]
            ),
            ("Skog", false, vec![]),
        ]
    );
    assert_eq!(map.relations.len(), 3);
    assert_eq!(
        map.relations[2].note, "Forskningsdata om skog",
        "HTML in a connection's description is made plain"
    );
    assert_eq!(
        summary(&report),
        (
            4,
            3,
            3,
            3,
            vec![
                "maps[0]: map \"Översikt\" not imported".to_owned(),
                "maps[2]: map \"Skog\" not imported".to_owned(),
                "loops[0]: loop \"Förtroendeloopen\" not imported".to_owned(),
                "loops[1]: loop \"Investeringsspiralen\" not imported".to_owned(),
                "elements[1].attributes.label: type \"Government agency\" kept as a tag".to_owned(),
                "elements[2].attributes.label: type \"Company\" kept as a tag".to_owned(),
                "elements[2].attributes.label: sector \"Skogsbruk\" kept as a tag".to_owned(),
                "elements[4].attributes.label: left out: must not be empty".to_owned(),
                "connections[0]: connection type \"Reinforcing\" kept in the note".to_owned(),
                "connections[0]: strength \"0.8\" kept in the note".to_owned(),
                "connections[2].to: left out: no actor with id \"el-9\"".to_owned(),
                "connections[3].from: left out: no actor with id \"Ryan\"".to_owned(),
            ]
        )
    );
}

#[test]
fn a_kumu_connections_sheet_with_direction_and_unknown_types_imports_every_row_it_can() {
    let (map, report) = import_kumu_csv(
        &fixture("kumu-connections-only.csv"),
        None,
        "Kopplingar",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_saves(&map);
    let names: Vec<&str> = map.actors.iter().map(|a| a.name.as_str()).collect();
    assert_eq!(
        names,
        [
            "Region Kalmar län",
            "Länsstyrelsen Kalmar",
            "Södra Skogsägarna",
            "Linnéuniversitetet",
            "Okänd partner"
        ]
    );
    let read: Vec<(bool, i64, &str)> = map
        .relations
        .iter()
        .map(|r| (r.directed, r.strength, r.note.as_str()))
        .collect();
    assert_eq!(
        read,
        [
            (
                false,
                2,
                "Gemensam klimatplan\nconnection type: Reinforcing\nstrength: 0.8"
            ),
            (true, 3, "connection type: Investor"),
            (true, 2, ""),
            (true, 2, "connection type: Investor"),
        ]
    );
    assert_eq!(
        summary(&report),
        (
            5,
            4,
            1,
            3,
            vec![
                "5 actors made from the connections' ends".to_owned(),
                "row 2: connection type \"Reinforcing\" kept in the note".to_owned(),
                "row 2: strength \"0.8\" kept in the note".to_owned(),
                "row 3: connection type \"Investor\" kept in the note".to_owned(),
                "row 5: connection type \"Investor\" kept in the note".to_owned(),
                "row 6: left out: a relation must join two different actors".to_owned(),
            ]
        )
    );
}

#[test]
fn swedish_and_english_stakeholder_registers_import_with_ratings_in_words() {
    let (actors, report) =
        import_actors(&fixture("register-sv.csv"), &empty_map(), &mut counter()).unwrap();
    assert_eq!(
        rated(&actors),
        [
            ("Region Kalmar län", Some(5), Some(5), Some(1)),
            ("Länsstyrelsen Kalmar", Some(5), Some(3), Some(0)),
            ("Södra Skogsägarna", Some(3), Some(1), Some(-1)),
            ("Kalmar kommun", Some(1), Some(5), None),
        ]
    );
    assert_eq!(actors[0].notes, "Sammankallande", "Kommentar is the notes");
    assert_eq!(actors[2].notes, "Skeptiska; vill ha \"mer\" dialog");
    assert_eq!(actors[2].tags, ["Förening", "Skogsbruk"]);
    assert_eq!(
        summary(&report),
        (
            4,
            0,
            1,
            2,
            vec![
                "row 3: Typ \"Myndighet\" kept as a tag".to_owned(),
                "row 4: Typ \"Förening\" kept as a tag".to_owned(),
                "row 4: Sektor \"Skogsbruk\" kept as a tag".to_owned(),
                "row 6: left out: must not be empty".to_owned(),
            ]
        )
    );

    let (actors, report) =
        import_actors(&fixture("register-en.csv"), &empty_map(), &mut counter()).unwrap();
    assert_eq!(
        rated(&actors),
        [
            ("Småland Innovation", Some(5), Some(5), Some(1)),
            ("IKEA of Sweden", Some(4), Some(1), Some(0)),
            ("Kalmar Energi", Some(1), Some(3), Some(-1)),
            ("Växjö Energi", None, None, None),
        ]
    );
    assert_eq!(actors[0].notes, "Role: Network");
    assert_eq!(
        summary(&report),
        (
            4,
            0,
            0,
            1,
            vec![
                "row 1: Influence (1-10) scaled from 1–10 to 1–5".to_owned(),
                "row 1: column \"Role\" kept in the notes".to_owned(),
                "row 5: Influence (1-10) not read: expected a whole number, found the text \"eleven\"".to_owned(),
            ]
        )
    );
}

#[test]
fn the_engagement_log_and_an_invitation_list_export_as_sheets() {
    use samverkan_model::engagement::{FollowUp, Interaction, InteractionKind};
    let now = "2026-11-23T10:00:00Z".parse().unwrap();
    let mut map =
        samverkan_model::Map::new("m".into(), "Dialog", now, default_sectors(str::to_owned));
    let mut region = samverkan_model::Actor::new("a".into(), "Region Kronoberg");
    region.contacts = vec![
        samverkan_model::Contact {
            name: "Karin Åström".into(),
            email: "karin@kronoberg.se".into(),
            ..Default::default()
        },
        samverkan_model::Contact {
            name: "Jöns Ek".into(),
            email: "jons@kronoberg.se".into(),
            ..Default::default()
        },
    ];
    map.add_actor(region);
    map.add_actor(samverkan_model::Actor::new("b".into(), "=Almi"));
    map.interactions.push(Interaction {
        id: "i1".into(),
        actors: vec!["a".into(), "b".into()],
        date: "2026-10-05".parse().unwrap(),
        kind: InteractionKind::Dialogue,
        summary: "Regional dialog; behov av lokaler".into(),
        needs: vec!["Lokaler".into(), "Handledare".into()],
        follow_up: Some(FollowUp {
            title: "Skicka underlag".into(),
            due: "2026-11-01".parse().unwrap(),
            status: Default::default(),
        }),
        invited: vec!["a".into(), "b".into()],
        attended: vec!["a".into()],
    });
    let sheet = samverkan_model::formats::csv::export_interactions(&map, b';');
    let lines: Vec<&str> = sheet.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(lines[0], "id;date;kind;actors;actor_ids;summary;needs;follow_up;follow_up_due;follow_up_status;invited;attended");
    assert_eq!(
        lines[1],
        "i1;2026-10-05;dialogue;Region Kronoberg | =Almi;a|b;\"Regional dialog; behov av lokaler\";Lokaler|Handledare;Skicka underlag;2026-11-01;planned;Region Kronoberg | =Almi;Region Kronoberg"
    );
    let invitations =
        samverkan_model::formats::csv::export_invitations(&map, &map.interactions[0], b',');
    let rows: Vec<&str> = invitations.trim_start_matches('\u{feff}').lines().collect();
    assert_eq!(
        rows,
        [
            "name,contact,email,attended",
            "Region Kronoberg,Karin Åström,karin@kronoberg.se,true",
            "Region Kronoberg,Jöns Ek,jons@kronoberg.se,true",
            "'=Almi,,,false",
        ]
    );
}

/// Kumu's own export of a project as two sheets: the connections sheet (`From,To,Label,…`
/// and the element columns after them) is a connections sheet, alone or after the
/// elements sheet, which it then goes onto.
#[test]
fn kumu_project_export_imports_as_one_map_from_either_sheet() {
    let connections = fixture("kumu-project-connections.csv");
    let (alone, report) = import_kumu_csv(
        &connections,
        None,
        "Västerbotten",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_saves(&alone);
    assert_eq!((alone.actors.len(), alone.relations.len()), (34, 49));
    assert_eq!(report.skipped(), 0);

    let (mut map, _) = import_kumu_csv(
        &fixture("kumu-project-elements.csv"),
        None,
        "Västerbotten",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_eq!((map.actors.len(), map.relations.len()), (34, 0));
    assert_eq!(connection_ends_known(&connections, &map), (34, 34));
    let mut ids = counter();
    let mut second = || format!("second-{}", ids());
    let (actors, relations, report) =
        import_kumu_connections_onto(&connections, &map, &mut second).unwrap();
    assert_eq!((actors.len(), relations.len()), (0, 49));
    assert_eq!(report.skipped(), 0);
    map.relations.extend(relations);
    assert_saves(&map);
    let opera = by_name(&map, "Norrlandsoperan").id.clone();
    assert!(map
        .relations
        .iter()
        .any(|r| r.from == opera || r.to == opera));
    // A sheet naming elements the map lacks brings them along.
    let other = empty_map();
    assert_eq!(connection_ends_known(&connections, &other), (0, 34));
    let (actors, relations, _) =
        import_kumu_connections_onto(&connections, &other, &mut counter()).unwrap();
    assert_eq!((actors.len(), relations.len()), (34, 49));
}

/// A stakeholder register whose name column nobody filled: the first column that most rows
/// fill with text names the actors, and the preview and the report say so.
#[test]
fn a_register_with_an_empty_name_column_takes_names_from_the_next_filled_one() {
    let text = fixture("register-empty-name.csv");
    let preview = preview_actors(&text).unwrap();
    assert_eq!(
        preview.names_from,
        Some(("Organization".to_owned(), "Role".to_owned()))
    );
    let role = preview.headers.iter().position(|h| h == "Role").unwrap();
    assert_eq!(preview.fields[role].as_deref(), Some("name"));
    let (actors, report) = import_actors(&text, &empty_map(), &mut counter()).unwrap();
    assert_eq!(actors.len(), 7);
    assert_eq!(actors[0].name, "Regionutvecklare kompetensförsörjning");
    assert!(report.notes.iter().any(|n| matches!(
        &n.outcome,
        Outcome::NamesFrom { empty, used } if empty == "Organization" && used == "Role"
    )));
}

/// A French Kumu blueprint keeps HTML in its custom fields as in its descriptions: every
/// note comes out plain, links kept as text.
#[test]
fn kumu_html_in_custom_fields_becomes_plain_text() {
    let (map, _) = import_kumu_json(
        &fixture("kumu-blueprint-fr.json"),
        "",
        &mut counter(),
        now(),
        palette(),
    )
    .unwrap();
    assert_saves(&map);
    assert_eq!(map.actors.len(), 12);
    for actor in &map.actors {
        assert!(
            !actor.notes.contains('<'),
            "{}: {}",
            actor.name,
            actor.notes
        );
        assert!(!actor.notes.contains("&nbsp;") && !actor.notes.contains("&amp;"));
    }
    let region = by_name(&map, "Région Occitanie");
    assert!(region.notes.contains("Acteur clé de la formation"));
    assert!(region.notes.contains("Financement des formations"));
    assert!(region
        .notes
        .contains("Voir le guide (https://example.org/leviers/0)"));
    assert!(region.notes.contains("Équipe de 2 personnes & budget"));
}
