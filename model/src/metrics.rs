//! Network metrics (to be written).
