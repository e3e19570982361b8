//! The layout worker's wasm: a [`LayoutJob`] run in slices, and the analysis too slow for
//! the page on a large map ([`Question`]). pwa/layout-worker.js passes the page's messages
//! to it and sends the positions back after every slice, and each answer.

use samverkan_model::layout::Simulation;
use samverkan_model::layout_job::LayoutJob;
use samverkan_model::question::{self, Question};
use wasm_bindgen::prelude::*;

/// Trunk builds a binary; the worker's script drives the exports below.
fn main() {}

/// A question being answered in slices, put aside while a layout runs.
#[wasm_bindgen]
pub struct Answering(Option<question::Answering>);

#[wasm_bindgen]
impl Answering {
    /// Starts on a question sent as JSON; a broken question is refused with the reason.
    #[wasm_bindgen(constructor)]
    pub fn new(question: &str) -> Result<Answering, JsError> {
        Ok(Self(Some(Question::from_json(question)?.start())))
    }

    /// Works for about `ms` milliseconds (at least one step); true once done.
    pub fn run_for(&mut self, ms: f64) -> bool {
        let start = js_sys::Date::now();
        let Some(answering) = self.0.as_mut() else {
            return true;
        };
        while answering.step(SOURCES_PER_STEP) {
            if js_sys::Date::now() - start >= ms {
                return false;
            }
        }
        true
    }

    /// The answer as JSON (once only).
    pub fn answer(&mut self) -> Option<String> {
        Some(self.0.take()?.finish().to_json())
    }
}

/// Searches per step of an answer: about a millisecond on a 1,000-actor map.
const SOURCES_PER_STEP: usize = 8;

/// One layout under way.
#[wasm_bindgen]
pub struct Layout(Simulation);

#[wasm_bindgen]
impl Layout {
    /// Starts the layout of a job sent as JSON; a broken job is refused with the reason.
    #[wasm_bindgen(constructor)]
    pub fn new(job: &str) -> Result<Layout, JsError> {
        let job = LayoutJob::from_json(job)?;
        Ok(Self(job.simulation()))
    }

    /// Ticks for about `ms` milliseconds (at least once); true once the layout has settled.
    pub fn run_for(&mut self, ms: f64) -> bool {
        let start = js_sys::Date::now();
        while !self.0.is_settled() {
            self.0.tick();
            if js_sys::Date::now() - start >= ms {
                break;
            }
        }
        self.0.is_settled()
    }

    /// Where everyone is, as x, y pairs in the order of the job's actors.
    pub fn positions(&self) -> Vec<f64> {
        self.0.positions().iter().flatten().copied().collect()
    }

    /// The canvas changed size while the layout runs (a side panel came in).
    pub fn set_canvas(&mut self, width: f64, height: f64) {
        self.0.set_canvas([width, height]);
    }
}
