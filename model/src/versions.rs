//! Earlier versions of a map: which to keep, and what changed between two of them.
//! The browser keeps them in IndexedDB; the rules live here so they are tested natively.

use crate::ids::ActorId;
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashSet};

/// Autosaved versions kept however old they are.
pub const KEEP_LATEST: usize = 20;
/// Days for which the first autosave of each day is kept, and states before a big change.
pub const KEEP_DAYS: i64 = 30;
const DAY_MS: i64 = 86_400_000;

/// Why a version was kept.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Cause {
    /// A save after an edit.
    Autosave,
    /// The map as it was before an import replaced it.
    Import,
    /// Before a merge into it.
    Merge,
    /// Before a shared map was taken into it.
    Shared,
    /// Before an earlier version was restored.
    Restore,
}

impl Cause {
    pub fn tag(self) -> &'static str {
        match self {
            Cause::Autosave => "autosave",
            Cause::Import => "import",
            Cause::Merge => "merge",
            Cause::Shared => "shared",
            Cause::Restore => "restore",
        }
    }

    pub fn parse(tag: &str) -> Option<Cause> {
        [
            Cause::Autosave,
            Cause::Import,
            Cause::Merge,
            Cause::Shared,
            Cause::Restore,
        ]
        .into_iter()
        .find(|c| c.tag() == tag)
    }
}

/// When and why a version was kept (its key in the store).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Stamp {
    /// Milliseconds since 1970 (UTC).
    pub at: i64,
    pub cause: Cause,
}

/// Which of `stamps` (any order) to delete at `now`: autosaves beyond the latest
/// `KEEP_LATEST`, except the first of each of the last `KEEP_DAYS` days; states before a
/// big change once older than `KEEP_DAYS`, except the latest `KEEP_LATEST` of them.
pub fn to_drop(stamps: &[Stamp], now: i64) -> Vec<Stamp> {
    let horizon = now - KEEP_DAYS * DAY_MS;
    let mut newest_first: Vec<Stamp> = stamps.to_vec();
    crate::sort::sort_by(&mut newest_first, |a, b| b.at.cmp(&a.at));
    let (autosaves, befores): (Vec<Stamp>, Vec<Stamp>) = newest_first
        .into_iter()
        .partition(|s| s.cause == Cause::Autosave);
    let mut first_of_day: BTreeMap<i64, i64> = BTreeMap::new();
    for stamp in autosaves.iter().filter(|s| s.at >= horizon) {
        let first = first_of_day
            .entry(stamp.at.div_euclid(DAY_MS))
            .or_insert(stamp.at);
        *first = (*first).min(stamp.at);
    }
    let daily: HashSet<i64> = first_of_day.into_values().collect();
    let old_autosaves = autosaves
        .into_iter()
        .skip(KEEP_LATEST)
        .filter(|s| !daily.contains(&s.at));
    let old_befores = befores
        .into_iter()
        .skip(KEEP_LATEST)
        .filter(|s| s.at < horizon);
    old_autosaves.chain(old_befores).collect()
}

/// What the versions list shows of a version without reading the whole map.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Outline {
    pub actors: usize,
    pub relations: usize,
    /// Every actor's id and name, to tell what was added and removed.
    pub names: Vec<(ActorId, String)>,
}

/// Just what an outline needs of a stored map's text.
#[derive(Deserialize)]
struct Stored {
    map: StoredMap,
}

#[derive(Deserialize)]
struct StoredMap {
    #[serde(default)]
    actors: Vec<StoredActor>,
    #[serde(default)]
    relations: Vec<serde::de::IgnoredAny>,
}

#[derive(Deserialize)]
struct StoredActor {
    id: ActorId,
    #[serde(default)]
    name: String,
}

impl Outline {
    /// The outline of a stored map's text, reading nothing else of it.
    pub fn read(text: &str) -> Option<Self> {
        let stored: Stored = serde_json::from_str(text).ok()?;
        Some(Self {
            actors: stored.map.actors.len(),
            relations: stored.map.relations.len(),
            names: stored
                .map
                .actors
                .into_iter()
                .map(|a| (a.id, a.name))
                .collect(),
        })
    }
}

/// Actors added and removed from `before` to `after`, by name.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Changes {
    pub added: Vec<String>,
    pub removed: Vec<String>,
}

pub fn changes(before: &Outline, after: &Outline) -> Changes {
    let ids = |o: &Outline| {
        o.names
            .iter()
            .map(|(id, _)| id.clone())
            .collect::<HashSet<_>>()
    };
    let (had, has) = (ids(before), ids(after));
    let named = |o: &Outline, other: &HashSet<ActorId>| {
        o.names
            .iter()
            .filter(|(id, _)| !other.contains(id))
            .map(|(_, name)| name.clone())
            .collect()
    };
    Changes {
        added: named(after, &had),
        removed: named(before, &has),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;

    const NOW: i64 = 1_796_000_000_000;

    fn autosave(at: i64) -> Stamp {
        Stamp {
            at,
            cause: Cause::Autosave,
        }
    }

    #[test]
    fn twenty_five_saves_in_a_day_leave_the_latest_twenty_and_the_first_of_the_day() {
        let day_start = NOW - NOW.rem_euclid(DAY_MS);
        let stamps: Vec<Stamp> = (0..25).map(|i| autosave(day_start + i * 60_000)).collect();
        let dropped = to_drop(&stamps, day_start + 30 * 60_000);
        let kept: Vec<i64> = stamps
            .iter()
            .filter(|s| !dropped.contains(s))
            .map(|s| s.at)
            .collect();
        assert_eq!(kept.len(), 21);
        assert_eq!(kept[0], day_start, "the first of the day stays");
        assert_eq!(kept[1], day_start + 5 * 60_000, "then the latest twenty");
    }

    #[test]
    fn one_a_day_is_kept_for_thirty_days_and_no_longer() {
        let stamps: Vec<Stamp> = (0..40)
            .flat_map(|day| {
                [
                    autosave(NOW - day * DAY_MS),
                    autosave(NOW - day * DAY_MS + 1),
                ]
            })
            .collect();
        let dropped = to_drop(&stamps, NOW);
        let kept = stamps.len() - dropped.len();
        // The latest 20 (ten days, two a day) plus one a day for the other days within 30.
        assert!(
            (KEEP_LATEST + 19..=KEEP_LATEST + 21).contains(&kept),
            "{kept}"
        );
        assert!(dropped.iter().all(|s| s.at < NOW - 9 * DAY_MS));
        assert!(dropped.contains(&autosave(NOW - 35 * DAY_MS)));
    }

    #[test]
    fn a_state_before_an_import_stays_thirty_days() {
        let before = Stamp {
            at: NOW - 10 * DAY_MS,
            cause: Cause::Import,
        };
        let mut stamps: Vec<Stamp> = (0..30).map(|i| autosave(NOW - i)).collect();
        stamps.push(before);
        assert!(!to_drop(&stamps, NOW).contains(&before));
        assert!(
            !to_drop(&stamps, NOW + 25 * DAY_MS).contains(&before),
            "one of the latest 20"
        );
        stamps.extend((0..KEEP_LATEST as i64).map(|i| Stamp {
            at: NOW + i,
            cause: Cause::Merge,
        }));
        assert!(!to_drop(&stamps, NOW).contains(&before));
        assert!(to_drop(&stamps, NOW + 25 * DAY_MS).contains(&before));
    }

    #[test]
    fn changes_name_the_added_and_removed_actors() {
        let map = sample_map();
        let outline = |m: &crate::map::Map| {
            let text = crate::io::write_compact(&crate::io::Document::new(m.clone(), 3));
            Outline::read(&text).expect("a written map reads back")
        };
        let before = outline(&map);
        let mut later = map.clone();
        let gone = later.actors.remove(0);
        let mut added = gone.clone();
        added.id = ActorId::from("new-one");
        added.name = "Nytt bolag".into();
        later.actors.push(added);
        let after = outline(&later);
        assert_eq!(
            changes(&before, &after),
            Changes {
                added: vec!["Nytt bolag".into()],
                removed: vec![gone.name],
            }
        );
        assert_eq!(Cause::parse("merge"), Some(Cause::Merge));
        assert_eq!(after.actors, later.actors.len());
    }
}
