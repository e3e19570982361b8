//! The analysis panel: brokers (betweenness), actors without relations, and counts by
//! sector and level. Betweenness is computed again only when actors or relations come or
//! go (not when they move or are renamed): in the worker on a large map, else a few actors
//! per time slice off the hot path.

use crate::app::use_doc;
use crate::browser;
use crate::ui::shell::selection::use_selection;
use crate::ui::texts;
use crate::worker;
use leptos::prelude::*;
use samverkan_model::metrics::{self, ActorMetrics, MetricsJob};
use samverkan_model::question::{Answer, Question};
use samverkan_model::sort::sort_by;
use samverkan_model::ActorId;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// How many brokers are listed.
pub const TOP_BROKERS: usize = 5;
/// Searches per step of the betweenness job; a step on a 1,000-actor map takes ~1 ms.
const SOURCES_PER_STEP: usize = 8;
/// Time a slice of the job may take, well under a frame.
const SLICE_MS: f64 = 8.0;
/// A change within this long of the last start is part of a burst (a room pouring in
/// actors): the job waits until the structure has been still for [`QUIET_MS`], instead of
/// starting again on every change and never finishing.
const BURST_MS: f64 = 1000.0;
const QUIET_MS: i32 = 400;
/// Actors without relations named in the panel; the rest are counted.
const ISOLATED_SHOWN: usize = 10;

/// Degree and betweenness of the open map's actors, computed again (a few actors per
/// time slice) when actors or relations come or go; `None` while computing. One job for
/// the whole view, shared by the analysis panel and the council planner.
#[derive(Clone, Copy)]
pub struct Metrics(pub RwSignal<Option<Vec<(ActorId, ActorMetrics)>>>);

impl Metrics {
    /// Starts the job for the open map's view (call once per map view).
    pub fn provide() -> Self {
        let doc = use_doc();
        let computed = RwSignal::new(None::<Vec<(ActorId, ActorMetrics)>>);
        let alive = Rc::new(Cell::new(true));
        let running = Rc::new(RefCell::new(Rc::new(Cell::new(false))));
        let last_start = Rc::new(Cell::new(f64::MIN));
        {
            let alive = Rc::clone(&alive);
            Effect::new(move |_| {
                if doc.with_structure(|_| ()).is_none() {
                    return;
                }
                // A newer structure stops the job that was still running (or waiting to
                // start) for the old one.
                running.borrow().set(false);
                let this_run = Rc::new(Cell::new(alive.get()));
                *running.borrow_mut() = Rc::clone(&this_run);
                let last_start = Rc::clone(&last_start);
                // The job's code is fetched (not part of the first load).
                leptos::task::spawn_local(async move {
                    let _ = measuring_network(doc, computed, this_run, last_start).await;
                });
            });
        }
        let alive = send_wrapper::SendWrapper::new(alive);
        on_cleanup(move || alive.set(false));
        let metrics = Self(computed);
        provide_context(metrics);
        metrics
    }
}

crate::later::later!(
    /// Computes every actor's metrics of the open map in slices (a job of `Metrics`).
    measuring_network(
        doc: crate::app::Doc,
        computed: RwSignal<Option<Vec<(ActorId, ActorMetrics)>>>,
        this_run: Rc<Cell<bool>>,
        last_start: Rc<Cell<f64>>
    ) -> () => {
        let in_burst = browser::now_ms() - last_start.get() <= BURST_MS;
        let start = move || {
            // A later change has stopped this run while it waited.
            if !this_run.get() {
                return;
            }
            last_start.set(browser::now_ms());
            // A large map is measured in the worker, the page's slices only when it cannot.
            if doc.with_map(|m| m.actors.len() >= worker::AWAY_FROM) == Some(true) {
                let Some(map) = doc.snapshot() else {
                    return;
                };
                leptos::task::spawn_local(async move {
                    match worker::ask(&Question::Metrics { map }).await {
                        Some(Answer::Metrics(found)) if this_run.get() => {
                            computed.try_set(Some(found));
                        }
                        Some(_) => {}
                        None => measure_here(doc, computed, this_run),
                    }
                });
            } else {
                measure_here(doc, computed, this_run);
            }
        };
        if in_burst {
            browser::after_ms(QUIET_MS, start);
        } else {
            start();
        }
    }
);

/// Computes the metrics on the page, a few actors per slice.
fn measure_here(
    doc: crate::app::Doc,
    computed: RwSignal<Option<Vec<(ActorId, ActorMetrics)>>>,
    this_run: Rc<Cell<bool>>,
) {
    if let Some(job) = doc.with_map(MetricsJob::new) {
        let job = Rc::new(RefCell::new(Some(job)));
        browser::run_in_slices(this_run, SLICE_MS, move || {
            let more = job
                .borrow_mut()
                .as_mut()
                .is_some_and(|j| j.step(SOURCES_PER_STEP));
            if !more {
                if let Some(job) = job.borrow_mut().take() {
                    computed.try_set(Some(job.finish()));
                }
            }
            more
        });
    }
}

/// A share (betweenness) to two significant figures, up to four decimals: on a large map
/// every share is small, and with two decimals the top five all read "0.01".
fn two_figures(share: f64) -> String {
    let decimals = if share >= 0.1 {
        2
    } else if share >= 0.01 {
        3
    } else {
        4
    };
    format!("{share:.decimals$}")
}

/// The top brokers (betweenness above zero), once the metrics are computed.
pub fn top_brokers(k: usize) -> Memo<Option<Vec<(ActorId, f64)>>> {
    let doc = use_doc();
    let computed = expect_context::<Metrics>().0;
    Memo::new(move |_| {
        computed.with(|m| {
            let m = m.as_ref()?;
            doc.with_structure(|map| metrics::top_brokers_of(map, m, k))
        })
    })
}

#[component]
pub fn AnalysisPanel() -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let selection = use_selection();
    let computed = expect_context::<Metrics>().0;
    let brokers = top_brokers(TOP_BROKERS);
    let isolated = Memo::new(move |_| {
        computed.with(|m| {
            m.as_ref().map(|m| {
                m.iter()
                    .filter(|(_, x)| x.degree == 0)
                    .map(|(id, _)| id.clone())
                    .collect::<Vec<_>>()
            })
        })
    });
    let counts = Memo::new(move |_| {
        doc.with_map_tracked(|m| {
            let sectors: Vec<(String, usize)> = metrics::count_by_sector(m)
                .into_iter()
                .map(|(id, n)| {
                    let label = m.sector(id.as_str()).map(|s| s.label.clone());
                    (label.unwrap_or_default(), n)
                })
                .collect();
            (sectors, metrics::count_by_level(m))
        })
    });
    let name = move |id: &ActorId| doc.actor_name(id);
    // An empty map has nothing to analyse: a line says what will show, not empty lists.
    let is_empty = Memo::new(move |_| {
        doc.with_map_tracked(|m| m.actors.is_empty())
            .unwrap_or(true)
    });
    let show_all = RwSignal::new(false);
    let pick = move |id: ActorId| move |_| selection.0.set(Some(id.clone()));
    view! {
        <div class="analysis">
            <h2>{move || t().analysis}</h2>
            <Show when=move || !is_empty.get() fallback=move || view! { <p class="hint">{move || t().analysis_empty}</p> }>
            <h3>{move || t().top_brokers}</h3>
            <p class="hint">{move || t().brokers_hint}</p>
            <ol class="brokers" aria-busy=move || computed.with(Option::is_none).to_string()>
                {move || brokers.get().unwrap_or_default().into_iter().map(|(id, b)| {
                    let shown = id.clone();
                    view! {
                        <li><button class="link" on:click=pick(id)>{move || name(&shown)}</button>" "<span class="num">{two_figures(b)}</span></li>
                    }
                }).collect_view()}
            </ol>
            <h3>{move || t().without_relations}</h3>
            // The first few by name; a room that pours in unlinked actors is counted, not
            // listed (a thousand buttons would be drawn again on every change).
            <ul class="isolated">
                {move || {
                    let isolated = isolated.get().unwrap_or_default();
                    let more = isolated.len().saturating_sub(ISOLATED_SHOWN);
                    let named = isolated.into_iter().take(ISOLATED_SHOWN).map(|id| {
                        let shown = id.clone();
                        view! { <li><button class="link" on:click=pick(id)>{move || name(&shown)}</button></li> }
                    }).collect_view();
                    (named, (more > 0).then(|| view! { <li class="hint">{format!("+ {}", (t().actors_count)(more))}</li> }))
                }}
            </ul>
            {move || counts.get().map(|(sectors, levels)| view! {
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
            })}
            // The full list is drawn only while open: a thousand rows cost time on each change.
            <details on:toggle=move |ev| {
                let details: leptos::web_sys::Element = event_target(&ev);
                show_all.set(details.has_attribute("open"));
            }>
                <summary>{move || t().all_metrics}</summary>
                <Show when=move || show_all.get()><AllMetrics computed=computed/></Show>
            </details>
            </Show>
        </div>
    }
}

/// Every actor's degree and betweenness, brokers first.
#[component]
fn AllMetrics(computed: RwSignal<Option<Vec<(ActorId, ActorMetrics)>>>) -> impl IntoView {
    let doc = use_doc();
    let t = texts();
    let rows = move || {
        let mut rows = computed.get().unwrap_or_default();
        sort_by(&mut rows, |a, b| {
            b.1.betweenness
                .total_cmp(&a.1.betweenness)
                .then(b.1.degree.cmp(&a.1.degree))
        });
        rows
    };
    view! {
        <table class="plain metrics">
            <thead><tr><th>{move || t().actor}</th><th>{move || t().degree}</th><th>{move || t().betweenness}</th></tr></thead>
            <tbody>
                {move || rows().into_iter().map(|(id, m)| view! {
                    <tr><td>{move || doc.actor_name(&id)}</td><td class="num">{m.degree}</td><td class="num">{format!("{:.3}", m.betweenness)}</td></tr>
                }).collect_view()}
            </tbody>
        </table>
    }
}

#[cfg(test)]
mod tests {
    use super::two_figures;

    #[test]
    fn a_share_is_shown_to_two_significant_figures() {
        assert_eq!(two_figures(0.5213), "0.52");
        assert_eq!(two_figures(0.0912), "0.091");
        assert_eq!(two_figures(0.01234), "0.012");
        assert_eq!(two_figures(0.00871), "0.0087");
    }
}
