//! The map's relations as a few SVG paths, one per look (kind, strength, direction and
//! whether the lines are highlighted or dimmed), instead of one element per relation: a
//! thousand-actor map has some thirty elements for its three thousand lines, so style,
//! layout and paint no longer walk thousands of elements per frame. While an actor is
//! dragged its lines are drawn apart, so the rest stay as they are and are not redrawn.

use crate::app::use_doc;
use crate::ui::map::layout_run::Layer;
use crate::ui::map::network::Filter;
use crate::ui::map::svg::push_tenths;
use leptos::prelude::*;
use samverkan_model::layout::node_radius as radius;
use samverkan_model::{ActorId, Map, Relation};
use std::collections::HashSet;
use std::fmt::Write;

/// Arrowhead length and half width in map units, as the marker drew them before.
const ARROW_LENGTH: f64 = 14.0;
const ARROW_HALF_WIDTH: f64 = 7.0;
/// Room between a directed line's tip and its target's circle.
const ARROW_GAP: f64 = 3.0;

/// The look a group of lines shares: its CSS classes and stroke width.
#[derive(Clone, Debug, PartialEq)]
struct Look {
    kind: &'static str,
    strength: i64,
    directed: bool,
    near: bool,
    dimmed: bool,
}

/// One path: every line of one look. `ends` lists each line's two actors (`from,to`,
/// URI-encoded so any id survives, space-separated) in the order of its segments, for the
/// picture export's profiles.
#[derive(Clone, Debug, PartialEq)]
pub struct Stroke {
    class: String,
    width: f64,
    d: String,
    ends: String,
    /// The arrowheads of a directed group, one triangle per line, in the same order.
    arrows: Option<String>,
}

/// What the lines are drawn with, apart from the map.
#[derive(Clone, Copy)]
pub struct Shown<'a> {
    /// Positions the view holds (layout, drag) over the document's.
    pub layer: &'a Layer,
    /// The selected actor's neighbourhood: lines within it are marked `near`.
    pub near: Option<&'a HashSet<ActorId>>,
    /// The map's filter: the lines of an actor it leaves out are dimmed.
    pub filter: &'a Filter,
}

/// Which lines a path set holds: those that stay still while some actors move (a drag, a
/// layout placing what an edit added), or the lines of those that move.
#[derive(Clone, Copy, PartialEq)]
pub enum Part {
    Still,
    Moving,
}

fn strokes(map: &Map, shown: Shown, moving: Option<&HashSet<ActorId>>, part: Part) -> Vec<Stroke> {
    // Nothing moves most of the time: no pass over every relation for an empty layer.
    if part == Part::Moving && moving.is_none() {
        return Vec::new();
    }
    let index = map.actor_index();
    // The still lines follow the layer's bulk moves, one signal, and read the slots
    // untracked; the few moving lines follow their actors' slots.
    if part == Part::Still {
        shown.layer.track_moves();
    }
    // Each actor's place is looked up once, not once per line end, and only for the lines
    // drawn here (so a drag's still lines never read, and are not redrawn by, its place).
    let mut places: Vec<Option<(f64, f64)>> = vec![None; map.actors.len()];
    let mut place = |at: usize| {
        *places[at].get_or_insert_with(|| {
            let actor = &map.actors[at];
            let held = match part {
                Part::Still => shown.layer.peek(&actor.id),
                Part::Moving => shown.layer.slot(&actor.id).get(),
            };
            held.unwrap_or((actor.x, actor.y))
        })
    };
    // A few dozen looks at most: a list searched in order is smaller code than a map.
    let mut groups: Vec<(Look, Stroke)> = Vec::new();
    for relation in &map.relations {
        let moves = moving.is_some_and(|m| m.contains(&relation.from) || m.contains(&relation.to));
        if moves != (part == Part::Moving) {
            continue;
        }
        let (Some(&from_at), Some(&to_at)) = (index.get(&relation.from), index.get(&relation.to))
        else {
            continue;
        };
        let (from, to) = (&map.actors[from_at], &map.actors[to_at]);
        let ends = (place(from_at), place(to_at));
        // A line from a point to itself shows nothing: a map still to be placed has all
        // its actors at the origin, and its 3,000 such lines cost the opening task ~10 ms.
        if ends.0 == ends.1 {
            continue;
        }
        let look = Look {
            kind: relation.kind.as_str(),
            strength: relation.strength,
            directed: relation.directed,
            near: shown
                .near
                .is_some_and(|n| n.contains(&from.id) && n.contains(&to.id)),
            dimmed: shown.filter.leaves_out(from) || shown.filter.leaves_out(to),
        };
        let index = match groups.iter().position(|(l, _)| *l == look) {
            Some(index) => index,
            None => {
                let stroke = Stroke {
                    class: classes(&look),
                    width: 1.0 + 1.5 * look.strength as f64,
                    d: String::new(),
                    ends: String::new(),
                    arrows: look.directed.then(String::new),
                };
                groups.push((look, stroke));
                groups.len() - 1
            }
        };
        draw(
            &mut groups[index].1,
            relation,
            ends,
            radius(to.influence_or_middle()),
        );
    }
    groups.into_iter().map(|(_, stroke)| stroke).collect()
}

fn classes(look: &Look) -> String {
    let mut class = format!("relation {}", look.kind);
    if look.near {
        class.push_str(" near");
    }
    if look.dimmed {
        class.push_str(" dimmed");
    }
    class
}

/// Adds one line (and its arrowhead) to a path; a directed line stops at its target's edge.
fn draw(stroke: &mut Stroke, relation: &Relation, ends: ((f64, f64), (f64, f64)), r: f64) {
    let ((ax, ay), (bx, by)) = ends;
    let (dx, dy) = (bx - ax, by - ay);
    let length = (dx * dx + dy * dy).sqrt().max(1e-6);
    let (ux, uy) = (dx / length, dy / length);
    let cut = if relation.directed {
        r + ARROW_GAP
    } else {
        0.0
    };
    let (tx, ty) = (bx - ux * cut, by - uy * cut);
    path_to(&mut stroke.d, &[(ax, ay), (tx, ty)]);
    if let Some(arrows) = stroke.arrows.as_mut() {
        let (baseline_x, baseline_y) = (tx - ux * ARROW_LENGTH, ty - uy * ARROW_LENGTH);
        let (px, py) = (-uy * ARROW_HALF_WIDTH, ux * ARROW_HALF_WIDTH);
        path_to(
            arrows,
            &[
                (tx, ty),
                (baseline_x + px, baseline_y + py),
                (baseline_x - px, baseline_y - py),
            ],
        );
        arrows.push('Z');
    }
    if !stroke.ends.is_empty() {
        stroke.ends.push(' ');
    }
    encode_into(&mut stroke.ends, relation.from.as_str());
    stroke.ends.push(',');
    encode_into(&mut stroke.ends, relation.to.as_str());
}

/// Adds a path through `points` (`M x y L x y …`) to `d`.
fn path_to(d: &mut String, points: &[(f64, f64)]) {
    for (k, &(x, y)) in points.iter().enumerate() {
        d.push(if k == 0 { 'M' } else { 'L' });
        push_tenths(d, x);
        d.push(' ');
        push_tenths(d, y);
    }
}

/// Writes an id as `encodeURIComponent` would (so `decodeURIComponent` reads it back):
/// in Rust, since thousands of calls into JS per redraw would cost more than the drawing.
fn encode_into(out: &mut String, id: &str) {
    let unreserved = |byte: u8| byte.is_ascii_alphanumeric() || b"-_.!~*'()".contains(&byte);
    // Most ids need no escape: whole, not a byte at a time (6,000 ids per redraw).
    if id.bytes().all(unreserved) {
        out.push_str(id);
        return;
    }
    for byte in id.bytes() {
        if unreserved(byte) {
            out.push(char::from(byte));
        } else {
            let _ = write!(out, "%{byte:02X}");
        }
    }
}

/// The map's relations, drawn as [`Stroke`]s: those that stay still, or (drawn over
/// everything else, on a layer of their own) the lines of the actors that `moving` holds.
#[component]
pub fn Relations(
    part: Part,
    layer: Layer,
    near: Memo<Option<HashSet<ActorId>>>,
    filter: RwSignal<Filter>,
    moving: Memo<Option<HashSet<ActorId>>>,
) -> impl IntoView {
    let doc = use_doc();
    let strokes = Memo::new(move |_| {
        moving.with(|moving| {
            near.with(|near| {
                filter.with(|filter| {
                    let shown = Shown {
                        layer: &layer,
                        near: near.as_ref(),
                        filter,
                    };
                    doc.with_map_tracked(|m| strokes(m, shown, moving.as_ref(), part))
                        .unwrap_or_default()
                })
            })
        })
    });
    let class = match part {
        Part::Still => "relations",
        Part::Moving => "relations moving",
    };
    view! {
        <g class=class>{move || strokes.get().into_iter().map(stroke_view).collect_view()}</g>
    }
}

fn stroke_view(stroke: Stroke) -> impl IntoView {
    let arrows = stroke.arrows.map(|d| {
        let class = stroke.class.replacen("relation", "arrowheads", 1);
        view! { <path class=class d=d data-ends=stroke.ends.clone()/> }
    });
    view! {
        <path class=stroke.class d=stroke.d stroke-width=stroke.width data-ends=stroke.ends/>
        {arrows}
    }
}

/// Keeps only the lines (and arrowheads) whose two actors `keep` accepts, in a copy of
/// the picture: a profile that leaves actors out leaves out their lines too.
pub fn keep_lines(path: &web_sys::Element, keep: impl Fn(&str) -> bool) {
    let ends = path.get_attribute("data-ends").unwrap_or_default();
    let d = path.get_attribute("d").unwrap_or_default();
    let segments = d.split('M').filter(|s| !s.is_empty());
    let (mut kept_ends, mut kept_d) = (Vec::new(), String::new());
    for (pair, segment) in ends.split(' ').zip(segments) {
        let whole = pair.split(',').all(|id| {
            js_sys::decode_uri_component(id)
                .map(String::from)
                .is_ok_and(|id| keep(&id))
        });
        if whole {
            kept_ends.push(pair);
            kept_d.push('M');
            kept_d.push_str(segment);
        }
    }
    if kept_ends.is_empty() {
        path.remove();
    } else {
        let _ = path.set_attribute("d", &kept_d);
        let _ = path.set_attribute("data-ends", &kept_ends.join(" "));
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use samverkan_model::{Actor, RelationId, RelationKind};

    fn map() -> Map {
        let mut map = Map::new("m".into(), "Lines", chrono::Utc::now(), Vec::new());
        for (id, x) in [("a", 0.0), ("b", 100.0), ("c", 200.0), ("d é", 300.0)] {
            let mut actor = Actor::new(ActorId::from(id), id);
            (actor.x, actor.y) = (x, 0.0);
            map.actors.push(actor);
        }
        let mut relation = |id: &str, from: &str, to: &str, kind: RelationKind| {
            let mut r = Relation::new(RelationId::from(id), ActorId::from(from), ActorId::from(to));
            r.kind = kind;
            map.relations.push(r);
        };
        relation("r1", "a", "b", RelationKind::Collaboration);
        relation("r2", "b", "c", RelationKind::Collaboration);
        relation("r3", "c", "d é", RelationKind::Funding);
        map
    }

    fn drawn(map: &Map, moving: Option<&HashSet<ActorId>>, part: Part) -> Vec<Stroke> {
        let layer = Layer::default();
        let filter = Filter::default();
        let shown = Shown {
            layer: &layer,
            near: None,
            filter: &filter,
        };
        strokes(map, shown, moving, part)
    }

    #[test]
    fn one_path_per_look_with_every_line_and_its_ends_in_order() {
        let map = map();
        let still = drawn(&map, None, Part::Still);
        assert_eq!(still.len(), 2, "collaboration and funding");
        let collaboration = still
            .iter()
            .find(|s| s.class == "relation collaboration")
            .unwrap();
        assert_eq!(collaboration.d, "M0.0 0.0L100.0 0.0M100.0 0.0L200.0 0.0");
        assert_eq!(collaboration.ends, "a,b b,c");
        let funding = still
            .iter()
            .find(|s| s.class == "relation funding")
            .unwrap();
        assert_eq!(
            funding.ends, "c,d%20%C3%A9",
            "ids written as encodeURIComponent does"
        );
        assert!(drawn(&map, None, Part::Moving).is_empty());
    }

    #[test]
    fn the_lines_of_moving_actors_are_drawn_apart_from_the_rest() {
        let map = map();
        let moving = HashSet::from([ActorId::from("c")]);
        let still = drawn(&map, Some(&moving), Part::Still);
        let apart = drawn(&map, Some(&moving), Part::Moving);
        let ends = |strokes: &[Stroke]| strokes.iter().map(|s| s.ends.clone()).collect::<Vec<_>>();
        assert_eq!(ends(&still), ["a,b"]);
        assert_eq!(ends(&apart), ["b,c", "c,d%20%C3%A9"]);
    }

    #[test]
    fn still_lines_follow_bulk_moves_and_moving_lines_their_slots() {
        use std::sync::atomic::{AtomicUsize, Ordering};
        use std::sync::Arc;
        let layer = Layer::default();
        let counted = |part: Part| {
            let (layer, runs) = (layer.clone(), Arc::new(AtomicUsize::new(0)));
            let counter = runs.clone();
            let moving = HashSet::from([ActorId::from("c")]);
            let memo = ArcMemo::new(move |_| {
                counter.fetch_add(1, Ordering::Relaxed);
                let filter = Filter::default();
                let shown = Shown {
                    layer: &layer,
                    near: None,
                    filter: &filter,
                };
                strokes(&map(), shown, Some(&moving), part)
            });
            (memo, runs)
        };
        let (still, still_runs) = counted(Part::Still);
        let (apart, apart_runs) = counted(Part::Moving);
        let ends = |memo: &ArcMemo<Vec<Stroke>>| {
            memo.get().iter().map(|s| s.d.clone()).collect::<Vec<_>>()
        };
        assert_eq!(ends(&still), ["M0.0 0.0L100.0 0.0"]);
        ends(&apart);
        // One actor held (a drag): its lines, drawn apart, follow; the still ones are not redrawn.
        layer.hold(&ActorId::from("c"), (200.0, 50.0));
        assert_eq!(ends(&apart)[0], "M100.0 0.0L200.0 50.0");
        assert_eq!(apart_runs.load(Ordering::Relaxed), 2);
        ends(&still);
        assert_eq!(still_runs.load(Ordering::Relaxed), 1);
        layer.hold(&ActorId::from("b"), (100.0, 80.0));
        ends(&still);
        assert_eq!(
            still_runs.load(Ordering::Relaxed),
            1,
            "a single hold is not followed"
        );
        // A release is a bulk move: the still lines read every held place again (b's
        // hold is gone; a, never held, is not given a slot by the reading).
        layer.release(&ActorId::from("b"));
        assert_eq!(ends(&still), ["M0.0 0.0L100.0 0.0"]);
        assert_eq!(still_runs.load(Ordering::Relaxed), 2);
        assert_eq!(layer.peek(&ActorId::from("a")), None);
    }

    #[test]
    fn a_line_between_actors_at_one_point_is_not_drawn() {
        let mut map = map();
        map.actors[1].x = 0.0;
        let still = drawn(&map, None, Part::Still);
        let ends = still.iter().map(|s| s.ends.as_str()).collect::<Vec<_>>();
        assert_eq!(
            ends,
            ["b,c", "c,d%20%C3%A9"],
            "a and b are both at the origin"
        );
    }

    #[test]
    fn a_directed_line_stops_before_its_target_with_an_arrowhead() {
        let mut map = map();
        map.relations.truncate(1);
        map.relations[0].directed = true;
        let still = drawn(&map, None, Part::Still);
        let r = radius(map.actors[1].influence_or_middle()) + ARROW_GAP;
        let tip = 100.0 - r;
        assert_eq!(still[0].d, format!("M0.0 0.0L{tip:.1} 0.0"));
        let arrows = still[0].arrows.as_deref().unwrap();
        assert!(arrows.starts_with(&format!("M{tip:.1} 0.0L{:.1} 7.0", tip - ARROW_LENGTH)));
    }
}
