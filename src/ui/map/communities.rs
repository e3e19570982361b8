//! `Colour by` for the map and the grid: sector, community (Louvain communities of the
//! open map's network, model `community`, at the chosen `Resolution`; also the table's
//! community column) or last contact (the engagement log: how long ago each actor was
//! last met). With the select and the swatches of the legend.

use crate::app::{use_doc, Doc};
use crate::ui::texts;
use chrono::NaiveDate;
use leptos::prelude::*;
use samverkan_model::engagement::{last_contact, ContactBand};
use samverkan_model::question::{Answer, Question};
use samverkan_model::{ActorId, Map};
use std::collections::HashMap;

/// What the map's nodes are coloured by (view state).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ColourBy {
    Sector,
    Community,
    LastContact,
}

impl ColourBy {
    const ALL: [ColourBy; 3] = [Self::Sector, Self::Community, Self::LastContact];

    fn slug(self) -> &'static str {
        match self {
            Self::Sector => "sector",
            Self::Community => "community",
            Self::LastContact => "last_contact",
        }
    }

    fn label(self, t: &crate::i18n::Texts) -> &'static str {
        match self {
            Self::Sector => t.colour_by_sector,
            Self::Community => t.colour_by_community,
            Self::LastContact => t.colour_by_last_contact,
        }
    }
}

/// Last contact: green while recent, amber, red after a year, grey when never met (the
/// white spots a facilitator looks for).
pub fn band_color(band: ContactBand) -> &'static str {
    match band {
        ContactBand::Recent => "#1b7f3b",
        ContactBand::Months3 => "#8cc084",
        ContactBand::Months6 => "#f2b134",
        ContactBand::Year => "#d1495b",
        ContactBand::Never => ALONE,
    }
}

/// Colours for communities, in order (Tableau 10), repeated past ten.
const PALETTE: [&str; 10] = [
    "#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7",
    "#9c755f", "#bab0ac",
];

/// An actor alone in its community (no relations, or none that bind): grey, so the
/// palette's colours go to the groups.
pub const ALONE: &str = "#b8bcc2";

/// The colour of community `n` (numbered from 0, largest first).
pub fn community_color(n: usize) -> &'static str {
    PALETTE[n % PALETTE.len()]
}

#[derive(Clone, Copy)]
pub struct Communities {
    /// The user's choice.
    pub colour_by: RwSignal<ColourBy>,
    /// What the colours show: the choice, but sectors until the first communities are
    /// found, so choosing `Community` does not paint every node grey and then again.
    pub shown_by: Memo<ColourBy>,
    pub resolution: RwSignal<f64>,
    /// Each actor's community, numbered from 0.
    pub of: Memo<HashMap<ActorId, usize>>,
    /// How many communities have more than one actor (they come first in the numbering).
    pub groups: Memo<usize>,
    /// When each actor was last met, by the engagement log.
    pub last: Memo<HashMap<ActorId, NaiveDate>>,
    today: NaiveDate,
}

impl Communities {
    pub fn provide() -> Self {
        let doc = use_doc();
        let resolution = RwSignal::new(1.0);
        let asking = Asking {
            doc,
            found: RwSignal::new(HashMap::new()),
            out: StoredValue::new(false),
            next: StoredValue::new(None),
        };
        // Asks again when actors or relations come or go or the resolution changes, and
        // only while something reads the communities (a memo runs only when read). The
        // finding is a part (not in the first load), in the worker on a large map: until
        // the first answer, no actor has a community.
        let asked = Memo::new(move |_| {
            let resolution = resolution.get();
            doc.with_structure(|_| ())?;
            asking.ask(resolution);
            Some(())
        });
        // Reading `asked` runs it (`track` alone would not).
        let found = asking.found;
        let of = Memo::new(move |_| asked.get().map(|_| found.get()).unwrap_or_default());
        // Counted once per change, not once per node coloured.
        let groups = Memo::new(move |_| {
            of.with(|of: &HashMap<ActorId, usize>| {
                let mut sizes: HashMap<usize, usize> = HashMap::new();
                of.values().for_each(|c| *sizes.entry(*c).or_default() += 1);
                sizes.values().filter(|n| **n > 1).count()
            })
        });
        let colour_by = RwSignal::new(ColourBy::Sector);
        let shown_by = Memo::new(move |_| match colour_by.get() {
            ColourBy::Community if of.with(HashMap::is_empty) => ColourBy::Sector,
            by => by,
        });
        // Follows every change of the document, but as a memo it runs only when read:
        // while the map is coloured by last contact.
        let last = Memo::new(move |_| {
            doc.with_map_tracked(|m| {
                last_contact(m)
                    .into_iter()
                    .map(|(id, date)| (id.clone(), date))
                    .collect()
            })
            .unwrap_or_default()
        });
        let this = Self {
            colour_by,
            shown_by,
            resolution,
            of,
            groups,
            last,
            today: crate::browser::today(),
        };
        provide_context(this);
        this
    }

    /// The colour of an actor's community: grey when it is alone in it.
    pub fn color_of(&self, id: &ActorId) -> &'static str {
        let groups = self.groups.get();
        self.of.with(|of| match of.get(id) {
            Some(n) if *n < groups => community_color(*n),
            _ => ALONE,
        })
    }
}

impl Communities {
    /// The colour an actor is drawn in, by what the map is coloured by.
    pub fn color(&self, id: &ActorId, sector_color: impl FnOnce() -> String) -> String {
        self.painted(self.shown_by.get(), id)
            .map_or_else(sector_color, str::to_owned)
    }

    /// As [`Self::color`], but only the actor's sector is followed: the map's nodes are
    /// told of a new colouring a share at a time (`Repaint`), which follows the rest.
    pub fn color_told(&self, id: &ActorId, sector_color: impl FnOnce() -> String) -> String {
        let by = self.shown_by.get_untracked();
        untrack(|| self.painted(by, id)).map_or_else(sector_color, str::to_owned)
    }

    /// Subscribes to what every actor's colour follows (the choice, the communities, the
    /// contacts), and to no actor's sector.
    pub fn track_colouring(&self) {
        match self.shown_by.get() {
            ColourBy::Sector => {}
            ColourBy::Community => {
                self.of.track();
                self.groups.track();
            }
            ColourBy::LastContact => self.last.track(),
        }
    }

    /// An actor's colour when the map is coloured `by` other than sector.
    fn painted(&self, by: ColourBy, id: &ActorId) -> Option<&'static str> {
        match by {
            ColourBy::Sector => None,
            ColourBy::Community => Some(self.color_of(id)),
            ColourBy::LastContact => {
                let met = self.last.with(|last| last.get(id).copied());
                Some(band_color(ContactBand::of(met, self.today)))
            }
        }
    }

    /// The colours in use apart from sectors, with their legend labels (None: sectors).
    pub fn swatches(&self, t: &crate::i18n::Texts) -> Option<Vec<(String, String)>> {
        match self.shown_by.get() {
            ColourBy::Sector => None,
            ColourBy::Community => {
                let groups = self.groups.get();
                let alone = self.of.with(|of| of.values().any(|c| *c >= groups));
                let numbered = (0..groups)
                    .map(|n| (community_color(n).to_owned(), (t.community_label)(n + 1)));
                let alone = alone.then(|| (ALONE.to_owned(), t.community_alone.to_owned()));
                Some(numbered.chain(alone).collect())
            }
            ColourBy::LastContact => Some(
                ContactBand::ALL
                    .into_iter()
                    .map(|b| (band_color(b).to_owned(), (t.contact_band)(b).to_owned()))
                    .collect(),
            ),
        }
    }
}

/// `Colour by`: sector (the palette), community (Louvain) with its `Resolution` beside
/// it, or last contact.
#[component]
pub fn ColourBySelect() -> impl IntoView {
    let t = texts();
    let communities = use_communities();
    let choose = move |ev: leptos::ev::Event| {
        let chosen = event_target_value(&ev);
        if let Some(by) = ColourBy::ALL.into_iter().find(|b| b.slug() == chosen) {
            communities.colour_by.set(by);
        }
    };
    view! {
        <select aria-label=move || t().colour_by on:change=choose title=move || t().colour_by>
            {ColourBy::ALL.into_iter().map(|by| view! {
                <option value=by.slug() selected=move || communities.colour_by.get() == by>{move || by.label(t())}</option>
            }).collect_view()}
        </select>
        <Show when=move || communities.colour_by.get() == ColourBy::Community>
            <label class="resolution"><span>{move || t().resolution}</span>
                <input type="number" min="0.1" max="5" step="0.1" aria-label=move || t().resolution
                    prop:value=move || communities.resolution.get().to_string()
                    on:change=move |ev| {
                        if let Ok(value) = event_target_value(&ev).parse::<f64>() {
                            communities.resolution.set(value.clamp(0.1, 5.0));
                        }
                    }/>
            </label>
        </Show>
    }
}

/// Legend entries for the colours in use: `sectors` when the map is coloured by sector.
pub fn swatch_items(items: Vec<(String, String)>) -> impl IntoView {
    items
        .into_iter()
        .map(|(color, label)| {
            view! {
                <span class="legend-item"><span class="swatch" data-color=color.clone()>
                    <svg width="14" height="14" aria-hidden="true"><circle cx="7" cy="7" r="6" fill=color.clone()/></svg>
                </span>{label}</span>
            }
        })
        .collect_view()
}

pub fn use_communities() -> Communities {
    expect_context::<Communities>()
}

/// Asks for the communities one question at a time: a request made while one is out waits
/// behind it, only the latest (a room pouring in actors changes the map many times a second,
/// and each answer is a run of Louvain in the worker). The map is copied when a question
/// goes out, not for each request that waits.
#[derive(Clone, Copy)]
struct Asking {
    doc: Doc,
    /// The communities last found.
    found: RwSignal<HashMap<ActorId, usize>>,
    out: StoredValue<bool>,
    /// The resolution of the request waiting, if one is.
    next: StoredValue<Option<f64>>,
}

impl Asking {
    fn ask(self, resolution: f64) {
        if self.out.get_value() {
            self.next.set_value(Some(resolution));
            return;
        }
        let Some(map) = self.doc.snapshot() else {
            return;
        };
        self.out.set_value(true);
        leptos::task::spawn_local(async move {
            if let Ok(finding) = finding_communities(map, resolution).await {
                let found = finding.await;
                self.found.try_set(found.into_iter().collect());
            }
            self.out.try_set_value(false);
            if let Some(resolution) = self.next.try_update_value(Option::take).flatten() {
                self.ask(resolution);
            }
        });
    }
}

crate::later::later!(
    /// Each actor's community on `map` at `resolution` (Louvain, `model::community`): from
    /// the worker on a large map, else (or when it cannot answer) worked out here.
    finding_communities(map: Map, resolution: f64) -> crate::later::LocalFuture<Vec<(ActorId, usize)>> => Box::pin(async move {
        match crate::worker::answer(Question::Communities { map, resolution }).await {
            Answer::Communities(found) => found,
            _ => Vec::new(),
        }
    })
);
