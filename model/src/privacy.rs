//! Privacy profiles for everything that leaves the browser (files, pictures, share links):
//! the whole map, a pseudonymised copy, or the organisations alone. A map made with a
//! profile remembers it, so whoever opens the file can be told what was left out.

use crate::actor::ActorKind;
use crate::council::CouncilRole;
use crate::map::Map;
use serde::{Deserialize, Serialize};

/// How much personal data an export keeps. Ordered from most to least kept.
#[derive(
    Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize,
)]
#[serde(rename_all = "snake_case")]
pub enum Profile {
    /// Everything, as in the browser.
    #[default]
    Full,
    /// People become "Person 1", "Person 2"…; contact persons, notes, the names of
    /// council representatives and what the engagement log says (summaries, needs) are
    /// left out.
    Pseudonymised,
    /// As pseudonymised, and actors of kind person are removed with their relations and
    /// their places in the council and the action plan.
    OrganisationsOnly,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Self::Full, Self::Pseudonymised, Self::OrganisationsOnly];

    /// The wire name (`organisations_only`), also the i18n key.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Full => "full",
            Self::Pseudonymised => "pseudonymised",
            Self::OrganisationsOnly => "organisations_only",
        }
    }

    pub fn parse(name: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|p| p.as_str() == name)
    }

    pub fn is_full(&self) -> bool {
        *self == Self::Full
    }
}

/// The pseudonym of the `n`th person (from 1). "Person" reads the same in Swedish.
pub fn pseudonym(n: usize) -> String {
    format!("Person {n}")
}

/// A copy of `map` with only what `profile` keeps. Pseudonyms follow the order of the
/// actor list, so the same map always gives the same names. `role_name` words a council
/// role in the UI language; it stands in for a representative's name. The copy remembers
/// the strictest profile it has been through.
pub fn apply(map: &Map, profile: Profile, role_name: &dyn Fn(CouncilRole) -> String) -> Map {
    let mut out = map.clone();
    if profile.is_full() {
        return out;
    }
    out.profile = out.profile.max(profile);
    let mut people = 0;
    for actor in &mut out.actors {
        if actor.kind == ActorKind::Person {
            people += 1;
            actor.name = pseudonym(people);
            actor.short_name.clear();
        }
        actor.contacts.clear();
        actor.notes.clear();
    }
    // Free text can name anyone: notes go everywhere, not only on people.
    out.relations.iter_mut().for_each(|r| r.note.clear());
    out.council
        .meetings
        .iter_mut()
        .for_each(|m| m.notes.clear());
    out.council.actions.iter_mut().for_each(|a| a.note.clear());
    for interaction in &mut out.interactions {
        interaction.summary.clear();
        interaction.needs.clear();
    }
    for member in &mut out.council.members {
        member.representative = role_name(member.role);
    }
    if profile == Profile::OrganisationsOnly {
        let people: Vec<_> = out
            .actors
            .iter()
            .filter(|a| a.kind == ActorKind::Person)
            .map(|a| a.id.clone())
            .collect();
        // The one removal there is: relations, council seats, RACI roles, assessment
        // ratings and places in interactions go with them.
        let removed = crate::Command::RemoveActors(people).apply(&mut out);
        debug_assert!(removed.is_ok(), "the people are the map's own actors");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::actor::{Actor, Contact};
    use crate::map::tests::sample_map;

    fn role(role: CouncilRole) -> String {
        format!("{role:?}")
    }

    fn with_people() -> Map {
        let mut map = sample_map();
        map.actors[0].kind = ActorKind::Person;
        map.actors[0].name = "Anna Berg".into();
        map.actors[0].short_name = "AB".into();
        map.actors[2].kind = ActorKind::Person;
        map.actors[1].contacts.push(Contact {
            name: "Bo Ek".into(),
            role: "rektor".into(),
            email: "bo@example.se".into(),
            phone: "070-123".into(),
        });
        map.actors[1].notes = "Ring Bo".into();
        map.relations[0].note = "Anna känner Bo".into();
        map.interactions.push(crate::engagement::Interaction {
            id: "i1".into(),
            actors: vec!["a".into(), "b".into()],
            date: "2026-10-05".parse().unwrap(),
            kind: Default::default(),
            summary: "Anna vill ha lokaler".into(),
            needs: vec!["Lokaler".into()],
            follow_up: None,
            invited: vec![],
            attended: vec![],
        });
        map
    }

    #[test]
    fn full_keeps_everything() {
        let map = with_people();
        assert_eq!(apply(&map, Profile::Full, &role), map);
    }

    #[test]
    fn pseudonymised_names_people_in_order_and_drops_contacts_and_notes() {
        let map = with_people();
        let out = apply(&map, Profile::Pseudonymised, &role);
        let names: Vec<_> = out.actors.iter().map(|a| a.name.as_str()).collect();
        assert_eq!(names, ["Person 1", "Actor b", "Person 2"]);
        assert!(out.actors[0].short_name.is_empty());
        assert!(out.actors[1].contacts.is_empty() && out.actors[1].notes.is_empty());
        assert!(out.relations[0].note.is_empty());
        let logged = &out.interactions[0];
        assert!(logged.summary.is_empty() && logged.needs.is_empty());
        assert_eq!(logged.actors.len(), 2, "who was met stays");
        assert_eq!(out.council.members[0].representative, "Member");
        assert_eq!(out.profile, Profile::Pseudonymised);
        assert_eq!(out.relations.len(), map.relations.len());
        assert!(crate::validate::validate(&out).is_empty());
        assert_eq!(apply(&map, Profile::Pseudonymised, &role), out, "stable");
    }

    #[test]
    fn organisations_only_removes_people_and_their_references() {
        let mut map = with_people();
        map.add_actor(Actor::new("d".into(), "Region"));
        let out = apply(&map, Profile::OrganisationsOnly, &role);
        let ids: Vec<_> = out.actors.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(ids, ["b", "d"]);
        assert!(out.relations.is_empty(), "both relations touched a person");
        assert!(out.council.members.is_empty());
        assert_eq!(out.council.actions[0].responsible, None);
        assert_eq!(out.council.actions[0].accountable, Some("b".into()));
        assert_eq!(out.interactions[0].actors, ["b".into()]);
        assert_eq!(out.profile, Profile::OrganisationsOnly);
        assert!(crate::validate::validate(&out).is_empty());
    }

    #[test]
    fn a_map_remembers_its_strictest_profile() {
        let map = apply(&with_people(), Profile::OrganisationsOnly, &role);
        assert_eq!(
            apply(&map, Profile::Pseudonymised, &role).profile,
            Profile::OrganisationsOnly
        );
        assert_eq!(
            apply(&map, Profile::Full, &role).profile,
            Profile::OrganisationsOnly
        );
    }
}
