//! Property tests of the one edit path: any sequence of commands followed by all their
//! inverses gives back the starting map exactly, and undo/redo through the history walks
//! back and forth between the same states.

mod common;

use proptest::prelude::*;
use samverkan_model::assessment::snapshot;
use samverkan_model::command::{Command, Placement};
use samverkan_model::council::Action;
use samverkan_model::engagement::{Interaction, InteractionKind};
use samverkan_model::history::History;
use samverkan_model::io::read_document;
use samverkan_model::{Actor, Map, Member, Relation, RelationKind};

/// The full fixture with an engagement log naming its first actors, so every property
/// below also covers the interactions a removal takes actors out of.
fn fixture() -> Map {
    let text = include_str!("fixtures/json/v1-full.samverkan.json");
    let mut map = read_document(text)
        .expect("the v1-full fixture")
        .document
        .map;
    let id = |i: usize| map.actors[i].id.clone();
    let date = chrono::NaiveDate::from_ymd_opt(2026, 10, 5).unwrap();
    map.interactions = vec![
        Interaction {
            id: "i1".into(),
            actors: vec![id(0), id(1)],
            date,
            kind: InteractionKind::Consultation,
            summary: "Samråd".into(),
            needs: vec!["Lokaler".into()],
            follow_up: None,
            invited: vec![],
            attended: vec![],
        },
        Interaction {
            id: "i2".into(),
            actors: vec![],
            date,
            kind: InteractionKind::Dialogue,
            summary: String::new(),
            needs: vec![],
            follow_up: None,
            invited: vec![id(1), id(2), id(0)],
            attended: vec![id(2)],
        },
    ];
    map
}

/// An edit described by numbers, turned into a command against the map as it is then, so
/// most generated commands name things that exist (and some deliberately do not).
#[derive(Clone, Debug)]
enum Op {
    Add(u8),
    Update(usize, u8),
    Move(Vec<(usize, i16, i16, bool)>),
    Remove(Vec<usize>),
    Link(usize, usize, u8),
    EditRelation(usize, u8),
    Unlink(Vec<usize>),
    Sectors(u8),
    Council(usize, u8),
    Title(u8),
    Replace,
    Batch(Vec<Op>),
    Unknown,
}

fn op() -> impl Strategy<Value = Op> {
    let leaf = prop_oneof![
        any::<u8>().prop_map(Op::Add),
        (any::<usize>(), any::<u8>()).prop_map(|(i, v)| Op::Update(i, v)),
        prop::collection::vec(
            (any::<usize>(), any::<i16>(), any::<i16>(), any::<bool>()),
            0..4
        )
        .prop_map(Op::Move),
        prop::collection::vec(any::<usize>(), 0..3).prop_map(Op::Remove),
        (any::<usize>(), any::<usize>(), any::<u8>()).prop_map(|(a, b, k)| Op::Link(a, b, k)),
        (any::<usize>(), any::<u8>()).prop_map(|(i, v)| Op::EditRelation(i, v)),
        prop::collection::vec(any::<usize>(), 0..3).prop_map(Op::Unlink),
        any::<u8>().prop_map(Op::Sectors),
        (any::<usize>(), any::<u8>()).prop_map(|(i, v)| Op::Council(i, v)),
        any::<u8>().prop_map(Op::Title),
        Just(Op::Replace),
        Just(Op::Unknown),
    ];
    leaf.prop_recursive(2, 8, 4, |inner| {
        prop::collection::vec(inner, 0..4).prop_map(Op::Batch)
    })
}

fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

fn command(map: &Map, op: &Op, serial: &mut u32) -> Command {
    *serial += 1;
    let fresh = format!("new-{serial}");
    match op {
        Op::Add(n) => Command::AddActors(
            (0..(n % 3) + 1)
                .map(|k| {
                    let mut a = Actor::new(format!("{fresh}-{k}").into(), format!("Ny {k}"));
                    a.x = f64::from(*n) * 3.5;
                    a.y = -f64::from(k);
                    a
                })
                .collect(),
        ),
        Op::Update(i, v) => match pick(&map.actors, *i) {
            Some(a) => {
                let mut a = a.clone();
                a.name = format!("{} {v}", a.name);
                a.influence = Some(i64::from(v % 5) + 1);
                a.tags.push(format!("t{v}"));
                a.x += 1.0; // not applied: an update keeps the placement
                Command::UpdateActor(Box::new(a))
            }
            None => Command::UpdateActor(Box::new(Actor::new("ghost".into(), "Ghost"))),
        },
        Op::Move(moves) => Command::MoveActors(
            moves
                .iter()
                .filter_map(|(i, x, y, pinned)| {
                    pick(&map.actors, *i).map(|a| Placement {
                        id: a.id.clone(),
                        x: f64::from(*x),
                        y: f64::from(*y),
                        pinned: *pinned,
                    })
                })
                .collect(),
        ),
        Op::Remove(picks) => {
            let mut ids: Vec<_> = picks
                .iter()
                .filter_map(|i| pick(&map.actors, *i).map(|a| a.id.clone()))
                .collect();
            ids.dedup();
            Command::RemoveActors(ids)
        }
        Op::Link(a, b, k) => match (pick(&map.actors, *a), pick(&map.actors, *b)) {
            (Some(a), Some(b)) => {
                let mut r = Relation::new(fresh.into(), a.id.clone(), b.id.clone());
                r.kind = RelationKind::ALL[usize::from(*k) % RelationKind::ALL.len()];
                Command::AddRelations(vec![r])
            }
            _ => Command::AddRelations(vec![Relation::new(
                fresh.into(),
                "ghost".into(),
                "ghost2".into(),
            )]),
        },
        Op::EditRelation(i, v) => match pick(&map.relations, *i) {
            Some(r) => {
                let mut r = r.clone();
                r.strength = i64::from(v % 3) + 1;
                r.directed = !r.directed;
                r.note = format!("n{v}");
                Command::UpdateRelation(r)
            }
            None => Command::RemoveRelations(vec!["ghost".into()]),
        },
        Op::Unlink(picks) => {
            let mut ids: Vec<_> = picks
                .iter()
                .filter_map(|i| pick(&map.relations, *i).map(|r| r.id.clone()))
                .collect();
            ids.dedup();
            Command::RemoveRelations(ids)
        }
        Op::Sectors(v) => {
            let mut sectors = map.sectors.clone();
            if let Some(s) = sectors.first_mut() {
                s.label = format!("Sektor {v}");
            }
            Command::SetSectors(sectors)
        }
        Op::Council(i, v) => {
            let mut council = map.council.clone();
            if let Some(a) = pick(&map.actors, *i) {
                council.members.retain(|m| m.actor != a.id);
                council.members.push(Member::new(a.id.clone()));
                council.actions.push(Action {
                    id: fresh.clone().into(),
                    title: format!("Åtgärd {v}"),
                    goal: None,
                    responsible: Some(a.id.clone()),
                    accountable: None,
                    consulted: vec![a.id.clone()],
                    informed: vec![],
                    start: None,
                    due: None,
                    status: Default::default(),
                    note: String::new(),
                });
            }
            Command::SetCouncil(Box::new(council))
        }
        Op::Title(v) => Command::SetDetails {
            title: format!("Karta {v}"),
            description: map.description.clone(),
        },
        Op::Replace => {
            let mut other = map.clone();
            other.actors.truncate(2);
            other.relations.clear();
            other.council = Default::default();
            other.interactions.clear();
            Command::ReplaceMap(Box::new(other))
        }
        Op::Batch(ops) => {
            // Each part is built against the map as it is before the batch: later parts
            // may name what earlier ones removed, which fails the batch as a whole.
            Command::Batch(ops.iter().map(|o| command(map, o, serial)).collect())
        }
        Op::Unknown => Command::MoveActors(vec![Placement {
            id: "ghost".into(),
            x: 0.0,
            y: 0.0,
            pinned: false,
        }]),
    }
}

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
