//! The competence council (kompetensråd): members, required sectors, meetings and the
//! action plan (goals and actions).

use crate::ids::{ActionId, ActorId, GoalId, MeetingId, SectorId};
use chrono::{DateTime, Datelike, Duration, NaiveDate, NaiveDateTime, Utc};
use serde::{Deserialize, Deserializer, Serialize};

/// Gender of a member's representative, for the balance check.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Gender {
    Woman,
    Man,
    Other,
    #[default]
    Unspecified,
}

/// A member's role in the council.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CouncilRole {
    Chair,
    ViceChair,
    #[default]
    Member,
    Secretary,
    CoOpted,
}

/// An actor sitting in the council, through a named representative.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Member {
    pub actor: ActorId,
    #[serde(default)]
    pub representative: String,
    #[serde(default)]
    pub gender: Gender,
    #[serde(default)]
    pub role: CouncilRole,
}

/// A council meeting. `start` is local time in Europe/Stockholm.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Meeting {
    pub id: MeetingId,
    #[serde(deserialize_with = "stockholm_start")]
    pub start: NaiveDateTime,
    #[serde(default = "default_duration")]
    pub duration_minutes: i64,
    #[serde(default)]
    pub place: String,
    #[serde(default)]
    pub agenda: Vec<String>,
    #[serde(default)]
    pub notes: String,
}

fn default_duration() -> i64 {
    120
}

/// A meeting start as files write it: Stockholm wall-clock time (`2027-02-10T09:00:00`),
/// or an RFC 3339 time with an offset (`2027-02-10T09:00:00+01:00`, as other tools and the
/// file's own `created_at` write them), converted to Stockholm time.
fn stockholm_start<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDateTime, D::Error> {
    struct Start;
    impl serde::de::Visitor<'_> for Start {
        type Value = NaiveDateTime;
        fn expecting(&self, f: &mut std::fmt::Formatter) -> std::fmt::Result {
            // chrono's own words, which the import errors read as "a date and time".
            f.write_str("a formatted date and time string")
        }
        fn visit_str<E: serde::de::Error>(self, text: &str) -> Result<NaiveDateTime, E> {
            text.parse::<NaiveDateTime>().or_else(|local| {
                DateTime::parse_from_rfc3339(text)
                    .map(|t| stockholm_time(t.with_timezone(&Utc)))
                    .map_err(|_| E::custom(local))
            })
        }
    }
    deserializer.deserialize_str(Start)
}

/// A UTC time as Stockholm wall-clock time: UTC+2 from the last Sunday of March to the
/// last Sunday of October (from 01:00 UTC, the EU rule), UTC+1 otherwise.
pub fn stockholm_time(utc: DateTime<Utc>) -> NaiveDateTime {
    let last_sunday = |month: u32| {
        let first_of_next =
            NaiveDate::from_ymd_opt(utc.year(), month + 1, 1).expect("a real month");
        let last = first_of_next - Duration::days(1);
        let back = last.weekday().num_days_from_sunday();
        (last - Duration::days(i64::from(back)))
            .and_hms_opt(1, 0, 0)
            .expect("01:00")
    };
    let summer = utc.naive_utc() >= last_sunday(3) && utc.naive_utc() < last_sunday(10);
    utc.naive_utc() + Duration::hours(if summer { 2 } else { 1 })
}

/// A result goal of the action plan.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Goal {
    pub id: GoalId,
    pub title: String,
    #[serde(default)]
    pub indicator: String,
    #[serde(default)]
    pub target_date: Option<NaiveDate>,
}

/// Where an action stands.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActionStatus {
    #[default]
    Planned,
    InProgress,
    Done,
    Blocked,
}

impl ActionStatus {
    pub const ALL: [ActionStatus; 4] = [Self::Planned, Self::InProgress, Self::Done, Self::Blocked];

    /// The wire name (`in_progress`).
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Planned => "planned",
            Self::InProgress => "in_progress",
            Self::Done => "done",
            Self::Blocked => "blocked",
        }
    }

    /// Reads a wire name back (a select's value).
    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.as_str() == name)
    }
}

/// An action of the action plan, with RACI roles.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Action {
    pub id: ActionId,
    pub title: String,
    #[serde(default)]
    pub goal: Option<GoalId>,
    #[serde(default)]
    pub responsible: Option<ActorId>,
    #[serde(default)]
    pub accountable: Option<ActorId>,
    #[serde(default)]
    pub consulted: Vec<ActorId>,
    #[serde(default)]
    pub informed: Vec<ActorId>,
    #[serde(default)]
    pub start: Option<NaiveDate>,
    #[serde(default)]
    pub due: Option<NaiveDate>,
    #[serde(default)]
    pub status: ActionStatus,
    #[serde(default)]
    pub note: String,
}

/// The map's competence council and its action plan.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Council {
    pub name: String,
    pub mandate: String,
    pub members: Vec<Member>,
    pub required_sectors: Vec<SectorId>,
    pub meetings: Vec<Meeting>,
    pub goals: Vec<Goal>,
    pub actions: Vec<Action>,
}

/// Sectors a competence council typically must join: education providers, employers and
/// industry bodies, the labour-market parties, and the public sector.
pub const DEFAULT_REQUIRED_SECTORS: [&str; 4] =
    ["education", "business", "labour_market", "public_sector"];

impl Council {
    /// An empty council that requires the default sectors.
    pub fn with_default_requirements() -> Self {
        Self {
            required_sectors: DEFAULT_REQUIRED_SECTORS
                .iter()
                .map(|s| SectorId::from(*s))
                .collect(),
            ..Self::default()
        }
    }

    /// True when `actor` appears anywhere in the council or its action plan.
    pub fn references(&self, actor: &ActorId) -> bool {
        self.members.iter().any(|m| &m.actor == actor)
            || self.actions.iter().any(|a| a.mentions(actor))
    }
}

impl Action {
    /// True when `actor` holds any RACI role in this action.
    pub fn mentions(&self, actor: &ActorId) -> bool {
        self.responsible.as_ref() == Some(actor)
            || self.accountable.as_ref() == Some(actor)
            || self.consulted.contains(actor)
            || self.informed.contains(actor)
    }
}
