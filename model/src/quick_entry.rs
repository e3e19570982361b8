//! Quick-entry parsing (to be written).
