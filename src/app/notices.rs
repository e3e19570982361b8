//! The messages on screen: shown, replaced when the same message comes again, dismissed.

use crate::notice::{Message, Notice, NoticeAction, Severity};
use leptos::prelude::*;

/// The list of messages, shared through context.
#[derive(Clone, Copy)]
pub struct Notices {
    list: RwSignal<Vec<Notice>>,
    next_id: StoredValue<u64>,
}

pub fn use_notices() -> Notices {
    expect_context::<Notices>()
}

impl Notices {
    pub fn new() -> Self {
        Self {
            list: RwSignal::new(Vec::new()),
            next_id: StoredValue::new(0),
        }
    }

    /// The messages on screen (tracked).
    pub fn list(&self) -> Vec<Notice> {
        self.list.get()
    }

    /// Shows a message (replacing an equal one); returns its id.
    pub fn notify(&self, severity: Severity, message: Message, actions: Vec<NoticeAction>) -> u64 {
        let id = self
            .next_id
            .try_update_value(|n| {
                *n += 1;
                *n
            })
            .unwrap_or_default();
        self.list.update(|list| {
            list.retain(|n| n.message != message);
            list.push(Notice {
                id,
                severity,
                message,
                actions,
            });
        });
        id
    }

    pub fn dismiss(&self, id: u64) {
        self.list.update(|list| list.retain(|n| n.id != id));
    }

    /// Keeps only the messages for which `keep` is true.
    pub fn retain(&self, keep: impl Fn(&Notice) -> bool) {
        if self
            .list
            .with_untracked(|list| list.iter().any(|n| !keep(n)))
        {
            self.list.update(|list| list.retain(|n| keep(n)));
        }
    }
}

impl Default for Notices {
    fn default() -> Self {
        Self::new()
    }
}
