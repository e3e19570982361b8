//! Samverkan in the browser: Leptos components over the `samverkan-model` crate.

pub mod app;
pub mod browser;
pub mod i18n;
pub mod later;
pub mod notice;
pub mod share_link;
pub mod storage;
pub mod ui;
pub mod worker;
