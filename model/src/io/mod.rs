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
    let value = parse_json(text).map_err(|p| vec![p])?;
    checked(read_value(value)?)
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
    let mut document: Document = serde_json::from_str(&value.to_string())
        .map_err(|error| vec![errors::typed_problem(&error, &value)])?;
    let repaired_positions = document
        .map
        .actors
        .iter_mut()
        .filter_map(|a| a.repair_position().then_some(()))
        .count();
    Ok(Loaded {
        document,
        repaired_positions,
    })
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
