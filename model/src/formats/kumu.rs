//! Imports from Kumu (kumu.io): its JSON (a hand-written blueprint or a full project
//! backup) and its spreadsheet CSV (an elements sheet and a connections sheet).
//!
//! Kumu is free-form where Samverkan is typed, so the import maps what it can and keeps
//! the rest as text: an element type that is no actor kind becomes a tag, a connection
//! type that is no relation kind goes into the note, and fields Samverkan has no place
//! for are appended to the notes as `field: value` lines. Nothing is dropped silently.

use super::csv::{header_key, parse_whole, read_table, row_extras, Columns, Row, RowError, Table};
use super::report::{ImportReport, KumuView, Outcome, Part, Place};
use super::{find_sector, push_tag, relation_kind, split_tags, with_fields, ActorLookup};
use crate::actor::{Actor, ActorKind};
use crate::command::Placement;
use crate::ids::{ActorId, MapId, RelationId};
use crate::io::parse_json;
use crate::map::Map;
use crate::relation::{Relation, STRENGTH_RANGE};
use crate::sector::Sector;
use crate::validate::{validate, Expected, Found, Problem, Reason};
use crate::vocabulary::ACTOR_KINDS;
use chrono::{DateTime, Utc};
use serde_json::{Map as Object, Value};
use std::collections::{HashMap, HashSet};

/// Reads Kumu JSON into a new, valid map titled `title` (or, when that is empty, by the
/// Kumu project's name) with the palette `sectors`. Elements may carry their fields at the
/// top (`{"label": …, "type": …}`, as in blueprints) or under `attributes` (as in project
/// backups, with `"element type"`); connections name their ends by element id or label.
/// Positions come from the backup's default map when there is one. Lenient: what cannot
/// be imported (a connection to an element not in the file, an element without a label,
/// loops, the other maps) is left out and listed in the report, with everything kept
/// elsewhere (types as tags or notes); only a file that is no Kumu JSON is an error.
pub fn import_kumu_json(
    text: &str,
    title: &str,
    new_id: &mut dyn FnMut() -> String,
    now: DateTime<Utc>,
    sectors: Vec<Sector>,
) -> Result<(Map, ImportReport), Vec<Problem>> {
    let value = parse_json(text).map_err(|p| vec![p])?;
    let mut report = ImportReport::default();
    let source = json_source(&value, &mut report)?;
    build_map(source, title, new_id, now, sectors, report)
}

/// Reads Kumu's spreadsheet layout into a new, valid map: an elements sheet (`Label`,
/// and optionally `ID`, `Type`, `Description`, `Tags`, any other columns) and an optional
/// connections sheet (`From`, `To`, and optionally `Type`, `Direction`, `Label`,
/// `Description`, `Strength`, …). `From` and `To` name elements by label or ID; several
/// separated by `|` make one connection each, as in Kumu. A connections sheet given
/// alone (as `elements_csv`, told by its `From` and `To` columns) brings its elements
/// with it: one actor for each name at an end. Separators as for
/// [`super::csv::import_actors`]; lenient as [`import_kumu_json`].
pub fn import_kumu_csv(
    elements_csv: &str,
    connections_csv: Option<&str>,
    title: &str,
    new_id: &mut dyn FnMut() -> String,
    now: DateTime<Utc>,
    sectors: Vec<Sector>,
) -> Result<(Map, ImportReport), Vec<Problem>> {
    let mut report = ImportReport::default();
    let (elements_csv, connections_csv) = match connections_csv {
        None if is_connections_sheet(elements_csv) => (None, Some(elements_csv)),
        _ => (Some(elements_csv), connections_csv),
    };
    let mut problems = Vec::new();
    let elements = match elements_csv {
        Some(text) => csv_elements(text, &mut report).unwrap_or_else(|p| {
            problems.extend(p);
            Vec::new()
        }),
        None => Vec::new(),
    };
    let connections = match connections_csv {
        Some(text) => csv_connections(text, &mut report).unwrap_or_else(|p| {
            problems.extend(p);
            Vec::new()
        }),
        None => Vec::new(),
    };
    if !problems.is_empty() {
        return Err(problems);
    }
    let elements = if elements_csv.is_none() {
        elements_from_ends(&connections, &mut report)
    } else {
        elements
    };
    let source = Source {
        name: String::new(),
        description: String::new(),
        elements,
        connections,
        views: Vec::new(),
    };
    build_map(source, title, new_id, now, sectors, report)
}

/// Whether a sheet is a connections sheet: it has `From` and `To` columns (Kumu's own export
/// of connections has `Label` too, the connection's, and the element columns after them).
pub fn is_connections_sheet(text: &str) -> bool {
    let Ok(table) = read_table(text) else {
        return false;
    };
    let has = |names: &[&str]| {
        table
            .header
            .iter()
            .any(|h| names.contains(&header_key(h).as_str()))
    };
    has(&["from", "från"]) && has(&["to", "till"])
}

/// Kumu connections onto an existing map: the relations of a connections sheet between the
/// map's actors (found by name, as Kumu names them), with an actor added for each name at an
/// end the map does not have. For a project's second sheet, after its elements sheet made
/// the map. Lenient as [`import_kumu_csv`].
pub fn import_kumu_connections_onto(
    connections_csv: &str,
    map: &Map,
    new_id: &mut dyn FnMut() -> String,
) -> Result<(Vec<Actor>, Vec<Relation>, ImportReport), Vec<Problem>> {
    let mut report = ImportReport::default();
    let connections = csv_connections(connections_csv, &mut report)?;
    let mut lookup = ActorLookup::of(map);
    let mut keys_seen = HashSet::new();
    let mut actors = Vec::new();
    let ends = elements_from_ends(&connections, &mut ImportReport::default());
    for element in ends {
        if lookup.resolve(&element.label.text).is_ok() {
            continue;
        }
        match element_to_actor(element, &map.sectors, new_id, &mut lookup, &mut keys_seen) {
            Ok((actor, _)) => actors.push(actor),
            Err((place, reason)) => report.note(place, Outcome::Skipped(reason)),
        }
    }
    let relations: Vec<Relation> = connections
        .into_iter()
        .flat_map(|c| connection_to_relations(c, &lookup, new_id, &mut report))
        .collect();
    if !actors.is_empty() {
        report.note(Place::Line(0), Outcome::ActorsFromEnds(actors.len()));
    }
    report.added_actors = actors.len();
    report.added_relations = relations.len();
    Ok((actors, relations, report))
}

/// How many of the names at a connections sheet's ends `map` has, of how many.
pub fn connection_ends_known(connections_csv: &str, map: &Map) -> (usize, usize) {
    let mut report = ImportReport::default();
    let Ok(connections) = csv_connections(connections_csv, &mut report) else {
        return (0, 0);
    };
    let lookup = ActorLookup::of(map);
    let ends = elements_from_ends(&connections, &mut report);
    let known = ends
        .iter()
        .filter(|e| lookup.resolve(&e.label.text).is_ok())
        .count();
    (known, ends.len())
}

/// One element for each name at a connection's end, in the order first named.
fn elements_from_ends(connections: &[Connection], report: &mut ImportReport) -> Vec<Element> {
    let mut seen: HashSet<String> = HashSet::new();
    let mut elements = Vec::new();
    let ends = connections.iter().flat_map(|c| {
        let from = c.from_keys.iter().map(move |k| (k, &c.from.place));
        from.chain(c.to_keys.iter().map(move |k| (k, &c.to.place)))
    });
    for (name, place) in ends {
        if seen.insert(super::fold_name(name)) {
            elements.push(Element {
                label: Field {
                    place: place.clone(),
                    text: name.clone(),
                },
                keys: Vec::new(),
                kind: String::new(),
                description: String::new(),
                tags: Vec::new(),
                sector: String::new(),
                extras: Vec::new(),
                position: None,
            });
        }
    }
    report.note(Place::Line(0), Outcome::ActorsFromEnds(elements.len()));
    elements
}

/// A Kumu project read from either format, before it becomes a map.
struct Source {
    name: String,
    description: String,
    elements: Vec<Element>,
    connections: Vec<Connection>,
    /// Every Kumu map (view) of a backup with its positions by element id, and which
    /// one the elements were placed by.
    views: Vec<View>,
}

/// One Kumu map: its name and its element positions (x, y, pinned) by element id.
struct View {
    name: String,
    used: bool,
    positions: HashMap<String, (f64, f64, bool)>,
}

/// One Kumu element, with the paths to report its problems at.
struct Element {
    label: Field,
    /// The ids connections may use for it (`_id`, `id`, the `ID` column), with the
    /// places they were found.
    keys: Vec<(Place, String)>,
    kind: String,
    description: String,
    tags: Vec<String>,
    sector: String,
    extras: Vec<(String, String)>,
    position: Option<(f64, f64, bool)>,
}

/// A value and where it was found.
struct Field {
    place: Place,
    text: String,
}

/// One Kumu connection; `from` and `to` may name several elements each.
struct Connection {
    place: Place,
    from: Field,
    from_keys: Vec<String>,
    to: Field,
    to_keys: Vec<String>,
    kind: String,
    direction: String,
    reversed: bool,
    texts: Vec<String>,
    /// As written; empty when not given.
    strength: String,
    extras: Vec<(String, String)>,
}

fn build_map(
    source: Source,
    title: &str,
    new_id: &mut dyn FnMut() -> String,
    now: DateTime<Utc>,
    sectors: Vec<Sector>,
    mut report: ImportReport,
) -> Result<(Map, ImportReport), Vec<Problem>> {
    let title = [title, source.name.as_str(), "Kumu"]
        .into_iter()
        .map(str::trim)
        .find(|t| !t.is_empty())
        .unwrap_or_default();
    let mut map = Map::new(MapId(new_id()), title, now, sectors);
    map.description = plain_text(&source.description);
    // The default council requires the default sectors; a custom palette may lack some,
    // and a requirement for a sector that is not there would make the map invalid.
    let palette: HashSet<String> = map.sectors.iter().map(|s| s.id.0.clone()).collect();
    map.council
        .required_sectors
        .retain(|s| palette.contains(s.as_str()));

    let mut lookup = ActorLookup::new();
    let mut keys_seen: HashSet<String> = HashSet::new();
    for element in source.elements {
        if element.label.text.trim().is_empty() {
            report.note(element.label.place, Outcome::Skipped(Reason::EmptyName));
            continue;
        }
        let place = element.label.place.clone();
        match element_to_actor(element, &map.sectors, new_id, &mut lookup, &mut keys_seen) {
            Ok((actor, changes)) => {
                for change in changes {
                    report.note(place.clone(), change);
                }
                map.add_actor(actor);
            }
            Err((place, reason)) => report.note(place, Outcome::Skipped(reason)),
        }
    }
    for connection in source.connections {
        let relations = connection_to_relations(connection, &lookup, new_id, &mut report);
        map.relations.extend(relations);
    }
    // With more than one Kumu map, each one's positions are offered after the import.
    if source.views.len() > 1 {
        report.views = source
            .views
            .into_iter()
            .map(|view| view_placements(view, &lookup, &map))
            .collect();
    }
    report.added_actors = map.actors.len();
    report.added_relations = map.relations.len();
    let problems = validate(&map);
    if problems.is_empty() {
        Ok((map, report))
    } else {
        Err(problems)
    }
}

/// A Kumu map's positions as placements of the imported actors (by element id).
fn view_placements(view: View, lookup: &ActorLookup, map: &Map) -> KumuView {
    let mut placements: Vec<Placement> = view
        .positions
        .iter()
        .filter_map(|(key, &(x, y, pinned))| {
            let id = lookup.keys.get(key)?.clone();
            map.actor(&id)?;
            Some(Placement { id, x, y, pinned })
        })
        .filter(|p| p.x.is_finite() && p.y.is_finite())
        .collect();
    // In the map's order, so the command reads the same every time.
    let order = map.actor_index();
    crate::sort::sort_by_key(&mut placements, |p| order.get(&p.id).copied());
    KumuView {
        name: view.name,
        used: view.used,
        placements,
    }
}

/// An element as an actor, with what was kept elsewhere; or why it is left out, where.
fn element_to_actor(
    element: Element,
    sectors: &[Sector],
    new_id: &mut dyn FnMut() -> String,
    lookup: &mut ActorLookup,
    keys_seen: &mut HashSet<String>,
) -> Result<(Actor, Vec<Outcome>), (Place, Reason)> {
    // `_id` and `id` may repeat each other; only another element's id is a clash.
    let mut own: HashSet<&str> = HashSet::new();
    for (place, key) in &element.keys {
        if own.insert(key) && !keys_seen.insert(key.clone()) {
            return Err((place.clone(), Reason::DuplicateId(key.clone())));
        }
    }
    let mut changes = Vec::new();
    let mut actor = Actor::new(ActorId(new_id()), plain_text(&element.label.text).trim());
    actor.tags = element.tags;
    let (kind, kept) = actor_kind(&element.kind);
    actor.kind = kind;
    if let Some(original) = kept {
        push_tag(&mut actor.tags, &original);
        changes.push(Outcome::KeptAsTag {
            column: "type".into(),
            value: original,
        });
    }
    match find_sector(sectors, &element.sector) {
        Ok(Some(sector)) => actor.sector = sector,
        Ok(None) => {}
        // A Kumu sector that is not in the palette is kept where it can be filtered on.
        Err(_) => {
            let value = element.sector.trim().to_owned();
            push_tag(&mut actor.tags, &value);
            changes.push(Outcome::KeptAsTag {
                column: "sector".into(),
                value,
            });
        }
    }
    if let Some((x, y, pinned)) = element.position {
        actor.x = x;
        actor.y = y;
        actor.pinned = pinned;
        actor.repair_position();
    }
    actor.notes = notes(&element.description, &element.extras);
    for (_, key) in &element.keys {
        lookup.add(key, &actor.name, &actor.id);
    }
    lookup.add("", &actor.name, &actor.id);
    Ok((actor, changes))
}

/// A connection as relations (one for each pair of ends). When an end fits no actor the
/// connection is left out and reported by the name the file used for it.
fn connection_to_relations(
    connection: Connection,
    lookup: &ActorLookup,
    new_id: &mut dyn FnMut() -> String,
    report: &mut ImportReport,
) -> Vec<Relation> {
    let mut skipped: Option<(Place, Reason)> = None;
    let mut resolve = |field: &Field, keys: &[String]| -> Vec<ActorId> {
        if keys.is_empty() {
            skipped.get_or_insert((field.place.clone(), Reason::EmptyName));
        }
        keys.iter()
            .filter_map(|key| {
                lookup
                    .resolve(key)
                    .map_err(|reason| skipped.get_or_insert((field.place.clone(), reason)))
                    .ok()
            })
            .collect()
    };
    let froms = resolve(&connection.from, &connection.from_keys);
    let tos = resolve(&connection.to, &connection.to_keys);
    if let Some((place, reason)) = skipped {
        report.note(place, Outcome::Skipped(reason));
        return Vec::new();
    }

    let place = connection.place.clone();
    let mut keep = |column: &str, value: &str, texts: &mut Vec<String>| {
        texts.push(format!("{column}: {value}"));
        let (column, value) = (column.to_owned(), value.to_owned());
        report.note(place.clone(), Outcome::KeptInNote { column, value });
    };
    let mut texts: Vec<String> = connection
        .texts
        .iter()
        .map(|t| plain_text(t).trim().to_owned())
        .filter(|t| !t.is_empty())
        .collect();
    let kind_text = connection.kind.trim();
    let (kind, exact) = relation_kind(kind_text);
    if !kind_text.is_empty() && !exact {
        keep("connection type", kind_text, &mut texts);
    }
    let mut strength = 2;
    match parse_whole(&connection.strength, STRENGTH_RANGE) {
        Ok(Some(value)) => strength = value,
        Ok(None) => {}
        // Kumu strengths run on any scale; the original is kept beside the default.
        Err(_) => keep("strength", connection.strength.trim(), &mut texts),
    }
    let direction = connection.direction.trim().to_lowercase();
    let directed = match direction.as_str() {
        "directed" => true,
        // Samverkan has no mutual arrows; undirected is the closest reading.
        "" | "undirected" | "mutual" => false,
        _ => {
            keep("direction", connection.direction.trim(), &mut texts);
            false
        }
    };
    let note = notes(&texts.join("\n"), &connection.extras);

    let mut relations = Vec::new();
    for from in &froms {
        for to in &tos {
            if from == to {
                report.note(
                    connection.to.place.clone(),
                    Outcome::Skipped(Reason::SelfRelation),
                );
                continue;
            }
            // Kumu keeps a reversed arrow as a flag rather than by swapping the ends.
            let (from, to) = if connection.reversed && directed {
                (to, from)
            } else {
                (from, to)
            };
            let mut relation = Relation::new(RelationId(new_id()), from.clone(), to.clone());
            relation.kind = kind;
            relation.strength = strength;
            relation.directed = directed;
            relation.note = note.clone();
            relations.push(relation);
        }
    }
    relations
}

/// Element type → actor kind, with the original kept (as a tag) when it is no kind.
/// Plurals (`Organizations`) count as the kind.
fn actor_kind(text: &str) -> (ActorKind, Option<String>) {
    let text = text.trim();
    if text.is_empty() {
        return (ActorKind::Organisation, None);
    }
    let singular = text.strip_suffix(['s', 'S']).unwrap_or(text);
    match ACTOR_KINDS
        .exact(text)
        .or_else(|| ACTOR_KINDS.exact(singular))
    {
        Some(kind) => (kind, None),
        None => (ActorKind::Organisation, Some(text.to_owned())),
    }
}

/// Kumu keeps descriptions as HTML (`<p style="font-family:…">`); notes are plain text.
/// Paragraphs, list items and line breaks become new lines, every other tag goes, and
/// the common entities are decoded. Text that does not look like HTML is left as it is,
/// so a note saying "a < b" keeps its sign.
fn plain_text(text: &str) -> String {
    let lower = text.to_ascii_lowercase();
    if !["</", "<br", "<p", "<div", "<span", "<img", "<a "]
        .iter()
        .any(|t| lower.contains(t))
    {
        return text.to_owned();
    }
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    let mut links: Vec<Option<String>> = Vec::new();
    while let Some(start) = rest.find('<') {
        out.push_str(&rest[..start]);
        let Some(end) = rest[start..].find('>') else {
            break;
        };
        let name: String = rest[start + 1..start + end]
            .trim_start_matches('/')
            .chars()
            .take_while(char::is_ascii_alphanumeric)
            .collect::<String>()
            .to_ascii_lowercase();
        let tag = &rest[start + 1..start + end];
        if matches!(
            name.as_str(),
            "br" | "p" | "div" | "li" | "tr" | "h1" | "h2" | "h3" | "h4"
        ) {
            out.push('\n');
        }
        // A link keeps its address, after its text: `text (https://…)`.
        if name == "a" && tag.starts_with('/') {
            if let Some(href) = links.pop().flatten() {
                out.push_str(&format!(" ({href})"));
            }
        } else if name == "a" {
            links.push(attribute(tag, "href"));
        }
        rest = &rest[start + end + 1..];
    }
    out.push_str(rest);
    let decoded = out
        .replace("&nbsp;", " ")
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&apos;", "'")
        .replace("&amp;", "&");
    // Each paragraph, item and broken line on a line of its own, no empty ones.
    let lines: Vec<&str> = decoded
        .lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .collect();
    lines.join("\n")
}

/// The value of a tag's attribute (`href="…"` or `href='…'`), if it has one.
fn attribute(tag: &str, name: &str) -> Option<String> {
    let lower = tag.to_ascii_lowercase();
    let at = lower.find(&format!("{name}="))? + name.len() + 1;
    let rest = &tag[at..];
    let quote = rest.chars().next().filter(|c| *c == '"' || *c == '\'')?;
    let value = &rest[1..];
    Some(value[..value.find(quote)?].to_owned())
}

/// A text followed by `field: value` lines, each made plain (Kumu keeps HTML in its
/// descriptions and in custom fields alike).
fn notes(text: &str, extras: &[(String, String)]) -> String {
    let extras: Vec<(String, String)> = extras
        .iter()
        .map(|(field, value)| (field.clone(), plain_text(value)))
        .collect();
    with_fields(&plain_text(text), &extras)
}

// ---- JSON ----

/// Element fields with a place in an actor; every other field goes to the notes.
const ELEMENT_FIELDS: [&str; 10] = [
    "_id",
    "attributes",
    "id",
    "label",
    "type",
    "element type",
    "description",
    "tags",
    "sector",
    "sektor",
];

/// Connection fields with a place in a relation, and Kumu's drawing flags.
const CONNECTION_FIELDS: [&str; 13] = [
    "_id",
    "id",
    "from",
    "to",
    "type",
    "connection type",
    "direction",
    "reversed",
    "delayed",
    "label",
    "description",
    "strength",
    "attributes",
];

fn json_source(value: &Value, report: &mut ImportReport) -> Result<Source, Vec<Problem>> {
    let Some(top) = value.as_object() else {
        return Err(vec![not_kumu("")]);
    };
    if !top.contains_key("elements") && !top.contains_key("connections") {
        return Err(vec![not_kumu("")]);
    }
    let mut problems = Vec::new();
    let views = json_views(top, report);
    let no_positions = HashMap::new();
    let positions = views
        .iter()
        .find(|v| v.used)
        .map_or(&no_positions, |v| &v.positions);
    let mut elements = Vec::new();
    for (i, item) in json_list(top, "elements", &mut problems).iter().enumerate() {
        let path = format!("elements[{i}]");
        match item.as_object() {
            Some(object) => elements.push(json_element(path, object, positions)),
            None => report.note(Place::Path(path), Outcome::Skipped(expected_object(item))),
        }
    }
    let mut connections = Vec::new();
    for (i, item) in json_list(top, "connections", &mut problems)
        .iter()
        .enumerate()
    {
        let path = format!("connections[{i}]");
        match item.as_object() {
            Some(object) => connections.push(json_connection(&path, object)),
            None => report.note(Place::Path(path), Outcome::Skipped(expected_object(item))),
        }
    }
    if !problems.is_empty() {
        return Err(problems);
    }
    // Loops name cycles of connections; a Samverkan map has no place for them.
    let loops = top
        .get("loops")
        .and_then(Value::as_array)
        .map(Vec::as_slice);
    for (i, item) in loops.unwrap_or(&[]).iter().enumerate() {
        let name = item
            .get("label")
            .or_else(|| item.pointer("/attributes/label"))
            .map(plain)
            .unwrap_or_default();
        let part = Part::Loop;
        report.note(
            Place::Path(format!("loops[{i}]")),
            Outcome::NotImported { part, name },
        );
    }
    Ok(Source {
        name: top.get("name").map(plain).unwrap_or_default(),
        description: top.get("description").map(plain).unwrap_or_default(),
        elements,
        connections,
        views,
    })
}

fn not_kumu(path: &str) -> Problem {
    Problem::new(path, Reason::NotKumu)
}

/// `found` where an object belongs.
fn expected_object(found: &Value) -> Reason {
    Reason::WrongType {
        expected: Expected::Object,
        found: Some(Found::of(found)),
    }
}

/// The array at `top[key]`; missing or null is empty, anything else is a problem.
fn json_list<'a>(
    top: &'a Object<String, Value>,
    key: &str,
    problems: &mut Vec<Problem>,
) -> &'a [Value] {
    match top.get(key) {
        None | Some(Value::Null) => &[],
        Some(Value::Array(items)) => items,
        Some(other) => {
            problems.push(Problem::new(
                key,
                Reason::WrongType {
                    expected: Expected::List,
                    found: Some(Found::of(other)),
                },
            ));
            &[]
        }
    }
}

/// Every map of a backup with its element positions; the default map (else the first)
/// is the one used, the others are reported as not imported (the app offers them).
fn json_views(top: &Object<String, Value>, report: &mut ImportReport) -> Vec<View> {
    let maps = top
        .get("maps")
        .and_then(Value::as_array)
        .map(Vec::as_slice)
        .unwrap_or(&[]);
    let default = top.get("defaultMap").and_then(Value::as_str);
    let chosen = maps
        .iter()
        .find(|m| default.is_some() && m.get("_id").and_then(Value::as_str) == default)
        .or_else(|| maps.first());
    let mut views = Vec::new();
    for (i, view) in maps.iter().enumerate() {
        let used = chosen.is_some_and(|c| std::ptr::eq(c, view));
        let name = view.get("name").map(plain).unwrap_or_default();
        if !used {
            let (part, name) = (Part::View, name.clone());
            report.note(
                Place::Path(format!("maps[{i}]")),
                Outcome::NotImported { part, name },
            );
        }
        let mut positions = HashMap::new();
        let placed = view
            .get("elements")
            .and_then(Value::as_array)
            .map(Vec::as_slice)
            .unwrap_or(&[]);
        for node in placed {
            let element = node.get("element").and_then(Value::as_str);
            let x = node.pointer("/position/x").and_then(Value::as_f64);
            let y = node.pointer("/position/y").and_then(Value::as_f64);
            if let (Some(element), Some(x), Some(y)) = (element, x, y) {
                let pinned = node.get("pinned").and_then(Value::as_bool).unwrap_or(false);
                positions.insert(element.to_owned(), (x, y, pinned));
            }
        }
        views.push(View {
            name,
            used,
            positions,
        });
    }
    views
}

/// A field of an element or connection: under `attributes` first (backups), then at the
/// top (blueprints). Null counts as absent.
fn json_field<'a>(
    path: &str,
    object: &'a Object<String, Value>,
    names: &[&str],
) -> Option<(String, &'a Value)> {
    // Kumu writes field names in lower case; hand-written blueprints may not.
    let find = |fields: &'a Object<String, Value>| {
        names.iter().find_map(|name| {
            fields
                .iter()
                .find(|(key, value)| key.to_lowercase() == *name && !value.is_null())
        })
    };
    let attributes = object.get("attributes").and_then(Value::as_object);
    if let Some((key, value)) = attributes.and_then(find) {
        return Some((format!("{path}.attributes.{}", json_key(key)), value));
    }
    find(object).map(|(key, value)| (format!("{path}.{}", json_key(key)), value))
}

/// A key as written in a path: bare when it is a plain word, else quoted.
fn json_key(name: &str) -> String {
    if name.chars().all(|c| c.is_alphanumeric() || c == '_') {
        name.to_owned()
    } else {
        format!("[\"{name}\"]")
    }
}

/// The text of a field (missing is empty).
fn json_text(path: &str, object: &Object<String, Value>, names: &[&str]) -> String {
    json_field(path, object, names)
        .map(|(_, v)| plain(v))
        .unwrap_or_default()
}

/// A JSON value as plain text: strings as they are, lists joined with ` | `.
fn plain(value: &Value) -> String {
    match value {
        Value::Null => String::new(),
        Value::String(text) => text.clone(),
        Value::Array(items) => items
            .iter()
            .map(plain)
            .filter(|t| !t.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" | "),
        other => other.to_string(),
    }
}

/// Fields outside `known`, from `attributes` and the top of the object, as text.
fn json_extras(object: &Object<String, Value>, known: &[&str]) -> Vec<(String, String)> {
    let attributes = object.get("attributes").and_then(Value::as_object);
    attributes
        .into_iter()
        .flatten()
        .chain(object.iter())
        .filter(|(key, _)| !known.contains(&key.to_lowercase().as_str()))
        .map(|(key, value)| (key.clone(), plain(value)))
        .filter(|(_, text)| !text.trim().is_empty())
        .collect()
}

fn json_element(
    path: String,
    object: &Object<String, Value>,
    positions: &HashMap<String, (f64, f64, bool)>,
) -> Element {
    let label = match json_field(&path, object, &["label"]) {
        Some((at, value)) => Field {
            place: Place::Path(at),
            text: plain(value),
        },
        None => Field {
            place: Place::Path(format!("{path}.attributes.label")),
            text: String::new(),
        },
    };
    let keys: Vec<(Place, String)> = ["_id", "id"]
        .into_iter()
        .filter_map(|name| {
            let value = object.get(name).filter(|v| !v.is_null())?;
            Some((Place::Path(format!("{path}.{name}")), plain(value)))
        })
        .filter(|(_, key)| !key.is_empty())
        .collect();
    let position = keys.iter().find_map(|(_, key)| positions.get(key).copied());
    let tags = match json_field(&path, object, &["tags"]).map(|(_, v)| v) {
        Some(Value::Array(items)) => {
            let mut tags = Vec::new();
            for tag in items.iter().map(plain) {
                if !tag.trim().is_empty() {
                    push_tag(&mut tags, tag.trim());
                }
            }
            tags
        }
        Some(other) => split_tags(&plain(other)),
        None => Vec::new(),
    };
    Element {
        kind: json_text(&path, object, &["element type", "type"]),
        description: json_text(&path, object, &["description"]),
        sector: json_text(&path, object, &["sector", "sektor"]),
        extras: json_extras(object, &ELEMENT_FIELDS),
        label,
        keys,
        tags,
        position,
    }
}

fn json_connection(path: &str, object: &Object<String, Value>) -> Connection {
    let end = |name: &str| -> (Field, Vec<String>) {
        let value = object.get(name);
        let keys = match value {
            Some(Value::Array(items)) => items.iter().map(plain).collect(),
            Some(value) => vec![plain(value)],
            None => Vec::new(),
        };
        let keys = keys.into_iter().filter(|k| !k.trim().is_empty()).collect();
        let field = Field {
            place: Place::Path(format!("{path}.{name}")),
            text: value.map(plain).unwrap_or_default(),
        };
        (field, keys)
    };
    let (from, from_keys) = end("from");
    let (to, to_keys) = end("to");
    Connection {
        place: Place::Path(path.to_owned()),
        from,
        from_keys,
        to,
        to_keys,
        kind: json_text(path, object, &["connection type", "type"]),
        direction: json_text(path, object, &["direction"]),
        reversed: object
            .get("reversed")
            .and_then(Value::as_bool)
            .unwrap_or(false),
        texts: vec![
            json_text(path, object, &["label"]),
            json_text(path, object, &["description"]),
        ],
        strength: json_text(path, object, &["strength"]),
        extras: json_extras(object, &CONNECTION_FIELDS),
    }
}

// ---- CSV ----

const ELEMENT_COLUMNS: [&str; 6] = ["label", "id", "type", "description", "tags", "sector"];
const ELEMENT_ALIASES: [(&str, &str); 7] = [
    ("element_type", "type"),
    ("name", "label"),
    ("namn", "label"),
    ("typ", "type"),
    ("beskrivning", "description"),
    ("taggar", "tags"),
    ("sektor", "sector"),
];
const CONNECTION_COLUMNS: [&str; 8] = [
    "from",
    "to",
    "id",
    "type",
    "direction",
    "label",
    "description",
    "strength",
];
const CONNECTION_ALIASES: [(&str, &str); 7] = [
    ("weight", "strength"),
    ("riktning", "direction"),
    ("connection_type", "type"),
    ("från", "from"),
    ("till", "to"),
    ("typ", "type"),
    ("beskrivning", "description"),
];

/// A sheet read and its columns found, or the problems, named after `sheet`. Rows whose
/// cells are shifted (more cells than the header) are left out and reported.
fn csv_sheet(
    sheet: &str,
    text: &str,
    fields: &[&str],
    aliases: &[(&str, &str)],
    required: &[&str],
    report: &mut ImportReport,
) -> Result<(Table, Columns), Vec<Problem>> {
    let mut table = read_table(text).map_err(|e| vec![row_problem(sheet, e)])?;
    let columns = Columns::find(&table, fields, aliases, &[], required).map_err(|errors| {
        errors
            .into_iter()
            .map(|e| row_problem(sheet, e))
            .collect::<Vec<_>>()
    })?;
    table.rows.retain(|row| match columns.check_width(row) {
        Some(reason) => {
            report.note(Place::Line(row.line), Outcome::Skipped(reason));
            false
        }
        None => true,
    });
    Ok((table, columns))
}

/// A sheet's error as a problem at `elements row 3, Label`.
fn row_problem(sheet: &str, error: RowError) -> Problem {
    let path = match (error.row, error.column.as_str()) {
        (0, _) => sheet.to_owned(),
        (row, "") => format!("{sheet} row {row}"),
        (row, column) => format!("{sheet} row {row}, {column}"),
    };
    Problem::new(path, error.reason)
}

fn csv_elements(text: &str, report: &mut ImportReport) -> Result<Vec<Element>, Vec<Problem>> {
    let (table, columns) = csv_sheet(
        "elements",
        text,
        &ELEMENT_COLUMNS,
        &ELEMENT_ALIASES,
        &["label"],
        report,
    )?;
    let unmapped = columns.unmapped(&table);
    Ok(table
        .rows
        .iter()
        .map(|row| {
            let id = columns.get(row, "id").trim();
            let place = Place::Line(row.line);
            Element {
                label: Field {
                    place: place.clone(),
                    text: columns.get(row, "label").to_owned(),
                },
                keys: if id.is_empty() {
                    Vec::new()
                } else {
                    vec![(place, id.to_owned())]
                },
                kind: columns.get(row, "type").to_owned(),
                description: columns.get(row, "description").to_owned(),
                tags: split_tags(columns.get(row, "tags")),
                sector: columns.get(row, "sector").to_owned(),
                extras: row_extras(row, &unmapped),
                position: None,
            }
        })
        .collect())
}

fn csv_connections(text: &str, report: &mut ImportReport) -> Result<Vec<Connection>, Vec<Problem>> {
    let (table, columns) = csv_sheet(
        "connections",
        text,
        &CONNECTION_COLUMNS,
        &CONNECTION_ALIASES,
        &["from", "to"],
        report,
    )?;
    let unmapped = columns.unmapped(&table);
    let end = |row: &Row, field: &str| -> (Field, Vec<String>) {
        let text = columns.get(row, field);
        let keys = text
            .split('|')
            .map(str::trim)
            .filter(|k| !k.is_empty())
            .map(str::to_owned)
            .collect();
        let place = Place::Line(row.line);
        let text = text.to_owned();
        (Field { place, text }, keys)
    };
    Ok(table
        .rows
        .iter()
        .map(|row| {
            let (from, from_keys) = end(row, "from");
            let (to, to_keys) = end(row, "to");
            Connection {
                place: Place::Line(row.line),
                from,
                from_keys,
                to,
                to_keys,
                kind: columns.get(row, "type").to_owned(),
                direction: columns.get(row, "direction").to_owned(),
                reversed: false,
                texts: vec![
                    columns.get(row, "label").to_owned(),
                    columns.get(row, "description").to_owned(),
                ],
                strength: columns.get(row, "strength").to_owned(),
                extras: row_extras(row, &unmapped),
            }
        })
        .collect())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_descriptions_become_plain_text_and_plain_text_stays() {
        let html = "<p style=\"font-family: Arial\">Regional <strong>kompetens</strong> &amp; tillväxt</p>\
                    <p>Rad två<br>rad tre</p><ul><li>ett</li><li>två &lt;3</li></ul>";
        assert_eq!(
            plain_text(html),
            "Regional kompetens & tillväxt\nRad två\nrad tre\nett\ntvå <3"
        );
        assert_eq!(plain_text("a < b and c > d"), "a < b and c > d");
        assert_eq!(
            plain_text("<p><img src=\"x.png\" alt=\"logo\"/>Voir <a href=\"https://example.org/g\">le guide</a></p>"),
            "Voir le guide (https://example.org/g)"
        );
        assert_eq!(
            notes("<p>Text</p>", &[("trust".into(), "high".into())]),
            "Text\n\ntrust: high"
        );
    }

    #[test]
    fn element_types_map_to_kinds_or_stay_as_tags() {
        assert_eq!(actor_kind("Organization"), (ActorKind::Organisation, None));
        assert_eq!(actor_kind("People"), (ActorKind::Person, None));
        assert_eq!(actor_kind("projects"), (ActorKind::Project, None));
        assert_eq!(actor_kind(""), (ActorKind::Organisation, None));
        assert_eq!(
            actor_kind("Company"),
            (ActorKind::Organisation, Some("Company".into()))
        );
    }

    #[test]
    fn notes_join_text_and_fields() {
        let extras = vec![("Region".to_owned(), "Norr".to_owned())];
        assert_eq!(notes(" Text ", &extras), "Text\n\nRegion: Norr");
        assert_eq!(notes("", &extras), "Region: Norr");
        assert_eq!(notes("Text", &[]), "Text");
    }
}
