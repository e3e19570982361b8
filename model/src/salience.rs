//! Stakeholder salience (Mitchell, Agle & Wood 1997): an actor's class from its three
//! attributes, and the onion's rings that group the classes.

use crate::actor::{Actor, Salience};
use crate::ids::ActorId;
use crate::map::Map;
use crate::sort::sort_by;
use std::collections::HashMap;

/// The seven salience classes, and none for an actor with no attribute.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum SalienceClass {
    /// Power, legitimacy and urgency.
    Definitive,
    /// Power and legitimacy.
    Dominant,
    /// Power and urgency.
    Dangerous,
    /// Legitimacy and urgency.
    Dependent,
    /// Power only.
    Dormant,
    /// Legitimacy only.
    Discretionary,
    /// Urgency only.
    Demanding,
    /// No attribute: not a stakeholder in the model's sense.
    None,
}

/// The onion's rings, from the centre out.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Ring {
    /// All three attributes.
    Definitive,
    /// Two attributes.
    Expectant,
    /// One attribute.
    Latent,
    /// None.
    NonStakeholder,
}

impl Ring {
    pub const ALL: [Ring; 4] = [
        Ring::Definitive,
        Ring::Expectant,
        Ring::Latent,
        Ring::NonStakeholder,
    ];
}

impl SalienceClass {
    /// Every class, most salient first (the order the table sorts by).
    pub const ALL: [SalienceClass; 8] = [
        SalienceClass::Definitive,
        SalienceClass::Dominant,
        SalienceClass::Dangerous,
        SalienceClass::Dependent,
        SalienceClass::Dormant,
        SalienceClass::Discretionary,
        SalienceClass::Demanding,
        SalienceClass::None,
    ];

    /// The class an actor's attributes make.
    pub fn of(s: &Salience) -> Self {
        match (s.power, s.legitimacy, s.urgency) {
            (true, true, true) => SalienceClass::Definitive,
            (true, true, false) => SalienceClass::Dominant,
            (true, false, true) => SalienceClass::Dangerous,
            (false, true, true) => SalienceClass::Dependent,
            (true, false, false) => SalienceClass::Dormant,
            (false, true, false) => SalienceClass::Discretionary,
            (false, false, true) => SalienceClass::Demanding,
            (false, false, false) => SalienceClass::None,
        }
    }

    /// The onion ring the class belongs to.
    pub fn ring(self) -> Ring {
        match self {
            SalienceClass::Definitive => Ring::Definitive,
            SalienceClass::Dominant | SalienceClass::Dangerous | SalienceClass::Dependent => {
                Ring::Expectant
            }
            SalienceClass::Dormant | SalienceClass::Discretionary | SalienceClass::Demanding => {
                Ring::Latent
            }
            SalienceClass::None => Ring::NonStakeholder,
        }
    }
}

/// Whether any actor on the map has a salience attribute set. When none has (a map rated the
/// usual way, by influence, interest and attitude), the onion's rings come from influence
/// and interest instead ([`ring_by_ratings`]), and the view says so.
pub fn salience_is_set(map: &Map) -> bool {
    map.actors
        .iter()
        .any(|a| SalienceClass::of(&a.salience) != SalienceClass::None)
}

/// An actor's ring from influence and interest (1–5): both 4 or more at the centre, one of
/// them 4 or more next, one of them 3 next, the rest (low, or not rated) outside.
pub fn ring_by_ratings(actor: &Actor) -> Ring {
    let (influence, interest) = (actor.influence.unwrap_or(0), actor.interest.unwrap_or(0));
    match (influence >= 4, interest >= 4) {
        (true, true) => Ring::Definitive,
        (true, false) | (false, true) => Ring::Expectant,
        _ if influence >= 3 || interest >= 3 => Ring::Latent,
        _ => Ring::NonStakeholder,
    }
}

/// Where the onion puts an actor: its ring (by salience, or by its ratings when no actor on
/// the map has salience set), and its angle in radians (0 at the top, clockwise). Within a ring actors follow the palette's sector order, then their names,
/// spread evenly, so a sector reads as a wedge.
pub fn onion(map: &Map) -> Vec<(ActorId, Ring, f64)> {
    let order: HashMap<&str, usize> = map
        .sectors
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.as_str(), i))
        .collect();
    let rank = |a: &Actor| order.get(a.sector.as_str()).copied().unwrap_or(usize::MAX);
    let by_salience = salience_is_set(map);
    let ring_of = |a: &Actor| {
        if by_salience {
            SalienceClass::of(&a.salience).ring()
        } else {
            ring_by_ratings(a)
        }
    };
    let mut spots = Vec::with_capacity(map.actors.len());
    for ring in Ring::ALL {
        let mut actors: Vec<&Actor> = map.actors.iter().filter(|a| ring_of(a) == ring).collect();
        sort_by(&mut actors, |a, b| {
            rank(a)
                .cmp(&rank(b))
                .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
        });
        let step = std::f64::consts::TAU / actors.len().max(1) as f64;
        for (i, actor) in actors.into_iter().enumerate() {
            spots.push((actor.id.clone(), ring, i as f64 * step));
        }
    }
    spots
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ring(map: &Map, id: &str) -> Ring {
        onion(map)
            .into_iter()
            .find(|s| s.0.as_str() == id)
            .unwrap()
            .1
    }

    #[test]
    fn a_map_without_salience_is_ringed_by_influence_and_interest() {
        let now = "2026-12-05T08:00:00Z".parse().unwrap();
        let mut map = Map::new("m".into(), "Rated", now, Vec::new());
        for (i, (influence, interest)) in [(5, 5), (4, 2), (3, 1), (2, 2), (1, 5)]
            .into_iter()
            .enumerate()
        {
            let mut actor = Actor::new(format!("a{i}").into(), format!("A{i}"));
            actor.influence = Some(influence);
            actor.interest = Some(interest);
            map.add_actor(actor);
        }
        map.add_actor(Actor::new("unrated".into(), "Unrated"));
        assert!(!salience_is_set(&map));
        assert_eq!(
            ["a0", "a1", "a2", "a3", "a4", "unrated"].map(|id| ring(&map, id)),
            [
                Ring::Definitive,
                Ring::Expectant,
                Ring::Latent,
                Ring::NonStakeholder,
                Ring::Expectant,
                Ring::NonStakeholder
            ]
        );
        // One actor with an attribute: the rings are by salience again.
        map.actors[3].salience.power = true;
        assert!(salience_is_set(&map));
        assert_eq!(ring(&map, "a0"), Ring::NonStakeholder);
        assert_eq!(ring(&map, "a3"), Ring::Latent);
    }

    fn class(power: bool, legitimacy: bool, urgency: bool) -> SalienceClass {
        SalienceClass::of(&Salience {
            power,
            legitimacy,
            urgency,
        })
    }

    #[test]
    fn each_class_comes_from_its_attributes() {
        use SalienceClass::*;
        assert_eq!(class(true, true, true), Definitive);
        assert_eq!(class(true, true, false), Dominant);
        assert_eq!(class(true, false, true), Dangerous);
        assert_eq!(class(false, true, true), Dependent);
        assert_eq!(class(true, false, false), Dormant);
        assert_eq!(class(false, true, false), Discretionary);
        assert_eq!(class(false, false, true), Demanding);
        assert_eq!(class(false, false, false), None);
        let rings: Vec<Ring> = SalienceClass::ALL.iter().map(|c| c.ring()).collect();
        assert_eq!(
            rings,
            [
                Ring::Definitive,
                Ring::Expectant,
                Ring::Expectant,
                Ring::Expectant,
                Ring::Latent,
                Ring::Latent,
                Ring::Latent,
                Ring::NonStakeholder
            ]
        );
    }

    #[test]
    fn the_onion_puts_each_actor_in_its_ring_by_sector_then_name() {
        let mut map = Map::new(
            "m".into(),
            "t",
            chrono::Utc::now(),
            crate::sector::default_sectors(|id| id.to_owned()),
        );
        let mut add = |id: &str, sector: &str, p: bool, l: bool, u: bool| {
            let mut actor = Actor::new(id.into(), id);
            actor.sector = sector.into();
            actor.salience = Salience {
                power: p,
                legitimacy: l,
                urgency: u,
            };
            map.add_actor(actor);
        };
        add("z-region", "public_sector", true, true, true);
        add("b-school", "education", true, true, false);
        add("a-firm", "business", false, true, true);
        add("c-firm", "business", true, false, true);
        add("loner", "", false, false, false);
        let spots = onion(&map);
        let read: Vec<(&str, Ring, f64)> = spots
            .iter()
            .map(|(id, ring, angle)| (id.as_str(), *ring, (angle * 100.0).round() / 100.0))
            .collect();
        let third = |k: f64| (k * std::f64::consts::TAU / 3.0 * 100.0).round() / 100.0;
        assert_eq!(
            read,
            [
                ("z-region", Ring::Definitive, 0.0),
                // The default palette lists business before education.
                ("a-firm", Ring::Expectant, 0.0),
                ("c-firm", Ring::Expectant, third(1.0)),
                ("b-school", Ring::Expectant, third(2.0)),
                ("loner", Ring::NonStakeholder, 0.0),
            ]
        );
    }
}
