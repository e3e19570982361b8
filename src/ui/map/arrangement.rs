//! The map's `Layout` select (force, by sector, circle, rings) and the guides the chosen
//! arrangement draws under the actors: sector titles above their clusters, the onion's
//! rings. The choice is remembered per map as view state, not as part of the map.

use crate::app::{texts, use_doc};
use crate::ui::map::layout_run::{LayoutRunner, Purpose};
use crate::ui::map::network::label_size;
use leptos::prelude::*;
use samverkan_model::arrange::{arrange, ring_guides, sector_titles, Arrangement};
use samverkan_model::{Command, MapId};

/// Sector titles and ring numbers on screen, in CSS pixels at every zoom.
const TITLE_PX: f64 = 22.0;

fn key(map: &MapId) -> String {
    format!("samverkan.layout.{}", map.0)
}

/// The arrangement last chosen for the open map (force when none was).
pub fn remembered() -> Arrangement {
    use_doc()
        .map_id()
        .and_then(|id| crate::storage::prefs::get(&key(&id)))
        .and_then(|text| Arrangement::parse(&text))
        .unwrap_or_default()
}

/// `Layout`: choosing one lays the map out that way as one undo step; pinned actors stay.
/// `arranged` is called once the new places are in the document (to fit the view).
#[component]
pub fn LayoutSelect(
    runner: LayoutRunner,
    chosen: RwSignal<Arrangement>,
    arranged: Callback<()>,
) -> impl IntoView {
    let (doc, t) = (use_doc(), texts());
    let running = runner.running.clone();
    let choose = move |ev: leptos::ev::Event| {
        let Some(arrangement) = Arrangement::parse(&event_target_value(&ev)) else {
            return;
        };
        chosen.set(arrangement);
        if let Some(id) = doc.map_id() {
            crate::storage::prefs::set(&key(&id), arrangement.as_str());
        }
        if arrangement == Arrangement::Force {
            runner.reseed();
            runner.start(Purpose::Relayout);
            return;
        }
        runner.stop();
        let placements = doc
            .with_map(|m| arrange(m, arrangement, label_size))
            .unwrap_or_default();
        if !placements.is_empty() {
            doc.dispatch(Command::MoveActors(placements));
            arranged.run(());
        }
    };
    view! {
        <select aria-label=move || t().layout on:change=choose disabled=move || running.get()
            prop:value=move || chosen.get().as_str()>
            {Arrangement::ALL.into_iter().map(|a| view! {
                <option value=a.as_str()>{move || (t().arrangement_label)(a)}</option>
            }).collect_view()}
        </select>
    }
}

/// Drawn in map coordinates under the lines and actors; `scale` keeps text one size on
/// screen.
#[component]
pub fn Guides(chosen: RwSignal<Arrangement>, scale: Memo<f64>) -> impl IntoView {
    let (doc, t) = (use_doc(), texts());
    let font = move || format!("{:.2}", TITLE_PX / scale.get());
    let titles = move || {
        if chosen.get() != Arrangement::BySector {
            return Vec::new();
        }
        let sectors = doc.sectors();
        doc.with_map_tracked(sector_titles)
            .unwrap_or_default()
            .into_iter()
            .map(|(id, [x, y])| {
                let label = sectors
                    .iter()
                    .find(|s| s.id == id)
                    .map(|s| s.label.clone())
                    .unwrap_or_else(|| t().no_sector.to_owned());
                view! { <text class="sector-title" x=x y=y text-anchor="middle" font-size=font>{label}</text> }
            })
            .collect_view()
    };
    let rings = move || {
        if chosen.get() != Arrangement::Rings {
            return Vec::new();
        }
        doc.with_map_tracked(ring_guides)
            .unwrap_or_default()
            .into_iter()
            .map(|(influence, r)| {
                let name = format!("{} {influence}", t().influence);
                view! {
                    <g class="ring">
                        <circle cx="0" cy="0" r=r/>
                        <text x=-r y="0" dx="-0.4em" text-anchor="end" font-size=font>{name}</text>
                    </g>
                }
            })
            .collect_view()
    };
    view! { <g class="guides" aria-hidden="true">{titles}{rings}</g> }
}
