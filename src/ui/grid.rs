//! The power–interest grid (Mendelow): four labelled quadrants; dragging an actor (or
//! arrow keys on it) changes its influence and interest, as one undo step per gesture.

use super::selection::use_selection;
use super::svg::to_svg_point;
use super::texts;
use crate::app::use_doc;
use leptos::prelude::*;
use leptos::web_sys;
use samverkan_model::edit::{nudge_on_grid, place_on_grid};
use samverkan_model::grid::pack_cell;
use samverkan_model::labels::{visible_labels_among, LabelBox};
use samverkan_model::{Actor, ActorId, Map};
use std::collections::HashMap;

const WIDTH: f64 = 1000.0;
const HEIGHT: f64 = 640.0;
const MARGIN: f64 = 56.0;
/// Actors stacked in one column of a cell before wrapping.
const MAX_ROWS: usize = 4;

/// Centre of the cell for a 1..=5 value along an axis of `length` (after the margin).
fn axis(value: f64, length: f64) -> f64 {
    (value - 0.5) / 5.0 * length
}

fn cell_x(interest: f64) -> f64 {
    MARGIN + axis(interest, WIDTH - MARGIN - 10.0)
}

fn cell_y(influence: f64) -> f64 {
    // High influence at the top.
    10.0 + axis(6.0 - influence, HEIGHT - MARGIN - 10.0)
}

/// The value (1..=5) nearest to an SVG coordinate.
fn value_at(offset: f64, length: f64) -> i64 {
    ((offset / length * 5.0) + 0.5).round().clamp(1.0, 5.0) as i64
}

/// Where an actor sits on the grid, how large its dot is and whether its name shows.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Placed {
    x: f64,
    y: f64,
    r: f64,
    named: bool,
}

/// Size of the names on the grid (its own units; the grid scales to its box).
const NAME_SIZE: f64 = 16.0;

/// Where each actor sits: actors sharing a cell are packed side by side inside it (never
/// on top of each other), and names are shown where they do not overlap another name,
/// the most influential first; hover or focus shows the others.
fn placements(map: &Map) -> HashMap<ActorId, Placed> {
    let mut per_cell: HashMap<(i64, i64), Vec<&Actor>> = HashMap::new();
    for actor in &map.actors {
        per_cell
            .entry((actor.interest, actor.influence))
            .or_default()
            .push(actor);
    }
    let cell_w = (WIDTH - MARGIN - 10.0) / 5.0;
    let cell_h = (HEIGHT - MARGIN - 10.0) / 5.0;
    let mut placed = HashMap::with_capacity(map.actors.len());
    let mut boxes = Vec::with_capacity(map.actors.len());
    let mut dots = Vec::with_capacity(map.actors.len());
    for ((interest, influence), actors) in per_cell {
        let (offsets, r) = pack_cell(actors.len(), cell_w * 0.9, cell_h * 0.9, 13.0, MAX_ROWS);
        for (actor, (dx, dy)) in actors.into_iter().zip(offsets) {
            let (x, y) = (cell_x(interest as f64) + dx, cell_y(influence as f64) + dy);
            let width = super::svg::label_width(&actor.name, NAME_SIZE) + 8.0;
            let left = if interest >= 5 {
                x - r - 5.0 - width
            } else {
                x + r + 5.0
            };
            boxes.push((
                actor.id.clone(),
                LabelBox {
                    x: left,
                    y: y - NAME_SIZE * 0.7,
                    width,
                    height: NAME_SIZE * 1.4,
                    priority: (actor.influence * 10 + actor.interest) as f64,
                },
            ));
            dots.push(LabelBox {
                x: x - r,
                y: y - r,
                width: 2.0 * r,
                height: 2.0 * r,
                priority: 0.0,
            });
            placed.insert(
                actor.id.clone(),
                Placed {
                    x,
                    y,
                    r,
                    named: false,
                },
            );
        }
    }
    let labels: Vec<LabelBox> = boxes.iter().map(|(_, b)| *b).collect();
    let shown = visible_labels_among(&labels, &dots);
    for ((id, _), named) in boxes.into_iter().zip(shown) {
        if let Some(p) = placed.get_mut(&id) {
            p.named = named;
        }
    }
    placed
}

#[component]
pub fn PowerInterestGrid() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let dragging = RwSignal::new(None::<ActorId>);
    let positions = Memo::new(move |_| doc.with_map_tracked(placements).unwrap_or_default());
    // In the map's own order: a list that reorders as actors move would detach the
    // focused node from the DOM and lose keyboard focus mid-gesture.
    let ids = move || doc.actor_ids();

    let move_to = move |id: &ActorId, client_x: f64, client_y: f64| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let svg: web_sys::SvgsvgElement = wasm_bindgen::JsCast::unchecked_into(svg);
        let Some((x, y)) = to_svg_point(&svg, client_x, client_y) else {
            return;
        };
        let interest = value_at(x - MARGIN, WIDTH - MARGIN - 10.0);
        let influence = 6 - value_at(y - 10.0, HEIGHT - MARGIN - 10.0);
        let key = format!("grid:{id}");
        if let Some(command) = doc
            .actor(id)
            .map(|a| a.with_untracked(|a| place_on_grid(a, interest, influence)))
        {
            doc.dispatch_merging(command, &key);
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        if let Some(id) = dragging.get_untracked() {
            move_to(&id, ev.client_x() as f64, ev.client_y() as f64);
        }
    };
    let end_drag = move |_| {
        if dragging.get_untracked().is_some() {
            dragging.set(None);
            doc.seal();
        }
    };

    let quadrant = move |x: f64, y: f64, class: &'static str| {
        view! {
            <rect x=x y=y width=(WIDTH - MARGIN - 10.0) / 2.0 height=(HEIGHT - MARGIN - 10.0) / 2.0 class=class/>
        }
    };
    // The quadrants' names are drawn over the actors, so they always read.
    let quadrant_label =
        move |x: f64, y: f64, label: fn(&'static crate::i18n::Texts) -> &'static str| {
            view! { <text x=x + 14.0 y=y + 30.0 class="quadrant-label">{move || label(t())}</text> }
        };
    let half_w = (WIDTH - MARGIN - 10.0) / 2.0;
    let half_h = (HEIGHT - MARGIN - 10.0) / 2.0;
    view! {
        <section class="gridview">
            <svg node_ref=svg_ref class="grid" viewBox=format!("0 0 {WIDTH} {HEIGHT}") role="group"
                aria-label=move || t().grid_title
                on:pointermove=on_move on:pointerup=end_drag on:pointercancel=end_drag>
                {quadrant(MARGIN, 10.0, "quadrant satisfied")}
                {quadrant(MARGIN + half_w, 10.0, "quadrant manage")}
                {quadrant(MARGIN, 10.0 + half_h, "quadrant monitor")}
                {quadrant(MARGIN + half_w, 10.0 + half_h, "quadrant informed")}
                <text x=MARGIN + half_w y=HEIGHT - 14.0 class="axis-label" text-anchor="middle">{move || format!("{} →", t().interest)}</text>
                <text x=18.0 y=10.0 + half_h class="axis-label" text-anchor="middle"
                    transform=format!("rotate(-90 18 {})", 10.0 + half_h)>{move || format!("{} →", t().influence)}</text>
                <For each=ids key=|id| id.clone() let:id>
                    <GridActor id=id positions=positions dragging=dragging/>
                </For>
                {quadrant_label(MARGIN, 10.0, |t| t.keep_satisfied)}
                {quadrant_label(MARGIN + half_w, 10.0, |t| t.manage_closely)}
                {quadrant_label(MARGIN, 10.0 + half_h, |t| t.monitor)}
                {quadrant_label(MARGIN + half_w, 10.0 + half_h, |t| t.keep_informed)}
            </svg>
            <div class="maptools">
                <button on:click=move |_| { if let Some(m) = doc.snapshot() { super::picture::export_svg(&m, "svg.grid", "grid") } }>{move || t().export_svg}</button>
                <button on:click=move |_| { if let Some(m) = doc.snapshot() { super::picture::export_png(&m, "svg.grid", "grid") } }>{move || t().export_png}</button>
            </div>
            <p class="hint">{move || t().grid_hint}</p>
        </section>
    }
}

#[component]
fn GridActor(
    id: ActorId,
    positions: Memo<HashMap<ActorId, Placed>>,
    dragging: RwSignal<Option<ActorId>>,
) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let actor = super::actor_signal(&id);
    let color = {
        let actor = actor.clone();
        move || actor.with(|a| doc.sector_color(a.sector.as_str()))
    };
    // Only this actor's own place: it re-renders when it moves, not when others do.
    let place = {
        let id = id.clone();
        Memo::new(move |_| {
            positions.with(|p| {
                p.get(&id).copied().unwrap_or(Placed {
                    x: 0.0,
                    y: 0.0,
                    r: 13.0,
                    named: false,
                })
            })
        })
    };
    let read = {
        let actor = actor.clone();
        move |f: fn(&Actor) -> String| {
            let actor = actor.clone();
            move || actor.with(f)
        }
    };
    let name = read(|a| a.name.clone());
    let label = {
        let actor = actor.clone();
        move || actor.with(|a| (t().grid_actor_label)(&a.name, a.influence, a.interest, a.attitude))
    };
    let attitude = {
        let actor = actor.clone();
        move || actor.with(|a| a.attitude)
    };
    let right_edge = {
        let actor = actor.clone();
        move || actor.with(|a| a.interest >= 5)
    };
    let selection = use_selection();
    let start_drag = {
        let id = id.clone();
        move |ev: web_sys::PointerEvent| {
            ev.prevent_default();
            doc.seal();
            selection.0.set(Some(id.clone()));
            dragging.set(Some(id.clone()));
        }
    };
    let on_key = {
        let id = id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let (d_interest, d_influence) = match ev.key().as_str() {
                "ArrowRight" => (1, 0),
                "ArrowLeft" => (-1, 0),
                "ArrowUp" => (0, 1),
                "ArrowDown" => (0, -1),
                _ => return,
            };
            ev.prevent_default();
            if let Some(command) = doc
                .actor(&id)
                .map(|a| a.with_untracked(|a| nudge_on_grid(a, d_interest, d_influence)))
            {
                doc.dispatch(command);
            }
        }
    };
    view! {
        <g class="grid-actor" class:dragging=move || dragging.with(|d| d.as_ref() == Some(&id))
            transform=move || place.with(|p| format!("translate({:.1} {:.1})", p.x, p.y))
            tabindex="0" role="button" aria-label=label
            on:pointerdown=start_drag on:keydown=on_key>
            <circle r=move || place.with(|p| p.r) fill=color class={ let attitude = attitude.clone(); move || match attitude() { a if a > 0 => "supportive", a if a < 0 => "opposed", _ => "neutral" } }/>
            <text y="4" text-anchor="middle" class="attitude-mark">{move || match attitude() { 2 => "++", 1 => "+", -1 => "−", -2 => "−−", _ => "" }}</text>
            // In the rightmost column names go left of the dot, so they stay inside the grid.
            <text x={ let right_edge = right_edge.clone(); move || { let gap = place.with(|p| p.r) + 5.0; if right_edge() { -gap } else { gap } } } y="5"
                class="grid-name" class:named=move || place.with(|p| p.named)
                text-anchor=move || if right_edge() { "end" } else { "start" }>{name}</text>
        </g>
    }
}
