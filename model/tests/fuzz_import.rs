//! Fuzzing the importer: no input panics it; what it accepts is a valid map that reads back,
//! and the same whether it was read straight from the text or through a JSON value.

mod common;

use proptest::prelude::*;
use proptest::sample::Index;
use samverkan_model::actor::COORDINATE_LIMIT;
use samverkan_model::io::collection::read_any;
use samverkan_model::io::{
    checked, parse_json, read_document, read_value, write_compact, Document,
};
use samverkan_model::validate::validate;
use samverkan_model::{Expected, JsonError, Reason};
use serde_json::Value;
use std::ops::Range;
use std::sync::LazyLock;

/// The realistic map every mutation starts from.
static FIXTURE: LazyLock<String> = LazyLock::new(|| {
    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/json/v1-full.samverkan.json"
    );
    std::fs::read_to_string(path).expect("the v1-full fixture")
});

static FIXTURE_VALUE: LazyLock<Value> = LazyLock::new(|| serde_json::from_str(&FIXTURE).unwrap());

/// JSON pointers to every node of the fixture, the root included.
static NODES: LazyLock<Vec<String>> = LazyLock::new(|| {
    fn walk(value: &Value, at: String, out: &mut Vec<String>) {
        match value {
            Value::Array(items) => items
                .iter()
                .enumerate()
                .for_each(|(i, v)| walk(v, format!("{at}/{i}"), out)),
            Value::Object(fields) => fields
                .iter()
                .for_each(|(k, v)| walk(v, format!("{at}/{k}"), out)),
            _ => {}
        }
        out.push(at);
    }
    let mut out = Vec::new();
    walk(&FIXTURE_VALUE, String::new(), &mut out);
    out
});

/// Cases per property. Each case reads a 19 KB map about twice in a debug build; this
/// keeps the file at a few seconds on two shared cores. `PROPTEST_CASES` runs more.
fn config() -> ProptestConfig {
    common::proptest_config(512)
}

/// The importer's contract for any text: no panic (the property itself), an accepted
/// document is valid, sane and survives a round trip, and a refusal says why.
fn check(text: &str) -> Result<(), TestCaseError> {
    // A current file is read straight from its text; whatever that accepts, the general
    // path through a JSON value and the migrations reads the same.
    let general = parse_json(text)
        .map_err(|problem| vec![problem])
        .and_then(read_value)
        .and_then(checked);
    prop_assert_eq!(read_document(text), general);
    match read_document(text) {
        Ok(loaded) => {
            let map = &loaded.document.map;
            prop_assert_eq!(validate(map), vec![]);
            for actor in &map.actors {
                prop_assert!(
                    actor.x.is_finite() && actor.x.abs() <= COORDINATE_LIMIT,
                    "x = {}",
                    actor.x
                );
                prop_assert!(
                    actor.y.is_finite() && actor.y.abs() <= COORDINATE_LIMIT,
                    "y = {}",
                    actor.y
                );
            }
            let again = read_document(&write_compact(&loaded.document));
            let again = again.map_err(|p| {
                TestCaseError::fail(format!("the accepted map does not read back: {p:?}"))
            })?;
            prop_assert_eq!(again.repaired_positions, 0);
            prop_assert_eq!(
                without_float_drift(&again.document, &loaded.document),
                loaded.document
            );
        }
        Err(problems) => {
            prop_assert!(!problems.is_empty(), "refused without a reason");
            for problem in &problems {
                prop_assert!(!problem.to_string().trim().is_empty());
                // Every serde and serde_json error is understood, not passed on as "other":
                // the UI words reasons in Swedish from their structure alone.
                let vague = matches!(
                    problem.reason,
                    Reason::WrongType {
                        expected: Expected::Other,
                        ..
                    } | Reason::NotJson {
                        kind: JsonError::Other,
                        ..
                    }
                );
                prop_assert!(
                    !vague,
                    "a reason the reader did not understand: {problem:?}"
                );
                let path = &problem.path;
                let known = ["map", "format", "version", "revision"].iter().any(|top| {
                    path == top
                        || path.starts_with(&format!("{top}."))
                        || path.starts_with(&format!("{top}["))
                });
                prop_assert!(
                    path.is_empty() || known,
                    "a path outside the document: {path:?}"
                );
            }
        }
    }
    // The "all maps" reader shares the parser but has its own envelope handling.
    let _ = read_any(text);
    Ok(())
}

/// `read` with its coordinates taken from `original` when they differ by at most one unit
/// in the last place: serde_json's default float parser may drift that far (a known bug,
/// see io.rs `a_coordinate_survives_write_and_read_bit_for_bit`), and this property is
/// about everything else.
fn without_float_drift(read: &Document, original: &Document) -> Document {
    let mut read = read.clone();
    for (a, b) in read.map.actors.iter_mut().zip(&original.map.actors) {
        for (x, y) in [(&mut a.x, b.x), (&mut a.y, b.y)] {
            if x.to_bits().abs_diff(y.to_bits()) <= 1 {
                *x = y;
            }
        }
    }
    read
}

// ---------------------------------------------------------------------------------------
// Where in the text a mutation can act

/// Byte ranges of number tokens and of string values (quotes included) outside strings.
/// The scan is forgiving, since it runs on already-mutated text too.
fn tokens(text: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    let bytes = text.as_bytes();
    let (mut numbers, mut strings) = (Vec::new(), Vec::new());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'"' => {
                let start = i;
                i += 1;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = (i + 1).min(bytes.len());
                let next = bytes[end..].iter().find(|b| !b.is_ascii_whitespace());
                if next != Some(&b':') {
                    strings.push(start..end);
                }
                i = end;
            }
            b'-' | b'0'..=b'9' => {
                let start = i;
                while i < bytes.len()
                    && matches!(bytes[i], b'-' | b'+' | b'.' | b'e' | b'E' | b'0'..=b'9')
                {
                    i += 1;
                }
                numbers.push(start..i);
            }
            _ => i += 1,
        }
    }
    (numbers, strings)
}

/// The char boundary at or before `at`.
fn boundary(text: &str, mut at: usize) -> usize {
    at = at.min(text.len());
    while !text.is_char_boundary(at) {
        at -= 1;
    }
    at
}

#[derive(Clone, Debug)]
enum Mutation {
    Delete { at: Index, len: usize },
    Insert { at: Index, text: String },
    Swap { at: Index, with: char },
    Truncate { at: Index },
    Number { which: Index, text: String },
    StringValue { which: Index, text: String },
}

impl Mutation {
    fn apply(&self, text: &mut String) {
        let len = text.len();
        match self {
            Mutation::Delete { at, len: n } => {
                let start = boundary(text, at.index(len + 1));
                let end = boundary(text, start + n);
                text.replace_range(start..end, "");
            }
            Mutation::Insert { at, text: new } => {
                let at = boundary(text, at.index(len + 1));
                text.insert_str(at, new);
            }
            Mutation::Swap { at, with } => {
                if len > 0 {
                    let start = boundary(text, at.index(len));
                    let end = start + text[start..].chars().next().map_or(0, char::len_utf8);
                    text.replace_range(start..end, with.encode_utf8(&mut [0; 4]));
                }
            }
            Mutation::Truncate { at } => {
                let at = boundary(text, at.index(len + 1));
                text.truncate(at);
            }
            Mutation::Number { which, text: new } => {
                let (numbers, _) = tokens(text);
                if !numbers.is_empty() {
                    text.replace_range(numbers[which.index(numbers.len())].clone(), new);
                }
            }
            Mutation::StringValue { which, text: new } => {
                let (_, strings) = tokens(text);
                if !strings.is_empty() {
                    text.replace_range(strings[which.index(strings.len())].clone(), new);
                }
            }
        }
    }
}

/// Characters that matter to a JSON parser, mixed with any character at all.
fn json_char() -> impl Strategy<Value = char> {
    prop_oneof![
        3 => prop::sample::select(vec![
            '{', '}', '[', ']', '"', ':', ',', '\\', '-', '+', '.', '0', '9', 'e', 'E', ' ', '\n', 'n', 'u', 'l', 't', 'f',
        ]),
        1 => any::<char>(),
    ]
}

/// A number's replacement: huge, negative, fractional, out of any range, or not a number.
fn number_text() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<i64>().prop_map(|n| n.to_string()),
        any::<u64>().prop_map(|n| n.to_string()),
        any::<f64>().prop_map(|f| f.to_string()),
        any::<f64>().prop_map(|f| format!("{f:e}")),
        (1usize..400).prop_map(|n| "9".repeat(n)),
        (1usize..400).prop_map(|n| format!("-{}", "9".repeat(n))),
        (any::<i32>(), any::<i16>()).prop_map(|(m, e)| format!("{m}e{e}")),
        prop::sample::select(vec![
            "0",
            "-0",
            "-1",
            "6",
            "-3",
            "1.5",
            "1e308",
            "1e309",
            "-1e400",
            "1e-400",
            "1000000.5",
            "NaN",
            "-",
            "1e",
            "01",
        ])
        .prop_map(str::to_owned),
    ]
}

/// Words the model knows (ids, enum values, dates), so some replacements stay valid.
fn known_word() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "",
        "   ",
        "samverkan",
        "organisation",
        "person",
        "network",
        "project",
        "regional",
        "international",
        "funding",
        "tension",
        "woman",
        "co_opted",
        "in_progress",
        "blocked",
        "education",
        "labour_market",
        "#ffffff",
        "a1fde3dc-29fe-4bd3-9e68-dc31d64b9eeb",
        "0e4d7722-0957-4906-a2d1-7bdfe9491861",
        "8005c876-52a4-4de7-b887-8567a464b6cd",
        "2026-02-30",
        "2026-02-10T25:00:00",
        "+275760-09-13T00:00:00Z",
        "2016-12-31T23:59:60Z",
        "2026-01-20T14:42:07.250+14:00",
    ])
    .prop_map(str::to_owned)
}

/// A string value's replacement: well-formed JSON strings, and some that are not.
fn string_text() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => any::<String>().prop_map(|s| serde_json::to_string(&s).unwrap()),
        3 => known_word().prop_map(|s| serde_json::to_string(&s).unwrap()),
        1 => "[^\"\\\\]{0,12}".prop_map(|s| format!("\"{s}\"")),
        1 => prop::sample::select(vec![r#""\ud800""#, r#""\u00""#, r#""\x41""#, "\"", "null", "[]", "{}"]).prop_map(str::to_owned),
    ]
}

fn mutation() -> impl Strategy<Value = Mutation> {
    prop_oneof![
        1 => (any::<Index>(), 1usize..2_000).prop_map(|(at, len)| Mutation::Delete { at, len }),
        1 => (any::<Index>(), prop::collection::vec(json_char(), 1..16))
            .prop_map(|(at, chars)| Mutation::Insert { at, text: chars.into_iter().collect() }),
        1 => (any::<Index>(), json_char()).prop_map(|(at, with)| Mutation::Swap { at, with }),
        1 => any::<Index>().prop_map(|at| Mutation::Truncate { at }),
        2 => (any::<Index>(), number_text()).prop_map(|(which, text)| Mutation::Number { which, text }),
        2 => (any::<Index>(), string_text()).prop_map(|(which, text)| Mutation::StringValue { which, text }),
    ]
}

// ---------------------------------------------------------------------------------------
// Arbitrary JSON values

fn json_key() -> impl Strategy<Value = String> {
    prop_oneof![
        3 => prop::sample::select(vec![
            "id", "name", "kind", "sector", "influence", "interest", "attitude", "x", "y", "from", "to", "strength",
            "actors", "relations", "council", "members", "actor", "actions", "goal", "consulted", "format", "version",
        ])
        .prop_map(str::to_owned),
        1 => any::<String>(),
    ]
}

/// Any JSON value, bounded to depth 4 and about 48 nodes so one case stays cheap.
fn json_value() -> impl Strategy<Value = Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::Bool),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        any::<f64>().prop_map(Value::from),
        known_word().prop_map(Value::from),
        any::<String>().prop_map(Value::from),
    ];
    leaf.prop_recursive(4, 48, 6, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Value::Array),
            prop::collection::vec((json_key(), inner), 0..6)
                .prop_map(|fields| Value::Object(fields.into_iter().collect())),
        ]
    })
}

// ---------------------------------------------------------------------------------------
// The properties

proptest! {
    #![proptest_config(config())]

    #[test]
    fn arbitrary_text_never_panics_the_reader(text in any::<String>()) {
        check(&text)?;
    }

    #[test]
    fn json_like_text_never_panics_the_reader(chars in prop::collection::vec(json_char(), 0..300)) {
        check(&chars.into_iter().collect::<String>())?;
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_reader(bytes in prop::collection::vec(any::<u8>(), 0..1_024)) {
        check(&String::from_utf8_lossy(&bytes))?;
    }

    #[test]
    fn mutations_of_a_real_file_are_read_or_refused_with_reasons(mutations in prop::collection::vec(mutation(), 1..4)) {
        let mut text = FIXTURE.clone();
        for m in &mutations {
            m.apply(&mut text);
        }
        check(&text)?;
    }

    #[test]
    fn any_json_in_place_of_a_subtree_is_read_or_refused_with_reasons(
        swaps in prop::collection::vec((any::<Index>(), json_value()), 1..3),
    ) {
        let mut value = FIXTURE_VALUE.clone();
        for (node, replacement) in swaps {
            // Earlier swaps may have removed this node; then this swap does nothing.
            if let Some(slot) = value.pointer_mut(&NODES[node.index(NODES.len())]) {
                *slot = replacement;
            }
        }
        check(&value.to_string())?;
    }

    #[test]
    fn nesting_past_the_limit_anywhere_is_too_deep(
        node in any::<Index>(),
        depth in 128usize..6_000,
        objects in any::<bool>(),
    ) {
        // A placeholder string marks the subtree, then the nesting is spliced in as text,
        // the way a hostile file carries it.
        let mut value = FIXTURE_VALUE.clone();
        *value.pointer_mut(&NODES[node.index(NODES.len())]).unwrap() = Value::from("\u{1}deep");
        let (open, close) = if objects { (r#"{"a":"#, "}") } else { ("[", "]") };
        let nest = format!("{}0{}", open.repeat(depth), close.repeat(depth));
        let text = value.to_string().replacen(r#""\u0001deep""#, &nest, 1);
        let problems = read_document(&text).unwrap_err();
        prop_assert_eq!(problems.len(), 1);
        prop_assert_eq!(&problems[0].reason, &Reason::TooDeep);
    }

    #[test]
    fn any_json_as_the_map_of_either_version_is_read_or_refused_with_reasons(
        version in 0u64..=1,
        map in json_value(),
    ) {
        // Version 0 goes through the migration's renames first, so both paths are fuzzed.
        let document = serde_json::json!({ "format": "samverkan", "version": version, "map": map });
        check(&document.to_string())?;
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn every_coordinate_in_range_survives_a_round_trip(
        x in -COORDINATE_LIMIT..=COORDINATE_LIMIT,
        y in -COORDINATE_LIMIT..=COORDINATE_LIMIT,
    ) {
        let mut document: Document = read_document(&FIXTURE).unwrap().document;
        document.map.actors[0].x = x;
        document.map.actors[0].y = y;
        let again = read_document(&write_compact(&document)).unwrap().document;
        prop_assert_eq!(again.map.actors[0].x.to_bits(), x.to_bits());
        prop_assert_eq!(again.map.actors[0].y.to_bits(), y.to_bits());
    }
}
