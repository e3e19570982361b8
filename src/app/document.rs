//! The open map and the one way to change it: `dispatch` a [`Command`]. The map itself is
//! kept outside the reactive graph; views read it through one signal per actor and per
//! relation (found by id, never by a search through the lists), the id lists, the palette,
//! the council and the title, so an edit re-renders only what it changed.

use chrono::Utc;
use leptos::prelude::*;
use samverkan_model::history::{History, Outcome, StepId};
use samverkan_model::{
    Actor, ActorId, Command, CommandError, Council, Map, MapId, Relation, RelationId, Sector,
};
use std::collections::HashMap;
use std::rc::Rc;

/// Why the map changed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Origin {
    /// A user's edit, recorded as (part of) this undo step.
    Edit(StepId),
    Undo,
    Redo,
    /// Another map was opened, or this one was read again from storage.
    Load,
    /// A change that is not an undo step: the first layout of actors that had no place.
    Placement,
    /// Another device in the room changed the map: never an undo step of this one.
    Remote,
}

/// What listeners hear after each change.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Change {
    pub origin: Origin,
    /// Actors or relations were added or removed, or a relation's ends changed.
    pub structural: bool,
    /// There are more actors or relations than before: something new to place.
    pub grew: bool,
}

type Listener = Rc<dyn Fn(&Change)>;
/// What a room lets a participant do; a window outside a room (or its facilitator) has none.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Limits {
    /// Nothing may be changed.
    pub locked: bool,
    /// Only the map: not the council, assessments or the engagement log.
    pub map_only: bool,
}

impl Limits {
    /// Whether `command` (None: an undo or redo) is within these limits.
    fn allow(&self, command: Option<&Command>) -> bool {
        fn beyond_the_map(command: &Command) -> bool {
            match command {
                Command::SetCouncil(_)
                | Command::SetAssessments(_)
                | Command::SetInteractions(_) => true,
                Command::Batch(commands) => commands.iter().any(beyond_the_map),
                _ => false,
            }
        }
        !(self.locked || self.map_only && command.is_some_and(beyond_the_map))
    }
}

struct Inner {
    map: Option<Map>,
    history: History,
    actor_index: HashMap<ActorId, usize>,
    actors: HashMap<ActorId, ArcRwSignal<Actor>>,
    /// Made when a view first asks ([`Doc::relation`]): only the relation editor does,
    /// and a 3,000-relation map made (and cloned into) 3,000 signals on opening for it.
    relations: HashMap<RelationId, ArcRwSignal<Relation>>,
    /// Every relation's id and ends as last synced, in map order: what tells that the
    /// relations came, went or were reconnected, without a signal per relation.
    relation_ends: Vec<(RelationId, ActorId, ActorId)>,
    listeners: Vec<(u64, Listener)>,
    next_listener: u64,
}

/// The document: the open map, its history and its reactive views. `Copy`: handles only.
#[derive(Clone, Copy)]
pub struct Doc {
    inner: StoredValue<Inner, LocalStorage>,
    open: RwSignal<Option<MapId>>,
    title: RwSignal<String>,
    actor_ids: RwSignal<Vec<ActorId>>,
    relation_ids: RwSignal<Vec<RelationId>>,
    sectors: RwSignal<Vec<Sector>>,
    council: RwSignal<Council>,
    version: RwSignal<u64>,
    structure: RwSignal<u64>,
    can_undo: RwSignal<bool>,
    can_redo: RwSignal<bool>,
    /// A read-only window (the projector) shows the map but never changes it.
    read_only: bool,
    /// The limits of the last edit a room refused (set on every refusal, for the room to say).
    pub refused: RwSignal<Option<Limits>>,
    /// What a room lets this window do, if it is a participant in one.
    limits: RwSignal<Option<Limits>>,
}

/// The document of this window.
pub fn use_doc() -> Doc {
    expect_context::<Doc>()
}

impl Doc {
    pub fn new(read_only: bool) -> Self {
        Self {
            inner: StoredValue::new_local(Inner {
                map: None,
                history: History::default(),
                actor_index: HashMap::new(),
                actors: HashMap::new(),
                relations: HashMap::new(),
                relation_ends: Vec::new(),
                listeners: Vec::new(),
                next_listener: 0,
            }),
            open: RwSignal::new(None),
            title: RwSignal::new(String::new()),
            actor_ids: RwSignal::new(Vec::new()),
            relation_ids: RwSignal::new(Vec::new()),
            sectors: RwSignal::new(Vec::new()),
            council: RwSignal::new(Council::default()),
            version: RwSignal::new(0),
            structure: RwSignal::new(0),
            can_undo: RwSignal::new(false),
            can_redo: RwSignal::new(false),
            read_only,
            refused: RwSignal::new(None),
            limits: RwSignal::new(None),
        }
    }

    pub fn is_read_only(&self) -> bool {
        self.read_only
    }

    // ---- reading ---------------------------------------------------------------------

    /// The open map's id (tracked); None when no map is open.
    pub fn map_id(&self) -> Option<MapId> {
        self.open.get()
    }

    pub fn is_open(&self) -> bool {
        self.open.with(Option::is_some)
    }

    pub fn title(&self) -> String {
        self.title.get()
    }

    /// The actors' ids in map order (tracked: changes when actors come or go).
    pub fn actor_ids(&self) -> Vec<ActorId> {
        self.actor_ids.get()
    }

    pub fn actor_count(&self) -> usize {
        self.actor_ids.with(Vec::len)
    }

    /// The relations' ids in map order (tracked).
    pub fn relation_ids(&self) -> Vec<RelationId> {
        self.relation_ids.get()
    }

    /// One actor's signal: reading it re-runs only when that actor changes.
    pub fn actor(&self, id: &ActorId) -> Option<ArcRwSignal<Actor>> {
        self.inner
            .try_with_value(|i| i.actors.get(id).cloned())
            .flatten()
    }

    /// One relation's signal, made on first use.
    pub fn relation(&self, id: &RelationId) -> Option<ArcRwSignal<Relation>> {
        self.inner
            .try_update_value(|i| {
                if let Some(signal) = i.relations.get(id) {
                    return Some(signal.clone());
                }
                let relation = i.map.as_ref()?.relations.iter().find(|r| r.id == *id)?;
                let signal = ArcRwSignal::new(relation.clone());
                i.relations.insert(id.clone(), signal.clone());
                Some(signal)
            })
            .flatten()
    }

    /// An actor's name, tracking only that actor.
    pub fn actor_name(&self, id: &ActorId) -> String {
        self.actor(id)
            .map(|a| a.with(|a| a.name.clone()))
            .unwrap_or_default()
    }

    /// Every actor's id and name, in the map's order (tracked): for what names many actors.
    pub fn actor_names<C: FromIterator<(ActorId, String)>>(&self) -> C {
        self.with_map_tracked(|m| {
            m.actors
                .iter()
                .map(|a| (a.id.clone(), a.name.clone()))
                .collect()
        })
        .unwrap_or_else(|| std::iter::empty().collect())
    }

    /// The sector palette (tracked).
    pub fn sectors(&self) -> Vec<Sector> {
        self.sectors.get()
    }

    pub fn sectors_untracked(&self) -> Vec<Sector> {
        self.sectors.get_untracked()
    }

    /// The colour of a sector (tracks the palette); grey when it has none.
    pub fn sector_color(&self, sector: &str) -> String {
        self.sector_field(sector, |s| &s.color)
            .unwrap_or_else(|| UNCLASSIFIED_COLOR.into())
    }

    /// The name of a sector (tracks the palette); None when the palette has no such id.
    pub fn sector_label(&self, sector: &str) -> Option<String> {
        self.sector_field(sector, |s| &s.label)
    }

    /// A field of a sector, without copying the palette (every node names its sector).
    fn sector_field(&self, sector: &str, field: fn(&Sector) -> &String) -> Option<String> {
        self.sectors.with(|s| {
            s.iter()
                .find(|s| s.id.as_str() == sector)
                .map(|s| field(s).clone())
        })
    }

    /// The council (tracked).
    pub fn council(&self) -> Council {
        self.council.get()
    }

    /// Reads part of the council, re-running when the council changes.
    pub fn with_council<R>(&self, read: impl FnOnce(&Council) -> R) -> R {
        self.council.with(read)
    }

    /// Reads the whole map without tracking (for commands, exports, gestures).
    pub fn with_map<R>(&self, read: impl FnOnce(&Map) -> R) -> Option<R> {
        self.inner
            .try_with_value(|i| i.map.as_ref().map(read))
            .flatten()
    }

    /// Reads the whole map and re-runs on every change: only for summaries of everything.
    pub fn with_map_tracked<R>(&self, read: impl FnOnce(&Map) -> R) -> Option<R> {
        self.version.track();
        self.with_map(read)
    }

    /// Reads the whole map, re-running only when actors or relations come, go or are
    /// re-attached (not when they move or are renamed): for network metrics.
    pub fn with_structure<R>(&self, read: impl FnOnce(&Map) -> R) -> Option<R> {
        self.structure.track();
        self.with_map(read)
    }

    /// A copy of the open map (untracked).
    pub fn snapshot(&self) -> Option<Map> {
        self.with_map(Map::clone)
    }

    pub fn can_undo(&self) -> bool {
        self.can_undo.get()
    }

    pub fn can_redo(&self) -> bool {
        self.can_redo.get()
    }

    // ---- changing ----------------------------------------------------------------------

    /// Applies a user's edit as one undo step. Returns the step, or None when nothing
    /// changed (or the window is read-only, or the command did not apply).
    pub fn dispatch(&self, command: Command) -> Option<StepId> {
        self.allows(Some(&command))?;
        self.record(|h, m| h.dispatch(m, command, None))
    }

    /// Like `dispatch`, but consecutive edits with the same key (one gesture) make one step.
    pub fn dispatch_merging(&self, command: Command, key: &str) -> Option<StepId> {
        self.allows(Some(&command))?;
        self.record(|h, m| h.dispatch(m, command, Some(key)))
    }

    /// Applies a consequence of `step` (the layout that placed what it added) as part of
    /// that step, so undoing the edit undoes its layout too.
    pub fn dispatch_into(&self, command: Command, step: StepId) -> Option<StepId> {
        self.allows(Some(&command))?;
        self.record(|h, m| h.dispatch_into(m, command, step))
    }

    /// Checks the room's limits, if any; a refusal is announced through `refused`.
    fn allows(&self, command: Option<&Command>) -> Option<()> {
        match self.limits.try_get_untracked().flatten() {
            Some(limits) if !limits.allow(command) => {
                self.refused.set(Some(limits));
                None
            }
            _ => Some(()),
        }
    }

    /// Sets (or with None lifts) a room's limits on this window's edits.
    pub fn set_limits(&self, limits: Option<Limits>) {
        if self.limits.get_untracked() != limits {
            self.limits.set(limits);
        }
    }

    /// True while a room keeps this window from editing more than the map (the council,
    /// assessments and the engagement log show read-only then). Tracked.
    pub fn beyond_the_map_read_only(&self) -> bool {
        self.limits.get().is_some_and(|l| l.locked || l.map_only)
    }

    /// Takes the map as another device in the room made it. No undo step (undo takes back
    /// only this device's own steps), and the history stays.
    pub fn apply_remote(&self, map: Map) {
        let changed = self
            .inner
            .try_update_value(|i| match &mut i.map {
                Some(open) if open.id == map.id && *open != map => {
                    *open = map;
                    true
                }
                _ => false,
            })
            .unwrap_or(false);
        if changed {
            self.after(Origin::Remote);
        }
    }

    /// Applies a change that is not an undo step: positions found for actors that had
    /// none, right after a map was opened or imported.
    pub fn place_unrecorded(&self, command: Command) {
        let applied = self
            .inner
            .try_update_value(|i| i.map.as_mut().map(|m| command.apply(m)))
            .flatten();
        if matches!(applied, Some(Ok(_))) {
            self.after(Origin::Placement);
        }
    }

    fn record(
        &self,
        step: impl FnOnce(&mut History, &mut Map) -> Result<Outcome, CommandError>,
    ) -> Option<StepId> {
        if self.read_only {
            return None;
        }
        let outcome = self
            .inner
            .try_update_value(|i| {
                let map = i.map.as_mut()?;
                let outcome = step(&mut i.history, map).ok()?;
                if matches!(outcome, Outcome::Recorded(_)) {
                    map.updated_at = Utc::now();
                }
                Some(outcome)
            })
            .flatten()?;
        match outcome {
            Outcome::Recorded(step) => {
                self.after(Origin::Edit(step));
                Some(step)
            }
            Outcome::Unchanged => None,
        }
    }

    pub fn undo(&self) {
        self.travel(Origin::Undo, |h, m| h.undo(m));
    }

    pub fn redo(&self) {
        self.travel(Origin::Redo, |h, m| h.redo(m));
    }

    /// Undoes the step a message announced, even when later steps came after it.
    pub fn undo_step(&self, step: StepId) {
        self.travel(Origin::Undo, |h, m| h.undo_step(m, step));
    }

    /// True while the step can still be undone.
    pub fn holds_step(&self, step: StepId) -> bool {
        self.inner
            .try_with_value(|i| i.history.holds(step))
            .unwrap_or(false)
    }

    fn travel(&self, origin: Origin, step: impl FnOnce(&mut History, &mut Map) -> Option<StepId>) {
        if self.read_only || self.allows(None).is_none() {
            return;
        }
        let done = self
            .inner
            .try_update_value(|i| {
                let map = i.map.as_mut()?;
                let done = step(&mut i.history, map)?;
                map.updated_at = Utc::now();
                Some(done)
            })
            .flatten();
        if done.is_some() {
            self.after(origin);
        }
    }

    /// Ends the current merge, so the next edit is its own step.
    pub fn seal(&self) {
        self.inner.update_value(|i| i.history.seal());
    }

    /// Opens a map (or closes it with None), with a fresh history. Loading is no undo step.
    pub fn load(&self, map: Option<Map>) {
        let switching = self
            .open
            .with_untracked(|open| open.as_ref() != map.as_ref().map(|m| &m.id));
        self.inner.update_value(|i| {
            if switching {
                // Views of the old map keep their own clones; new ones start afresh.
                i.actors.clear();
                i.relations.clear();
                i.actor_index.clear();
                i.relation_ends.clear();
            }
            i.map = map;
            i.history = History::default();
        });
        self.after(Origin::Load);
    }

    /// Hears every change after it is applied; the returned id removes the listener.
    pub fn listen(&self, listener: impl Fn(&Change) + 'static) -> u64 {
        self.inner
            .try_update_value(|i| {
                i.next_listener += 1;
                i.listeners.push((i.next_listener, Rc::new(listener)));
                i.next_listener
            })
            .unwrap_or_default()
    }

    pub fn unlisten(&self, id: u64) {
        self.inner
            .try_update_value(|i| i.listeners.retain(|(l, _)| *l != id));
    }

    /// Brings every signal in line with the map, setting only what differs, then tells
    /// the listeners.
    fn after(&self, origin: Origin) {
        let before = (
            self.actor_ids.with_untracked(Vec::len),
            self.relation_ids.with_untracked(Vec::len),
        );
        let synced = self.inner.try_update_value(sync);
        let Some(Synced {
            open,
            title,
            actor_ids,
            relation_ids,
            sectors,
            council,
            structural,
            history: (can_undo, can_redo),
            actor_sets,
            relation_sets,
        }) = synced
        else {
            return;
        };
        for (signal, set) in actor_sets {
            match set {
                ActorSet::Whole(actor) => signal.set(*actor),
                ActorSet::Place { x, y, pinned } => signal.update(|a| {
                    (a.x, a.y, a.pinned) = (x, y, pinned);
                }),
            }
        }
        for (signal, relation) in relation_sets {
            signal.set(relation);
        }
        set_if_changed(self.open, open);
        set_if_changed(self.title, title);
        if let Some(ids) = actor_ids {
            self.actor_ids.set(ids);
        }
        if let Some(ids) = relation_ids {
            self.relation_ids.set(ids);
        }
        set_if_changed(self.sectors, sectors);
        set_if_changed(self.council, council);
        set_if_changed(self.can_undo, can_undo);
        set_if_changed(self.can_redo, can_redo);
        if structural {
            self.structure.update(|n| *n += 1);
        }
        self.version.update(|n| *n += 1);
        let after = (
            self.actor_ids.with_untracked(Vec::len),
            self.relation_ids.with_untracked(Vec::len),
        );
        let grew = after.0 > before.0 || after.1 > before.1;
        let change = Change {
            origin,
            structural,
            grew,
        };
        let listeners: Vec<Listener> = self
            .inner
            .try_with_value(|i| i.listeners.iter().map(|(_, l)| Rc::clone(l)).collect())
            .unwrap_or_default();
        for listener in listeners {
            listener(&change);
        }
    }
}

/// Grey for actors without a sector.
pub const UNCLASSIFIED_COLOR: &str = "#8c8c8c";

fn set_if_changed<T: PartialEq + Send + Sync + 'static>(signal: RwSignal<T>, value: T) {
    if signal.with_untracked(|v| v != &value) {
        signal.set(value);
    }
}

/// What `sync` found differing between the map and the signals.
struct Synced {
    open: Option<MapId>,
    title: String,
    actor_ids: Option<Vec<ActorId>>,
    relation_ids: Option<Vec<RelationId>>,
    sectors: Vec<Sector>,
    council: Council,
    structural: bool,
    history: (bool, bool),
    actor_sets: Vec<(ArcRwSignal<Actor>, ActorSet)>,
    relation_sets: Vec<(ArcRwSignal<Relation>, Relation)>,
}

/// What an actor's signal is brought in line with: only its place when nothing else
/// differs (a layout's end moves a thousand actors: no names and notes copied for that).
enum ActorSet {
    Whole(Box<Actor>),
    Place { x: f64, y: f64, pinned: bool },
}

impl ActorSet {
    /// What makes `shown` equal to `actor`, or None when they are equal already.
    fn of(shown: &mut Actor, actor: &Actor) -> Option<Self> {
        if shown == actor {
            return None;
        }
        let place = (shown.x, shown.y, shown.pinned);
        (shown.x, shown.y, shown.pinned) = (actor.x, actor.y, actor.pinned);
        let moved_only = shown == actor;
        (shown.x, shown.y, shown.pinned) = place;
        Some(if moved_only {
            ActorSet::Place {
                x: actor.x,
                y: actor.y,
                pinned: actor.pinned,
            }
        } else {
            ActorSet::Whole(Box::new(actor.clone()))
        })
    }
}

/// Compares the map with the per-actor and per-relation signals: O(n) comparisons and no
/// DOM work for what did not change.
fn sync(i: &mut Inner) -> Synced {
    let history = (i.history.can_undo(), i.history.can_redo());
    let Some(map) = &i.map else {
        let had = !i.actors.is_empty() || !i.relations.is_empty();
        i.actors.clear();
        i.relations.clear();
        i.actor_index.clear();
        i.relation_ends.clear();
        return Synced {
            open: None,
            title: String::new(),
            actor_ids: had.then(Vec::new),
            relation_ids: had.then(Vec::new),
            sectors: Vec::new(),
            council: Council::default(),
            structural: had,
            history,
            actor_sets: Vec::new(),
            relation_sets: Vec::new(),
        };
    };
    let actors_moved_around = map.actors.len() != i.actor_index.len()
        || map
            .actors
            .iter()
            .enumerate()
            .any(|(k, a)| i.actor_index.get(&a.id) != Some(&k));
    let mut actor_ids = None;
    if actors_moved_around {
        i.actor_index = map
            .actors
            .iter()
            .enumerate()
            .map(|(k, a)| (a.id.clone(), k))
            .collect();
        i.actors.retain(|id, _| i.actor_index.contains_key(id));
        actor_ids = Some(map.actors.iter().map(|a| a.id.clone()).collect());
    }
    let mut actor_sets = Vec::new();
    for actor in &map.actors {
        match i.actors.get(&actor.id) {
            Some(signal) => {
                // Looked at in place (no subscriber told): it is set, if need be, below.
                if let Some(set) = signal
                    .try_update_untracked(|shown| ActorSet::of(shown, actor))
                    .flatten()
                {
                    actor_sets.push((signal.clone(), set));
                }
            }
            None => {
                i.actors
                    .insert(actor.id.clone(), ArcRwSignal::new(actor.clone()));
            }
        }
    }
    let mut structural = actors_moved_around;
    // One pass over the relations: the same ids in the same order, and the same ends.
    let mut same_ids = map.relations.len() == i.relation_ends.len();
    let mut same_ends = same_ids;
    if same_ids {
        for (r, (id, from, to)) in map.relations.iter().zip(&i.relation_ends) {
            if r.id != *id {
                (same_ids, same_ends) = (false, false);
                break;
            }
            same_ends &= r.from == *from && r.to == *to;
        }
    }
    let mut relation_ids = None;
    if !same_ids {
        let ids: Vec<RelationId> = map.relations.iter().map(|r| r.id.clone()).collect();
        let keep: std::collections::HashSet<&RelationId> = ids.iter().collect();
        i.relations.retain(|id, _| keep.contains(id));
        relation_ids = Some(ids);
    }
    if !same_ends {
        i.relation_ends = map
            .relations
            .iter()
            .map(|r| (r.id.clone(), r.from.clone(), r.to.clone()))
            .collect();
        structural = true;
    }
    // Few relations have a signal (those the editor shows): each is looked up in the map.
    let mut relation_sets = Vec::new();
    for (id, signal) in &i.relations {
        let Some(relation) = map.relations.iter().find(|r| r.id == *id) else {
            continue;
        };
        if signal.with_untracked(|r| r != relation) {
            relation_sets.push((signal.clone(), relation.clone()));
        }
    }
    Synced {
        open: Some(map.id.clone()),
        title: map.title.clone(),
        actor_ids,
        relation_ids,
        sectors: map.sectors.clone(),
        council: map.council.clone(),
        structural,
        history,
        actor_sets,
        relation_sets,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_relation_has_a_signal_once_asked_for_and_a_reconnection_changes_the_structure() {
        let doc = Doc::new(false);
        let mut map = Map::new("m".into(), "Lazy", Utc::now(), Vec::new());
        for id in ["a", "b", "c"] {
            map.actors.push(Actor::new(id.into(), id));
        }
        map.relations
            .push(Relation::new("r".into(), "a".into(), "b".into()));
        doc.load(Some(map));
        let made = || doc.inner.with_value(|i| i.relations.len());
        assert_eq!(made(), 0, "none made on opening");
        let signal = doc.relation(&"r".into()).expect("the relation is there");
        assert_eq!(made(), 1);
        assert!(doc.relation(&"nothing".into()).is_none());

        let structure = doc.structure.get_untracked();
        let mut noted = signal.get_untracked();
        noted.note = "Träffas varje månad".into();
        doc.dispatch(Command::UpdateRelation(noted));
        assert_eq!(signal.get_untracked().note, "Träffas varje månad");
        assert_eq!(
            doc.structure.get_untracked(),
            structure,
            "a note is not structure"
        );

        let mut reconnected = signal.get_untracked();
        reconnected.to = "c".into();
        doc.dispatch(Command::UpdateRelation(reconnected));
        assert_eq!(signal.get_untracked().to, ActorId::from("c"));
        assert!(doc.structure.get_untracked() > structure);

        let ids = doc.relation_ids.get_untracked();
        doc.dispatch(Command::RemoveRelations(vec!["r".into()]));
        assert_eq!(made(), 0, "its signal goes with it");
        assert!(doc.relation_ids.get_untracked().len() < ids.len());
    }

    #[test]
    fn an_actor_that_only_moved_is_set_by_its_place_and_any_other_change_whole() {
        let mut shown = Actor::new("a".into(), "Region");
        let mut actor = shown.clone();
        assert!(ActorSet::of(&mut shown, &actor).is_none());
        (actor.x, actor.y, actor.pinned) = (10.0, -4.0, true);
        let set = ActorSet::of(&mut shown, &actor);
        assert!(matches!(
            set,
            Some(ActorSet::Place {
                x: 10.0,
                y: -4.0,
                pinned: true
            })
        ));
        assert_eq!(
            (shown.x, shown.y, shown.pinned),
            (0.0, 0.0, false),
            "left as it was"
        );
        actor.name = "Regionen".into();
        assert!(
            matches!(ActorSet::of(&mut shown, &actor), Some(ActorSet::Whole(a)) if *a == actor)
        );
        assert_eq!(shown.name, "Region");
    }
}
