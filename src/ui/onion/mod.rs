//! The `Onion` tab: actors in rings by salience class (Mitchell, Agle & Wood) — definitive
//! in the centre, then expectant, latent, and those with no attribute outside — each in
//! its sector's colour, names where they fit, and a legend naming the classes.

use crate::app::use_doc;
use crate::ui::shell::selection::use_selection;
use crate::ui::{place_names, texts, NameAt, NameSize, NameSpots};
use leptos::prelude::*;
use samverkan_model::labels::{one_or_two_lines, spots_around, two_lines, LabelBox};
use samverkan_model::salience::{onion, salience_is_set, Ring, SalienceClass};
use samverkan_model::ActorId;

const NAME_SIZE: f64 = 15.0;
const DOT: f64 = 8.0;
/// The outer edge of each ring as a share of the onion's radius, from the centre out.
const RING_EDGES: [f64; 4] = [0.25, 0.52, 0.77, 1.0];

/// One actor drawn: where, in which colour, what it says, and whether its name shows.
#[derive(Clone, PartialEq)]
struct Drawn {
    id: ActorId,
    x: f64,
    y: f64,
    color: String,
    name: String,
    label: String,
    class: SalienceClass,
    ring: Ring,
    /// Its direction from the centre, clockwise from straight up.
    angle: f64,
    /// Where its name is drawn, if anywhere.
    name_at: Option<NameAt>,
}

fn ring_index(ring: Ring) -> usize {
    Ring::ALL.iter().position(|r| *r == ring).unwrap_or(3)
}

/// How much of the canvas the onion takes, largest first: a smaller onion leaves the
/// names of its outer ring room around it when they do not all fit.
const ONION_SCALES: [f64; 4] = [1.0, 0.88, 0.76, 0.64];
/// On maps up to this size a name with no room beside its dot may be set outside the
/// onion; on larger ones the search would cost more than a frame, and hover names them.
const MOST_OUTSIDE: usize = 120;

/// The onion drawn: its actors, the size its names are set at, and its radius.
#[derive(Clone, PartialEq, Default)]
struct Onion {
    drawn: Vec<Drawn>,
    size: NameSize,
    radius: f64,
}

/// Where each name goes at `px`, or None where it finds no clear place: first beside its
/// dot on the side away from the centre (outside the ring, as the rings grow outwards),
/// then wherever else beside the dot is clear on the canvas (`[w, h]`), then outside the
/// onion at its dot's height (see `outside`).
fn name_places(
    drawn: &[Drawn],
    px: f64,
    [w, h]: [f64; 2],
    onion: ([f64; 2], f64),
) -> Vec<Option<NameAt>> {
    let on_canvas =
        |b: &LabelBox| b.x >= 0.0 && b.y >= 0.0 && b.x + b.width <= w && b.y + b.height <= h;
    let dots: Vec<LabelBox> = drawn
        .iter()
        .map(|d| LabelBox {
            x: d.x - DOT,
            y: d.y - DOT,
            width: 2.0 * DOT,
            height: 2.0 * DOT,
            priority: 0.0,
        })
        .collect();
    // Outside the onion only on maps small enough for the search (none taken, none made).
    let further = if drawn.len() <= MOST_OUTSIDE {
        usize::MAX
    } else {
        0
    };
    let names = drawn
        .iter()
        .map(|d| {
            let priority = -(ring_index(d.ring) as f64);
            let (sin, cos) = d.angle.sin_cos();
            // Right, left, below or above (see `spots_around`) by the outward direction.
            let outward = match (sin.abs() > cos.abs(), sin > 0.0, cos > 0.0) {
                (true, true, _) => 1,
                (true, false, _) => 2,
                (false, _, true) => 3,
                (false, _, false) => 0,
            };
            let beside = |size: [f64; 2]| {
                let around = spots_around([d.x, d.y], DOT, size, 3.0, priority);
                std::iter::once(around[outward])
                    .chain(around)
                    .filter(on_canvas)
            };
            let width = |text: &str| crate::ui::map::svg::label_width(text, px) + 6.0;
            let size = [width(&d.label), px * 1.4];
            // The line to a name outside may cross rings, never another actor's dot.
            NameSpots::new(
                [d.x, d.y],
                one_or_two_lines(&d.label, px, width, beside),
                outside(d, size, onion, priority)
                    .take(further)
                    .filter(on_canvas),
            )
        })
        .collect();
    place_names(names, &dots, 3.0, px)
}

/// Places for a name outside the onion (centre and radius), on its dot's side: beside the
/// onion at the dot's height or up to six lines above or below it, nearest first. A line
/// leads from the dot to the name.
fn outside(
    d: &Drawn,
    [width, height]: [f64; 2],
    ([cx, cy], radius): ([f64; 2], f64),
    priority: f64,
) -> impl Iterator<Item = LabelBox> {
    let right = d.x >= cx;
    let (dot_x, dot_y) = (d.x, d.y);
    std::iter::once(0.0)
        .chain((1..=6).flat_map(|n| [f64::from(n), -f64::from(n)]))
        .flat_map(move |lines| {
            let y = dot_y - height / 2.0 + lines * height;
            // Where the onion's edge is at the box's row nearest the centre.
            let rise = (cy - (y + height)).max(y - cy).max(0.0);
            let edge = (radius * radius - rise * rise).max(0.0).sqrt() + 8.0;
            [0.0, 0.5, 1.0].into_iter().map(move |step| {
                let x = if right {
                    (cx + edge).max(dot_x + DOT + 8.0) + step * width
                } else {
                    (cx - edge).min(dot_x - DOT - 8.0) - width - step * width
                };
                LabelBox {
                    x,
                    y,
                    width,
                    height,
                    priority,
                }
            })
        })
}

#[component]
pub fn OnionView() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let selected = use_selection().0;
    let svg_ref = NodeRef::<leptos::svg::Svg>::new();
    let size = RwSignal::new((1000.0_f64, 640.0_f64));
    let watch = StoredValue::new_local(None::<crate::ui::map::svg::SizeWatch>);
    Effect::new(move |_| {
        let Some(svg) = svg_ref.get() else { return };
        let measured = (
            f64::from(svg.client_width()).max(300.0),
            f64::from(svg.client_height()).max(240.0),
        );
        size.set(measured);
        watch.set_value(crate::ui::map::svg::SizeWatch::new(&svg, move |w, h| {
            let next = (w.max(300.0), h.max(240.0));
            if size.get_untracked() != next {
                size.set(next);
            }
        }));
    });
    let centre = move || {
        let (w, h) = size.get();
        (w / 2.0, h / 2.0)
    };
    let onion_drawn = Memo::new(move |_| {
        let (w, h) = size.get();
        let (cx, cy) = centre();
        let full = (w.min(h) / 2.0 - 12.0).max(60.0);
        doc.with_map_tracked(|map| {
            let spots = onion(map);
            // The centre ring's only actor sits in the middle; others on their ring's band.
            let centre_alone = spots.iter().filter(|s| s.1 == Ring::Definitive).count() == 1;
            let drawn_at = |radius: f64| -> Vec<Drawn> {
                spots
                    .iter()
                    .filter_map(|(id, ring, angle)| {
                        let actor = map.actor(id)?;
                        let k = ring_index(*ring);
                        let inner = if k == 0 { 0.0 } else { RING_EDGES[k - 1] };
                        let r = if k == 0 && centre_alone {
                            0.0
                        } else {
                            radius * (inner + RING_EDGES[k]) / 2.0
                        };
                        Some(Drawn {
                            x: cx + r * angle.sin(),
                            y: cy - r * angle.cos(),
                            color: doc.sector_color(actor.sector.as_str()),
                            name: actor.name.clone(),
                            label: actor.label().to_owned(),
                            class: SalienceClass::of(&actor.salience),
                            ring: *ring,
                            name_at: None,
                            id: id.clone(),
                            angle: *angle,
                        })
                    })
                    .collect()
            };
            let scales = if map.actors.len() <= MOST_OUTSIDE {
                &ONION_SCALES[..]
            } else {
                &ONION_SCALES[..1]
            };
            let mut best: Option<(usize, Onion)> = None;
            for scale in scales {
                let radius = full * scale;
                let mut drawn = drawn_at(radius);
                let (size, at) = NameSize::largest_fitting(|size| {
                    name_places(&drawn, size.px(NAME_SIZE), [w, h], ([cx, cy], radius))
                });
                let named = at.iter().flatten().count();
                for (d, at) in drawn.iter_mut().zip(at) {
                    d.name_at = at;
                }
                let all = named == drawn.len();
                if best.as_ref().is_none_or(|(most, _)| named > *most) {
                    best = Some((
                        named,
                        Onion {
                            drawn,
                            size,
                            radius,
                        },
                    ));
                }
                if all {
                    break;
                }
            }
            best.map(|(_, onion)| onion).unwrap_or_default()
        })
        .unwrap_or_default()
    });
    let drawn = move || onion_drawn.with(|o| o.drawn.clone());
    // A map rated the usual way (no salience attributes) is ringed by influence and interest.
    let by_salience = Memo::new(move |_| doc.with_map_tracked(salience_is_set).unwrap_or(true));
    let counts = move || {
        doc.with_map_tracked(|m| {
            SalienceClass::ALL.map(|c| {
                (
                    c,
                    m.actors
                        .iter()
                        .filter(|a| SalienceClass::of(&a.salience) == c)
                        .count(),
                )
            })
        })
    };
    view! {
        <section class="onionview">
            <svg node_ref=svg_ref class=move || onion_drawn.with(|o| format!("onion {}", o.size.class())) role="group" aria-label=move || t().onion_title
                viewBox=move || { let (w, h) = size.get(); format!("0 0 {w:.0} {h:.0}") }>
                // Outermost first, so each inner ring is drawn over the one around it.
                {(0..4).rev().map(|k| view! {
                    <circle class=format!("ring ring-{k}") cx=move || centre().0 cy=move || centre().1
                        r=move || onion_drawn.with(|o| o.radius) * RING_EDGES[k]/>
                }).collect_view()}
                <g class="leaders" aria-hidden="true">
                    {move || onion_drawn.with(|o| o.drawn.iter().filter_map(|d| d.name_at?.leader_line([d.x, d.y], DOT)).collect_view())}
                </g>
                <For each=drawn key=|d| (d.id.clone(), d.x.to_bits(), d.y.to_bits(), d.name_at.map(|n| n.key())) let:d>
                    {
                        let id = d.id.clone();
                        let is_selected = { let id = id.clone(); move || selected.with(|s| s.as_ref() == Some(&id)) };
                        let kind = if by_salience.get_untracked() {
                            (t().salience_class_label)(d.class)
                        } else {
                            (t().ratings_ring_label)(d.ring)
                        };
                        let aria = format!("{}: {kind}", crate::ui::spoken_name(&d.name, &d.label));
                        let x = d.name_at.map_or(0.0, |n| n.x);
                        let (first, second) = match two_lines(&d.label).filter(|_| d.name_at.is_some_and(|n| n.two_lines)) {
                            // The space stays in the text, so it reads (and is named) as one name.
                            Some((first, second)) => (format!("{first} "), second.to_owned()),
                            None => (d.label.clone(), String::new()),
                        };
                        view! {
                            <g class="onion-actor" data-actor=id.to_string() class:selected=is_selected role="button" tabindex="0" aria-label=aria
                                transform=crate::ui::map::svg::translate(d.x, d.y)
                                on:click={ let id = id.clone(); move |_| selected.set(Some(id.clone())) }
                                on:keydown=move |ev| if ev.key() == "Enter" { selected.set(Some(id.clone())) }>
                                <circle r=DOT fill=d.color.clone()/>
                                <text class="onion-name" class:named=d.name_at.is_some() x=x y=d.name_at.map_or(DOT + NAME_SIZE, |n| n.y)
                                    text-anchor=if d.name_at.is_some() { "start" } else { "middle" }>
                                    {first}<tspan x=x dy="1.2em">{second}</tspan></text>
                            </g>
                        }
                    }
                </For>
            </svg>
            // The rings named beside the picture (text inside it would sit on actors), each
            // with its classes and how many actors are in them.
            <ul class="onion-legend" aria-label=move || t().salience_class>
                {move || {
                    let counts = counts().map(Vec::from).unwrap_or_default();
                    let by_salience = by_salience.get();
                    let rings: Vec<usize> = onion_drawn.with(|o| Ring::ALL.map(|r| o.drawn.iter().filter(|x| x.ring == r).count()).to_vec());
                    Ring::ALL.into_iter().enumerate().map(|(k, ring)| {
                        let (name, detail) = if by_salience {
                            let classes = counts
                                .iter()
                                .filter(|(c, _)| c.ring() == ring)
                                .map(|(c, n)| format!("{} {n}", (t().salience_class_label)(*c)))
                                .collect::<Vec<_>>()
                                .join(" · ");
                            ((t().ring_label)(ring), classes)
                        } else {
                            ((t().ratings_ring_label)(ring), rings[k].to_string())
                        };
                        view! {
                            <li><span class=format!("swatch ring-{k}") aria-hidden="true"></span>
                                <strong>{name}</strong>": "{detail}</li>
                        }
                    }).collect_view()
                }}
            </ul>
            <Show when=move || !by_salience.get()>
                <p class="hint" role="note">{move || t().onion_by_ratings}</p>
            </Show>
            <p class="hint">{move || t().onion_hint}</p>
        </section>
    }
}
