//! Fixed arrangements of a map besides the force layout: one cluster per sector, a circle
//! in sector order, and rings by influence (the stakeholder "onion"). Each gives the new
//! place of every actor that is not pinned, for one `MoveActors` and so one undo step;
//! pinned actors stay where the user put them.
//!
//! Label sizes come from the caller (the app measures its font), in map units at a zoom
//! of 1, so names set side by side or on a ring do not run into each other.

use crate::layout::node_radius;
use crate::sort::{sort_by, sort_by_key};
use crate::{Actor, Map, Placement, SectorId};
use std::collections::HashMap;
use std::f64::consts::TAU;

/// The layouts a map can be given (`Layout` select on the map).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum Arrangement {
    /// The force layout (springs and repulsion), run by the app step by step.
    #[default]
    Force,
    BySector,
    Circle,
    Rings,
}

impl Arrangement {
    pub const ALL: [Arrangement; 4] = [Self::Force, Self::BySector, Self::Circle, Self::Rings];

    pub fn as_str(self) -> &'static str {
        match self {
            Self::Force => "force",
            Self::BySector => "sector",
            Self::Circle => "circle",
            Self::Rings => "rings",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|a| a.as_str() == text)
    }
}

/// Space between two names side by side, and between rows.
const GAP: f64 = 24.0;
/// Room above a sector's cluster for its title.
const TITLE_ROOM: f64 = 48.0;
/// Distance between two rings of the onion.
const RING_GAP: f64 = 110.0;

/// Where each unpinned actor goes under `arrangement` (nothing for [`Arrangement::Force`],
/// which the app runs as a simulation). `label` gives a label's `[width, height]`.
pub fn arrange(
    map: &Map,
    arrangement: Arrangement,
    label: impl Fn(&Actor) -> [f64; 2],
) -> Vec<Placement> {
    let mut actors: Vec<&Actor> = map.actors.iter().filter(|a| !a.pinned).collect();
    let order = sector_order(map);
    let rank = |a: &Actor| order.get(&a.sector).copied().unwrap_or(usize::MAX);
    sort_by(&mut actors, |a, b| {
        rank(a)
            .cmp(&rank(b))
            .then(b.influence.cmp(&a.influence))
            .then_with(|| a.name.to_lowercase().cmp(&b.name.to_lowercase()))
    });
    let spots = match arrangement {
        Arrangement::Force => return Vec::new(),
        Arrangement::BySector => by_sector(&actors, &label),
        Arrangement::Circle => circle(&actors, &label),
        Arrangement::Rings => rings(&actors, &label, &rank),
    };
    actors
        .iter()
        .zip(spots)
        .map(|(actor, [x, y])| Placement {
            id: actor.id.clone(),
            x,
            y,
            pinned: false,
        })
        .collect()
}

/// Where a sector's title goes: centred above its actors. Sectors without actors get none.
pub fn sector_titles(map: &Map) -> Vec<(SectorId, [f64; 2])> {
    let mut bounds: HashMap<&SectorId, [f64; 3]> = HashMap::new();
    for actor in &map.actors {
        let top = actor.y - node_radius(actor.influence_or_middle());
        let b = bounds
            .entry(&actor.sector)
            .or_insert([f64::MAX, f64::MIN, f64::MAX]);
        *b = [b[0].min(actor.x), b[1].max(actor.x), b[2].min(top)];
    }
    let order = sector_order(map);
    let mut titles: Vec<(SectorId, [f64; 2])> = bounds
        .into_iter()
        .map(|(id, [x0, x1, top])| (id.clone(), [(x0 + x1) / 2.0, top - TITLE_ROOM / 3.0]))
        .collect();
    sort_by_key(&mut titles, |(id, _)| {
        order.get(id).copied().unwrap_or(usize::MAX)
    });
    titles
}

/// The rings of the onion as drawn: each influence level with its radius (the median
/// distance of its actors from the centre), innermost first.
pub fn ring_guides(map: &Map) -> Vec<(i64, f64)> {
    (1..=5)
        .rev()
        .filter_map(|influence| {
            let mut radii: Vec<f64> = map
                .actors
                .iter()
                .filter(|a| a.influence.map(|i| i.clamp(1, 5)) == Some(influence))
                .map(|a| a.x.hypot(a.y))
                .collect();
            sort_by(&mut radii, f64::total_cmp);
            let median = *radii.get(radii.len() / 2)?;
            (median > 1.0).then_some((influence, median))
        })
        .collect()
}

fn sector_order(map: &Map) -> HashMap<SectorId, usize> {
    map.sectors
        .iter()
        .enumerate()
        .map(|(i, s)| (s.id.clone(), i))
        .collect()
}

/// The height of one row of actors: the largest circle and a label below it.
fn row_height(label_height: f64) -> f64 {
    2.0 * node_radius(5) + label_height + GAP
}

/// One block of actors per sector, in sector order, packed on shelves into a wide
/// rectangle (projectors are wide); inside a block, rows of actors with their names.
fn by_sector(actors: &[&Actor], label: &impl Fn(&Actor) -> [f64; 2]) -> Vec<[f64; 2]> {
    let groups = actors.chunk_by(|a, b| a.sector == b.sector);
    struct Block {
        columns: usize,
        cell: [f64; 2],
        size: [f64; 2],
    }
    let blocks: Vec<Block> = groups
        .clone()
        .map(|group| {
            let width = group.iter().map(|a| label(a)[0]).fold(0.0, f64::max);
            let height = group.iter().map(|a| label(a)[1]).fold(0.0, f64::max);
            let cell = [width.max(2.0 * node_radius(5)) + GAP, row_height(height)];
            // Roughly square blocks read as clusters; names make cells wide, so fewer columns.
            let columns = ((group.len() as f64 * cell[1] / cell[0]).sqrt().ceil() as usize)
                .clamp(1, group.len());
            let rows = group.len().div_ceil(columns);
            Block {
                columns,
                cell,
                size: [columns as f64 * cell[0], rows as f64 * cell[1] + TITLE_ROOM],
            }
        })
        .collect();
    let area: f64 = blocks.iter().map(|b| (b.size[0] + GAP) * b.size[1]).sum();
    let shelf_width = (area * 16.0 / 9.0).sqrt();
    let mut spots = Vec::with_capacity(actors.len());
    let (mut x, mut y, mut shelf_height) = (0.0, 0.0, 0.0f64);
    for (group, block) in groups.zip(&blocks) {
        if x > 0.0 && x + block.size[0] > shelf_width {
            (x, y, shelf_height) = (0.0, y + shelf_height + GAP, 0.0);
        }
        for (k, _) in group.iter().enumerate() {
            let (row, column) = (k / block.columns, k % block.columns);
            spots.push([
                x + (column as f64 + 0.5) * block.cell[0],
                y + TITLE_ROOM + row as f64 * block.cell[1] + node_radius(5),
            ]);
        }
        x += block.size[0] + 2.0 * GAP;
        shelf_height = shelf_height.max(block.size[1]);
    }
    centred(spots)
}

/// Everyone on one circle in sector order, spaced so neighbouring circles and the names
/// beside them (to the left or right on the sides) keep apart.
fn circle(actors: &[&Actor], label: &impl Fn(&Actor) -> [f64; 2]) -> Vec<[f64; 2]> {
    let n = actors.len();
    let height = actors.iter().map(|a| label(a)[1]).fold(0.0, f64::max);
    let spacing = row_height(height);
    let radius = (n as f64 * spacing / TAU).max(120.0);
    (0..n)
        .map(|k| {
            let angle = k as f64 / n as f64 * TAU - TAU / 4.0;
            [radius * angle.cos(), radius * angle.sin()]
        })
        .collect()
}

/// Rings by influence, 5 in the centre and 1 outside; each sector has its slice of the
/// circle (by its share of actors), so a sector reads as a wedge through the rings.
fn rings(
    actors: &[&Actor],
    label: &impl Fn(&Actor) -> [f64; 2],
    rank: &impl Fn(&Actor) -> usize,
) -> Vec<[f64; 2]> {
    let n = actors.len().max(1) as f64;
    let height = actors.iter().map(|a| label(a)[1]).fold(0.0, f64::max);
    let spacing = row_height(height);
    // Unrated actors go to the outer ring, with the least influential.
    let ring = |a: &Actor| (5 - a.influence.unwrap_or(1).clamp(1, 5)) as usize;
    // The radius of each ring: room for its actors around it, and outside the one within.
    let mut counts = [0usize; 5];
    actors.iter().for_each(|a| counts[ring(a)] += 1);
    let mut radii = [0.0f64; 5];
    let mut inner = f64::NEG_INFINITY;
    for k in 0..5 {
        let needed = counts[k] as f64 * spacing / TAU;
        let first = if counts[k] <= 1 && k == 0 {
            0.0
        } else {
            RING_GAP * k as f64
        };
        radii[k] = needed.max(first).max(inner + RING_GAP);
        if counts[k] > 0 {
            inner = radii[k];
        }
    }
    // Each sector's slice starts where the one before ended.
    let mut slice_start: HashMap<usize, f64> = HashMap::new();
    let mut sector_size: HashMap<usize, f64> = HashMap::new();
    let mut start = 0.0;
    for group in actors.chunk_by(|a, b| rank(a) == rank(b)) {
        let share = group.len() as f64 / n * TAU;
        slice_start.insert(rank(group[0]), start);
        sector_size.insert(rank(group[0]), share);
        start += share;
    }
    // Within a slice, each ring's actors spread evenly.
    let mut in_slice: HashMap<(usize, usize), (usize, usize)> = HashMap::new();
    for a in actors {
        in_slice.entry((rank(a), ring(a))).or_default().1 += 1;
    }
    actors
        .iter()
        .map(|a| {
            let k = ring(a);
            if radii[k] == 0.0 {
                // The one most influential actor, in the middle (just off the origin,
                // which means "not placed").
                return [0.5, 0.0];
            }
            let slot = in_slice.get_mut(&(rank(a), k)).expect("counted above");
            let angle = slice_start[&rank(a)]
                + sector_size[&rank(a)] * (slot.0 as f64 + 0.5) / slot.1 as f64
                - TAU / 4.0;
            slot.0 += 1;
            [radii[k] * angle.cos(), radii[k] * angle.sin()]
        })
        .collect()
}

/// The spots moved so their bounding box is centred on the origin (where the force layout
/// and the camera expect the map), and never exactly on it (which means "not placed").
fn centred(mut spots: Vec<[f64; 2]>) -> Vec<[f64; 2]> {
    let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
    for [x, y] in &spots {
        (x0, y0, x1, y1) = (x0.min(*x), y0.min(*y), x1.max(*x), y1.max(*y));
    }
    let (cx, cy) = ((x0 + x1) / 2.0, (y0 + y1) / 2.0);
    for spot in &mut spots {
        *spot = [spot[0] - cx, spot[1] - cy];
        if *spot == [0.0, 0.0] {
            spot[0] = 0.5;
        }
    }
    spots
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::sector::default_sectors;

    fn map(n: usize) -> Map {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut map = Map::new("m".into(), "Test", now, default_sectors(|s| s.to_owned()));
        for i in 0..n {
            let mut actor = Actor::new(format!("a{i}").into(), format!("Actor number {i}"));
            actor.sector = map.sectors[i % 4].id.clone();
            actor.influence = Some((i % 5 + 1) as i64);
            (actor.x, actor.y) = (i as f64, 0.0);
            map.add_actor(actor);
        }
        map
    }

    fn label(actor: &Actor) -> [f64; 2] {
        [8.0 * actor.name.len() as f64, 22.0]
    }

    /// The label boxes (below each circle) of the placed actors.
    fn label_boxes(map: &Map, placements: &[Placement]) -> Vec<[f64; 4]> {
        placements
            .iter()
            .map(|p| {
                let actor = map.actors.iter().find(|a| a.id == p.id).unwrap();
                let [w, h] = label(actor);
                let top = p.y + node_radius(actor.influence_or_middle());
                [p.x - w / 2.0, top, p.x + w / 2.0, top + h]
            })
            .collect()
    }

    fn overlapping(boxes: &[[f64; 4]]) -> usize {
        let mut count = 0;
        for (i, a) in boxes.iter().enumerate() {
            for b in &boxes[i + 1..] {
                if a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3] {
                    count += 1;
                }
            }
        }
        count
    }

    #[test]
    fn by_sector_gives_each_sector_its_own_block_with_no_names_overlapping() {
        let map = map(38);
        let placements = arrange(&map, Arrangement::BySector, label);
        assert_eq!(placements.len(), 38);
        assert_eq!(overlapping(&label_boxes(&map, &placements)), 0);
        // The blocks' bounding boxes do not overlap either.
        let mut blocks: HashMap<&SectorId, [f64; 4]> = HashMap::new();
        for p in &placements {
            let actor = map.actors.iter().find(|a| a.id == p.id).unwrap();
            let b = blocks
                .entry(&actor.sector)
                .or_insert([f64::MAX, f64::MAX, f64::MIN, f64::MIN]);
            *b = [b[0].min(p.x), b[1].min(p.y), b[2].max(p.x), b[3].max(p.y)];
        }
        let blocks: Vec<[f64; 4]> = blocks.into_values().collect();
        assert_eq!(blocks.len(), 4);
        assert_eq!(overlapping(&blocks), 0);
    }

    #[test]
    fn rings_put_the_most_influential_in_the_middle() {
        let map = map(40);
        let placements = arrange(&map, Arrangement::Rings, label);
        let distance = |influence: i64| {
            let ds: Vec<f64> = placements
                .iter()
                .filter(|p| {
                    map.actors
                        .iter()
                        .any(|a| a.id == p.id && a.influence == Some(influence))
                })
                .map(|p| p.x.hypot(p.y))
                .collect();
            (
                ds.iter().cloned().fold(f64::MAX, f64::min),
                ds.iter().cloned().fold(0.0, f64::max),
            )
        };
        for influence in 1..5 {
            let (outer_min, _) = distance(influence);
            let (_, inner_max) = distance(influence + 1);
            assert!(
                outer_min > inner_max,
                "influence {influence} lies outside {}",
                influence + 1
            );
        }
        let mut arranged = map.clone();
        for p in &placements {
            let actor = arranged.actors.iter_mut().find(|a| a.id == p.id).unwrap();
            (actor.x, actor.y) = (p.x, p.y);
        }
        let guides = ring_guides(&arranged);
        assert_eq!(
            guides.iter().map(|g| g.0).collect::<Vec<_>>(),
            [5, 4, 3, 2, 1]
        );
        assert!(guides.windows(2).all(|w| w[0].1 < w[1].1), "{guides:?}");
    }

    #[test]
    fn circle_keeps_neighbours_apart_and_pinned_actors_stay() {
        let mut map = map(30);
        map.actors[3].pinned = true;
        let placements = arrange(&map, Arrangement::Circle, label);
        assert_eq!(placements.len(), 29);
        assert!(placements.iter().all(|p| p.id != map.actors[3].id));
        for (i, a) in placements.iter().enumerate() {
            for b in &placements[i + 1..] {
                assert!((a.x - b.x).hypot(a.y - b.y) >= 2.0 * node_radius(5));
            }
        }
    }

    #[test]
    fn force_is_left_to_the_simulation_and_empty_maps_work() {
        assert!(arrange(&map(5), Arrangement::Force, label).is_empty());
        for arrangement in Arrangement::ALL {
            assert!(arrange(&map(0), arrangement, label).is_empty());
            assert_eq!(Arrangement::parse(arrangement.as_str()), Some(arrangement));
        }
        let one = arrange(&map(1), Arrangement::Rings, label);
        assert!(one.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
    }
}
