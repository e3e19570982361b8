//! GraphML export for network tools (Gephi, Cytoscape, networkx): every actor field and
//! the computed metrics as node data, relation fields as edge data.
//!
//! The graph is written undirected and a relation's direction travels as the `directed`
//! edge attribute, not as GraphML's per-edge `directed="true"`: networkx refuses a file
//! that mixes directed and undirected edges, and Samverkan's metrics take relations as
//! undirected anyway, so the tools compute the same numbers.

use crate::actor::Actor;
use crate::ids::ActorId;
use crate::map::Map;
use crate::relation::Relation;
use std::collections::{HashMap, HashSet};
use std::fmt::Write;

/// What a GraphML key is attached to.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Domain {
    Graph,
    Node,
    Edge,
}

impl Domain {
    fn as_str(self) -> &'static str {
        match self {
            Domain::Graph => "graph",
            Domain::Node => "node",
            Domain::Edge => "edge",
        }
    }
}

/// A typed value of one `<data>` element.
enum Value<'a> {
    Text(&'a str),
    Owned(String),
    Int(i64),
    Double(f64),
    Bool(bool),
}

impl Value<'_> {
    fn attr_type(&self) -> &'static str {
        match self {
            Value::Text(_) | Value::Owned(_) => "string",
            Value::Int(_) => "int",
            Value::Double(_) => "double",
            Value::Bool(_) => "boolean",
        }
    }

    fn write(&self, out: &mut String) {
        match self {
            Value::Text(text) => escape_into(out, text, false),
            Value::Owned(text) => escape_into(out, text, false),
            Value::Int(n) => {
                let _ = write!(out, "{n}");
            }
            // XML Schema spells the special doubles NaN, INF and -INF.
            Value::Double(v) if v.is_nan() => out.push_str("NaN"),
            Value::Double(v) if v.is_infinite() => {
                out.push_str(if *v > 0.0 { "INF" } else { "-INF" })
            }
            Value::Double(v) => {
                let _ = write!(out, "{v:?}");
            }
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        }
    }
}

/// The map as a GraphML document. `metrics` are `(actor, degree, betweenness)` as the
/// caller computed them; with them, every listed actor gets `degree` and `betweenness`
/// data. Relations whose ends are not both on the map are left out, since GraphML
/// requires edges between declared nodes.
pub fn export_graphml(map: &Map, metrics: Option<&[(ActorId, usize, f64)]>) -> String {
    let metrics: Option<HashMap<&ActorId, (usize, f64)>> =
        metrics.map(|m| m.iter().map(|(id, d, b)| (id, (*d, *b))).collect());
    let actor_ids: HashSet<&ActorId> = map.actors.iter().map(|a| &a.id).collect();
    // Louvain communities at resolution 1, as `Colour by` → `Community` shows them.
    let communities = crate::community::communities(map, 1.0);
    let community: HashMap<&ActorId, usize> = communities.iter().map(|(id, c)| (id, *c)).collect();
    let graph = graph_data(map);
    let nodes: Vec<(&Actor, Vec<(&'static str, Value)>)> = map
        .actors
        .iter()
        .map(|actor| {
            let mut data = node_data(map, actor);
            if let Some(c) = community.get(&actor.id) {
                data.push(("community", Value::Int(*c as i64)));
            }
            if let Some((degree, betweenness)) = metrics.as_ref().and_then(|m| m.get(&actor.id)) {
                data.push(("degree", Value::Int(*degree as i64)));
                data.push(("betweenness", Value::Double(*betweenness)));
            }
            (actor, data)
        })
        .collect();
    let edges: Vec<(&Relation, Vec<(&'static str, Value)>)> = map
        .relations
        .iter()
        .filter(|r| actor_ids.contains(&r.from) && actor_ids.contains(&r.to))
        .map(|relation| (relation, edge_data(relation)))
        .collect();

    let mut out = String::with_capacity(1024 + 600 * nodes.len() + 200 * edges.len());
    out.push_str(concat!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n",
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"",
        " xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"",
        " xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns",
        " http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n",
    ));
    // Keys come first, as the schema requires, and only for data that is used; the first
    // use decides the type, and every use of a name has the same type.
    let mut declared: HashSet<(&'static str, &'static str)> = HashSet::new();
    let mut declare = |out: &mut String, domain: Domain, data: &[(&'static str, Value)]| {
        for (name, value) in data {
            if declared.insert((domain.as_str(), name)) {
                let _ = writeln!(
                    out,
                    "  <key id=\"{}\" for=\"{}\" attr.name=\"{name}\" attr.type=\"{}\"/>",
                    key_id(domain, name),
                    domain.as_str(),
                    value.attr_type()
                );
            }
        }
    };
    declare(&mut out, Domain::Graph, &graph);
    for (_, data) in &nodes {
        declare(&mut out, Domain::Node, data);
    }
    for (_, data) in &edges {
        declare(&mut out, Domain::Edge, data);
    }

    out.push_str("  <graph id=\"G\" edgedefault=\"undirected\">\n");
    write_data(&mut out, "    ", Domain::Graph, &graph);
    for (actor, data) in &nodes {
        out.push_str("    <node id=\"");
        escape_into(&mut out, actor.id.as_str(), true);
        out.push_str("\">\n");
        write_data(&mut out, "      ", Domain::Node, data);
        out.push_str("    </node>\n");
    }
    for (relation, data) in &edges {
        out.push_str("    <edge id=\"");
        escape_into(&mut out, relation.id.as_str(), true);
        out.push_str("\" source=\"");
        escape_into(&mut out, relation.from.as_str(), true);
        out.push_str("\" target=\"");
        escape_into(&mut out, relation.to.as_str(), true);
        out.push_str("\">\n");
        write_data(&mut out, "      ", Domain::Edge, data);
        out.push_str("    </edge>\n");
    }
    out.push_str("  </graph>\n</graphml>\n");
    out
}

fn graph_data(map: &Map) -> Vec<(&'static str, Value<'_>)> {
    vec![
        ("title", Value::Text(&map.title)),
        ("description", Value::Text(&map.description)),
    ]
}

/// Every field of an actor. `label` repeats the name because Gephi shows the attribute of
/// that name on the canvas; `x` and `y` are the names Gephi reads positions from.
fn node_data<'a>(map: &'a Map, actor: &'a Actor) -> Vec<(&'static str, Value<'a>)> {
    let sector = map.sector(actor.sector.as_str());
    // An unrated actor has no rating data (GraphML's missing value), not a made-up number.
    let ratings = [
        ("influence", actor.influence),
        ("interest", actor.interest),
        ("attitude", actor.attitude),
    ]
    .into_iter()
    .filter_map(|(name, rating)| Some((name, Value::Int(rating?))));
    let mut data = vec![
        ("label", Value::Text(&actor.name)),
        ("name", Value::Text(&actor.name)),
        ("short_name", Value::Text(&actor.short_name)),
        ("kind", Value::Text(actor.kind.as_str())),
        ("sector", Value::Text(actor.sector.as_str())),
        (
            "sector_label",
            Value::Text(sector.map(|s| s.label.as_str()).unwrap_or("")),
        ),
        (
            "sector_color",
            Value::Text(sector.map(|s| s.color.as_str()).unwrap_or("")),
        ),
        ("level", Value::Text(actor.level.as_str())),
        ("municipality", Value::Text(&actor.municipality)),
        ("power", Value::Bool(actor.salience.power)),
        ("legitimacy", Value::Bool(actor.salience.legitimacy)),
        ("urgency", Value::Bool(actor.salience.urgency)),
        ("tags", Value::Owned(actor.tags.join("|"))),
        ("notes", Value::Text(&actor.notes)),
        ("contacts", Value::Owned(contacts_text(actor))),
        ("x", Value::Double(actor.x)),
        ("y", Value::Double(actor.y)),
        ("pinned", Value::Bool(actor.pinned)),
    ];
    data.extend(ratings);
    data
}

/// Contact persons on one line each: `name, role, e-mail, phone`, empty parts left out.
fn contacts_text(actor: &Actor) -> String {
    actor
        .contacts
        .iter()
        .map(|c| {
            [&c.name, &c.role, &c.email, &c.phone]
                .into_iter()
                .map(|part| part.trim())
                .filter(|part| !part.is_empty())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// Every field of a relation. `weight` repeats the strength as the edge weight that
/// Gephi and networkx's weighted algorithms look for.
fn edge_data(relation: &Relation) -> Vec<(&'static str, Value<'_>)> {
    vec![
        ("kind", Value::Text(relation.kind.as_str())),
        ("strength", Value::Int(relation.strength)),
        ("weight", Value::Double(relation.strength as f64)),
        ("directed", Value::Bool(relation.directed)),
        ("note", Value::Text(&relation.note)),
    ]
}

/// A key's id: the domain's letter and the attribute name (`n_influence`), so ids are
/// unique across domains and readable in the file.
fn key_id(domain: Domain, name: &str) -> String {
    let prefix = match domain {
        Domain::Graph => "g",
        Domain::Node => "n",
        Domain::Edge => "e",
    };
    format!("{prefix}_{name}")
}

fn write_data(out: &mut String, indent: &str, domain: Domain, data: &[(&str, Value)]) {
    for (name, value) in data {
        let _ = write!(out, "{indent}<data key=\"{}\">", key_id(domain, name));
        value.write(out);
        out.push_str("</data>\n");
    }
}

/// Writes `text` as XML character data (or an attribute value). Markup characters become
/// entities; characters XML 1.0 forbids (most control characters, U+FFFE, U+FFFF) become
/// U+FFFD so the file stays well-formed; carriage returns, and in attributes tabs and
/// line feeds, become character references because parsers would otherwise normalise them.
fn escape_into(out: &mut String, text: &str, attribute: bool) {
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' if attribute => out.push_str("&quot;"),
            '\r' => out.push_str("&#13;"),
            '\n' if attribute => out.push_str("&#10;"),
            '\t' if attribute => out.push_str("&#9;"),
            '\n' | '\t' => out.push(c),
            c if (c as u32) < 0x20 || c == '\u{fffe}' || c == '\u{ffff}' => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn escaped(text: &str, attribute: bool) -> String {
        let mut out = String::new();
        escape_into(&mut out, text, attribute);
        out
    }

    #[test]
    fn text_is_escaped_for_xml() {
        assert_eq!(
            escaped("a<b & \"c\" > d", false),
            "a&lt;b &amp; \"c\" &gt; d"
        );
        assert_eq!(escaped("\"q\"\n\t", true), "&quot;q&quot;&#10;&#9;");
        assert_eq!(escaped("rad 1\r\nrad 2", false), "rad 1&#13;\nrad 2");
        assert_eq!(escaped("bell\u{7}", false), "bell\u{fffd}");
        assert_eq!(escaped("Åsa “Ö”", false), "Åsa “Ö”");
    }
}
