//! Network metrics per actor (degree, betweenness) and coverage counts, to find brokers.

use crate::actor::Level;
use crate::ids::{ActorId, SectorId};
use crate::map::Map;
use crate::sort::sort_by;
use std::collections::HashMap;

/// The metrics of one actor.
#[derive(Clone, Copy, Debug, Default, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct ActorMetrics {
    /// Number of distinct actors it has a relation with.
    pub degree: usize,
    /// Share of shortest paths between other actors that pass through it, 0..=1.
    pub betweenness: f64,
}

/// Degree and betweenness of every actor, in the map's actor order.
///
/// Relations are taken as undirected and parallel relations between the same two actors
/// count once, so the numbers agree with Gephi and with networkx's
/// `betweenness_centrality(G, normalized=True)` on the same undirected simple graph.
///
/// Betweenness is Brandes' algorithm (one breadth-first search per actor, O(n·m)),
/// normalised by 2/((n−1)(n−2)) for n > 2 actors and 0 for smaller maps.
pub fn compute(map: &Map) -> Vec<(ActorId, ActorMetrics)> {
    let graph = Graph::from_map(map);
    let betweenness = betweenness(&graph);
    map.actors
        .iter()
        .enumerate()
        .map(|(i, actor)| {
            let metrics = ActorMetrics {
                degree: graph.neighbours(i).len(),
                betweenness: betweenness[i],
            };
            (actor.id.clone(), metrics)
        })
        .collect()
}

/// The connected parts of the map's network (relations undirected), each as its actors in
/// the map's order, the parts ordered by their first actor. An actor without relations
/// is a part of its own.
pub fn connected_parts(map: &Map) -> Vec<Vec<ActorId>> {
    let graph = Graph::from_map(map);
    let n = graph.len();
    let mut part_of = vec![usize::MAX; n];
    let mut parts: Vec<Vec<ActorId>> = Vec::new();
    for start in 0..n {
        if part_of[start] != usize::MAX {
            continue;
        }
        let part = parts.len();
        let mut members = vec![start];
        part_of[start] = part;
        let mut next = 0;
        while let Some(&i) = members.get(next) {
            next += 1;
            for &j in graph.neighbours(i) {
                if part_of[j] == usize::MAX {
                    part_of[j] = part;
                    members.push(j);
                }
            }
        }
        members.sort_unstable();
        parts.push(
            members
                .into_iter()
                .map(|i| map.actors[i].id.clone())
                .collect(),
        );
    }
    parts
}

/// The `k` actors with the highest betweenness above zero, highest first; ties by name.
pub fn top_brokers(map: &Map, k: usize) -> Vec<(ActorId, f64)> {
    top_brokers_of(map, &compute(map), k)
}

/// [`top_brokers`] from metrics computed already (in the map's actor order).
pub fn top_brokers_of(
    map: &Map,
    metrics: &[(ActorId, ActorMetrics)],
    k: usize,
) -> Vec<(ActorId, f64)> {
    let mut brokers: Vec<(&crate::actor::Actor, f64)> = map
        .actors
        .iter()
        .zip(metrics)
        .map(|(actor, (_, m))| (actor, m.betweenness))
        .filter(|(_, b)| *b > 0.0)
        .collect();
    // Symmetric actors can differ in the last bits of their sums; comparing a rounded key
    // makes them a real tie (so the name decides) and keeps the order total.
    let key = |b: f64| (b * 1e9).round() as i64;
    sort_by(&mut brokers, |(a, ba), (b, bb)| {
        key(*bb)
            .cmp(&key(*ba))
            .then_with(|| a.name.cmp(&b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    brokers
        .into_iter()
        .take(k)
        .map(|(actor, b)| (actor.id.clone(), b))
        .collect()
}

/// Actors without any relation to another actor on the map, in actor order.
pub fn isolated(map: &Map) -> Vec<ActorId> {
    let graph = Graph::from_map(map);
    map.actors
        .iter()
        .enumerate()
        .filter(|(i, _)| graph.neighbours(*i).is_empty())
        .map(|(_, actor)| actor.id.clone())
        .collect()
}

/// How many actors each sector has: every sector of the palette in palette order (zero
/// counts included, so gaps in coverage show), then sectors actors name that are not in
/// the palette, sorted, and last the unclassified actors (empty id) if there are any.
pub fn count_by_sector(map: &Map) -> Vec<(SectorId, usize)> {
    let mut counts: Vec<(SectorId, usize)> = Vec::new();
    for sector in &map.sectors {
        if !counts.iter().any(|(id, _)| id == &sector.id) {
            counts.push((sector.id.clone(), 0));
        }
    }
    let palette = counts.len();
    for actor in &map.actors {
        match counts.iter_mut().find(|(id, _)| id == &actor.sector) {
            Some((_, count)) => *count += 1,
            None => counts.push((actor.sector.clone(), 1)),
        }
    }
    let unclassified = SectorId::default();
    sort_by(&mut counts[palette..], |(a, _), (b, _)| {
        (a == &unclassified)
            .cmp(&(b == &unclassified))
            .then(a.cmp(b))
    });
    counts
}

/// How many actors work at each level, for all four levels in order (zeros included).
pub fn count_by_level(map: &Map) -> Vec<(Level, usize)> {
    Level::ALL
        .iter()
        .map(|&level| {
            (
                level,
                map.actors.iter().filter(|a| a.level == level).count(),
            )
        })
        .collect()
}

/// The map as a simple undirected graph over actor indices, in compressed adjacency form
/// (neighbours of `i` are `targets[offsets[i]..offsets[i + 1]]`), sorted and deduplicated.
struct Graph {
    offsets: Vec<usize>,
    targets: Vec<usize>,
}

impl Graph {
    fn from_map(map: &Map) -> Self {
        let n = map.actors.len();
        let mut index: HashMap<&str, usize> = HashMap::with_capacity(n);
        for (i, actor) in map.actors.iter().enumerate() {
            // A duplicate id is a validation error; the first actor keeps the relations.
            index.entry(actor.id.as_str()).or_insert(i);
        }
        let mut lists: Vec<Vec<usize>> = vec![Vec::new(); n];
        for relation in &map.relations {
            let ends = (
                index.get(relation.from.as_str()),
                index.get(relation.to.as_str()),
            );
            // Relations to unknown actors and loops carry no path between two actors.
            if let (Some(&a), Some(&b)) = ends {
                if a != b {
                    lists[a].push(b);
                    lists[b].push(a);
                }
            }
        }
        let mut offsets = Vec::with_capacity(n + 1);
        let mut targets = Vec::new();
        offsets.push(0);
        for mut list in lists {
            list.sort_unstable();
            list.dedup();
            targets.extend(list);
            offsets.push(targets.len());
        }
        Self { offsets, targets }
    }

    fn len(&self) -> usize {
        self.offsets.len() - 1
    }

    fn neighbours(&self, i: usize) -> &[usize] {
        &self.targets[self.offsets[i]..self.offsets[i + 1]]
    }
}

/// Brandes' betweenness for an unweighted undirected graph, normalised like networkx.
fn betweenness(graph: &Graph) -> Vec<f64> {
    let mut search = Brandes::new(graph.len());
    while search.step(graph, usize::MAX) {}
    search.finish()
}

/// Degree and betweenness computed a few actors at a time, so a browser can spread the
/// O(n·m) work over idle moments instead of freezing the page on a large map.
pub struct MetricsJob {
    ids: Vec<ActorId>,
    graph: Graph,
    search: Brandes,
}

impl MetricsJob {
    /// Prepares the computation for the map as it is now.
    pub fn new(map: &Map) -> Self {
        let graph = Graph::from_map(map);
        Self {
            ids: map.actors.iter().map(|a| a.id.clone()).collect(),
            search: Brandes::new(graph.len()),
            graph,
        }
    }

    /// Runs the searches from up to `sources` more actors; false once all are done.
    pub fn step(&mut self, sources: usize) -> bool {
        self.search.step(&self.graph, sources)
    }

    /// The result, in the map's actor order (as [`compute`] gives it).
    pub fn finish(mut self) -> Vec<(ActorId, ActorMetrics)> {
        while self.step(usize::MAX) {}
        let betweenness = self.search.finish();
        self.ids
            .into_iter()
            .enumerate()
            .map(|(i, id)| {
                let degree = self.graph.neighbours(i).len();
                (
                    id,
                    ActorMetrics {
                        degree,
                        betweenness: betweenness[i],
                    },
                )
            })
            .collect()
    }
}

/// The state of Brandes' algorithm between sources.
struct Brandes {
    next_source: usize,
    centrality: Vec<f64>,
    order: Vec<usize>,
    distance: Vec<u32>,
    paths: Vec<f64>,
    dependency: Vec<f64>,
}

const UNSEEN: u32 = u32::MAX;

impl Brandes {
    fn new(n: usize) -> Self {
        Self {
            // With two actors or fewer nobody can stand between two others.
            next_source: if n <= 2 { n } else { 0 },
            centrality: vec![0.0; n],
            order: Vec::with_capacity(n),
            distance: vec![UNSEEN; n],
            paths: vec![0.0; n],
            dependency: vec![0.0; n],
        }
    }

    /// Searches from up to `sources` more actors; false when every actor has been a source.
    fn step(&mut self, graph: &Graph, sources: usize) -> bool {
        let n = graph.len();
        // Buffers reused across sources; only the entries a search touched are reset. The
        // loops index plain slices, which the size-optimised wasm build compiles without a
        // call per access (it does not always inline `Vec`'s `Index`).
        let (offsets, targets): (&[usize], &[usize]) = (&graph.offsets, &graph.targets);
        let order_buffer = &mut self.order;
        let distance: &mut [u32] = &mut self.distance;
        let paths: &mut [f64] = &mut self.paths;
        let dependency: &mut [f64] = &mut self.dependency;
        let centrality: &mut [f64] = &mut self.centrality;
        let end = self.next_source.saturating_add(sources).min(n);
        for source in self.next_source..end {
            for &v in order_buffer.iter() {
                distance[v] = UNSEEN;
                paths[v] = 0.0;
                dependency[v] = 0.0;
            }
            order_buffer.clear();
            distance[source] = 0;
            paths[source] = 1.0;
            order_buffer.push(source);
            let mut head = 0;
            while head < order_buffer.len() {
                let v = order_buffer[head];
                head += 1;
                let next = distance[v] + 1;
                for &w in &targets[offsets[v]..offsets[v + 1]] {
                    if distance[w] == UNSEEN {
                        distance[w] = next;
                        order_buffer.push(w);
                    }
                    if distance[w] == next {
                        paths[w] += paths[v];
                    }
                }
            }
            // Reverse breadth-first order visits every actor after all actors farther
            // away, so each dependency is complete before it is passed on to the
            // predecessors. The predecessors are found again by distance instead of being
            // stored, which saves an allocation per actor and search.
            for &w in order_buffer.iter().rev() {
                let share = (1.0 + dependency[w]) / paths[w];
                let previous = distance[w].wrapping_sub(1);
                for &v in &targets[offsets[w]..offsets[w + 1]] {
                    if distance[v] == previous {
                        dependency[v] += paths[v] * share;
                    }
                }
                if w != source {
                    centrality[w] += dependency[w];
                }
            }
        }
        self.next_source = end;
        end < n
    }

    fn finish(mut self) -> Vec<f64> {
        let n = self.centrality.len();
        if n <= 2 {
            return self.centrality;
        }
        // Every unordered pair was counted from both ends, which halves 2/((n−1)(n−2)).
        let scale = 1.0 / ((n - 1) as f64 * (n - 2) as f64);
        for value in &mut self.centrality {
            *value *= scale;
        }
        self.centrality
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::Actor;
    use crate::relation::Relation;
    use crate::sector::Sector;

    fn map_of(actors: &[&str], relations: &[(&str, &str)]) -> Map {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut map = Map::new("m".into(), "Test", now, Vec::new());
        for id in actors {
            map.add_actor(Actor::new((*id).into(), format!("Actor {id}")));
        }
        for (i, (from, to)) in relations.iter().enumerate() {
            // Pushed directly so tests can hold what validation would refuse.
            map.relations.push(Relation::new(
                format!("r{i}").into(),
                (*from).into(),
                (*to).into(),
            ));
        }
        map
    }

    fn betweenness_of(map: &Map) -> HashMap<String, f64> {
        compute(map)
            .into_iter()
            .map(|(id, m)| (id.0, m.betweenness))
            .collect()
    }

    fn degree_of(map: &Map) -> HashMap<String, usize> {
        compute(map)
            .into_iter()
            .map(|(id, m)| (id.0, m.degree))
            .collect()
    }

    fn assert_close(actual: f64, expected: f64, what: &str) {
        assert!(
            (actual - expected).abs() < 1e-12,
            "{what}: {actual} != {expected}"
        );
    }

    #[test]
    fn a_job_in_small_steps_gives_what_compute_gives() {
        let map = map_of(
            &["a", "b", "c", "d", "e"],
            &[("a", "b"), ("b", "c"), ("c", "d"), ("b", "e"), ("e", "d")],
        );
        let mut job = MetricsJob::new(&map);
        let mut steps = 0;
        while job.step(2) {
            steps += 1;
        }
        assert_eq!(steps, 2, "five sources, two at a time");
        assert_eq!(job.finish(), compute(&map));
    }

    #[test]
    fn path_of_three_has_its_middle_as_full_broker() {
        // a–b–c: the only pair not containing b is (a, c), whose single shortest path runs
        // through b. Raw 1 pair, normalised 1 · 2/((3−1)(3−2)) = 1.0. Ends lie on none: 0.
        let map = map_of(&["a", "b", "c"], &[("a", "b"), ("b", "c")]);
        let bc = betweenness_of(&map);
        assert_close(bc["b"], 1.0, "b");
        assert_close(bc["a"], 0.0, "a");
        assert_close(bc["c"], 0.0, "c");
        let degree = degree_of(&map);
        assert_eq!((degree["a"], degree["b"], degree["c"]), (1, 2, 1));
    }

    #[test]
    fn star_centre_is_full_broker_and_leaves_are_not() {
        // Centre h with leaves 1..4: all C(4,2) = 6 leaf pairs have one shortest path, via h.
        // Normalised 6 · 2/((5−1)(5−2)) = 12/12 = 1.0. A leaf is never in between: 0.
        let map = map_of(
            &["h", "l1", "l2", "l3", "l4"],
            &[("h", "l1"), ("h", "l2"), ("l3", "h"), ("l4", "h")],
        );
        let bc = betweenness_of(&map);
        assert_close(bc["h"], 1.0, "h");
        for leaf in ["l1", "l2", "l3", "l4"] {
            assert_close(bc[leaf], 0.0, leaf);
        }
        assert_eq!(degree_of(&map)["h"], 4);
    }

    #[test]
    fn four_cycle_gives_each_actor_one_sixth() {
        // a–b–c–d–a. For a, the pairs without a are (b,c) and (c,d), adjacent (0), and
        // (b,d), which has two shortest paths, b–a–d and b–c–d: a lies on half of them.
        // Raw 1/2, normalised 1/2 · 2/((4−1)(4−2)) = 1/6; by symmetry the same for all.
        let map = map_of(
            &["a", "b", "c", "d"],
            &[("a", "b"), ("b", "c"), ("c", "d"), ("d", "a")],
        );
        for (id, value) in betweenness_of(&map) {
            assert_close(value, 1.0 / 6.0, &id);
        }
    }

    #[test]
    fn disconnected_components_normalise_by_all_actors() {
        // Two paths a–b–c and d–e–f. b is on the one path a–c, and pairs across the parts
        // have no path at all. Raw 1, normalised with n = 6: 1 · 2/(5 · 4) = 0.1 (networkx
        // gives 0.1 for b and e on the same graph).
        let map = map_of(
            &["a", "b", "c", "d", "e", "f"],
            &[("a", "b"), ("b", "c"), ("d", "e"), ("e", "f")],
        );
        let bc = betweenness_of(&map);
        assert_close(bc["b"], 0.1, "b");
        assert_close(bc["e"], 0.1, "e");
        for end in ["a", "c", "d", "f"] {
            assert_close(bc[end], 0.0, end);
        }
    }

    #[test]
    fn parallel_and_reversed_relations_count_once() {
        // a–b three times (once reversed and directed) and b–c twice is still the path
        // a–b–c: b = 1.0 as in the plain path, degree of b is 2, not 5.
        let mut map = map_of(
            &["a", "b", "c"],
            &[("a", "b"), ("a", "b"), ("b", "a"), ("b", "c"), ("c", "b")],
        );
        map.relations[2].directed = true;
        let bc = betweenness_of(&map);
        assert_close(bc["b"], 1.0, "b");
        assert_close(bc["a"], 0.0, "a");
        let degree = degree_of(&map);
        assert_eq!((degree["a"], degree["b"], degree["c"]), (1, 2, 1));
    }

    #[test]
    fn direction_is_ignored() {
        // a→b and c→b directed: as undirected it is the path a–b–c, so b = 1.0 (a directed
        // reading would give 0, as no directed path runs through b).
        let mut map = map_of(&["a", "b", "c"], &[("a", "b"), ("c", "b")]);
        map.relations.iter_mut().for_each(|r| r.directed = true);
        assert_close(betweenness_of(&map)["b"], 1.0, "b");
    }

    #[test]
    fn triangle_has_no_broker() {
        // Every pair is adjacent, so no actor lies between two others: all 0, degree 2.
        let map = map_of(&["a", "b", "c"], &[("a", "b"), ("b", "c"), ("c", "a")]);
        for (id, value) in betweenness_of(&map) {
            assert_close(value, 0.0, &id);
        }
        assert!(degree_of(&map).values().all(|&d| d == 2));
        assert!(top_brokers(&map, 3).is_empty());
    }

    #[test]
    fn tiny_maps_have_zero_betweenness() {
        // n ≤ 2: the normalisation 2/((n−1)(n−2)) is undefined and nobody can be between.
        assert!(compute(&map_of(&[], &[])).is_empty());
        let one = compute(&map_of(&["a"], &[]));
        assert_eq!(
            one,
            vec![(
                "a".into(),
                ActorMetrics {
                    degree: 0,
                    betweenness: 0.0
                }
            )]
        );
        let two = compute(&map_of(&["a", "b"], &[("a", "b")]));
        assert!(two
            .iter()
            .all(|(_, m)| m.degree == 1 && m.betweenness == 0.0));
    }

    #[test]
    fn florentine_families_match_networkx() {
        // Padgett's Florentine marriage network as shipped by networkx 3.6.1
        // (`florentine_families_graph`); expected values printed there by
        // `betweenness_centrality(G)`, i.e. normalised, undirected.
        let edges = [
            ("Acciaiuoli", "Medici"),
            ("Albizzi", "Ginori"),
            ("Albizzi", "Guadagni"),
            ("Bischeri", "Guadagni"),
            ("Castellani", "Barbadori"),
            ("Castellani", "Peruzzi"),
            ("Castellani", "Strozzi"),
            ("Guadagni", "Lamberteschi"),
            ("Medici", "Albizzi"),
            ("Medici", "Barbadori"),
            ("Medici", "Ridolfi"),
            ("Medici", "Salviati"),
            ("Medici", "Tornabuoni"),
            ("Peruzzi", "Bischeri"),
            ("Peruzzi", "Strozzi"),
            ("Ridolfi", "Tornabuoni"),
            ("Salviati", "Pazzi"),
            ("Strozzi", "Bischeri"),
            ("Strozzi", "Ridolfi"),
            ("Tornabuoni", "Guadagni"),
        ];
        let expected = [
            ("Acciaiuoli", 0.0, 1),
            ("Albizzi", 0.21245421245421245, 3),
            ("Barbadori", 0.09340659340659341, 2),
            ("Bischeri", 0.1043956043956044, 3),
            ("Castellani", 0.05494505494505495, 3),
            ("Ginori", 0.0, 1),
            ("Guadagni", 0.2545787545787546, 4),
            ("Lamberteschi", 0.0, 1),
            ("Medici", 0.521978021978022, 6),
            ("Pazzi", 0.0, 1),
            ("Peruzzi", 0.02197802197802198, 3),
            ("Ridolfi", 0.11355311355311355, 3),
            ("Salviati", 0.14285714285714288, 2),
            ("Strozzi", 0.10256410256410257, 4),
            ("Tornabuoni", 0.09157509157509157, 3),
        ];
        let families: Vec<&str> = expected.iter().map(|(name, ..)| *name).collect();
        let map = map_of(&families, &edges);
        let metrics: HashMap<String, ActorMetrics> =
            compute(&map).into_iter().map(|(id, m)| (id.0, m)).collect();
        for (name, betweenness, degree) in expected {
            assert_close(metrics[name].betweenness, betweenness, name);
            assert_eq!(metrics[name].degree, degree, "{name}");
        }
        let top: Vec<String> = top_brokers(&map, 3)
            .into_iter()
            .map(|(id, _)| id.0)
            .collect();
        assert_eq!(top, ["Medici", "Guadagni", "Albizzi"]);
    }

    /// Betweenness straight from its definition: for every pair s < t and every other v,
    /// add σ(s,v)·σ(v,t)/σ(s,t) when d(s,v) + d(v,t) = d(s,t). O(n³), independent of Brandes.
    fn betweenness_by_definition(graph: &Graph) -> Vec<f64> {
        let n = graph.len();
        let searches: Vec<(Vec<Option<usize>>, Vec<f64>)> = (0..n)
            .map(|s| {
                let mut distance = vec![None; n];
                let mut paths = vec![0.0; n];
                distance[s] = Some(0);
                paths[s] = 1.0;
                let mut queue = std::collections::VecDeque::from([s]);
                while let Some(v) = queue.pop_front() {
                    let dv = distance[v].unwrap();
                    for &w in graph.neighbours(v) {
                        if distance[w].is_none() {
                            distance[w] = Some(dv + 1);
                            queue.push_back(w);
                        }
                        if distance[w] == Some(dv + 1) {
                            paths[w] += paths[v];
                        }
                    }
                }
                (distance, paths)
            })
            .collect();
        let mut result = vec![0.0; n];
        for s in 0..n {
            for t in s + 1..n {
                let Some(dst) = searches[s].0[t] else {
                    continue;
                };
                for (v, value) in result.iter_mut().enumerate() {
                    if v == s || v == t {
                        continue;
                    }
                    if let (Some(dsv), Some(dvt)) = (searches[s].0[v], searches[v].0[t]) {
                        if dsv + dvt == dst {
                            *value += searches[s].1[v] * searches[v].1[t] / searches[s].1[t];
                        }
                    }
                }
            }
        }
        if n > 2 {
            let scale = 2.0 / ((n - 1) as f64 * (n - 2) as f64);
            result.iter_mut().for_each(|v| *v *= scale);
        }
        result
    }

    #[test]
    fn brandes_agrees_with_the_definition_on_random_graphs() {
        // Sparse and dense random graphs, with parallel relations and isolated actors.
        let mut state = 0x5eed_u64;
        let mut next = |bound: usize| {
            state = state
                .wrapping_mul(6364136223846793005)
                .wrapping_add(1442695040888963407);
            ((state >> 33) as usize) % bound
        };
        for round in 0..20 {
            let n = 3 + next(20);
            let m = next(n * (1 + round % 4));
            let ids: Vec<String> = (0..n).map(|i| format!("v{i}")).collect();
            let names: Vec<&str> = ids.iter().map(String::as_str).collect();
            let pairs: Vec<(&str, &str)> =
                (0..m).map(|_| (names[next(n)], names[next(n)])).collect();
            let map = map_of(&names, &pairs);
            let expected = betweenness_by_definition(&Graph::from_map(&map));
            for ((id, metrics), want) in compute(&map).iter().zip(expected) {
                assert!(
                    (metrics.betweenness - want).abs() < 1e-9,
                    "round {round}, {id}: {} != {want}",
                    metrics.betweenness
                );
            }
        }
    }

    #[test]
    fn top_brokers_sorts_by_value_then_name_and_skips_zero() {
        // Two separate paths x–B–y and p–A–q: A and B both have betweenness
        // 1 pair · 2/((6−1)(6−2)) = 0.1, so the name decides: "Actor A" before "Actor B".
        let map = map_of(
            &["x", "B", "y", "p", "A", "q"],
            &[("x", "B"), ("B", "y"), ("p", "A"), ("A", "q")],
        );
        let top = top_brokers(&map, 5);
        let ids: Vec<&str> = top.iter().map(|(id, _)| id.as_str()).collect();
        assert_eq!(ids, ["A", "B"]);
        assert_close(top[0].1, 0.1, "A");
        assert_eq!(top_brokers(&map, 1).len(), 1);
        assert!(top_brokers(&map, 0).is_empty());
    }

    #[test]
    fn isolated_lists_actors_without_relations() {
        // Loops and relations to unknown actors connect nobody.
        let map = map_of(
            &["a", "b", "c", "d", "e"],
            &[("a", "b"), ("c", "c"), ("d", "ghost")],
        );
        let lonely: Vec<String> = isolated(&map).into_iter().map(|id| id.0).collect();
        assert_eq!(lonely, ["c", "d", "e"]);
    }

    #[test]
    fn sector_counts_cover_palette_then_unknown_then_unclassified() {
        let mut map = map_of(&["a", "b", "c", "d", "e"], &[]);
        map.sectors = ["education", "business"]
            .iter()
            .map(|id| Sector {
                id: (*id).into(),
                label: id.to_string(),
                color: "#000000".into(),
            })
            .collect();
        map.actors[0].sector = "business".into();
        map.actors[1].sector = "zoo".into();
        map.actors[2].sector = "business".into();
        map.actors[3].sector = "art".into();
        // actors[4] keeps the empty sector: unclassified.
        let counts: Vec<(String, usize)> = count_by_sector(&map)
            .into_iter()
            .map(|(id, n)| (id.0, n))
            .collect();
        let counts: Vec<(&str, usize)> = counts.iter().map(|(id, n)| (id.as_str(), *n)).collect();
        assert_eq!(
            counts,
            [
                ("education", 0),
                ("business", 2),
                ("art", 1),
                ("zoo", 1),
                ("", 1)
            ]
        );
    }

    #[test]
    fn level_counts_include_every_level() {
        let mut map = map_of(&["a", "b", "c"], &[]);
        map.actors[0].level = Level::National;
        map.actors[1].level = Level::National;
        // actors[2] keeps the default, regional.
        assert_eq!(
            count_by_level(&map),
            vec![
                (Level::Local, 0),
                (Level::Regional, 1),
                (Level::National, 2),
                (Level::International, 0)
            ]
        );
    }
}
