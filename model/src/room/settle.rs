//! What two devices' edits can leave behind when they meet: a relation to an actor another
//! device removed, a council seat or RACI role of a removed actor, an action's removed goal,
//! a removed sector. Dropped and counted, never left dangling.

use crate::ids::ActorId;
use crate::map::Map;
use std::collections::HashSet;

/// What [`settle`] dropped, for the UI to tell.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Dropped {
    /// Relations with an end no longer on the map.
    pub relations: usize,
    /// Other references to missing actors, goals or sectors (council, action plan,
    /// assessments, engagement log, actors' sectors).
    pub references: usize,
}

impl Dropped {
    pub fn is_empty(&self) -> bool {
        self.relations == 0 && self.references == 0
    }
}

/// Drops every reference the map's own records cannot satisfy.
pub fn settle(map: &mut Map) -> Dropped {
    let actors: HashSet<ActorId> = map.actors.iter().map(|a| a.id.clone()).collect();
    let known = |id: &ActorId| actors.contains(id);
    let mut dropped = Dropped::default();
    let before = map.relations.len();
    map.relations
        .retain(|r| known(&r.from) && known(&r.to) && r.from != r.to);
    dropped.relations = before - map.relations.len();

    let mut missing: HashSet<ActorId> = HashSet::new();
    let council = &map.council;
    missing.extend(council.members.iter().map(|m| m.actor.clone()));
    for action in &council.actions {
        missing.extend(action.responsible.iter().cloned());
        missing.extend(action.accountable.iter().cloned());
        missing.extend(action.consulted.iter().chain(&action.informed).cloned());
    }
    for assessment in &map.assessments {
        missing.extend(assessment.actors.iter().map(|r| r.actor.clone()));
    }
    for interaction in &map.interactions {
        missing.extend(interaction.actor_refs().cloned());
    }
    missing.retain(|id| !known(id));
    for id in &missing {
        let before = map.council.clone();
        map.remove_from_council(id);
        dropped.references += usize::from(map.council != before);
    }
    let gone = |id: &ActorId| missing.contains(id);
    let ratings = |m: &Map| m.assessments.iter().map(|a| a.actors.len()).sum::<usize>();
    let refs = |m: &Map| {
        m.interactions
            .iter()
            .map(|i| i.actor_refs().count())
            .sum::<usize>()
    };
    let (ratings_before, refs_before) = (ratings(map), refs(map));
    crate::assessment::forget(&mut map.assessments, &gone);
    crate::engagement::forget(&mut map.interactions, &gone);
    dropped.references += ratings_before - ratings(map) + refs_before - refs(map);

    let goals: HashSet<String> = map.council.goals.iter().map(|g| g.id.0.clone()).collect();
    for action in &mut map.council.actions {
        if action
            .goal
            .as_ref()
            .is_some_and(|g| !goals.contains(g.as_str()))
        {
            action.goal = None;
            dropped.references += 1;
        }
    }
    let sectors: HashSet<String> = map.sectors.iter().map(|s| s.id.0.clone()).collect();
    let required = map.council.required_sectors.len();
    map.council
        .required_sectors
        .retain(|s| sectors.contains(s.as_str()));
    dropped.references += required - map.council.required_sectors.len();
    for actor in &mut map.actors {
        if !actor.sector.as_str().is_empty() && !sectors.contains(actor.sector.as_str()) {
            actor.sector = Default::default();
            dropped.references += 1;
        }
    }
    dropped
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;
    use crate::validate::validate;

    #[test]
    fn what_a_removed_actor_leaves_is_dropped_and_counted() {
        let mut map = sample_map();
        let gone = map.council.members[0].actor.clone();
        let relations = map.relations.iter().filter(|r| r.touches(&gone)).count();
        map.actors.retain(|a| a.id != gone);
        assert!(!validate(&map).is_empty());
        let dropped = settle(&mut map);
        assert_eq!(dropped.relations, relations);
        assert!(dropped.references >= 1);
        assert_eq!(validate(&map), vec![]);
        assert_eq!(settle(&mut map), Dropped::default(), "nothing left to drop");
    }
}
