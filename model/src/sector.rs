//! The sector palette: each map carries its own editable list of sectors.

use crate::ids::SectorId;
use serde::{Deserialize, Serialize};

/// One sector of a map's palette.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Sector {
    pub id: SectorId,
    #[serde(default)]
    pub label: String,
    /// `#RRGGBB`.
    #[serde(default = "default_color")]
    pub color: String,
}

fn default_color() -> String {
    "#8c8c8c".to_owned()
}

/// The default sectors (id, colour), in display order. Labels come from the UI language
/// at the moment a map is created, because they are the user's data from then on.
/// Colours are the Tableau 10 palette, chosen to stay apart for colour-blind viewers.
pub const DEFAULT_SECTORS: [(&str, &str); 10] = [
    ("public_sector", "#4e79a7"),
    ("business", "#f28e2b"),
    ("education", "#e15759"),
    ("labour_market", "#76b7b2"),
    ("civil_society", "#59a14f"),
    ("culture", "#edc948"),
    ("public_health", "#b07aa1"),
    ("research", "#ff9da7"),
    ("tourism", "#9c755f"),
    ("transport", "#79706e"),
];

/// Builds the default palette with labels from `label_for(id)`.
pub fn default_sectors(label_for: impl Fn(&str) -> String) -> Vec<Sector> {
    DEFAULT_SECTORS
        .iter()
        .map(|(id, color)| Sector {
            id: SectorId::from(*id),
            label: label_for(id),
            color: (*color).to_owned(),
        })
        .collect()
}

/// True for `#RRGGBB`.
pub fn is_hex_color(text: &str) -> bool {
    text.len() == 7 && text.starts_with('#') && text[1..].chars().all(|c| c.is_ascii_hexdigit())
}
