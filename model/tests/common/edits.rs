//! Edits described by numbers, turned into commands against a map: the generator the
//! property tests of the edit path (commands.rs) and of room mode (room.rs) share.
#![allow(dead_code)] // each test file uses its own part of what common/ offers

use proptest::prelude::*;
use samverkan_model::command::{Command, Placement};
use samverkan_model::council::Action;
use samverkan_model::engagement::{Interaction, InteractionKind};
use samverkan_model::io::read_document;
use samverkan_model::{Actor, Map, Member, Relation, RelationKind};

/// The full fixture with an engagement log naming its first actors, so every property
/// below also covers the interactions a removal takes actors out of.
pub fn fixture() -> Map {
    let text = include_str!("../fixtures/json/v1-full.samverkan.json");
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
pub enum Op {
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

pub fn op() -> impl Strategy<Value = Op> {
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

pub fn pick<T>(items: &[T], i: usize) -> Option<&T> {
    (!items.is_empty()).then(|| &items[i % items.len()])
}

pub fn command(map: &Map, op: &Op, serial: &mut u32) -> Command {
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
