//! Assessments: dated, named snapshots of every actor's ratings and salience flags, kept
//! in the map (`map.assessments`) so workshops can be compared over time.

use crate::actor::Actor;
use crate::ids::ActorId;
use crate::map::Map;
use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// One actor's ratings when an assessment was saved.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rating {
    pub actor: ActorId,
    #[serde(default)]
    pub influence: Option<i64>,
    #[serde(default)]
    pub interest: Option<i64>,
    #[serde(default)]
    pub attitude: Option<i64>,
    #[serde(default)]
    pub power: bool,
    #[serde(default)]
    pub legitimacy: bool,
    #[serde(default)]
    pub urgency: bool,
}

impl Rating {
    pub fn of(actor: &Actor) -> Self {
        Self {
            actor: actor.id.clone(),
            influence: actor.influence,
            interest: actor.interest,
            attitude: actor.attitude,
            power: actor.salience.power,
            legitimacy: actor.salience.legitimacy,
            urgency: actor.salience.urgency,
        }
    }
}

/// A saved assessment.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Assessment {
    pub id: String,
    #[serde(default)]
    pub label: String,
    pub date: NaiveDate,
    #[serde(default)]
    pub actors: Vec<Rating>,
}

/// Every actor's ratings now, as an assessment.
pub fn snapshot(map: &Map, id: String, label: &str, date: NaiveDate) -> Assessment {
    Assessment {
        id,
        label: label.trim().to_owned(),
        date,
        actors: map.actors.iter().map(Rating::of).collect(),
    }
}

/// An actor that moved since an assessment: its cell (interest, influence) then and now,
/// and its attitude then and now. Only actors rated both times in both axes count for
/// the grid; attitude changes count whenever both are rated.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Moved {
    pub actor: ActorId,
    pub before: Option<(i64, i64)>,
    pub now: Option<(i64, i64)>,
    pub attitude: (Option<i64>, Option<i64>),
}

impl Moved {
    /// Influence now minus then (positive: up), when both are rated.
    pub fn influence_change(&self) -> Option<i64> {
        Some(self.now?.1 - self.before?.1)
    }

    /// Attitude now minus then, when both are rated.
    pub fn attitude_change(&self) -> Option<i64> {
        Some(self.attitude.1? - self.attitude.0?)
    }
}

/// The actors whose grid cell or attitude differs from `then`, in the map's order.
pub fn moved_since(map: &Map, then: &Assessment) -> Vec<Moved> {
    let cell = |interest: Option<i64>, influence: Option<i64>| Some((interest?, influence?));
    map.actors
        .iter()
        .filter_map(|actor| {
            let was = then.actors.iter().find(|r| r.actor == actor.id)?;
            let moved = Moved {
                actor: actor.id.clone(),
                before: cell(was.interest, was.influence),
                now: cell(actor.interest, actor.influence),
                attitude: (was.attitude, actor.attitude),
            };
            let changed = moved.before != moved.now || moved.attitude.0 != moved.attitude.1;
            changed.then_some(moved)
        })
        .collect()
}

/// Removes an actor's ratings from every assessment (when the actor leaves the map).
pub fn forget(assessments: &mut [Assessment], gone: &impl Fn(&ActorId) -> bool) {
    for assessment in assessments {
        assessment.actors.retain(|r| !gone(&r.actor));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn moves_since_an_assessment_are_listed_with_their_cells() {
        let mut map = Map::new("m".into(), "t", chrono::Utc::now(), Vec::new());
        let mut a = Actor::new("a".into(), "A");
        (a.influence, a.interest, a.attitude) = (Some(3), Some(3), Some(0));
        let mut b = Actor::new("b".into(), "B");
        (b.influence, b.interest, b.attitude) = (Some(2), Some(4), Some(1));
        map.add_actor(a);
        map.add_actor(b);
        let date = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
        let then = snapshot(&map, "s1".into(), " Workshop 1 ", date);
        assert_eq!(then.label, "Workshop 1");
        assert!(moved_since(&map, &then).is_empty());
        map.actors[0].influence = Some(5);
        map.actors[1].attitude = Some(-1);
        let moved = moved_since(&map, &then);
        assert_eq!(moved.len(), 2);
        assert_eq!(
            (moved[0].before, moved[0].now),
            (Some((3, 3)), Some((3, 5)))
        );
        assert_eq!(moved[0].influence_change(), Some(2));
        assert_eq!(moved[1].attitude_change(), Some(-2));
        assert_eq!(moved[1].influence_change(), Some(0));
    }
}
