//! "Export all maps": one file holding several Samverkan documents. Each map inside is read
//! through the same path as a single file, its problems prefixed with `maps[i].`.

use super::{read_document, Document, Loaded, CURRENT_VERSION};
use crate::map::Map;
use crate::validate::{Expected, Found, Problem, Reason};
use serde::Serialize;

/// The `format` value of a collection file.
pub const COLLECTION_FORMAT: &str = "samverkan-collection";

#[derive(Serialize)]
struct Collection {
    format: &'static str,
    version: u64,
    maps: Vec<Document>,
}

/// Pretty JSON of every map, each in its own current-version envelope.
pub fn write_collection(maps: &[Map]) -> String {
    let collection = Collection {
        format: COLLECTION_FORMAT,
        version: CURRENT_VERSION,
        maps: maps.iter().cloned().map(|m| Document::new(m, 0)).collect(),
    };
    serde_json::to_string_pretty(&collection).expect("maps always serialise")
}

/// Reads a single Samverkan file or a collection into one or more documents. A collection
/// is all or nothing: any problem in any map refuses the whole file.
pub fn read_any(text: &str) -> Result<Vec<Loaded>, Vec<Problem>> {
    read_unchecked(text)?.checked()
}

/// Documents read from a text, still to be validated: [`Unchecked::checked`] is the only
/// way to them. The app validates a large import in a task after the one parsing it.
pub struct Unchecked(Read);

enum Read {
    /// A single current file, read straight from its text.
    Current(Box<Loaded>),
    /// Read by the general path, which validated them on the way.
    Checked(Vec<Loaded>),
}

impl Unchecked {
    pub fn checked(self) -> Result<Vec<Loaded>, Vec<Problem>> {
        match self.0 {
            Read::Current(loaded) => super::checked(*loaded).map(|loaded| vec![loaded]),
            Read::Checked(loaded) => Ok(loaded),
        }
    }
}

/// The first half of [`read_any`]: the text parsed (and, off the common path, validated).
pub fn read_unchecked(text: &str) -> Result<Unchecked, Vec<Problem>> {
    // A single current file, the common case, is read once, straight from its text.
    if let Some(loaded) = super::read_current(text) {
        return Ok(Unchecked(Read::Current(Box::new(loaded))));
    }
    read_general(text).map(|loaded| Unchecked(Read::Checked(loaded)))
}

fn read_general(text: &str) -> Result<Vec<Loaded>, Vec<Problem>> {
    let value = super::parse_json(text).map_err(|p| vec![p])?;
    if value.get("format").and_then(|f| f.as_str()) != Some(COLLECTION_FORMAT) {
        return read_document(text).map(|loaded| vec![loaded]);
    }
    let Some(maps) = value.get("maps").and_then(|m| m.as_array()) else {
        return Err(vec![Problem::new(
            "maps",
            Reason::WrongType {
                expected: Expected::List,
                found: value.get("maps").map(Found::of),
            },
        )]);
    };
    let mut loaded = Vec::new();
    let mut problems = Vec::new();
    for (i, map) in maps.iter().enumerate() {
        match read_document(&map.to_string()) {
            Ok(one) => loaded.push(one),
            Err(found) => problems.extend(found.into_iter().map(|p| {
                let path = if p.path.is_empty() {
                    format!("maps[{i}]")
                } else {
                    format!("maps[{i}].{}", p.path)
                };
                Problem::new(path, p.reason)
            })),
        }
    }
    if problems.is_empty() {
        Ok(loaded)
    } else {
        Err(problems)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;

    #[test]
    fn a_collection_reads_back_every_map() {
        let mut second = sample_map();
        second.id = "m2".into();
        second.title = "Andra kartan".into();
        let text = write_collection(&[sample_map(), second.clone()]);
        let loaded = read_any(&text).unwrap();
        assert_eq!(loaded.len(), 2);
        assert_eq!(loaded[1].document.map, second);
    }

    #[test]
    fn a_current_file_is_parsed_first_and_validated_apart_with_the_same_outcome() {
        let mut map = sample_map();
        let ghost = crate::Relation::new("r-ghost".into(), "nobody".into(), "nobody".into());
        map.relations.push(ghost);
        let text = super::super::write_compact(&Document::new(map, 0));
        let unchecked = read_unchecked(&text).expect("it parses");
        let problems = unchecked.checked().unwrap_err();
        assert!(!problems.is_empty());
        assert_eq!(read_any(&text).unwrap_err(), problems);
    }

    #[test]
    fn a_single_file_reads_as_one() {
        let text = super::super::write_pretty(&Document::new(sample_map(), 0));
        assert_eq!(read_any(&text).unwrap().len(), 1);
    }

    #[test]
    fn a_collection_without_a_list_of_maps_says_what_it_found() {
        let read = |text: &str| read_any(text).unwrap_err();
        assert_eq!(
            read(r#"{"format":"samverkan-collection","version":1}"#),
            vec![Problem::new(
                "maps",
                Reason::WrongType {
                    expected: Expected::List,
                    found: None
                }
            )]
        );
        assert_eq!(
            read(r#"{"format":"samverkan-collection","version":1,"maps":"alla"}"#),
            vec![Problem::new(
                "maps",
                Reason::WrongType {
                    expected: Expected::List,
                    found: Some(Found::Text("alla".into()))
                }
            )]
        );
    }

    #[test]
    fn problems_in_a_collection_name_the_map() {
        let mut broken = sample_map();
        broken.relations[1].to = "ghost".into();
        let text = write_collection(&[sample_map(), broken]);
        let problems: Vec<String> = read_any(&text)
            .unwrap_err()
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            problems,
            vec!["maps[1].map.relations[1].to: no actor with id \"ghost\""]
        );
    }
}
