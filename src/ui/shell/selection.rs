//! The selected actor, shared by every view. View state: not in the document or history;
//! it belongs to the open map, so it is cleared when another map opens or the actor goes.

use crate::app::Doc;
use leptos::prelude::*;
use samverkan_model::{ActorId, MapId};

#[derive(Clone, Copy)]
pub struct Selection(pub RwSignal<Option<ActorId>>);

pub fn use_selection() -> Selection {
    expect_context::<Selection>()
}

impl Selection {
    /// Provides the selection and keeps it pointing at an actor of the open map.
    pub fn provide(doc: Doc) -> Self {
        let selection = Self(RwSignal::new(None));
        provide_context(selection);
        let shown_map = StoredValue::new(doc.with_map(|m| m.id.clone()));
        doc.listen(move |_| {
            let map: Option<MapId> = doc.with_map(|m| m.id.clone());
            let switched = shown_map.with_value(|shown| shown != &map);
            shown_map.set_value(map);
            let gone = selection
                .0
                .with_untracked(|s| s.as_ref().is_some_and(|id| doc.actor(id).is_none()));
            if switched || gone {
                selection.0.set(None);
            }
        });
        selection
    }
}
