//! Council analysis (to be written).
