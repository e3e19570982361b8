//! The Samverkan JSON file (format version 1): one shape for export, import and local
//! storage. Every input goes through `read_document`: size → JSON → envelope → migrate →
//! typed read → repair → validate. On any problem nothing is returned but the problems.

pub mod collection;
mod errors;
pub mod migrate;

use crate::map::Map;
use crate::validate::{validate, Problem, Reason};
use serde::{Deserialize, Serialize};

/// The `format` value of every Samverkan file.
pub const FORMAT: &str = "samverkan";
/// The format version this build writes, and the newest it reads.
pub const CURRENT_VERSION: u64 = 1;
/// Files larger than this are refused before they are parsed.
pub const MAX_FILE_BYTES: u64 = 20 * 1024 * 1024;

/// The envelope around a map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Document {
    pub format: String,
    pub version: u64,
    /// Save counter, so two browser tabs can tell whose copy is newer. Optional in files.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub revision: u64,
    pub map: Map,
}

fn is_zero(n: &u64) -> bool {
    *n == 0
}

/// A document read successfully, with what had to be repaired on the way.
#[derive(Clone, Debug, PartialEq)]
pub struct Loaded {
    pub document: Document,
    /// Actors whose NaN, infinite or absurd coordinates were reset.
    pub repaired_positions: usize,
}

impl Document {
    /// Wraps a map in the current envelope.
    pub fn new(map: Map, revision: u64) -> Self {
        Self {
            format: FORMAT.to_owned(),
            version: CURRENT_VERSION,
            revision,
            map,
        }
    }
}

/// Pretty JSON for files people share and read.
pub fn write_pretty(document: &Document) -> String {
    serde_json::to_string_pretty(document).expect("a map always serialises")
}

/// Compact JSON for local storage, where every character counts against the quota.
pub fn write_compact(document: &Document) -> String {
    serde_json::to_string(document).expect("a map always serialises")
}

/// Reads a Samverkan file of any supported version into a valid document.
pub fn read_document(text: &str) -> Result<Loaded, Vec<Problem>> {
    if let Some(loaded) = read_current(text) {
        return checked(loaded);
    }
    let value = parse_json(text).map_err(|p| vec![p])?;
    checked(read_value(value)?)
}

/// The typed read straight from the text, for a file of the current version that reads
/// without a problem (what local storage and the app's own exports hold): 40 % of the
/// time of the general path, which parses into a value, migrates it and writes it out
/// again. Anything else (another version, a problem to name) takes the general path.
pub(crate) fn read_current(text: &str) -> Option<Loaded> {
    // A typed read skips unknown fields without serde_json's nesting limit: a deeply
    // nested one is left to the general path, which refuses it as too deep.
    if text.len() as u64 > MAX_FILE_BYTES || nesting(text) > SHALLOW {
        return None;
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    let document: Document = serde_json::from_str(text).ok()?;
    (document.format == FORMAT && document.version == CURRENT_VERSION).then(|| repaired(document))
}

/// Nesting well within serde_json's limit (128); a Samverkan file nests six deep.
const SHALLOW: usize = 64;

/// How deep the text's arrays and objects nest (brackets inside strings not counted).
fn nesting(text: &str) -> usize {
    let (mut depth, mut deepest) = (0usize, 0);
    let (mut in_string, mut escaped) = (false, false);
    for byte in text.bytes() {
        match (in_string, byte) {
            (true, _) if escaped => escaped = false,
            (true, b'\\') => escaped = true,
            (_, b'"') => in_string = !in_string,
            (false, b'[' | b'{') => {
                depth += 1;
                deepest = deepest.max(depth);
            }
            (false, b']' | b'}') => depth = depth.saturating_sub(1),
            _ => {}
        }
    }
    deepest
}

/// Reads a parsed file up to validation: envelope → migrate → typed read → repair. The
/// caller validates with [`checked`], after a repair of its own if it has one (a room drops
/// what concurrent edits left dangling).
pub fn read_value(value: serde_json::Value) -> Result<Loaded, Vec<Problem>> {
    let version = check_envelope(&value).map_err(|p| vec![p])?;
    let value = migrate::to_current(value, version).map_err(|p| vec![p])?;
    // Read from the compact text rather than the value: serde_json then says at which byte
    // a read failed, which leads to the path (see `errors::typed_problem`) without a
    // path-tracking copy of every type's reader in the first load.
    let document: Document = serde_json::from_str(&value.to_string())
        .map_err(|error| vec![errors::typed_problem(&error, &value)])?;
    Ok(repaired(document))
}

/// Resets NaN, infinite or absurd coordinates, counting the actors it had to repair.
fn repaired(mut document: Document) -> Loaded {
    let repaired_positions = document
        .map
        .actors
        .iter_mut()
        .filter_map(|a| a.repair_position().then_some(()))
        .count();
    Loaded {
        document,
        repaired_positions,
    }
}

/// The document, when its map is valid; otherwise every problem in it.
pub fn checked(loaded: Loaded) -> Result<Loaded, Vec<Problem>> {
    let problems = validate(&loaded.document.map);
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}

/// Size check and JSON parse. serde_json's recursion limit (128) turns absurd nesting into
/// an error instead of a stack overflow.
pub fn parse_json(text: &str) -> Result<serde_json::Value, Problem> {
    if text.len() as u64 > MAX_FILE_BYTES {
        return Err(Problem::new(
            "",
            Reason::TooLarge {
                bytes: text.len() as u64,
                limit: MAX_FILE_BYTES,
            },
        ));
    }
    let text = text.strip_prefix('\u{feff}').unwrap_or(text);
    if text.trim().is_empty() {
        return Err(Problem::new("", Reason::Empty));
    }
    serde_json::from_str(text).map_err(|error| Problem::new("", errors::syntax_reason(&error)))
}

/// Checks `format` and returns `version`; refuses files from a newer Samverkan.
fn check_envelope(value: &serde_json::Value) -> Result<u64, Problem> {
    if value.get("format").and_then(|f| f.as_str()) != Some(FORMAT) {
        return Err(Problem::new("format", Reason::NotSamverkan));
    }
    let version = value
        .get("version")
        .and_then(|v| v.as_u64())
        .ok_or_else(|| Problem::new("version", Reason::MissingVersion))?;
    if version > CURRENT_VERSION {
        return Err(Problem::new(
            "version",
            Reason::NewerVersion {
                found: version,
                supported: CURRENT_VERSION,
            },
        ));
    }
    Ok(version)
}

/// A map title made safe as a file name on every common system: characters that Windows,
/// macOS or Linux reserve become `_`, white space is folded, and an empty result is `map`.
pub fn file_stem(title: &str) -> String {
    let cleaned: String = title
        .chars()
        .map(|c| {
            if c.is_whitespace() {
                ' '
            } else if c.is_control() || r#"<>:"/\|?*"#.contains(c) {
                '_'
            } else {
                c
            }
        })
        .collect();
    let folded = cleaned.split_whitespace().collect::<Vec<_>>().join(" ");
    let trimmed = folded.trim_matches(|c: char| c == '.' || c == ' ');
    let stem: String = trimmed.chars().take(100).collect();
    if stem.is_empty() {
        "map".to_owned()
    } else {
        stem
    }
}

#[cfg(test)]
mod tests {
    use super::file_stem;

    #[test]
    fn nesting_counts_brackets_outside_strings_only() {
        assert_eq!(super::nesting(r#"{"a":[1,{"b":[]}],"c":{}}"#), 4);
        assert_eq!(super::nesting(r#"{"a":"[[[{{\"[["}"#), 1);
        assert_eq!(super::nesting("[]"), 1);
        assert_eq!(super::nesting("1"), 0);
    }

    #[test]
    fn file_stems_are_safe() {
        assert_eq!(
            file_stem("Kompetensråd Jönköping 2026"),
            "Kompetensråd Jönköping 2026"
        );
        assert_eq!(file_stem("a/b\\c:d*e?"), "a_b_c_d_e_");
        assert_eq!(file_stem("  ..  "), "map");
        assert_eq!(file_stem("x\n\ty\u{7}"), "x y_");
    }
}
