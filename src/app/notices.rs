//! The messages on screen: shown, replaced when the same message comes again, dismissed.

use crate::notice::{Message, Notice, NoticeAction, Severity};
use leptos::prelude::*;
use std::time::Duration;

/// How long a message of success stays, without and with a button (`Undo`).
const FADE_PLAIN: Duration = Duration::from_secs(5);
const FADE_WITH_BUTTONS: Duration = Duration::from_secs(10);

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

    /// Shows a message (replacing an equal one); returns its id. A message that reports
    /// success goes away by itself after a few seconds (a little longer with a button);
    /// errors and warnings stay until dismissed.
    pub fn notify(&self, severity: Severity, message: Message, actions: Vec<NoticeAction>) -> u64 {
        let fade = if actions.is_empty() {
            FADE_PLAIN
        } else {
            FADE_WITH_BUTTONS
        };
        let fades_after = (severity == Severity::Info).then_some(fade);
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
        if let Some(delay) = fades_after {
            let notices = *self;
            set_timeout(move || notices.dismiss(id), delay);
        }
        id
    }

    pub fn dismiss(&self, id: u64) {
        if self
            .list
            .with_untracked(|list| list.iter().any(|n| n.id == id))
        {
            self.list.update(|list| list.retain(|n| n.id != id));
        }
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
