//! "What if this actor left": the map's network without some actors, compared with the
//! map as it is, without changing it.

use crate::ids::ActorId;
use crate::map::Map;
use crate::metrics::{connected_parts, ActorMetrics};
use crate::sort::sort_by;
use std::collections::{HashMap, HashSet};

/// What removing some actors would do to the network.
#[derive(Clone, Debug, PartialEq)]
pub struct WhatIf {
    /// Actors that were in a connected part with a removed actor and are not in the
    /// largest connected part of what remains, in the map's order.
    pub cut_off: Vec<ActorId>,
    /// Connected parts before and after (an actor without relations is a part).
    pub parts_before: usize,
    pub parts_after: usize,
    /// Up to three actors whose betweenness rises most: (actor, before, after).
    pub risers: Vec<(ActorId, f64, f64)>,
}

/// How the network changes without `removed` (ids not on the map are ignored), all at once:
/// the reference the app's two halves are tested against (the app shows [`parts_without`]
/// at once and asks for the risers as a `question::Question::Risers`).
#[cfg(test)]
pub(crate) fn what_if_removed(map: &Map, removed: &[ActorId]) -> WhatIf {
    WhatIf {
        risers: risers_without(map, removed),
        ..parts_without(map, removed)
    }
}

/// The map without `removed` and their relations.
fn without(map: &Map, removed: &HashSet<&ActorId>) -> Map {
    let mut remaining = map.clone();
    remaining.actors.retain(|a| !removed.contains(&a.id));
    remaining
        .relations
        .retain(|r| !removed.contains(&r.from) && !removed.contains(&r.to));
    remaining
}

/// The quick half of what removing some actors does (O(actors + relations)): who is cut off
/// and the connected parts before and after; no risers.
pub fn parts_without(map: &Map, removed: &[ActorId]) -> WhatIf {
    let removed: HashSet<&ActorId> = removed.iter().collect();
    let before_parts = connected_parts(map);
    let remaining = without(map, &removed);
    let after_parts = connected_parts(&remaining);

    // Who shared a part with a removed actor, and which part of the rest is largest.
    let touched: HashSet<&ActorId> = before_parts
        .iter()
        .filter(|part| part.iter().any(|id| removed.contains(id)))
        .flatten()
        .filter(|id| !removed.contains(id))
        .collect();
    let largest: HashSet<&ActorId> = after_parts
        .iter()
        .fold(None::<&Vec<ActorId>>, |best, part| match best {
            Some(b) if b.len() >= part.len() => Some(b),
            _ => Some(part),
        })
        .map(|part| part.iter().collect())
        .unwrap_or_default();
    let cut_off = remaining
        .actors
        .iter()
        .map(|a| &a.id)
        .filter(|id| touched.contains(id) && !largest.contains(id))
        .cloned()
        .collect();
    WhatIf {
        cut_off,
        parts_before: before_parts.len(),
        parts_after: after_parts.len(),
        risers: Vec::new(),
    }
}

/// The slow half, all at once (two betweenness computations, O(actors × relations) each):
/// up to three actors whose betweenness rises most without `removed`, with their
/// betweenness before and after.
#[cfg(test)]
pub(crate) fn risers_without(map: &Map, removed: &[ActorId]) -> Vec<(ActorId, f64, f64)> {
    use crate::metrics::compute;
    risers_from(compute(map), compute(&remaining(map, removed)))
}

/// The map without `removed` and their relations.
pub fn remaining(map: &Map, removed: &[ActorId]) -> Map {
    without(map, &removed.iter().collect())
}

/// The risers from the metrics of the map `before` and of what remains `after`
/// (as `metrics::compute` gives them), however they were computed.
pub fn risers_from(
    before: Vec<(ActorId, ActorMetrics)>,
    after: Vec<(ActorId, ActorMetrics)>,
) -> Vec<(ActorId, f64, f64)> {
    let before: HashMap<ActorId, f64> = before
        .into_iter()
        .map(|(id, m)| (id, m.betweenness))
        .collect();
    let mut risers: Vec<(ActorId, f64, f64)> = after
        .into_iter()
        .filter_map(|(id, m)| {
            let was = *before.get(&id)?;
            (m.betweenness > was + 1e-12).then_some((id, was, m.betweenness))
        })
        .collect();
    sort_by(&mut risers, |a, b| {
        (b.2 - b.1)
            .total_cmp(&(a.2 - a.1))
            .then_with(|| a.0.cmp(&b.0))
    });
    risers.truncate(3);
    risers
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::Actor;
    use crate::relation::Relation;

    /// A map of actors named by their ids and relations between them.
    fn graph(ids: &[&str], links: &[(&str, &str)]) -> Map {
        let mut map = Map::new("m".into(), "t", chrono::Utc::now(), Vec::new());
        for id in ids {
            map.add_actor(Actor::new((*id).into(), *id));
        }
        for (i, (a, b)) in links.iter().enumerate() {
            map.relations.push(Relation::new(
                format!("r{i}").into(),
                (*a).into(),
                (*b).into(),
            ));
        }
        map
    }

    fn ids(list: &[ActorId]) -> Vec<&str> {
        list.iter().map(ActorId::as_str).collect()
    }

    #[test]
    fn removing_the_middle_of_a_path_cuts_off_the_shorter_end() {
        let map = graph(
            &["a", "b", "c", "d", "e"],
            &[("a", "b"), ("b", "c"), ("c", "d"), ("d", "e")],
        );
        let result = what_if_removed(&map, &["b".into()]);
        assert_eq!(ids(&result.cut_off), ["a"]);
        assert_eq!((result.parts_before, result.parts_after), (1, 2));
    }

    #[test]
    fn the_other_way_round_a_diamond_gains_its_only_broker() {
        // s and t are joined through a and through b; without b, a carries every path.
        let map = graph(
            &["s", "a", "b", "t"],
            &[("s", "a"), ("a", "t"), ("s", "b"), ("b", "t")],
        );
        let result = what_if_removed(&map, &["b".into()]);
        assert!(result.cut_off.is_empty());
        let risers: Vec<(&str, f64, f64)> = result
            .risers
            .iter()
            .map(|(id, was, is)| (id.as_str(), *was, *is))
            .collect();
        // Before: half of the one s–t pair of three pairs (1/6); after: all of it (1).
        assert_eq!(risers.len(), 1);
        assert_eq!(risers[0].0, "a");
        assert!((risers[0].1 - 1.0 / 6.0).abs() < 1e-9 && (risers[0].2 - 1.0).abs() < 1e-9);
    }

    #[test]
    fn removing_the_hub_of_a_star_leaves_every_leaf_alone() {
        let map = graph(
            &["hub", "a", "b", "c"],
            &[("hub", "a"), ("hub", "b"), ("hub", "c")],
        );
        let result = what_if_removed(&map, &["hub".into()]);
        // Three parts of one actor each: the first is "largest", the other two are cut off.
        assert_eq!(ids(&result.cut_off), ["b", "c"]);
        assert_eq!((result.parts_before, result.parts_after), (1, 3));
        assert!(result.risers.is_empty());
        let leaf = what_if_removed(&map, &["a".into()]);
        assert!(leaf.cut_off.is_empty() && leaf.parts_after == 1);
    }

    #[test]
    fn removing_the_bridge_of_a_barbell_cuts_off_the_far_bell() {
        // Two triangles joined through a bridge actor; the right bell is larger.
        let map = graph(
            &["l1", "l2", "l3", "bridge", "r1", "r2", "r3", "r4"],
            &[
                ("l1", "l2"),
                ("l2", "l3"),
                ("l3", "l1"),
                ("l3", "bridge"),
                ("bridge", "r1"),
                ("r1", "r2"),
                ("r2", "r3"),
                ("r3", "r4"),
                ("r4", "r1"),
            ],
        );
        let result = what_if_removed(&map, &["bridge".into()]);
        assert_eq!(ids(&result.cut_off), ["l1", "l2", "l3"]);
        assert_eq!((result.parts_before, result.parts_after), (1, 2));
        // Several removed together: without the bridge and l1, l2–l3 is cut off.
        let both = what_if_removed(&map, &["bridge".into(), "l1".into()]);
        assert_eq!(ids(&both.cut_off), ["l2", "l3"]);
        let unchanged = what_if_removed(&map, &["l1".into()]);
        assert!(unchanged.cut_off.is_empty());
    }
}
