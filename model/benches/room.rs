//! Times what a facilitator's device does with each remote update in a busy room: the
//! benchmark room of issue 23 ends near 2,000 actors (150 plus 30 participants adding one a
//! second for a minute). Run: `cargo bench -p samverkan-model --bench room`.

mod common;

use common::{millis, percentile, random_map};
use samverkan_model::room::Room;
use samverkan_model::Actor;
use std::hint::black_box;
use std::time::Instant;

const ACTORS: usize = 2_000;
const RELATIONS: usize = 2_000;
const RUNS: usize = 30;

fn main() {
    let map = random_map(ACTORS, RELATIONS, 2026);
    println!("room bench: {ACTORS} actors, {RELATIONS} relations");
    let facilitator = Room::with_map(1, &map);
    let participant = Room::restore(2, &facilitator.state()).expect("a state restores");
    facilitator.read().expect("the first read, whole");
    let mut last = map.clone();
    let (mut whole, mut changes) = (Vec::new(), Vec::new());
    for run in 0..RUNS {
        let mut next = last.clone();
        next.add_actor(Actor::new(
            format!("p{run}").into(),
            format!("Participant {run}"),
        ));
        let update = participant
            .write(Some(&last), &next)
            .expect("an actor added");
        facilitator.apply(&update).expect("the update applies");
        let start = Instant::now();
        black_box(facilitator.read_whole().expect("the map reads"));
        whole.push(millis(start.elapsed()));
        let start = Instant::now();
        let settled = black_box(facilitator.read().expect("the map reads"));
        changes.push(millis(start.elapsed()));
        last = settled.map;
    }
    for (name, mut times) in [("whole document", whole), ("changes only", changes)] {
        times.sort_by(f64::total_cmp);
        println!(
            "read after one added actor, {name} ({RUNS} runs): median {:.1} ms, p95 {:.1} ms",
            percentile(&times, 0.5),
            percentile(&times, 0.95)
        );
    }
}
