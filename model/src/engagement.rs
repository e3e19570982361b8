//! The engagement log: dialogues, consultations and other interactions with actors, the
//! needs they raised and the follow-ups promised (`map.interactions`), and who has not
//! been heard from.

use crate::actor::Actor;
use crate::council::ActionStatus;
use crate::ids::ActorId;
use crate::map::Map;
use crate::salience::SalienceClass;
use chrono::{Months, NaiveDate};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;

/// How an actor was met.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum InteractionKind {
    #[default]
    Meeting,
    Consultation,
    Dialogue,
    Email,
    Phone,
    Event,
}

impl InteractionKind {
    pub const ALL: [InteractionKind; 6] = [
        Self::Meeting,
        Self::Consultation,
        Self::Dialogue,
        Self::Email,
        Self::Phone,
        Self::Event,
    ];

    /// The wire name (`consultation`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Meeting => "meeting",
            Self::Consultation => "consultation",
            Self::Dialogue => "dialogue",
            Self::Email => "email",
            Self::Phone => "phone",
            Self::Event => "event",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|k| k.as_str() == name)
    }

    /// Dialogues and events invite actors and note who came.
    pub fn invites(self) -> bool {
        matches!(self, Self::Dialogue | Self::Event)
    }
}

/// Something promised at an interaction.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub title: String,
    pub due: NaiveDate,
    #[serde(default)]
    pub status: ActionStatus,
}

impl FollowUp {
    pub fn is_open(&self) -> bool {
        self.status != ActionStatus::Done
    }
}

/// One interaction with one or more actors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Interaction {
    pub id: String,
    #[serde(default)]
    pub actors: Vec<ActorId>,
    pub date: NaiveDate,
    #[serde(default)]
    pub kind: InteractionKind,
    #[serde(default)]
    pub summary: String,
    #[serde(default)]
    pub needs: Vec<String>,
    #[serde(default)]
    pub follow_up: Option<FollowUp>,
    /// For a dialogue or an event: who was invited, and who of them came.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub invited: Vec<ActorId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attended: Vec<ActorId>,
}

impl Interaction {
    /// Whether the actor took part (named, or came to a dialogue or event).
    pub fn involves(&self, id: &ActorId) -> bool {
        self.actors.contains(id) || self.attended.contains(id)
    }

    /// Every actor id the interaction refers to.
    pub fn actor_refs(&self) -> impl Iterator<Item = &ActorId> {
        self.actors
            .iter()
            .chain(&self.invited)
            .chain(&self.attended)
    }
}

/// Removes actors from every interaction (the interactions themselves stay: they happened).
pub fn forget(interactions: &mut [Interaction], gone: &impl Fn(&ActorId) -> bool) {
    for interaction in interactions {
        interaction.actors.retain(|a| !gone(a));
        interaction.invited.retain(|a| !gone(a));
        interaction.attended.retain(|a| !gone(a));
    }
}

/// The date each actor was last met.
pub fn last_contact(map: &Map) -> HashMap<&ActorId, NaiveDate> {
    let mut last: HashMap<&ActorId, NaiveDate> = HashMap::new();
    for interaction in &map.interactions {
        for id in interaction.actors.iter().chain(&interaction.attended) {
            let date = last.entry(id).or_insert(interaction.date);
            *date = (*date).max(interaction.date);
        }
    }
    last
}

/// A key actor: influence and interest both 4 or more, or definitive or dominant salience.
pub fn is_key(actor: &Actor) -> bool {
    let high = |r: Option<i64>| r.is_some_and(|r| r >= 4);
    let salient = matches!(
        SalienceClass::of(&actor.salience),
        SalienceClass::Definitive | SalienceClass::Dominant
    );
    (high(actor.influence) && high(actor.interest)) || salient
}

/// Key actors with no interaction in the `months` before `today` (an interaction exactly
/// that long ago still counts), in map order, with when they were last met if ever.
pub fn not_heard_from(
    map: &Map,
    today: NaiveDate,
    months: u32,
) -> Vec<(&Actor, Option<NaiveDate>)> {
    let since = today
        .checked_sub_months(Months::new(months))
        .unwrap_or(NaiveDate::MIN);
    let last = last_contact(map);
    map.actors
        .iter()
        .filter(|a| is_key(a))
        .map(|a| (a, last.get(&a.id).copied()))
        .filter(|(_, met)| met.is_none_or(|d| d < since))
        .collect()
}

/// Whole months from `date` to `today` (0 within the first month).
pub fn months_since(date: NaiveDate, today: NaiveDate) -> u32 {
    (0..)
        .take_while(|&m| {
            date.checked_add_months(Months::new(m + 1))
                .is_some_and(|d| d <= today)
        })
        .count() as u32
}

/// How long ago an actor was last met, in the bands `Colour by` → `Last contact` shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ContactBand {
    /// Under 3 months.
    Recent,
    /// 3 to 6 months.
    Months3,
    /// 6 to 12 months.
    Months6,
    /// 12 months or more.
    Year,
    Never,
}

impl ContactBand {
    pub const ALL: [ContactBand; 5] = [
        Self::Recent,
        Self::Months3,
        Self::Months6,
        Self::Year,
        Self::Never,
    ];

    /// The band of a last contact on `date` (None: never), seen from `today`.
    pub fn of(date: Option<NaiveDate>, today: NaiveDate) -> Self {
        match date.map(|d| months_since(d, today)) {
            None => Self::Never,
            Some(0..3) => Self::Recent,
            Some(3..6) => Self::Months3,
            Some(6..12) => Self::Months6,
            Some(_) => Self::Year,
        }
    }
}

/// Open follow-ups by due date, each with its interaction.
pub fn open_follow_ups(interactions: &[Interaction]) -> Vec<(&Interaction, &FollowUp)> {
    let mut open: Vec<_> = interactions
        .iter()
        .filter_map(|i| i.follow_up.as_ref().filter(|f| f.is_open()).map(|f| (i, f)))
        .collect();
    crate::sort::sort_by_key(&mut open, |(_, f)| f.due);
    open
}

/// Actors matching a dialogue's invitation filter: each given criterion must hold.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InviteFilter {
    pub sector: Option<String>,
    pub level: Option<crate::actor::Level>,
    pub municipality: Option<String>,
    pub tag: Option<String>,
}

impl InviteFilter {
    pub fn matches(&self, actor: &Actor) -> bool {
        let same = |a: &str, b: &str| a.trim().to_lowercase() == b.trim().to_lowercase();
        self.sector
            .as_deref()
            .is_none_or(|s| actor.sector.as_str() == s)
            && self.level.is_none_or(|l| actor.level == l)
            && self
                .municipality
                .as_deref()
                .is_none_or(|m| same(&actor.municipality, m))
            && self
                .tag
                .as_deref()
                .is_none_or(|t| actor.tags.iter().any(|x| same(x, t)))
    }

    /// The actors of `map` that match, in map order.
    pub fn actors<'a>(&self, map: &'a Map) -> Vec<&'a ActorId> {
        map.actors
            .iter()
            .filter(|a| self.matches(a))
            .map(|a| &a.id)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn met(id: &str, actors: &[&str], on: &str) -> Interaction {
        Interaction {
            id: id.into(),
            actors: actors.iter().map(|&a| a.into()).collect(),
            date: date(on),
            kind: InteractionKind::Consultation,
            summary: String::new(),
            needs: Vec::new(),
            follow_up: None,
            invited: Vec::new(),
            attended: Vec::new(),
        }
    }

    fn key_map() -> Map {
        let mut map = sample_map();
        for actor in &mut map.actors {
            (actor.influence, actor.interest) = (Some(4), Some(5));
        }
        map.actors[2].influence = Some(2); // c is not key by rating…
        map
    }

    #[test]
    fn an_interaction_exactly_six_months_ago_still_counts() {
        let mut map = key_map();
        let today = date("2027-03-31");
        map.interactions.push(met("i1", &["a"], "2026-09-30"));
        map.interactions.push(met("i2", &["b"], "2026-09-29"));
        let silent: Vec<_> = not_heard_from(&map, today, 6)
            .into_iter()
            .map(|(a, met)| (a.id.as_str(), met))
            .collect();
        assert_eq!(silent, [("b", Some(date("2026-09-29")))]);
        assert_eq!(not_heard_from(&map, today, 7).len(), 0);
    }

    #[test]
    fn key_actors_are_high_on_both_or_definitive_or_dominant() {
        let mut map = key_map();
        assert!(!is_key(&map.actors[2]));
        map.actors[2].salience.power = true;
        map.actors[2].salience.legitimacy = true;
        assert!(is_key(&map.actors[2]), "dominant");
        let silent = not_heard_from(&map, date("2027-01-01"), 6);
        assert_eq!(silent.len(), 3);
        assert!(silent.iter().all(|(_, met)| met.is_none()));
    }

    #[test]
    fn last_contact_takes_the_latest_and_counts_attendance() {
        let mut map = key_map();
        map.interactions.push(met("i1", &["a"], "2026-01-10"));
        map.interactions.push(met("i2", &["a", "b"], "2026-05-02"));
        let mut dialogue = met("i3", &[], "2026-06-01");
        dialogue.invited = vec!["b".into(), "c".into()];
        dialogue.attended = vec!["c".into()];
        map.interactions.push(dialogue);
        let last = last_contact(&map);
        assert_eq!(last[&ActorId::from("a")], date("2026-05-02"));
        assert_eq!(last[&ActorId::from("b")], date("2026-05-02"));
        assert_eq!(last[&ActorId::from("c")], date("2026-06-01"));
    }

    #[test]
    fn months_since_counts_whole_months() {
        let today = date("2027-03-31");
        assert_eq!(months_since(date("2027-03-01"), today), 0);
        assert_eq!(months_since(date("2027-02-28"), today), 1);
        assert_eq!(months_since(date("2026-09-30"), today), 6);
        assert_eq!(months_since(date("2026-10-01"), today), 5);
    }

    #[test]
    fn contact_bands_follow_whole_months() {
        let today = date("2027-03-31");
        let band = |d: &str| ContactBand::of(Some(date(d)), today);
        assert_eq!(band("2027-01-01"), ContactBand::Recent);
        assert_eq!(band("2026-12-31"), ContactBand::Months3);
        assert_eq!(band("2026-09-30"), ContactBand::Months6);
        assert_eq!(band("2026-03-31"), ContactBand::Year);
        assert_eq!(ContactBand::of(None, today), ContactBand::Never);
    }

    #[test]
    fn open_follow_ups_come_by_due_date() {
        let mut map = key_map();
        for (id, due, status) in [
            ("i1", "2027-05-01", ActionStatus::Planned),
            ("i2", "2027-02-01", ActionStatus::InProgress),
            ("i3", "2027-01-01", ActionStatus::Done),
        ] {
            let mut i = met(id, &["a"], "2027-01-01");
            i.follow_up = Some(FollowUp {
                title: format!("follow {id}"),
                due: date(due),
                status,
            });
            map.interactions.push(i);
        }
        let ids: Vec<_> = open_follow_ups(&map.interactions)
            .iter()
            .map(|(i, _)| i.id.as_str())
            .collect();
        assert_eq!(ids, ["i2", "i1"]);
    }

    #[test]
    fn an_invitation_filter_needs_every_criterion() {
        let mut map = key_map();
        map.actors[0].municipality = "Växjö".into();
        map.actors[0].tags = vec!["Industri".into()];
        map.actors[1].municipality = "växjö ".into();
        let filter = InviteFilter {
            municipality: Some("Växjö".into()),
            ..Default::default()
        };
        assert_eq!(filter.actors(&map).len(), 2);
        let filter = InviteFilter {
            municipality: Some("Växjö".into()),
            tag: Some("industri".into()),
            ..Default::default()
        };
        assert_eq!(filter.actors(&map), [&ActorId::from("a")]);
    }
}
