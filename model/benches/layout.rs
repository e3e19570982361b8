//! Times the force layout, the network metrics and reading the map's file on a seeded
//! 1,000-actor, 3,000-relation map.

// The size DESIGN.md budgets for (one tick: median ≤ 5 ms, p95 ≤ 8 ms in the browser; cold
// layout ≤ 1.5 s). Run: `cargo bench -p samverkan-model --bench layout`. It prints the
// numbers; it measures, it does not judge.

mod common;

use common::{millis, percentile, random_map};
use samverkan_model::io::{self, Document};
use samverkan_model::layout::Simulation;
use samverkan_model::metrics;
use std::hint::black_box;
use std::time::Instant;

const ACTORS: usize = 1_000;
const RELATIONS: usize = 3_000;
/// Ticks timed one by one for the per-tick median and p95.
const TIMED_TICKS: usize = 300;
/// Ticks of a cold layout (alpha from 1 to 0.001 takes about 300).
const COLD_TICKS: usize = 300;
const COLD_RUNS: usize = 5;
const METRIC_RUNS: usize = 5;
const READ_RUNS: usize = 10;

fn main() {
    let map = random_map(ACTORS, RELATIONS, 2026);
    println!("layout bench: {ACTORS} actors, {RELATIONS} relations");

    // Per tick, over a whole cooling run: early ticks move a lot, late ones little.
    let mut simulation = Simulation::new(&map, 1);
    let mut ticks: Vec<f64> = (0..TIMED_TICKS)
        .map(|_| {
            let start = Instant::now();
            simulation.tick();
            millis(start.elapsed())
        })
        .collect();
    black_box(simulation.positions());
    ticks.sort_by(f64::total_cmp);
    println!(
        "tick ({TIMED_TICKS} ticks): median {:.3} ms, p95 {:.3} ms, max {:.3} ms",
        percentile(&ticks, 0.5),
        percentile(&ticks, 0.95),
        ticks[ticks.len() - 1]
    );

    // Cold layout: build from the map (start positions included) and run 300 ticks.
    let mut cold: Vec<f64> = (0..COLD_RUNS)
        .map(|run| {
            let start = Instant::now();
            let mut simulation = Simulation::new(&map, run as u64);
            for _ in 0..COLD_TICKS {
                simulation.tick();
            }
            black_box(simulation.positions());
            millis(start.elapsed())
        })
        .collect();
    cold.sort_by(f64::total_cmp);
    println!(
        "cold layout ({COLD_TICKS} ticks, {COLD_RUNS} runs): median {:.1} ms, max {:.1} ms",
        percentile(&cold, 0.5),
        cold[cold.len() - 1]
    );

    let mut betweenness: Vec<f64> = (0..METRIC_RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(metrics::compute(black_box(&map)));
            millis(start.elapsed())
        })
        .collect();
    betweenness.sort_by(f64::total_cmp);
    println!(
        "metrics::compute, degree and betweenness ({METRIC_RUNS} runs): median {:.1} ms, max {:.1} ms",
        percentile(&betweenness, 0.5),
        betweenness[betweenness.len() - 1]
    );

    // Reading the file back: an import, and every reload from local storage.
    let mut file = map.clone();
    // The bench map has no sector list for the council's default requirements to name.
    file.council.required_sectors.clear();
    let text = io::write_pretty(&Document::new(file, 1));
    let mut reads: Vec<f64> = (0..READ_RUNS)
        .map(|_| {
            let start = Instant::now();
            black_box(io::read_document(black_box(&text)).expect("the file reads"));
            millis(start.elapsed())
        })
        .collect();
    reads.sort_by(f64::total_cmp);
    println!(
        "io::read_document, {} KiB ({READ_RUNS} runs): median {:.1} ms, max {:.1} ms",
        text.len() / 1024,
        percentile(&reads, 0.5),
        reads[reads.len() - 1]
    );
}
