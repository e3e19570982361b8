//! Property: any actor or relation sheet the lenient importer takes in comes back the same
//! through export and import again, with nothing more to report the second time.

use proptest::prelude::*;
use samverkan_model::formats::csv::{
    export_actors, export_relations, import_actors, import_relations,
};
use samverkan_model::sector::default_sectors;
use samverkan_model::{Actor, Map};

fn empty_map() -> Map {
    Map::new(
        "m".into(),
        "Karta",
        chrono::Utc::now(),
        default_sectors(|id| format!("Sektor {id}")),
    )
}

/// Cells people write: valid words, words no field knows, numbers in and out of range,
/// separators, quotes, line breaks and pipes inside text.
fn cell() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        prop::sample::select(vec![
            "person",
            "Nätverk",
            "robot",
            "regional",
            "galaktisk",
            "business",
            "Rymden",
            "Hög",
            "low",
            "Medel",
            "ja",
            "kanske",
            "−1",
            "3,0",
            "12",
            "0",
            "7",
            "a|b",
            "=1+2",
        ])
        .prop_map(str::to_owned),
        (0i64..12).prop_map(|n| n.to_string()),
        "[a-zåäö ;,\"|\n-]{0,12}",
    ]
}

fn header() -> impl Strategy<Value = Vec<String>> {
    let fields = vec![
        "Stakeholder",
        "kind",
        "Sektor",
        "level",
        "Influence",
        "Intresse",
        "attitude",
        "power",
        "tags",
        "notes",
        "x",
    ];
    prop::sample::subsequence(fields, 1..=11).prop_map(|mut columns| {
        if !columns.contains(&"Stakeholder") {
            columns.insert(0, "Stakeholder");
        }
        columns.into_iter().map(str::to_owned).collect()
    })
}

/// A sheet as text: the header, then rows of cells (quoted when they need it).
fn sheet(sep: char) -> impl Strategy<Value = String> {
    header().prop_flat_map(move |header| {
        let width = header.len();
        prop::collection::vec(prop::collection::vec(cell(), width), 0..8).prop_map(move |rows| {
            let quote = |c: &String| {
                if c.contains([sep, '"', '\n']) {
                    format!("\"{}\"", c.replace('"', "\"\""))
                } else {
                    c.clone()
                }
            };
            let line = |cells: &Vec<String>| {
                cells
                    .iter()
                    .map(quote)
                    .collect::<Vec<_>>()
                    .join(&sep.to_string())
            };
            let mut text = line(&header);
            for row in &rows {
                text.push('\n');
                text.push_str(&line(row));
            }
            text
        })
    })
}

fn counter() -> impl FnMut() -> String {
    let mut n = 0;
    move || {
        n += 1;
        format!("gen-{n}")
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn an_accepted_actor_sheet_round_trips_through_export(text in sheet(';')) {
        let map = empty_map();
        let Ok((actors, _)) = import_actors(&text, &map, &mut counter()) else {
            return Ok(());
        };
        let mut imported = map.clone();
        for actor in actors.iter().cloned() {
            imported.add_actor(actor);
        }
        let exported = export_actors(&imported, b';');
        let (again, report) = import_actors(&exported, &map, &mut counter()).unwrap();
        prop_assert_eq!(&again, &actors);
        prop_assert!(report.notes.is_empty(), "reported again: {:?}", report.notes);

        // Relations between them too, by name.
        let names: Vec<&Actor> = actors.iter().filter(|a| !a.name.is_empty()).collect();
        if names.len() >= 2 {
            let relations = format!(
                "from_name;to_name;type\n\"{}\";\"{}\";Investor\n",
                names[0].name.replace('"', "\"\""),
                names[1].name.replace('"', "\"\"")
            );
            let (read, _) = import_relations(&relations, &imported, &mut counter()).unwrap();
            let mut with_relations = imported.clone();
            for relation in read.iter().cloned() {
                with_relations.relations.push(relation);
            }
            let exported = export_relations(&with_relations, b',');
            let (again, report) = import_relations(&exported, &imported, &mut counter()).unwrap();
            prop_assert_eq!(&again, &read);
            prop_assert!(report.notes.is_empty(), "reported again: {:?}", report.notes);
        }
    }
}
