//! How a map's JSON sits in the document: lists of records become maps keyed by id (records
//! keep their place through an `_order` number), the council is a map of its fields, and every
//! other value is one `Any`, replaced whole when it changes.

use serde_json::{Map as Object, Value};
use std::collections::HashMap;
use yrs::{Any, Map as _, MapPrelim, MapRef, Out, ReadTxn, TransactionMut};

/// A record's place in its list; ties (two devices adding at the same spot) go by key.
const ORDER: &str = "_order";

/// The lists kept record by record, by path, with the field that keys their records.
const LISTS: &[(&str, &str)] = &[
    ("sectors", "id"),
    ("actors", "id"),
    ("relations", "id"),
    ("assessments", "id"),
    ("interactions", "id"),
    ("council.meetings", "id"),
    ("council.goals", "id"),
    ("council.actions", "id"),
    ("council.members", "actor"),
];

/// The field that keys the records of the list at `path`, for lists kept record by record.
pub(super) fn key_of(path: &str) -> Option<&'static str> {
    LISTS.iter().find(|(p, _)| *p == path).map(|(_, key)| *key)
}

/// The list at `path` (as the one name for it), for lists kept record by record.
pub(super) fn list_path(path: &str) -> Option<&'static str> {
    LISTS.iter().find(|(p, _)| *p == path).map(|(p, _)| *p)
}

/// Objects kept field by field rather than whole.
fn is_nested(path: &str) -> bool {
    path == "council"
}

pub(super) fn join(path: &str, key: &str) -> String {
    if path.is_empty() {
        key.to_owned()
    } else {
        format!("{path}.{key}")
    }
}

fn any(value: &Value) -> Any {
    serde_json::from_value(value.clone()).expect("JSON is always an Any")
}

fn sub_map(txn: &mut TransactionMut, parent: &MapRef, key: &str) -> MapRef {
    match parent.get(txn, key) {
        Some(Out::YMap(map)) => map,
        _ => parent.insert(txn, key, MapPrelim::default()),
    }
}

/// Writes the differences between `before` and `after` (objects) into `target`. With no
/// `before` every field of `after` is written, and fields the document has beyond it removed.
pub fn write(txn: &mut TransactionMut, target: &MapRef, before: Option<&Value>, after: &Value) {
    write_object(txn, target, "", before, after);
}

fn write_object(
    txn: &mut TransactionMut,
    target: &MapRef,
    path: &str,
    before: Option<&Value>,
    after: &Value,
) {
    let empty = Object::new();
    let no_records = Value::Array(Vec::new());
    let after = after.as_object().unwrap_or(&empty);
    for (key, value) in after {
        let old = before.and_then(|b| b.get(key));
        if old == Some(value) {
            continue;
        }
        let sub = join(path, key);
        if let Some(key_field) = key_of(&sub) {
            // A list the edit's map did not have (files leave empty lists out) had no
            // records then: only those this edit adds are written.
            let old = before.map(|_| old.unwrap_or(&no_records));
            let list = sub_map(txn, target, key);
            write_records(txn, &list, key_field, old, value);
        } else if is_nested(&sub) {
            let nested = sub_map(txn, target, key);
            write_object(txn, &nested, &sub, old, value);
        } else {
            target.insert(txn, key.as_str(), any(value));
        }
    }
    // Every list keeps one container for good, even while empty (left out of the file), so
    // two devices adding the first record at once add to the same one.
    for (list_path, key_field) in LISTS {
        let Some(key) = list_path
            .strip_prefix(path)
            .map(|rest| rest.trim_start_matches('.'))
            .filter(|rest| {
                !rest.contains('.') && (path.is_empty() || list_path.len() > path.len())
            })
        else {
            continue;
        };
        if after.contains_key(key) {
            continue;
        }
        let list = sub_map(txn, target, key);
        let old = before.map(|b| b.get(key).unwrap_or(&no_records));
        write_records(txn, &list, key_field, old, &no_records);
    }
    let is_list = |key: &str| key_of(&join(path, key)).is_some();
    let gone: Vec<String> = match before {
        Some(before) => before
            .as_object()
            .map(|b| {
                b.keys()
                    .filter(|k| !after.contains_key(*k) && !is_list(k))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default(),
        None => target
            .keys(txn)
            .filter(|k| !after.contains_key(*k) && !is_list(k))
            .map(str::to_owned)
            .collect(),
    };
    for key in gone {
        target.remove(txn, &key);
    }
}

fn key_text(record: &Value, key_field: &str) -> String {
    match record.get(key_field) {
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
        None => String::new(),
    }
}

fn order_of(txn: &TransactionMut, list: &MapRef, key: &str) -> Option<f64> {
    match list.get(txn, key)? {
        Out::YMap(record) => order(txn, &record),
        _ => None,
    }
}

/// A record's place number.
pub(super) fn order<T: ReadTxn>(txn: &T, record: &MapRef) -> Option<f64> {
    match record.get(txn, ORDER)? {
        Out::Any(Any::Number(n)) => n.as_f64(),
        _ => None,
    }
}

/// Writes a list of records: new ones placed between their neighbours, changed fields of
/// the others, removals.
fn write_records(
    txn: &mut TransactionMut,
    list: &MapRef,
    key_field: &str,
    before: Option<&Value>,
    after: &Value,
) {
    let records: &[Value] = after.as_array().map(Vec::as_slice).unwrap_or(&[]);
    let old: HashMap<String, &Value> = match before.and_then(Value::as_array) {
        Some(items) => items.iter().map(|r| (key_text(r, key_field), r)).collect(),
        None => HashMap::new(),
    };
    let keys: Vec<String> = records.iter().map(|r| key_text(r, key_field)).collect();
    // The order of the next record the document already holds, for each place.
    let mut next_known = vec![None; records.len() + 1];
    for i in (0..records.len()).rev() {
        next_known[i] = order_of(txn, list, &keys[i]).or(next_known[i + 1]);
    }
    let mut previous: Option<f64> = None;
    for (i, record) in records.iter().enumerate() {
        let key = &keys[i];
        let fields = record.as_object().cloned().unwrap_or_default();
        // A record keeps its number while it still comes after the one before it; one moved
        // (or new) gets a number between its neighbours.
        let current = order_of(txn, list, key);
        let order = match (current, previous) {
            (Some(c), Some(p)) if c > p => c,
            (Some(c), None) => c,
            _ => match (previous, next_known[i + 1]) {
                (None, None) => 0.0,
                (Some(p), None) => p + 1.0,
                (None, Some(n)) => n - 1.0,
                (Some(p), Some(n)) if n > p => (p + n) / 2.0,
                (Some(p), Some(_)) => p + 1.0,
            },
        };
        match list.get(txn, key) {
            Some(Out::YMap(stored)) => {
                let unchanged = before.is_some() && old.get(key) == Some(&record);
                if !unchanged {
                    let old_fields = old.get(key).and_then(|r| r.as_object());
                    write_fields(txn, &stored, old_fields, &fields, before.is_none());
                }
                if current != Some(order) {
                    stored.insert(txn, ORDER, order);
                }
            }
            // In the map this edit started from but gone from the document: another device
            // removed it, and the removal wins over this edit.
            _ if old.contains_key(key) => {}
            _ => {
                let mut prelim: MapPrelim =
                    fields.iter().map(|(k, v)| (k.as_str(), any(v))).collect();
                prelim.insert(ORDER.into(), Any::from(order).into());
                list.insert(txn, key.as_str(), prelim);
            }
        }
        previous = Some(order);
    }
    let kept: std::collections::HashSet<&str> = keys.iter().map(String::as_str).collect();
    let gone: Vec<String> = match before {
        Some(_) => old
            .keys()
            .filter(|k| !kept.contains(k.as_str()))
            .cloned()
            .collect(),
        None => list
            .keys(txn)
            .filter(|k| !kept.contains(k))
            .map(str::to_owned)
            .collect(),
    };
    for key in gone {
        list.remove(txn, &key);
    }
}

fn write_fields(
    txn: &mut TransactionMut,
    stored: &MapRef,
    before: Option<&Object<String, Value>>,
    after: &Object<String, Value>,
    all: bool,
) {
    for (field, value) in after {
        if before.and_then(|b| b.get(field)) != Some(value) {
            stored.insert(txn, field.as_str(), any(value));
        }
    }
    let gone: Vec<String> = if all {
        stored
            .keys(txn)
            .filter(|k| *k != ORDER && !after.contains_key(*k))
            .map(str::to_owned)
            .collect()
    } else {
        before
            .map(|b| {
                b.keys()
                    .filter(|k| !after.contains_key(*k))
                    .cloned()
                    .collect()
            })
            .unwrap_or_default()
    };
    for field in gone {
        stored.remove(txn, &field);
    }
}

/// The document's map as a Samverkan file's `map` object.
pub fn read<T: ReadTxn>(txn: &T, root: &MapRef) -> Value {
    use yrs::types::ToJson;
    let value = serde_json::to_value(root.to_json(txn)).expect("Any is always JSON");
    unshape(value, "")
}

/// The map's own fields (and the council's) as [`read`] gives them, with every list of
/// records empty: what a read that patches records reads whole.
pub fn read_shell<T: ReadTxn>(txn: &T, root: &MapRef) -> Value {
    shell_of(txn, root, "")
}

fn shell_of<T: ReadTxn>(txn: &T, target: &MapRef, path: &str) -> Value {
    use yrs::types::ToJson;
    let fields = target
        .iter(txn)
        .map(|(key, value)| {
            let sub = join(path, key);
            let value = match value {
                _ if key_of(&sub).is_some() => Value::Array(Vec::new()),
                Out::YMap(nested) if is_nested(&sub) => shell_of(txn, &nested, &sub),
                other => serde_json::to_value(other.to_json(txn)).expect("Any is always JSON"),
            };
            (key.to_owned(), value)
        })
        .collect();
    Value::Object(fields)
}

/// The list at `path` in the document, if it has been made.
pub(super) fn list_ref<T: ReadTxn>(txn: &T, root: &MapRef, path: &str) -> Option<MapRef> {
    path.split('.')
        .try_fold(root.clone(), |map, key| match map.get(txn, key)? {
            Out::YMap(next) => Some(next),
            _ => None,
        })
}

/// One record of a list as a file holds it, if the document holds it.
pub(super) fn record_json<T: ReadTxn>(
    txn: &T,
    list: &MapRef,
    key: &str,
    key_field: &str,
) -> Option<Value> {
    use yrs::types::ToJson;
    let record = serde_json::to_value(list.get(txn, key)?.to_json(txn)).ok()?;
    Some(as_file_record(key, key_field, record).1)
}

/// A record without its place number (returned beside it), with its key field.
fn as_file_record(key: &str, key_field: &str, mut record: Value) -> (f64, Value) {
    let order = match record.as_object_mut().and_then(|r| r.remove(ORDER)) {
        Some(Value::Number(n)) => n.as_f64().unwrap_or(0.0),
        _ => 0.0,
    };
    if let Some(fields) = record.as_object_mut() {
        fields
            .entry(key_field)
            .or_insert_with(|| Value::String(key.to_owned()));
    }
    (order, record)
}

fn unshape(value: Value, path: &str) -> Value {
    let Value::Object(fields) = value else {
        return value;
    };
    let fields = fields
        .into_iter()
        .map(|(key, value)| {
            let sub = join(path, &key);
            let value = if let Some(key_field) = key_of(&sub) {
                records_in_order(value, key_field)
            } else if is_nested(&sub) {
                unshape(value, &sub)
            } else {
                value
            };
            (key, value)
        })
        .collect();
    Value::Object(fields)
}

fn records_in_order(value: Value, key_field: &str) -> Value {
    let Value::Object(records) = value else {
        return Value::Array(Vec::new());
    };
    let mut records: Vec<(f64, String, Value)> = records
        .into_iter()
        .map(|(key, record)| {
            let (order, record) = as_file_record(&key, key_field, record);
            (order, key, record)
        })
        .collect();
    records.sort_by(|a, b| a.0.total_cmp(&b.0).then_with(|| a.1.cmp(&b.1)));
    Value::Array(records.into_iter().map(|(_, _, r)| r).collect())
}
