//! The edit rules behind the app's fields and buttons: what typed text becomes (trimmed
//! names, tag lists, agenda lines), what is refused (an empty name), and the command each
//! edit dispatches. Views only collect the input and dispatch what these return.

use crate::actor::{Actor, ActorKind, Contact, Level, ATTITUDE_RANGE, MIDDLE, SCALE_RANGE};
use crate::command::Command;
use crate::council::{Council, CouncilRole, Gender, Member};
use crate::ids::{ActorId, GoalId, RelationId, SectorId};
use crate::map::Map;
use crate::relation::Relation;
use crate::sector::{is_hex_color, Sector};

/// One field of an actor as the user sets it.
#[derive(Clone, Debug, PartialEq)]
pub enum ActorField {
    Name(String),
    ShortName(String),
    Kind(ActorKind),
    Sector(SectorId),
    Level(Level),
    Municipality(String),
    Influence(Option<i64>),
    Interest(Option<i64>),
    Attitude(Option<i64>),
    Power(bool),
    Legitimacy(bool),
    Urgency(bool),
    /// One tag added whole (it may hold a comma: Kumu's "Agriculture, Forestry"); a tag
    /// already there in any case is not added twice.
    AddTag(String),
    /// One tag taken away, as written.
    RemoveTag(String),
    Notes(String),
}

/// The command that sets one field of `actor`; None when the input is refused (an empty
/// name, a number out of range), so the field falls back to what is stored.
pub fn set_actor_field(actor: &Actor, field: ActorField) -> Option<Command> {
    let mut next = actor.clone();
    match field {
        ActorField::Name(text) => next.name = non_empty(&text)?,
        ActorField::ShortName(text) => next.short_name = text.trim().to_owned(),
        ActorField::Kind(kind) => next.kind = kind,
        ActorField::Sector(sector) => next.sector = sector,
        ActorField::Level(level) => next.level = level,
        ActorField::Municipality(text) => next.municipality = text.trim().to_owned(),
        ActorField::Influence(n) => next.influence = rating(n, &SCALE_RANGE)?,
        ActorField::Interest(n) => next.interest = rating(n, &SCALE_RANGE)?,
        ActorField::Attitude(n) => next.attitude = rating(n, &ATTITUDE_RANGE)?,
        ActorField::Power(on) => next.salience.power = on,
        ActorField::Legitimacy(on) => next.salience.legitimacy = on,
        ActorField::Urgency(on) => next.salience.urgency = on,
        ActorField::AddTag(text) => {
            let tag = non_empty(&text)?;
            if next
                .tags
                .iter()
                .any(|t| t.to_lowercase() == tag.to_lowercase())
            {
                return None;
            }
            next.tags.push(tag);
        }
        ActorField::RemoveTag(tag) => {
            let before = next.tags.len();
            next.tags.retain(|t| *t != tag);
            if next.tags.len() == before {
                return None;
            }
        }
        ActorField::Notes(text) => next.notes = text,
    }
    Some(Command::UpdateActor(Box::new(next)))
}

/// Moves an actor on the power–interest grid by whole steps, staying on the scale; an
/// unrated actor moves from the middle.
pub fn nudge_on_grid(actor: &Actor, interest: i64, influence: i64) -> Command {
    place_on_grid(
        actor,
        actor.interest.unwrap_or(MIDDLE) + interest,
        actor.influence.unwrap_or(MIDDLE) + influence,
    )
}

/// Places an actor in a grid cell (interest, influence), each clamped to the scale.
pub fn place_on_grid(actor: &Actor, interest: i64, influence: i64) -> Command {
    let on_scale = |n: i64| Some(n.clamp(*SCALE_RANGE.start(), *SCALE_RANGE.end()));
    let mut next = actor.clone();
    next.interest = on_scale(interest);
    next.influence = on_scale(influence);
    Command::UpdateActor(Box::new(next))
}

/// A rating as set: `None` unsets it; a number must be on its scale.
fn rating(value: Option<i64>, range: &std::ops::RangeInclusive<i64>) -> Option<Option<i64>> {
    match value {
        None => Some(None),
        Some(n) => in_range(n, range).map(Some),
    }
}

/// A field of a contact person.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ContactField {
    Name,
    Role,
    Email,
    Phone,
}

/// A change to an actor's list of contact persons.
#[derive(Clone, Debug, PartialEq)]
pub enum ContactEdit {
    Add,
    Remove(usize),
    Set(usize, ContactField, String),
}

/// The command for a change to an actor's contacts; None for an index that is gone.
pub fn edit_contacts(actor: &Actor, edit: ContactEdit) -> Option<Command> {
    let mut next = actor.clone();
    match edit {
        ContactEdit::Add => next.contacts.push(Contact::default()),
        ContactEdit::Remove(i) => {
            (i < next.contacts.len()).then(|| next.contacts.remove(i))?;
        }
        ContactEdit::Set(i, field, text) => {
            let contact = next.contacts.get_mut(i)?;
            let value = text.trim().to_owned();
            match field {
                ContactField::Name => contact.name = value,
                ContactField::Role => contact.role = value,
                ContactField::Email => contact.email = value,
                ContactField::Phone => contact.phone = value,
            }
        }
    }
    Some(Command::UpdateActor(Box::new(next)))
}

/// The command that links two actors with a new undirected relation of `kind`; None when
/// they are the same actor or already linked (either way round).
pub fn link(
    map: &Map,
    id: RelationId,
    from: &ActorId,
    to: &ActorId,
    kind: crate::relation::RelationKind,
) -> Option<Command> {
    let linked = map
        .relations
        .iter()
        .any(|r| (&r.from == from && &r.to == to) || (&r.from == to && &r.to == from));
    if from == to || linked || map.actor(from).is_none() || map.actor(to).is_none() {
        return None;
    }
    let mut relation = Relation::new(id, from.clone(), to.clone());
    relation.kind = kind;
    Some(Command::AddRelations(vec![relation]))
}

/// The command that changes the council; `change` works on a copy.
pub fn edit_council(map: &Map, change: impl FnOnce(&mut Council)) -> Command {
    let mut council = map.council.clone();
    change(&mut council);
    Command::SetCouncil(Box::new(council))
}

impl Member {
    /// A new member of the council: no representative named yet, an ordinary member.
    pub fn new(actor: ActorId) -> Self {
        Self {
            actor,
            representative: String::new(),
            gender: Gender::Unspecified,
            role: CouncilRole::Member,
        }
    }
}

impl Council {
    /// Adds the actor as a member unless it is one already.
    pub fn add_member(&mut self, actor: ActorId) {
        if !self.members.iter().any(|m| m.actor == actor) {
            self.members.push(Member::new(actor));
        }
    }

    /// Removes a goal and unlinks the actions that served it.
    pub fn remove_goal(&mut self, id: &GoalId) {
        self.goals.retain(|g| &g.id != id);
        for action in &mut self.actions {
            if action.goal.as_ref() == Some(id) {
                action.goal = None;
            }
        }
    }
}

/// A meeting's agenda from the text box: one item a line, blank lines dropped.
pub fn agenda_lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty())
        .map(str::to_owned)
        .collect()
}

/// A meeting's length in minutes, kept within one day.
pub fn meeting_minutes(minutes: i64) -> i64 {
    minutes.clamp(1, 24 * 60)
}

/// The command that changes one sector of the palette (`label` trimmed and not empty,
/// `color` a `#RRGGBB` colour); None when the input is refused.
pub fn edit_sector(
    map: &Map,
    index: usize,
    label: Option<&str>,
    color: Option<&str>,
) -> Option<Command> {
    let mut sectors = map.sectors.clone();
    let sector = sectors.get_mut(index)?;
    if let Some(label) = label {
        sector.label = non_empty(label)?;
    }
    if let Some(color) = color {
        is_hex_color(color).then_some(())?;
        sector.color = color.to_ascii_lowercase();
    }
    Some(Command::SetSectors(sectors))
}

/// The command that adds a grey sector named `label` at the end of the palette.
pub fn add_sector(map: &Map, id: SectorId, label: &str) -> Command {
    let mut sectors = map.sectors.clone();
    sectors.push(Sector {
        id,
        label: label.trim().to_owned(),
        color: "#8c8c8c".to_owned(),
    });
    Command::SetSectors(sectors)
}

/// The command that renames the map; None for an empty title.
pub fn rename_map(map: &Map, title: &str) -> Option<Command> {
    Some(Command::SetDetails {
        title: non_empty(title)?,
        description: map.description.clone(),
    })
}

fn non_empty(text: &str) -> Option<String> {
    let text = text.trim();
    (!text.is_empty()).then(|| text.to_owned())
}

fn in_range(n: i64, range: &std::ops::RangeInclusive<i64>) -> Option<i64> {
    range.contains(&n).then_some(n)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::map::tests::sample_map;
    use crate::relation::RelationKind;

    fn updated(command: Option<Command>) -> Actor {
        match command {
            Some(Command::UpdateActor(actor)) => *actor,
            other => panic!("expected an update, got {other:?}"),
        }
    }

    #[test]
    fn tags_are_added_and_removed_whole_so_a_comma_survives() {
        let mut actor = Actor::new("a".into(), "Almi");
        let apply = |actor: &mut Actor, field| match set_actor_field(actor, field) {
            Some(Command::UpdateActor(next)) => {
                *actor = *next;
                true
            }
            _ => false,
        };
        assert!(apply(
            &mut actor,
            ActorField::AddTag(" Agriculture, Forestry ".into())
        ));
        assert!(apply(&mut actor, ActorField::AddTag("vård".into())));
        assert!(
            !apply(&mut actor, ActorField::AddTag("VÅRD".into())),
            "no duplicate"
        );
        assert!(
            !apply(&mut actor, ActorField::AddTag("  ".into())),
            "no empty tag"
        );
        assert_eq!(actor.tags, ["Agriculture, Forestry", "vård"]);
        assert!(apply(&mut actor, ActorField::RemoveTag("vård".into())));
        assert!(
            !apply(&mut actor, ActorField::RemoveTag("vård".into())),
            "already gone"
        );
        assert_eq!(actor.tags, ["Agriculture, Forestry"]);
    }

    #[test]
    fn names_are_trimmed_and_an_empty_name_is_refused() {
        let actor = Actor::new("a".into(), "A");
        let renamed = updated(set_actor_field(
            &actor,
            ActorField::Name("  Region X ".into()),
        ));
        assert_eq!(renamed.name, "Region X");
        assert_eq!(
            set_actor_field(&actor, ActorField::Name("   ".into())),
            None
        );
        let town = updated(set_actor_field(
            &actor,
            ActorField::Municipality(" Eksjö ".into()),
        ));
        assert_eq!(town.municipality, "Eksjö");
    }

    #[test]
    fn numbers_outside_their_scale_are_refused() {
        let actor = Actor::new("a".into(), "A");
        assert_eq!(
            set_actor_field(&actor, ActorField::Influence(Some(6))),
            None
        );
        assert_eq!(
            set_actor_field(&actor, ActorField::Attitude(Some(-3))),
            None
        );
        assert_eq!(
            updated(set_actor_field(&actor, ActorField::Attitude(Some(-2)))).attitude,
            Some(-2)
        );
    }

    #[test]
    fn grid_moves_stay_on_the_scale() {
        let mut actor = Actor::new("a".into(), "A");
        actor.interest = Some(5);
        let moved = updated(Some(nudge_on_grid(&actor, 1, -1)));
        assert_eq!((moved.interest, moved.influence), (Some(5), Some(2)));
        let placed = updated(Some(place_on_grid(&actor, 0, 9)));
        assert_eq!((placed.interest, placed.influence), (Some(1), Some(5)));
    }

    #[test]
    fn contacts_are_added_set_trimmed_and_removed() {
        let actor = Actor::new("a".into(), "A");
        let one = updated(edit_contacts(&actor, ContactEdit::Add));
        let named = updated(edit_contacts(
            &one,
            ContactEdit::Set(0, ContactField::Email, " a@b.se ".into()),
        ));
        assert_eq!(named.contacts[0].email, "a@b.se");
        assert!(edit_contacts(&named, ContactEdit::Remove(3)).is_none());
        assert!(updated(edit_contacts(&named, ContactEdit::Remove(0)))
            .contacts
            .is_empty());
    }

    #[test]
    fn a_link_needs_two_distinct_unlinked_actors() {
        let map = sample_map();
        let kind = RelationKind::Funding;
        assert!(link(&map, "x".into(), &"a".into(), &"a".into(), kind).is_none());
        assert!(link(&map, "x".into(), &"b".into(), &"a".into(), kind).is_none());
        assert!(link(&map, "x".into(), &"a".into(), &"zz".into(), kind).is_none());
        match link(&map, "x".into(), &"a".into(), &"c".into(), kind) {
            Some(Command::AddRelations(r)) => assert_eq!(r[0].kind, RelationKind::Funding),
            other => panic!("{other:?}"),
        }
    }

    #[test]
    fn council_rules() {
        let mut council = Council::default();
        council.add_member("a".into());
        council.add_member("a".into());
        assert_eq!(council.members, vec![Member::new("a".into())]);
        let map = sample_map();
        let mut c = map.council.clone();
        c.goals.push(crate::council::Goal {
            id: "g".into(),
            title: "G".into(),
            indicator: String::new(),
            target_date: None,
        });
        c.actions[0].goal = Some("g".into());
        c.remove_goal(&"g".into());
        assert!(c.goals.is_empty() && c.actions[0].goal.is_none());
        assert_eq!(
            agenda_lines(" Välkomna \n\n Läget\n"),
            vec!["Välkomna", "Läget"]
        );
        assert_eq!((meeting_minutes(0), meeting_minutes(5000)), (1, 1440));
    }

    #[test]
    fn sectors_and_titles_refuse_empty_or_bad_input() {
        let map = sample_map();
        assert!(edit_sector(&map, 0, Some("  "), None).is_none());
        assert!(edit_sector(&map, 0, None, Some("red")).is_none());
        assert!(edit_sector(&map, 99, Some("X"), None).is_none());
        match edit_sector(&map, 0, Some(" Offentlig "), Some("#AABBCC")) {
            Some(Command::SetSectors(s)) => {
                assert_eq!(
                    (s[0].label.as_str(), s[0].color.as_str()),
                    ("Offentlig", "#aabbcc")
                )
            }
            other => panic!("{other:?}"),
        }
        assert!(rename_map(&map, " ").is_none());
    }
}
