//! The privacy profiles over generated maps: no person's name or contact detail of the
//! input appears anywhere in a pseudonymised or organisations-only file, and the file
//! reads back as a valid map.

mod common;

use proptest::prelude::*;
use samverkan_model::council::Member;
use samverkan_model::io::{read_document, write_pretty, Document};
use samverkan_model::privacy::{apply, Profile};
use samverkan_model::sector::default_sectors;
use samverkan_model::{Actor, ActorKind, Contact, CouncilRole, Map, Relation};

/// One generated actor: whether it is a person, its name, and its contact person.
#[derive(Clone, Debug)]
struct Someone {
    person: bool,
    name: String,
    contact: (String, String, String),
}

/// Personal data is drawn from shapes nothing else in a file can contain (a `Qz` name, a
/// `qz…@` address, a `+46 7…` number), so finding one in the output is a real leak.
fn someone() -> impl Strategy<Value = Someone> {
    (
        any::<bool>(),
        "Qz[a-zåäö]{3,8}( [A-ZÅÄÖ][a-z]{2,6})?",
        "Qz[a-z]{3,8}",
        "qz[a-z]{2,6}@[a-z]{2,5}\\.se",
        "\\+46 7[0-9] [0-9]{3} [0-9]{2} [0-9]{2}",
    )
        .prop_map(|(person, name, contact, email, phone)| Someone {
            person,
            name,
            contact: (contact, email, phone),
        })
}

fn map_of(people: &[Someone], links: &[(usize, usize)], seats: &[usize]) -> Map {
    let now = "2026-11-23T10:00:00Z".parse().unwrap();
    let mut map = Map::new("m".into(), "Breakout", now, default_sectors(str::to_owned));
    for (i, one) in people.iter().enumerate() {
        let name = if one.person {
            one.name.clone()
        } else {
            format!("Org {i}")
        };
        let mut actor = Actor::new(format!("a{i}").into(), name);
        actor.kind = if one.person {
            ActorKind::Person
        } else {
            ActorKind::Organisation
        };
        if one.person {
            actor.short_name = one.name.clone();
        }
        let (name, email, phone) = one.contact.clone();
        actor.contacts.push(Contact {
            name,
            role: "kontakt".into(),
            email,
            phone,
        });
        // Free text mentions the people too.
        actor.notes = format!("Talked to {}", one.contact.0);
        map.add_actor(actor);
    }
    for (n, &(from, to)) in links.iter().enumerate() {
        let (from, to) = (from % people.len(), to % people.len());
        let mut relation = Relation::new(
            format!("r{n}").into(),
            format!("a{from}").into(),
            format!("a{to}").into(),
        );
        relation.note = format!("{} knows {}", people[from].name, people[to].contact.0);
        map.add_relation(relation);
    }
    for &seat in seats {
        let actor = format!("a{}", seat % people.len()).into();
        if map.council.members.iter().any(|m| m.actor == actor) {
            continue;
        }
        map.council.members.push(Member {
            actor,
            representative: people[seat % people.len()].contact.0.clone(),
            gender: Default::default(),
            role: CouncilRole::Chair,
        });
    }
    map
}

fn personal_data(people: &[Someone]) -> Vec<String> {
    people
        .iter()
        .flat_map(|one| {
            let (name, email, phone) = one.contact.clone();
            let own = one.person.then(|| one.name.clone());
            own.into_iter().chain([name, email, phone])
        })
        .collect()
}

proptest! {
    #![proptest_config(common::proptest_config(128))]

    #[test]
    fn no_personal_data_leaves_with_a_strict_profile(
        people in prop::collection::vec(someone(), 1..12),
        links in prop::collection::vec((0usize..12, 0usize..12), 0..20),
        seats in prop::collection::vec(0usize..12, 0..5),
        strict in prop::bool::ANY,
    ) {
        let map = map_of(&people, &links, &seats);
        let profile = if strict { Profile::OrganisationsOnly } else { Profile::Pseudonymised };
        let out = apply(&map, profile, &|role| format!("{role:?}"));
        let file = write_pretty(&Document::new(out.clone(), 0));
        for secret in personal_data(&people) {
            prop_assert!(!file.contains(&secret), "{secret:?} is in the {profile:?} file");
        }
        let read = read_document(&file).expect("the file reads back");
        prop_assert_eq!(&read.document.map, &out);
        prop_assert_eq!(read.document.map.profile, profile);
        // Stable: the same map gives the same file.
        let again = apply(&map, profile, &|role| format!("{role:?}"));
        prop_assert_eq!(write_pretty(&Document::new(again, 0)), file);
        let organisations = map.actors.iter().filter(|a| a.kind != ActorKind::Person).count();
        let kept = if strict { organisations } else { map.actors.len() };
        prop_assert_eq!(out.actors.len(), kept);
    }
}
