//! A set of marked actors (the selected actor's neighbourhood) with one signal per actor,
//! so a new selection notifies only the actors entering or leaving the set, not every node
//! and line of a thousand-actor map.

use leptos::prelude::*;
use samverkan_model::ActorId;
use send_wrapper::SendWrapper;
use std::cell::RefCell;
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

#[derive(Default)]
struct Inner {
    slots: HashMap<ActorId, ArcRwSignal<bool>>,
    marked: HashSet<ActorId>,
}

#[derive(Clone)]
pub struct Marks(SendWrapper<Rc<RefCell<Inner>>>);

impl Default for Marks {
    fn default() -> Self {
        Self(SendWrapper::new(Rc::default()))
    }
}

impl Marks {
    /// Whether `id` is marked, as a signal of its own.
    pub fn slot(&self, id: &ActorId) -> ArcRwSignal<bool> {
        let mut inner = self.0.borrow_mut();
        let marked = inner.marked.contains(id);
        inner
            .slots
            .entry(id.clone())
            .or_insert_with(|| ArcRwSignal::new(marked))
            .clone()
    }

    /// Marks exactly `ids`, telling only the actors whose mark changes.
    pub fn set(&self, ids: HashSet<ActorId>) {
        let changed: Vec<(ArcRwSignal<bool>, bool)> = {
            let mut inner = self.0.borrow_mut();
            let leaving: Vec<ActorId> = inner.marked.difference(&ids).cloned().collect();
            let entering: Vec<ActorId> = ids.difference(&inner.marked).cloned().collect();
            inner.marked = ids;
            leaving
                .iter()
                .map(|id| (id, false))
                .chain(entering.iter().map(|id| (id, true)))
                .filter_map(|(id, on)| inner.slots.get(id).map(|s| (s.clone(), on)))
                .collect()
        };
        for (slot, on) in changed {
            slot.set(on);
        }
    }
}
