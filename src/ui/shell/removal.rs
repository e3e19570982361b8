//! Removing actors: one undo step, a question first when an actor sits in the council or
//! holds roles in the action plan, and a message saying what went with them whose `Undo`
//! undoes exactly that step.

use crate::app::{use_doc, use_lang, use_notices, Doc, Notices};
use crate::i18n::Lang;
use leptos::prelude::*;
use samverkan_model::{ActorId, Command, Usage};

/// Removes actors as one undo step; asks first when any sits in the council or holds
/// action roles, and says what went with them, with an `Undo` for exactly that step.
#[derive(Clone, Copy)]
pub struct Remover {
    doc: Doc,
    notices: Notices,
    lang: RwSignal<Lang>,
}

impl Default for Remover {
    fn default() -> Self {
        Self::new()
    }
}

impl Remover {
    /// Takes its handles from context (so it can act from event handlers later).
    pub fn new() -> Self {
        let remover = Self {
            doc: use_doc(),
            notices: use_notices(),
            lang: use_lang(),
        };
        provide_context(remover);
        remover
    }

    pub fn remove(&self, ids: Vec<ActorId>) {
        let t = self.lang.get_untracked().texts();
        let found: Vec<(String, Vec<Usage>)> = self
            .doc
            .with_map(|m| {
                ids.iter()
                    .filter_map(|id| m.actor(id).map(|a| (a.name.clone(), m.usages_of(id))))
                    .collect()
            })
            .unwrap_or_default();
        if found.is_empty() {
            return;
        }
        let member = found.iter().any(|(_, u)| u.contains(&Usage::CouncilMember));
        let actions = found
            .iter()
            .flat_map(|(_, u)| u)
            .filter(|u| matches!(u, Usage::Action { .. }))
            .count();
        let name = found
            .iter()
            .map(|(n, _)| n.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        if member || actions > 0 {
            let question = (t.confirm_remove_used_actor)(&name, member, actions);
            if !window().confirm_with_message(&question).unwrap_or(false) {
                return;
            }
        }
        // A relation between two removed actors counts once.
        let relations = self
            .doc
            .with_map(|m| {
                m.relations
                    .iter()
                    .filter(|r| ids.iter().any(|id| r.touches(id)))
                    .count()
            })
            .unwrap_or_default();
        let Some(step) = self.doc.dispatch(Command::RemoveActors(ids)) else {
            return;
        };
        self.notices.notify(
            crate::notice::Severity::Info,
            crate::notice::Message::ActorRemoved {
                name,
                relations,
                member,
                actions,
            },
            vec![crate::notice::NoticeAction::Undo(step)],
        );
    }
}
