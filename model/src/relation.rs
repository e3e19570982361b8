//! Relations between two actors.

use crate::ids::{ActorId, RelationId};
use serde::{Deserialize, Serialize};

/// What ties two actors together.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RelationKind {
    #[default]
    Collaboration,
    Funding,
    Membership,
    Information,
    Agreement,
    Tension,
}

impl RelationKind {
    pub const ALL: [RelationKind; 6] = [
        Self::Collaboration,
        Self::Funding,
        Self::Membership,
        Self::Information,
        Self::Agreement,
        Self::Tension,
    ];

    /// The wire name (`funding`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Collaboration => "collaboration",
            Self::Funding => "funding",
            Self::Membership => "membership",
            Self::Information => "information",
            Self::Agreement => "agreement",
            Self::Tension => "tension",
        }
    }
}

/// Strength runs 1..=3.
pub const STRENGTH_RANGE: std::ops::RangeInclusive<i64> = 1..=3;

/// A relation between two actors of the same map.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Relation {
    pub id: RelationId,
    pub from: ActorId,
    pub to: ActorId,
    #[serde(default)]
    pub kind: RelationKind,
    #[serde(default = "default_strength")]
    pub strength: i64,
    #[serde(default)]
    pub directed: bool,
    #[serde(default)]
    pub note: String,
}

fn default_strength() -> i64 {
    2
}

impl Relation {
    /// A new undirected collaboration of middle strength.
    pub fn new(id: RelationId, from: ActorId, to: ActorId) -> Self {
        Self {
            id,
            from,
            to,
            kind: RelationKind::default(),
            strength: default_strength(),
            directed: false,
            note: String::new(),
        }
    }

    /// True when the relation touches `actor`.
    pub fn touches(&self, actor: &ActorId) -> bool {
        &self.from == actor || &self.to == actor
    }
}
