//! Council planner checks: coverage, gender balance, missing key actors, flagged actions, meeting order.

use crate::actor::Actor;
use crate::council::{Action, ActionStatus, Gender, Meeting};
use crate::ids::{ActionId, ActorId, SectorId};
use crate::map::Map;
use crate::salience::SalienceClass;
use crate::sort::{sort_by, sort_by_key};
use chrono::{Datelike, Duration, NaiveDate, NaiveDateTime};
use std::cmp::Ordering;

/// One required sector and the council members' actors that cover it.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SectorCoverage {
    pub sector: SectorId,
    /// Member actors in that sector, in member order; empty when the sector is missing.
    pub covered_by: Vec<ActorId>,
}

impl SectorCoverage {
    /// True when at least one member covers the sector.
    pub fn is_covered(&self) -> bool {
        !self.covered_by.is_empty()
    }
}

/// Members counted by gender, with the shares the 40–60 % rule is checked on.
#[derive(Clone, Debug, PartialEq)]
pub struct GenderBalance {
    pub women: usize,
    pub men: usize,
    pub other: usize,
    pub unspecified: usize,
    /// Women among members with a specified gender (women, men and other), 0..=1;
    /// None when no member has a specified gender.
    pub share_women: Option<f64>,
    /// Men among members with a specified gender, 0..=1; None as for `share_women`.
    pub share_men: Option<f64>,
    /// False when the share of women or of men falls outside 40–60 %.
    pub balanced: bool,
}

/// Why an action needs attention.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ActionFlag {
    /// The due date has passed and the action is not done.
    Overdue,
    /// No actor is responsible (R) for carrying it out.
    NoResponsible,
    /// No actor is accountable (A) for it.
    NoAccountable,
}

/// Influence and interest at or above this make an actor a key actor.
pub const KEY_ACTOR_THRESHOLD: i64 = 4;

/// The actors of the council's members, in member order, skipping ids that name no actor
/// (validation reports those; the checks here should not fail on them).
fn member_actors(map: &Map) -> impl Iterator<Item = &Actor> {
    map.council
        .members
        .iter()
        .filter_map(|m| map.actor(&m.actor))
}

/// For each required sector, in the council's order, the members' actors in that sector.
pub fn sector_coverage(map: &Map) -> Vec<SectorCoverage> {
    map.council
        .required_sectors
        .iter()
        .map(|sector| SectorCoverage {
            sector: sector.clone(),
            covered_by: member_actors(map)
                .filter(|a| &a.sector == sector)
                .map(|a| a.id.clone())
                .collect(),
        })
        .collect()
}

/// The map's municipalities (as [`Map::municipalities`], sorted) split into those with a
/// council member's actor in them and those without: `(covered, missing)`.
pub fn municipality_coverage(map: &Map) -> (Vec<String>, Vec<String>) {
    let represented: Vec<&str> = member_actors(map).map(|a| a.municipality.trim()).collect();
    map.municipalities()
        .into_iter()
        .partition(|m| represented.contains(&m.as_str()))
}

/// Counts members by gender and checks the 40–60 % rule.
///
/// Shares are taken over members whose gender is specified, so `other` counts in the
/// denominator but has no range of its own: two women, two men and one other is 40/40 and
/// balanced, while one woman, one man and one other is 33/33 and flagged. Unspecified members
/// are left out of the shares (they are reported so the UI can ask for them). With no
/// specified member at all there is nothing to judge: shares are None and nothing is flagged.
pub fn gender_balance(map: &Map) -> GenderBalance {
    let count = |g: Gender| map.council.members.iter().filter(|m| m.gender == g).count();
    let (women, men, other) = (
        count(Gender::Woman),
        count(Gender::Man),
        count(Gender::Other),
    );
    let unspecified = count(Gender::Unspecified);
    let specified = women + men + other;
    if specified == 0 {
        return GenderBalance {
            women,
            men,
            other,
            unspecified,
            share_women: None,
            share_men: None,
            balanced: true,
        };
    }
    // Integer arithmetic so exactly 40 % and 60 % are inside the range, with no rounding doubt.
    let within = |n: usize| 5 * n >= 2 * specified && 5 * n <= 3 * specified;
    GenderBalance {
        women,
        men,
        other,
        unspecified,
        share_women: Some(women as f64 / specified as f64),
        share_men: Some(men as f64 / specified as f64),
        balanced: within(women) && within(men),
    }
}

/// Definitive and dominant actors (by salience) that are not in the council: definitive
/// first, then by name in Swedish order.
pub fn salient_actors_missing(map: &Map) -> Vec<ActorId> {
    let mut missing: Vec<(&Actor, SalienceClass)> = map
        .actors
        .iter()
        .map(|a| (a, SalienceClass::of(&a.salience)))
        .filter(|(_, c)| matches!(c, SalienceClass::Definitive | SalienceClass::Dominant))
        .filter(|(a, _)| !map.council.members.iter().any(|m| m.actor == a.id))
        .collect();
    sort_by(&mut missing, |(a, ca), (b, cb)| {
        ca.cmp(cb)
            .then_with(|| compare_names(&a.name, &b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    missing.into_iter().map(|(a, _)| a.id.clone()).collect()
}

/// Of the `brokers` (the top ones by betweenness, as [`crate::metrics::top_brokers`]
/// gives them), those not in the council, in the same order.
pub fn brokers_missing(map: &Map, brokers: &[(ActorId, f64)]) -> Vec<ActorId> {
    brokers
        .iter()
        .map(|(id, _)| id)
        .filter(|id| !map.council.members.iter().any(|m| &m.actor == *id))
        .cloned()
        .collect()
}

/// Actors with influence and interest both at least 4 that are not in the council, the
/// strongest (influence + interest) first, then by name in Swedish order.
pub fn key_actors_missing(map: &Map) -> Vec<ActorId> {
    let mut missing: Vec<&Actor> = map
        .actors
        .iter()
        .filter(|a| {
            let high = |rating: Option<i64>| rating.is_some_and(|r| r >= KEY_ACTOR_THRESHOLD);
            high(a.influence) && high(a.interest)
        })
        .filter(|a| !map.council.members.iter().any(|m| m.actor == a.id))
        .collect();
    let strength = |a: &Actor| a.influence.unwrap_or(0) + a.interest.unwrap_or(0);
    sort_by(&mut missing, |a, b| {
        strength(b)
            .cmp(&strength(a))
            .then_with(|| compare_names(&a.name, &b.name))
            .then_with(|| a.id.cmp(&b.id))
    });
    missing.into_iter().map(|a| a.id.clone()).collect()
}

/// Compares names case-insensitively with å, ä, ö after z, as a Swedish reader expects
/// (code-point order would put ä before å).
fn compare_names(a: &str, b: &str) -> Ordering {
    fn key(name: &str) -> Vec<u32> {
        name.chars()
            .flat_map(char::to_lowercase)
            .map(|c| match c {
                'å' => 'z' as u32 + 1,
                'ä' | 'æ' => 'z' as u32 + 2,
                'ö' | 'ø' => 'z' as u32 + 3,
                other => other as u32,
            })
            .collect()
    }
    key(a).cmp(&key(b)).then_with(|| a.cmp(b))
}

/// What is wrong with one action on `today`: overdue (due before today and not done), no
/// one responsible, no one accountable — in that order. Missing roles are flagged whatever
/// the status, since the plan should still say who answered for a finished action.
pub fn action_flags(action: &Action, today: NaiveDate) -> Vec<ActionFlag> {
    let mut flags = Vec::new();
    if action.status != ActionStatus::Done && action.due.is_some_and(|due| due < today) {
        flags.push(ActionFlag::Overdue);
    }
    if action.responsible.is_none() {
        flags.push(ActionFlag::NoResponsible);
    }
    if action.accountable.is_none() {
        flags.push(ActionFlag::NoAccountable);
    }
    flags
}

/// The actions with at least one flag on `today`, in plan order.
pub fn flagged_actions(map: &Map, today: NaiveDate) -> Vec<(ActionId, Vec<ActionFlag>)> {
    map.council
        .actions
        .iter()
        .map(|a| (a.id.clone(), action_flags(a, today)))
        .filter(|(_, flags)| !flags.is_empty())
        .collect()
}

/// The council's meetings for a list: those not yet over at `now` first, soonest first,
/// then the past ones, most recent first. A meeting in progress counts as upcoming, so it
/// stays at the top while people sit in it. Equal starts keep their plan order.
pub fn next_meetings(map: &Map, now: NaiveDateTime) -> Vec<&Meeting> {
    let ends = |m: &Meeting| {
        m.start
            .checked_add_signed(Duration::minutes(m.duration_minutes.max(0)))
    };
    let (mut upcoming, mut past): (Vec<&Meeting>, Vec<&Meeting>) = map
        .council
        .meetings
        .iter()
        .partition(|m| ends(m).is_none_or(|end| end > now));
    sort_by_key(&mut upcoming, |m| m.start);
    sort_by_key(&mut past, |m| std::cmp::Reverse(m.start));
    upcoming.extend(past);
    upcoming
}

/// The Swedish week number of a date, which is the ISO 8601 week (Monday first, week 1
/// holds the year's first Thursday). Near New Year it can belong to the neighbouring year.
pub fn iso_week(date: NaiveDate) -> u32 {
    date.iso_week().week()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::council::{CouncilRole, Member};
    use crate::ids::MeetingId;
    use crate::sector::default_sectors;

    fn date(text: &str) -> NaiveDate {
        text.parse().unwrap()
    }

    fn at(text: &str) -> NaiveDateTime {
        text.parse().unwrap()
    }

    fn member(actor: &str, gender: Gender) -> Member {
        Member {
            actor: actor.into(),
            representative: String::new(),
            gender,
            role: CouncilRole::Member,
        }
    }

    /// Actors: (id, name, sector, municipality, influence, interest).
    /// Members: univ (woman), firm (man), af (unspecified).
    fn council_map() -> Map {
        let now = "2026-11-22T10:00:00Z".parse().unwrap();
        let mut map = Map::new("m".into(), "Test", now, default_sectors(|id| id.to_owned()));
        // A table reads better one actor a line.
        #[rustfmt::skip]
        let actors = [
            ("univ", "Jönköping University", "education", "Jönköping", 4, 5),
            ("firm", "Företagarna", "business", "Värnamo", 3, 3),
            ("af", "Arbetsförmedlingen", "labour_market", "", 5, 4),
            ("region", "Region Jönköpings län", "public_sector", "Jönköping", 5, 5),
            ("kommun", "Gislaveds kommun", "public_sector", "Gislaved", 4, 4),
            ("ostra", "Östra gymnasiet", "education", "Gislaved", 4, 4),
            ("almi", "Almi", "business", "Värnamo", 4, 4),
            ("quiet", "Tyst förening", "civil_society", "Eksjö", 2, 5),
        ];
        for (id, name, sector, municipality, influence, interest) in actors {
            let mut actor = Actor::new(id.into(), name);
            actor.sector = sector.into();
            actor.municipality = municipality.into();
            actor.influence = Some(influence);
            actor.interest = Some(interest);
            map.add_actor(actor);
        }
        map.council.members = vec![
            member("univ", Gender::Woman),
            member("firm", Gender::Man),
            member("af", Gender::Unspecified),
        ];
        map
    }

    #[test]
    fn definitive_and_dominant_actors_and_brokers_outside_the_council_are_listed() {
        let mut map = Map::new("m".into(), "t", chrono::Utc::now(), Vec::new());
        let mut add = |id: &str, p: bool, l: bool, u: bool| {
            let mut actor = Actor::new(id.into(), id);
            actor.salience = crate::actor::Salience {
                power: p,
                legitimacy: l,
                urgency: u,
            };
            map.add_actor(actor);
        };
        add("Örebro", true, true, false);
        add("Almi", true, true, false);
        add("Region", true, true, true);
        add("Member", true, true, true);
        add("Latent", true, false, false);
        map.council.add_member("Member".into());
        let ids = |list: Vec<ActorId>| list.into_iter().map(|id| id.0).collect::<Vec<_>>();
        assert_eq!(
            ids(salient_actors_missing(&map)),
            ["Region", "Almi", "Örebro"]
        );
        let brokers = vec![("Member".into(), 0.5), ("Latent".into(), 0.2)];
        assert_eq!(ids(brokers_missing(&map, &brokers)), ["Latent"]);
    }

    #[test]
    fn sector_coverage_lists_members_per_required_sector() {
        let mut map = council_map();
        map.council.members.push(member("ostra", Gender::Woman));
        let coverage = sector_coverage(&map);
        let summary: Vec<(&str, Vec<&str>)> = coverage
            .iter()
            .map(|c| {
                (
                    c.sector.as_str(),
                    c.covered_by.iter().map(ActorId::as_str).collect(),
                )
            })
            .collect();
        assert_eq!(
            summary,
            vec![
                ("education", vec!["univ", "ostra"]),
                ("business", vec!["firm"]),
                ("labour_market", vec!["af"]),
                ("public_sector", vec![]),
            ]
        );
        assert!(coverage[0].is_covered());
        assert!(!coverage[3].is_covered());
    }

    #[test]
    fn sector_coverage_skips_members_that_name_no_actor() {
        let mut map = council_map();
        map.council.members = vec![member("ghost", Gender::Man)];
        map.council.required_sectors = vec!["".into()];
        assert_eq!(
            sector_coverage(&map),
            vec![SectorCoverage {
                sector: "".into(),
                covered_by: vec![]
            }]
        );
    }

    #[test]
    fn municipality_coverage_splits_the_maps_municipalities() {
        let mut map = council_map();
        // Trimmed like Map::municipalities, so stray spaces do not make it look missing.
        map.actors[1].municipality = " Värnamo ".into();
        let (covered, missing) = municipality_coverage(&map);
        assert_eq!(covered, vec!["Jönköping", "Värnamo"]);
        assert_eq!(missing, vec!["Eksjö", "Gislaved"]);
    }

    #[test]
    fn municipality_coverage_of_an_empty_council_is_all_missing() {
        let mut map = council_map();
        map.council.members.clear();
        let (covered, missing) = municipality_coverage(&map);
        assert!(covered.is_empty());
        assert_eq!(missing, map.municipalities());
    }

    fn balance_of(genders: &[Gender]) -> GenderBalance {
        let mut map = council_map();
        let ids: Vec<ActorId> = map.actors.iter().map(|a| a.id.clone()).collect();
        map.council.members = genders
            .iter()
            .zip(ids)
            .map(|(g, id)| member(id.as_str(), *g))
            .collect();
        gender_balance(&map)
    }

    #[test]
    fn gender_balance_counts_and_shares() {
        let balance = gender_balance(&council_map());
        assert_eq!(
            balance,
            GenderBalance {
                women: 1,
                men: 1,
                other: 0,
                unspecified: 1,
                share_women: Some(0.5),
                share_men: Some(0.5),
                balanced: true,
            }
        );
    }

    #[test]
    fn gender_balance_accepts_40_and_60_percent_and_flags_beyond() {
        use Gender::{Man, Woman};
        let b = balance_of(&[Woman, Woman, Woman, Man, Man]);
        assert_eq!(
            (b.share_women, b.share_men, b.balanced),
            (Some(0.6), Some(0.4), true)
        );
        let b = balance_of(&[Woman, Woman, Woman, Man]);
        assert_eq!(
            (b.share_women, b.share_men, b.balanced),
            (Some(0.75), Some(0.25), false)
        );
        let b = balance_of(&[Man, Man, Man, Man, Woman, Woman]);
        assert!(!b.balanced, "{b:?}");
        assert!(!balance_of(&[Woman]).balanced);
    }

    #[test]
    fn gender_balance_counts_other_in_the_denominator() {
        use Gender::{Man, Other, Woman};
        let b = balance_of(&[Woman, Woman, Man, Man, Other]);
        assert_eq!(
            (b.other, b.share_women, b.share_men, b.balanced),
            (1, Some(0.4), Some(0.4), true)
        );
        let b = balance_of(&[Woman, Man, Other]);
        assert!(!b.balanced, "one third each is below 40 %: {b:?}");
    }

    #[test]
    fn gender_balance_without_specified_members_is_not_flagged() {
        let b = balance_of(&[Gender::Unspecified, Gender::Unspecified]);
        assert_eq!(
            (b.unspecified, b.share_women, b.share_men, b.balanced),
            (2, None, None, true)
        );
        let b = balance_of(&[]);
        assert_eq!(
            (b.women + b.men + b.other + b.unspecified, b.balanced),
            (0, true)
        );
    }

    #[test]
    fn key_actors_missing_are_strongest_first_then_by_swedish_name() {
        let map = council_map();
        // univ and af are members; region (10) first, then 8s by name with Ö last.
        let ids: Vec<String> = key_actors_missing(&map)
            .into_iter()
            .map(|id| id.0)
            .collect();
        assert_eq!(ids, vec!["region", "almi", "kommun", "ostra"]);
    }

    #[test]
    fn key_actors_need_both_influence_and_interest_at_four() {
        let mut map = council_map();
        map.council.members.clear();
        let ids: Vec<String> = key_actors_missing(&map)
            .into_iter()
            .map(|id| id.0)
            .collect();
        // quiet (2/5) and firm (3/3) are not key actors.
        assert_eq!(ids, vec!["region", "af", "univ", "almi", "kommun", "ostra"]);
    }

    #[test]
    fn swedish_name_order_puts_a_ring_before_a_umlaut_before_o_umlaut() {
        let mut names = vec!["Örebro", "Ängelholm", "Åre", "zeta", "Alvesta"];
        names.sort_by(|a, b| compare_names(a, b));
        assert_eq!(names, vec!["Alvesta", "zeta", "Åre", "Ängelholm", "Örebro"]);
    }

    fn action(id: &str, due: Option<&str>, status: ActionStatus, owned: bool) -> Action {
        Action {
            id: id.into(),
            title: id.to_owned(),
            goal: None,
            responsible: owned.then(|| "univ".into()),
            accountable: owned.then(|| "region".into()),
            consulted: vec![],
            informed: vec![],
            start: None,
            due: due.map(date),
            status,
            note: String::new(),
        }
    }

    #[test]
    fn action_flags_overdue_only_when_due_before_today_and_not_done() {
        let today = date("2026-11-22");
        let flags = |due, status| action_flags(&action("a", due, status, true), today);
        assert_eq!(
            flags(Some("2026-11-21"), ActionStatus::InProgress),
            vec![ActionFlag::Overdue]
        );
        assert_eq!(
            flags(Some("2026-11-21"), ActionStatus::Blocked),
            vec![ActionFlag::Overdue]
        );
        assert_eq!(flags(Some("2026-11-21"), ActionStatus::Done), vec![]);
        assert_eq!(
            flags(Some("2026-11-22"), ActionStatus::Planned),
            vec![],
            "due today is not late yet"
        );
        assert_eq!(flags(None, ActionStatus::Planned), vec![]);
    }

    #[test]
    fn action_flags_missing_roles() {
        let today = date("2026-11-22");
        let mut a = action("a", Some("2026-01-01"), ActionStatus::Planned, false);
        assert_eq!(
            action_flags(&a, today),
            vec![
                ActionFlag::Overdue,
                ActionFlag::NoResponsible,
                ActionFlag::NoAccountable
            ]
        );
        a.responsible = Some("univ".into());
        a.status = ActionStatus::Done;
        assert_eq!(action_flags(&a, today), vec![ActionFlag::NoAccountable]);
    }

    #[test]
    fn flagged_actions_keeps_plan_order_and_skips_clean_ones() {
        let mut map = council_map();
        map.council.actions = vec![
            action("late", Some("2026-10-01"), ActionStatus::Planned, true),
            action("fine", Some("2026-12-01"), ActionStatus::Planned, true),
            action("orphan", None, ActionStatus::Planned, false),
        ];
        let flagged = flagged_actions(&map, date("2026-11-22"));
        assert_eq!(
            flagged,
            vec![
                (ActionId::from("late"), vec![ActionFlag::Overdue]),
                (
                    ActionId::from("orphan"),
                    vec![ActionFlag::NoResponsible, ActionFlag::NoAccountable]
                ),
            ]
        );
    }

    fn meeting(id: &str, start: &str) -> Meeting {
        Meeting {
            id: id.into(),
            start: at(start),
            duration_minutes: 120,
            place: String::new(),
            agenda: vec![],
            notes: String::new(),
        }
    }

    #[test]
    fn next_meetings_upcoming_soonest_first_then_past_latest_first() {
        let mut map = council_map();
        map.council.meetings = vec![
            meeting("past-old", "2026-02-10T13:00:00"),
            meeting("next-later", "2027-03-01T09:00:00"),
            meeting("past-recent", "2026-09-15T13:00:00"),
            meeting("next-soon", "2026-12-03T13:00:00"),
            meeting("running", "2026-11-22T09:00:00"),
        ];
        let ids: Vec<&MeetingId> = next_meetings(&map, at("2026-11-22T10:30:00"))
            .into_iter()
            .map(|m| &m.id)
            .collect();
        let ids: Vec<&str> = ids.into_iter().map(MeetingId::as_str).collect();
        assert_eq!(
            ids,
            vec![
                "running",
                "next-soon",
                "next-later",
                "past-recent",
                "past-old"
            ]
        );
        // Once it has ended (09:00 + 2 h), the running meeting is the most recent past one.
        let ids: Vec<String> = next_meetings(&map, at("2026-11-22T11:00:00"))
            .into_iter()
            .map(|m| m.id.0.clone())
            .collect();
        assert_eq!(
            ids,
            vec![
                "next-soon",
                "next-later",
                "running",
                "past-recent",
                "past-old"
            ]
        );
    }

    #[test]
    fn iso_week_matches_the_swedish_calendar() {
        // 2026 starts on a Thursday, so it has 53 weeks and 1 January 2027 is still in week 53.
        assert_eq!(iso_week(date("2026-01-01")), 1);
        assert_eq!(iso_week(date("2026-12-31")), 53);
        assert_eq!(iso_week(date("2027-01-01")), 53);
        assert_eq!(iso_week(date("2027-01-04")), 1);
        // 2025-12-29 (a Monday) already belongs to week 1 of 2026.
        assert_eq!(iso_week(date("2025-12-29")), 1);
        assert_eq!(iso_week(date("2026-11-22")), 47);
    }
}
