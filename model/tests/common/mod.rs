//! Shared by the property tests.

pub mod edits;

use proptest::test_runner::{Config, FileFailurePersistence};

/// `default_cases` cases per property, or `PROPTEST_CASES` when set. Failures are kept
/// next to the test file: there is no lib.rs above tests/ for proptest's default place,
/// and it would warn about that on every run.
pub fn proptest_config(default_cases: u32) -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(default_cases);
    Config {
        cases,
        failure_persistence: Some(Box::new(FileFailurePersistence::WithSource(
            "proptest-regressions",
        ))),
        ..Config::default()
    }
}
