//! The `Onion` tab: actors in rings by salience class (Mitchell, Agle & Wood) — definitive
//! in the centre, then expectant, latent, and those with no attribute outside — each in
//! its sector's colour, names where they fit, and a legend naming the classes.

use crate::app::use_doc;
use crate::ui::shell::selection::use_selection;
use crate::ui::{texts, NameSize};
use leptos::prelude::*;
use samverkan_model::labels::{one_or_two_lines, place_labels, spots_around, two_lines, LabelBox};
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
    /// Where its name starts, from the dot's centre (text anchored at its start), and
    /// whether on two lines, if shown.
    name_at: Option<(f64, f64, bool)>,
}

fn ring_index(ring: Ring) -> usize {
    Ring::ALL.iter().position(|r| *r == ring).unwrap_or(3)
}

/// Where each name goes at `px` (from its dot's centre, the text's start and baseline, and
/// whether on two lines), or None where it finds no clear place: first beside its dot on
/// the side away from the centre (outside the ring, as the rings grow outwards), then
/// wherever else beside the dot is clear on the `canvas`.
fn name_places(drawn: &[Drawn], px: f64, [w, h]: [f64; 2]) -> Vec<Option<(f64, f64, bool)>> {
    let (candidates, wrapped_from): (Vec<Vec<LabelBox>>, Vec<usize>) = drawn
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
            let spots = |size: [f64; 2]| {
                let around = spots_around([d.x, d.y], DOT, size, 3.0, priority);
                std::iter::once(around[outward]).chain(around).filter(|b| {
                    b.x >= 0.0 && b.y >= 0.0 && b.x + b.width <= w && b.y + b.height <= h
                })
            };
            let width = |text: &str| crate::ui::map::svg::label_width(text, px) + 6.0;
            one_or_two_lines(&d.label, px, width, spots)
        })
        .unzip();
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
    place_labels(&candidates, &dots)
        .into_iter()
        .zip(drawn.iter().zip(candidates.iter().zip(wrapped_from)))
        .map(|(taken, (d, (spots, wrapped_from)))| {
            let k = taken?;
            Some((
                spots[k].x + 3.0 - d.x,
                spots[k].y + px - d.y,
                k >= wrapped_from,
            ))
        })
        .collect()
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
    let geometry = move || {
        let (w, h) = size.get();
        ((w / 2.0, h / 2.0), (w.min(h) / 2.0 - 12.0).max(60.0))
    };
    let drawn = Memo::new(move |_| {
        let ((cx, cy), radius) = geometry();
        let (w, h) = size.get();
        doc.with_map_tracked(|map| {
            let spots = onion(map);
            // The centre ring's only actor sits in the middle; others on their ring's band.
            let centre_alone = spots.iter().filter(|s| s.1 == Ring::Definitive).count() == 1;
            let mut drawn: Vec<Drawn> = spots
                .into_iter()
                .filter_map(|(id, ring, angle)| {
                    let actor = map.actor(&id)?;
                    let k = ring_index(ring);
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
                        ring,
                        name_at: None,
                        id,
                        angle,
                    })
                })
                .collect();
            let (size, at) =
                NameSize::largest_fitting(|size| name_places(&drawn, size.px(NAME_SIZE), [w, h]));
            for (d, at) in drawn.iter_mut().zip(at) {
                d.name_at = at;
            }
            (drawn, size)
        })
        .unwrap_or_default()
    });
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
            <svg node_ref=svg_ref class=move || drawn.with(|(_, size)| format!("onion {}", size.class())) role="group" aria-label=move || t().onion_title
                viewBox=move || { let (w, h) = size.get(); format!("0 0 {w:.0} {h:.0}") }>
                // Outermost first, so each inner ring is drawn over the one around it.
                {(0..4).rev().map(|k| view! {
                    <circle class=format!("ring ring-{k}") cx=move || geometry().0.0 cy=move || geometry().0.1
                        r=move || geometry().1 * RING_EDGES[k]/>
                }).collect_view()}
                <For each=move || drawn.with(|(d, _)| d.clone()) key=|d| (d.id.clone(), d.x.to_bits(), d.y.to_bits(), d.name_at.map(|(x, y, two)| (x.to_bits(), y.to_bits(), two))) let:d>
                    {
                        let id = d.id.clone();
                        let is_selected = { let id = id.clone(); move || selected.with(|s| s.as_ref() == Some(&id)) };
                        let kind = if by_salience.get_untracked() {
                            (t().salience_class_label)(d.class)
                        } else {
                            (t().ratings_ring_label)(d.ring)
                        };
                        let aria = format!("{}: {kind}", crate::ui::spoken_name(&d.name, &d.label));
                        let x = d.name_at.map_or(0.0, |p| p.0);
                        let (first, second) = match two_lines(&d.label).filter(|_| d.name_at.is_some_and(|p| p.2)) {
                            // The space stays in the text, so it reads (and is named) as one name.
                            Some((first, second)) => (format!("{first} "), second.to_owned()),
                            None => (d.label.clone(), String::new()),
                        };
                        view! {
                            <g class="onion-actor" data-actor=id.to_string() class:selected=is_selected role="button" tabindex="0" aria-label=aria
                                transform=format!("translate({:.1} {:.1})", d.x, d.y)
                                on:click={ let id = id.clone(); move |_| selected.set(Some(id.clone())) }
                                on:keydown=move |ev| if ev.key() == "Enter" { selected.set(Some(id.clone())) }>
                                <circle r=DOT fill=d.color.clone()/>
                                <text class="onion-name" class:named=d.name_at.is_some() x=x y=d.name_at.map_or(DOT + NAME_SIZE, |p| p.1)
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
                    let rings: Vec<usize> = drawn.with(|(d, _)| Ring::ALL.map(|r| d.iter().filter(|x| x.ring == r).count()).to_vec());
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
