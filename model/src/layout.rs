//! Force-directed layout (to be written).
