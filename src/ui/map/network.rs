//! The network map: actors as circles (colour by sector, size by influence), relations as
//! lines styled by kind; drag to move and pin, pan and zoom, fit, find, filter, and the
//! selected actor's neighbourhood highlighted. Each node reads its own actor's signal and
//! held position, so a drag redraws one node; the lines are a few paths (`lines.rs`).

use crate::ui::map::arrangement::Guides;
// The circle the layout keeps room for is the one drawn.
use crate::app::document::Origin;
use crate::app::{use_doc, Doc};
use crate::ui::map::actor_menu::{opens_menu, use_actor_menu, ActorMenu, LongPress};
use crate::ui::map::layout_run::{needs_placing, Layer, LayoutRunner, Purpose};
use crate::ui::map::lines::{Part, Relations};
use crate::ui::map::link_box;
use crate::ui::map::marks::Marks;
use crate::ui::map::repaint::Repaint;
use crate::ui::map::svg::point_in;
use crate::ui::map::touch::{Pinch, Pointers, View as Camera};
use crate::ui::shell::selection::use_selection;
use crate::ui::{place_names, texts, NameAt, NameSpots};
use leptos::prelude::*;
use leptos::web_sys;
use samverkan_model::actor::MIDDLE;
use samverkan_model::fit;
use samverkan_model::labels::{spots_around, spots_further, LabelBox};
use samverkan_model::layout::node_radius as radius;
use samverkan_model::spatial::{nearest_in_direction, Direction};
use samverkan_model::{ActorId, Command, Level, Map, Placement, RelationId, RelationKind};
use std::collections::HashSet;

/// The canvas size before it is laid out; afterwards the SVG's own size in CSS pixels.
const DEFAULT_SIZE: Size = Size {
    width: 1000.0,
    height: 640.0,
};

/// The canvas in CSS pixels: the SVG's viewBox follows it, so one unit is one pixel.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Size {
    pub width: f64,
    pub height: f64,
}
/// A large map is first drawn this many actors per
/// frame, so opening it never blocks the page for long; fewer while the layout also runs.
/// (Since a node's attributes are set by one effect, 200 left fewer long tasks than 250
/// in a 1k import and settled as soon; 160 was no better than 200.)
const REVEALED_PER_FRAME: usize = 200;
/// The first batch of a map still to be placed, smaller: its nodes are built by code the
/// browser has yet to optimise (a full first batch made most of a 1k import's long tasks).
const FIRST_BATCH: usize = 100;
/// A map opened with its positions shows this many at once: a map of up to 500 actors (a
/// reload of a big workshop's map) in one task, without a frame's wait between halves.
const FIRST_REVEALED: usize = 500;
const REVEALED_PER_FRAME_WHILE_LAYING_OUT: usize = 60;

/// How far the map zooms out and in.
const ZOOM_LIMITS: (f64, f64) = (0.05, 6.0);

/// True when every actor is on screen (with room for its circle).
fn shows_all(camera: Camera, map: &Map, size: Size) -> bool {
    let margin = 20.0;
    map.actors.iter().all(|a| {
        let (x, y) = (camera.x + a.x * camera.scale, camera.y + a.y * camera.scale);
        (margin..=size.width - margin).contains(&x) && (margin..=size.height - margin).contains(&y)
    })
}

/// A camera that shows every actor with a margin.
fn fitted_camera(map: &Map, size: Size) -> Camera {
    let Size { width, height } = size;
    if map.actors.is_empty() {
        return Camera {
            x: width / 2.0,
            y: height / 2.0,
            scale: 1.0,
        };
    }
    let positions: Vec<[f64; 2]> = map.actors.iter().map(|a| [a.x, a.y]).collect();
    let [x0, y0, x1, y1] = fit::bounds(&positions).unwrap_or_default();
    // A margin for the circles at the edge; labels there take the spot on the inner side
    // (only spots wholly on screen are used), so the drawing may fill the canvas.
    let scale = fit::fit_scale([x1 - x0, y1 - y0], [width, height]);
    Camera {
        x: width / 2.0 - scale * (x0 + x1) / 2.0,
        y: height / 2.0 - scale * (y0 + y1) / 2.0,
        scale,
    }
}

/// What the pointer is doing on the canvas.
#[derive(Clone, Debug, PartialEq)]
enum Gesture {
    None,
    Pan {
        from: (f64, f64),
        camera: Camera,
    },
    Drag(ActorId),
    /// Two fingers zoom and pan from the picture as it was when the second came down.
    Pinch {
        pinch: Pinch,
        camera: Camera,
    },
}

/// Which actors the filters let through (the rest are dimmed, not hidden, so the room
/// keeps its bearings).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Filter {
    sector: String,
    level: String,
    tag: String,
}

impl Filter {
    fn is_empty(&self) -> bool {
        self.sector.is_empty() && self.level.is_empty() && self.tag.is_empty()
    }

    fn passes(&self, actor: &Look) -> bool {
        self.lets_through(&actor.sector, actor.level, &actor.tags)
    }

    /// Whether the filter leaves the actor out (its node and lines are dimmed).
    pub fn leaves_out(&self, actor: &samverkan_model::Actor) -> bool {
        !self.lets_through(actor.sector.as_str(), actor.level, &actor.tags)
    }

    fn lets_through(&self, sector: &str, level: Level, tags: &[String]) -> bool {
        (self.sector.is_empty() || sector == self.sector)
            && (self.level.is_empty() || level.as_str() == self.level)
            && (self.tag.is_empty() || tags.iter().any(|t| t.eq_ignore_ascii_case(&self.tag)))
    }
}

#[component]
pub fn NetworkMap() -> impl IntoView {
    let doc = use_doc();
    let formats = crate::ui::shell::parts::Formats::new();
    let t = texts();
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let size = RwSignal::new(DEFAULT_SIZE);
    let camera = RwSignal::new(
        doc.with_map(|m| fitted_camera(m, size.get_untracked()))
            .unwrap_or(Camera {
                x: 0.0,
                y: 0.0,
                scale: 1.0,
            }),
    );
    // The canvas follows the element's real size. A picture fitted to the screen (and not
    // panned or zoomed since) is fitted again when the size changes, as on entering
    // projection mode; another keeps its centre. It is fitted once first measured.
    let fitted = StoredValue::new(true);
    let measure = move |fit: bool| {
        let Some(svg) = svg_ref.get_untracked() else {
            return;
        };
        let element: &web_sys::Element = &svg;
        let measured = Size {
            width: f64::from(element.client_width()).max(200.0),
            height: f64::from(element.client_height()).max(200.0),
        };
        let old = size.get_untracked();
        if measured == old {
            return;
        }
        size.set(measured);
        let refit = fit || fitted.get_value();
        match doc
            .with_map(|m| fitted_camera(m, measured))
            .filter(|_| refit)
        {
            Some(fit) => camera.set(fit),
            None => camera.update(|c| {
                c.x += (measured.width - old.width) / 2.0;
                c.y += (measured.height - old.height) / 2.0;
            }),
        }
    };
    // The element's size changes with the window and also without it (side columns,
    // projection mode): it is watched, and the watch ends with the view. It is first
    // measured when the watch first reports, after the page's own layout in the frame
    // (not read at once, which forced a layout of ~10 ms inside the task opening a map).
    let watch = StoredValue::new_local(None::<crate::ui::map::svg::SizeWatch>);
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else {
            return;
        };
        let first = std::cell::Cell::new(true);
        watch.set_value(crate::ui::map::svg::SizeWatch::new(&svg, move |_, _| {
            measure(first.replace(false))
        }));
    });
    let gesture = RwSignal::new(Gesture::None);
    let pointers = Pointers::default();
    let press = LongPress::new();
    let selected = use_selection().0;
    let filter = RwSignal::new(Filter::default());
    let layer = Layer::default();
    let runner = LayoutRunner::new(doc, layer.clone(), size);
    let running = runner.running.clone();
    // A command that moves actors while no layout runs and nothing is dragged (an undo
    // of a layout, a Kumu map's positions) shows at once: held positions that differ from
    // the document's are let go. Held positions equal to the document's stay.
    {
        let (layer, running) = (layer.clone(), running.clone());
        Effect::new(move |_| {
            doc.with_map_tracked(|_| ());
            let dragging = matches!(gesture.get_untracked(), Gesture::Drag(_));
            if !running.get_untracked() && !dragging {
                layer.release_stale(doc);
            }
        });
    }

    // Fit once a map that had no positions has been placed.
    // A placed or rearranged map is fitted to the screen, and so is one where an edit put
    // an actor out of sight: a name called out in the room must show up.
    *runner.on_settled.borrow_mut() = Some(Box::new(move |purpose| {
        let Some(shown) = camera.try_get_untracked() else {
            return;
        };
        let all_visible = doc
            .with_map(|m| shows_all(shown, m, size.get_untracked()))
            .unwrap_or(true);
        if purpose == Purpose::Place || purpose.lays_out_all() || !all_visible {
            if let Some(fit) = doc.with_map(|m| fitted_camera(m, size.get_untracked())) {
                camera.try_set(fit);
                fitted.try_set_value(true);
            }
        }
    }));
    // New actors and relations are placed by a gentle run that joins their undo step;
    // undo and redo show the document as it is; a newly opened map is placed if need be.
    let known = Known::default();
    known.remember(doc);
    let listener = {
        let runner = runner.clone();
        doc.listen(move |change| match change.origin {
            Origin::Edit(step) if change.grew => {
                runner.start_around(step, known.refresh(doc));
            }
            Origin::Undo | Origin::Redo => runner.stop(),
            Origin::Load => {
                runner.stop();
                if doc.with_map(needs_placing).unwrap_or(false) {
                    runner.start(Purpose::Place);
                }
            }
            _ if change.structural => known.remember(doc),
            _ => {}
        })
    };
    if doc.with_map(needs_placing).unwrap_or(false) {
        // From the next frame: opening a large map and laying it out are separate tasks.
        // It counts as running from now, so nobody takes the unplaced map for settled.
        runner.running.set(true);
        let runner = runner.clone();
        request_animation_frame(move || runner.start(Purpose::Place));
    }
    {
        let runner = send_wrapper::SendWrapper::new(runner.clone());
        on_cleanup(move || {
            doc.unlisten(listener);
            runner.shut_down();
        });
    }

    let svg_point = move |point: (f64, f64)| point_in(svg_ref, point);
    let client = |ev: &web_sys::PointerEvent| (f64::from(ev.client_x()), f64::from(ev.client_y()));
    // A finger on the background pans (a second one joins it in a pinch, below).
    let on_background_down = move |ev: web_sys::PointerEvent| {
        if pointers.count() > 0 {
            return;
        }
        if let Some(point) = svg_point(client(&ev)) {
            gesture.set(Gesture::Pan {
                from: point,
                camera: camera.get_untracked(),
            });
            selected.set(None);
        }
    };
    // A drag becomes one `MoveActors` step when it ends; one that turned into a long press
    // (the actor's menu opened) puts the actor back where it was.
    let end_drag = {
        let (layer, runner) = (layer.clone(), runner.clone());
        move |keep: bool| {
            if let Gesture::Drag(id) = gesture.get_untracked() {
                let dragged = runner.dragging.borrow_mut().take();
                let at = dragged.and_then(|_| layer.slot(&id).get_untracked());
                match at.filter(|_| keep) {
                    Some((x, y)) => {
                        let placement = Placement {
                            id: id.clone(),
                            x,
                            y,
                            pinned: true,
                        };
                        doc.dispatch(Command::MoveActors(vec![placement]));
                        if runner.is_running() {
                            // The layout goes on around the actor now pinned where it was dropped.
                            runner.start(Purpose::Place);
                        } else {
                            layer.release(&id);
                        }
                    }
                    None if !runner.is_running() => layer.release(&id),
                    None => {}
                }
            }
            gesture.set(Gesture::None);
        }
    };
    // Every pointer going down on the canvas is counted here, after the node or background
    // it went down on: a second finger turns whatever the first was doing into a pinch.
    let on_down = {
        let end_drag = end_drag.clone();
        move |ev: web_sys::PointerEvent| {
            if pointers.down(&ev) != 2 {
                return;
            }
            press.cancel();
            end_drag(true);
            let two = pointers.two_in(svg_point);
            if let Some(two) = two {
                gesture.set(Gesture::Pinch {
                    pinch: Pinch::new(two),
                    camera: camera.get_untracked(),
                });
            }
        }
    };
    let on_move = {
        let (layer, runner) = (layer.clone(), runner.clone());
        move |ev: web_sys::PointerEvent| {
            pointers.moved(&ev);
            press.moved(&ev);
            if press.fired() {
                return;
            }
            let Some(point) = svg_point(client(&ev)) else {
                return;
            };
            match gesture.get_untracked() {
                Gesture::None => {}
                Gesture::Pan {
                    from,
                    camera: start,
                } => {
                    fitted.set_value(false);
                    camera.set(Camera {
                        x: start.x + point.0 - from.0,
                        y: start.y + point.1 - from.1,
                        ..start
                    });
                }
                Gesture::Drag(id) => {
                    *runner.dragging.borrow_mut() = Some(id.clone());
                    layer.hold(&id, camera.get_untracked().to_map(point));
                }
                Gesture::Pinch {
                    pinch,
                    camera: start,
                } => {
                    let now = pointers.two_in(svg_point);
                    if let Some(now) = now {
                        let (factor, from, to) = pinch.now(now);
                        fitted.set_value(false);
                        camera.set(start.pinched(factor, from, to, ZOOM_LIMITS));
                    }
                }
            }
        }
    };
    let on_up = move |ev: web_sys::PointerEvent| {
        let left = pointers.up(&ev);
        press.cancel();
        match gesture.get_untracked() {
            // The pinch ends with the second finger; the one left does nothing more.
            Gesture::Pinch { .. } if left == 0 => gesture.set(Gesture::None),
            Gesture::Pinch { .. } => {}
            _ => end_drag(!press.fired()),
        }
    };
    let on_wheel = move |ev: web_sys::WheelEvent| {
        ev.prevent_default();
        let Some(point) = svg_point((f64::from(ev.client_x()), f64::from(ev.client_y()))) else {
            return;
        };
        let factor = if ev.delta_y() < 0.0 { 1.15 } else { 1.0 / 1.15 };
        fitted.set_value(false);
        camera.update(|c| zoom_around(c, point, factor));
    };
    let zoom = move |factor: f64| {
        let Size { width, height } = size.get_untracked();
        fitted.set_value(false);
        camera.update(|c| zoom_around(c, (width / 2.0, height / 2.0), factor))
    };
    let fit = move |()| {
        if let Some(fit) = doc.with_map(|m| fitted_camera(m, size.get_untracked())) {
            camera.set(fit);
            fitted.set_value(true);
        }
    };
    let relayout = {
        let runner = runner.clone();
        move |_| {
            runner.reseed();
            runner.start(Purpose::Rearrange);
        }
    };
    let find = move |ev: leptos::ev::KeyboardEvent| {
        if ev.key() != "Enter" {
            return;
        }
        let query = event_target_value(&ev).trim().to_lowercase();
        let found = doc
            .with_map(|m| {
                m.actors
                    .iter()
                    .find(|a| a.name.to_lowercase().contains(&query))
                    .map(|a| (a.id.clone(), a.x, a.y))
            })
            .flatten();
        if let Some((id, x, y)) = found {
            selected.set(Some(id));
            fitted.set_value(false);
            camera.update(|c| {
                c.scale = c.scale.max(1.0);
                let Size { width, height } = size.get_untracked();
                c.x = width / 2.0 - x * c.scale;
                c.y = height / 2.0 - y * c.scale;
            });
        }
    };

    // The ego view: the selected actor and those within `Neighbourhood depth` relations.
    let depth = RwSignal::new(1usize);
    let only_near = RwSignal::new(false);
    let neighbours = Memo::new(move |_| {
        let id = selected.get()?;
        let depth = depth.get();
        doc.with_structure(|m| m.neighbourhood(&id, depth))
    });
    let arrangement = RwSignal::new(crate::ui::map::arrangement::remembered());
    let ego_in_use = move || only_near.get() || depth.get() > 1;
    let tags = move || {
        let mut tags: Vec<String> = doc
            .with_map_tracked(|m| {
                m.actors
                    .iter()
                    .flat_map(|a| a.tags.iter().cloned())
                    .collect()
            })
            .unwrap_or_default();
        tags.sort();
        tags.dedup();
        tags
    };
    let near = Marks::default();
    {
        let near = near.clone();
        Effect::new(move |_| near.set(neighbours.get().unwrap_or_default()));
    }
    // Labels are the same size on screen at every zoom; which of them show is worked out
    // again when the zoom, the picture or the selection changes (not while it moves).
    let scale = Memo::new(move |_| camera.with(|c| c.scale));
    let labelled = RwSignal::new(Vec::<(ActorId, (NameAt, &'static str))>::new());
    let hovered = RwSignal::new(None::<ActorId>);
    {
        let running = running.clone();
        Effect::new(move |_| {
            let shown = camera.get();
            let focus = neighbours.get();
            let selected = selected.get();
            // Not while the layout runs or the picture is panned: when it comes to rest.
            if running.get() || gesture.with(|g| matches!(g, Gesture::Pan { .. })) {
                return;
            }
            // The part of the picture on screen, in the labels' coordinates (map × scale).
            let Size { width, height } = size.get();
            let view = [-shown.x, -shown.y, width - shown.x, height - shown.y];
            let only = only_near.get();
            let labels = doc.with_map_tracked(|m| {
                labels_to_show(
                    m,
                    shown.scale,
                    view,
                    selected.as_ref(),
                    focus.as_ref(),
                    only,
                )
            });
            labelled.set(labels.unwrap_or_default());
        });
    }
    // A dragged actor and its lines are drawn apart, on a layer of their own, with those a
    // run after an edit moves: that run's frames tell the still lines only of what moves
    // among them (`LayoutRunner::draw`), so its actors' lines stay apart during a drag too.
    let moving = {
        let placing = runner.moving.clone();
        Memo::new(move |_| {
            let mut apart = placing.get();
            if let Some(id) = dragged(gesture) {
                apart.get_or_insert_with(HashSet::new).insert(id);
            }
            apart
        })
    };
    // The canvas is one stop in the tab order; arrow keys go from actor to actor.
    let focused = RwSignal::new(None::<ActorId>);
    let is_tab_stop = crate::ui::tab_stop(focused);
    let degrees = crate::ui::relation_counts();
    let communities = crate::ui::map::communities::use_communities();
    let repaint = Repaint::new(communities, move || {
        doc.with_map(|m| m.actors.len()).unwrap_or(0)
    });
    let painted = repaint.done.clone();
    let context = NetworkContext {
        doc,
        lang: crate::app::use_lang(),
        communities,
        repaint,
        pointers,
        press,
        focused,
        is_tab_stop,
        degrees,
        gesture,
        selected,
        filter,
        near,
        is_selected: Selector::new(move || selected.get()),
        is_dragged: Selector::new(move || dragged(gesture)),
        hovered,
        spots: Memo::new(move |_| labelled.with(|l| l.iter().cloned().collect())),
        label_size: Memo::new(move |_| {
            let scale = scale.get();
            let px = fit::label_px(scale, size.with(|s| s.width));
            (
                format!("{:.2}", px / scale),
                format!("{:.2}", LABEL_HALO_PX * px / fit::LABEL_PX / scale),
            )
        }),
    };
    // A map still to be placed gets its first batch in the next frame, apart from the
    // task that opened it; one with positions shows its first batch at once.
    let placing = doc.with_map(needs_placing).unwrap_or(false);
    let revealed = RwSignal::new(if placing { 0 } else { FIRST_REVEALED });
    reveal_more(doc, revealed, runner.clone());
    let arrival = crate::ui::Arrival::default();
    let shown_actors = move || {
        let limit = revealed.get();
        let mut ids = arrival.order(doc.actor_ids());
        ids.truncate(limit);
        ids
    };
    // The labels drawn: those that fit, in map order, then the hovered and selected
    // actors' on top.
    let label_ids = Memo::new(move |_| {
        let extra: Vec<ActorId> = [hovered.get(), selected.get()]
            .into_iter()
            .flatten()
            .collect();
        // The label pass lists them in map order already: no walk over every actor here.
        let mut ids: Vec<ActorId> = labelled.with(|shown| {
            shown
                .iter()
                .map(|(id, _)| id)
                .filter(|id| !extra.contains(id))
                .cloned()
                .collect()
        });
        for id in extra {
            if doc.actor(&id).is_some() && !ids.contains(&id) {
                ids.push(id);
            }
        }
        ids
    });
    let label_size = context.label_size;
    let events = StoredValue::new_local(NodeEvents {
        context: context.clone(),
        layer: layer.clone(),
        menu: use_actor_menu(),
    });
    let (context_for_nodes, context_for_labels) = (context.clone(), context);
    let layer_for_labels = layer.clone();
    let layer_for_nodes = layer.clone();
    let layer_for_lines = layer;
    let running_attr = running.clone();

    view! {
        <section class="networkview">
            <div class="maptools" role="toolbar" aria-label=move || t().map_tools>
                <input type="search" aria-label=move || t().find_actor placeholder=move || t().find_actor on:keydown=find/>
                // Less used tools open from a menu, so the row stays one row on a laptop.
                <details class="toolmenu">
                    <summary class:active=move || !filter.with(Filter::is_empty)>{move || t().filter}</summary>
                    <div class="menu">
                        <select aria-label=move || t().filter_sector on:change=move |ev| filter.update(|f| f.sector = event_target_value(&ev))>
                            <option value="">{move || t().all_sectors}</option>
                            {move || doc.sectors().into_iter().map(|s| view! { <option value=s.id.0.clone()>{s.label.clone()}</option> }).collect_view()}
                        </select>
                        <select aria-label=move || t().filter_level on:change=move |ev| filter.update(|f| f.level = event_target_value(&ev))>
                            <option value="">{move || t().all_levels}</option>
                            {Level::ALL.into_iter().map(|l| view! { <option value=l.as_str()>{move || (t().level_label)(l)}</option> }).collect_view()}
                        </select>
                        <select aria-label=move || t().filter_tag on:change=move |ev| filter.update(|f| f.tag = event_target_value(&ev))>
                            <option value="">{move || t().all_tags}</option>
                            {move || tags().into_iter().map(|tag| view! { <option value=tag.clone()>{tag.clone()}</option> }).collect_view()}
                        </select>
                    </div>
                </details>
                <button on:click=move |_| zoom(1.25) aria-label=move || t().zoom_in>"+"</button>
                <button on:click=move |_| zoom(0.8) aria-label=move || t().zoom_out>"−"</button>
                <button on:click=move |_| fit(())>{move || t().fit_to_screen}</button>
                <button on:click=relayout disabled=move || running.get()>{move || t().rearrange}</button>
                {crate::ui::shell::parts::shown(crate::ui::shell::parts::layout_select(send_wrapper::SendWrapper::new(runner.clone()), arrangement, Callback::new(move |()| fit(()))))}
                <details class="toolmenu">
                    <summary class:active=ego_in_use>{move || t().neighbourhood}</summary>
                    <div class="menu">
                        <label class="field"><span>{move || t().neighbourhood_depth}</span>
                            <select aria-label=move || t().neighbourhood_depth
                                on:change=move |ev| depth.set(event_target_value(&ev).parse().unwrap_or(1))>
                                {(1..=3).map(|d| view! { <option value=d.to_string()>{move || (t().depth_label)(d)}</option> }).collect_view()}
                            </select>
                        </label>
                        <label class="check"><input type="checkbox" prop:checked=only_near
                            on:change=move |ev| only_near.set(event_target_checked(&ev))/>{move || t().only_neighbourhood}</label>
                        <p class="hint">{move || t().neighbourhood_hint}</p>
                    </div>
                </details>
                <crate::ui::map::communities::ColourBySelect/>
                <details class="toolmenu">
                    <summary>{move || t().export_picture}</summary>
                    <div class="menu">
                        <button on:click=move |_| formats.run(crate::ui::shell::parts::FormatJob::Picture { png: false, selector: "svg.network", what: "map" })>{move || t().export_svg}</button>
                        <button on:click=move |_| formats.run(crate::ui::shell::parts::FormatJob::Picture { png: true, selector: "svg.network", what: "map" })>{move || t().export_png}</button>
                    </div>
                </details>
            </div>
            <svg node_ref=svg_ref class="network" viewBox=move || { let s = size.get(); format!("0 0 {:.0} {:.0}", s.width, s.height) } role="group"
                aria-label=move || t().network_title
                data-layout=move || if running_attr.get() { "running" } else { "idle" }
                on:pointerdown=on_down on:pointermove=on_move on:pointerup=on_up.clone() on:pointercancel=on_up on:wheel=on_wheel>
                <rect class="background" width=move || size.get().width height=move || size.get().height on:pointerdown=on_background_down/>
                // The nodes' events are handled here, once for all ([`NodeEvents`]).
                <g class="scene" class:focused=move || neighbours.with(Option::is_some) class:only-near=only_near
                    transform=move || camera.get().transform()
                    on:pointerdown=move |ev| events.with_value(|e| e.down(ev)) on:keydown=move |ev| events.with_value(|e| e.key(ev))
                    on:contextmenu=move |ev| events.with_value(|e| e.context_menu(ev)) on:focusin=move |ev| events.with_value(|e| e.focus(ev))
                    on:pointerover=move |ev| events.with_value(|e| e.enter(ev.target()))
                    on:pointerout=move |ev| events.with_value(|e| e.leave(ev.target(), ev.related_target()))
                    on:focusout=move |ev| events.with_value(|e| e.leave(ev.target(), ev.related_target()))>
                    <Guides chosen=arrangement scale=scale/>
                    <Relations part=Part::Still layer=layer_for_lines.clone() near=neighbours filter=filter moving=moving/>
                    <For each=shown_actors key=|id| id.clone() let:id>
                        <ActorNode id=id context=context_for_nodes.clone() layer=layer_for_nodes.clone()/>
                    </For>
                    <g class="labels">
                        <For each=move || label_ids.get() key=|id| id.clone() let:id>
                            <NodeLabel id=id context=context_for_labels.clone() layer=layer_for_labels.clone()/>
                        </For>
                    </g>
                    // Last, so its own layer has nothing drawn over it to sort out per frame.
                    <g class="lifted-layer">
                        <Relations part=Part::Moving layer=layer_for_lines.clone() near=neighbours filter=filter moving=moving/>
                        <Lifted gesture=gesture layer=layer_for_lines label_size=label_size/>
                    </g>
                </g>
            </svg>
            <Legend painted=painted/>
            <p class="hint">{move || t().network_hint}</p>
        </section>
    }
}

/// Shows another batch of nodes and lines each frame until all are drawn; then lifts the
/// limit. Stops quietly if the view is gone. A batch is built in a task of its own after a
/// frame, and its names are measured (for the labels pass after a layout) in the next,
/// while the frame drawing it is awaited: all in the frame's task made one of 50–130 ms.
fn reveal_more(doc: Doc, revealed: RwSignal<usize>, runner: LayoutRunner) {
    request_animation_frame(move || {
        crate::browser::after_ms(0, move || reveal_batch(doc, revealed, runner));
    });
}

fn reveal_batch(doc: Doc, revealed: RwSignal<usize>, runner: LayoutRunner) {
    let Some(limit) = revealed.try_get_untracked() else {
        return;
    };
    let needed = doc.with_map(|m| m.actors.len()).unwrap_or(0);
    if limit >= needed {
        revealed.try_set(usize::MAX);
    } else {
        // Fewer while the layout takes its share of the frame here (not in the worker).
        let batch = if runner.runs_here() {
            REVEALED_PER_FRAME_WHILE_LAYING_OUT
        } else if limit == 0 {
            FIRST_BATCH
        } else {
            REVEALED_PER_FRAME
        };
        revealed.try_set(limit + batch);
        crate::browser::after_ms(0, move || {
            doc.with_map(|m| {
                let batch = m.actors.iter().skip(limit).take(batch);
                crate::ui::map::svg::measure_names(batch.map(|a| a.label()));
            });
            reveal_more(doc, revealed, runner);
        });
    }
}

fn zoom_around(camera: &mut Camera, point: (f64, f64), factor: f64) {
    *camera = camera.pinched(factor, point, point, ZOOM_LIMITS);
}

/// The view state the nodes and lines share.
#[derive(Clone)]
struct NetworkContext {
    doc: Doc,
    lang: RwSignal<crate::i18n::Lang>,
    communities: crate::ui::map::communities::Communities,
    /// Tells the nodes of a new colouring, a share of them per frame.
    repaint: Repaint,
    gesture: RwSignal<Gesture>,
    selected: RwSignal<Option<ActorId>>,
    filter: RwSignal<Filter>,
    /// The selected actor's neighbourhood (itself included), one signal per actor.
    near: Marks,
    /// Tells only the nodes whose selected state changes.
    is_selected: Selector<Option<ActorId>>,
    /// The actor a drag holds: hidden in place, drawn as a [`Lifted`] copy on top.
    is_dragged: Selector<Option<ActorId>>,
    /// Label size for the zoom level: changes on zoom, not on every pan.
    /// The actor under the pointer or keyboard focus.
    hovered: RwSignal<Option<ActorId>>,
    /// Where each shown label sits (below when not listed: hovered or selected), and its
    /// text's anchor (`start`, `middle`, `end`).
    spots: Memo<std::collections::HashMap<ActorId, (NameAt, &'static str)>>,
    /// Label font size and halo width in map units for the zoom: changes on zoom, not pan.
    label_size: Memo<(String, String)>,
    pointers: Pointers,
    press: LongPress,
    /// The one node in the tab order: the last one focused, else the selected, else the first.
    focused: RwSignal<Option<ActorId>>,
    is_tab_stop: Selector<Option<ActorId>>,
    /// How many relations each actor has (those with any), for its accessible name.
    degrees: Memo<std::collections::HashMap<ActorId, usize>>,
}

/// The white halo round a name, at its full size ([`fit::LABEL_PX`]).
const LABEL_HALO_PX: f64 = 4.0;
/// Space between a circle and a label beside it.
const LABEL_GAP_PX: f64 = 4.0;

/// An actor's label box on screen in CSS pixels at its full size (a zoom of 1 or
/// closer): the rendered text with the white halo on each side. The layout keeps these
/// clear at the zoom the map is read at; farther out, names shrink (`fit::label_px`).
pub fn label_size(actor: &samverkan_model::Actor) -> [f64; 2] {
    [
        crate::ui::map::svg::label_width(actor.label(), fit::LABEL_PX) + 2.0 * LABEL_HALO_PX,
        fit::LABEL_PX * 1.4,
    ]
}

/// On maps with up to this many actors a name with no room beside its dot may be set a
/// line or more away with a line leading to it, as on the grid; a larger map is read
/// zoomed in, where names find room beside their dots (and the search would be long).
const MOST_LED: usize = 120;

/// The actors whose labels fit without overlapping at this zoom, and where each goes (in
/// map units from its dot): the selected actor and its neighbourhood first, then the most
/// influential and best connected; beside the dot, else away from it with a line to it.
fn labels_to_show(
    map: &Map,
    scale: f64,
    view: [f64; 4],
    selected: Option<&ActorId>,
    focus: Option<&HashSet<ActorId>>,
    only_focus: bool,
) -> Vec<(ActorId, (NameAt, &'static str))> {
    // With `Only neighbourhood`, the actors out of it are not drawn: no label, no dot.
    let drawn = |a: &samverkan_model::Actor| !only_focus || focus.is_none_or(|f| f.contains(&a.id));
    let mut degree: std::collections::HashMap<&ActorId, usize> = Default::default();
    for r in &map.relations {
        *degree.entry(&r.from).or_default() += 1;
        *degree.entry(&r.to).or_default() += 1;
    }
    // Names shrink as the map is zoomed out, down to a size that still reads.
    let shrink = fit::label_px(scale, view[2] - view[0]) / fit::LABEL_PX;
    let gap = LABEL_GAP_PX * shrink;
    let circle = |a: &samverkan_model::Actor| {
        let r = radius(a.influence_or_middle()) * scale;
        ([a.x * scale, a.y * scale], r)
    };
    // No label covers another actor's dot.
    let dots: Vec<LabelBox> = map
        .actors
        .iter()
        .filter(|a| drawn(a))
        .map(|a| {
            let ([x, y], r) = circle(a);
            LabelBox {
                x: x - r,
                y: y - r,
                width: 2.0 * r,
                height: 2.0 * r,
                priority: 0.0,
            }
        })
        .collect();
    // Only places wholly on screen, so no name is cut at the canvas's edge.
    let on_screen = |b: &LabelBox| {
        b.x >= view[0] && b.y >= view[1] && b.x + b.width <= view[2] && b.y + b.height <= view[3]
    };
    // A phone's drawing is not spread to fit its names (it is read zoomed in), so a name
    // set away there would have a long line across the crowd.
    let away = if map.actors.len() <= MOST_LED && view[2] - view[0] >= fit::NARROW {
        usize::MAX
    } else {
        0
    };
    // Measured once per pass, and only the names that are drawn.
    let sizes: Vec<[f64; 2]> = map
        .actors
        .iter()
        .map(|a| {
            if drawn(a) {
                label_size(a).map(|v| v * shrink)
            } else {
                [0.0; 2]
            }
        })
        .collect();
    let names = map
        .actors
        .iter()
        .zip(&sizes)
        .map(|(a, &size)| {
            if !drawn(a) {
                return NameSpots::default();
            }
            let priority = if selected == Some(&a.id) {
                1e12
            } else if focus.is_some_and(|f| f.contains(&a.id)) {
                1e9
            } else {
                0.0
            } + a.influence_or_middle() as f64 * 1e4
                + degree.get(&a.id).copied().unwrap_or(0) as f64;
            let (centre, r) = circle(a);
            let beside: Vec<LabelBox> = spots_around(centre, r, size, gap, priority)
                .into_iter()
                .filter(on_screen)
                .collect();
            // Set away towards the nearer side edge, where the drawing thins out.
            let outwards = centre[0] > (view[0] + view[2]) / 2.0;
            let further = spots_further(centre, r, size, gap, priority, outwards);
            let one_line = beside.len();
            NameSpots::new(
                centre,
                (beside, one_line),
                further.take(away).filter(on_screen),
            )
        })
        .collect();
    // The text starts at its box's edge: the halo is part of the gap to the dot.
    let places = place_names(names, &dots, 0.0, fit::LABEL_PX * shrink);
    map.actors
        .iter()
        .zip(places)
        .zip(sizes)
        .filter_map(|((a, at), [width, _])| {
            // The text is anchored on the side of its box facing the dot (its middle when
            // below or above it), so a name whose width is over-estimated still hugs it.
            let mut at = at?;
            let anchor = if (at.x + width / 2.0).abs() < 0.5 {
                at.x = 0.0;
                "middle"
            } else if at.x + width <= 0.0 {
                at.x += width;
                "end"
            } else {
                "start"
            };
            Some((a.id.clone(), (at.scaled(1.0 / scale), anchor)))
        })
        .collect()
}

/// The actors and relations the view has seen, to tell what an edit added.
#[derive(Clone, Default)]
struct Known(std::rc::Rc<std::cell::RefCell<(HashSet<ActorId>, HashSet<RelationId>)>>);

impl Known {
    /// Takes in the map as it is now; returns what may move to make room for what is new:
    /// new actors, their neighbours and the ends of new relations.
    fn refresh(&self, doc: Doc) -> HashSet<ActorId> {
        let moving = doc.with_map(|m| {
            let known = self.0.borrow();
            let new_actors: HashSet<&ActorId> = m
                .actors
                .iter()
                .map(|a| &a.id)
                .filter(|id| !known.0.contains(*id))
                .collect();
            let mut moving: HashSet<ActorId> = new_actors.iter().map(|id| (*id).clone()).collect();
            for relation in &m.relations {
                let touches_new =
                    new_actors.contains(&relation.from) || new_actors.contains(&relation.to);
                if touches_new || !known.1.contains(&relation.id) {
                    moving.insert(relation.from.clone());
                    moving.insert(relation.to.clone());
                }
            }
            moving
        });
        self.remember(doc);
        moving.unwrap_or_default()
    }

    /// Takes in the map as it is now, where nothing is to move (the view opening, an actor
    /// removed): on a map just opened everything is new, and working out what would move
    /// cost a 1k map's opening task several milliseconds for nothing.
    fn remember(&self, doc: Doc) {
        let mut known = self.0.borrow_mut();
        doc.with_map(|m| {
            known.0 = m.actors.iter().map(|a| a.id.clone()).collect();
            known.1 = m.relations.iter().map(|r| r.id.clone()).collect();
        });
    }
}

/// What a node shows of its actor apart from the position.
#[derive(Clone, PartialEq)]
struct Look {
    name: String,
    label: String,
    /// `None` when not rated: drawn at the middle size with a dashed ring.
    influence: Option<i64>,
    sector: String,
    level: Level,
    tags: Vec<String>,
    pinned: bool,
}

impl Look {
    fn of(actor: &samverkan_model::Actor) -> Self {
        Self {
            name: actor.name.clone(),
            label: actor.label().to_owned(),
            influence: actor.influence,
            sector: actor.sector.0.clone(),
            level: actor.level,
            tags: actor.tags.clone(),
            pinned: actor.pinned,
        }
    }
}

#[component]
fn ActorNode(id: ActorId, context: NetworkContext, layer: Layer) -> impl IntoView {
    // Everything a node needs comes with `context` (no lookup up the owner tree per node),
    // and its events are handled once for all nodes ([`NodeEvents`]): a thousand nodes
    // are built in a few frames of an import.
    let NetworkContext {
        doc, communities, ..
    } = context;
    let lang = context.lang;
    let t = move || lang.get().texts();
    let actor = crate::ui::actor_signal(doc, &id);
    let held = layer.slot(&id);
    // What the node shows apart from its place, so a move re-renders only the transform.
    let look = {
        let actor = actor.clone();
        Memo::new(move |_| actor.with(Look::of))
    };
    let color = {
        let (id, share) = (id.clone(), context.repaint.join());
        move || {
            share.track();
            communities.color_told(&id, || look.with(|l| doc.sector_color(&l.sector)))
        }
    };
    // `near` is a signal per actor: a new selection tells only the nodes that enter or
    // leave the neighbourhood (and the one selected), and CSS dims the rest at once.
    let near = context.near.slot(&id);
    let key = Some(id.clone());
    let is_selected = {
        let (selector, key) = (context.is_selected.clone(), key.clone());
        move || selector.selected(&key)
    };
    let class = {
        let (lifted, is_selected) = (lifted(&context, &id), is_selected.clone());
        let filter = context.filter;
        move || {
            let (dimmed, pinned, unrated) = look.with(|l| {
                let dimmed = !filter.with(|f| f.passes(l));
                (dimmed, l.pinned, l.influence.is_none())
            });
            let marks = [
                (near.get(), " near"),
                (dimmed, " dimmed"),
                (is_selected(), " selected"),
                (pinned, " pinned"),
                (unrated, " unrated"),
                (lifted(), " lifted"),
            ];
            let mut class = String::from("node");
            marks
                .into_iter()
                .filter(|(on, _)| *on)
                .for_each(|(_, mark)| class.push_str(mark));
            class
        }
    };
    let tab_stop = {
        let selector = context.is_tab_stop.clone();
        move || selector.selected(&key)
    };
    // No memo of its own (each kind of memo adds to the first load): a new relation names
    // every node again, which is rare and cheap.
    let relations = {
        let (degrees, id) = (context.degrees, id.clone());
        move || degrees.with(|d| d.get(&id).copied().unwrap_or(0))
    };
    let aria = move || {
        let (named, sector) = look.with(|l| {
            let named = (t().network_actor_label)(&l.name, l.influence);
            (named, crate::ui::sector_name(doc, &l.sector, t()))
        });
        format!("{named}, {}", (t().actor_context)(&sector, relations()))
    };
    let shows = move || Shows {
        class: class(),
        tabindex: if tab_stop() { "0" } else { "-1" },
        pressed: if is_selected() { "true" } else { "false" },
        label: aria(),
        radius: look
            .with(|l| radius(l.influence.unwrap_or(MIDDLE)))
            .to_string(),
        fill: color(),
    };
    let transform = move || {
        let (x, y) = held.get().unwrap_or_else(|| actor.with(|a| (a.x, a.y)));
        crate::ui::map::svg::translate(x, y)
    };
    let shows = std::rc::Rc::new(shows);
    let draw = move |node: web_sys::Element| draw_node(node, shows.clone());
    view! {
        <g data-actor=id.to_string() transform=transform role="button" use:draw></g>
    }
}

/// What a node shows apart from its place: the values of its attributes and its circle's.
struct Shows {
    class: String,
    tabindex: &'static str,
    pressed: &'static str,
    label: String,
    radius: String,
    fill: String,
}

impl Shows {
    /// How many of the attributes are the node's own; the rest are its circle's.
    const ON_NODE: usize = 4;

    /// Each attribute's name and value, the node's first.
    fn attributes(&self) -> [(&'static str, &str); 6] {
        [
            ("class", &self.class),
            ("tabindex", self.tabindex),
            ("aria-pressed", self.pressed),
            ("aria-label", &self.label),
            ("r", &self.radius),
            ("fill", &self.fill),
        ]
    }
}

/// Gives a node its circle and keeps both showing `shows`, in one render effect: each
/// render effect spawns a task of its own, and with seven a node (one per attribute) the
/// batches of a 1k import were long tasks twice as often. Only what changed is set again.
fn draw_node(node: web_sys::Element, shows: std::rc::Rc<dyn Fn() -> Shows>) {
    let svg = Some("http://www.w3.org/2000/svg");
    let Ok(circle) = document().create_element_ns(svg, "circle") else {
        return;
    };
    let _ = node.append_child(&circle);
    let effect = RenderEffect::new(move |before: Option<Shows>| {
        let now = shows();
        let old = before.as_ref().map(Shows::attributes);
        for (k, (name, value)) in now.attributes().into_iter().enumerate() {
            if old.is_none_or(|old| old[k].1 != value) {
                let element = if k < Shows::ON_NODE { &node } else { &circle };
                let _ = element.set_attribute(name, value);
            }
        }
        now
    });
    // The effect lives as long as the node's owner (the `For`'s row).
    on_cleanup(move || drop(effect));
}

/// The actor whose node an event happened on, and the node.
fn node_of(target: Option<web_sys::EventTarget>) -> Option<(ActorId, web_sys::Element)> {
    use wasm_bindgen::JsCast;
    let element: web_sys::Element = target?.dyn_into().ok()?;
    let node = element.closest("g.node").ok()??;
    let id = node.get_attribute("data-actor")?;
    Some((ActorId::from(id), node))
}

/// The nodes' events, handled on the scene that holds them: a press selects and starts
/// a drag, Enter or Space selects (or ends a `Link`), the arrow keys go to the nearest
/// actor that way, the context-menu key or a right click opens the actor's actions, and
/// pointer or keyboard focus shows its label even where it would overlap.
#[derive(Clone)]
struct NodeEvents {
    context: NetworkContext,
    layer: Layer,
    menu: ActorMenu,
}

impl NodeEvents {
    fn down(&self, ev: web_sys::PointerEvent) {
        if let Some((id, _)) = node_of(ev.target()) {
            press_actor(&self.context, id, &ev);
        }
    }

    fn key(&self, ev: leptos::ev::KeyboardEvent) {
        let Some((id, node)) = node_of(ev.target()) else {
            return;
        };
        let key = ev.key();
        if matches!(key.as_str(), "Enter" | " ") {
            ev.prevent_default();
            if !link_box::picked(&id) {
                self.context.selected.set(Some(id));
            }
        } else if opens_menu(&ev) {
            ev.prevent_default();
            self.menu.open_beside(id, &node);
        } else if let Some(direction) = Direction::of_key(&key) {
            ev.prevent_default();
            let at = |a: &samverkan_model::Actor| {
                self.layer.slot(&a.id).get_untracked().unwrap_or((a.x, a.y))
            };
            let next = self.context.doc.with_map(|m| {
                let from = m.actor(&id).map(at)?;
                let others = m
                    .actors
                    .iter()
                    .filter(|a| a.id != id)
                    .map(|a| (a.id.clone(), at(a)));
                nearest_in_direction(from, others, direction)
            });
            if let Some(next) = next.flatten() {
                self.context.focused.set(Some(next.clone()));
                crate::ui::focus_drawn_actor("svg.network g.node", &next);
            }
        }
    }

    fn context_menu(&self, ev: web_sys::MouseEvent) {
        if let Some((id, _)) = node_of(ev.target()) {
            ev.prevent_default();
            let (x, y) = (f64::from(ev.client_x()), f64::from(ev.client_y()));
            self.context.press.cancel();
            self.menu.open(id, x, y);
        }
    }

    /// The pointer came onto a node.
    fn enter(&self, target: Option<web_sys::EventTarget>) {
        if let Some((id, _)) = node_of(target) {
            self.hover(id, true);
        }
    }

    /// The pointer or the focus left a node for something that is not that node (`to`).
    fn leave(&self, target: Option<web_sys::EventTarget>, to: Option<web_sys::EventTarget>) {
        if let Some((id, _)) = node_of(target) {
            if node_of(to).is_none_or(|(to, _)| to != id) {
                self.hover(id, false);
            }
        }
    }

    fn focus(&self, ev: web_sys::FocusEvent) {
        if let Some((id, _)) = node_of(ev.target()) {
            self.context.focused.set(Some(id.clone()));
            self.hover(id, true);
        }
    }

    /// Shows the actor's label (`on`), or lets go of it if it is the one shown.
    fn hover(&self, id: ActorId, on: bool) {
        // Passing over other nodes while dragging shows nothing new.
        let (gesture, hovered) = (self.context.gesture, self.context.hovered);
        if gesture.with_untracked(|g| matches!(g, Gesture::Drag(_))) {
            return;
        }
        if on {
            hovered.set(Some(id));
        } else if hovered.with_untracked(|h| h.as_ref() == Some(&id)) {
            hovered.set(None);
        }
    }
}

/// Pressing an actor (its dot, or its name on a touch screen): selects it and starts a drag;
/// with Shift, links the selected actor to it.
fn press_actor(context: &NetworkContext, id: ActorId, ev: &web_sys::PointerEvent) {
    // A second finger is a pinch (the canvas sees to it); a right click opens the menu.
    if context.pointers.count() > 0 || ev.button() > 0 {
        return;
    }
    if link_box::picked(&id) {
        return;
    }
    let previous = context.selected.get_untracked();
    // Shift+click links the selected actor to this one, with the last kind used.
    if ev.shift_key() && previous.is_some_and(|p| p != id) {
        crate::ui::map::link_box::link_selected_to(&id);
        context.selected.set(Some(id));
        return;
    }
    context.selected.set(Some(id.clone()));
    context.doc.seal();
    context.gesture.set(Gesture::Drag(id.clone()));
    context.press.start(ev, id);
}

/// One actor's label, drawn in the layer above every node so no circle hides it.
#[component]
fn NodeLabel(id: ActorId, context: NetworkContext, layer: Layer) -> impl IntoView {
    let actor = crate::ui::actor_signal(context.doc, &id);
    let held = layer.slot(&id);
    let near = context.near.slot(&id);
    let look = {
        let actor = actor.clone();
        Memo::new(move |_| actor.with(Look::of))
    };
    let filtered_out = Memo::new(move |_| look.with(|l| !context.filter.with(|f| f.passes(l))));
    let lifted = lifted(&context, &id);
    let transform = move || {
        let (x, y) = held.get().unwrap_or_else(|| actor.with(|a| (a.x, a.y)));
        crate::ui::map::svg::translate(x, y)
    };
    // A name is a larger target than its dot for a finger (CSS lets it take the touch).
    let on_down = {
        let (context, id) = (context.clone(), id.clone());
        move |ev: web_sys::PointerEvent| press_actor(&context, id.clone(), &ev)
    };
    let size = move || context.label_size.with(|(size, _)| size.clone());
    let halo = move || context.label_size.with(|(_, halo)| halo.clone());
    // Where the label pass put it; below the circle when it has none (hovered, selected).
    let name_at = {
        let id = id.clone();
        Memo::new(move |_| context.spots.with(|s| s.get(&id).copied()))
    };
    let r = move || look.with(|l| radius(l.influence.unwrap_or(MIDDLE)));
    // Where the text goes from the centre of the circle, in map units, and its anchor.
    let place = move || match name_at.get() {
        Some((at, anchor)) => (at.x, at.y, anchor),
        None => {
            let font: f64 = context
                .label_size
                .with(|(size, _)| size.parse().unwrap_or(16.0));
            (0.0, r() + font, "middle")
        }
    };
    // A name set away from its dot has a line leading to it, hidden and dimmed with it.
    let leader = {
        let (context, id, near, transform) =
            (context.clone(), id.clone(), near.clone(), transform.clone());
        move || {
            let line = name_at.get()?.0.leader_line([0.0, 0.0], r())?;
            Some(view! {
                <g class="node-leader" data-actor=id.to_string() class:near=near.clone() class:dimmed=filtered_out class:lifted=self::lifted(&context, &id) transform=transform.clone()>{line}</g>
            })
        }
    };
    view! {
        {leader}
        <text class="node-label" data-actor=id.to_string() class:near=near class:dimmed=filtered_out class:lifted=lifted transform=transform
            on:pointerdown=on_down x=move || place().0 y=move || place().1 text-anchor=move || place().2 font-size=size stroke-width=halo aria-hidden="true">
            {move || look.with(|l| l.label.clone())}
        </text>
    }
}

/// The actor a drag holds (tracked: the gesture changes when a drag starts or ends).
fn dragged(gesture: RwSignal<Gesture>) -> Option<ActorId> {
    gesture.with(|g| match g {
        Gesture::Drag(id) => Some(id.clone()),
        _ => None,
    })
}

/// Whether this actor is the one a drag holds (only its own node is told).
fn lifted(context: &NetworkContext, id: &ActorId) -> impl Fn() -> bool + Send + Sync + 'static {
    let (selector, key) = (context.is_dragged.clone(), Some(id.clone()));
    move || selector.selected(&key)
}

/// The dragged actor drawn on the drag's own layer: moving it redraws that layer only,
/// not the thousand nodes and lines under it. The node in place is hidden meanwhile.
#[component]
fn Lifted(
    gesture: RwSignal<Gesture>,
    layer: Layer,
    label_size: Memo<(String, String)>,
) -> impl IntoView {
    let doc = use_doc();
    let communities = crate::ui::map::communities::use_communities();
    move || {
        let id = dragged(gesture)?;
        let actor = doc.actor(&id)?;
        let held = layer.slot(&id);
        let look = actor.with_untracked(Look::of);
        let r = radius(look.influence.unwrap_or(MIDDLE));
        let color = communities.color(&id, || doc.sector_color(&look.sector));
        // The label as the others are drawn at this zoom (the zoom does not change mid-drag).
        let (font, halo) = label_size.get_untracked();
        let below = r + font.parse().unwrap_or(fit::LABEL_PX);
        let transform = move || {
            let (x, y) = held.get().unwrap_or_else(|| actor.with(|a| (a.x, a.y)));
            crate::ui::map::svg::translate(x, y)
        };
        Some(view! {
            <g class="lifted-copy" transform=transform aria-hidden="true">
                <circle r=r fill=color/>
                // `near`: the dragged actor is selected, and its label is not dimmed with the rest.
                <text class="node-label near" y=below text-anchor="middle" font-size=font stroke-width=halo>{look.label}</text>
            </g>
        })
    }
}

/// Sector colours and relation styles, so the picture explains itself on a projector.
/// A new colouring shows once `painted` tells that every node has it.
#[component]
fn Legend(painted: ArcTrigger) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    // A memo: the legend is redrawn only when the sectors in use change.
    let used = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            let in_use: HashSet<&str> = m.actors.iter().map(|a| a.sector.as_str()).collect();
            m.sectors
                .iter()
                .filter(|s| in_use.contains(s.id.as_str()))
                .cloned()
                .collect::<Vec<_>>()
        })
        .unwrap_or_default()
    });
    let communities = crate::ui::map::communities::use_communities();
    // The colours in use: the sectors', or those of what the map is coloured by.
    let swatches = move || {
        painted.track();
        let t = t();
        untrack(|| communities.swatches(t)).unwrap_or_else(|| {
            let sectors = used.get().into_iter();
            sectors.map(|s| (s.color, s.label)).collect()
        })
    };
    view! {
        // One tab stop: on a narrow canvas the legend scrolls sideways.
        <div class="legend" role="group" tabindex="0" aria-label=move || t().legend>
            {move || crate::ui::map::communities::swatch_items(swatches())}
            {RelationKind::ALL.into_iter().map(|k| view! {
                <span class="legend-item">
                    <svg width="30" height="10" aria-hidden="true"><line x1="0" y1="5" x2="30" y2="5" class=format!("relation {}", k.as_str()) stroke-width="3"/></svg>
                    {move || (t().relation_kind_label)(k)}
                </span>
            }).collect_view()}
        </div>
    }
}
