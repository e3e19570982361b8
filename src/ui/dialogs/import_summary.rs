//! The `Import summary` dialog: what the last import of another tool's file left out or
//! changed, grouped by reason with the rows it happened at, and downloadable as text.
//! Opened from the import's notice, so it never covers the map unasked.

use crate::app::{title_of, use_transfer, ImportSummary};
use crate::browser;
use crate::i18n::Texts;
use crate::ui::dialogs::modal::Modal;
use crate::ui::texts;
use leptos::prelude::*;
use samverkan_model::io::file_stem;

/// The summary's lines in the UI language: one per group, `outcome — rows 2, 4, 9`.
fn lines(summary: &ImportSummary, t: &Texts) -> Vec<String> {
    summary
        .report
        .groups()
        .into_iter()
        .map(|(outcome, places)| {
            let what = (t.import_outcome)(outcome);
            match (t.import_places)(&places) {
                at if at.is_empty() => what,
                at => format!("{what} — {at}"),
            }
        })
        .collect()
}

fn headline(summary: &ImportSummary, t: &Texts) -> String {
    let report = &summary.report;
    (t.import_summary_headline)(
        &summary.file,
        report.added_actors,
        report.added_relations,
        report.skipped(),
        report.changed(),
    )
}

/// The summary as a text file: title, headline, and the lines.
fn as_text(summary: &ImportSummary, t: &Texts) -> String {
    let mut text = format!("{}\n\n{}\n\n", t.import_summary, headline(summary, t));
    for line in lines(summary, t) {
        text.push_str(&format!("- {line}\n"));
    }
    text
}

#[component]
pub fn ImportSummaryDialog() -> impl IntoView {
    let summary = use_transfer().summary();
    let t = texts();
    let open = move || summary.with(|s| s.as_ref().is_some_and(|s| s.open));
    let close = move || summary.update(|s| s.iter_mut().for_each(|s| s.open = false));
    let download = move |_| {
        summary.with_untracked(|s| {
            if let Some(s) = s {
                let name = (t().summary_file)(&file_stem(&title_of(&s.file)));
                browser::download(&name, &as_text(s, t()), "text/plain");
            }
        })
    };
    view! {
        <Show when=open>
            <Modal class="help import-summary" labelled_by="import-summary-title" close=Callback::new(move |()| close())>
                    <div class="editor-head">
                        <h2 id="import-summary-title">{move || t().import_summary}</h2>
                        <button class="small" on:click=move |_| close()
                            aria-label=move || t().close>"×"</button>
                    </div>
                    <p class="headline">
                        {move || summary.with(|s| s.as_ref().map(|s| headline(s, t())))}
                    </p>
                    <ul class="summary-lines">
                        {move || summary.with(|s| {
                            s.as_ref().map(|s| lines(s, t())).unwrap_or_default()
                        }).into_iter().map(|line| view! { <li>{line}</li> }).collect_view()}
                    </ul>
                    <KumuViews/>
                    <button on:click=download>{move || t().download_summary}</button>
            </Modal>
        </Show>
    }
}

/// A Kumu backup's maps, each offering its positions for the imported actors.
#[component]
fn KumuViews() -> impl IntoView {
    let transfer = use_transfer();
    let summary = transfer.summary();
    let t = texts();
    let views = move || {
        summary.with(|s| {
            s.iter()
                .flat_map(|s| s.report.views.iter())
                .map(|v| (v.name.clone(), v.used, v.placements.len()))
                .collect::<Vec<_>>()
        })
    };
    view! {
        <Show when=move || !views().is_empty()>
            <h3>{move || t().kumu_maps}</h3>
            <ul class="kumu-views">
                {move || views().into_iter().enumerate().map(|(i, (name, used, placed))| {
                    let label = name.clone();
                    view! {
                        <li>
                            <button disabled=used on:click=move |_| transfer.use_kumu_view(i)>
                                {move || (t().use_kumu_view)(&label)}
                            </button>
                            " "
                            <span class="hint">{move || (t().kumu_view_state)(used, placed)}</span>
                        </li>
                    }
                }).collect_view()}
            </ul>
        </Show>
    }
}
