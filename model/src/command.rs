//! Every change the app makes to a map, as a command. [`Command::apply`] is a pure
//! function that changes the map and returns the command's exact inverse, so undo history
//! stores inverses instead of snapshots. A command that cannot apply (an unknown id, a
//! duplicate, a loop) changes nothing and says why.

use crate::actor::Actor;
use crate::council::Council;
use crate::ids::{ActorId, RelationId};
use crate::map::Map;
use crate::relation::Relation;
use crate::sector::Sector;
use crate::sort::sort_by_key;
use std::collections::{HashMap, HashSet};

/// Where an actor stands on the canvas and whether the layout may move it.
#[derive(Clone, Debug, PartialEq)]
pub struct Placement {
    pub id: ActorId,
    pub x: f64,
    pub y: f64,
    pub pinned: bool,
}

impl Placement {
    /// The actor's current placement.
    pub fn of(actor: &Actor) -> Self {
        Self {
            id: actor.id.clone(),
            x: actor.x,
            y: actor.y,
            pinned: actor.pinned,
        }
    }
}

/// One edit of a map.
#[derive(Clone, Debug, PartialEq)]
pub enum Command {
    /// Adds actors at the end, in order, at the positions they carry.
    AddActors(Vec<Actor>),
    /// Changes every field of the actor with this id except its placement.
    UpdateActor(Box<Actor>),
    /// Moves (and pins or unpins) actors.
    MoveActors(Vec<Placement>),
    /// Removes actors with their relations, council seats and RACI roles.
    RemoveActors(Vec<ActorId>),
    /// Puts actors and relations back at their former places (the inverse of a removal).
    RestoreActors {
        actors: Vec<(usize, Actor)>,
        relations: Vec<(usize, Relation)>,
    },
    /// Adds relations at the end; both ends must exist and differ.
    AddRelations(Vec<Relation>),
    /// Changes the relation with this id.
    UpdateRelation(Relation),
    /// Removes relations.
    RemoveRelations(Vec<RelationId>),
    /// Puts relations back at their former places (the inverse of a removal).
    RestoreRelations(Vec<(usize, Relation)>),
    /// Replaces the sector palette.
    SetSectors(Vec<Sector>),
    /// Replaces the council and its action plan.
    SetCouncil(Box<Council>),
    /// Replaces the saved assessments.
    SetAssessments(Vec<crate::assessment::Assessment>),
    /// Replaces the engagement log.
    SetInteractions(Vec<crate::engagement::Interaction>),
    /// Changes the map's title and description.
    SetDetails { title: String, description: String },
    /// Replaces the whole map (an import that replaces the open map).
    ReplaceMap(Box<Map>),
    /// Several commands as one step, applied in order (all or nothing).
    Batch(Vec<Command>),
}

/// Why a command could not apply. The map is unchanged.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum CommandError {
    UnknownActor(ActorId),
    UnknownRelation(RelationId),
    DuplicateActor(ActorId),
    DuplicateRelation(RelationId),
    /// A relation from an actor to itself.
    SelfRelation(RelationId),
}

impl Command {
    /// Applies the command and returns the command that undoes it exactly.
    pub fn apply(self, map: &mut Map) -> Result<Command, CommandError> {
        match self {
            Command::AddActors(actors) => add_actors(map, actors),
            Command::UpdateActor(actor) => {
                let slot = map
                    .actor_mut(&actor.id)
                    .ok_or_else(|| CommandError::UnknownActor(actor.id.clone()))?;
                let mut actor = *actor;
                (actor.x, actor.y, actor.pinned) = (slot.x, slot.y, slot.pinned);
                Ok(Command::UpdateActor(Box::new(std::mem::replace(
                    slot, actor,
                ))))
            }
            Command::MoveActors(placements) => move_actors(map, placements),
            Command::RemoveActors(ids) => remove_actors(map, ids),
            Command::RestoreActors { actors, relations } => restore_actors(map, actors, relations),
            Command::AddRelations(relations) => add_relations(map, relations),
            Command::UpdateRelation(relation) => {
                check_ends(map, &relation)?;
                let slot = map
                    .relations
                    .iter_mut()
                    .find(|r| r.id == relation.id)
                    .ok_or_else(|| CommandError::UnknownRelation(relation.id.clone()))?;
                Ok(Command::UpdateRelation(std::mem::replace(slot, relation)))
            }
            Command::RemoveRelations(ids) => remove_relations(map, ids),
            Command::RestoreRelations(relations) => restore_relations(map, relations),
            Command::SetSectors(sectors) => Ok(Command::SetSectors(std::mem::replace(
                &mut map.sectors,
                sectors,
            ))),
            Command::SetCouncil(council) => Ok(Command::SetCouncil(Box::new(std::mem::replace(
                &mut map.council,
                *council,
            )))),
            Command::SetAssessments(assessments) => {
                check_assessments(map, &assessments)?;
                Ok(Command::SetAssessments(std::mem::replace(
                    &mut map.assessments,
                    assessments,
                )))
            }
            Command::SetInteractions(interactions) => {
                check_interactions(map, &interactions)?;
                Ok(Command::SetInteractions(std::mem::replace(
                    &mut map.interactions,
                    interactions,
                )))
            }
            Command::SetDetails { title, description } => Ok(Command::SetDetails {
                title: std::mem::replace(&mut map.title, title),
                description: std::mem::replace(&mut map.description, description),
            }),
            Command::ReplaceMap(replacement) => Ok(Command::ReplaceMap(Box::new(
                std::mem::replace(map, *replacement),
            ))),
            Command::Batch(commands) => {
                let mut inverses = Vec::with_capacity(commands.len());
                for command in commands {
                    match command.apply(map) {
                        Ok(inverse) => inverses.push(inverse),
                        Err(error) => {
                            // All or nothing: undo what this batch did so far.
                            for inverse in inverses.into_iter().rev() {
                                let _ = inverse.apply(map);
                            }
                            return Err(error);
                        }
                    }
                }
                inverses.reverse();
                Ok(Command::Batch(inverses))
            }
        }
    }

    /// True when applying this command changed nothing, judged by the inverse it returned
    /// (an update to the values already there, an empty batch).
    pub fn changed_nothing(&self, inverse: &Command) -> bool {
        match (self, inverse) {
            (Command::AddActors(a), _) | (_, Command::AddActors(a)) => a.is_empty(),
            (Command::RemoveActors(a), _) | (_, Command::RemoveActors(a)) => a.is_empty(),
            (Command::AddRelations(a), _) | (_, Command::AddRelations(a)) => a.is_empty(),
            (Command::RemoveRelations(a), _) | (_, Command::RemoveRelations(a)) => a.is_empty(),
            (Command::Batch(a), Command::Batch(b)) => {
                a.len() == b.len()
                    && a.iter()
                        .zip(b.iter().rev())
                        .all(|(a, b)| a.changed_nothing(b))
            }
            (Command::ReplaceMap(_), _) => false,
            (Command::UpdateActor(a), Command::UpdateActor(b)) => {
                let mut a = (**a).clone();
                (a.x, a.y, a.pinned) = (b.x, b.y, b.pinned);
                a == **b
            }
            (Command::MoveActors(a), Command::MoveActors(b)) => {
                a.iter().all(|p| b.iter().any(|q| q == p))
            }
            (a, b) => a == b,
        }
    }

    /// Folds this inverse (of a later step) into `earlier`, the inverse of the step before
    /// it, so that the result undoes both: the later first. Keeps only the earlier state
    /// when the later one changes nothing more than it does.
    pub fn merge_after(self, earlier: Command) -> Command {
        match (self, earlier) {
            (Command::UpdateActor(later), Command::UpdateActor(first)) if later.id == first.id => {
                Command::UpdateActor(first)
            }
            (Command::UpdateRelation(later), Command::UpdateRelation(first))
                if later.id == first.id =>
            {
                Command::UpdateRelation(first)
            }
            (Command::MoveActors(later), Command::MoveActors(first))
                if later.iter().all(|l| first.iter().any(|f| f.id == l.id)) =>
            {
                Command::MoveActors(first)
            }
            (Command::SetSectors(_), first @ Command::SetSectors(_))
            | (Command::SetCouncil(_), first @ Command::SetCouncil(_))
            | (Command::SetAssessments(_), first @ Command::SetAssessments(_))
            | (Command::SetInteractions(_), first @ Command::SetInteractions(_))
            | (Command::SetDetails { .. }, first @ Command::SetDetails { .. })
            | (Command::ReplaceMap(_), first @ Command::ReplaceMap(_)) => first,
            (later, first) => {
                let mut steps = match later {
                    Command::Batch(steps) => steps,
                    other => vec![other],
                };
                match first {
                    Command::Batch(more) => steps.extend(more),
                    other => steps.push(other),
                }
                Command::Batch(steps)
            }
        }
    }

    /// A rough count of the bytes the command holds, to bound the history's memory.
    pub fn weight(&self) -> usize {
        fn actor(a: &Actor) -> usize {
            160 + a.id.as_str().len()
                + a.name.len()
                + a.short_name.len()
                + a.municipality.len()
                + a.notes.len()
                + a.tags.iter().map(|t| t.len() + 24).sum::<usize>()
                + a.contacts.len() * 128
        }
        fn relation(r: &Relation) -> usize {
            96 + r.id.as_str().len() + r.from.as_str().len() + r.to.as_str().len() + r.note.len()
        }
        fn council(c: &Council) -> usize {
            256 + (c.members.len() + c.meetings.len() + c.goals.len() + c.actions.len()) * 160
        }
        match self {
            Command::AddActors(actors) => actors.iter().map(actor).sum(),
            Command::UpdateActor(a) => actor(a),
            Command::MoveActors(p) => p.len() * 64,
            Command::RemoveActors(ids) => ids.len() * 48,
            Command::RestoreActors { actors, relations } => {
                actors.iter().map(|(_, a)| actor(a)).sum::<usize>()
                    + relations.iter().map(|(_, r)| relation(r)).sum::<usize>()
            }
            Command::AddRelations(rs) => rs.iter().map(relation).sum(),
            Command::UpdateRelation(r) => relation(r),
            Command::RemoveRelations(ids) => ids.len() * 48,
            Command::RestoreRelations(rs) => rs.iter().map(|(_, r)| relation(r)).sum(),
            Command::SetSectors(s) => s.len() * 96,
            Command::SetCouncil(c) => council(c),
            Command::SetAssessments(list) => {
                list.iter().map(|a| 96 + a.actors.len() * 64).sum::<usize>()
            }
            Command::SetInteractions(list) => list
                .iter()
                .map(|i| 128 + i.summary.len() + i.needs.iter().map(String::len).sum::<usize>())
                .sum(),
            Command::SetDetails { title, description } => 64 + title.len() + description.len(),
            Command::ReplaceMap(m) => {
                512 + m.actors.iter().map(actor).sum::<usize>()
                    + m.relations.iter().map(relation).sum::<usize>()
                    + council(&m.council)
            }
            Command::Batch(steps) => steps.iter().map(Command::weight).sum(),
        }
    }

    /// True when the command adds actors or relations or changes which actors a relation
    /// joins: what the network layout must react to.
    pub fn changes_structure(&self) -> bool {
        match self {
            Command::AddActors(_)
            | Command::RemoveActors(_)
            | Command::RestoreActors { .. }
            | Command::AddRelations(_)
            | Command::UpdateRelation(_)
            | Command::RemoveRelations(_)
            | Command::RestoreRelations(_)
            | Command::ReplaceMap(_) => true,
            Command::Batch(steps) => steps.iter().any(Command::changes_structure),
            _ => false,
        }
    }
}

fn add_actors(map: &mut Map, actors: Vec<Actor>) -> Result<Command, CommandError> {
    let mut seen: HashSet<&ActorId> = map.actors.iter().map(|a| &a.id).collect();
    for actor in &actors {
        if !seen.insert(&actor.id) {
            return Err(CommandError::DuplicateActor(actor.id.clone()));
        }
    }
    let ids = actors.iter().map(|a| a.id.clone()).collect();
    map.actors.extend(actors);
    Ok(Command::RemoveActors(ids))
}

fn move_actors(map: &mut Map, placements: Vec<Placement>) -> Result<Command, CommandError> {
    let index = actor_index(map);
    let slots = placements
        .iter()
        .map(|p| {
            index
                .get(&p.id)
                .copied()
                .ok_or_else(|| CommandError::UnknownActor(p.id.clone()))
        })
        .collect::<Result<Vec<_>, _>>()?;
    // Collect every old placement before writing, so an actor named twice undoes exactly.
    let before = slots
        .iter()
        .rev()
        .map(|&i| Placement::of(&map.actors[i]))
        .collect();
    for (p, i) in placements.into_iter().zip(slots) {
        let actor = &mut map.actors[i];
        (actor.x, actor.y, actor.pinned) = (p.x, p.y, p.pinned);
    }
    Ok(Command::MoveActors(before))
}

fn remove_actors(map: &mut Map, ids: Vec<ActorId>) -> Result<Command, CommandError> {
    let index = actor_index(map);
    let mut gone = HashSet::new();
    for id in &ids {
        if !index.contains_key(id) {
            return Err(CommandError::UnknownActor(id.clone()));
        }
        gone.insert(id.clone());
    }
    let council_before = map.council.clone();
    let assessments_before = map.assessments.clone();
    let interactions_before = map.interactions.clone();
    let actors = take_where(&mut map.actors, |a| gone.contains(&a.id));
    let relations = take_where(&mut map.relations, |r| {
        gone.contains(&r.from) || gone.contains(&r.to)
    });
    for id in &gone {
        map.remove_from_council(id);
    }
    crate::assessment::forget(&mut map.assessments, &|id| gone.contains(id));
    crate::engagement::forget(&mut map.interactions, &|id| gone.contains(id));
    // The council, the assessments and the log go back after the actors they name.
    let mut inverse = vec![Command::RestoreActors { actors, relations }];
    if map.council != council_before {
        inverse.push(Command::SetCouncil(Box::new(council_before)));
    }
    if map.assessments != assessments_before {
        inverse.push(Command::SetAssessments(assessments_before));
    }
    if map.interactions != interactions_before {
        inverse.push(Command::SetInteractions(interactions_before));
    }
    Ok(if inverse.len() == 1 {
        inverse.remove(0)
    } else {
        Command::Batch(inverse)
    })
}

fn restore_actors(
    map: &mut Map,
    actors: Vec<(usize, Actor)>,
    relations: Vec<(usize, Relation)>,
) -> Result<Command, CommandError> {
    let index = actor_index(map);
    let mut seen = HashSet::new();
    for (_, actor) in &actors {
        if index.contains_key(&actor.id) || !seen.insert(actor.id.clone()) {
            return Err(CommandError::DuplicateActor(actor.id.clone()));
        }
    }
    let known = |id: &ActorId| index.contains_key(id) || seen.contains(id);
    for (_, relation) in &relations {
        if !known(&relation.from) {
            return Err(CommandError::UnknownActor(relation.from.clone()));
        }
        if !known(&relation.to) {
            return Err(CommandError::UnknownActor(relation.to.clone()));
        }
    }
    check_new_relation_ids(map, relations.iter().map(|(_, r)| r))?;
    let ids = actors.iter().map(|(_, a)| a.id.clone()).collect();
    put_back(&mut map.actors, actors);
    put_back(&mut map.relations, relations);
    Ok(Command::RemoveActors(ids))
}

/// Interactions may only name actors on the map.
fn check_interactions(
    map: &Map,
    interactions: &[crate::engagement::Interaction],
) -> Result<(), CommandError> {
    let index = actor_index(map);
    match interactions
        .iter()
        .flat_map(|i| i.actor_refs())
        .find(|id| !index.contains_key(id))
    {
        Some(id) => Err(CommandError::UnknownActor(id.clone())),
        None => Ok(()),
    }
}

/// Assessments may only rate actors on the map.
fn check_assessments(
    map: &Map,
    assessments: &[crate::assessment::Assessment],
) -> Result<(), CommandError> {
    let index = actor_index(map);
    for rating in assessments.iter().flat_map(|a| &a.actors) {
        if !index.contains_key(&rating.actor) {
            return Err(CommandError::UnknownActor(rating.actor.clone()));
        }
    }
    Ok(())
}

fn add_relations(map: &mut Map, relations: Vec<Relation>) -> Result<Command, CommandError> {
    for relation in &relations {
        check_ends(map, relation)?;
    }
    check_new_relation_ids(map, relations.iter())?;
    let ids = relations.iter().map(|r| r.id.clone()).collect();
    map.relations.extend(relations);
    Ok(Command::RemoveRelations(ids))
}

fn remove_relations(map: &mut Map, ids: Vec<RelationId>) -> Result<Command, CommandError> {
    let wanted: HashSet<&RelationId> = ids.iter().collect();
    for id in &ids {
        if !map.relations.iter().any(|r| &r.id == id) {
            return Err(CommandError::UnknownRelation(id.clone()));
        }
    }
    let removed = take_where(&mut map.relations, |r| wanted.contains(&r.id));
    Ok(Command::RestoreRelations(removed))
}

fn restore_relations(
    map: &mut Map,
    relations: Vec<(usize, Relation)>,
) -> Result<Command, CommandError> {
    for (_, relation) in &relations {
        check_ends(map, relation)?;
    }
    check_new_relation_ids(map, relations.iter().map(|(_, r)| r))?;
    let ids = relations.iter().map(|(_, r)| r.id.clone()).collect();
    put_back(&mut map.relations, relations);
    Ok(Command::RemoveRelations(ids))
}

fn actor_index(map: &Map) -> HashMap<ActorId, usize> {
    map.actors
        .iter()
        .enumerate()
        .map(|(i, a)| (a.id.clone(), i))
        .collect()
}

fn check_ends(map: &Map, relation: &Relation) -> Result<(), CommandError> {
    for end in [&relation.from, &relation.to] {
        if map.actor(end).is_none() {
            return Err(CommandError::UnknownActor(end.clone()));
        }
    }
    if relation.from == relation.to {
        return Err(CommandError::SelfRelation(relation.id.clone()));
    }
    Ok(())
}

fn check_new_relation_ids<'a>(
    map: &Map,
    relations: impl Iterator<Item = &'a Relation>,
) -> Result<(), CommandError> {
    let mut seen: HashSet<&RelationId> = map.relations.iter().map(|r| &r.id).collect();
    for relation in relations {
        if !seen.insert(&relation.id) {
            return Err(CommandError::DuplicateRelation(relation.id.clone()));
        }
    }
    Ok(())
}

/// Removes the items that match, returning them with the index each had.
fn take_where<T>(items: &mut Vec<T>, matches: impl Fn(&T) -> bool) -> Vec<(usize, T)> {
    let mut taken = Vec::new();
    let mut kept = Vec::with_capacity(items.len());
    for (i, item) in std::mem::take(items).into_iter().enumerate() {
        if matches(&item) {
            taken.push((i, item));
        } else {
            kept.push(item);
        }
    }
    *items = kept;
    taken
}

/// Inserts items at the indices they had (ascending), the inverse of [`take_where`].
/// An index past the end (the list changed meanwhile) appends.
fn put_back<T>(items: &mut Vec<T>, mut taken: Vec<(usize, T)>) {
    sort_by_key(&mut taken, |(i, _)| *i);
    for (i, item) in taken {
        let at = i.min(items.len());
        items.insert(at, item);
    }
}
