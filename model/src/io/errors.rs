//! serde_json's and serde's errors as structured [`Reason`]s. The libraries speak English
//! sentences; the UI needs data it can word in Swedish. Syntax errors are read from
//! serde_json's category, line and column and its (stable) message; typed-read errors
//! from serde's message patterns (`invalid type: …, expected …`, `unknown variant …`,
//! `missing field …`) together with the JSON value found at the error's path.

use crate::validate::{Expected, Found, JsonError, Problem, Reason};
use serde_json::Value;

/// The reason a text is not JSON: too deep, or where and why the syntax breaks.
pub(crate) fn syntax_reason(error: &serde_json::Error) -> Reason {
    let message = message_of(error);
    let message = message.as_str();
    if message == "recursion limit exceeded" {
        return Reason::TooDeep;
    }
    let kind = match error.classify() {
        serde_json::error::Category::Eof => JsonError::Eof,
        _ => json_error_kind(message),
    };
    Reason::NotJson {
        line: error.line(),
        column: error.column(),
        kind,
    }
}

/// serde_json's message without the ` at line L column C` its `Display` adds.
pub(crate) fn message_of(error: &serde_json::Error) -> String {
    let full = error.to_string();
    let tail = format!(" at line {} column {}", error.line(), error.column());
    match full.strip_suffix(&tail) {
        Some(message) => message.to_owned(),
        None => full,
    }
}

/// The kind of a syntax error, by serde_json's message for it.
fn json_error_kind(message: &str) -> JsonError {
    match message {
        "key must be a string" => JsonError::KeyNotText,
        "expected value" | "expected ident" => JsonError::ExpectedValue,
        "expected `:`" => JsonError::ExpectedColon,
        "expected `,` or `]`" | "expected `,` or `}`" => JsonError::ExpectedComma,
        "trailing comma" => JsonError::TrailingComma,
        "trailing characters" => JsonError::TrailingCharacters,
        "invalid number" | "number out of range" => JsonError::BadNumber,
        "invalid escape"
        | "invalid unicode code point"
        | "lone leading surrogate in hex escape"
        | "unexpected end of hex escape"
        | "expected `\"`"
        | "control character (\\u0000-\\u001F) found while parsing a string" => JsonError::BadText,
        _ if message.starts_with("EOF while parsing") => JsonError::Eof,
        _ => JsonError::Other,
    }
}

/// Why `root` could not be read as a typed value, and where: `error` is serde_json's from
/// reading `root.to_string()`, its compact text, all on one line, whose column is one past
/// the byte where the read stopped. The path leads to the value holding that byte.
pub(crate) fn typed_problem(error: &serde_json::Error, root: &Value) -> Problem {
    let message = message_of(error);
    // In a typed read of valid JSON, serde_json's syntax-kind errors are said on peeking at
    // the first byte of a value, whose column is one further than a read's: `expected
    // value` where an enumeration's word was wanted (and a list, a number or null stands),
    // and `trailing characters` after the last field of an object read from a list.
    let peeked = error.classify() == serde_json::error::Category::Syntax;
    let too_long = message == "trailing characters";
    let mut trail = path_at(
        root,
        error.column().saturating_sub(if peeked { 2 } else { 1 }),
    );
    if too_long && trail.len() > 1 {
        trail.pop();
    }
    let path: String = trail.iter().map(|(step, _)| step.as_str()).collect();
    let found = trail.last().map_or(root, |(_, value)| value);
    let wrong = |expected| Reason::WrongType {
        expected,
        found: Some(Found::of(found)),
    };
    let reason = match (peeked, too_long) {
        (_, true) => wrong(Expected::Object),
        (true, false) => wrong(Expected::Text),
        (false, false) => data_reason(&message, Some(found)),
    };
    Problem::new(path, reason)
}

/// The steps of the path (`map`, `.actors`, `[3]`, `.name`; the first the root's, empty)
/// to the value at byte `at` of the compact text of `root`, each with its value. A child's
/// span starts at the `{`, `[` or `,` before it, so a read that stopped on that or on its
/// key's `:` (serde_json peeks at a value before it says it is of the wrong kind) is the
/// child's; a read that stopped on a closing bracket (a missing field) is the object's.
fn path_at(root: &Value, at: usize) -> Vec<(String, &Value)> {
    let (mut trail, mut start) = (vec![(String::new(), root)], 0);
    loop {
        let (first, value) = (trail.len() == 1, trail[trail.len() - 1].1);
        // Each child: where its value starts, if its span holds `at`.
        let mut next = start + 1;
        let mut holds_at = |key_len: usize, child: &Value| {
            let separator = next - 1;
            let child_start = next + key_len;
            let end = child_start + compact_len(child);
            next = end + 1;
            (separator..end).contains(&at).then_some(child_start)
        };
        let found = match value {
            Value::Object(entries) => entries.iter().find_map(|(key, child)| {
                let step = if first {
                    key.clone()
                } else {
                    format!(".{key}")
                };
                holds_at(text_len(key) + 1, child).map(|s| (step, s, child))
            }),
            Value::Array(items) => items.iter().enumerate().find_map(|(index, child)| {
                holds_at(0, child).map(|s| (format!("[{index}]"), s, child))
            }),
            _ => None,
        };
        let Some((step, child_start, child)) = found else {
            return trail;
        };
        trail.push((step, child));
        if at < child_start {
            return trail;
        }
        start = child_start;
    }
}

/// The length of `value` written as compact JSON (as `Value::to_string` writes it).
fn compact_len(value: &Value) -> usize {
    let commas = |count: usize| count.saturating_sub(1);
    match value {
        Value::Array(items) => {
            2 + commas(items.len()) + items.iter().map(compact_len).sum::<usize>()
        }
        Value::Object(entries) => {
            let entries_len: usize = entries
                .iter()
                .map(|(k, v)| text_len(k) + 1 + compact_len(v))
                .sum();
            2 + commas(entries.len()) + entries_len
        }
        Value::String(text) => text_len(text),
        scalar => scalar.to_string().len(),
    }
}

/// The length of `text` as a JSON string, quotes and escapes included.
fn text_len(text: &str) -> usize {
    Value::from(text).to_string().len()
}

/// [`typed_reason`] once the value at the path is known.
fn data_reason(message: &str, found: Option<&Value>) -> Reason {
    let found_text = || match found {
        Some(Value::String(text)) => text.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    };
    if let Some(field) = message
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return Reason::MissingField(field.to_owned());
    }
    if let Some(rest) = message.strip_prefix("unknown variant `") {
        if let Some((value, allowed)) = rest.split_once('`') {
            return Reason::UnknownValue {
                value: value.to_owned(),
                allowed: quoted_names(allowed),
            };
        }
    }
    if CHRONO_MESSAGES.contains(&message) {
        return Reason::BadDate(found_text());
    }
    let expected = ["invalid type: ", "invalid value: ", "invalid length "]
        .iter()
        .find_map(|start| message.strip_prefix(start))
        .and_then(|rest| rest.rsplit_once(", expected "))
        .map(|(_, expected)| expected_kind(expected))
        .unwrap_or(Expected::Other);
    Reason::WrongType {
        expected,
        found: found.map(Found::of),
    }
}

/// chrono's parse errors, which serde passes on as they are.
const CHRONO_MESSAGES: [&str; 7] = [
    "input is out of range",
    "no possible date and time matching input",
    "input is not enough for unique date and time",
    "input contains invalid characters",
    "premature end of input",
    "trailing input",
    "bad or unsupported format string",
];

/// The names in backticks after serde's `expected`: `` expected one of `a`, `b` ``.
fn quoted_names(text: &str) -> Vec<String> {
    text.split('`')
        .skip(1)
        .step_by(2)
        .map(str::to_owned)
        .collect()
}

/// What serde's `expected …` phrase asks for.
fn expected_kind(phrase: &str) -> Expected {
    let phrase = phrase.trim();
    match phrase {
        "i8" | "i16" | "i32" | "i64" | "i128" | "isize" => Expected::WholeNumber,
        "u8" | "u16" | "u32" | "u64" | "u128" | "usize" => Expected::Count,
        "f32" | "f64" => Expected::Number,
        "a string" | "a borrowed string" | "a character" | "a char" => Expected::Text,
        "a boolean" => Expected::Bool,
        "a sequence" | "a tuple" => Expected::List,
        "a map" => Expected::Object,
        // An enumeration (an actor kind, a level…) given as something other than its word.
        // serde_json also takes `{"word": null}` for a word, hence its talk of maps and
        // units; the user should simply write the word.
        "string or map" | "map with a single key" | "unit" => Expected::Text,
        _ if phrase.starts_with("enum ") => Expected::Text,
        _ if phrase.starts_with("struct ") => Expected::Object,
        // serde reads a struct from a list too, and says this of a list that is too long;
        // the file has no tuples, so an object was wanted.
        "fewer elements in array" => Expected::Object,
        _ if phrase.contains("date and time") => Expected::DateTime,
        _ if phrase.contains("date") => Expected::Date,
        _ if phrase.starts_with("a tuple") || phrase.starts_with("an array") => Expected::List,
        _ => Expected::Other,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn syntax(text: &str) -> Reason {
        syntax_reason(&serde_json::from_str::<Value>(text).unwrap_err())
    }

    fn not_json(line: usize, column: usize, kind: JsonError) -> Reason {
        Reason::NotJson { line, column, kind }
    }

    #[test]
    fn syntax_errors_keep_line_column_and_kind() {
        assert_eq!(syntax("{\"a\": "), not_json(1, 6, JsonError::Eof));
        assert_eq!(syntax("[1, 2"), not_json(1, 5, JsonError::Eof));
        assert_eq!(syntax("\"abc"), not_json(1, 4, JsonError::Eof));
        assert_eq!(syntax("{a: 1}"), not_json(1, 2, JsonError::KeyNotText));
        assert_eq!(syntax("[1,\n x]"), not_json(2, 2, JsonError::ExpectedValue));
        assert_eq!(syntax("tru"), not_json(1, 3, JsonError::Eof));
        assert_eq!(syntax("trux"), not_json(1, 4, JsonError::ExpectedValue));
        assert_eq!(
            syntax("{\"a\" 1}"),
            not_json(1, 6, JsonError::ExpectedColon)
        );
        assert_eq!(syntax("[1 2]"), not_json(1, 4, JsonError::ExpectedComma));
        assert_eq!(
            syntax("{\"a\":1 \"b\":2}"),
            not_json(1, 8, JsonError::ExpectedComma)
        );
        assert_eq!(syntax("[1,]"), not_json(1, 4, JsonError::TrailingComma));
        assert_eq!(
            syntax("{} x"),
            not_json(1, 4, JsonError::TrailingCharacters)
        );
        assert_eq!(syntax("[1e999]"), not_json(1, 6, JsonError::BadNumber));
        assert_eq!(syntax("[-]"), not_json(1, 3, JsonError::BadNumber));
        assert_eq!(syntax("[\"\\q\"]"), not_json(1, 4, JsonError::BadText));
        assert_eq!(syntax("[\"a\tb\"]"), not_json(1, 4, JsonError::BadText));
        assert_eq!(syntax(&"[".repeat(200)), Reason::TooDeep);
    }

    fn data(message: &str, found: Value) -> Reason {
        data_reason(message, Some(&found))
    }

    #[test]
    fn wrong_types_name_what_was_expected_and_found() {
        assert_eq!(
            data("invalid type: string \"high\", expected i64", json!("high")),
            Reason::WrongType {
                expected: Expected::WholeNumber,
                found: Some(Found::Text("high".into()))
            }
        );
        assert_eq!(
            data("invalid value: integer `-1`, expected u64", json!(-1)),
            Reason::WrongType {
                expected: Expected::Count,
                found: Some(Found::Number("-1".into()))
            }
        );
        assert_eq!(
            data(
                "invalid type: floating point `2.5`, expected i64",
                json!(2.5)
            ),
            Reason::WrongType {
                expected: Expected::WholeNumber,
                found: Some(Found::Number("2.5".into()))
            }
        );
        assert_eq!(
            data("invalid type: integer `17`, expected a string", json!(17)),
            Reason::WrongType {
                expected: Expected::Text,
                found: Some(Found::Number("17".into()))
            }
        );
        assert_eq!(
            data(
                "invalid type: string \"karta\", expected struct Map",
                json!("karta")
            ),
            Reason::WrongType {
                expected: Expected::Object,
                found: Some(Found::Text("karta".into()))
            }
        );
        for (phrase, expected) in [
            ("f64", Expected::Number),
            ("a boolean", Expected::Bool),
            ("a sequence", Expected::List),
            ("a map", Expected::Object),
            ("string or map", Expected::Text),
            ("map with a single key", Expected::Text),
            ("enum ActorKind", Expected::Text),
            ("a formatted date string", Expected::Date),
            ("a formatted date and time string", Expected::DateTime),
            (
                "an RFC 3339 formatted date and time string",
                Expected::DateTime,
            ),
            ("something odd", Expected::Other),
        ] {
            assert_eq!(
                data(
                    &format!("invalid type: null, expected {phrase}"),
                    Value::Null
                ),
                Reason::WrongType {
                    expected,
                    found: Some(Found::Null)
                },
                "{phrase}"
            );
        }
    }

    #[test]
    fn unknown_variants_missing_fields_and_dates_are_their_own_reasons() {
        assert_eq!(
            data(
                "unknown variant `alien`, expected one of `organisation`, `person`",
                json!("alien")
            ),
            Reason::UnknownValue {
                value: "alien".into(),
                allowed: vec!["organisation".into(), "person".into()]
            }
        );
        assert_eq!(
            data("unknown variant `x`, expected `a` or `b`", json!("x")),
            Reason::UnknownValue {
                value: "x".into(),
                allowed: vec!["a".into(), "b".into()]
            }
        );
        assert_eq!(
            data_reason("missing field `from`", None),
            Reason::MissingField("from".into())
        );
        assert_eq!(
            data("input contains invalid characters", json!("i morgon")),
            Reason::BadDate("i morgon".into())
        );
        assert_eq!(
            data_reason("something else entirely", None),
            Reason::WrongType {
                expected: Expected::Other,
                found: None
            }
        );
    }

    #[test]
    fn a_read_error_leads_to_the_value_it_stopped_at() {
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Outer {
            items: Vec<Inner>,
            name: String,
        }
        #[derive(serde::Deserialize, Debug)]
        #[allow(dead_code)]
        struct Inner {
            n: i64,
            tags: Vec<String>,
            #[serde(default)]
            kind: Option<Kind>,
        }
        #[derive(serde::Deserialize, Debug)]
        enum Kind {
            Word,
        }
        let problem = |root: Value| {
            let error = serde_json::from_str::<Outer>(&root.to_string()).unwrap_err();
            typed_problem(&error, &root)
        };
        let wrong = |expected, found| Reason::WrongType {
            expected,
            found: Some(found),
        };
        let cases = [
            // An enumeration's word wanted: serde_json peeks at what is there.
            (
                json!({"items": [{"n": 1, "tags": [], "kind": [1]}], "name": "x"}),
                "items[0].kind",
                wrong(Expected::Text, Found::List),
            ),
            (
                json!({"items": [{"n": 1, "tags": [], "kind": 3}], "name": "x"}),
                "items[0].kind",
                wrong(Expected::Text, Found::Number("3".into())),
            ),
            (
                json!({"items": [{"kind": {}, "n": 1, "tags": []}], "name": "x"}),
                "items[0].kind",
                wrong(Expected::Text, Found::Object),
            ),
            // A value of the wrong kind: read, then refused.
            (
                json!({"items": [{"n": 1, "tags": []}, {"n": "två", "tags": []}], "name": "x"}),
                "items[1].n",
                wrong(Expected::WholeNumber, Found::Text("två".into())),
            ),
            (
                json!({"items": [{"n": 1, "tags": ["a\"b", "c"]}], "name": true}),
                "name",
                wrong(Expected::Text, Found::Bool(true)),
            ),
            // A list or an object where it does not belong: refused on sight, before it is read.
            (
                json!({"items": [{"n": 1, "tags": ["a", {"b": 1}]}], "name": "x"}),
                "items[0].tags[1]",
                wrong(Expected::Text, Found::Object),
            ),
            (
                json!({"items": {"n": 1}, "name": "x"}),
                "items",
                wrong(Expected::List, Found::Object),
            ),
            (
                json!({"items": [7], "name": "x"}),
                "items[0]",
                wrong(Expected::Object, Found::Number("7".into())),
            ),
            // An object read from a list with more items than it has fields.
            (
                json!({"items": [[1, ["a"], null, "x"]], "name": "x"}),
                "items[0]",
                wrong(Expected::Object, Found::List),
            ),
            // A field missing: the object that lacks it.
            (
                json!({"items": [{"n": 1, "tags": []}, {"tags": ["a"]}], "name": "x"}),
                "items[1]",
                Reason::MissingField("n".into()),
            ),
            (
                json!({"items": []}),
                "",
                Reason::MissingField("name".into()),
            ),
        ];
        for (root, path, reason) in cases {
            assert_eq!(problem(root), Problem::new(path, reason), "{path}");
        }
    }
}
