//! The user interface: a folder per view (`map`, `grid`, `table`, `council`, `onion`,
//! `engagement`), the side panel (`panel`), the dialogs (`dialogs`) and the shell around them
//! (`shell`: header, map list, tabs, messages, actions). Helpers every view uses live here.

mod council;
mod dialogs;
mod engagement;
mod grid;
mod map;
mod onion;
mod panel;
mod shell;
mod table;

pub use crate::app::texts;
use crate::app::{use_doc, Doc};
use crate::i18n::Texts;
use leptos::prelude::*;
use samverkan_model::labels::{line_clear_of, place_labels_where, LabelBox};
use samverkan_model::{Actor, ActorId};
pub use shell::{ActiveTab, App, Chrome, Tab};

/// One actor's signal, or a placeholder while the actor is gone (a row being removed).
pub fn actor_signal(doc: Doc, id: &ActorId) -> ArcRwSignal<Actor> {
    doc.actor(id)
        .unwrap_or_else(|| ArcRwSignal::new(Actor::new(id.clone(), "")))
}

/// A reactive read of one value of what `source` holds (an actor, a council's meeting, goal or
/// action), through a memo: whatever shows it is set again only when that value changes. A
/// property is written on every run, so an input following the whole item lost what was being
/// typed in it whenever another of its fields changed (an edit from a room or another tab).
pub fn read_part<S, I, T>(
    source: S,
    part: impl Fn(&I) -> T + Send + Sync + 'static,
) -> impl Fn() -> T + Copy
where
    S: With<Value = I> + Send + Sync + 'static,
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let value = Memo::new(move |_| source.with(|item| part(item)));
    move || value.get()
}

/// The options of a select of action statuses, in the UI language; `chosen` says which is
/// selected. Council actions, follow-ups in the engagement tab and the log form share it.
fn status_options(
    chosen: impl Fn(samverkan_model::ActionStatus) -> bool + Copy + Send + Sync + 'static,
) -> impl IntoView {
    let t = texts();
    samverkan_model::ActionStatus::ALL
        .into_iter()
        .map(move |s| {
            view! { <option value=s.as_str() selected=move || chosen(s)>{move || (t().status_label)(s)}</option> }
        })
        .collect_view()
}

/// A rating as a select's value: the number, or empty when not rated.
fn rating_value(rating: Option<i64>) -> String {
    rating.map(|n| n.to_string()).unwrap_or_default()
}

/// An actor's name as said aloud where a shorter name is drawn: both, the drawn one last, so
/// what is read includes what is seen (WCAG 2.5.3, label in name).
fn spoken_name(name: &str, drawn: &str) -> String {
    if drawn == name {
        name.to_owned()
    } else {
        format!("{name}, {drawn}")
    }
}

/// How many relations each actor has (those with any): for the names the map and grid
/// announce. Recomputed only when relations come or go.
fn relation_counts() -> Memo<std::collections::HashMap<ActorId, usize>> {
    let doc = use_doc();
    Memo::new(move |_| {
        doc.with_structure(|m| {
            let mut counts = std::collections::HashMap::new();
            for r in &m.relations {
                for end in [&r.from, &r.to] {
                    *counts.entry(end.clone()).or_insert(0) += 1;
                }
            }
            counts
        })
        .unwrap_or_default()
    })
}

/// The name of a sector of the open map's palette (tracked), or `No sector`.
fn sector_name(doc: Doc, sector: &str, t: &Texts) -> String {
    doc.sector_label(sector)
        .unwrap_or_else(|| t.no_sector.to_owned())
}

/// Moves the keyboard focus to the element that draws actor `id` among `drawn` (a selector
/// such as `svg.grid g.grid-actor`): the arrow keys on the map and the grid.
fn focus_drawn_actor(drawn: &str, id: &ActorId) {
    let found = document()
        .query_selector(&format!("{drawn}[data-actor=\"{id}\"]"))
        .ok()
        .flatten();
    if let Some(element) =
        found.and_then(|e| wasm_bindgen::JsCast::dyn_into::<leptos::web_sys::SvgElement>(e).ok())
    {
        let _ = element.focus();
    }
}

/// The one actor of a canvas (map or grid) in the tab order: the one last focused there
/// (`focused`), else the selected one, else the first. A selector, so a change tells only the
/// two actors whose stop comes or goes.
fn tab_stop(focused: RwSignal<Option<ActorId>>) -> Selector<Option<ActorId>> {
    let (doc, selected) = (use_doc(), shell::selection::use_selection().0);
    // A selector outlives its view by a moment (rows let go of it after the view's own
    // signals are gone): `try_get`, so a map replaced under it reads nothing.
    Selector::new(move || {
        let ids = doc.actor_ids();
        [focused.try_get().flatten(), selected.get()]
            .into_iter()
            .flatten()
            .find(|id| ids.contains(id))
            .or_else(|| ids.first().cloned())
    })
}

/// The size names are drawn at on the grid and the onion: smaller steps when not all fit
/// at full size (a narrow window with both columns shown), set as a class on the drawing
/// (the CSP allows no inline style).
#[derive(Clone, Copy, Debug, PartialEq, Default)]
pub enum NameSize {
    #[default]
    Full,
    Smaller,
    Smallest,
}

impl NameSize {
    const ALL: [NameSize; 3] = [NameSize::Full, NameSize::Smaller, NameSize::Smallest];

    /// In CSS pixels, for a view whose names are `full` at full size.
    pub fn px(self, full: f64) -> f64 {
        match self {
            NameSize::Full => full,
            NameSize::Smaller => 13.0,
            NameSize::Smallest => 12.0,
        }
    }

    pub fn class(self) -> &'static str {
        match self {
            NameSize::Full => "",
            NameSize::Smaller => "names-13",
            NameSize::Smallest => "names-12",
        }
    }

    /// Names placed at the largest size at which all of them fit, or where most do: every
    /// actor named beats larger names for some. `place` gives each name's place at a size.
    pub fn largest_fitting<T>(
        place: impl Fn(NameSize) -> Vec<Option<T>>,
    ) -> (NameSize, Vec<Option<T>>) {
        let mut best: Option<(usize, NameSize, Vec<Option<T>>)> = None;
        for size in NameSize::ALL {
            let at = place(size);
            let (count, all) = (at.iter().flatten().count(), at.len());
            if best.as_ref().is_none_or(|(most, ..)| count > *most) {
                best = Some((count, size, at));
            }
            if count == all {
                break;
            }
        }
        best.map_or((NameSize::Full, Vec::new()), |(_, size, at)| (size, at))
    }
}

/// Where a name is drawn on the grid or the onion, from its dot's centre: the text's start
/// and baseline, whether on two lines, and, for a name set away from its dot, where the
/// line leading to it ends.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct NameAt {
    pub x: f64,
    pub y: f64,
    pub two_lines: bool,
    pub leader: Option<(f64, f64)>,
}

impl NameAt {
    /// A name set in `spot` (its text `inset` from the box's left edge, at `px`) for a dot
    /// at `[dot_x, dot_y]`; `led` when a line leads to it (see `LabelBox::side_facing`).
    pub fn in_spot(
        spot: &LabelBox,
        [dot_x, dot_y]: [f64; 2],
        inset: f64,
        px: f64,
        two_lines: bool,
        led: bool,
    ) -> Self {
        let [end_x, end_y] = spot.side_facing([dot_x, dot_y]);
        NameAt {
            x: spot.x + inset - dot_x,
            y: spot.y + px - dot_y,
            two_lines,
            leader: led.then_some((end_x - dot_x, end_y - dot_y)),
        }
    }

    /// The same place with its distances times `by` (screen pixels to map units).
    pub fn scaled(self, by: f64) -> Self {
        NameAt {
            x: self.x * by,
            y: self.y * by,
            leader: self.leader.map(|(x, y)| (x * by, y * by)),
            ..self
        }
    }

    /// What tells two places apart, for a keyed list.
    pub fn key(&self) -> (u64, u64, bool) {
        (self.x.to_bits(), self.y.to_bits(), self.two_lines)
    }

    /// The line from the edge of a dot at `[x, y]` of radius `dot` to a name set away from
    /// it. The views draw these under every actor, so a name's halo covers a line it sits on.
    pub fn leader_line(self, [x, y]: [f64; 2], dot: f64) -> Option<impl IntoView> {
        let (dx, dy) = self.leader?;
        let along = dot / dx.hypot(dy).max(dot);
        Some(view! { <line x1=x + dx * along y1=y + dy * along x2=x + dx y2=y + dy/> })
    }
}

/// A name's places to try, in order, for its dot at `centre`: beside the dot on one line,
/// on two lines from `wrapped_from`, and away from it with a line leading to it from
/// `led_from`. An actor not drawn has none.
#[derive(Default)]
pub struct NameSpots {
    centre: [f64; 2],
    spots: Vec<LabelBox>,
    wrapped_from: usize,
    led_from: usize,
}

impl NameSpots {
    /// The places `beside` the dot (with where the two-line ones start, as
    /// `one_or_two_lines` gives them), then those `further` away, each taken only when a
    /// line from it to the dot passes no other dot (tested when it is reached).
    pub fn new(
        centre: [f64; 2],
        (beside, wrapped_from): (Vec<LabelBox>, usize),
        further: impl IntoIterator<Item = LabelBox>,
    ) -> Self {
        let led_from = beside.len();
        let mut spots = beside;
        spots.extend(further);
        NameSpots {
            centre,
            spots,
            wrapped_from,
            led_from,
        }
    }

    /// Whether its `k`th place, `spot`, may be taken: beside the dot, or with a clear line
    /// to it.
    fn usable(&self, k: usize, spot: &LabelBox, dots: &[LabelBox]) -> bool {
        k < self.led_from || line_clear_of(self.centre, spot.side_facing(self.centre), dots)
    }
}

/// Places the names clear of each other and of `dots` (see `place_labels`), and says where
/// each is drawn, if anywhere: its text `inset` from its box's left edge, at `px`.
pub fn place_names(
    mut names: Vec<NameSpots>,
    dots: &[LabelBox],
    inset: f64,
    px: f64,
) -> Vec<Option<NameAt>> {
    let candidates: Vec<Vec<LabelBox>> = names
        .iter_mut()
        .map(|n| std::mem::take(&mut n.spots))
        .collect();
    let usable = |i: usize, k: usize| names[i].usable(k, &candidates[i][k], dots);
    place_labels_where(&candidates, dots, usable)
        .into_iter()
        .zip(candidates.iter().zip(&names))
        .map(|(taken, (spots, name))| {
            let k = taken?;
            let led = k >= name.led_from;
            let two_lines = k >= name.wrapped_from && !led;
            Some(NameAt::in_spot(
                &spots[k],
                name.centre,
                inset,
                px,
                two_lines,
                led,
            ))
        })
        .collect()
}

/// The actors in the order a view first drew them, so a new one is always drawn last (the
/// map's and the grid's nodes). A keyed list moves the element of every actor between two
/// insertions (its diff counts only the insertions before each place), and a room's actors
/// arrive in the middle of the map's order: thirty participants adding at once moved a
/// hundred nodes per update, each move restyled and repainted. Map order decides only which
/// of two overlapping nodes is on top.
#[derive(Clone, Copy, Default)]
pub struct Arrival(StoredValue<(Vec<ActorId>, std::collections::HashSet<ActorId>)>);

impl Arrival {
    /// `ids` (the map's actors) in the order of arrival: those gone left out, new ones at
    /// the end in map order.
    pub fn order(&self, ids: Vec<ActorId>) -> Vec<ActorId> {
        self.0.update_value(|(order, known)| {
            if ids.len() != known.len() || !ids.iter().all(|id| known.contains(id)) {
                let now: std::collections::HashSet<&ActorId> = ids.iter().collect();
                order.retain(|id| now.contains(id));
                known.retain(|id| now.contains(id));
                for id in &ids {
                    if known.insert(id.clone()) {
                        order.push(id.clone());
                    }
                }
            }
        });
        self.0.with_value(|(order, _)| order.clone())
    }
}
