//! A map: its actors, relations, sector palette and council, with one plain method per
//! operation. Every method keeps the map consistent (no relation points nowhere).

use crate::actor::Actor;
use crate::council::Council;
use crate::ids::{ActionId, ActorId, MapId, RelationId};
use crate::relation::Relation;
use crate::sector::Sector;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// One stakeholder map.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Map {
    pub id: MapId,
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
    #[serde(default)]
    pub sectors: Vec<Sector>,
    #[serde(default)]
    pub actors: Vec<Actor>,
    #[serde(default)]
    pub relations: Vec<Relation>,
    #[serde(default)]
    pub council: Council,
    /// Saved assessments (workshops compared over time); left out of the file when none,
    /// so files without them read and write as before.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub assessments: Vec<crate::assessment::Assessment>,
    /// The engagement log; left out of the file when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub interactions: Vec<crate::engagement::Interaction>,
    /// The privacy profile the map was exported with; left out of the file when full.
    #[serde(default, skip_serializing_if = "crate::privacy::Profile::is_full")]
    pub profile: crate::privacy::Profile,
}

/// Somewhere an actor is referenced besides its relations, reported before or after it is
/// removed so the user knows what else changes.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Usage {
    /// The actor sits in the council.
    CouncilMember,
    /// The actor holds a RACI role in this action (by title).
    Action { id: ActionId, title: String },
}

impl Map {
    /// An empty map with the given palette and a council requiring the default sectors.
    pub fn new(
        id: MapId,
        title: impl Into<String>,
        now: DateTime<Utc>,
        sectors: Vec<Sector>,
    ) -> Self {
        Self {
            id,
            title: title.into(),
            description: String::new(),
            created_at: now,
            updated_at: now,
            sectors,
            actors: Vec::new(),
            relations: Vec::new(),
            council: Council::with_default_requirements(),
            assessments: Vec::new(),
            interactions: Vec::new(),
            profile: Default::default(),
        }
    }

    /// Each actor's place in `actors`, by id.
    pub fn actor_index(&self) -> HashMap<&ActorId, usize> {
        self.actors
            .iter()
            .enumerate()
            .map(|(i, a)| (&a.id, i))
            .collect()
    }

    /// The actor with this id.
    pub fn actor(&self, id: &ActorId) -> Option<&Actor> {
        self.actors.iter().find(|a| &a.id == id)
    }

    /// The actor with this id, to change in place.
    pub fn actor_mut(&mut self, id: &ActorId) -> Option<&mut Actor> {
        self.actors.iter_mut().find(|a| &a.id == id)
    }

    /// The sector with this id.
    pub fn sector(&self, id: &str) -> Option<&Sector> {
        self.sectors.iter().find(|s| s.id.as_str() == id)
    }

    /// Adds an actor at the end.
    pub fn add_actor(&mut self, actor: Actor) {
        self.actors.push(actor);
    }

    /// Replaces the actor with the same id. Returns false when there is none.
    pub fn update_actor(&mut self, actor: Actor) -> bool {
        match self.actor_mut(&actor.id) {
            Some(slot) => {
                *slot = actor;
                true
            }
            None => false,
        }
    }

    /// Where else the actor is referenced (council, action plan).
    pub fn usages_of(&self, id: &ActorId) -> Vec<Usage> {
        let mut usages = Vec::new();
        if self.council.members.iter().any(|m| &m.actor == id) {
            usages.push(Usage::CouncilMember);
        }
        for action in self.council.actions.iter().filter(|a| a.mentions(id)) {
            usages.push(Usage::Action {
                id: action.id.clone(),
                title: action.title.clone(),
            });
        }
        usages
    }

    /// Takes the actor out of the council and every RACI role of the action plan.
    pub fn remove_from_council(&mut self, id: &ActorId) {
        self.council.members.retain(|m| &m.actor != id);
        for action in &mut self.council.actions {
            if action.responsible.as_ref() == Some(id) {
                action.responsible = None;
            }
            if action.accountable.as_ref() == Some(id) {
                action.accountable = None;
            }
            action.consulted.retain(|a| a != id);
            action.informed.retain(|a| a != id);
        }
    }

    /// Adds a relation. Refuses (returns false) when an end is unknown or it would be a loop.
    pub fn add_relation(&mut self, relation: Relation) -> bool {
        let known = self.actor(&relation.from).is_some() && self.actor(&relation.to).is_some();
        if !known || relation.from == relation.to {
            return false;
        }
        self.relations.push(relation);
        true
    }

    /// Removes a relation; returns it if it existed.
    pub fn remove_relation(&mut self, id: &RelationId) -> Option<Relation> {
        let index = self.relations.iter().position(|r| &r.id == id)?;
        Some(self.relations.remove(index))
    }

    /// Distinct municipalities named by actors, sorted.
    /// The actors at most `depth` relations away from `centre` (itself included),
    /// whichever way the relations point: the ego view of a selected actor.
    pub fn neighbourhood(
        &self,
        centre: &ActorId,
        depth: usize,
    ) -> std::collections::HashSet<ActorId> {
        let mut adjacent: std::collections::HashMap<&ActorId, Vec<&ActorId>> = Default::default();
        for r in &self.relations {
            adjacent.entry(&r.from).or_default().push(&r.to);
            adjacent.entry(&r.to).or_default().push(&r.from);
        }
        let mut reached = std::collections::HashSet::from([centre.clone()]);
        let mut frontier = vec![centre];
        for _ in 0..depth {
            let mut next = Vec::new();
            for id in frontier {
                for &other in adjacent.get(id).into_iter().flatten() {
                    if reached.insert(other.clone()) {
                        next.push(other);
                    }
                }
            }
            frontier = next;
        }
        reached
    }

    pub fn municipalities(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .actors
            .iter()
            .map(|a| a.municipality.trim().to_owned())
            .filter(|m| !m.is_empty())
            .collect();
        names.sort();
        names.dedup();
        names
    }
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;
    use crate::council::{Action, Member};
    use crate::sector::default_sectors;

    /// A map with actors a, b, c; relations a–b and b–c; a in the council and responsible
    /// for one action.
    pub(crate) fn sample_map() -> Map {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut map = Map::new(
            "m1".into(),
            "Test",
            now,
            default_sectors(|id| id.to_owned()),
        );
        for id in ["a", "b", "c"] {
            map.add_actor(Actor::new(id.into(), format!("Actor {id}")));
        }
        assert!(map.add_relation(Relation::new("r1".into(), "a".into(), "b".into())));
        assert!(map.add_relation(Relation::new("r2".into(), "b".into(), "c".into())));
        map.council.members.push(Member {
            actor: "a".into(),
            representative: "Anna".into(),
            gender: Default::default(),
            role: Default::default(),
        });
        map.council.actions.push(Action {
            id: "act1".into(),
            title: "Survey employers".into(),
            goal: None,
            responsible: Some("a".into()),
            accountable: Some("b".into()),
            consulted: vec!["a".into(), "c".into()],
            informed: vec![],
            start: None,
            due: None,
            status: Default::default(),
            note: String::new(),
        });
        map
    }

    #[test]
    fn the_neighbourhood_grows_one_relation_per_step() {
        let map = sample_map();
        let ids = |depth| {
            let mut ids: Vec<String> = map
                .neighbourhood(&"c".into(), depth)
                .into_iter()
                .map(|id| id.0)
                .collect();
            ids.sort();
            ids
        };
        assert_eq!(ids(0), ["c"]);
        assert_eq!(ids(1), ["b", "c"]);
        assert_eq!(ids(2), ["a", "b", "c"]);
        assert_eq!(ids(3), ["a", "b", "c"]);
    }

    /// Removal goes through the one edit path (`Command::RemoveActors`); the usages are
    /// what the app tells the user before it.
    #[test]
    fn removing_an_actor_removes_its_relations_and_reports_usages() {
        let mut map = sample_map();
        let usages = map.usages_of(&"a".into());
        let inverse = crate::Command::RemoveActors(vec!["a".into()])
            .apply(&mut map)
            .unwrap();
        let crate::Command::Batch(steps) = inverse else {
            panic!("the council goes back too: {inverse:?}")
        };
        let crate::Command::RestoreActors { actors, relations } = &steps[0] else {
            panic!("the actor goes back first: {steps:?}")
        };
        assert_eq!(actors[0].1.name, "Actor a");
        assert_eq!(relations.len(), 1);
        assert_eq!(relations[0].1.id.as_str(), "r1");
        assert_eq!(
            usages,
            vec![
                Usage::CouncilMember,
                Usage::Action {
                    id: "act1".into(),
                    title: "Survey employers".into()
                }
            ]
        );
        assert_eq!(map.relations.len(), 1);
        assert!(map.council.members.is_empty());
        let action = &map.council.actions[0];
        assert_eq!(action.responsible, None);
        assert_eq!(action.accountable, Some("b".into()));
        assert_eq!(action.consulted, vec![ActorId::from("c")]);
        assert!(crate::validate::validate(&map).is_empty());
    }

    #[test]
    fn removing_an_unknown_actor_changes_nothing() {
        let mut map = sample_map();
        let before = map.clone();
        assert!(crate::Command::RemoveActors(vec!["zz".into()])
            .apply(&mut map)
            .is_err());
        assert_eq!(map, before);
    }

    #[test]
    fn relations_need_two_known_distinct_ends() {
        let mut map = sample_map();
        assert!(!map.add_relation(Relation::new("x".into(), "a".into(), "nope".into())));
        assert!(!map.add_relation(Relation::new("y".into(), "a".into(), "a".into())));
        assert_eq!(map.relations.len(), 2);
        assert_eq!(
            map.remove_relation(&"r2".into()).map(|r| r.to),
            Some("c".into())
        );
    }

    #[test]
    fn update_actor_replaces_by_id() {
        let mut map = sample_map();
        let mut b = map.actor(&"b".into()).unwrap().clone();
        b.influence = Some(5);
        assert!(map.update_actor(b));
        assert_eq!(map.actor(&"b".into()).unwrap().influence, Some(5));
        assert!(!map.update_actor(Actor::new("q".into(), "Q")));
    }

    #[test]
    fn municipalities_are_distinct_and_sorted() {
        let mut map = sample_map();
        map.actors[0].municipality = "Växjö".into();
        map.actors[1].municipality = " Jönköping ".into();
        map.actors[2].municipality = "Växjö".into();
        assert_eq!(map.municipalities(), vec!["Jönköping", "Växjö"]);
    }
}
