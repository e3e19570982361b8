//! The analysis panel: brokers (betweenness), actors without relations, and counts by
//! sector and level, all computed by the model's metrics.

use super::texts;
use crate::state::use_app_state;
use leptos::prelude::*;
use samverkan_model::metrics;

/// How many brokers are listed.
const TOP_BROKERS: usize = 5;

#[component]
pub fn AnalysisPanel() -> impl IntoView {
    let state = use_app_state();
    let t = texts();
    let selection = super::panel::use_selection();
    // Only what the panel shows is kept, so unrelated edits (a renamed note) re-render nothing.
    let summary = Memo::new(move |_| {
        state.current.with(|c| {
            let m = c.as_ref()?;
            let name =
                |id: &samverkan_model::ActorId| m.actor(id).map(|a| (id.clone(), a.name.clone()));
            let brokers: Vec<_> = metrics::top_brokers(m, TOP_BROKERS)
                .into_iter()
                .filter_map(|(id, b)| name(&id).map(|n| (n, b)))
                .collect();
            let isolated: Vec<_> = metrics::isolated(m).iter().filter_map(name).collect();
            let sectors: Vec<_> = metrics::count_by_sector(m)
                .into_iter()
                .map(|(id, n)| {
                    (
                        m.sector(id.as_str())
                            .map(|s| s.label.clone())
                            .unwrap_or_default(),
                        n,
                    )
                })
                .collect();
            let levels = metrics::count_by_level(m);
            let mut per_actor: Vec<_> = metrics::compute(m)
                .into_iter()
                .filter_map(|(id, x)| name(&id).map(|n| (n, x.degree, x.betweenness)))
                .collect();
            per_actor.sort_by(|a, b| {
                b.2.total_cmp(&a.2)
                    .then(b.1.cmp(&a.1))
                    .then(a.0 .1.cmp(&b.0 .1))
            });
            Some((brokers, isolated, sectors, levels, per_actor))
        })
    });
    let pick = move |id: samverkan_model::ActorId| move |_| selection.0.set(Some(id.clone()));
    view! {
        <div class="analysis">
            <h2>{move || t().analysis}</h2>
            {move || summary.get().map(|(brokers, isolated, sectors, levels, per_actor)| view! {
                <h3>{move || t().top_brokers}</h3>
                <p class="hint">{move || t().brokers_hint}</p>
                <ol class="brokers">
                    {brokers.into_iter().map(|((id, name), b)| view! {
                        <li><button class="link" on:click=pick(id)>{name}</button>" "<span class="num">{format!("{b:.2}")}</span></li>
                    }).collect_view()}
                </ol>
                <h3>{move || t().without_relations}</h3>
                <ul class="isolated">
                    {isolated.into_iter().map(|(id, name)| view! { <li><button class="link" on:click=pick(id)>{name}</button></li> }).collect_view()}
                </ul>
                <h3>{move || t().by_sector}</h3>
                <table class="plain counts"><tbody>
                    {sectors.into_iter().map(|(label, n)| view! {
                        <tr><td>{if label.is_empty() { t().no_sector.to_owned() } else { label }}</td><td class="num">{n}</td></tr>
                    }).collect_view()}
                </tbody></table>
                <h3>{move || t().by_level}</h3>
                <table class="plain counts"><tbody>
                    {levels.into_iter().map(|(level, n)| view! { <tr><td>{move || (t().level_label)(level)}</td><td class="num">{n}</td></tr> }).collect_view()}
                </tbody></table>
                <details>
                    <summary>{move || t().all_metrics}</summary>
                    <table class="plain metrics">
                        <thead><tr><th>{move || t().actor}</th><th>{move || t().degree}</th><th>{move || t().betweenness}</th></tr></thead>
                        <tbody>
                            {per_actor.into_iter().map(|((_, name), degree, b)| view! {
                                <tr><td>{name}</td><td class="num">{degree}</td><td class="num">{format!("{b:.3}")}</td></tr>
                            }).collect_view()}
                        </tbody>
                    </table>
                </details>
            })}
        </div>
    }
}
