//! Communities: Louvain community detection (Blondel et al. 2008) on the map's network,
//! relations taken as undirected with their strength as weight; deterministic for a seed.

use crate::ids::ActorId;
use crate::map::Map;
use crate::sort::sort_by_key;
use std::collections::HashMap;

/// The seed the app uses, so the same map always gets the same communities.
pub const SEED: u64 = 1;

/// A weighted undirected graph over `0..n`: `edges` are `(a, b, weight)`, each pair once
/// (a self-loop `(a, a, w)` counts `w` inside `a`).
#[derive(Clone, Debug)]
pub struct Weighted {
    pub n: usize,
    pub edges: Vec<(usize, usize, f64)>,
}

/// The map's actors as nodes (in the map's order) and its relations as weighted edges;
/// parallel relations between two actors add up, relations to unknown actors are left out.
pub fn graph_of(map: &Map) -> Weighted {
    let index = map.actor_index();
    let mut weights: HashMap<(usize, usize), f64> = HashMap::new();
    for relation in &map.relations {
        let (Some(&a), Some(&b)) = (index.get(&relation.from), index.get(&relation.to)) else {
            continue;
        };
        if a != b {
            *weights.entry((a.min(b), a.max(b))).or_default() += relation.strength.max(1) as f64;
        }
    }
    let mut edges: Vec<(usize, usize, f64)> =
        weights.into_iter().map(|((a, b), w)| (a, b, w)).collect();
    sort_by_key(&mut edges, |e| (e.0, e.1));
    Weighted {
        n: map.actors.len(),
        edges,
    }
}

/// Each actor's community, numbered from 0 by size (the largest first; equal sizes in the
/// order of their first actor); an actor without relations is a community of its own.
pub fn communities(map: &Map, resolution: f64) -> Vec<(ActorId, usize)> {
    let labels = louvain(&graph_of(map), resolution, SEED);
    let count = labels.iter().copied().max().map_or(0, |m| m + 1);
    let mut sizes = vec![0usize; count];
    labels.iter().for_each(|l| sizes[*l] += 1);
    let mut by_size: Vec<usize> = (0..count).collect();
    crate::sort::sort_by(&mut by_size, |a, b| {
        sizes[*b].cmp(&sizes[*a]).then(a.cmp(b))
    });
    let mut rank = vec![0; count];
    for (r, c) in by_size.into_iter().enumerate() {
        rank[c] = r;
    }
    let ids = map.actors.iter().map(|a| a.id.clone());
    ids.zip(labels.into_iter().map(|l| rank[l])).collect()
}

/// Modularity of a partition (`community[i]` for node `i`) at `resolution`:
/// Σ_c (L_c / m − γ (d_c / 2m)²), as networkx computes it.
pub fn modularity(graph: &Weighted, community: &[usize], resolution: f64) -> f64 {
    let m: f64 = graph.edges.iter().map(|e| e.2).sum();
    if m == 0.0 {
        return 0.0;
    }
    let groups = community.iter().copied().max().map_or(0, |c| c + 1);
    let (mut inside, mut degree) = (vec![0.0; groups], vec![0.0; groups]);
    for &(a, b, w) in &graph.edges {
        degree[community[a]] += w;
        degree[community[b]] += w;
        if community[a] == community[b] {
            inside[community[a]] += w;
        }
    }
    (0..groups)
        .map(|c| inside[c] / m - resolution * (degree[c] / (2.0 * m)).powi(2))
        .sum()
}

/// Louvain: nodes move to the neighbouring community with the best modularity gain until
/// none does, communities become nodes, and again, while anything moves. Nodes are
/// visited in an order shuffled by `seed`. Returns each node's community, numbered from 0
/// in order of first appearance.
pub fn louvain(graph: &Weighted, resolution: f64, seed: u64) -> Vec<usize> {
    let mut random = Random(seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1);
    // The node of the current level each original node is in.
    let mut member: Vec<usize> = (0..graph.n).collect();
    let mut level = Level::of(graph);
    loop {
        let (moved, community) = level.move_nodes(resolution, &mut random);
        let (renumbered, count) = renumber(&community);
        for m in member.iter_mut() {
            *m = renumbered[*m];
        }
        if !moved || count == level.n {
            break;
        }
        level = level.aggregate(&renumbered, count);
    }
    renumber(&member).0
}

/// Labels renumbered from 0 in order of first appearance, and how many there are.
fn renumber(labels: &[usize]) -> (Vec<usize>, usize) {
    let mut seen: HashMap<usize, usize> = HashMap::new();
    let renumbered = labels
        .iter()
        .map(|l| {
            let next = seen.len();
            *seen.entry(*l).or_insert(next)
        })
        .collect();
    (renumbered, seen.len())
}

/// One level of the algorithm: a graph in adjacency lists with self-loop weights.
struct Level {
    n: usize,
    neighbours: Vec<Vec<(usize, f64)>>,
    self_loop: Vec<f64>,
    /// Weighted degree (self-loops twice, as networkx counts them).
    strength: Vec<f64>,
    total: f64,
}

impl Level {
    fn of(graph: &Weighted) -> Self {
        let mut level = Level {
            n: graph.n,
            neighbours: vec![Vec::new(); graph.n],
            self_loop: vec![0.0; graph.n],
            strength: vec![0.0; graph.n],
            total: 0.0,
        };
        for &(a, b, w) in &graph.edges {
            level.add(a, b, w);
        }
        level
    }

    fn add(&mut self, a: usize, b: usize, w: f64) {
        if a == b {
            self.self_loop[a] += w;
        } else {
            self.neighbours[a].push((b, w));
            self.neighbours[b].push((a, w));
        }
        self.strength[a] += w;
        self.strength[b] += w;
        self.total += w;
    }

    /// Phase one: moves nodes between communities while that raises modularity. Whether
    /// any node moved, and each node's community.
    fn move_nodes(&self, resolution: f64, random: &mut Random) -> (bool, Vec<usize>) {
        let mut community: Vec<usize> = (0..self.n).collect();
        let mut degree_of: Vec<f64> = self.strength.clone();
        let two_m = 2.0 * self.total;
        if self.total == 0.0 {
            return (false, community);
        }
        let mut order: Vec<usize> = (0..self.n).collect();
        random.shuffle(&mut order);
        let mut moved_any = false;
        let mut links: HashMap<usize, f64> = HashMap::new();
        loop {
            let mut moved = false;
            for &i in &order {
                let own = community[i];
                links.clear();
                for &(j, w) in &self.neighbours[i] {
                    *links.entry(community[j]).or_default() += w;
                }
                let k = self.strength[i];
                degree_of[own] -= k;
                let gain = |c: usize, w: f64| w - resolution * degree_of[c] * k / two_m;
                let mut best = (own, gain(own, links.get(&own).copied().unwrap_or(0.0)));
                // Ties go to the lower community number, so the result does not depend
                // on the hash map's order.
                let mut candidates: Vec<(usize, f64)> =
                    links.iter().map(|(c, w)| (*c, *w)).collect();
                sort_by_key(&mut candidates, |c| c.0);
                for (c, w) in candidates {
                    let g = gain(c, w);
                    if g > best.1 + 1e-12 {
                        best = (c, g);
                    }
                }
                degree_of[best.0] += k;
                if best.0 != own {
                    community[i] = best.0;
                    moved = true;
                    moved_any = true;
                }
            }
            if !moved {
                break;
            }
        }
        (moved_any, community)
    }

    /// Phase two: each community becomes a node.
    fn aggregate(&self, community: &[usize], count: usize) -> Level {
        let mut next = Level {
            n: count,
            neighbours: vec![Vec::new(); count],
            self_loop: vec![0.0; count],
            strength: vec![0.0; count],
            total: 0.0,
        };
        let mut between: HashMap<(usize, usize), f64> = HashMap::new();
        for i in 0..self.n {
            let c = community[i];
            if self.self_loop[i] > 0.0 {
                *between.entry((c, c)).or_default() += self.self_loop[i];
            }
            for &(j, w) in &self.neighbours[i] {
                // Each edge is listed at both ends; take it once.
                if i < j {
                    let d = community[j];
                    *between.entry((c.min(d), c.max(d))).or_default() += w;
                }
            }
        }
        let mut edges: Vec<((usize, usize), f64)> = between.into_iter().collect();
        sort_by_key(&mut edges, |e| e.0);
        for ((a, b), w) in edges {
            next.add(a, b, w);
        }
        next
    }
}

/// A small xorshift generator: the same order for the same seed on every platform.
struct Random(u64);

impl Random {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        self.0 = x;
        x
    }

    fn shuffle<T>(&mut self, items: &mut [T]) {
        for i in (1..items.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            items.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn two_triangles() -> Weighted {
        Weighted {
            n: 6,
            edges: vec![
                (0, 1, 1.0),
                (1, 2, 1.0),
                (2, 0, 1.0),
                (3, 4, 1.0),
                (4, 5, 1.0),
                (5, 3, 1.0),
                (2, 3, 1.0),
            ],
        }
    }

    #[test]
    fn two_triangles_joined_by_one_edge_are_two_communities() {
        let graph = two_triangles();
        let community = louvain(&graph, 1.0, SEED);
        assert_eq!(community, [0, 0, 0, 1, 1, 1]);
        // networkx: modularity(G, [{0,1,2},{3,4,5}]) = 5/14 ≈ 0.357.
        assert!((modularity(&graph, &community, 1.0) - 5.0 / 14.0).abs() < 1e-12);
        assert_eq!(louvain(&graph, 1.0, SEED), community, "deterministic");
    }

    #[test]
    fn no_relations_means_every_actor_alone() {
        let graph = Weighted {
            n: 3,
            edges: vec![],
        };
        assert_eq!(louvain(&graph, 1.0, SEED), [0, 1, 2]);
    }
}
