//! Merging breakout groups' maps into one: actors matched by id, then by name (case, white
//! space and "kommun"-style suffixes ignored); relations matched by their ends and kind.
//! Fields that differ are conflicts the user settles one by one (keep mine / take theirs)
//! before the merged map is made; the app applies it as one undo step.

use crate::actor::Actor;
use crate::ids::{ActorId, RelationId};
use crate::map::Map;
use crate::relation::Relation;
use serde_json::Value;
use std::collections::HashMap;

/// What a conflict is about.
#[derive(Clone, Debug, PartialEq)]
pub enum Subject {
    Actor(ActorId),
    Relation(RelationId),
}

/// One field whose value differs between this map and a merged file.
#[derive(Clone, Debug, PartialEq)]
pub struct Conflict {
    pub subject: Subject,
    /// The actor's name, or the relation's ends ("A – B"), as this map has them.
    pub label: String,
    /// The field's name in the file format (`municipality`, `strength`).
    pub field: String,
    pub mine: Value,
    pub theirs: Value,
    /// The user's choice: false keeps mine.
    pub take_theirs: bool,
}

/// The merge of some files into a map, before and after the user's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct Merge {
    /// The merged map with every conflict kept as mine.
    base: Map,
    pub conflicts: Vec<Conflict>,
    pub added_actors: usize,
    pub matched_actors: usize,
    pub added_relations: usize,
    pub matched_relations: usize,
}

/// What a merge adds, recognises and asks about, for its summary.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Counts {
    pub added_actors: usize,
    pub matched_actors: usize,
    pub added_relations: usize,
    pub matched_relations: usize,
    pub conflicts: usize,
}

/// Fields never reported as conflicts: identity, the place on the canvas (each group laid
/// out its own map), and lists that are joined instead.
const NOT_COMPARED: [&str; 6] = ["id", "x", "y", "pinned", "tags", "contacts"];
const NOT_COMPARED_RELATION: [&str; 3] = ["id", "from", "to"];

/// Words that name the kind of body rather than the body: "Växjö kommun" is "Växjö".
/// "Region" and "län" are not among them: Region Kronoberg and the county board of
/// Kronobergs län are different actors.
const SUFFIXES: [&str; 6] = ["kommun", "kommunen", "stad", "staden", "ab", "municipality"];

/// The ways a name can be written that still mean the same actor.
fn name_keys(name: &str) -> Vec<String> {
    let words: Vec<String> = name.split_whitespace().map(str::to_lowercase).collect();
    let core: Vec<&str> = words
        .iter()
        .map(String::as_str)
        .filter(|w| !SUFFIXES.contains(w))
        .collect();
    let core = if core.is_empty() {
        words.join(" ")
    } else {
        core.join(" ")
    };
    let mut keys = vec![core.clone()];
    // "Jönköpings kommun": the genitive goes with the suffix.
    if core.len() < words.join(" ").len() {
        if let Some(stem) = core.strip_suffix('s') {
            keys.push(stem.to_owned());
        }
    }
    keys
}

/// Whether two names mean the same actor.
pub fn same_name(a: &str, b: &str) -> bool {
    let (a, b) = (name_keys(a), name_keys(b));
    a.iter().any(|k| b.contains(k))
}

fn fields<T: serde::Serialize>(item: &T) -> serde_json::Map<String, Value> {
    match serde_json::to_value(item) {
        Ok(Value::Object(fields)) => fields,
        _ => unreachable!("actors and relations serialise as objects"),
    }
}

/// Nothing said: an empty text or list, an unset rating, no salience flag.
fn is_blank(value: &Value) -> bool {
    match value {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(items) => items.is_empty(),
        Value::Object(flags) => flags.values().all(|v| v == &Value::Bool(false)),
        _ => false,
    }
}

/// The fields of `theirs` that differ from `mine`, leaving out `skip` and the fields
/// `theirs` leaves blank (a group that did not fill a field does not disagree).
fn differences<T: serde::Serialize>(
    mine: &T,
    theirs: &T,
    skip: &[&str],
) -> Vec<(String, Value, Value)> {
    let (mine, theirs) = (fields(mine), fields(theirs));
    mine.into_iter()
        .filter(|(key, _)| !skip.contains(&key.as_str()))
        .filter_map(|(key, value)| {
            let other = theirs.get(&key)?.clone();
            (other != value && !is_blank(&other)).then_some((key, value, other))
        })
        .collect()
}

/// `item` with `field` set to `value`; unchanged if the value does not fit.
fn with_field<T: serde::Serialize + serde::de::DeserializeOwned + Clone>(
    item: &T,
    field: &str,
    value: &Value,
) -> T {
    let mut object = fields(item);
    object.insert(field.to_owned(), value.clone());
    serde_json::from_value(Value::Object(object)).unwrap_or_else(|_| item.clone())
}

/// Both relations join the same two actors with the same kind (either way round unless
/// both are directed).
fn same_relation(a: &Relation, b: &Relation) -> bool {
    let forward = a.from == b.from && a.to == b.to;
    let backward = a.from == b.to && a.to == b.from && !(a.directed && b.directed);
    a.kind == b.kind && (forward || backward)
}

impl Merge {
    /// Merges `files` into `mine`, one after the other. `new_id` names relations whose id
    /// is taken already by another relation.
    pub fn plan(mine: &Map, files: &[Map], new_id: &mut dyn FnMut() -> String) -> Self {
        let mut merge = Merge {
            base: mine.clone(),
            conflicts: Vec::new(),
            added_actors: 0,
            matched_actors: 0,
            added_relations: 0,
            matched_relations: 0,
        };
        for file in files {
            merge.add_file(file, new_id);
        }
        merge
    }

    fn add_file(&mut self, file: &Map, new_id: &mut dyn FnMut() -> String) {
        // What a file left out stays left out: the merged map is as private as the most.
        self.base.profile = self.base.profile.max(file.profile);
        for sector in &file.sectors {
            if self.base.sector(sector.id.as_str()).is_none() {
                self.base.sectors.push(sector.clone());
            }
        }
        // Their actor ids, as this map knows them.
        let mut ids: HashMap<ActorId, ActorId> = HashMap::new();
        for theirs in &file.actors {
            let by_id = self.base.actor(&theirs.id).cloned();
            let by_name = || {
                let mut actors = self.base.actors.iter();
                actors.find(|a| same_name(&a.name, &theirs.name)).cloned()
            };
            let matched_by_name = by_id.is_none();
            match by_id.or_else(by_name) {
                Some(mine) => {
                    self.matched_actors += 1;
                    self.join_lists(&mine.id, theirs);
                    // A name that matched is the same name written another way.
                    let name = if matched_by_name {
                        &mine.name
                    } else {
                        &theirs.name
                    };
                    let compared = Actor {
                        id: mine.id.clone(),
                        name: name.clone(),
                        ..theirs.clone()
                    };
                    for (field, mine_value, theirs_value) in
                        differences(&mine, &compared, &NOT_COMPARED)
                    {
                        self.conflicts.push(Conflict {
                            subject: Subject::Actor(mine.id.clone()),
                            label: mine.name.clone(),
                            field,
                            mine: mine_value,
                            theirs: theirs_value,
                            take_theirs: false,
                        });
                    }
                    ids.insert(theirs.id.clone(), mine.id);
                }
                None => {
                    self.added_actors += 1;
                    self.base.add_actor(theirs.clone());
                    ids.insert(theirs.id.clone(), theirs.id.clone());
                }
            }
        }
        for theirs in &file.relations {
            let (Some(from), Some(to)) = (ids.get(&theirs.from), ids.get(&theirs.to)) else {
                continue;
            };
            if from == to {
                continue; // Both ends matched one actor here: it would be a loop.
            }
            let mapped = Relation {
                from: from.clone(),
                to: to.clone(),
                ..theirs.clone()
            };
            match self
                .base
                .relations
                .iter()
                .find(|r| same_relation(r, &mapped))
            {
                Some(mine) => {
                    self.matched_relations += 1;
                    let label = self.relation_label(mine);
                    let compared = Relation {
                        id: mine.id.clone(),
                        from: mine.from.clone(),
                        to: mine.to.clone(),
                        ..mapped
                    };
                    for (field, mine_value, theirs_value) in
                        differences(mine, &compared, &NOT_COMPARED_RELATION)
                    {
                        self.conflicts.push(Conflict {
                            subject: Subject::Relation(mine.id.clone()),
                            label: label.clone(),
                            field,
                            mine: mine_value,
                            theirs: theirs_value,
                            take_theirs: false,
                        });
                    }
                }
                None => {
                    let mut added = mapped;
                    if self.base.relations.iter().any(|r| r.id == added.id) {
                        added.id = new_id().into();
                    }
                    self.added_relations += 1;
                    self.base.relations.push(added);
                }
            }
        }
    }

    /// Tags and contact persons are joined, not compared: both groups' are kept.
    fn join_lists(&mut self, id: &ActorId, theirs: &Actor) {
        let Some(mine) = self.base.actor_mut(id) else {
            return;
        };
        for tag in &theirs.tags {
            if !mine.tags.iter().any(|t| t.eq_ignore_ascii_case(tag)) {
                mine.tags.push(tag.clone());
            }
        }
        for contact in &theirs.contacts {
            if !mine
                .contacts
                .iter()
                .any(|c| same_name(&c.name, &contact.name))
            {
                mine.contacts.push(contact.clone());
            }
        }
    }

    fn relation_label(&self, relation: &Relation) -> String {
        let name = |id| self.base.actor(id).map_or("?", |a| a.name.as_str());
        format!("{} – {}", name(&relation.from), name(&relation.to))
    }

    pub fn counts(&self) -> Counts {
        Counts {
            added_actors: self.added_actors,
            matched_actors: self.matched_actors,
            added_relations: self.added_relations,
            matched_relations: self.matched_relations,
            conflicts: self.conflicts.len(),
        }
    }

    /// The merged map with the user's choices applied.
    pub fn result(&self) -> Map {
        let mut map = self.base.clone();
        for conflict in self.conflicts.iter().filter(|c| c.take_theirs) {
            match &conflict.subject {
                Subject::Actor(id) => {
                    if let Some(actor) = map.actor_mut(id) {
                        *actor = with_field(actor, &conflict.field, &conflict.theirs);
                    }
                }
                Subject::Relation(id) => {
                    if let Some(r) = map.relations.iter_mut().find(|r| &r.id == id) {
                        *r = with_field(r, &conflict.field, &conflict.theirs);
                    }
                }
            }
        }
        map
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;

    fn ids() -> impl FnMut() -> String {
        let mut n = 0;
        move || {
            n += 1;
            format!("new{n}")
        }
    }

    #[test]
    fn names_match_across_case_space_and_suffixes() {
        assert!(same_name("Växjö kommun", "växjö"));
        assert!(same_name("Jönköpings kommun", "Jönköping"));
        assert!(same_name("Hofors kommun", "Hofors"));
        assert!(same_name("  Region   Kronoberg ", "Region Kronoberg"));
        assert!(same_name("Region Jönköpings län", "region jönköpings län"));
        assert!(!same_name("Växjö kommun", "Växjö universitet"));
        assert!(!same_name("Almi", "Alma"));
        assert!(!same_name("Region Kronoberg", "Kronobergs län"));
    }

    #[test]
    fn a_breakout_file_adds_matches_and_reports_conflicts() {
        let mine = sample_map();
        let mut theirs = sample_map();
        theirs.actors[0].id = "other-a".into(); // Same name, another id: matched by name.
        theirs.relations[0].from = "other-a".into();
        theirs.actors[0].municipality = "Växjö".into();
        theirs.actors[0].tags = vec!["ny".into()];
        theirs.relations[1].strength = 3;
        theirs.actors[1].name = "Actor B".into(); // Renamed, same id: a conflict.
        theirs.add_actor(Actor::new("d".into(), "Actor d"));
        theirs
            .relations
            .push(Relation::new("r1".into(), "c".into(), "d".into()));
        let merge = Merge::plan(&mine, &[theirs], &mut ids());
        assert_eq!((merge.added_actors, merge.matched_actors), (1, 3));
        assert_eq!((merge.added_relations, merge.matched_relations), (1, 2));
        let fields: Vec<_> = merge
            .conflicts
            .iter()
            .map(|c| (c.label.as_str(), c.field.as_str()))
            .collect();
        assert_eq!(
            fields,
            [
                ("Actor a", "municipality"),
                ("Actor b", "name"),
                ("Actor b – Actor c", "strength")
            ]
        );
        let kept = merge.result();
        assert_eq!(kept.actors.len(), 4);
        assert_eq!(kept.actors[0].municipality, "");
        assert_eq!(kept.actors[0].tags, ["ny"], "tags are joined");
        assert_eq!(kept.relations.last().unwrap().id.as_str(), "new1");
        assert!(crate::validate::validate(&kept).is_empty());

        let mut settled = merge.clone();
        settled
            .conflicts
            .iter_mut()
            .for_each(|c| c.take_theirs = true);
        let taken = settled.result();
        assert_eq!(taken.actors[0].municipality, "Växjö");
        assert_eq!(taken.relations[1].strength, 3);
        assert_eq!(taken.actors[1].name, "Actor B");
    }

    #[test]
    fn a_field_left_blank_in_their_file_is_no_conflict() {
        let mut mine = sample_map();
        mine.actors[0].municipality = "Växjö".into();
        mine.actors[0].salience.power = true;
        let mut theirs = sample_map();
        theirs.actors[0].influence = Some(4);
        theirs.actors[0].short_name = "AA".into();
        let merge = Merge::plan(&mine, &[theirs], &mut ids());
        let fields: Vec<_> = merge.conflicts.iter().map(|c| c.field.as_str()).collect();
        assert_eq!(fields, ["influence", "short_name"]);
    }

    #[test]
    fn two_files_adding_the_same_actor_give_one() {
        let mine = sample_map();
        let one = |id: &str| {
            let mut file = sample_map();
            file.add_actor(Actor::new(id.into(), "Almi Företagspartner"));
            file
        };
        let merge = Merge::plan(&mine, &[one("x1"), one("x2")], &mut ids());
        assert_eq!(merge.added_actors, 1);
        assert_eq!(merge.result().actors.len(), 4);
        assert!(merge.conflicts.is_empty());
    }

    #[test]
    fn merging_a_map_into_itself_changes_nothing() {
        let mine = sample_map();
        let merge = Merge::plan(&mine, std::slice::from_ref(&mine), &mut ids());
        assert_eq!(merge.result(), mine);
        assert_eq!(merge.added_actors + merge.added_relations, 0);
    }

    #[test]
    fn an_undirected_relation_matches_either_way_round() {
        let mine = sample_map();
        let mut theirs = sample_map();
        let r = &mut theirs.relations[0];
        std::mem::swap(&mut r.from, &mut r.to);
        let merge = Merge::plan(&mine, &[theirs], &mut ids());
        assert_eq!(merge.added_relations, 0);
        assert!(merge.conflicts.is_empty());
    }
}
