//! Undo/redo as a bounded stack of earlier map states. Snapshots are simple and always
//! exact; consecutive steps with the same merge key (one drag, one typed field) collapse
//! into one, so a drag is undone in one step.

use crate::map::Map;
use std::collections::VecDeque;

/// How many steps are kept by default.
pub const DEFAULT_LIMIT: usize = 200;

#[derive(Clone, Debug)]
struct Step {
    before: Map,
    merge_key: Option<String>,
}

/// The undo and redo stacks of one open map.
#[derive(Clone, Debug)]
pub struct History {
    undo: VecDeque<Step>,
    redo: Vec<Map>,
    limit: usize,
}

impl Default for History {
    fn default() -> Self {
        Self::with_limit(DEFAULT_LIMIT)
    }
}

impl History {
    /// A history that keeps at most `limit` undo steps.
    pub fn with_limit(limit: usize) -> Self {
        Self {
            undo: VecDeque::new(),
            redo: Vec::new(),
            limit: limit.max(1),
        }
    }

    /// Records `before` as the state to return to, and clears redo. A step whose
    /// `merge_key` equals the previous step's is folded into it (the earlier state is kept).
    pub fn record(&mut self, before: Map, merge_key: Option<&str>) {
        self.redo.clear();
        if let (Some(key), Some(last)) = (merge_key, self.undo.back()) {
            if last.merge_key.as_deref() == Some(key) {
                return;
            }
        }
        self.undo.push_back(Step {
            before,
            merge_key: merge_key.map(str::to_owned),
        });
        if self.undo.len() > self.limit {
            self.undo.pop_front();
        }
    }

    /// Ends merging, so the next step stands on its own even with the same key.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.back_mut() {
            last.merge_key = None;
        }
    }

    /// Returns the state before the last step, keeping `current` for redo.
    pub fn undo(&mut self, current: Map) -> Option<Map> {
        let step = self.undo.pop_back()?;
        self.redo.push(current);
        Some(step.before)
    }

    /// Returns the state the last undo left, keeping `current` for undo.
    pub fn redo(&mut self, current: Map) -> Option<Map> {
        let next = self.redo.pop()?;
        self.undo.push_back(Step {
            before: current,
            merge_key: None,
        });
        Some(next)
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
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::Actor;
    use crate::map::tests::sample_map;

    fn with_title(map: &Map, title: &str) -> Map {
        Map {
            title: title.to_owned(),
            ..map.clone()
        }
    }

    #[test]
    fn undo_and_redo_walk_the_states() {
        let mut history = History::default();
        let s0 = sample_map();
        let s1 = with_title(&s0, "one");
        let s2 = with_title(&s0, "two");
        history.record(s0.clone(), None);
        history.record(s1.clone(), None);
        assert_eq!(history.undo(s2.clone()).unwrap().title, "one");
        assert_eq!(history.undo(s1.clone()).unwrap().title, s0.title);
        assert!(history.undo(s0.clone()).is_none());
        assert_eq!(history.redo(s0.clone()).unwrap().title, "one");
        assert_eq!(history.redo(s1).unwrap().title, "two");
        assert!(!history.can_redo());
    }

    #[test]
    fn a_new_step_clears_redo() {
        let mut history = History::default();
        let s0 = sample_map();
        history.record(s0.clone(), None);
        history.undo(with_title(&s0, "x"));
        assert!(history.can_redo());
        history.record(s0, None);
        assert!(!history.can_redo());
    }

    #[test]
    fn steps_with_the_same_merge_key_are_one_step() {
        let mut history = History::default();
        let start = sample_map();
        let mut moving = start.clone();
        for i in 0..10 {
            history.record(moving.clone(), Some("drag:a"));
            moving.actors[0].x = i as f64;
        }
        assert_eq!(history.len(), 1);
        assert_eq!(history.undo(moving).unwrap(), start);
    }

    #[test]
    fn sealing_ends_a_merge() {
        let mut history = History::default();
        let map = sample_map();
        history.record(map.clone(), Some("drag:a"));
        history.seal();
        history.record(map, Some("drag:a"));
        assert_eq!(history.len(), 2);
    }

    #[test]
    fn at_least_a_hundred_steps_are_kept_and_the_oldest_dropped() {
        let mut history = History::with_limit(150);
        let mut map = sample_map();
        for i in 0..160 {
            history.record(map.clone(), None);
            map.add_actor(Actor::new(format!("n{i}").into(), "n"));
        }
        assert_eq!(history.len(), 150);
        let mut undone = 0;
        while let Some(previous) = history.undo(map.clone()) {
            map = previous;
            undone += 1;
        }
        assert_eq!(undone, 150);
        assert_eq!(map.actors.len(), 3 + 10);
    }
}
