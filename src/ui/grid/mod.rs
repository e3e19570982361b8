//! The power–interest grid (Mendelow): four labelled quadrants; dragging an actor (or
//! Shift and the arrow keys on it) changes its influence and interest, as one undo step per
//! gesture. The arrow keys go from actor to actor; two fingers zoom and pan the grid.

use crate::app::use_doc;
use crate::ui::map::actor_menu::{opens_menu, use_actor_menu, LongPress};
use crate::ui::map::link_box;
use crate::ui::map::svg::point_in;
use crate::ui::map::touch::{Pinch, Pointers, View};
use crate::ui::shell::selection::use_selection;
use crate::ui::{place_names, texts, NameAt, NameSize, NameSpots};
use leptos::prelude::*;
use leptos::web_sys;
use samverkan_model::assessment::{moved_since, snapshot, Moved};
use samverkan_model::edit::{nudge_on_grid, place_on_grid};
use samverkan_model::grid::{cell_columns, pack_cell};
use samverkan_model::labels::{one_or_two_lines, spots_around, spots_further, two_lines, LabelBox};
use samverkan_model::spatial::{nearest_in_direction, Direction};
use samverkan_model::Command;
use samverkan_model::{Actor, ActorId, Map};
use std::collections::HashMap;

/// The grid drawn at the element's real size, in CSS pixels: the five-by-five cells, a
/// band above and below them for the quadrants' names (so no actor ever sits under
/// one), the influence axis on the left and the interest axis at the bottom.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Frame {
    width: f64,
    height: f64,
}

const LEFT: f64 = 56.0;
const RIGHT: f64 = 10.0;
const TOP: f64 = 10.0;
/// Height of the bands holding the quadrants' names.
const BAND: f64 = 44.0;
/// Room for the interest axis's name.
const BOTTOM: f64 = 36.0;
/// Size of the names on the grid, and the height of one row of actors in a cell.
const NAME_SIZE: f64 = 16.0;
const ROW: f64 = 25.0;
/// The largest size of the quadrants' names (projection mode's, in CSS pixels).
const TITLE_PX: f64 = 30.0;
const DOT: f64 = 11.0;

impl Frame {
    fn cell(&self) -> (f64, f64) {
        (
            ((self.width - LEFT - RIGHT) / 5.0).max(20.0),
            ((self.height - TOP - 2.0 * BAND - BOTTOM) / 5.0).max(20.0),
        )
    }

    fn cells_top(&self) -> f64 {
        TOP + BAND
    }

    /// Centre of the cell of an interest (1..=5, left to right).
    fn x_of(&self, interest: f64) -> f64 {
        LEFT + (interest - 0.5) * self.cell().0
    }

    /// Centre of the cell of an influence (1..=5, high at the top).
    fn y_of(&self, influence: f64) -> f64 {
        self.cells_top() + (5.5 - influence) * self.cell().1
    }

    /// Where a quadrant's name starts (its baseline), in the band above or below the cells.
    fn quadrant_title_at(&self, right: bool, bottom: bool) -> (f64, f64) {
        let (w, h) = self.cell();
        let x = LEFT + 14.0 + if right { 2.5 * w } else { 0.0 };
        let y = if bottom {
            self.cells_top() + 5.0 * h + BAND - 12.0
        } else {
            TOP + BAND - 12.0
        };
        (x, y)
    }

    /// The interest and influence (1..=5) nearest to a point.
    fn values_at(&self, x: f64, y: f64) -> (i64, i64) {
        let (w, h) = self.cell();
        let value = |offset: f64, step: f64| (offset / step + 0.5).round().clamp(1.0, 5.0) as i64;
        (value(x - LEFT, w), 6 - value(y - self.cells_top(), h))
    }
}

/// Where an actor sits on the grid, how large its dot is, whether its name shows and on
/// which side.
#[derive(Clone, Copy, Debug, PartialEq)]
struct Placed {
    x: f64,
    y: f64,
    r: f64,
    /// Where its name is drawn when it has room; otherwise it shows on hover and focus.
    name_at: Option<NameAt>,
    name_left: bool,
}

/// Where each actor sits: actors sharing a cell are packed in rows (more columns only
/// when a cell is full), dots at the cell's edge and names beside them (short names
/// where given), so names have the cell's width. A name is shown where it covers no
/// other name or dot, the most influential first; hover or focus shows the others.
fn placements(
    map: &Map,
    frame: Frame,
    titles: [(bool, bool, &str); 4],
) -> (HashMap<ActorId, Placed>, NameSize) {
    let mut per_cell: HashMap<(i64, i64), Vec<&Actor>> = HashMap::new();
    for actor in &map.actors {
        // Unrated actors wait in the list beside the grid.
        let (Some(interest), Some(influence)) = (actor.interest, actor.influence) else {
            continue;
        };
        per_cell
            .entry((interest.clamp(1, 5), influence.clamp(1, 5)))
            .or_default()
            .push(actor);
    }
    let (cell_w, cell_h) = frame.cell();
    let (inner_w, inner_h) = (cell_w * 0.94, cell_h * 0.94);
    let rows = ((inner_h / ROW).floor() as usize).max(1);
    let mut placed = HashMap::with_capacity(map.actors.len());
    let mut named = Vec::with_capacity(map.actors.len());
    let mut dots = Vec::with_capacity(map.actors.len());
    for ((interest, influence), actors) in per_cell {
        let (offsets, r) = pack_cell(actors.len(), inner_w, inner_h, DOT, rows);
        let step = inner_w / cell_columns(actors.len(), rows) as f64;
        // In the rightmost column of the grid names go left of the dot, inside the grid.
        let name_left = interest >= 5;
        let edge = step / 2.0 - r - 4.0;
        for (actor, (dx, dy)) in actors.into_iter().zip(offsets) {
            let dx = if name_left { dx + edge } else { dx - edge };
            let (x, y) = (
                frame.x_of(interest as f64) + dx,
                frame.y_of(influence as f64) + dy,
            );
            let priority = (influence * 10 + interest) as f64;
            named.push((actor, priority));
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
                    name_at: None,
                    name_left,
                },
            );
        }
    }
    // No name covers a quadrant's name, measured at its size in projection mode.
    for (right, bottom, title) in titles {
        let (x, baseline) = frame.quadrant_title_at(right, bottom);
        dots.push(LabelBox {
            x,
            y: baseline - 0.8 * TITLE_PX,
            // Set bolder than the actors' names.
            width: 1.1 * crate::ui::map::svg::label_width(title, TITLE_PX),
            height: TITLE_PX,
            priority: 0.0,
        });
    }
    let (size, at) = NameSize::largest_fitting(|size| {
        name_places(&named, &placed, &dots, frame, size.px(NAME_SIZE))
    });
    for ((actor, _), at) in named.iter().zip(at) {
        if let Some(p) = placed.get_mut(&actor.id) {
            p.name_at = at;
        }
    }
    (placed, size)
}

/// Where each name goes at `px`, or None where it finds no clear place: beside the dot
/// towards the middle of the grid first, then any side that is clear and inside the grid's
/// band; on one line if it can, else cut in two (see `two_lines`); else a line or more
/// above or below with a line leading to it (see `spots_further`).
fn name_places(
    named: &[(&Actor, f64)],
    placed: &HashMap<ActorId, Placed>,
    dots: &[LabelBox],
    frame: Frame,
    px: f64,
) -> Vec<Option<NameAt>> {
    let inside = |b: &LabelBox| {
        b.x >= LEFT
            && b.x + b.width <= frame.width - RIGHT
            && b.y >= frame.cells_top() - BAND
            && b.y + b.height <= frame.cells_top() + 5.0 * frame.cell().1 + BAND
    };
    // Away from the dot only on grids small enough for the search (none taken, none made).
    let further = if named.len() <= MOST_LED {
        usize::MAX
    } else {
        0
    };
    let names = named
        .iter()
        .map(|(actor, priority)| {
            let Some(p) = placed.get(&actor.id) else {
                return NameSpots::default();
            };
            let spots = |size: [f64; 2]| {
                let around = spots_around([p.x, p.y], p.r, size, 5.0, *priority);
                let first = if p.name_left { around[2] } else { around[1] };
                std::iter::once(first).chain(around).filter(inside)
            };
            let width = |text: &str| crate::ui::map::svg::label_width(text, px) + 8.0;
            let size = [width(actor.label()), px * 1.4];
            let away = spots_further([p.x, p.y], p.r, size, 5.0, *priority, !p.name_left);
            NameSpots::new(
                [p.x, p.y],
                one_or_two_lines(actor.label(), px, width, spots),
                away.take(further).filter(inside),
            )
        })
        .collect();
    place_names(names, dots, 4.0, px)
}

/// On grids with up to this many actors a name with no room beside its dot may be set a
/// little away from it; on larger ones the search would cost more than a frame.
const MOST_LED: usize = 120;

#[component]
pub fn PowerInterestGrid() -> impl IntoView {
    let doc = use_doc();
    let communities = crate::ui::map::communities::use_communities();
    let formats = crate::ui::shell::parts::Formats::new();
    let t = texts();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let frame = RwSignal::new(Frame {
        width: 1000.0,
        height: 640.0,
    });
    let watch = StoredValue::new_local(None::<crate::ui::map::svg::SizeWatch>);
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else {
            return;
        };
        let resized = move |width: f64, height: f64| {
            let measured = Frame {
                width: width.max(300.0),
                height: height.max(240.0),
            };
            if frame.get_untracked() != measured {
                frame.set(measured);
            }
        };
        resized(
            f64::from(svg.client_width()),
            f64::from(svg.client_height()),
        );
        watch.set_value(crate::ui::map::svg::SizeWatch::new(&svg, resized));
    });
    let dragging = RwSignal::new(None::<ActorId>);
    let touch = GridTouch::new();
    // The assessment chosen in `Compare with`, by id (view state).
    let compare = RwSignal::new(None::<String>);
    let moved = Memo::new(move |_| {
        let chosen = compare.get()?;
        doc.with_map_tracked(|m| {
            let then = m.assessments.iter().find(|a| a.id == chosen)?;
            Some(moved_since(m, then))
        })
        .flatten()
    });
    let positions = Memo::new(move |_| {
        let frame = frame.get();
        let t = t();
        let titles = [
            (false, false, t.keep_satisfied),
            (true, false, t.manage_closely),
            (false, true, t.monitor),
            (true, true, t.keep_informed),
        ];
        doc.with_map_tracked(|m| placements(m, frame, titles))
            .unwrap_or_default()
    });
    // Not in the order of where actors stand: a list that reorders as actors move would
    // detach the focused node from the DOM and lose keyboard focus mid-gesture.
    let placed = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            let (placed, waiting): (Vec<&Actor>, Vec<&Actor>) =
                m.actors.iter().partition(|a| a.is_placed());
            let ids = |actors: Vec<&Actor>| actors.into_iter().map(|a| a.id.clone()).collect();
            (ids(placed), ids(waiting))
        })
        .unwrap_or_default()
    });
    // Drawn in the order they came onto the grid (`Arrival`), so a room's newcomers move
    // no marker already drawn.
    let arrival = crate::ui::Arrival::default();
    let ids = move || {
        arrival.order(placed.with(|(placed, _): &(Vec<ActorId>, Vec<ActorId>)| placed.clone()))
    };
    let waiting = move || placed.with(|(_, waiting)| waiting.clone());

    let move_to = move |id: &ActorId, client_x: f64, client_y: f64| {
        let Some(point) = point_in(svg_ref, (client_x, client_y)) else {
            return;
        };
        let (x, y) = touch.view.get_untracked().to_map(point);
        let (interest, influence) = frame.get_untracked().values_at(x, y);
        let key = format!("grid:{id}");
        if let Some(command) = doc
            .actor(id)
            .map(|a| a.with_untracked(|a| place_on_grid(a, interest, influence)))
        {
            doc.dispatch_merging(command, &key);
        }
    };
    let end_drag = move |_: ()| {
        if dragging.get_untracked().is_some() {
            dragging.set(None);
            doc.seal();
        }
    };
    let fingers = move || touch.pointers.two_in(|point| point_in(svg_ref, point));
    // Every pointer going down is counted after the actor it went down on: a second finger
    // ends a drag and zooms and pans the grid instead.
    let on_down = move |ev: web_sys::PointerEvent| {
        if touch.pointers.down(&ev) == 2 {
            touch.press.cancel();
            end_drag(());
            if let Some(two) = fingers() {
                touch
                    .pinch
                    .set_value(Some((Pinch::new(two), touch.view.get_untracked())));
            }
        }
    };
    let on_move = move |ev: web_sys::PointerEvent| {
        touch.pointers.moved(&ev);
        touch.press.moved(&ev);
        if let Some((pinch, start)) = touch.pinch.get_value() {
            if let Some(now) = fingers() {
                let (factor, from, to) = pinch.now(now);
                touch.view.set(start.pinched(factor, from, to, ZOOM_LIMITS));
            }
            return;
        }
        // A press that ended outside the grid (on the list beside it, say) ends the drag.
        if ev.buttons() == 0 || touch.press.fired() {
            return end_drag(());
        }
        if let Some(id) = dragging.get_untracked() {
            move_to(&id, ev.client_x() as f64, ev.client_y() as f64);
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        if touch.pointers.up(&ev) == 0 {
            touch.pinch.set_value(None);
        }
        touch.press.cancel();
        end_drag(());
    };

    // Quadrants split the middle row and column; their names sit in the bands above and
    // below the cells, over no actor.
    let quadrant = move |right: bool, bottom: bool, class: &'static str| {
        let geometry = move || {
            let f = frame.get();
            let (w, h) = f.cell();
            let middle = f.cells_top() + 2.5 * h;
            let x = LEFT + if right { 2.5 * w } else { 0.0 };
            let (y, height) = if bottom {
                (middle, 2.5 * h + BAND)
            } else {
                (TOP, BAND + 2.5 * h)
            };
            (x, y, 2.5 * w, height)
        };
        view! {
            <rect x=move || geometry().0 y=move || geometry().1 width=move || geometry().2 height=move || geometry().3 class=class/>
        }
    };
    let quadrant_label =
        move |right: bool, bottom: bool, label: fn(&'static crate::i18n::Texts) -> &'static str| {
            let at = move || frame.get().quadrant_title_at(right, bottom);
            view! { <text x=move || at().0 y=move || at().1 class="quadrant-label">{move || label(t())}</text> }
        };
    view! {
        <section class="gridview">
            <div class="grid-row">
            <svg node_ref=svg_ref class=move || positions.with(|(_, size)| format!("grid {}", size.class())) role="group"
                viewBox=move || { let f = frame.get(); format!("0 0 {:.0} {:.0}", f.width, f.height) }
                aria-label=move || t().grid_title
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up on:pointercancel=on_up>
                <g class="zoomed" transform=move || touch.view.get().transform()>
                {quadrant(false, false, "quadrant satisfied")}
                {quadrant(true, false, "quadrant manage")}
                {quadrant(false, true, "quadrant monitor")}
                {quadrant(true, true, "quadrant informed")}
                {quadrant_label(false, false, |t| t.keep_satisfied)}
                {quadrant_label(true, false, |t| t.manage_closely)}
                {quadrant_label(false, true, |t| t.monitor)}
                {quadrant_label(true, true, |t| t.keep_informed)}
                <text x=move || LEFT + 2.5 * frame.get().cell().0 y=move || frame.get().height - 10.0 class="axis-label" text-anchor="middle">{move || format!("{} →", t().interest)}</text>
                <text x=18.0 y=move || frame.get().height / 2.0 class="axis-label" text-anchor="middle"
                    transform=move || format!("rotate(-90 18 {})", frame.get().height / 2.0)>{move || format!("{} →", t().influence)}</text>
                <defs>
                    <marker id="moved-head" viewBox="0 0 10 10" refX="9" refY="5" markerWidth="7" markerHeight="7" orient="auto-start-reverse">
                        <path d="M 0 0 L 10 5 L 0 10 z" class="moved-head"/>
                    </marker>
                </defs>
                // Since the assessment compared with: from the earlier cell to the actor now.
                {move || moved.get().unwrap_or_default().into_iter().filter_map(|m| {
                    let (before, _) = (m.before?, m.now?);
                    let now = positions.with(|(p, _)| p.get(&m.actor).copied())?;
                    let f = frame.get();
                    let (x1, y1) = (f.x_of(before.0 as f64), f.y_of(before.1 as f64));
                    (m.before != m.now).then(|| view! {
                        <line class="moved" x1=x1 y1=y1 x2=now.x y2=now.y marker-end="url(#moved-head)"/>
                    })
                }).collect_view()}
                <g class="leaders" aria-hidden="true">
                    {move || positions.with(|(p, _)| p.values().filter_map(|p| p.name_at?.leader_line([p.x, p.y], p.r)).collect_view())}
                </g>
                <For each=ids key=|id| id.clone() let:id>
                    <GridActor id=id positions=positions dragging=dragging touch=touch/>
                </For>
                </g>
            </svg>
            <Show when=move || placed.with(|(_, waiting)| !waiting.is_empty())>
                <aside class="unplaced" aria-labelledby="unplaced-title">
                    <h3 id="unplaced-title">{move || format!("{} ({})", t().not_yet_placed, waiting().len())}</h3>
                    <p class="hint">{move || t().not_yet_placed_hint}</p>
                    <ul>
                        <For each=waiting key=|id| id.clone() let:id>
                            <UnplacedActor id=id dragging=dragging/>
                        </For>
                    </ul>
                </aside>
            </Show>
            </div>
            <div class="maptools">
                <Show when=move || touch.view.get() != View::IDENTITY>
                    <button on:click=move |_| touch.view.set(View::IDENTITY)>{move || t().reset_zoom}</button>
                </Show>
                <AssessmentTools compare=compare moved=moved/>
                <crate::ui::map::communities::ColourBySelect/>
                <button on:click=move |_| formats.run(crate::ui::shell::parts::FormatJob::Picture { png: false, selector: "svg.grid", what: "grid" })>{move || t().export_svg}</button>
                <button on:click=move |_| formats.run(crate::ui::shell::parts::FormatJob::Picture { png: true, selector: "svg.grid", what: "grid" })>{move || t().export_png}</button>
            </div>
            {move || communities.swatches(t()).map(|items| view! {
                <div class="legend" role="group" tabindex="0" aria-label=move || t().legend>{crate::ui::map::communities::swatch_items(items)}</div>
            })}
            <p class="hint">{move || t().grid_hint}</p>
        </section>
    }
}

#[component]
fn GridActor(
    id: ActorId,
    positions: Memo<(HashMap<ActorId, Placed>, NameSize)>,
    dragging: RwSignal<Option<ActorId>>,
    touch: GridTouch,
) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let actor = crate::ui::actor_signal(doc, &id);
    let communities = crate::ui::map::communities::use_communities();
    let color = {
        let (actor, id) = (actor.clone(), id.clone());
        move || communities.color(&id, || actor.with(|a| doc.sector_color(a.sector.as_str())))
    };
    // Only this actor's own place: it re-renders when it moves, not when others do.
    let place = {
        let id = id.clone();
        Memo::new(move |_| {
            positions.with(|(p, _)| {
                p.get(&id).copied().unwrap_or(Placed {
                    x: 0.0,
                    y: 0.0,
                    r: DOT,
                    name_at: None,
                    name_left: false,
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
    let name = read(|a| a.label().to_owned());
    let name_x = move || {
        place.with(|p| match p.name_at {
            Some(at) => at.x,
            None if p.name_left => -p.r - 5.0,
            None => p.r + 5.0,
        })
    };
    // The name as drawn: on one line, or cut in two where the grid placed it so.
    let lines = Memo::new(move |_| {
        let name = name();
        let cut = place.with(|p| p.name_at.is_some_and(|at| at.two_lines));
        match two_lines(&name).filter(|_| cut) {
            // The space stays in the text, so it reads (and is named) as one name.
            Some((first, second)) => (format!("{first} "), second.to_owned()),
            None => (name, String::new()),
        }
    });
    let label = {
        let actor = actor.clone();
        move || {
            actor.with(|a| {
                let (influence, interest) = (
                    a.influence.unwrap_or_default(),
                    a.interest.unwrap_or_default(),
                );
                let name = crate::ui::spoken_name(&a.name, a.label());
                (t().grid_actor_label)(&name, influence, interest, a.attitude)
            })
        }
    };
    let relations = {
        let (counts, id) = (touch.relations, id.clone());
        Memo::new(move |_| counts.with(|c| c.get(&id).copied().unwrap_or(0)))
    };
    let sector_name = {
        let actor = actor.clone();
        Memo::new(move |_| actor.with(|a| crate::ui::sector_name(doc, a.sector.as_str(), t())))
    };
    let label = move || {
        format!(
            "{}, {}",
            label(),
            (t().actor_context)(&sector_name.get(), relations.get())
        )
    };
    let menu = use_actor_menu();
    let is_tab_stop = {
        let (selector, key) = (touch.is_tab_stop.get_value(), Some(id.clone()));
        Memo::new(move |_| selector.selected(&key))
    };
    let attitude = {
        let actor = actor.clone();
        move || actor.with(|a| a.attitude.unwrap_or(0))
    };
    let selection = use_selection();
    let start_drag = {
        let id = id.clone();
        move |ev: web_sys::PointerEvent| {
            ev.prevent_default();
            // A second finger zooms (the grid sees to it); a right click opens the menu.
            if touch.pointers.count() > 0 || ev.button() > 0 || link_box::picked(&id) {
                return;
            }
            doc.seal();
            selection.0.set(Some(id.clone()));
            dragging.set(Some(id.clone()));
            touch.press.start(&ev, id.clone());
        }
    };
    let on_context_menu = {
        let id = id.clone();
        move |ev: web_sys::MouseEvent| {
            ev.prevent_default();
            touch.press.cancel();
            dragging.set(None);
            menu.open(
                id.clone(),
                f64::from(ev.client_x()),
                f64::from(ev.client_y()),
            );
        }
    };
    // The arrow keys go to the nearest actor that way; with Shift they move this one a cell.
    let on_key = {
        let id = id.clone();
        move |ev: leptos::ev::KeyboardEvent| {
            let key = ev.key();
            if matches!(key.as_str(), "Enter" | " ") {
                ev.prevent_default();
                if !link_box::picked(&id) {
                    selection.0.set(Some(id.clone()));
                }
                return;
            }
            if opens_menu(&ev) {
                ev.prevent_default();
                let element: web_sys::Element = event_target(&ev);
                menu.open_beside(id.clone(), &element);
                return;
            }
            let Some(direction) = Direction::of_key(&key) else {
                return;
            };
            ev.prevent_default();
            if !ev.shift_key() {
                let next = positions.with_untracked(|(p, _)| {
                    let from = p.get(&id).map(|p| (p.x, p.y))?;
                    let others = p
                        .iter()
                        .filter(|(other, _)| **other != id)
                        .map(|(other, p)| (other.clone(), (p.x, p.y)));
                    nearest_in_direction(from, others, direction)
                });
                if let Some(next) = next {
                    touch.focused.set(Some(next.clone()));
                    crate::ui::focus_drawn_actor("svg.grid g.grid-actor", &next);
                }
                return;
            }
            let (d_interest, d_influence) = match direction {
                Direction::Right => (1, 0),
                Direction::Left => (-1, 0),
                Direction::Up => (0, 1),
                Direction::Down => (0, -1),
            };
            if let Some(command) = doc
                .actor(&id)
                .map(|a| a.with_untracked(|a| nudge_on_grid(a, d_interest, d_influence)))
            {
                doc.dispatch(command);
            }
        }
    };
    view! {
        <g class="grid-actor" data-actor=id.to_string() class:dragging={ let id = id.clone(); move || dragging.with(|d| d.as_ref() == Some(&id)) }
            transform=move || place.with(|p| crate::ui::map::svg::translate(p.x, p.y))
            tabindex=move || if is_tab_stop.get() { "0" } else { "-1" } role="button" aria-label=label
            on:pointerdown=start_drag on:keydown=on_key on:contextmenu=on_context_menu
            on:focus={ let id = id.clone(); move |_| touch.focused.set(Some(id.clone())) }>
            <circle r=move || place.with(|p| p.r) fill=color class={ let attitude = attitude.clone(); move || match attitude() { a if a > 0 => "supportive", a if a < 0 => "opposed", _ => "neutral" } }/>
            <text y="4" text-anchor="middle" class="attitude-mark">{move || match attitude() { 2 => "++", 1 => "+", -1 => "−", -2 => "−−", _ => "" }}</text>
            // Unplaced names (shown on hover) go beside the dot, left of it in the rightmost
            // column so they stay inside the grid.
            <text x=name_x y=move || place.with(|p| p.name_at.map_or(5.0, |at| at.y))
                class="grid-name" class:named=move || place.with(|p| p.name_at.is_some())
                text-anchor=move || if place.with(|p| p.name_at.is_none() && p.name_left) { "end" } else { "start" }>
                {move || lines.get().0}<tspan x=name_x dy="1.2em">{move || lines.get().1}</tspan></text>
        </g>
    }
}

/// How far two fingers zoom the grid out and in.
const ZOOM_LIMITS: (f64, f64) = (1.0, 4.0);

/// What fingers and the keyboard do on the grid (view state, shared with its actors).
#[derive(Clone, Copy)]
struct GridTouch {
    pointers: Pointers,
    press: LongPress,
    /// Two fingers' gesture and the view when it began.
    pinch: StoredValue<Option<(Pinch, View)>>,
    view: RwSignal<View>,
    /// The one actor in the tab order: the last focused, else the selected, else the first.
    focused: RwSignal<Option<ActorId>>,
    is_tab_stop: StoredValue<Selector<Option<ActorId>>>,
    relations: Memo<HashMap<ActorId, usize>>,
}

impl GridTouch {
    fn new() -> Self {
        let focused = RwSignal::new(None::<ActorId>);
        Self {
            pointers: Pointers::default(),
            press: LongPress::new(),
            pinch: StoredValue::new(None),
            view: RwSignal::new(View::IDENTITY),
            focused,
            is_tab_stop: StoredValue::new(crate::ui::tab_stop(focused)),
            relations: crate::ui::relation_counts(),
        }
    }
}

/// An actor not yet placed: a button that selects it (to rate it in the panel) and that
/// can be dragged onto the grid, which rates it where it is dropped.
#[component]
fn UnplacedActor(id: ActorId, dragging: RwSignal<Option<ActorId>>) -> impl IntoView {
    let doc = use_doc();
    let selection = use_selection();
    let actor = crate::ui::actor_signal(doc, &id);
    let name = move || actor.with(|a| a.name.clone());
    let start_drag = {
        let id = id.clone();
        move |ev: web_sys::PointerEvent| {
            ev.prevent_default();
            doc.seal();
            dragging.set(Some(id.clone()));
        }
    };
    let select = move |_| selection.0.set(Some(id.clone()));
    view! {
        <li>
            <button class="chip" on:pointerdown=start_drag on:click=select>{name}</button>
        </li>
    }
}

/// `Save assessment` (every actor's ratings now, dated today, one undo step) and `Compare
/// with` an earlier one: arrows on the grid, and who moved up or down.
#[component]
fn AssessmentTools(
    compare: RwSignal<Option<String>>,
    moved: Memo<Option<Vec<Moved>>>,
) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let saved = move || {
        doc.with_map_tracked(|m| {
            m.assessments
                .iter()
                .map(|a| (a.id.clone(), format!("{} ({})", a.label, a.date)))
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    };
    let save = move |_| {
        let date = crate::browser::today();
        let label = (t().assessment_label)(date);
        let command = doc.with_map(|m| {
            let mut list = m.assessments.clone();
            list.push(snapshot(m, crate::browser::new_id(), &label, date));
            Command::SetAssessments(list)
        });
        if let Some(command) = command {
            doc.dispatch(command);
        }
    };
    let summary = move || {
        let moved = moved.get()?;
        let names = |keep: &dyn Fn(&Moved) -> bool| {
            let list: Vec<String> = moved
                .iter()
                .filter(|m| keep(m))
                .map(|m| doc.actor_name(&m.actor))
                .collect();
            list.join(", ")
        };
        let lines = [
            (
                t().moved_up,
                names(&|m| m.influence_change().is_some_and(|c| c > 0)),
            ),
            (
                t().moved_down,
                names(&|m| m.influence_change().is_some_and(|c| c < 0)),
            ),
            (
                t().attitude_up,
                names(&|m| m.attitude_change().is_some_and(|c| c > 0)),
            ),
            (
                t().attitude_down,
                names(&|m| m.attitude_change().is_some_and(|c| c < 0)),
            ),
        ];
        let shown: Vec<_> = lines
            .into_iter()
            .filter(|(_, names)| !names.is_empty())
            .collect();
        Some(if shown.is_empty() {
            view! { <p class="moves">{t().nothing_moved}</p> }.into_any()
        } else {
            view! {
                <ul class="moves">{shown.into_iter().map(|(what, names)| view! { <li><strong>{what}</strong>" "{names}</li> }).collect_view()}</ul>
            }.into_any()
        })
    };
    view! {
        <button on:click=save>{move || t().save_assessment}</button>
        <select aria-label=move || t().compare_with title=move || t().compare_with
            on:change=move |ev| { let v = event_target_value(&ev); compare.set((!v.is_empty()).then_some(v)) }>
            <option value="" selected=move || compare.get().is_none()>{move || t().compare_with_none}</option>
            {move || saved().into_iter().map(|(id, label)| {
                let chosen = id.clone();
                view! { <option value=id selected=move || compare.get().as_ref() == Some(&chosen)>{label}</option> }
            }).collect_view()}
        </select>
        {summary}
    }
}
