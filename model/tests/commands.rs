//! Property tests of the one edit path: any sequence of commands followed by all their
//! inverses gives back the starting map exactly, and undo/redo through the history walks
//! back and forth between the same states.

mod common;

use common::edits::{command, fixture, op};
use proptest::prelude::*;
use samverkan_model::assessment::snapshot;
use samverkan_model::command::Command;
use samverkan_model::history::History;

fn config() -> ProptestConfig {
    common::proptest_config(256)
}

proptest! {
    #![proptest_config(config())]

    /// Commands, then their inverses in reverse order, give back the start exactly; a
    /// command that fails changes nothing.
    #[test]
    fn inverses_undo_exactly(ops in prop::collection::vec(op(), 0..12)) {
        let start = fixture();
        let mut map = start.clone();
        let mut inverses = Vec::new();
        let mut serial = 0;
        for op in &ops {
            let before = map.clone();
            match command(&map, op, &mut serial).apply(&mut map) {
                Ok(inverse) => inverses.push(inverse),
                Err(_) => prop_assert_eq!(&map, &before, "a failed command changed the map"),
            }
        }
        for inverse in inverses.into_iter().rev() {
            prop_assert!(inverse.apply(&mut map).is_ok());
        }
        prop_assert_eq!(map, start);
    }

    /// Through the history (with merging): undo everything, redo everything, and each
    /// walk ends where it should.
    #[test]
    fn undo_and_redo_round_trip(ops in prop::collection::vec((op(), any::<bool>()), 0..12)) {
        let start = fixture();
        let mut map = start.clone();
        let mut history = History::default();
        let mut serial = 0;
        for (op, merge) in &ops {
            let command = command(&map, op, &mut serial);
            let _ = history.dispatch(&mut map, command, merge.then_some("typing"));
        }
        let end = map.clone();
        while history.undo(&mut map).is_some() {}
        prop_assert_eq!(&map, &start);
        while history.redo(&mut map).is_some() {}
        prop_assert_eq!(&map, &end);
    }
}

#[test]
fn removing_an_actor_and_undoing_it_restores_relations_seats_and_roles() {
    let start = fixture();
    let mut map = start.clone();
    let used = map.council.members[0].actor.clone();
    let inverse = Command::RemoveActors(vec![used.clone()])
        .apply(&mut map)
        .unwrap();
    assert!(map.actor(&used).is_none());
    assert!(!map.council.references(&used));
    assert!(!map.relations.iter().any(|r| r.touches(&used)));
    inverse.apply(&mut map).unwrap();
    assert_eq!(map, start);
}

#[test]
fn removing_an_actor_takes_it_out_of_assessments_and_undo_puts_it_back() {
    let mut start = fixture();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    let saved = snapshot(&start, "s1".into(), "Workshop 1", date);
    let inverse = Command::SetAssessments(vec![saved])
        .apply(&mut start)
        .unwrap();
    assert_eq!(inverse, Command::SetAssessments(vec![]));
    let mut map = start.clone();
    let gone = map.actors[0].id.clone();
    let inverse = Command::RemoveActors(vec![gone.clone()])
        .apply(&mut map)
        .unwrap();
    assert!(!map.assessments[0].actors.iter().any(|r| r.actor == gone));
    assert_eq!(map.assessments[0].actors.len(), start.actors.len() - 1);
    inverse.apply(&mut map).unwrap();
    assert_eq!(map, start);
    // Ratings of an actor that is not on the map are refused, and nothing changes.
    let mut bad = start.assessments.clone();
    bad[0].actors[0].actor = "nobody".into();
    assert!(Command::SetAssessments(bad).apply(&mut map).is_err());
    assert_eq!(map, start);
}

#[test]
fn removing_an_actor_takes_it_out_of_interactions_and_undo_puts_it_back() {
    let start = fixture();
    let mut map = start.clone();
    let gone = map.actors[1].id.clone();
    let inverse = Command::RemoveActors(vec![gone.clone()])
        .apply(&mut map)
        .unwrap();
    assert_eq!(map.interactions.len(), 2, "the interactions stay");
    assert!(!map
        .interactions
        .iter()
        .any(|i| i.actor_refs().any(|a| a == &gone)));
    assert_eq!(map.interactions[1].invited.len(), 2);
    inverse.apply(&mut map).unwrap();
    assert_eq!(map, start, "the same places in the same lists");
    let mut bad = start.interactions.clone();
    bad[0].actors.push("nobody".into());
    assert!(Command::SetInteractions(bad).apply(&mut map).is_err());
    assert_eq!(map, start);
}

#[test]
fn a_batch_is_all_or_nothing() {
    let mut map = fixture();
    let before = map.clone();
    let batch = Command::Batch(vec![
        Command::SetDetails {
            title: "changed".into(),
            description: String::new(),
        },
        Command::RemoveActors(vec!["no such actor".into()]),
    ]);
    assert!(batch.apply(&mut map).is_err());
    assert_eq!(map, before);
}
