//! What the benches share: a seeded random map and the percentile of a run.

use samverkan_model::{Actor, Map, Relation};
use std::collections::HashSet;
use std::time::Duration;

/// SplitMix64, so the graph is the same on every run and machine.
struct Random(u64);

impl Random {
    fn below(&mut self, bound: usize) -> usize {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        ((z ^ (z >> 31)) % bound as u64) as usize
    }
}

/// Actors with unplaced positions (so the layout starts cold) and distinct random pairs.
pub fn random_map(actors: usize, relations: usize, seed: u64) -> Map {
    let mut random = Random(seed);
    let now = "2026-11-22T10:00:00Z".parse().expect("a valid timestamp");
    let mut map = Map::new("bench".into(), "Bench", now, Vec::new());
    for i in 0..actors {
        let mut actor = Actor::new(format!("a{i}").into(), format!("Actor {i}"));
        actor.influence = Some(1 + random.below(5) as i64);
        map.add_actor(actor);
    }
    let mut pairs = HashSet::new();
    while map.relations.len() < relations {
        let (a, b) = (random.below(actors), random.below(actors));
        if a == b || !pairs.insert((a.min(b), a.max(b))) {
            continue;
        }
        let mut relation = Relation::new(
            format!("r{}", map.relations.len()).into(),
            format!("a{a}").into(),
            format!("a{b}").into(),
        );
        relation.strength = 1 + random.below(3) as i64;
        map.relations.push(relation);
    }
    map
}

pub fn millis(duration: Duration) -> f64 {
    duration.as_secs_f64() * 1e3
}

/// The value below which `share` of the sorted samples lie (nearest rank).
pub fn percentile(sorted: &[f64], share: f64) -> f64 {
    let rank = ((share * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len());
    sorted[rank - 1]
}
