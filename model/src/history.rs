//! Undo/redo over commands: each step keeps the inverse of what it did, not a snapshot of
//! the map. Consecutive steps with the same merge key (one typed field, one gesture) fold
//! into one step; the history is bounded by a count of steps and by the memory the
//! inverses hold. Every step has an id, so a message can undo the very step it announced.

use crate::command::{Command, CommandError};
use crate::map::Map;
use std::collections::VecDeque;

/// How many steps are kept by default.
pub const DEFAULT_LIMIT: usize = 200;
/// How many bytes (roughly, see [`Command::weight`]) the undo steps may hold by default.
pub const DEFAULT_MEMORY: usize = 64 * 1024 * 1024;

/// Identifies one step of the history.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct StepId(pub u64);

#[derive(Clone, Debug)]
struct Step {
    id: StepId,
    /// Undoes the step (on the undo stack) or does it again (on the redo stack).
    command: Command,
    merge_key: Option<String>,
    weight: usize,
}

/// The undo and redo stacks of one open map.
#[derive(Clone, Debug)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Step>,
    limit: usize,
    memory: usize,
    held: usize,
    next_id: u64,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limits(DEFAULT_LIMIT, DEFAULT_MEMORY)
    }
}

/// What [`History::dispatch`] did.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Outcome {
    /// The map changed; the change is (part of) this step.
    Recorded(StepId),
    /// The command changed nothing; no step was recorded.
    Unchanged,
}

impl History {
    /// A history that keeps at most `limit` steps holding about `memory` bytes.
    pub fn with_limits(limit: usize, memory: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
            memory,
            held: 0,
            next_id: 1,
        }
    }

    /// Applies `command` to `map` and records its inverse as a new step, clearing redo.
    /// With a `merge_key` equal to the last step's, the change joins that step.
    pub fn dispatch(
        &mut self,
        map: &mut Map,
        command: Command,
        merge_key: Option<&str>,
    ) -> Result<Outcome, CommandError> {
        let probe = probe_of(&command);
        let inverse = command.apply(map)?;
        if probe.is_some_and(|p| p.changed_nothing(&inverse)) {
            return Ok(Outcome::Unchanged);
        }
        self.redo.clear();
        let merges = merge_key.is_some()
            && self.undo.back().and_then(|s| s.merge_key.as_deref()) == merge_key;
        if merges {
            let step = self.undo.back().map(|s| s.id).expect("checked above");
            self.join(step, inverse);
            return Ok(Outcome::Recorded(step));
        }
        Ok(Outcome::Recorded(self.push(inverse, merge_key)))
    }

    /// Applies `command` and folds its inverse into `step` (a layout settling after the
    /// edit that started it), also when later steps came meanwhile; undoing `step` then
    /// undoes both. The caller keeps `command` independent of those later steps (it moves
    /// only actors they do not move). Records a new step when `step` is gone.
    pub fn dispatch_into(
        &mut self,
        map: &mut Map,
        command: Command,
        step: StepId,
    ) -> Result<Outcome, CommandError> {
        if !self.holds(step) {
            return self.dispatch(map, command, None);
        }
        let probe = probe_of(&command);
        let inverse = command.apply(map)?;
        if probe.is_some_and(|p| p.changed_nothing(&inverse)) {
            return Ok(Outcome::Unchanged);
        }
        self.redo.clear();
        self.join(step, inverse);
        Ok(Outcome::Recorded(step))
    }

    fn push(&mut self, inverse: Command, merge_key: Option<&str>) -> StepId {
        let id = StepId(self.next_id);
        self.next_id += 1;
        let weight = inverse.weight();
        self.held += weight;
        self.undo.push_back(Step {
            id,
            command: inverse,
            merge_key: merge_key.map(str::to_owned),
            weight,
        });
        while self.undo.len() > self.limit || (self.held > self.memory && self.undo.len() > 1) {
            if let Some(old) = self.undo.pop_front() {
                self.held -= old.weight;
            }
        }
        id
    }

    fn join(&mut self, step: StepId, inverse: Command) {
        let Some(last) = self.undo.iter_mut().rev().find(|s| s.id == step) else {
            return;
        };
        let earlier = std::mem::replace(&mut last.command, Command::Batch(Vec::new()));
        last.command = inverse.merge_after(earlier);
        self.held -= last.weight;
        last.weight = last.command.weight();
        self.held += last.weight;
    }

    /// Ends merging, so the next step stands on its own even with the same key.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.back_mut() {
            last.merge_key = None;
        }
    }

    /// Undoes the last step; returns its id, or None when there is nothing to undo.
    pub fn undo(&mut self, map: &mut Map) -> Option<StepId> {
        let step = self.undo.pop_back()?;
        self.held -= step.weight;
        // An inverse always applies to the state its step left; if it does not, the step
        // is dropped rather than half-applied.
        let redo = step.command.apply(map).ok()?;
        self.redo.push(Step {
            weight: redo.weight(),
            command: redo,
            merge_key: None,
            id: step.id,
        });
        Some(step.id)
    }

    /// Does the last undone step again; returns its id.
    pub fn redo(&mut self, map: &mut Map) -> Option<StepId> {
        let step = self.redo.pop()?;
        let undo = step.command.apply(map).ok()?;
        let weight = undo.weight();
        self.held += weight;
        self.undo.push_back(Step {
            id: step.id,
            command: undo,
            merge_key: None,
            weight,
        });
        Some(step.id)
    }

    /// Undoes one particular step, also when later steps came after it: the last step is
    /// undone as usual; an earlier one is taken out of the history and its inverse applied
    /// as a new step (so it can be undone in turn). None when the step is gone or its
    /// inverse no longer applies (then nothing changes).
    pub fn undo_step(&mut self, map: &mut Map, step: StepId) -> Option<StepId> {
        if self.undo.back().map(|s| s.id) == Some(step) {
            return self.undo(map);
        }
        let at = self.undo.iter().position(|s| s.id == step)?;
        let inverse = self.undo[at].command.clone();
        let redo = inverse.apply(map).ok()?;
        if let Some(taken) = self.undo.remove(at) {
            self.held -= taken.weight;
        }
        self.redo.clear();
        Some(self.push(redo, None))
    }

    /// True when the step is still in the undo stack.
    pub fn holds(&self, step: StepId) -> bool {
        self.undo.iter().any(|s| s.id == step)
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }

    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }

    /// Number of undo steps held.
    pub fn len(&self) -> usize {
        self.undo.len()
    }

    pub fn is_empty(&self) -> bool {
        self.undo.is_empty()
    }

    /// Roughly how many bytes the undo steps hold.
    pub fn memory_held(&self) -> usize {
        self.held
    }
}

/// A cheap copy of the commands whose no-op can be told from their inverse; None for
/// large ones (a replaced map always counts as a change).
fn probe_of(command: &Command) -> Option<Command> {
    match command {
        Command::UpdateActor(_)
        | Command::UpdateRelation(_)
        | Command::MoveActors(_)
        | Command::SetSectors(_)
        | Command::SetCouncil(_)
        | Command::SetAssessments(_)
        | Command::SetDetails { .. } => Some(command.clone()),
        Command::Batch(steps) if steps.is_empty() => Some(command.clone()),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::Actor;
    use crate::command::Placement;
    use crate::map::tests::sample_map;

    fn details(title: &str) -> Command {
        Command::SetDetails {
            title: title.into(),
            description: String::new(),
        }
    }

    fn add(id: &str) -> Command {
        Command::AddActors(vec![Actor::new(id.into(), id)])
    }

    #[test]
    fn undo_and_redo_walk_the_states() {
        let mut history = History::default();
        let mut map = sample_map();
        let s0 = map.clone();
        history.dispatch(&mut map, details("one"), None).unwrap();
        history.dispatch(&mut map, details("two"), None).unwrap();
        history.undo(&mut map).unwrap();
        assert_eq!(map.title, "one");
        history.undo(&mut map).unwrap();
        assert_eq!(map, s0);
        assert!(history.undo(&mut map).is_none());
        history.redo(&mut map).unwrap();
        history.redo(&mut map).unwrap();
        assert_eq!(map.title, "two");
        assert!(!history.can_redo());
    }

    #[test]
    fn a_new_step_clears_redo_and_a_change_of_nothing_records_nothing() {
        let mut history = History::default();
        let mut map = sample_map();
        history.dispatch(&mut map, details("x"), None).unwrap();
        history.undo(&mut map);
        assert!(history.can_redo());
        let title = map.title.clone();
        let outcome = history.dispatch(&mut map, details(&title), None).unwrap();
        assert_eq!(outcome, Outcome::Unchanged);
        assert!(history.can_redo(), "a no-op keeps redo");
        history.dispatch(&mut map, details("y"), None).unwrap();
        assert!(!history.can_redo());
    }

    #[test]
    fn steps_with_the_same_merge_key_are_one_step() {
        let mut history = History::default();
        let mut map = sample_map();
        let start = map.clone();
        for i in 0..10 {
            let moved = vec![Placement {
                id: "a".into(),
                x: i as f64,
                y: 1.0,
                pinned: true,
            }];
            let command = Command::MoveActors(moved);
            history.dispatch(&mut map, command, Some("drag:a")).unwrap();
        }
        assert_eq!(history.len(), 1);
        history.undo(&mut map).unwrap();
        assert_eq!(map, start);
        history.redo(&mut map).unwrap();
        assert_eq!(map.actor(&"a".into()).unwrap().x, 9.0);
    }

    #[test]
    fn sealing_ends_a_merge() {
        let mut history = History::default();
        let mut map = sample_map();
        history.dispatch(&mut map, details("a"), Some("k")).unwrap();
        history.seal();
        history.dispatch(&mut map, details("b"), Some("k")).unwrap();
        assert_eq!(history.len(), 2);
    }

    #[test]
    fn a_layout_joins_the_step_that_started_it() {
        let mut history = History::default();
        let mut map = sample_map();
        let start = map.clone();
        let Outcome::Recorded(step) = history.dispatch(&mut map, add("n"), None).unwrap() else {
            panic!("recorded");
        };
        let layout = Command::MoveActors(vec![
            Placement {
                id: "n".into(),
                x: 40.0,
                y: 2.0,
                pinned: false,
            },
            Placement {
                id: "a".into(),
                x: 9.0,
                y: 9.0,
                pinned: false,
            },
        ]);
        history.dispatch_into(&mut map, layout, step).unwrap();
        assert_eq!(history.len(), 1);
        let after = map.clone();
        history.undo(&mut map).unwrap();
        assert_eq!(map, start);
        history.redo(&mut map).unwrap();
        assert_eq!(map, after);
    }

    #[test]
    fn a_layout_joins_its_step_also_after_a_later_edit() {
        let mut history = History::default();
        let mut map = sample_map();
        let start = map.clone();
        let Outcome::Recorded(step) = history.dispatch(&mut map, add("n"), None).unwrap() else {
            panic!("recorded");
        };
        history
            .dispatch(&mut map, details("renamed meanwhile"), None)
            .unwrap();
        let layout = Command::MoveActors(vec![Placement {
            id: "b".into(),
            x: 5.0,
            y: 6.0,
            pinned: false,
        }]);
        assert_eq!(
            history.dispatch_into(&mut map, layout, step).unwrap(),
            Outcome::Recorded(step)
        );
        assert_eq!(history.len(), 2, "no step of its own");
        let end = map.clone();
        history.undo(&mut map).unwrap();
        assert_eq!(map.title, start.title);
        assert_eq!(
            map.actor(&"b".into()).unwrap().x,
            5.0,
            "the layout goes with its step"
        );
        history.undo(&mut map).unwrap();
        assert_eq!(map, start);
        history.redo(&mut map).unwrap();
        history.redo(&mut map).unwrap();
        assert_eq!(map, end);
    }

    #[test]
    fn an_earlier_step_can_be_undone_by_its_id() {
        let mut history = History::default();
        let mut map = sample_map();
        let Outcome::Recorded(removal) = history
            .dispatch(&mut map, Command::RemoveActors(vec!["a".into()]), None)
            .unwrap()
        else {
            panic!("recorded");
        };
        history.dispatch(&mut map, details("later"), None).unwrap();
        history.undo_step(&mut map, removal).unwrap();
        assert!(map.actor(&"a".into()).is_some());
        assert_eq!(map.title, "later", "the later edit stays");
        assert!(!history.holds(removal));
        assert!(history.undo_step(&mut map, removal).is_none());
        // The undo is a step of its own: undoing it removes the actor again.
        history.undo(&mut map).unwrap();
        assert!(map.actor(&"a".into()).is_none());
    }

    #[test]
    fn the_oldest_steps_go_past_the_count_and_the_memory_limit() {
        let mut history = History::with_limits(150, usize::MAX);
        let mut map = sample_map();
        for i in 0..160 {
            history
                .dispatch(&mut map, add(&format!("n{i}")), None)
                .unwrap();
        }
        assert_eq!(history.len(), 150);
        let mut undone = 0;
        while history.undo(&mut map).is_some() {
            undone += 1;
        }
        assert_eq!(undone, 150);
        assert_eq!(map.actors.len(), 3 + 10);

        let mut small = History::with_limits(1000, 2_000);
        let mut map = sample_map();
        for i in 0..100 {
            small
                .dispatch(&mut map, add(&format!("m{i}")), None)
                .unwrap();
        }
        assert!(small.memory_held() <= 2_000);
        assert!(small.len() < 100 && small.len() > 1);
    }
}
