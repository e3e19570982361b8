//! Handing a map on without a server: the share link (made here with the export profile,
//! opened from the address bar through the same read path as a file), and merging
//! breakout groups' files into the open map as one undo step.

use super::document::Doc;
use super::notices::Notices;
use super::transfer::Transfer;
use crate::browser;
use crate::notice::{Message, NoticeAction, Severity};
use crate::share_link::{self, LinkError};
use leptos::prelude::*;
use samverkan_model::io::collection::read_any;
use samverkan_model::io::{write_compact, Document, Loaded};
use samverkan_model::merge::Merge;
use samverkan_model::privacy::Profile;
use samverkan_model::{Command, Map};

/// Links longer than this are refused: some mail and chat tools cut them.
pub const MAX_LINK_CHARS: usize = 100_000;

/// The share link being made, or why there is none.
#[derive(Clone, Debug, PartialEq)]
pub enum LinkState {
    Making,
    Ready { link: String, copied: bool },
    TooLong(usize),
    Failed,
}

/// What a share link opened from the address holds, shown before anything is imported.
#[derive(Clone, Debug, PartialEq)]
pub struct Incoming {
    pub title: String,
    pub actors: usize,
    pub relations: usize,
    pub profile: Profile,
}

/// A merge waiting for the user's choices.
#[derive(Clone, Debug, PartialEq)]
pub struct PendingMerge {
    pub files: Vec<String>,
    pub plan: Merge,
}

/// Share links and merges, shared through context.
#[derive(Clone, Copy)]
pub struct Sharing {
    pub link: RwSignal<Option<LinkState>>,
    pub incoming: RwSignal<Option<Incoming>>,
    incoming_maps: StoredValue<Vec<Loaded>, LocalStorage>,
    /// The merge dialog: open, and the plan once files are picked.
    pub merging: RwSignal<bool>,
    pub merge: RwSignal<Option<PendingMerge>>,
    doc: Doc,
    transfer: Transfer,
    notices: Notices,
}

pub fn use_sharing() -> Sharing {
    expect_context::<Sharing>()
}

impl Sharing {
    pub fn new(doc: Doc, transfer: Transfer, notices: Notices) -> Self {
        Self {
            link: RwSignal::new(None),
            incoming: RwSignal::new(None),
            incoming_maps: StoredValue::new_local(Vec::new()),
            merging: RwSignal::new(false),
            merge: RwSignal::new(None),
            doc,
            transfer,
            notices,
        }
    }

    /// Makes a share link of the open map with the export profile, shows it and copies it.
    pub fn make_link(&self) {
        let Some(map) = self.doc.snapshot() else {
            return;
        };
        let text = write_compact(&Document::new(self.transfer.for_export(&map), 0));
        let link = self.link;
        link.set(Some(LinkState::Making));
        leptos::task::spawn_local(async move {
            match sealing(text, link).await {
                Ok(sealed) => sealed.await,
                Err(_) => link.set(Some(LinkState::Failed)),
            }
        });
    }
}

crate::later::later!(
    /// Seals `text` into a share link and shows it in `link`, copied when the browser lets.
    sealing(text: String, link: RwSignal<Option<LinkState>>) -> crate::later::LocalFuture<()> => Box::pin(async move {
            let Ok(data) = share_link::seal(&text).await else {
                return link.set(Some(LinkState::Failed));
            };
            let url = format!("{}{}{data}", browser::page_address(), share_link::PREFIX);
            if url.len() > MAX_LINK_CHARS {
                return link.set(Some(LinkState::TooLong(url.len())));
            }
            link.set(Some(LinkState::Ready {
                link: url.clone(),
                copied: false,
            }));
            if browser::copy_text(&url).await {
                link.set(Some(LinkState::Ready {
                    link: url,
                    copied: true,
                }));
            }
    })
);

impl Sharing {
    /// Reads a share link from the address, once at start: the fragment is removed at
    /// once (it holds the key), and what it holds waits for `Open shared map`.
    pub fn read_address(&self) {
        let Some(data) = browser::take_fragment(share_link::PREFIX) else {
            return;
        };
        let this = *self;
        leptos::task::spawn_local(async move {
            if let Ok(opening) = opening(this, data).await {
                opening.await;
            }
        });
    }

    fn link_broken(&self, error: LinkError) {
        let message = Message::ShareLinkBroken(error);
        self.notices.notify(Severity::Error, message, vec![]);
    }

    /// Opens the shared map as a new map (or asks, when its id exists here).
    pub fn open_shared(&self) {
        let loaded = self.incoming_maps.try_update_value(std::mem::take);
        self.incoming.set(None);
        if let Some(loaded) = loaded.filter(|l| !l.is_empty()) {
            self.transfer
                .open_imported(loaded, samverkan_model::versions::Cause::Shared);
        }
    }

    /// Leaves everything as it was.
    pub fn cancel_shared(&self) {
        self.incoming_maps.set_value(Vec::new());
        self.incoming.set(None);
    }

    /// Reads the picked files and plans their merge into the open map. A file that cannot
    /// be read is reported and nothing is planned.
    pub fn plan_merge(&self, files: Vec<(String, String)>) {
        let Some(mine) = self.doc.snapshot() else {
            return;
        };
        let mut theirs: Vec<Map> = Vec::new();
        for (name, text) in &files {
            match read_any(text) {
                Ok(loaded) => theirs.extend(loaded.into_iter().map(|l| l.document.map)),
                Err(problems) => return self.transfer.import_failed(name, problems),
            }
        }
        let plan = Merge::plan(&mine, &theirs, &mut browser::new_id);
        let files = files.into_iter().map(|(name, _)| name).collect();
        self.merge.set(Some(PendingMerge { files, plan }));
    }

    /// Settles one conflict.
    pub fn choose(&self, conflict: usize, take_theirs: bool) {
        self.merge.update(|m| {
            if let Some(c) = m.as_mut().and_then(|m| m.plan.conflicts.get_mut(conflict)) {
                c.take_theirs = take_theirs;
            }
        });
    }

    /// Applies the merge with the choices made: one undo step.
    pub fn confirm_merge(&self) {
        let Some(pending) = self.merge.get_untracked() else {
            return;
        };
        let plan = &pending.plan;
        let counts = plan.counts();
        self.transfer
            .keep_version(samverkan_model::versions::Cause::Merge);
        let step = self
            .doc
            .dispatch(Command::ReplaceMap(Box::new(plan.result())));
        self.close_merge();
        let actions = step.map(NoticeAction::Undo).into_iter().collect();
        self.notices
            .notify(Severity::Info, Message::Merged(counts), actions);
    }

    pub fn close_merge(&self) {
        self.merge.set(None);
        self.merging.set(false);
    }
}

crate::later::later!(
    /// Opens a share link's data (fetched only when the address holds one).
    opening(this: Sharing, data: String) -> crate::later::LocalFuture<()> => Box::pin(async move {
            let text = match share_link::open(&data).await {
                Ok(text) => text,
                Err(error) => return this.link_broken(error),
            };
            let loaded = match read_any(&text) {
                Ok(loaded) => loaded,
                Err(problems) => {
                    let t = this.transfer.texts();
                    return this.transfer.import_failed(t.shared_map, problems);
                }
            };
            let maps = || loaded.iter().map(|l| &l.document.map);
            let first = maps().next().map(|m| (m.title.clone(), m.profile));
            let (title, profile) = first.unwrap_or_default();
            this.incoming.set(Some(Incoming {
                title,
                actors: maps().map(|m| m.actors.len()).sum(),
                relations: maps().map(|m| m.relations.len()).sum(),
                profile,
            }));
            this.incoming_maps.set_value(loaded);
            })
);
