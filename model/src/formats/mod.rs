//! Exchange formats other than the Samverkan JSON file (to be written).
