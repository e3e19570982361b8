//! One council item (a member, meeting, goal or action) as a row follows it: rows are keyed by
//! the item, read it through memos and edit it in place, so a change elsewhere in the council
//! (the user's own, a room participant's, another tab's) neither draws a row again nor sets its
//! inputs: what is being typed and where the focus is stay put.

use super::edit_council;
use crate::app::Doc;
use leptos::prelude::*;
use samverkan_model::{
    Action, ActionId, ActorId, Council, Goal, GoalId, Meeting, MeetingId, Member,
};

/// A kind of council item: what names one and where they are kept.
pub trait CouncilItem: Clone + PartialEq + Send + Sync + 'static {
    type Key: Clone + PartialEq + Send + Sync + 'static;
    fn key(&self) -> &Self::Key;
    fn list(council: &Council) -> &[Self];
    fn list_mut(council: &mut Council) -> &mut Vec<Self>;
}

/// The council item a row shows, by its key.
pub struct Row<I: CouncilItem> {
    doc: Doc,
    key: StoredValue<I::Key>,
    item: Memo<Option<I>>,
}

// By hand: a derive would ask the item itself to be `Copy`.
impl<I: CouncilItem> Clone for Row<I> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<I: CouncilItem> Copy for Row<I> {}

impl<I: CouncilItem> Row<I> {
    pub fn new(doc: Doc, key: I::Key) -> Self {
        let key = StoredValue::new(key);
        let item = Memo::new(move |_| {
            doc.with_map_tracked(|m| {
                key.with_value(|key| I::list(&m.council).iter().find(|i| i.key() == key).cloned())
            })
            .flatten()
        });
        Self { doc, key, item }
    }

    pub fn key(&self) -> I::Key {
        self.key.get_value()
    }

    /// One value of the item, set again only when it changes (`read_part`); the default once
    /// the item is gone (its row is on its way out).
    pub fn read<T: Clone + Default + PartialEq + Send + Sync + 'static>(
        &self,
        part: impl Fn(&I) -> T + Send + Sync + 'static,
    ) -> impl Fn() -> T + Copy {
        crate::ui::read_part(self.item, move |item: &Option<I>| {
            item.as_ref().map(&part).unwrap_or_default()
        })
    }

    /// Changes the item as one undo step (nothing if it has gone meanwhile).
    pub fn edit(&self, change: impl FnOnce(&mut I)) {
        let key = self.key();
        edit_council(self.doc, move |c| {
            if let Some(item) = I::list_mut(c).iter_mut().find(|i| i.key() == &key) {
                change(item)
            }
        })
    }
}

macro_rules! council_item {
    ($item:ty, $key:ty, $field:ident, $list:ident) => {
        impl CouncilItem for $item {
            type Key = $key;
            fn key(&self) -> &$key {
                &self.$field
            }
            fn list(council: &Council) -> &[Self] {
                &council.$list
            }
            fn list_mut(council: &mut Council) -> &mut Vec<Self> {
                &mut council.$list
            }
        }
    };
}

council_item!(Member, ActorId, actor, members);
council_item!(Meeting, MeetingId, id, meetings);
council_item!(Goal, GoalId, id, goals);
council_item!(Action, ActionId, id, actions);
