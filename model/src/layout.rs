//! Force-directed layout of a map's actors, run a tick at a time and deterministic for a seed.

use crate::actor::COORDINATE_LIMIT;
use crate::fit;
use crate::ids::ActorId;
use crate::map::Map;
use std::collections::HashMap;

/// Rest length of a relation of middle strength, in canvas units. Actors are drawn with a
/// radius of 13–29 and a label below, so d3's default of 30 would pile them on each other.
const LINK_DISTANCE: f64 = 80.0;
/// Repulsion of an actor of middle influence. d3's −30 goes with links of 30; the layout
/// keeps its shape when the charge grows with the square of the length scale, (80/30)² · 30.
const CHARGE: f64 = -213.0;
/// Repulsion between closer actors is computed as if they were this far apart, so actors
/// on the same spot get a large but finite push.
const DISTANCE_MIN: f64 = 2.0;
/// Barnes–Hut opening angle: a cell is taken as one body when size/distance < θ (d3: 0.9).
const THETA: f64 = 0.9;
/// Up to this many actors the repulsion is exact, which is cheaper than building a tree.
const EXACT_LIMIT: usize = 200;
/// Strength of the pull of each connected part towards the origin, per unit of distance.
const GRAVITY: f64 = 0.04;
/// Share of its velocity an actor loses per tick (d3's default).
const VELOCITY_DECAY: f64 = 0.4;
/// The simulation stops when alpha falls below this (d3's default).
const ALPHA_MIN: f64 = 0.001;
/// Number of ticks for alpha to cool from 1 to [`ALPHA_MIN`] (d3's default).
const COOLING_TICKS: f64 = 300.0;
/// The simulation also stops once no actor moved farther than this in a tick: the rest of
/// the cooling would not change the picture, and the frames it takes are saved.
const SETTLED_MOVEMENT: f64 = 0.01;
/// Free space kept around each connected part, so separate parts never look joined.
const PART_MARGIN: f64 = 40.0;
/// Share of the overlap of two parts' boxes removed per tick; below 1 so that many
/// overlapping parts settle instead of overshooting.
const SEPARATION: f64 = 0.5;
/// Spacing of d3's phyllotaxis start positions, scaled like the link distance (10 · 80/30).
const INITIAL_RADIUS: f64 = 26.0;
/// Room kept around each actor beyond its circle, so circles never touch and a line of
/// its name fits below it.
const COLLIDE_PADDING: f64 = 12.0;
/// How much of an overlap one tick of the collision force removes (d3's default 0.7).
const COLLIDE_STRENGTH: f64 = 0.7;
/// Maps up to this size (a workshop's) get the collision force; a larger map is read zoomed
/// in, and there the force would double the time a cold layout takes to settle.
pub const COLLIDE_UP_TO: usize = 300;
/// Pull towards the middle of a labelled map, sideways and up-down (see `apply_gravity`).
const SQUEEZE: [f64; 2] = [0.0, 0.2];
/// Share of the repulsion kept on a labelled map.
const LABELLED_CHARGE: f64 = 0.5;
/// How much rather two colliding actors part sideways than up and down (a wide screen).
const SIDEWAYS_BIAS: f64 = 2.0;
/// Pull towards the middle of a map laid out for a canvas (see `Simulation::fitting`).
const FITTED_SQUEEZE: f64 = 0.1;
/// Most a full layout on a canvas is stretched towards the canvas's shape per tick.
const STRETCH_STEP: f64 = 1.02;
/// Most a name's room grows for a zoomed-out reading (names at their least size at a zoom
/// of about 0.2, as on a tablet's 650 px canvas); beyond it names are left out rather than
/// the map spread without end.
const MOST_LABEL_GROWTH: f64 = 4.0;
/// Deepest quadtree level; only actors closer than 2⁻⁴⁰ of the map's extent share a leaf.
const MAX_DEPTH: u32 = 40;

/// A running force simulation over a snapshot of a map's actors and relations.
///
/// The model follows d3-force, so the network looks like what people know from d3 and
/// Gephi: link springs, many-body repulsion (Barnes–Hut above 200 actors), velocity decay
/// and an alpha that cools from 1 to 0.001 in about 300 ticks. Two departures: gravity
/// pulls each connected part as a whole towards the origin (so a part keeps its shape
/// while parts stay near each other), and the bounding boxes of separate parts are pushed
/// apart, so disconnected groups never overlap on the canvas.
///
/// The hot loop works on indices and flat vectors; ids appear only when the simulation is
/// built from a [`Map`] and when positions are written back with [`Simulation::apply`].
#[derive(Clone, Debug)]
pub struct Simulation {
    ids: Vec<ActorId>,
    index: HashMap<ActorId, usize>,
    position: Vec<[f64; 2]>,
    velocity: Vec<[f64; 2]>,
    /// Actors that do not move: pinned by the user, or held by [`Simulation::for_new_actors`].
    fixed: Vec<bool>,
    charge: Vec<f64>,
    /// The space each actor keeps to itself: the collision force keeps these apart.
    room: Vec<Room>,
    /// Pull of each actor towards its part's middle, sideways and up-down (labelled maps).
    squeeze: [f64; 2],
    /// Each actor's influence and label size at a zoom of 1 (labelled maps only).
    labels: Vec<(i64, [f64; 2])>,
    /// The canvas the map will be read on, when known (see [`Simulation::fitting`]).
    canvas: Option<[f64; 2]>,
    /// How much rather two colliding rooms part sideways than up and down.
    sideways_bias: f64,
    links: Vec<Link>,
    parts: Parts,
    free: usize,
    alpha: f64,
    alpha_decay: f64,
    movement: f64,
    ticks: usize,
    random: SplitMix64,
    tree: QuadTree,
}

/// One spring between two actors (parallel relations merged into one).
#[derive(Clone, Copy, Debug)]
struct Link {
    source: usize,
    target: usize,
    distance: f64,
    stiffness: f64,
    /// Share of the correction taken by the target; the better-connected end moves less.
    bias: f64,
}

/// The box an actor keeps clear around its centre: its circle, and its label below.
#[derive(Clone, Copy, Debug)]
struct Room {
    half_width: f64,
    /// From the centre to the top edge.
    up: f64,
    /// From the centre to the bottom edge (below the label, if any).
    down: f64,
}

impl Room {
    const NONE: Room = Room {
        half_width: 0.0,
        up: 0.0,
        down: 0.0,
    };

    /// The circle of an actor of this influence, with its label's `[width, height]`
    /// below it, and padding all round.
    fn around(influence: i64, label: Option<[f64; 2]>) -> Room {
        let r = node_radius(influence);
        let [width, height] = label.unwrap_or([0.0, 0.0]);
        Room {
            half_width: r.max(width / 2.0) + COLLIDE_PADDING,
            up: r + COLLIDE_PADDING,
            down: r + height + COLLIDE_PADDING,
        }
    }

    fn area(&self) -> f64 {
        self.half_width * (self.up + self.down)
    }
}

impl Simulation {
    /// Builds a simulation from the map's actors and relations. Actors that are not pinned
    /// and sit at the origin (or at a corrupt position) get start positions: next to their
    /// already placed neighbours if they have some, otherwise on d3's phyllotaxis spiral,
    /// turned by an angle drawn from `seed`. Every actor that is not pinned moves.
    pub fn new(map: &Map, seed: u64) -> Self {
        Self::build(map, seed, &|_, _| false)
    }

    /// Like [`Simulation::new`], but only the actors without a position move: the others
    /// hold still (while still pushing and pulling), so adding actors during a workshop
    /// places the newcomers without reshuffling the map everyone is looking at. Starting
    /// a full simulation on a laid-out map moves existing actors noticeably, because a hot
    /// alpha turns the small forces left at rest into large steps.
    pub fn for_new_actors(map: &Map, seed: u64) -> Self {
        Self::build(map, seed, &|_, placed| placed)
    }

    /// Like [`Simulation::new`], but only the actors in `moving` (and any without a
    /// position) move; everyone else holds still while still pushing and pulling. This
    /// is how a workshop's picture stays put: a new actor settles in among its neighbours
    /// and only they make room.
    pub fn moving_only(map: &Map, seed: u64, moving: &std::collections::HashSet<ActorId>) -> Self {
        Self::build(map, seed, &|actor, placed| {
            placed && !moving.contains(&actor.id)
        })
    }

    /// Lets the collision force keep each actor's label clear too: `sizes` gives the
    /// width and height of each actor's label (in the order of `map.actors`), in map
    /// units, drawn centred below its circle. Labels drawn at a fixed size on screen are
    /// given at the zoom the map is expected to be read at. Maps above [`COLLIDE_UP_TO`]
    /// actors have no collisions.
    pub fn with_labels(mut self, map: &Map, sizes: &[[f64; 2]]) -> Self {
        if self.ids.len() <= COLLIDE_UP_TO {
            self.labels = vec![(3, [0.0; 2]); self.ids.len()];
            for (actor, size) in map.actors.iter().zip(sizes) {
                if let Some(&i) = self.index.get(&actor.id) {
                    let influence = actor.influence_or_middle();
                    self.labels[i] = (influence, *size);
                    self.room[i] = Room::around(influence, Some(*size));
                }
            }
            self.squeeze = SQUEEZE;
            // The rooms keep actors apart; less repulsion keeps the map compact.
            self.charge.iter_mut().for_each(|c| *c *= LABELLED_CHARGE);
        }
        self
    }

    /// Lays the map out for a canvas of `[width, height]` CSS pixels (labelled maps): a
    /// full layout is stretched towards the canvas's shape, so the drawing fills it, and
    /// each name keeps room for its size at the zoom that fits the drawing to the canvas
    /// (see [`fit::label_px`]: the map spreads until its names fit). A phone's canvas ([`fit::NARROW`]) is read by
    /// zooming in and left as it is.
    pub fn fitting(mut self, canvas: [f64; 2]) -> Self {
        self.set_canvas(canvas);
        self
    }

    /// The canvas changed size while the layout runs (a side panel came in): the rest of
    /// the run fits the new one.
    pub fn set_canvas(&mut self, canvas: [f64; 2]) {
        let sound = canvas.iter().all(|v| v.is_finite() && *v > 0.0);
        if self.labels.is_empty()
            || !sound
            || canvas[0] < fit::NARROW
            || self.canvas == Some(canvas)
        {
            return;
        }
        self.canvas = Some(canvas);
        // The stretch gives the drawing the canvas's shape: the pull towards the middle
        // is even (harder along the canvas's short side), and collisions part rooms along
        // whichever axis frees them soonest.
        let aspect = canvas[0] / canvas[1];
        self.squeeze = [FITTED_SQUEEZE / aspect, FITTED_SQUEEZE * aspect];
        self.sideways_bias = 1.0;
    }

    /// One tick's share of [`Simulation::fitting`]; `step` is the most the drawing is
    /// stretched in it.
    fn fit_to_canvas(&mut self, step: f64) {
        let Some(canvas) = self.canvas else {
            return;
        };
        let Some([x0, y0, x1, y1]) = fit::bounds(&self.position) else {
            return;
        };
        let mut extent = [x1 - x0, y1 - y0];
        if self.free == self.position.len() {
            let stretch = fit::stretch_towards(extent, canvas, step);
            let centre = [(x0 + x1) / 2.0, (y0 + y1) / 2.0];
            for position in &mut self.position {
                for axis in 0..2 {
                    position[axis] = centre[axis] + (position[axis] - centre[axis]) * stretch[axis];
                }
            }
            extent = [extent[0] * stretch[0], extent[1] * stretch[1]];
        }
        let scale = fit::fit_scale(extent, canvas);
        let growth =
            (fit::label_px(scale, canvas[0]) / fit::LABEL_PX / scale).min(MOST_LABEL_GROWTH);
        for (room, (influence, [width, height])) in self.room.iter_mut().zip(&self.labels) {
            *room = Room::around(*influence, Some([width * growth, height * growth]));
        }
    }

    /// One body for every way of starting (a `dyn` test, so the page's wasm holds it once).
    fn build(map: &Map, seed: u64, holds: &dyn Fn(&crate::Actor, bool) -> bool) -> Self {
        let n = map.actors.len();
        let mut random = SplitMix64(seed);
        let mut ids = Vec::with_capacity(n);
        let mut index = HashMap::with_capacity(n);
        let mut position = Vec::with_capacity(n);
        let mut fixed = Vec::with_capacity(n);
        let mut charge = Vec::with_capacity(n);
        let mut room = Vec::with_capacity(n);
        let mut placed = Vec::with_capacity(n);
        for (i, actor) in map.actors.iter().enumerate() {
            ids.push(actor.id.clone());
            // A duplicate id is a validation error; the first actor keeps the relations.
            index.entry(actor.id.clone()).or_insert(i);
            let usable = sound(actor.x) && sound(actor.y);
            let is_placed = usable && (actor.pinned || actor.x != 0.0 || actor.y != 0.0);
            fixed.push((usable && actor.pinned) || holds(actor, is_placed));
            placed.push(is_placed);
            position.push(if usable {
                [actor.x, actor.y]
            } else {
                [0.0, 0.0]
            });
            // Influential actors are drawn larger, so they get more room around them.
            let influence = actor.influence_or_middle();
            charge.push(CHARGE * (0.5 + influence.clamp(1, 5) as f64 / 6.0));
            room.push(if n <= COLLIDE_UP_TO {
                Room::around(influence, None)
            } else {
                Room::NONE
            });
        }
        let links = merged_links(map, &index, &fixed);
        let neighbours = neighbour_lists(n, &links);
        place_unplaced(&mut position, &mut placed, &neighbours, &mut random);
        let parts = Parts::new(n, &links, &fixed);
        let free = fixed.iter().filter(|f| !**f).count();
        Self {
            ids,
            index,
            position,
            velocity: vec![[0.0; 2]; n],
            fixed,
            charge,
            room,
            squeeze: [0.0, 0.0],
            labels: Vec::new(),
            canvas: None,
            sideways_bias: SIDEWAYS_BIAS,
            links,
            parts,
            free,
            alpha: 1.0,
            alpha_decay: 1.0 - ALPHA_MIN.powf(1.0 / COOLING_TICKS),
            movement: f64::INFINITY,
            ticks: 0,
            random,
            tree: QuadTree::default(),
        }
    }

    /// Advances the simulation by one step.
    pub fn tick(&mut self) {
        self.alpha -= self.alpha * self.alpha_decay;
        self.ticks += 1;
        if self.free == 0 {
            self.movement = 0.0;
            return;
        }
        self.fit_to_canvas(STRETCH_STEP);
        self.apply_links();
        if self.position.len() <= EXACT_LIMIT {
            self.apply_charge_exact();
        } else {
            self.apply_charge_barnes_hut();
        }
        self.apply_gravity();
        self.apply_collide(COLLIDE_STRENGTH);
        for (i, (position, velocity)) in
            self.position.iter_mut().zip(&mut self.velocity).enumerate()
        {
            if self.fixed[i] {
                *velocity = [0.0; 2];
                continue;
            }
            velocity[0] *= 1.0 - VELOCITY_DECAY;
            velocity[1] *= 1.0 - VELOCITY_DECAY;
            position[0] += velocity[0];
            position[1] += velocity[1];
        }
        self.movement = self.separate_parts();
        if self.is_settled() {
            self.resolve_overlaps();
            // Parting the last overlaps can make the drawing taller or wider than the
            // canvas; stretching the other way undoes that without bringing any together.
            self.fit_to_canvas(f64::INFINITY);
        }
    }

    /// Once the layout has cooled, undoes what overlap the forces left (springs and the
    /// squeeze can hold two labels a little over each other): a few rounds of pushing
    /// overlapping rooms fully apart, and nothing else.
    fn resolve_overlaps(&mut self) {
        const ROUNDS: usize = 50;
        for _ in 0..ROUNDS {
            self.velocity.iter_mut().for_each(|v| *v = [0.0; 2]);
            if self.apply_collide(1.0) == 0 {
                break;
            }
            for (i, (position, velocity)) in
                self.position.iter_mut().zip(&self.velocity).enumerate()
            {
                if !self.fixed[i] {
                    position[0] += velocity[0];
                    position[1] += velocity[1];
                }
            }
        }
        self.velocity.iter_mut().for_each(|v| *v = [0.0; 2]);
    }

    /// True when the layout has come to rest: alpha has cooled below 0.001, no actor moved
    /// noticeably in the last tick, or nothing can move at all.
    pub fn is_settled(&self) -> bool {
        self.free == 0
            || self.alpha < ALPHA_MIN
            || (self.ticks > 0 && self.movement < SETTLED_MOVEMENT)
    }

    /// Current positions, in the order of the map's actors when the simulation was built.
    pub fn positions(&self) -> &[[f64; 2]] {
        &self.position
    }

    /// The actor ids, in the same order as [`Simulation::positions`].
    pub fn ids(&self) -> &[ActorId] {
        &self.ids
    }

    /// The current temperature: 1 at the start, cooling towards 0.
    pub fn alpha(&self) -> f64 {
        self.alpha
    }

    /// Sets the temperature, e.g. a lower value to let a laid-out map adjust gently. Values
    /// are clamped to 0..=1; NaN and infinities start over at 1.
    pub fn set_alpha(&mut self, alpha: f64) {
        self.alpha = if alpha.is_finite() {
            alpha.clamp(0.0, 1.0)
        } else {
            1.0
        };
        self.movement = f64::INFINITY;
    }

    /// How far the actor that moved most moved in the last tick (infinite before the first).
    pub fn last_movement(&self) -> f64 {
        self.movement
    }

    /// Number of ticks run so far.
    pub fn ticks(&self) -> usize {
        self.ticks
    }

    /// Writes positions back to the map's actors, found by id. Actors pinned in `map` keep
    /// their place (the user may have dragged one while the layout ran), and actors the
    /// simulation does not know are left alone. A pinned actor whose position is corrupt
    /// (NaN, infinite, absurd) is placed and unpinned, as [`crate::Actor::repair_position`]
    /// would do.
    pub fn apply(&self, map: &mut Map) {
        for actor in &mut map.actors {
            let Some(&i) = self.index.get(&actor.id) else {
                continue;
            };
            let corrupt = !(sound(actor.x) && sound(actor.y));
            if corrupt || !actor.pinned {
                [actor.x, actor.y] = self.position[i];
                actor.pinned &= !corrupt;
            }
        }
    }

    /// Springs pull related actors towards their rest length. Like d3, the positions are
    /// predicted with the current velocities, which damps oscillation.
    fn apply_links(&mut self) {
        for link in &self.links {
            let (s, t) = (link.source, link.target);
            let [mut dx, mut dy] = apart(
                self.position[t][0] + self.velocity[t][0]
                    - self.position[s][0]
                    - self.velocity[s][0],
                self.position[t][1] + self.velocity[t][1]
                    - self.position[s][1]
                    - self.velocity[s][1],
                &mut self.random,
            );
            let length = (dx * dx + dy * dy).sqrt();
            let pull = (length - link.distance) / length * self.alpha * link.stiffness;
            dx *= pull;
            dy *= pull;
            self.velocity[t][0] -= dx * link.bias;
            self.velocity[t][1] -= dy * link.bias;
            self.velocity[s][0] += dx * (1.0 - link.bias);
            self.velocity[s][1] += dy * (1.0 - link.bias);
        }
    }

    /// Repulsion between every pair, each pair once.
    fn apply_charge_exact(&mut self) {
        let n = self.position.len();
        for i in 0..n {
            for j in i + 1..n {
                let [dx, dy] = apart(
                    self.position[j][0] - self.position[i][0],
                    self.position[j][1] - self.position[i][1],
                    &mut self.random,
                );
                let scale = self.alpha / softened(dx * dx + dy * dy);
                self.velocity[i][0] += dx * self.charge[j] * scale;
                self.velocity[i][1] += dy * self.charge[j] * scale;
                self.velocity[j][0] -= dx * self.charge[i] * scale;
                self.velocity[j][1] -= dy * self.charge[i] * scale;
            }
        }
    }

    /// Repulsion through a quadtree: a far cell acts as one body at its centre of charge.
    fn apply_charge_barnes_hut(&mut self) {
        self.tree.build(&self.position, &self.charge);
        // Plain slices: indexing them needs no call even where the size-optimised wasm
        // build does not inline `Vec`'s `Index`.
        let cells: &[Cell] = &self.tree.cells;
        let order: &[u32] = &self.tree.order;
        let position: &[[f64; 2]] = &self.position;
        let charge: &[f64] = &self.charge;
        let random = &mut self.random;
        for (i, velocity) in self.velocity.iter_mut().enumerate() {
            if self.fixed[i] {
                continue;
            }
            let [x, y] = position[i];
            let mut force = [0.0; 2];
            // Cells are in preorder, so a cell's subtree ends where `skip` points: the walk
            // is a forward scan that either enters a cell (next index) or passes it (skip).
            let mut c = 0;
            while c < cells.len() {
                let cell = &cells[c];
                if cell.skip as usize == c + 1 {
                    // A leaf: its actors are taken one by one, exactly.
                    for &j in &order[cell.start as usize..cell.end as usize] {
                        let j = j as usize;
                        if j != i {
                            let [dx, dy] = apart(position[j][0] - x, position[j][1] - y, random);
                            let scale = charge[j] / softened(dx * dx + dy * dy);
                            force[0] += dx * scale;
                            force[1] += dy * scale;
                        }
                    }
                    c = cell.skip as usize;
                    continue;
                }
                let (dx, dy) = (cell.cx - x, cell.cy - y);
                let l = dx * dx + dy * dy;
                // A cell that holds the actor itself is always opened, so an actor never
                // pushes itself through its own cell's aggregate.
                let inside = x >= cell.x0
                    && x <= cell.x0 + cell.size
                    && y >= cell.y0
                    && y <= cell.y0 + cell.size;
                if !inside && cell.size * cell.size < l * (THETA * THETA) {
                    let scale = cell.charge / softened(l);
                    force[0] += dx * scale;
                    force[1] += dy * scale;
                    c = cell.skip as usize;
                } else {
                    c += 1;
                }
            }
            velocity[0] += force[0] * self.alpha;
            velocity[1] += force[1] * self.alpha;
        }
    }

    /// Pushes apart actors whose rooms (circle, label, padding) would overlap after this
    /// tick, like d3's `forceCollide` with boxes: neighbours are found through a grid of
    /// cells as large as the largest room, so the force is linear in the number of actors.
    /// Returns how many pairs overlapped; `strength` is the share of an overlap undone.
    fn apply_collide(&mut self, strength: f64) -> usize {
        let n = self.position.len();
        let largest = self
            .room
            .iter()
            .map(|r| r.half_width.max(r.up).max(r.down))
            .fold(0.0f64, f64::max);
        if n < 2 || largest <= 0.0 {
            return 0;
        }
        let cell = 2.0 * largest;
        let predicted: Vec<[f64; 2]> = self
            .position
            .iter()
            .zip(&self.velocity)
            .map(|(p, v)| [p[0] + v[0], p[1] + v[1]])
            .collect();
        let key = |p: [f64; 2]| ((p[0] / cell).floor() as i64, (p[1] / cell).floor() as i64);
        // Actors sorted by cell; a cell's actors are one run of this list, found by
        // binary search (no allocation per cell, which a hash map of lists would need).
        let mut by_cell: Vec<((i64, i64), usize)> = predicted
            .iter()
            .enumerate()
            .map(|(i, p)| (key(*p), i))
            .collect();
        by_cell.sort_unstable();
        let mut overlaps = 0;
        for i in 0..n {
            let (cx, cy) = key(predicted[i]);
            for dx in -1..=1 {
                for dy in -1..=1 {
                    let cell_key = (cx + dx, cy + dy);
                    let start = by_cell.partition_point(|(k, _)| *k < cell_key);
                    let mut at = start;
                    while at < n && by_cell[at].0 == cell_key {
                        let j = by_cell[at].1;
                        if j > i {
                            overlaps += usize::from(self.collide_pair(i, j, &predicted, strength));
                        }
                        at += 1;
                    }
                }
            }
        }
        overlaps
    }

    /// Parts two overlapping rooms along the axis where they overlap least, sideways
    /// unless that is `sideways_bias` times farther: labels side by side move apart
    /// sideways and stacked ones vertically, and the map grows wide like a screen.
    fn collide_pair(&mut self, i: usize, j: usize, predicted: &[[f64; 2]], strength: f64) -> bool {
        let (a, b) = (self.room[i], self.room[j]);
        let mut dx = predicted[i][0] - predicted[j][0];
        let mut dy = predicted[i][1] - predicted[j][1];
        if dx == 0.0 && dy == 0.0 {
            // Dropped on one spot: part them in a direction drawn from the seed.
            let angle = self.random.next_f64() * std::f64::consts::TAU;
            (dx, dy) = (angle.cos() * 1e-3, angle.sin() * 1e-3);
        }
        let overlap_x = a.half_width + b.half_width - dx.abs();
        // With i below j, i's top meets j's bottom; with i above, the other way round.
        let overlap_y = if dy >= 0.0 {
            a.up + b.down - dy
        } else {
            a.down + b.up + dy
        };
        if overlap_x <= 0.0 || overlap_y <= 0.0 {
            return false;
        }
        let push = if overlap_x < overlap_y * self.sideways_bias {
            [overlap_x.copysign(dx), 0.0]
        } else {
            [0.0, overlap_y.copysign(dy)]
        };
        // The larger room gives way less.
        let (size_i, size_j) = (a.area(), b.area());
        let share_i = size_j / (size_i + size_j);
        let (wi, wj) = match (self.fixed[i], self.fixed[j]) {
            (true, true) => return false,
            (true, false) => (0.0, 1.0),
            (false, true) => (1.0, 0.0),
            (false, false) => (share_i, 1.0 - share_i),
        };
        for (axis, push) in push.into_iter().enumerate() {
            self.velocity[i][axis] += push * strength * wi;
            self.velocity[j][axis] -= push * strength * wj;
        }
        true
    }

    /// Pulls each free connected part, as a whole, towards the origin: every actor of the
    /// part gets the same push, proportional to the part's distance, so the part keeps its
    /// shape. Parts holding a fixed actor are anchored by it and get no pull.
    ///
    /// Labelled maps are drawn into a wide screen: there each actor is also drawn towards
    /// its part's middle, harder up and down than sideways (`squeeze`), so the map comes
    /// out as wide as the screen while the collision force keeps the labels apart.
    fn apply_gravity(&mut self) {
        let parts = &mut self.parts;
        parts.centre.iter_mut().for_each(|c| *c = [0.0; 2]);
        for (i, p) in self.position.iter().enumerate() {
            let part = parts.of[i];
            parts.centre[part][0] += p[0];
            parts.centre[part][1] += p[1];
        }
        for (centre, &size) in parts.centre.iter_mut().zip(&parts.size) {
            let size = size as f64;
            *centre = [centre[0] / size, centre[1] / size];
        }
        for (i, velocity) in self.velocity.iter_mut().enumerate() {
            let part = parts.of[i];
            if !parts.anchored[part] {
                velocity[0] -= parts.centre[part][0] * GRAVITY * self.alpha;
                velocity[1] -= parts.centre[part][1] * GRAVITY * self.alpha;
            }
        }
        let [sx, sy] = self.squeeze;
        if sx > 0.0 || sy > 0.0 {
            for (i, (p, velocity)) in self.position.iter().zip(&mut self.velocity).enumerate() {
                let centre = parts.centre[parts.of[i]];
                velocity[0] -= (p[0] - centre[0]) * sx * self.alpha;
                velocity[1] -= (p[1] - centre[1]) * sy * self.alpha;
            }
        }
    }

    /// Pushes apart connected parts whose bounding boxes (with a margin) overlap, along the
    /// axis of least overlap; the larger part moves less and an anchored part not at all.
    /// Returns the longest distance an actor moved this tick, this push included.
    fn separate_parts(&mut self) -> f64 {
        let parts = &mut self.parts;
        let count = parts.size.len();
        parts.shift.iter_mut().for_each(|s| *s = [0.0; 2]);
        if count > 1 {
            parts.bounds.iter_mut().for_each(|b| {
                *b = [
                    f64::INFINITY,
                    f64::INFINITY,
                    f64::NEG_INFINITY,
                    f64::NEG_INFINITY,
                ]
            });
            for (i, p) in self.position.iter().enumerate() {
                let b = &mut parts.bounds[parts.of[i]];
                *b = [
                    b[0].min(p[0]),
                    b[1].min(p[1]),
                    b[2].max(p[0]),
                    b[3].max(p[1]),
                ];
            }
            for b in &mut parts.bounds {
                *b = [
                    b[0] - PART_MARGIN,
                    b[1] - PART_MARGIN,
                    b[2] + PART_MARGIN,
                    b[3] + PART_MARGIN,
                ];
            }
            // Sweep along x: once a box starts right of this one's end, so do all later ones.
            parts.order.clear();
            parts.order.extend(0..count);
            let bounds = &parts.bounds;
            crate::sort::sort_positions(&mut parts.order, &|a, b| {
                bounds[a][0].total_cmp(&bounds[b][0]).then(a.cmp(&b))
            });
            for (k, &a) in parts.order.iter().enumerate() {
                for &b in &parts.order[k + 1..] {
                    let (ba, bb) = (parts.bounds[a], parts.bounds[b]);
                    if bb[0] >= ba[2] {
                        break;
                    }
                    let overlap_x = ba[2].min(bb[2]) - ba[0].max(bb[0]);
                    let overlap_y = ba[3].min(bb[3]) - ba[1].max(bb[1]);
                    if overlap_y <= 0.0 {
                        continue;
                    }
                    let (share_a, share_b) = match (parts.anchored[a], parts.anchored[b]) {
                        (true, true) => continue,
                        (true, false) => (0.0, 1.0),
                        (false, true) => (1.0, 0.0),
                        (false, false) => {
                            let (sa, sb) = (parts.size[a] as f64, parts.size[b] as f64);
                            (sb / (sa + sb), sa / (sa + sb))
                        }
                    };
                    let (axis, overlap) = if overlap_x < overlap_y {
                        (0, overlap_x)
                    } else {
                        (1, overlap_y)
                    };
                    // a is pushed to the side where its centre lies relative to b's; on a
                    // tie, the earlier part goes to the lower side.
                    let centre_a = ba[axis] + ba[axis + 2];
                    let centre_b = bb[axis] + bb[axis + 2];
                    let sign = if centre_a < centre_b || (centre_a == centre_b && a < b) {
                        -1.0
                    } else {
                        1.0
                    };
                    parts.shift[a][axis] += sign * overlap * share_a * SEPARATION;
                    parts.shift[b][axis] -= sign * overlap * share_b * SEPARATION;
                }
            }
        }
        let mut longest = 0.0f64;
        for (i, position) in self.position.iter_mut().enumerate() {
            if self.fixed[i] {
                continue;
            }
            let shift = parts.shift[parts.of[i]];
            position[0] += shift[0];
            position[1] += shift[1];
            let (mx, my) = (
                self.velocity[i][0] + shift[0],
                self.velocity[i][1] + shift[1],
            );
            longest = longest.max(mx * mx + my * my);
        }
        longest.sqrt()
    }
}

/// Lays out the map in place: up to `max_ticks` ticks or until settled, then writes the
/// positions of the actors that are not pinned. Returns the number of ticks run.
pub fn run(map: &mut Map, seed: u64, max_ticks: usize) -> usize {
    let mut simulation = Simulation::new(map, seed);
    while !simulation.is_settled() && simulation.ticks() < max_ticks {
        simulation.tick();
    }
    simulation.apply(map);
    simulation.ticks()
}

/// True for a coordinate that can be used as it is (finite and not absurdly far away).
/// Room kept around a new actor's start position, so it is not drawn on top of another.
const START_CLEARANCE: f64 = 48.0;

/// Start positions for `count` new actors: the first free spots on a spiral around the
/// middle of the placed actors, at least [`START_CLEARANCE`] from every actor and from each
/// other. Never exactly the origin, which means "not placed yet".
pub fn free_spots(map: &Map, count: usize, seed: u64) -> Vec<[f64; 2]> {
    let placed: Vec<[f64; 2]> = map
        .actors
        .iter()
        .filter(|a| sound(a.x) && sound(a.y) && (a.pinned || a.x != 0.0 || a.y != 0.0))
        .map(|a| [a.x, a.y])
        .collect();
    let centre = if placed.is_empty() {
        [0.0, 0.0]
    } else {
        let n = placed.len() as f64;
        let sum = placed
            .iter()
            .fold([0.0, 0.0], |s, p| [s[0] + p[0], s[1] + p[1]]);
        [sum[0] / n, sum[1] / n]
    };
    let golden_angle = std::f64::consts::PI * (3.0 - 5.0f64.sqrt());
    let turn = SplitMix64(seed).next_f64() * std::f64::consts::TAU;
    let clear = |p: [f64; 2], q: &[f64; 2]| {
        (p[0] - q[0]).powi(2) + (p[1] - q[1]).powi(2) >= START_CLEARANCE * START_CLEARANCE
    };
    let mut spots: Vec<[f64; 2]> = Vec::with_capacity(count);
    let mut k = 0.0f64;
    while spots.len() < count {
        let radius = INITIAL_RADIUS * (0.5 + k).sqrt();
        let angle = turn + k * golden_angle;
        let spot = [
            centre[0] + radius * angle.cos(),
            centre[1] + radius * angle.sin(),
        ];
        k += 1.0;
        // The spiral grows without end, so a free spot always comes.
        if placed.iter().chain(&spots).all(|q| clear(spot, q)) && spot != [0.0, 0.0] {
            spots.push(spot);
        }
    }
    spots
}

/// An actor's circle on the map by its influence (as the app draws it).
pub fn node_radius(influence: i64) -> f64 {
    9.0 + 4.0 * influence.clamp(1, 5) as f64
}

fn sound(v: f64) -> bool {
    v.is_finite() && v.abs() <= COORDINATE_LIMIT
}

/// The offset between two actors, with a (nearly) zero coordinate replaced by a tiny random
/// one (d3's jiggle), so actors on the same spot or line get a direction to move apart.
/// d3 replaces only exact zeros; offsets below `TINY` are replaced too, because their
/// squares underflow to zero and a zero length turns a spring's pull into infinity.
fn apart(dx: f64, dy: f64, random: &mut SplitMix64) -> [f64; 2] {
    const TINY: f64 = 1e-100;
    let pick = |d: f64, random: &mut SplitMix64| if d.abs() < TINY { random.jiggle() } else { d };
    [pick(dx, random), pick(dy, random)]
}

/// d3's softening: a squared distance below `DISTANCE_MIN²` is replaced by the geometric
/// mean with it, so the push between nearly coincident actors stays finite.
fn softened(l: f64) -> f64 {
    const MIN2: f64 = DISTANCE_MIN * DISTANCE_MIN;
    if l < MIN2 {
        (MIN2 * l).sqrt()
    } else {
        l
    }
}

/// The relations as springs: unknown ends and loops dropped, parallel relations between
/// the same two actors merged into one with the greatest strength. Stronger relations are
/// shorter and stiffer; the stiffness is divided by the smaller degree of the two ends, as
/// in d3, so hubs are not torn apart.
fn merged_links(map: &Map, index: &HashMap<ActorId, usize>, fixed: &[bool]) -> Vec<Link> {
    let mut strongest: HashMap<(usize, usize), i64> = HashMap::new();
    let mut pairs: Vec<(usize, usize)> = Vec::new();
    for relation in &map.relations {
        let (Some(&a), Some(&b)) = (index.get(&relation.from), index.get(&relation.to)) else {
            continue;
        };
        if a == b {
            continue;
        }
        let key = (a.min(b), a.max(b));
        let strength = relation.strength.clamp(1, 3);
        match strongest.get_mut(&key) {
            Some(s) => *s = (*s).max(strength),
            None => {
                strongest.insert(key, strength);
                pairs.push(key);
            }
        }
    }
    let mut degree = vec![0usize; map.actors.len()];
    for &(a, b) in &pairs {
        degree[a] += 1;
        degree[b] += 1;
    }
    pairs
        .into_iter()
        .map(|(source, target)| {
            let strength = strongest[&(source, target)] as f64;
            let (ds, dt) = (degree[source] as f64, degree[target] as f64);
            // A fixed end cannot take its share, so the free end takes all of it.
            let bias = match (fixed[source], fixed[target]) {
                (true, false) => 1.0,
                (false, true) => 0.0,
                _ => ds / (ds + dt),
            };
            Link {
                source,
                target,
                distance: LINK_DISTANCE * (1.3 - 0.15 * strength),
                stiffness: (1.0 + strength) / 4.0 / ds.min(dt),
                bias,
            }
        })
        .collect()
}

fn neighbour_lists(n: usize, links: &[Link]) -> Vec<Vec<usize>> {
    let mut lists = vec![Vec::new(); n];
    for link in links {
        lists[link.source].push(link.target);
        lists[link.target].push(link.source);
    }
    lists
}

/// Gives start positions to the actors without one. Actors next to placed ones are put
/// beside them, breadth first, so a new actor in a laid-out map starts where it belongs
/// and the rest of the map hardly moves; the others go on a phyllotaxis spiral (like d3),
/// which spreads any number of actors evenly without two on the same spot.
fn place_unplaced(
    position: &mut [[f64; 2]],
    placed: &mut [bool],
    neighbours: &[Vec<usize>],
    random: &mut SplitMix64,
) {
    let mut queue: std::collections::VecDeque<usize> = (0..position.len())
        .filter(|&i| !placed[i] && neighbours[i].iter().any(|&j| placed[j]))
        .collect();
    let mut queued: Vec<bool> = placed.to_vec();
    queue.iter().for_each(|&i| queued[i] = true);
    while let Some(i) = queue.pop_front() {
        let (mut sum, mut count) = ([0.0; 2], 0.0);
        for &j in neighbours[i].iter().filter(|&&j| placed[j]) {
            sum[0] += position[j][0];
            sum[1] += position[j][1];
            count += 1.0;
        }
        let angle = random.next_f64() * std::f64::consts::TAU;
        let radius = LINK_DISTANCE * (0.5 + 0.5 * random.next_f64());
        position[i] = [
            sum[0] / count + radius * angle.cos(),
            sum[1] / count + radius * angle.sin(),
        ];
        placed[i] = true;
        for &j in &neighbours[i] {
            if !queued[j] {
                queued[j] = true;
                queue.push_back(j);
            }
        }
    }
    let golden_angle = std::f64::consts::PI * (3.0 - 5.0f64.sqrt());
    let turn = random.next_f64() * std::f64::consts::TAU;
    let mut k = 0.0f64;
    for (i, p) in position.iter_mut().enumerate() {
        if placed[i] {
            continue;
        }
        let radius = INITIAL_RADIUS * (0.5 + k).sqrt();
        let angle = turn + k * golden_angle;
        *p = [radius * angle.cos(), radius * angle.sin()];
        k += 1.0;
    }
}

/// The connected parts of the relation graph, with scratch space reused every tick.
#[derive(Clone, Debug, Default)]
struct Parts {
    /// Part of each actor.
    of: Vec<usize>,
    /// Number of actors in each part.
    size: Vec<usize>,
    /// Whether a part holds a fixed actor (which holds the part in place).
    anchored: Vec<bool>,
    centre: Vec<[f64; 2]>,
    /// min x, min y, max x, max y.
    bounds: Vec<[f64; 4]>,
    shift: Vec<[f64; 2]>,
    order: Vec<usize>,
}

impl Parts {
    fn new(n: usize, links: &[Link], fixed: &[bool]) -> Self {
        // Union–find with path halving; roots are renumbered in actor order, so the
        // numbering is deterministic.
        let mut parent: Vec<usize> = (0..n).collect();
        fn root(parent: &mut [usize], mut i: usize) -> usize {
            while parent[i] != i {
                parent[i] = parent[parent[i]];
                i = parent[i];
            }
            i
        }
        for link in links {
            let (a, b) = (
                root(&mut parent, link.source),
                root(&mut parent, link.target),
            );
            if a != b {
                parent[a.max(b)] = a.min(b);
            }
        }
        let mut number = vec![usize::MAX; n];
        let mut parts = Parts::default();
        for (i, &is_fixed) in fixed.iter().enumerate() {
            let r = root(&mut parent, i);
            if number[r] == usize::MAX {
                number[r] = parts.size.len();
                parts.size.push(0);
                parts.anchored.push(false);
            }
            let part = number[r];
            parts.of.push(part);
            parts.size[part] += 1;
            parts.anchored[part] |= is_fixed;
        }
        let count = parts.size.len();
        parts.centre = vec![[0.0; 2]; count];
        parts.bounds = vec![[0.0; 4]; count];
        parts.shift = vec![[0.0; 2]; count];
        parts
    }
}

/// A quadtree cell: a square with the total charge and the charge-weighted centre of the
/// actors in it. Cells are stored in preorder; a cell's subtree is `cells[index..skip]`, so
/// a leaf is a cell whose `skip` is its own index plus one. A leaf lists its actors as
/// `order[start..end]`.
#[derive(Clone, Copy, Debug)]
struct Cell {
    x0: f64,
    y0: f64,
    size: f64,
    cx: f64,
    cy: f64,
    charge: f64,
    skip: u32,
    start: u32,
    end: u32,
}

/// A Barnes–Hut quadtree in flat vectors, rebuilt every tick without new allocations.
#[derive(Clone, Debug, Default)]
struct QuadTree {
    cells: Vec<Cell>,
    order: Vec<u32>,
}

impl QuadTree {
    fn build(&mut self, position: &[[f64; 2]], charge: &[f64]) {
        self.cells.clear();
        self.order.clear();
        self.order.extend(0..position.len() as u32);
        let (mut x0, mut y0, mut x1, mut y1) = (
            f64::INFINITY,
            f64::INFINITY,
            f64::NEG_INFINITY,
            f64::NEG_INFINITY,
        );
        for p in position {
            x0 = x0.min(p[0]);
            y0 = y0.min(p[1]);
            x1 = x1.max(p[0]);
            y1 = y1.max(p[1]);
        }
        let size = (x1 - x0).max(y1 - y0);
        self.subdivide(0, position.len(), [x0, y0], size, 0, position, charge);
    }

    /// Appends the cell for `order[start..end]` inside the square at `corner`, then its
    /// subtree, and returns the cell's index.
    #[allow(clippy::too_many_arguments)]
    fn subdivide(
        &mut self,
        start: usize,
        end: usize,
        corner: [f64; 2],
        size: f64,
        depth: u32,
        position: &[[f64; 2]],
        charge: &[f64],
    ) -> usize {
        let id = self.cells.len();
        self.cells.push(Cell {
            x0: corner[0],
            y0: corner[1],
            size,
            cx: 0.0,
            cy: 0.0,
            charge: 0.0,
            skip: 0,
            start: start as u32,
            end: end as u32,
        });
        // Totals: charge, and the centre weighted by the size of the charge.
        let (mut total, mut weight, mut sx, mut sy) = (0.0, 0.0, 0.0, 0.0);
        if end - start == 1 || depth >= MAX_DEPTH || size <= 0.0 {
            for &j in &self.order[start..end] {
                let (j, q) = (j as usize, charge[j as usize]);
                total += q;
                weight += q.abs();
                sx += q.abs() * position[j][0];
                sy += q.abs() * position[j][1];
            }
        } else {
            let half = size / 2.0;
            let (xm, ym) = (corner[0] + half, corner[1] + half);
            let mid = start + partition(&mut self.order[start..end], |j| position[j][1] < ym);
            let low = start + partition(&mut self.order[start..mid], |j| position[j][0] < xm);
            let high = mid + partition(&mut self.order[mid..end], |j| position[j][0] < xm);
            let quadrants = [
                (start, low, [corner[0], corner[1]]),
                (low, mid, [xm, corner[1]]),
                (mid, high, [corner[0], ym]),
                (high, end, [xm, ym]),
            ];
            for (from, to, child_corner) in quadrants {
                if from == to {
                    continue;
                }
                let child =
                    self.subdivide(from, to, child_corner, half, depth + 1, position, charge);
                let c = self.cells[child];
                total += c.charge;
                weight += c.charge.abs();
                sx += c.charge.abs() * c.cx;
                sy += c.charge.abs() * c.cy;
            }
        }
        let skip = self.cells.len() as u32;
        let cell = &mut self.cells[id];
        cell.charge = total;
        cell.skip = skip;
        if weight > 0.0 {
            cell.cx = sx / weight;
            cell.cy = sy / weight;
        } else {
            cell.cx = corner[0] + size / 2.0;
            cell.cy = corner[1] + size / 2.0;
        }
        id
    }
}

/// Moves the entries for which `first` holds to the front; returns how many there are.
fn partition(items: &mut [u32], first: impl Fn(usize) -> bool) -> usize {
    let mut split = 0;
    for k in 0..items.len() {
        if first(items[k] as usize) {
            items.swap(split, k);
            split += 1;
        }
    }
    split
}

/// SplitMix64: a tiny, well-mixed generator, enough for start angles and jiggle, and the
/// same on every platform (no dependency needed).
#[derive(Clone, Debug)]
struct SplitMix64(u64);

impl SplitMix64 {
    fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// Uniform in [0, 1).
    fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// A tiny non-zero offset that separates actors on the same spot (d3's `jiggle`).
    fn jiggle(&mut self) -> f64 {
        let offset = (self.next_f64() - 0.5) * 1e-6;
        if offset == 0.0 {
            1e-7
        } else {
            offset
        }
    }
}

#[cfg(test)]
pub(crate) mod tests {
    #[test]
    fn the_collision_force_keeps_circles_apart_in_a_crowded_star() {
        // Twelve influential actors all tied to one centre: the springs want them on a
        // ring too small for their circles; only the collision force keeps them apart.
        let mut map = Map::new("m".into(), "t", chrono::Utc::now(), Vec::new());
        for i in 0..13 {
            let mut actor = Actor::new(format!("a{i}").into(), "a");
            actor.influence = Some(5);
            map.actors.push(actor);
        }
        for i in 1..13 {
            let mut r =
                crate::Relation::new(format!("r{i}").into(), "a0".into(), format!("a{i}").into());
            r.strength = 3;
            map.relations.push(r);
        }
        let mut simulation = Simulation::new(&map, 1);
        while !simulation.is_settled() {
            simulation.tick();
        }
        simulation.apply(&mut map);
        let circle = node_radius(5);
        for (i, a) in map.actors.iter().enumerate() {
            for b in &map.actors[i + 1..] {
                let apart = (a.x - b.x).hypot(a.y - b.y);
                assert!(apart >= 2.0 * circle, "{} and {}: {apart}", a.id, b.id);
            }
        }
    }

    #[test]
    fn the_collision_force_separates_two_actors_dropped_on_one_spot() {
        let mut map = map_of(2, &[]);
        for actor in &mut map.actors {
            (actor.x, actor.y) = (50.0, 50.0);
        }
        let mut simulation = Simulation::new(&map, 3);
        while !simulation.is_settled() {
            simulation.tick();
        }
        let [a, b] = [simulation.positions()[0], simulation.positions()[1]];
        let room = 2.0 * (node_radius(3) + COLLIDE_PADDING);
        assert!(
            (a[0] - b[0]).abs() >= room * 0.95 || (a[1] - b[1]).abs() >= room * 0.95,
            "{a:?} {b:?}"
        );
    }

    #[test]
    fn labelled_actors_settle_with_no_two_labels_overlapping() {
        // A workshop-sized map with labels as wide as real organisation names.
        let map = random_graph(38, 20, 7);
        let label = |actor: &crate::Actor| {
            let n: usize = actor.id.as_str().bytes().map(usize::from).sum();
            [120.0 + (n * 37 % 220) as f64, 22.0]
        };
        let sizes: Vec<_> = map.actors.iter().map(label).collect();
        let mut simulation = Simulation::new(&map, 1).with_labels(&map, &sizes);
        while !simulation.is_settled() {
            simulation.tick();
        }
        let boxes: Vec<[f64; 4]> = map
            .actors
            .iter()
            .zip(simulation.positions())
            .map(|(actor, p)| {
                let [w, h] = label(actor);
                let top = p[1] + node_radius(actor.influence_or_middle());
                [p[0] - w / 2.0, top, p[0] + w / 2.0, top + h]
            })
            .collect();
        for (i, a) in boxes.iter().enumerate() {
            for (j, b) in boxes.iter().enumerate().skip(i + 1) {
                assert!(
                    !boxes_overlap(*a, *b),
                    "labels {i} and {j} overlap: {a:?} {b:?}"
                );
            }
        }
        // Wider than tall, like the screen it is shown on.
        let [x0, y0, x1, y1] = bounding_box(simulation.positions(), 0..38);
        assert!(x1 - x0 > y1 - y0, "{} wide, {} high", x1 - x0, y1 - y0);
    }

    #[test]
    fn a_workshop_map_laid_out_for_a_laptop_canvas_fills_it_with_its_names_shown() {
        // 40 actors with the lengths of a regional map's names, on the canvas a 1280×800
        // window leaves between the map list and the side panel, and a tablet's in landscape
        // (1180×820).
        const LENGTHS: [usize; 40] = [
            3, 17, 14, 11, 12, 16, 15, 13, 13, 16, 11, 13, 3, 2, 14, 2, 6, 2, 2, 2, 6, 2, 5, 4, 2,
            26, 2, 2, 12, 4, 3, 4, 7, 19, 2, 25, 22, 20, 3, 19,
        ];
        let mut map = random_graph(40, 30, 7);
        for (actor, length) in map.actors.iter_mut().zip(LENGTHS) {
            actor.name = "n".repeat(length);
        }
        let label = |actor: &crate::Actor| {
            let chars = actor.label().chars().count() as f64;
            [chars * 0.6 * fit::LABEL_PX + 8.0, fit::LABEL_PX * 1.4]
        };
        let sizes: Vec<_> = map.actors.iter().map(label).collect();
        for canvas in [[697.0, 583.0], [648.0, 579.0]] {
            let mut simulation = Simulation::new(&map, 1)
                .with_labels(&map, &sizes)
                .fitting(canvas);
            while !simulation.is_settled() {
                simulation.tick();
            }
            let [x0, y0, x1, y1] = fit::bounds(simulation.positions()).unwrap();
            let scale = fit::fit_scale([x1 - x0, y1 - y0], canvas);
            // The drawing fills the canvas inside its margin on both axes.
            let inside = canvas.map(|side| side - 2.0 * fit::margin(canvas));
            let filled = [(x1 - x0) * scale / inside[0], (y1 - y0) * scale / inside[1]];
            assert!(filled.iter().all(|f| *f > 0.95), "{filled:?}");
            // Names at the size drawn at that zoom, placed as the map view places them.
            let shrink = fit::label_px(scale, canvas[0]) / fit::LABEL_PX;
            let (candidates, dots): (Vec<Vec<LabelBox>>, Vec<LabelBox>) = map
                .actors
                .iter()
                .zip(simulation.positions())
                .map(|(actor, [x, y])| {
                    let centre = [x * scale, y * scale];
                    let r = node_radius(actor.influence_or_middle()) * scale;
                    let size = label(actor).map(|v| v * shrink);
                    let spots =
                        spots_around(centre, r, size, 4.0, actor.influence_or_middle() as f64);
                    let dot = LabelBox {
                        x: centre[0] - r,
                        y: centre[1] - r,
                        width: 2.0 * r,
                        height: 2.0 * r,
                        priority: 0.0,
                    };
                    (spots.to_vec(), dot)
                })
                .unzip();
            let named = place_labels(&candidates, &dots).iter().flatten().count();
            assert!(named >= 38, "{named} of 40 named at a zoom of {scale:.2}");
        }
    }

    #[test]
    fn moving_only_moves_only_the_chosen_actors() {
        let mut map = Map::new("m".into(), "t", chrono::Utc::now(), Vec::new());
        for i in 0..12 {
            let mut a = Actor::new(format!("a{i}").into(), "a");
            a.x = (i % 4) as f64 * 20.0;
            a.y = (i / 4) as f64 * 20.0;
            map.actors.push(a);
        }
        let moving: std::collections::HashSet<ActorId> =
            ["a0".into(), "a5".into()].into_iter().collect();
        let mut simulation = Simulation::moving_only(&map, 3, &moving);
        for _ in 0..50 {
            simulation.tick();
        }
        let before = map.clone();
        simulation.apply(&mut map);
        for (a, b) in map.actors.iter().zip(&before.actors) {
            let moved = a.x != b.x || a.y != b.y;
            assert_eq!(moved, moving.contains(&a.id), "{}", a.id);
        }
    }

    #[test]
    fn free_spots_keep_clear_of_every_actor_and_each_other() {
        let mut map = Map::new("m".into(), "t", chrono::Utc::now(), Vec::new());
        for i in 0..60 {
            let mut a = Actor::new(format!("a{i}").into(), "a");
            a.x = (i % 8) as f64 * 30.0;
            a.y = (i / 8) as f64 * 30.0;
            map.actors.push(a);
        }
        let spots = free_spots(&map, 5, 7);
        assert_eq!(spots.len(), 5);
        for (k, s) in spots.iter().enumerate() {
            for a in &map.actors {
                assert!((s[0] - a.x).hypot(s[1] - a.y) >= START_CLEARANCE - 1e-9);
            }
            for t in &spots[k + 1..] {
                assert!((s[0] - t[0]).hypot(s[1] - t[1]) >= START_CLEARANCE - 1e-9);
            }
        }
        let empty = Map::new("e".into(), "t", chrono::Utc::now(), Vec::new());
        let first = free_spots(&empty, 1, 1)[0];
        assert!(first != [0.0, 0.0] && first[0].hypot(first[1]) < 2.0 * INITIAL_RADIUS);
    }

    use super::*;
    use crate::actor::Actor;
    use crate::labels::{place_labels, spots_around, LabelBox};
    use crate::relation::Relation;

    /// A map with actors v0..v(n−1) and the given relations.
    fn map_of(n: usize, relations: &[(usize, usize)]) -> Map {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut map = Map::new("m".into(), "Test", now, Vec::new());
        for i in 0..n {
            map.add_actor(Actor::new(format!("v{i}").into(), format!("Actor {i}")));
        }
        for (k, &(a, b)) in relations.iter().enumerate() {
            map.relations.push(Relation::new(
                format!("r{k}").into(),
                format!("v{a}").into(),
                format!("v{b}").into(),
            ));
        }
        map
    }

    /// A connected random graph: a random tree plus `extra` random relations.
    pub(crate) fn random_graph(n: usize, extra: usize, seed: u64) -> Map {
        let mut random = SplitMix64(seed);
        let mut pick = |bound: usize| (random.next_u64() % bound as u64) as usize;
        let mut relations: Vec<(usize, usize)> = (1..n).map(|i| (pick(i), i)).collect();
        relations.extend(
            (0..extra)
                .map(|_| (pick(n), pick(n)))
                .filter(|(a, b)| a != b),
        );
        map_of(n, &relations)
    }

    fn bits(positions: &[[f64; 2]]) -> Vec<[u64; 2]> {
        positions
            .iter()
            .map(|p| [p[0].to_bits(), p[1].to_bits()])
            .collect()
    }

    fn assert_finite(simulation: &Simulation) {
        for (i, p) in simulation.positions().iter().enumerate() {
            assert!(
                p[0].is_finite() && p[1].is_finite(),
                "actor {i} at {p:?} after {} ticks",
                simulation.ticks()
            );
        }
    }

    /// min x, min y, max x, max y of the given actors.
    fn bounding_box(positions: &[[f64; 2]], members: impl IntoIterator<Item = usize>) -> [f64; 4] {
        members.into_iter().fold(
            [
                f64::INFINITY,
                f64::INFINITY,
                f64::NEG_INFINITY,
                f64::NEG_INFINITY,
            ],
            |b, i| {
                let p = positions[i];
                [
                    b[0].min(p[0]),
                    b[1].min(p[1]),
                    b[2].max(p[0]),
                    b[3].max(p[1]),
                ]
            },
        )
    }

    fn boxes_overlap(a: [f64; 4], b: [f64; 4]) -> bool {
        a[0] <= b[2] && b[0] <= a[2] && a[1] <= b[3] && b[1] <= a[3]
    }

    #[test]
    fn alpha_cools_like_d3() {
        let mut simulation = Simulation::new(&random_graph(5, 2, 1), 1);
        assert_eq!(simulation.alpha(), 1.0);
        let mut ticks = 0;
        // Ignore early settling: this is about the cooling schedule alone.
        while simulation.alpha() >= ALPHA_MIN {
            simulation.tick();
            ticks += 1;
        }
        // 1 · (0.001^(1/300))^k falls below 0.001 at k = 300 (or 301 with rounding).
        assert!((300..=301).contains(&ticks), "{ticks} ticks");
        assert!(simulation.is_settled());
        // Reheating makes it run again; nonsense values are kept in range.
        simulation.set_alpha(0.3);
        assert!(!simulation.is_settled());
        assert_eq!(simulation.alpha(), 0.3);
        simulation.set_alpha(7.0);
        assert_eq!(simulation.alpha(), 1.0);
        simulation.set_alpha(f64::NAN);
        assert_eq!(simulation.alpha(), 1.0);
    }

    #[test]
    fn converges_on_a_fifty_actor_graph() {
        let map = random_graph(50, 30, 7);
        let mut simulation = Simulation::new(&map, 3);
        let mut first_still = None;
        for tick in 1..=300 {
            simulation.tick();
            if simulation.last_movement() < SETTLED_MOVEMENT {
                first_still = Some(tick);
                break;
            }
        }
        let tick = first_still.expect("still moving after 300 ticks");
        assert!(simulation.is_settled());
        assert!(tick > 20, "settled suspiciously early, after {tick} ticks");
        // Settled means laid out: related actors end up near their rest length, not on
        // top of each other and not flung apart.
        let p = simulation.positions();
        let lengths: Vec<f64> = map
            .relations
            .iter()
            .map(|r| {
                let (a, b) = (simulation.index[&r.from], simulation.index[&r.to]);
                ((p[a][0] - p[b][0]).powi(2) + (p[a][1] - p[b][1]).powi(2)).sqrt()
            })
            .collect();
        let mean = lengths.iter().sum::<f64>() / lengths.len() as f64;
        assert!(
            (0.5 * LINK_DISTANCE..3.0 * LINK_DISTANCE).contains(&mean),
            "mean relation length {mean}"
        );
    }

    #[test]
    fn all_actors_on_one_spot_stay_finite() {
        // Below and above the Barnes–Hut threshold, all on one point that counts as placed,
        // with relations between them.
        for n in [2, 30, EXACT_LIMIT + 50] {
            let mut map = random_graph(n, n / 2, n as u64);
            for actor in &mut map.actors {
                (actor.x, actor.y) = (120.0, -40.0);
            }
            let mut simulation = Simulation::new(&map, 9);
            for _ in 0..300 {
                simulation.tick();
                assert_finite(&simulation);
            }
            // They came apart: no two actors remain on the same spot.
            let mut spots: Vec<[u64; 2]> = bits(simulation.positions());
            spots.sort_unstable();
            spots.dedup();
            assert_eq!(spots.len(), n, "n = {n}");
        }
    }

    #[test]
    fn duplicate_and_corrupt_positions_stay_finite() {
        // Pairs of actors share spots, one pinned pair shares a spot, two related actors are
        // 10⁻¹⁷⁰ apart, and some positions are NaN, infinite or absurd (placed afresh).
        for n in [40, EXACT_LIMIT + 40] {
            let mut map = random_graph(n, n, 11);
            for (i, actor) in map.actors.iter_mut().enumerate() {
                (actor.x, actor.y) = ((i / 2) as f64 * 10.0, 5.0);
            }
            map.actors[0].pinned = true;
            map.actors[1].pinned = true;
            map.actors[4].x = f64::NAN;
            map.actors[5].y = f64::INFINITY;
            map.actors[6].x = 1e300;
            map.actors[7].pinned = true;
            map.actors[7].y = f64::NEG_INFINITY;
            // Placed but a hair apart: squared offsets this small underflow to zero.
            (map.actors[8].x, map.actors[8].y) = (1e-170, 1e-170);
            (map.actors[9].x, map.actors[9].y) = (2e-170, 3e-170);
            map.relations
                .push(Relation::new("hair".into(), "v8".into(), "v9".into()));
            let mut simulation = Simulation::new(&map, 2);
            for _ in 0..300 {
                simulation.tick();
                assert_finite(&simulation);
            }
            let mut laid_out = map.clone();
            simulation.apply(&mut laid_out);
            assert!(laid_out
                .actors
                .iter()
                .all(|a| a.x.is_finite() && a.y.is_finite() && a.x.abs() < 1e5));
        }
    }

    #[test]
    fn same_seed_gives_identical_positions_and_another_seed_does_not() {
        for n in [60, EXACT_LIMIT + 60] {
            let map = random_graph(n, n, 5);
            let run_with = |seed: u64| {
                let mut simulation = Simulation::new(&map, seed);
                for _ in 0..120 {
                    simulation.tick();
                }
                bits(simulation.positions())
            };
            assert_eq!(run_with(42), run_with(42), "n = {n}");
            assert_ne!(run_with(42), run_with(43), "n = {n}");
        }
    }

    #[test]
    fn pinned_actors_do_not_move_but_still_push() {
        for n in [20, EXACT_LIMIT + 20] {
            let mut map = random_graph(n, n / 2, 13);
            map.actors[0].pinned = true; // pinned at the origin: a place like any other
            map.actors[1].pinned = true;
            (map.actors[1].x, map.actors[1].y) = (300.0, -200.0);
            // An unplaced actor related only to the pinned one at (300, −200).
            map.relations
                .retain(|r| r.from.as_str() != "v2" && r.to.as_str() != "v2");
            map.relations
                .push(Relation::new("pin".into(), "v1".into(), "v2".into()));
            let before = map.clone();
            run(&mut map, 4, 300);
            assert_eq!((map.actors[0].x, map.actors[0].y), (0.0, 0.0));
            assert_eq!((map.actors[1].x, map.actors[1].y), (300.0, -200.0));
            // The others moved, and no free actor sits on a pinned one.
            assert!(map.actors[2..]
                .iter()
                .zip(&before.actors[2..])
                .any(|(a, b)| a.x != b.x));
            for actor in &map.actors[2..] {
                for pin in &map.actors[..2] {
                    let distance = ((actor.x - pin.x).powi(2) + (actor.y - pin.y).powi(2)).sqrt();
                    assert!(
                        distance > 10.0,
                        "n = {n}: {} at {distance} from {}",
                        actor.id,
                        pin.id
                    );
                }
            }
            // v2 hangs on its pinned neighbour at about a relation's length.
            let (v1, v2) = (&map.actors[1], &map.actors[2]);
            let distance = ((v1.x - v2.x).powi(2) + (v1.y - v2.y).powi(2)).sqrt();
            assert!(
                distance < 3.0 * LINK_DISTANCE,
                "n = {n}: v2 is {distance} from v1"
            );
        }
    }

    #[test]
    fn for_new_actors_moves_only_the_newcomers() {
        let mut map = random_graph(60, 30, 23);
        run(&mut map, 1, 300);
        let before = map.clone();
        // A loner and a newcomer related to two placed actors, both at the origin.
        map.add_actor(Actor::new("loner".into(), "Loner"));
        map.add_actor(Actor::new("joiner".into(), "Joiner"));
        map.relations
            .push(Relation::new("j1".into(), "joiner".into(), "v3".into()));
        map.relations
            .push(Relation::new("j2".into(), "joiner".into(), "v4".into()));
        let mut simulation = Simulation::for_new_actors(&map, 2);
        while !simulation.is_settled() {
            simulation.tick();
        }
        assert!(simulation.ticks() < 300);
        simulation.apply(&mut map);
        for (a, b) in map.actors.iter().zip(&before.actors) {
            assert_eq!(
                (a.x.to_bits(), a.y.to_bits()),
                (b.x.to_bits(), b.y.to_bits()),
                "{} moved",
                a.id
            );
        }
        let at = |id: &str| map.actor(&id.into()).map(|a| [a.x, a.y]).unwrap();
        let distance = |p: [f64; 2], q: [f64; 2]| (p[0] - q[0]).hypot(p[1] - q[1]);
        let (loner, joiner) = (at("loner"), at("joiner"));
        // The joiner sits near both its relations; the loner outside the map's box.
        assert!(
            distance(joiner, at("v3")) < 3.0 * LINK_DISTANCE
                && distance(joiner, at("v4")) < 3.0 * LINK_DISTANCE
        );
        let old = bounding_box(
            &before.actors.iter().map(|a| [a.x, a.y]).collect::<Vec<_>>(),
            0..60,
        );
        assert!(
            !boxes_overlap(old, [loner[0], loner[1], loner[0], loner[1]]),
            "loner at {loner:?} inside {old:?}"
        );
        for actor in &before.actors {
            assert!(
                distance(loner, [actor.x, actor.y]) > 20.0
                    && distance(joiner, [actor.x, actor.y]) > 20.0
            );
        }
    }

    #[test]
    fn a_new_actor_starts_next_to_its_placed_neighbour() {
        let mut map = map_of(3, &[(0, 1), (1, 2)]);
        (map.actors[0].x, map.actors[0].y) = (1000.0, 1000.0);
        (map.actors[1].x, map.actors[1].y) = (1080.0, 1000.0);
        let simulation = Simulation::new(&map, 1);
        let [x, y] = simulation.positions()[2];
        let distance = ((x - 1080.0).powi(2) + (y - 1000.0).powi(2)).sqrt();
        assert!(
            (0.5 * LINK_DISTANCE..=LINK_DISTANCE).contains(&distance),
            "{distance}"
        );
    }

    #[test]
    fn disconnected_parts_are_kept_apart_and_near() {
        // Two rings of 12, a path of 5 and three loners (6 parts); also above the Barnes–Hut
        // threshold, with a big part and many loners around it.
        let ring =
            |offset: usize, n: usize| (0..n).map(move |i| (offset + i, offset + (i + 1) % n));
        let small: Vec<(usize, usize)> = ring(0, 12)
            .chain(ring(12, 12))
            .chain((24..28).map(|i| (i, i + 1)))
            .collect();
        let mut big = random_graph(230, 200, 21);
        let loners = 40;
        for i in 230..230 + loners {
            big.add_actor(Actor::new(format!("v{i}").into(), format!("Actor {i}")));
        }
        let cases = [(map_of(32, &small), 6), (big, 1 + loners)];
        for (mut map, part_count) in cases {
            let n = map.actors.len();
            run(&mut map, 8, 1000);
            let positions: Vec<[f64; 2]> = map.actors.iter().map(|a| [a.x, a.y]).collect();
            let parts = Parts::new(
                n,
                &merged_links(&map, &Simulation::new(&map, 0).index, &vec![false; n]),
                &vec![false; n],
            );
            assert_eq!(parts.size.len(), part_count);
            let boxes: Vec<[f64; 4]> = (0..part_count)
                .map(|p| bounding_box(&positions, (0..n).filter(|&i| parts.of[i] == p)))
                .collect();
            for a in 0..part_count {
                for b in a + 1..part_count {
                    assert!(
                        !boxes_overlap(boxes[a], boxes[b]),
                        "n = {n}: parts {a} {:?} and {b} {:?} overlap",
                        boxes[a],
                        boxes[b]
                    );
                }
            }
            // Bounded: with gravity the extent stays within 3 relation lengths times √n
            // (here 1,024 for n = 32 and 2,788 for n = 270; without gravity 1,735 and 5,450).
            let all = bounding_box(&positions, 0..n);
            let extent = (all[2] - all[0]).max(all[3] - all[1]);
            assert!(
                extent < 3.0 * LINK_DISTANCE * (n as f64).sqrt(),
                "n = {n}: extent {extent}"
            );
        }
    }

    #[test]
    fn empty_and_single_actor_maps_work() {
        let mut empty = map_of(0, &[]);
        let mut simulation = Simulation::new(&empty, 1);
        assert!(simulation.is_settled());
        simulation.tick();
        assert!(simulation.positions().is_empty());
        assert_eq!(run(&mut empty, 1, 300), 0);

        let mut one = map_of(1, &[]);
        run(&mut one, 1, 300);
        let actor = &one.actors[0];
        assert!(actor.x.is_finite() && actor.y.is_finite());
        assert!(
            (actor.x, actor.y) != (0.0, 0.0),
            "the actor was given a place"
        );
        assert!(
            actor.x.hypot(actor.y) < LINK_DISTANCE,
            "a lone actor stays near the centre"
        );
    }

    #[test]
    fn apply_skips_actors_pinned_or_added_since() {
        let map = random_graph(4, 0, 3);
        let mut simulation = Simulation::new(&map, 1);
        simulation.tick();
        let mut changed = map.clone();
        changed.actors[1].pinned = true;
        (changed.actors[1].x, changed.actors[1].y) = (7.0, 8.0);
        changed.add_actor(Actor::new("new".into(), "New"));
        changed.actors.swap(0, 3);
        simulation.apply(&mut changed);
        assert_eq!((changed.actors[1].x, changed.actors[1].y), (7.0, 8.0));
        assert_eq!((changed.actors[4].x, changed.actors[4].y), (0.0, 0.0));
        // Found by id, not by place in the list.
        assert_eq!(
            [changed.actors[0].x, changed.actors[0].y],
            simulation.positions()[3]
        );
        assert_eq!(
            [changed.actors[3].x, changed.actors[3].y],
            simulation.positions()[0]
        );
    }

    #[test]
    fn barnes_hut_is_close_to_exact_repulsion() {
        // The same configuration through both paths: the approximation must stay within a
        // few per cent of the exact forces in total.
        let map = random_graph(EXACT_LIMIT + 100, 0, 17);
        let mut exact = Simulation::new(&map, 5);
        let mut approximate = exact.clone();
        exact.velocity.iter_mut().for_each(|v| *v = [0.0; 2]);
        approximate.velocity.iter_mut().for_each(|v| *v = [0.0; 2]);
        exact.apply_charge_exact();
        approximate.apply_charge_barnes_hut();
        let (mut error, mut total) = (0.0, 0.0);
        for (a, b) in exact.velocity.iter().zip(&approximate.velocity) {
            error += (a[0] - b[0]).hypot(a[1] - b[1]);
            total += a[0].hypot(a[1]);
        }
        assert!(total > 0.0);
        assert!(error / total < 0.05, "relative error {}", error / total);
    }
}
