//! Dialogs over the views: help, the import summary and preview, `What if removed` and a
//! map's `Versions`,
//! and the modal frame every dialog shares (`modal`).
//! (The log form lives with the engagement log, the share and merge dialogs with sharing.)

pub mod help;
pub mod import_summary;
pub mod modal;
pub mod room;
pub mod sheet_preview;
pub mod versions;
pub mod what_if;
