//! The `Onion` tab: actors in rings by salience class (Mitchell, Agle & Wood) — definitive
//! in the centre, then expectant, latent, and those with no attribute outside — each in
//! its sector's colour, names where they fit, and a legend naming the classes.

use crate::app::use_doc;
use crate::ui::shell::selection::use_selection;
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::labels::{visible_labels_among, LabelBox};
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
    named: bool,
}

fn ring_index(ring: Ring) -> usize {
    Ring::ALL.iter().position(|r| *r == ring).unwrap_or(3)
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
                        named: false,
                        id,
                    })
                })
                .collect();
            let boxes: Vec<LabelBox> = drawn
                .iter()
                .map(|d| {
                    let width = crate::ui::map::svg::label_width(&d.label, NAME_SIZE) + 6.0;
                    LabelBox {
                        x: d.x - width / 2.0,
                        y: d.y + DOT + 2.0,
                        width,
                        height: NAME_SIZE * 1.3,
                        priority: -(ring_index(d.ring) as f64),
                    }
                })
                .collect();
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
            for (d, named) in drawn.iter_mut().zip(visible_labels_among(&boxes, &dots)) {
                d.named = named;
            }
            drawn
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
            <svg node_ref=svg_ref class="onion" role="group" aria-label=move || t().onion_title
                viewBox=move || { let (w, h) = size.get(); format!("0 0 {w:.0} {h:.0}") }>
                // Outermost first, so each inner ring is drawn over the one around it.
                {(0..4).rev().map(|k| view! {
                    <circle class=format!("ring ring-{k}") cx=move || geometry().0.0 cy=move || geometry().0.1
                        r=move || geometry().1 * RING_EDGES[k]/>
                }).collect_view()}
                <For each=move || drawn.get() key=|d| (d.id.clone(), d.x.to_bits(), d.y.to_bits(), d.named) let:d>
                    {
                        let id = d.id.clone();
                        let is_selected = { let id = id.clone(); move || selected.with(|s| s.as_ref() == Some(&id)) };
                        let kind = if by_salience.get_untracked() {
                            (t().salience_class_label)(d.class)
                        } else {
                            (t().ratings_ring_label)(d.ring)
                        };
                        let aria = format!("{}: {kind}", crate::ui::spoken_name(&d.name, &d.label));
                        view! {
                            <g class="onion-actor" class:selected=is_selected role="button" tabindex="0" aria-label=aria
                                transform=format!("translate({:.1} {:.1})", d.x, d.y)
                                on:click={ let id = id.clone(); move |_| selected.set(Some(id.clone())) }
                                on:keydown=move |ev| if ev.key() == "Enter" { selected.set(Some(id.clone())) }>
                                <circle r=DOT fill=d.color.clone()/>
                                <text class="onion-name" class:named=d.named y=DOT + NAME_SIZE text-anchor="middle">{d.label.clone()}</text>
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
                    let rings: Vec<usize> = drawn.with(|d| Ring::ALL.map(|r| d.iter().filter(|x| x.ring == r).count()).to_vec());
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
