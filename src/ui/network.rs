//! The network map: actors as circles (colour by sector, size by influence), relations as
//! lines styled by kind; drag to move and pin, pan and zoom, fit, find, filter, and the
//! selected actor's neighbourhood highlighted. Layout runs in the model, a slice per frame.

use super::svg::to_svg_point;
use super::texts;
use crate::state::{use_app_state, AppState};
use leptos::prelude::*;
use leptos::web_sys;
use samverkan_model::layout::Simulation;
use samverkan_model::{ActorId, Level, Map, Relation, RelationKind};
use std::cell::RefCell;
use std::collections::HashSet;
use std::rc::Rc;

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 640.0;
/// Time the layout may take per animation frame, so typing and dragging stay smooth.
const FRAME_BUDGET_MS: f64 = 10.0;

/// Pan and zoom: map coordinates are shown at `scale`, shifted by (`x`, `y`).
#[derive(Clone, Copy, Debug, PartialEq)]
struct Camera {
    x: f64,
    y: f64,
    scale: f64,
}

impl Camera {
    fn to_map(self, (sx, sy): (f64, f64)) -> (f64, f64) {
        ((sx - self.x) / self.scale, (sy - self.y) / self.scale)
    }

    /// A camera that shows every actor with a margin.
    fn fit(map: &Map) -> Camera {
        if map.actors.is_empty() {
            return Camera {
                x: WIDTH / 2.0,
                y: HEIGHT / 2.0,
                scale: 1.0,
            };
        }
        let (mut x0, mut y0, mut x1, mut y1) = (f64::MAX, f64::MAX, f64::MIN, f64::MIN);
        for a in &map.actors {
            x0 = x0.min(a.x);
            y0 = y0.min(a.y);
            x1 = x1.max(a.x);
            y1 = y1.max(a.y);
        }
        let margin = 80.0;
        let scale = ((WIDTH - 2.0 * margin) / (x1 - x0).max(1.0))
            .min((HEIGHT - 2.0 * margin) / (y1 - y0).max(1.0))
            .clamp(0.05, 2.5);
        Camera {
            x: WIDTH / 2.0 - scale * (x0 + x1) / 2.0,
            y: HEIGHT / 2.0 - scale * (y0 + y1) / 2.0,
            scale,
        }
    }
}

/// What the pointer is doing on the canvas.
#[derive(Clone, Debug, PartialEq)]
enum Gesture {
    None,
    Pan { from: (f64, f64), camera: Camera },
    Drag(ActorId),
}

/// Which actors the filters let through (the rest are dimmed, not hidden, so the room
/// keeps its bearings).
#[derive(Clone, Debug, Default, PartialEq)]
struct Filter {
    sector: String,
    level: String,
    tag: String,
}

impl Filter {
    fn passes(&self, actor: &samverkan_model::Actor) -> bool {
        (self.sector.is_empty() || actor.sector.as_str() == self.sector)
            && (self.level.is_empty() || actor.level.as_str() == self.level)
            && (self.tag.is_empty() || actor.tags.iter().any(|t| t.eq_ignore_ascii_case(&self.tag)))
    }
}

fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map(|p| p.now())
        .unwrap_or(0.0)
}

/// True when some actor has never been placed (new actors start at the origin).
fn needs_layout(map: &Map) -> bool {
    map.actors
        .iter()
        .any(|a| !a.pinned && a.x == 0.0 && a.y == 0.0)
}

/// How far a layout run may move the picture.
#[derive(Clone, Copy, PartialEq)]
enum Scope {
    /// After actors or relations were added: a warm restart (alpha 0.3) that places the
    /// newcomers and eases overlaps while the picture the room knows stays recognisable.
    Gentle,
    /// Everything not pinned, from scratch (the Rearrange button).
    All,
}

/// Alpha of a gentle run: enough to separate overlaps, little enough to keep the shape.
const GENTLE_ALPHA: f64 = 0.3;

/// Runs the layout a slice per animation frame and writes positions back as one undo step.
fn run_layout(state: AppState, running: RwSignal<bool>, seed: u64, scope: Scope) {
    let build = |m: &Map| {
        let mut simulation = Simulation::new(m, seed);
        if scope == Scope::Gentle {
            simulation.set_alpha(GENTLE_ALPHA);
        }
        simulation
    };
    let Some(simulation) = state.current.with_untracked(|c| c.as_ref().map(build)) else {
        return;
    };
    running.set(true);
    let key = format!("layout:{seed}");
    step_layout(state, running, Rc::new(RefCell::new(simulation)), key);
}

fn step_layout(
    state: AppState,
    running: RwSignal<bool>,
    simulation: Rc<RefCell<Simulation>>,
    key: String,
) {
    request_animation_frame(move || {
        if !running.get_untracked() {
            return;
        }
        let start = now_ms();
        let settled = {
            let mut sim = simulation.borrow_mut();
            while !sim.is_settled() && now_ms() - start < FRAME_BUDGET_MS {
                sim.tick();
            }
            sim.is_settled()
        };
        let sim = Rc::clone(&simulation);
        state.edit(Some(&key), move |map| sim.borrow().apply(map));
        if settled {
            running.set(false);
            state.seal_step();
        } else {
            step_layout(state, running, simulation, key);
        }
    });
}

#[component]
pub fn NetworkMap() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let camera = RwSignal::new(
        state
            .current
            .with_untracked(|c| c.as_ref().map(Camera::fit))
            .unwrap_or(Camera {
                x: 0.0,
                y: 0.0,
                scale: 1.0,
            }),
    );
    let gesture = RwSignal::new(Gesture::None);
    let selected = super::panel::use_selection().0;
    let filter = RwSignal::new(Filter::default());
    let running = RwSignal::new(false);
    let seed = RwSignal::new(1u64);

    // New actors (at the origin) get placed as soon as the map shows them, and a new
    // relation pulls its ends together.
    Effect::new(move |previous_relations: Option<usize>| {
        let (pending, relations) = state.current.with(|c| {
            c.as_ref()
                .map(|m| (needs_layout(m), m.relations.len()))
                .unwrap_or((false, 0))
        });
        let linked = previous_relations.is_some_and(|before| relations > before);
        if (pending || linked) && !running.get_untracked() {
            run_layout(state, running, seed.get_untracked(), Scope::Gentle);
        }
        relations
    });
    // Fit once the first layout has settled.
    Effect::new(move |was_running: Option<bool>| {
        let now = running.get();
        if was_running == Some(true) && !now {
            if let Some(fit) = state
                .current
                .with_untracked(|c| c.as_ref().map(Camera::fit))
            {
                camera.set(fit);
            }
        }
        now
    });
    on_cleanup(move || running.set(false));

    let svg_point = move |x: i32, y: i32| {
        let svg: web_sys::SvgsvgElement =
            wasm_bindgen::JsCast::unchecked_into(svg_ref.get_untracked()?);
        to_svg_point(&svg, x as f64, y as f64)
    };
    let on_background_down = move |ev: web_sys::PointerEvent| {
        if let Some(point) = svg_point(ev.client_x(), ev.client_y()) {
            gesture.set(Gesture::Pan {
                from: point,
                camera: camera.get_untracked(),
            });
            selected.set(None);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        let Some(point) = svg_point(ev.client_x(), ev.client_y()) else {
            return;
        };
        match gesture.get_untracked() {
            Gesture::None => {}
            Gesture::Pan {
                from,
                camera: start,
            } => {
                camera.set(Camera {
                    x: start.x + point.0 - from.0,
                    y: start.y + point.1 - from.1,
                    ..start
                });
            }
            Gesture::Drag(id) => {
                let (x, y) = camera.get_untracked().to_map(point);
                let key = format!("drag:{id}");
                state.edit(Some(&key), move |map| {
                    if let Some(actor) = map.actor_mut(&id) {
                        actor.x = x;
                        actor.y = y;
                        actor.pinned = true;
                    }
                });
            }
        }
    };
    let on_up = move |_| {
        if matches!(gesture.get_untracked(), Gesture::Drag(_)) {
            state.seal_step();
        }
        gesture.set(Gesture::None);
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(point) = svg_point(ev.client_x(), ev.client_y()) else {
            return;
        };
        let factor = if ev.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
        camera.update(|c| zoom_around(c, point, factor));
    };
    let zoom =
        move |factor: f64| camera.update(|c| zoom_around(c, (WIDTH / 2.0, HEIGHT / 2.0), factor));
    let fit = move |_| {
        if let Some(fit) = state
            .current
            .with_untracked(|c| c.as_ref().map(Camera::fit))
        {
            camera.set(fit);
        }
    };
    let relayout = move |_| {
        state.edit(None, |map| {
            map.actors.iter_mut().for_each(|a| a.pinned = false)
        });
        seed.update(|s| *s += 1);
        run_layout(state, running, seed.get_untracked(), Scope::All);
    };
    let find = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        let query = event_target_value(&ev).trim().to_lowercase();
        let found = state.current.with_untracked(|c| {
            c.as_ref().and_then(|m| {
                m.actors
                    .iter()
                    .find(|a| a.name.to_lowercase().contains(&query))
                    .map(|a| (a.id.clone(), a.x, a.y))
            })
        });
        if let Some((id, x, y)) = found {
            selected.set(Some(id));
            camera.update(|c| {
                c.scale = c.scale.max(1.0);
                c.x = WIDTH / 2.0 - x * c.scale;
                c.y = HEIGHT / 2.0 - y * c.scale;
            });
        }
    };

    let neighbours = Memo::new(move |_| {
        let id = selected.get()?;
        state.current.with(|c| {
            c.as_ref().map(|m| {
                let mut set: HashSet<ActorId> = m
                    .relations
                    .iter()
                    .filter(|r| r.touches(&id))
                    .flat_map(|r| [r.from.clone(), r.to.clone()])
                    .collect();
                set.insert(id.clone());
                set
            })
        })
    });
    let relation_ids = move || {
        state.current.with(|c| {
            c.as_ref()
                .map(|m| m.relations.iter().map(|r| r.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let actor_ids = move || {
        state.current.with(|c| {
            c.as_ref()
                .map(|m| m.actors.iter().map(|a| a.id.clone()).collect::<Vec<_>>())
                .unwrap_or_default()
        })
    };
    let sectors = move || {
        state
            .current
            .with(|c| c.as_ref().map(|m| m.sectors.clone()).unwrap_or_default())
    };
    let tags = move || {
        state.current.with(|c| {
            let mut tags: Vec<String> = c
                .as_ref()
                .map(|m| {
                    m.actors
                        .iter()
                        .flat_map(|a| a.tags.iter().cloned())
                        .collect()
                })
                .unwrap_or_default();
            tags.sort();
            tags.dedup();
            tags
        })
    };
    let context = NetworkContext {
        camera,
        gesture,
        selected,
        filter,
        neighbours,
    };

    view! {
        <section class="networkview">
            <div class="maptools" role="toolbar" aria-label=move || t().map_tools>
                <input type="search" aria-label=move || t().find_actor placeholder=move || t().find_actor on:keydown=find/>
                <select aria-label=move || t().filter_sector on:change=move |ev| filter.update(|f| f.sector = event_target_value(&ev))>
                    <option value="">{move || t().all_sectors}</option>
                    {move || sectors().into_iter().map(|s| view! { <option value=s.id.0.clone()>{s.label.clone()}</option> }).collect_view()}
                </select>
                <select aria-label=move || t().filter_level on:change=move |ev| filter.update(|f| f.level = event_target_value(&ev))>
                    <option value="">{move || t().all_levels}</option>
                    {Level::ALL.into_iter().map(|l| view! { <option value=l.as_str()>{move || (t().level_label)(l)}</option> }).collect_view()}
                </select>
                <select aria-label=move || t().filter_tag on:change=move |ev| filter.update(|f| f.tag = event_target_value(&ev))>
                    <option value="">{move || t().all_tags}</option>
                    {move || tags().into_iter().map(|tag| view! { <option value=tag.clone()>{tag.clone()}</option> }).collect_view()}
                </select>
                <button on:click=move |_| zoom(1.25) aria-label=move || t().zoom_in>"+"</button>
                <button on:click=move |_| zoom(0.8) aria-label=move || t().zoom_out>"−"</button>
                <button on:click=fit>{move || t().fit_to_screen}</button>
                <button on:click=relayout disabled=move || running.get()>{move || t().rearrange}</button>
                <button on:click=move |_| { if let Some(m) = state.current.get_untracked() { super::picture::export_svg(&m, "svg.network", "map") } }>{move || t().export_svg}</button>
                <button on:click=move |_| { if let Some(m) = state.current.get_untracked() { super::picture::export_png(&m, "svg.network", "map") } }>{move || t().export_png}</button>
            </div>
            <svg node_ref=svg_ref class="network" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group"
                aria-label=move || t().network_title
                on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up on:wheel=on_wheel>
                <defs>
                    <marker id="arrow" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="arrowhead"/>
                    </marker>
                </defs>
                <rect class="background" width=WIDTH height=HEIGHT on:pointerdown=on_background_down/>
                <g transform=move || { let c = camera.get(); format!("translate({:.2} {:.2}) scale({:.4})", c.x, c.y, c.scale) }>
                    <For each=relation_ids key=|id| id.clone() let:id>
                        <RelationLine id=id context=context/>
                    </For>
                    <For each=actor_ids key=|id| id.clone() let:id>
                        <ActorNode id=id context=context/>
                    </For>
                </g>
            </svg>
            <Legend/>
            <p class="hint">{move || t().network_hint}</p>
        </section>
    }
}

fn zoom_around(camera: &mut Camera, (px, py): (f64, f64), factor: f64) {
    let scale = (camera.scale * factor).clamp(0.05, 6.0);
    let applied = scale / camera.scale;
    camera.x = px - (px - camera.x) * applied;
    camera.y = py - (py - camera.y) * applied;
    camera.scale = scale;
}

/// The view state the nodes and lines share.
#[derive(Clone, Copy)]
struct NetworkContext {
    camera: RwSignal<Camera>,
    gesture: RwSignal<Gesture>,
    selected: RwSignal<Option<ActorId>>,
    filter: RwSignal<Filter>,
    neighbours: Memo<Option<HashSet<ActorId>>>,
}

/// Node radius by influence (1..5).
fn radius(influence: i64) -> f64 {
    9.0 + 4.0 * influence.clamp(1, 5) as f64
}

#[component]
fn ActorNode(id: ActorId, context: NetworkContext) -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let actor = super::actor_memo(state, id.clone());
    let color = super::sector_color(state, actor);
    let dimmed = {
        let id = id.clone();
        move || {
            let filtered = actor.with(|a| {
                a.as_ref()
                    .is_some_and(|a| !context.filter.with(|f| f.passes(a)))
            });
            let outside = context
                .neighbours
                .with(|n| n.as_ref().is_some_and(|n| !n.contains(&id)));
            filtered || outside
        }
    };
    let is_selected = {
        let id = id.clone();
        Memo::new(move |_| context.selected.with(|s| s.as_ref() == Some(&id)))
    };
    let on_down = {
        let id = id.clone();
        move |ev: web_sys::PointerEvent| {
            ev.stop_propagation();
            let previous = context.selected.get_untracked();
            if ev.shift_key() {
                if let Some(from) = previous.filter(|p| p != &id) {
                    let to = id.clone();
                    state.edit(None, move |map| {
                        let exists = map.relations.iter().any(|r| {
                            (r.from == from && r.to == to) || (r.from == to && r.to == from)
                        });
                        if !exists {
                            map.add_relation(Relation::new(
                                crate::browser::new_id().into(),
                                from,
                                to,
                            ));
                        }
                    });
                    context.selected.set(Some(id.clone()));
                    return;
                }
            }
            context.selected.set(Some(id.clone()));
            state.seal_step();
            context.gesture.set(Gesture::Drag(id.clone()));
        }
    };
    let label = move || {
        actor
            .with(|a| {
                a.as_ref().map(|a| {
                    if a.short_name.is_empty() {
                        a.name.clone()
                    } else {
                        a.short_name.clone()
                    }
                })
            })
            .unwrap_or_default()
    };
    let aria = move || {
        actor
            .with(|a| {
                a.as_ref()
                    .map(|a| (t().network_actor_label)(&a.name, a.influence))
            })
            .unwrap_or_default()
    };
    let r = move || {
        actor
            .with(|a| a.as_ref().map(|a| radius(a.influence)))
            .unwrap_or(10.0)
    };
    view! {
        <g class="node" class:dimmed=dimmed class:selected=is_selected class:pinned=move || actor.with(|a| a.as_ref().is_some_and(|a| a.pinned))
            transform=move || actor.with(|a| a.as_ref().map(|a| format!("translate({:.1} {:.1})", a.x, a.y))).unwrap_or_default()
            role="button" tabindex="0" aria-label=aria aria-pressed=move || is_selected.get().to_string()
            on:pointerdown=on_down>
            <circle r=r fill=color/>
            <text y=move || r() + 16.0 text-anchor="middle" class="node-label"
                font-size=move || format!("{:.1}", 15.0 / context.camera.with(|c| c.scale).clamp(0.6, 1.6))>{label}</text>
        </g>
    }
}

#[component]
fn RelationLine(id: samverkan_model::RelationId, context: NetworkContext) -> impl IntoView {
    let state = use_app_state();
    // Ends and style of the line; recomputed only when this relation or its ends move.
    let geometry = Memo::new(move |_| {
        state.current.with(|c| {
            let m = c.as_ref()?;
            let r = m.relations.iter().find(|r| r.id == id)?;
            let (a, b) = (m.actor(&r.from)?, m.actor(&r.to)?);
            // Stop the line at the target's edge so the arrowhead shows.
            let (dx, dy) = (b.x - a.x, b.y - a.y);
            let length = (dx * dx + dy * dy).sqrt().max(1e-6);
            let cut = if r.directed {
                radius(b.influence) + 3.0
            } else {
                0.0
            };
            let (x2, y2) = (b.x - dx / length * cut, b.y - dy / length * cut);
            Some((
                a.x,
                a.y,
                x2,
                y2,
                r.kind,
                r.strength,
                r.directed,
                r.from.clone(),
                r.to.clone(),
            ))
        })
    });
    let dimmed = move || {
        geometry.with(|g| match g {
            Some((.., from, to)) => context.neighbours.with(|n| {
                n.as_ref()
                    .is_some_and(|n| !(n.contains(from) && n.contains(to)))
            }),
            None => false,
        })
    };
    view! {
        {move || geometry.get().map(|(x1, y1, x2, y2, kind, strength, directed, _, _)| view! {
            <line x1=x1 y1=y1 x2=x2 y2=y2 class=format!("relation {}", kind.as_str()) class:dimmed=dimmed
                stroke-width=1.0 + 1.5 * strength as f64 marker-end=directed.then_some("url(#arrow)")/>
        })}
    }
}

/// Sector colours and relation styles, so the picture explains itself on a projector.
#[component]
fn Legend() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let used = move || {
        state.current.with(|c| {
            c.as_ref()
                .map(|m| {
                    m.sectors
                        .iter()
                        .filter(|s| m.actors.iter().any(|a| a.sector == s.id))
                        .cloned()
                        .collect::<Vec<_>>()
                })
                .unwrap_or_default()
        })
    };
    view! {
        <div class="legend" aria-label=move || t().legend>
            {move || used().into_iter().map(|s| view! {
                <span class="legend-item"><span class="swatch" data-color=s.color.clone()>
                    <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill=s.color.clone()/></svg>
                </span>{s.label.clone()}</span>
            }).collect_view()}
            {RelationKind::ALL.into_iter().map(|k| view! {
                <span class="legend-item">
                    <svg width="30" height="10" aria-hidden="true"><line x1="0" y1="5" x2="30" y2="5" class=format!("relation {}", k.as_str()) stroke-width="3"/></svg>
                    {move || (t().relation_kind_label)(k)}
                </span>
            }).collect_view()}
        </div>
    }
}
