//! Actors: the organisations, people, networks and projects on a map.

use crate::ids::{ActorId, SectorId};
use serde::{Deserialize, Deserializer, Serialize};

/// What an actor is.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    #[default]
    Organisation,
    Person,
    Network,
    Project,
}

impl ActorKind {
    pub const ALL: [ActorKind; 4] = [
        Self::Organisation,
        Self::Person,
        Self::Network,
        Self::Project,
    ];

    /// The wire name (`network`), also used as a CSS class and i18n key.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Organisation => "organisation",
            Self::Person => "person",
            Self::Network => "network",
            Self::Project => "project",
        }
    }
}

/// The administrative level an actor works at.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Level {
    Local,
    #[default]
    Regional,
    National,
    International,
}

impl Level {
    pub const ALL: [Level; 4] = [
        Self::Local,
        Self::Regional,
        Self::National,
        Self::International,
    ];

    /// The wire name (`regional`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Local => "local",
            Self::Regional => "regional",
            Self::National => "national",
            Self::International => "international",
        }
    }
}

/// Mitchell–Agle–Wood salience attributes.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Salience {
    pub power: bool,
    pub legitimacy: bool,
    pub urgency: bool,
}

/// A contact person at an actor.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Contact {
    pub name: String,
    pub role: String,
    pub email: String,
    pub phone: String,
}

/// Influence and interest run 1..=5.
pub const SCALE_RANGE: std::ops::RangeInclusive<i64> = 1..=5;
/// Attitude runs from −2 (opposed) to +2 (supportive).
pub const ATTITUDE_RANGE: std::ops::RangeInclusive<i64> = -2..=2;

/// An actor on the map. Numbers are kept wide (`i64`) so an out-of-range value in a file
/// reaches validation and is reported with its path, instead of failing as a type error.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Actor {
    pub id: ActorId,
    pub name: String,
    #[serde(default)]
    pub short_name: String,
    #[serde(default)]
    pub kind: ActorKind,
    /// Empty when not classified yet.
    #[serde(default)]
    pub sector: SectorId,
    #[serde(default)]
    pub level: Level,
    #[serde(default)]
    pub municipality: String,
    /// The three ratings are `None` (`null` in the file) until someone rates the actor;
    /// a file that leaves them out reads as rated in the middle, as before.
    #[serde(default = "middle")]
    pub influence: Option<i64>,
    #[serde(default = "middle")]
    pub interest: Option<i64>,
    #[serde(default = "neutral")]
    pub attitude: Option<i64>,
    #[serde(default)]
    pub salience: Salience,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(default)]
    pub notes: String,
    #[serde(default)]
    pub contacts: Vec<Contact>,
    /// Canvas position. `null` in a file (how JSON writes NaN) reads as NaN, so the
    /// position repair on load resets and counts it like any other broken position.
    #[serde(default, deserialize_with = "coordinate")]
    pub x: f64,
    #[serde(default, deserialize_with = "coordinate")]
    pub y: f64,
    /// Pinned by the user: the layout does not move it.
    #[serde(default)]
    pub pinned: bool,
}

fn middle() -> Option<i64> {
    Some(MIDDLE)
}

fn neutral() -> Option<i64> {
    Some(0)
}

/// The middle of the influence and interest scale: what an unrated actor is drawn and
/// laid out as (its size), though it is not placed on the grid.
pub const MIDDLE: i64 = 3;

fn coordinate<'de, D: Deserializer<'de>>(deserializer: D) -> Result<f64, D::Error> {
    Ok(Option::<f64>::deserialize(deserializer)?.unwrap_or(f64::NAN))
}

/// Coordinates beyond this are treated as corrupt and reset on load.
pub const COORDINATE_LIMIT: f64 = 1.0e6;

impl Actor {
    /// A new actor with defaults for everything but id and name.
    pub fn new(id: ActorId, name: impl Into<String>) -> Self {
        Self {
            id,
            name: name.into(),
            short_name: String::new(),
            kind: ActorKind::default(),
            sector: SectorId::default(),
            level: Level::default(),
            municipality: String::new(),
            influence: None,
            interest: None,
            attitude: None,
            salience: Salience::default(),
            tags: Vec::new(),
            notes: String::new(),
            contacts: Vec::new(),
            x: 0.0,
            y: 0.0,
            pinned: false,
        }
    }

    /// Influence for what needs a number (size, rings): the middle when unrated.
    pub fn influence_or_middle(&self) -> i64 {
        self.influence.unwrap_or(MIDDLE)
    }

    /// Whether influence and interest are both rated, so the actor has a place on the grid.
    pub fn is_placed(&self) -> bool {
        self.influence.is_some() && self.interest.is_some()
    }

    /// What the map writes beside the actor: the short name when there is one.
    pub fn label(&self) -> &str {
        if self.short_name.is_empty() {
            &self.name
        } else {
            &self.short_name
        }
    }

    /// Resets a position that is NaN, infinite or absurdly far away. Returns true if it did.
    pub fn repair_position(&mut self) -> bool {
        let bad = |v: f64| !v.is_finite() || v.abs() > COORDINATE_LIMIT;
        if bad(self.x) || bad(self.y) {
            self.x = 0.0;
            self.y = 0.0;
            self.pinned = false;
            return true;
        }
        false
    }
}
