//! Analysis that takes long on a large map, asked by value (issue 25) so the worker can
//! answer it away from the page: the page sends a [`Question`] as JSON, the worker sends
//! the [`Answer`] back as JSON, and either side can answer it itself. A question's map is
//! sent as a layout job's is (`layout_job::network`): only ids, relations and what else a
//! layout reads, a quarter of the map's text, which the page writes on every change.

use crate::metrics::{ActorMetrics, MetricsJob};
use crate::{community, what_if};
use crate::{ActorId, Map};
use serde::{Deserialize, Serialize};

#[derive(Clone, Debug, Serialize, Deserialize)]
pub enum Question {
    /// Every actor's degree and betweenness.
    Metrics {
        #[serde(with = "crate::layout_job::network")]
        map: Map,
    },
    /// Whose betweenness rises most without `removed` (`What if removed`'s slow half).
    Risers {
        #[serde(with = "crate::layout_job::network")]
        map: Map,
        removed: Vec<ActorId>,
    },
    /// Each actor's community (Louvain, at `resolution`).
    Communities {
        #[serde(with = "crate::layout_job::network")]
        map: Map,
        resolution: f64,
    },
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub enum Answer {
    Metrics(Vec<(ActorId, ActorMetrics)>),
    Risers(Vec<(ActorId, f64, f64)>),
    Communities(Vec<(ActorId, usize)>),
}

impl Question {
    /// The map asked about.
    pub fn map(&self) -> &Map {
        match self {
            Self::Metrics { map } | Self::Risers { map, .. } | Self::Communities { map, .. } => map,
        }
    }

    /// Works the answer out at once (O(actors × relations) for each).
    pub fn answer(self) -> Answer {
        let mut answering = self.start();
        while answering.step(usize::MAX) {}
        answering.finish()
    }

    /// Starts working the answer out a step at a time ([`Answering`]).
    pub fn start(self) -> Answering {
        let jobs = match &self {
            Self::Metrics { map } => vec![MetricsJob::new(map)],
            Self::Risers { map, removed } => vec![
                MetricsJob::new(map),
                MetricsJob::new(&what_if::remaining(map, removed)),
            ],
            // Louvain runs in one go, in `finish` (60 ms on 1,000 actors, in the worker).
            Self::Communities { .. } => Vec::new(),
        };
        Answering {
            question: self,
            jobs,
            next: 0,
        }
    }

    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("a question serialises")
    }

    /// A question sent by the page; an error names what is wrong.
    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

/// An answer being worked out a few searches at a time, so the worker can put it aside
/// for a layout (which the user watches) and come back to it.
pub struct Answering {
    question: Question,
    /// The betweenness computations it takes, done in order.
    jobs: Vec<MetricsJob>,
    next: usize,
}

impl Answering {
    /// Runs the searches from up to `sources` more actors; false once all are done.
    pub fn step(&mut self, sources: usize) -> bool {
        while let Some(job) = self.jobs.get_mut(self.next) {
            if job.step(sources) {
                return true;
            }
            self.next += 1;
        }
        false
    }

    /// The answer (what is left of the work is done first).
    pub fn finish(mut self) -> Answer {
        while self.step(usize::MAX) {}
        let mut done = self.jobs.into_iter().map(MetricsJob::finish);
        let mut next = || done.next().expect("one job per computation");
        match self.question {
            Question::Metrics { .. } => Answer::Metrics(next()),
            Question::Risers { .. } => {
                let before = next();
                Answer::Risers(what_if::risers_from(before, next()))
            }
            Question::Communities { map, resolution } => {
                Answer::Communities(community::communities(&map, resolution))
            }
        }
    }
}

impl Answer {
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).expect("an answer serialises")
    }

    pub fn from_json(json: &str) -> Result<Self, serde_json::Error> {
        serde_json::from_str(json)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::layout::tests::random_graph;

    #[test]
    fn an_answer_sent_as_json_is_the_answer_worked_out_here() {
        let mut map = random_graph(60, 150, 7);
        // A relation to an actor not on the map carries no path, here or away.
        let dangling = crate::Relation::new("r-x".into(), "v1".into(), "gone".into());
        map.relations.push(dangling);
        let removed = vec![map.actors[3].id.clone(), map.actors[10].id.clone()];
        for question in [
            Question::Metrics { map: map.clone() },
            Question::Risers {
                map: map.clone(),
                removed: removed.clone(),
            },
            Question::Communities {
                map: map.clone(),
                resolution: 1.5,
            },
        ] {
            // Only what the analysis reads goes: no names, a fraction of the map's text.
            let json = question.to_json();
            let map_json = serde_json::to_string(&map).expect("a map serialises");
            assert!(!json.contains(&map.actors[0].name), "{json}");
            assert!(
                json.len() * 2 < map_json.len(),
                "{} of {}",
                json.len(),
                map_json.len()
            );
            let away = Question::from_json(&json).expect("the question reads");
            // Away, a few searches at a time, as the worker does.
            let mut answering = away.start();
            while answering.step(5) {}
            let answer = Answer::from_json(&answering.finish().to_json()).expect("it reads");
            assert_eq!(answer, question.clone().answer());
        }
        let (metrics, risers) = (
            crate::metrics::compute(&map),
            what_if::risers_without(&map, &removed),
        );
        assert_eq!(
            Question::Metrics { map: map.clone() }.answer(),
            Answer::Metrics(metrics)
        );
        let asked = Question::Risers {
            map: map.clone(),
            removed: removed.clone(),
        };
        assert_eq!(asked.answer(), Answer::Risers(risers));
        let found = community::communities(&map, 1.5);
        assert!(found.iter().any(|(_, c)| *c > 0), "more than one community");
        assert_eq!(
            Question::Communities {
                map: map.clone(),
                resolution: 1.5
            }
            .answer(),
            Answer::Communities(found)
        );
        assert!(matches!(
            Question::Metrics { map: map.clone() }.answer(),
            Answer::Metrics(m) if m.len() == 60 && m.iter().any(|(_, x)| x.betweenness > 0.0)
        ));
    }

    #[test]
    fn a_broken_question_is_refused_with_a_reason() {
        let error = Question::from_json(r#"{"Risers":{"removed":[]}}"#).unwrap_err();
        assert!(error.to_string().contains("map"), "{error}");
    }
}
