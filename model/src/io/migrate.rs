//! The migration chain: each step lifts a document one format version, so a file of any
//! older version reaches the current one and no old file is ever stranded.
//!
//! Version 0 is the pre-release prototype format, kept as the chain's first step and as
//! a worked example for the next real migration. It differed from version 1 in that:
//! - actors had `power` (now `influence`) and `stance` (now `attitude`);
//! - relations had `source`/`target` (now `from`/`to`);
//! - maps had no `council`.

use crate::io::CURRENT_VERSION;
use crate::validate::{Problem, Reason};
use serde_json::{Map as Object, Value};

/// One step of the chain: turns a document of version `from` into version `from + 1`.
struct Migration {
    from: u64,
    apply: fn(&mut Value),
}

/// Every step, in order. `chain_is_contiguous` (test) asserts the versions have no gap.
const MIGRATIONS: &[Migration] = &[Migration {
    from: 0,
    apply: v0_to_v1,
}];

/// Lifts `document` from `version` to `CURRENT_VERSION`.
pub fn to_current(mut document: Value, version: u64) -> Result<Value, Problem> {
    for step in MIGRATIONS.iter().filter(|m| m.from >= version) {
        if !document.get("map").is_some_and(Value::is_object) {
            // Leave it to the typed read to name the missing or wrong `map`.
            break;
        }
        (step.apply)(&mut document);
        document["version"] = Value::from(step.from + 1);
    }
    if version > CURRENT_VERSION {
        return Err(Problem::new(
            "version",
            Reason::NewerVersion {
                found: version,
                supported: CURRENT_VERSION,
            },
        ));
    }
    Ok(document)
}

fn rename(object: &mut Object<String, Value>, old: &str, new: &str) {
    if let Some(value) = object.remove(old) {
        object.entry(new.to_owned()).or_insert(value);
    }
}

fn each_object_in<'a>(
    map: &'a mut Value,
    list: &str,
) -> impl Iterator<Item = &'a mut Object<String, Value>> {
    map.get_mut(list)
        .and_then(Value::as_array_mut)
        .into_iter()
        .flatten()
        .filter_map(Value::as_object_mut)
}

fn v0_to_v1(document: &mut Value) {
    let map = &mut document["map"];
    for actor in each_object_in(map, "actors") {
        rename(actor, "power", "influence");
        rename(actor, "stance", "attitude");
    }
    for relation in each_object_in(map, "relations") {
        rename(relation, "source", "from");
        rename(relation, "target", "to");
    }
    if let Some(map) = map.as_object_mut() {
        map.entry("council")
            .or_insert_with(|| serde_json::json!({}));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chain_is_contiguous_from_zero_to_current() {
        let versions: Vec<u64> = MIGRATIONS.iter().map(|m| m.from).collect();
        let expected: Vec<u64> = (0..CURRENT_VERSION).collect();
        assert_eq!(versions, expected);
    }

    #[test]
    fn v0_fields_are_renamed() {
        let v0 = serde_json::json!({
            "format": "samverkan", "version": 0,
            "map": { "actors": [{ "id": "a", "power": 4, "stance": -1 }],
                     "relations": [{ "id": "r", "source": "a", "target": "b" }] }
        });
        let v1 = to_current(v0, 0).unwrap();
        assert_eq!(v1["version"], 1);
        assert_eq!(v1["map"]["actors"][0]["influence"], 4);
        assert_eq!(v1["map"]["actors"][0]["attitude"], -1);
        assert_eq!(v1["map"]["relations"][0]["from"], "a");
        assert_eq!(v1["map"]["relations"][0]["to"], "b");
        assert!(v1["map"]["council"].is_object());
    }
}
