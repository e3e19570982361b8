//! A force layout described by value, so it can run away from the page (the layout worker,
//! issue 25): the map with the positions to start from, and what only the page knows (the
//! names' sizes, the canvas). The page and the worker build the same [`Simulation`] from it.

use crate::layout::Simulation;
use crate::{Actor, ActorId, Map, MapId, Relation};
use serde::{Deserialize, Serialize};
use std::collections::HashSet;

#[derive(Clone, Debug, Serialize, Deserialize)]
pub struct LayoutJob {
    /// The actors, at the positions to start from, and the relations. Sent as only what
    /// a layout reads ([`network`]).
    #[serde(with = "network")]
    pub map: Map,
    pub seed: u64,
    /// For a run after an edit: the only actors that may move, and the temperature to
    /// start at.
    pub moving: Option<(HashSet<ActorId>, f64)>,
    /// Each actor's name size at full size, in the order of `map.actors`.
    pub labels: Vec<[f64; 2]>,
    /// The canvas in CSS pixels, which a full layout fills.
    pub canvas: [f64; 2],
}

impl LayoutJob {
    /// The simulation this job describes, not yet run.
    pub fn simulation(&self) -> Simulation {
        let simulation = match &self.moving {
            Some((moving, alpha)) => {
                let mut simulation = Simulation::moving_only(&self.map, self.seed, moving);
                simulation.set_alpha(*alpha);
                simulation
            }
            None => Simulation::new(&self.map, self.seed),
        };
        simulation
            .with_labels(&self.map, &self.labels)
            .fitting(self.canvas)
    }

    /// The job as the worker receives it.
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a layout job serialises")
    }

    /// A job sent by the page; an error names what is wrong.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// A job's map (and a `question::Question`'s) as the worker receives it: each actor's id,
/// position, pin and influence, and each relation's ends (by the actors' order) and
/// strength; names, notes, the council and the rest stay on the page. A 1,000-actor map is sent in about a quarter of its text,
/// which the page writes and the worker reads while the user waits.
pub(crate) mod network {
    use super::*;
    use serde::{Deserializer, Serializer};
    use std::collections::HashMap;

    type Actors = Vec<(ActorId, f64, f64, bool, Option<i64>)>;
    type Relations = Vec<(usize, usize, i64)>;

    pub fn serialize<S: Serializer>(map: &Map, to: S) -> Result<S::Ok, S::Error> {
        let index: HashMap<&ActorId, usize> = map
            .actors
            .iter()
            .enumerate()
            .map(|(i, a)| (&a.id, i))
            .collect();
        let actors: Actors = map
            .actors
            .iter()
            .map(|a| (a.id.clone(), a.x, a.y, a.pinned, a.influence))
            .collect();
        // A relation to an actor not on the map is left out, as the layout leaves it out.
        let relations: Relations = map
            .relations
            .iter()
            .filter_map(|r| Some((*index.get(&r.from)?, *index.get(&r.to)?, r.strength)))
            .collect();
        (actors, relations).serialize(to)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(from: D) -> Result<Map, D::Error> {
        let (actors, relations) = <(Actors, Relations)>::deserialize(from)?;
        let mut map = Map::new(
            MapId::from(""),
            "",
            chrono::DateTime::UNIX_EPOCH,
            Vec::new(),
        );
        for (from, to, _) in &relations {
            if (*from).max(*to) >= actors.len() {
                return Err(serde::de::Error::custom(
                    "a relation's end is not among the actors",
                ));
            }
        }
        map.actors = actors
            .into_iter()
            .map(|(id, x, y, pinned, influence)| {
                let mut actor = Actor::new(id, "");
                (actor.x, actor.y, actor.pinned, actor.influence) = (x, y, pinned, influence);
                actor
            })
            .collect();
        map.relations = relations
            .into_iter()
            .enumerate()
            .map(|(k, (from, to, strength))| {
                let (from, to) = (map.actors[from].id.clone(), map.actors[to].id.clone());
                let mut relation = Relation::new(format!("r{k}").into(), from, to);
                relation.strength = strength;
                relation
            })
            .collect();
        Ok(map)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::tests::random_graph;

    /// Runs a simulation to rest and returns where everyone ended.
    fn settled(mut simulation: Simulation) -> Vec<[f64; 2]> {
        while !simulation.is_settled() {
            simulation.tick();
        }
        simulation.positions().to_vec()
    }

    #[test]
    fn a_job_sent_as_json_lays_out_exactly_as_the_page_would() {
        let map = random_graph(60, 90, 3);
        let labels = map
            .actors
            .iter()
            .map(|a| [a.name.len() as f64 * 9.0, 22.0])
            .collect();
        let job = LayoutJob {
            map: map.clone(),
            seed: 5,
            moving: None,
            labels,
            canvas: [900.0, 600.0],
        };
        let here = settled(job.simulation());
        let there = settled(LayoutJob::from_json(&job.to_json()).unwrap().simulation());
        assert_eq!(here, there);
        // And the labels and canvas were used: without them the picture differs.
        let bare = Simulation::new(&map, 5);
        assert_ne!(here, settled(bare));
    }

    #[test]
    fn a_job_carries_only_what_a_layout_reads_and_lays_out_as_the_whole_map() {
        let mut map = random_graph(80, 120, 11);
        for (i, actor) in map.actors.iter_mut().enumerate() {
            actor.influence = Some((i % 5 + 1) as i64);
            actor.notes = "A long note nobody's layout reads. ".repeat(5);
            if i % 7 == 0 {
                (actor.x, actor.y, actor.pinned) = (i as f64 * 10.0, -(i as f64), true);
            }
        }
        for (i, relation) in map.relations.iter_mut().enumerate() {
            relation.strength = (i % 3 + 1) as i64;
        }
        let job = LayoutJob {
            map: map.clone(),
            seed: 2,
            moving: None,
            labels: Vec::new(),
            canvas: [800.0, 600.0],
        };
        let sent = LayoutJob::from_json(&job.to_json()).unwrap();
        assert_eq!(settled(sent.simulation()), settled(job.simulation()));
        let ids = |map: &Map| map.actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>();
        assert_eq!(ids(&sent.map), ids(&map));
        let map_text = serde_json::to_string(&map).unwrap().len();
        assert!(
            job.to_json().len() * 4 < map_text,
            "{} of {map_text}",
            job.to_json().len()
        );
    }

    #[test]
    fn a_job_after_an_edit_moves_only_what_it_names() {
        let mut map = random_graph(30, 40, 9);
        for (i, actor) in map.actors.iter_mut().enumerate() {
            (actor.x, actor.y) = ((i + 1) as f64 * 40.0, (i % 5) as f64 * 40.0);
        }
        let moving = HashSet::from([map.actors[3].id.clone()]);
        let job = LayoutJob {
            labels: vec![[40.0, 22.0]; map.actors.len()],
            map: map.clone(),
            seed: 1,
            moving: Some((moving, 0.5)),
            canvas: [800.0, 500.0],
        };
        let after = settled(LayoutJob::from_json(&job.to_json()).unwrap().simulation());
        for (i, (actor, [x, y])) in map.actors.iter().zip(after).enumerate() {
            assert_eq!(i == 3, actor.x != x || actor.y != y, "{}", actor.id);
        }
    }

    #[test]
    fn a_broken_job_is_refused_with_a_reason() {
        let error = LayoutJob::from_json("{\"seed\": 1}").unwrap_err();
        assert!(error.to_string().contains("map"), "{error}");
        let dangling = r#"{"map":[[["a",0.0,0.0,false,null]],[[0,1,1]]],"seed":1,"moving":null,"labels":[],"canvas":[1.0,1.0]}"#;
        let error = LayoutJob::from_json(dangling).unwrap_err();
        assert!(error.to_string().contains("relation's end"), "{error}");
    }
}
