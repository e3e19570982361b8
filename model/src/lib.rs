//! Samverkan's domain model: maps of actors and relations, the competence council,
//! validation, the file format with its migrations, undo history and the storage rules.
//! Plain Rust with no browser types, so all of it is tested natively.

pub mod actor;
pub mod analysis;
pub mod arrange;
pub mod assessment;
pub mod command;
pub mod community;
pub mod council;
pub mod edit;
pub mod engagement;
pub mod fit;
pub mod formats;
pub mod grid;
pub mod history;
pub mod ics;
pub mod ids;
pub mod io;
pub mod labels;
pub mod layout;
pub mod layout_job;
pub mod map;
pub mod merge;
pub mod metrics;
pub mod privacy;
pub mod question;
pub mod quick_entry;
pub mod relation;
pub mod room;
pub mod salience;
pub mod sector;
pub mod sort;
pub mod spatial;
pub mod store;
pub mod validate;
pub mod versions;
pub mod vocabulary;
pub mod what_if;

pub use actor::{Actor, ActorKind, Contact, Level, Salience};
pub use command::{Command, CommandError, Placement};
pub use council::{Action, ActionStatus, Council, CouncilRole, Gender, Goal, Meeting, Member};
pub use ids::{ActionId, ActorId, GoalId, MapId, MeetingId, RelationId, SectorId};
pub use map::{Map, Usage};
pub use relation::{Relation, RelationKind};
pub use sector::Sector;
pub use validate::{Expected, Found, JsonError, Problem, Reason};
