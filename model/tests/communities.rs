//! Louvain communities against networkx 3.6.1's `louvain_communities(G, seed=1)` on the same
//! graphs: our modularity must reach at least 95 % of theirs (values computed once with
//! networkx and kept beside the fixtures).

use samverkan_model::community::{louvain, modularity, Weighted, SEED};
use serde_json::Value;

fn fixture(name: &str) -> Value {
    let path = format!(
        "{}/tests/fixtures/graphs/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    serde_json::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

fn graph(edges: &[Value], weighted: bool) -> Weighted {
    let edges: Vec<(usize, usize, f64)> = edges
        .iter()
        .map(|e| {
            let weight = if weighted {
                e[2].as_f64().unwrap()
            } else {
                1.0
            };
            (
                e[0].as_u64().unwrap() as usize,
                e[1].as_u64().unwrap() as usize,
                weight,
            )
        })
        .collect();
    let n = edges.iter().map(|e| e.0.max(e.1) + 1).max().unwrap_or(0);
    Weighted { n, edges }
}

/// Runs Louvain, checks it is deterministic, and returns its modularity.
fn reached(graph: &Weighted) -> f64 {
    let community = louvain(graph, 1.0, SEED);
    assert_eq!(
        louvain(graph, 1.0, SEED),
        community,
        "same seed, same communities"
    );
    modularity(graph, &community, 1.0)
}

#[test]
fn zacharys_karate_club_unweighted_and_weighted() {
    let karate = fixture("karate.json");
    let edges = karate.as_array().unwrap();
    // networkx: 0.41880 unweighted, 0.44385 with the club's edge weights.
    let unweighted = reached(&graph(edges, false));
    assert!(
        unweighted >= 0.95 * 0.418_803_418_803_418_76,
        "{unweighted}"
    );
    let weighted = reached(&graph(edges, true));
    assert!(weighted >= 0.95 * 0.443_854_125_672_307_5, "{weighted}");
}

#[test]
fn a_random_graph_of_a_thousand_nodes() {
    // networkx.gnm_random_graph(1000, 3000, seed=7).
    let random = fixture("gnm-1000-3000.json");
    let theirs = random["networkx_louvain_modularity"].as_f64().unwrap();
    let ours = reached(&graph(random["edges"].as_array().unwrap(), false));
    assert!(ours >= 0.95 * theirs, "{ours} against networkx's {theirs}");
}

#[test]
fn a_higher_resolution_gives_more_communities() {
    let karate = fixture("karate.json");
    let graph = graph(karate.as_array().unwrap(), false);
    let count = |resolution: f64| louvain(&graph, resolution, SEED).into_iter().max().unwrap() + 1;
    assert!(count(2.0) > count(1.0), "{} vs {}", count(2.0), count(1.0));
    assert!(count(0.3) < count(1.0));
}
