//! A new colouring of the map (a `Colour by` choice, communities found or found again)
//! reaches its nodes a share per frame: a thousand nodes drawn again in one task was a
//! task of 50–75 ms on a 1k map, where issue 25 allows none over 50 ms.

use crate::ui::map::communities::Communities;
use leptos::prelude::*;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::sync::Arc;

/// Shares of the nodes, each told in a frame of its own.
const SHARES: usize = 8;
/// Up to this many actors every share is told at once: a small map is one frame's work.
const AT_ONCE: usize = 200;

#[derive(Clone)]
pub struct Repaint {
    shares: Arc<[ArcTrigger; SHARES]>,
    /// How many nodes have joined: the next joins the share after the last one's.
    joined: Arc<AtomicUsize>,
    /// The colouring being told; an older one stops where it is.
    round: Arc<AtomicU64>,
    /// Told after the last share, so the legend changes with the last of the nodes.
    pub done: ArcTrigger,
}

impl Repaint {
    /// Follows `communities`' colouring for the nodes of a map with `actors()` actors.
    pub fn new(communities: Communities, actors: impl Fn() -> usize + 'static) -> Self {
        let this = Self {
            shares: Arc::new(std::array::from_fn(|_| ArcTrigger::new())),
            joined: Arc::default(),
            round: Arc::default(),
            done: ArcTrigger::new(),
        };
        let repaint = this.clone();
        Effect::new(move |before: Option<()>| {
            communities.track_colouring();
            // The first run only subscribes: the nodes are drawn in the colouring of now.
            if before.is_some() {
                let round = repaint.round.fetch_add(1, Ordering::Relaxed) + 1;
                let at_once = untrack(&actors) <= AT_ONCE;
                repaint.tell(0, at_once, round);
            }
        });
        this
    }

    /// The share a new node joins, in turn, so each share is an even part of the map.
    pub fn join(&self) -> ArcTrigger {
        let k = self.joined.fetch_add(1, Ordering::Relaxed) % SHARES;
        self.shares[k].clone()
    }

    /// Tells the shares from `from` on, one a frame (all at once when `at_once`).
    fn tell(&self, from: usize, at_once: bool, round: u64) {
        if self.round.load(Ordering::Relaxed) != round {
            return;
        }
        let to = if at_once { SHARES } else { from + 1 };
        self.shares[from..to].iter().for_each(ArcTrigger::notify);
        if to == SHARES {
            self.done.notify();
        } else {
            let repaint = self.clone();
            request_animation_frame(move || repaint.tell(to, at_once, round));
        }
    }
}
