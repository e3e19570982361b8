//! `Colour by` → `Community`: Louvain communities of the open map's network (model
//! `community`), at the chosen `Resolution`, for the map's colours, its legend and the
//! table's community column. Computed again when actors or relations come or go.

use crate::app::use_doc;
use leptos::prelude::*;
use samverkan_model::community::communities;
use samverkan_model::ActorId;
use std::collections::HashMap;

/// What the map's nodes are coloured by (view state).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColourBy {
    Sector,
    Community,
}

/// Colours for communities, in order (Tableau 10), repeated past ten.
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// An actor alone in its community (no relations, or none that bind): grey, so the
/// palette's colours go to the groups.
pub const ALONE: &str = "#b8bcc2";

/// The colour of community `n` (numbered from 0, largest first).
pub fn community_color(n: usize) -> &'static str {
    PALETTE[n % PALETTE.len()]
}

#[derive(Clone, Copy)]
pub struct Communities {
    pub colour_by: RwSignal<ColourBy>,
    pub resolution: RwSignal<f64>,
    /// Each actor's community, numbered from 0.
    pub of: Memo<HashMap<ActorId, usize>>,
    /// How many communities have more than one actor (they come first in the numbering).
    pub groups: Memo<usize>,
}

impl Communities {
    pub fn provide() -> Self {
        let doc = use_doc();
        let resolution = RwSignal::new(1.0);
        let of: Memo<HashMap<ActorId, usize>> = Memo::new(move |_| {
            let resolution = resolution.get();
            doc.with_structure(|m| communities(m, resolution).into_iter().collect())
                .unwrap_or_default()
        });
        // Counted once per change, not once per node coloured.
        let groups = Memo::new(move |_| {
            of.with(|of: &HashMap<ActorId, usize>| {
                let mut sizes: HashMap<usize, usize> = HashMap::new();
                of.values().for_each(|c| *sizes.entry(*c).or_default() += 1);
                sizes.values().filter(|n| **n > 1).count()
            })
        });
        let this = Self {
            colour_by: RwSignal::new(ColourBy::Sector),
            resolution,
            of,
            groups,
        };
        provide_context(this);
        this
    }

    /// The colour of an actor's community: grey when it is alone in it.
    pub fn color_of(&self, id: &ActorId) -> &'static str {
        let groups = self.groups.get();
        self.of.with(|of| match of.get(id) {
            Some(n) if *n < groups => community_color(*n),
            _ => ALONE,
        })
    }
}

pub fn use_communities() -> Communities {
    expect_context::<Communities>()
}
