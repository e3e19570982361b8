//! The force layout of the network map, run outside the document: a slice per animation
//! frame on the page for a small map, in the layout worker for a large one. While it runs,
//! positions live in the view's layer (one signal per actor) and the document gets one
//! `MoveActors` when it settles. The loop is owned by a handle that stops when the view
//! unmounts; it touches only reference-counted state, never a disposed signal.

use crate::app::Doc;
use crate::browser::now_ms;
use crate::ui::map::network::Size;
use crate::worker::{self, Remote, AWAY_FROM};
use leptos::prelude::*;
use samverkan_model::history::StepId;
use samverkan_model::layout::{Simulation, COLLIDE_UP_TO};
use samverkan_model::layout_job::LayoutJob;
use samverkan_model::{ActorId, Command, Map, Placement};
use std::cell::{Cell, RefCell};
use std::collections::{HashMap, HashSet};
use std::rc::Rc;

/// Time the layout may take per animation frame, so typing and dragging stay smooth.
const FRAME_BUDGET_MS: f64 = 8.0;
/// How many actors are moved on screen per frame while the layout runs: a large map is
/// redrawn a part per frame (its nodes with their lines), so no frame takes long.
const DRAWN_PER_FRAME: usize = 150;
/// Alpha of a run after an edit: enough for newcomers to find their place among the
/// neighbours that make room for them.
const GENTLE_ALPHA: f64 = 0.5;

/// What a finished run writes into the document, and how.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Purpose {
    /// Actors had no position when the map opened: not an undo step.
    Place,
    /// Placing what an edit added: part of that edit's undo step.
    After(StepId),
    /// `Rearrange`: every actor unpinned and laid out anew, one undo step.
    Rearrange,
    /// The force layout chosen in `Layout`: laid out anew around the pinned actors, one
    /// undo step.
    Relayout,
}

impl Purpose {
    /// A run the user asked for, that moves everyone (as opposed to placing what is new).
    pub fn lays_out_all(self) -> bool {
        matches!(self, Purpose::Rearrange | Purpose::Relayout)
    }
}

/// A position held by the view: the layout's or a drag's, before it is in the document.
pub type Held = ArcRwSignal<Option<(f64, f64)>>;

/// The positions the view holds, by actor (created on first use).
#[derive(Clone)]
pub struct Layer {
    slots: send_wrapper::SendWrapper<Rc<RefCell<HashMap<ActorId, Held>>>>,
    /// Told when many held positions change at once (a layout's frame, a release): the
    /// still lines follow this one signal instead of a thousand slots, which cost each
    /// layout frame 10–30 ms of re-subscribing on a 1k map.
    moved: ArcTrigger,
}

impl Default for Layer {
    fn default() -> Self {
        Self {
            slots: send_wrapper::SendWrapper::new(Rc::default()),
            moved: ArcTrigger::new(),
        }
    }
}

impl Layer {
    /// The held-position signal of one actor.
    pub fn slot(&self, id: &ActorId) -> Held {
        // Looked up before it is added: the lines ask for every actor's on each redraw.
        if let Some(held) = self.slots.borrow().get(id) {
            return held.clone();
        }
        self.slots
            .borrow_mut()
            .entry(id.clone())
            .or_insert_with(|| ArcRwSignal::new(None))
            .clone()
    }

    /// An actor's held position, read untracked and without making a slot for it: the
    /// still lines read every actor's on each redraw, and a map opened with none held
    /// made a thousand slots on its first (12 ms of a task under the profiler).
    pub fn peek(&self, id: &ActorId) -> Option<(f64, f64)> {
        self.slots
            .borrow()
            .get(id)
            .and_then(|held| held.get_untracked())
    }

    /// Subscribes the running effect to moves of many actors at once (see `moved`); a
    /// single actor's hold, a drag's, is not among them: its lines are drawn apart.
    pub fn track_moves(&self) {
        self.moved.track();
    }

    /// Tells the still lines that held positions changed (see `moved`).
    fn moved_many(&self) {
        self.moved.notify();
    }

    /// Holds a position (no-op when it is already there to a tenth of a pixel); true
    /// when it changed.
    pub fn hold(&self, id: &ActorId, at: (f64, f64)) -> bool {
        let slot = self.slot(id);
        let same = slot.with_untracked(|held| {
            held.is_some_and(|(x, y)| (x - at.0).abs() < 0.1 && (y - at.1).abs() < 0.1)
        });
        if !same {
            slot.set(Some(at));
        }
        !same
    }

    /// Lets every actor whose held position is not its document position show the
    /// document's again.
    pub fn release_stale(&self, doc: Doc) {
        let mut released = false;
        for (id, slot) in self.slots.borrow().iter() {
            let Some(held) = slot.get_untracked() else {
                continue;
            };
            let current = doc.actor(id).map(|a| a.with_untracked(|a| (a.x, a.y)));
            if current != Some(held) {
                slot.set(None);
                released = true;
            }
        }
        if released {
            self.moved_many();
        }
    }

    pub fn release(&self, id: &ActorId) {
        if let Some(slot) = self.slots.borrow().get(id) {
            slot.set(None);
            self.moved_many();
        }
    }

    /// The map with held positions written in (to start a layout from what is on screen).
    fn applied_to(&self, map: &Map) -> Map {
        let mut map = map.clone();
        for actor in &mut map.actors {
            if let Some((x, y)) = self.peek(&actor.id) {
                (actor.x, actor.y) = (x, y);
            }
        }
        map
    }
}

/// Told what a run was for once it has written its result.
pub type SettledHook = Box<dyn Fn(Purpose)>;

/// Where a run's ticks happen.
enum Engine {
    /// On the page, a slice per frame.
    Here(Box<Simulation>),
    /// In the layout worker; its latest positions are drawn once per frame.
    Away {
        job: Box<LayoutJob>,
        remote: Box<dyn Remote>,
    },
}

impl Engine {
    fn of(job: LayoutJob) -> Self {
        // A large map is laid out in the worker, so the page stays free for typing and
        // dragging; a smaller one settles within a few frames' slices here.
        if job.map.actors.len() >= AWAY_FROM {
            if let Some(remote) = worker::send(&job) {
                let job = Box::new(job);
                return Engine::Away { job, remote };
            }
        }
        Engine::Here(Box::new(job.simulation()))
    }

    /// A frame's share of the run: ticks here, or the worker's latest report. True once
    /// the layout has settled.
    fn advance(&mut self, canvas: [f64; 2]) -> bool {
        match self {
            Engine::Here(simulation) => {
                let start = now_ms();
                simulation.set_canvas(canvas);
                while !simulation.is_settled() && now_ms() - start < FRAME_BUDGET_MS {
                    simulation.tick();
                }
                simulation.is_settled()
            }
            Engine::Away { job, remote } => match remote.advance(canvas) {
                Some(settled) => settled,
                // The worker cannot: the run starts again here.
                None => {
                    *self = Engine::Here(Box::new(job.simulation()));
                    false
                }
            },
        }
    }

    /// Where everyone is, in the order of the run's ids (nothing before the worker's
    /// first report).
    fn positions(&self) -> &[[f64; 2]] {
        match self {
            Engine::Here(simulation) => simulation.positions(),
            Engine::Away { remote, .. } => remote.positions(),
        }
    }
}

struct Run {
    engine: Engine,
    /// The actors, in the order of the engine's positions.
    ids: Vec<ActorId>,
    purpose: Purpose,
    /// For a run after an edit: the only actors that may move.
    moving: Option<HashSet<ActorId>>,
    /// Where the next partial drawing starts.
    next_drawn: usize,
}

/// Starts, restarts and stops the layout of one mounted network view.
#[derive(Clone)]
pub struct LayoutRunner {
    doc: Doc,
    layer: Layer,
    /// The canvas's size in CSS pixels: a layout fills its shape and keeps room for names.
    canvas: RwSignal<Size>,
    run: Rc<RefCell<Option<Run>>>,
    /// False once the view is gone: the frame loop ends at its next frame.
    alive: Rc<Cell<bool>>,
    /// Bumped by every start and stop, so an old frame loop knows it is superseded.
    generation: Rc<Cell<u64>>,
    /// The actor being dragged: its held position is the pointer's, not the layout's.
    pub dragging: Rc<RefCell<Option<ActorId>>>,
    seed: Rc<Cell<u64>>,
    /// Shown as `data-layout` on the SVG (`running` or `idle`) and disables `Rearrange`.
    pub running: ArcRwSignal<bool>,
    /// While a run after an edit goes on: the only actors it moves (the view draws their
    /// lines apart, so the rest are not redrawn every frame).
    pub moving: ArcRwSignal<Option<HashSet<ActorId>>>,
    /// Called with the purpose when a run has written its result.
    pub on_settled: Rc<RefCell<Option<SettledHook>>>,
}

impl LayoutRunner {
    pub fn new(doc: Doc, layer: Layer, canvas: RwSignal<Size>) -> Self {
        Self {
            doc,
            layer,
            canvas,
            run: Rc::default(),
            alive: Rc::new(Cell::new(true)),
            generation: Rc::default(),
            dragging: Rc::default(),
            seed: Rc::new(Cell::new(1)),
            running: ArcRwSignal::new(false),
            moving: ArcRwSignal::new(None),
            on_settled: Rc::default(),
        }
    }

    fn canvas_size(&self) -> [f64; 2] {
        self.canvas.with_untracked(|s| [s.width, s.height])
    }

    /// Ends the loop for good (the view unmounts).
    pub fn shut_down(&self) {
        self.alive.set(false);
        self.stop();
    }

    /// Stops a run without writing anything; positions held apart from the document's
    /// are released (the document changed under them: an undo, another map).
    pub fn stop(&self) {
        self.generation.set(self.generation.get() + 1);
        self.run.borrow_mut().take();
        self.layer.release_stale(self.doc);
        self.running.set(false);
        self.moving.set(None);
    }

    pub fn is_running(&self) -> bool {
        self.run.borrow().is_some()
    }

    /// Whether a run is under way on the page (not in the layout worker), taking its share
    /// of every frame.
    pub fn runs_here(&self) -> bool {
        let run = self.run.borrow();
        run.as_ref()
            .is_some_and(|r| matches!(r.engine, Engine::Here(_)))
    }

    /// Starts a run for `purpose` from the positions on screen. A run already going on is
    /// replaced; its work so far is kept, since the new one starts where it stood.
    pub fn start(&self, purpose: Purpose) {
        self.start_moving(purpose, None);
    }

    /// Starts a run after an edit in which only `moving` (what it added and their
    /// neighbours) may move, so the picture the room is reading stays put.
    pub fn start_around(&self, step: StepId, moving: HashSet<ActorId>) {
        self.start_moving(Purpose::After(step), Some(moving));
    }

    fn start_moving(&self, purpose: Purpose, moving: Option<HashSet<ActorId>>) {
        if !self.alive.get() {
            return;
        }
        let (running_purpose, mut moving) = {
            let run = self.run.borrow();
            let purpose = run.as_ref().map(|r| r.purpose);
            // Actors a run still going on was moving keep moving.
            let before = run.as_ref().and_then(|r| r.moving.clone());
            (
                purpose,
                moving.map(|m| m.into_iter().chain(before.unwrap_or_default()).collect()),
            )
        };
        // A rearranging or placing run keeps its purpose (and moves everyone) when an edit
        // comes in meanwhile.
        let purpose = match (running_purpose, purpose) {
            (Some(running), Purpose::After(_)) if running.lays_out_all() => running,
            (Some(Purpose::Place), Purpose::After(_)) => Purpose::Place,
            (_, purpose) => purpose,
        };
        if !matches!(purpose, Purpose::After(_)) {
            moving = None;
        }
        let layer = self.layer.clone();
        let built = self.doc.with_map(|map| {
            let mut map = layer.applied_to(map);
            if purpose == Purpose::Rearrange {
                map.actors.iter_mut().for_each(|a| a.pinned = false);
            }
            // Names keep room only on maps the layout parts by collision.
            let labels = if map.actors.len() <= COLLIDE_UP_TO {
                map.actors
                    .iter()
                    .map(crate::ui::map::network::label_size)
                    .collect()
            } else {
                Vec::new()
            };
            LayoutJob {
                seed: self.seed.get(),
                moving: moving.clone().map(|m| (m, GENTLE_ALPHA)),
                labels,
                canvas: self.canvas_size(),
                map,
            }
        });
        let Some(job) = built else {
            return;
        };
        let ids = job.map.actors.iter().map(|a| a.id.clone()).collect();
        self.moving.set(moving.clone());
        *self.run.borrow_mut() = Some(Run {
            engine: Engine::of(job),
            ids,
            purpose,
            moving,
            next_drawn: 0,
        });
        self.generation.set(self.generation.get() + 1);
        self.running.set(true);
        self.next_frame(self.generation.get());
    }

    /// A new seed, so `Rearrange` gives another picture each time.
    pub fn reseed(&self) {
        self.seed.set(self.seed.get() + 1);
    }

    fn next_frame(&self, generation: u64) {
        let runner = self.clone();
        request_animation_frame(move || {
            if runner.alive.get() && runner.generation.get() == generation {
                runner.frame(generation);
            }
        });
    }

    fn frame(&self, generation: u64) {
        let settled = {
            let mut slot = self.run.borrow_mut();
            let Some(run) = slot.as_mut() else {
                return;
            };
            let settled = run.engine.advance(self.canvas_size());
            if !settled {
                let positions = run.engine.positions();
                run.next_drawn = self.draw(&run.ids, positions, run.next_drawn, &run.moving);
            }
            settled
        };
        if !settled {
            return self.next_frame(generation);
        }
        // The result is written in a task of its own after this frame (the thousand nodes
        // it moves are drawn in the next), unless the run was stopped or replaced meanwhile.
        let runner = self.clone();
        crate::browser::after_ms(0, move || {
            if !runner.alive.get() || runner.generation.get() != generation {
                return;
            }
            let run = runner.run.borrow_mut().take();
            if let Some(run) = run {
                runner.finish(run, generation);
            }
        });
    }

    /// Moves the next [`DRAWN_PER_FRAME`] actors from `from` on screen; returns where the
    /// next drawing starts. The still lines are told only when an actor outside `moving`
    /// (whose lines are drawn apart, following their own slots) changed place.
    fn draw(
        &self,
        ids: &[ActorId],
        positions: &[[f64; 2]],
        from: usize,
        moving: &Option<HashSet<ActorId>>,
    ) -> usize {
        if positions.len() != ids.len() {
            return from;
        }
        let dragging = self.dragging.borrow();
        let from = if from >= ids.len() { 0 } else { from };
        let to = (from + DRAWN_PER_FRAME).min(ids.len());
        let mut still_moved = false;
        for (id, [x, y]) in ids[from..to].iter().zip(&positions[from..to]) {
            if dragging.as_ref() != Some(id) && self.layer.hold(id, (*x, *y)) {
                still_moved |= moving.as_ref().is_none_or(|m| !m.contains(id));
            }
        }
        if still_moved {
            self.layer.moved_many();
        }
        to
    }

    /// Writes the settled positions into the document, then lets go of the held ones; the
    /// run is over in the next task (see [`Self::ended`]).
    fn finish(&self, run: Run, generation: u64) {
        let rearrange = run.purpose == Purpose::Rearrange;
        let placements: Vec<Placement> = self
            .doc
            .with_map(|map| {
                let index = map.actor_index();
                run.ids
                    .iter()
                    .zip(run.engine.positions())
                    .filter_map(|(id, &[x, y])| {
                        let actor = &map.actors[*index.get(id)?];
                        // A pinned actor stays put, unless everything is being rearranged.
                        let moved = actor.x != x || actor.y != y || (rearrange && actor.pinned);
                        ((rearrange || !actor.pinned) && moved).then(|| Placement {
                            id: id.clone(),
                            x,
                            y,
                            pinned: false,
                        })
                    })
                    .collect()
            })
            .unwrap_or_default();
        if !placements.is_empty() {
            let command = Command::MoveActors(placements);
            match run.purpose {
                Purpose::Place => self.doc.place_unrecorded(command),
                Purpose::After(step) => {
                    self.doc.dispatch_into(command, step);
                }
                Purpose::Rearrange | Purpose::Relayout => {
                    self.doc.dispatch(command);
                }
            }
        }
        // Held positions that match the document's stay (letting go of a thousand of them
        // would redraw every node and line once more for nothing); those drawn a few ticks
        // before the end, or not drawn since a partial drawing, go to the final place.
        self.layer.release_stale(self.doc);
        let runner = self.clone();
        let purpose = run.purpose;
        crate::browser::after_ms(0, move || {
            if runner.alive.get() && runner.generation.get() == generation {
                runner.ended(purpose);
            }
        });
    }

    /// The run is over: what waits for that (the labels pass, the fit to the screen) comes
    /// in a task of its own, apart from the write of a thousand positions (one task of
    /// 75–100 ms on a 1k map when they came together).
    fn ended(&self, purpose: Purpose) {
        self.running.set(false);
        self.moving.set(None);
        if let Some(settled) = self.on_settled.borrow().as_ref() {
            settled(purpose);
        }
    }
}

/// True when some actor has never been placed (at the origin and not pinned).
pub fn needs_placing(map: &Map) -> bool {
    map.actors
        .iter()
        .any(|a| !a.pinned && a.x == 0.0 && a.y == 0.0)
}
