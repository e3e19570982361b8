//! The page's side of the layout worker (pwa/layout-worker.js running worker/): one worker
//! for the app, started by the first large layout or question, which lays large maps out
//! and answers the analysis too slow for the page on them (issue 25).
//!
//! Layout: each job has an id; the worker's latest report on the current job waits here
//! until the next animation frame takes it ([`send`], [`Remote`]).
//!
//! Analysis: [`answer`] asks the worker a [`Question`] about a map of [`AWAY_FROM`] actors
//! or more and awaits its [`Answer`]; a smaller map, or any map when the worker cannot run,
//! is answered on the page.

use samverkan_model::layout_job::LayoutJob;
use samverkan_model::question::{Answer, Question};
use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use web_sys::{Event, MessageEvent, Worker};

/// The worker's script, beside index.html.
const SCRIPT: &str = "layout-worker.js";

/// Maps with this many actors or more are laid out and analysed in the worker: below it
/// the work fits in a few frames' slices, and the worker's start (a fetch and a compile,
/// 250 KiB raw) would cost more than it saves.
pub const AWAY_FROM: usize = 200;

/// What the worker last said about a job.
enum Report {
    /// Where everyone is now, in the order of the job's actors, and whether at rest.
    Moved {
        positions: Vec<[f64; 2]>,
        settled: bool,
    },
    /// It cannot run the job (its wasm did not load, or it refused the job): lay it out
    /// on the page instead.
    Failed,
}

type Inbox = Rc<RefCell<Option<Report>>>;

struct Shared {
    worker: Worker,
    /// The job whose reports are kept; those of older jobs are dropped.
    current: Rc<RefCell<Option<(u64, Inbox)>>>,
    /// Set when the worker failed to start: later jobs stay on the page.
    broken: Rc<Cell<bool>>,
    last_id: Cell<u64>,
    /// The questions waiting for an answer: each one's promise's `resolve`.
    waiting: Rc<RefCell<HashMap<u64, js_sys::Function>>>,
    _on_message: Closure<dyn FnMut(MessageEvent)>,
    _on_error: Closure<dyn FnMut(Event)>,
}

thread_local! {
    static SHARED: RefCell<Option<Rc<Shared>>> = const { RefCell::new(None) };
}

fn field(data: &JsValue, name: &str) -> JsValue {
    js_sys::Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

impl Shared {
    fn start() -> Option<Rc<Self>> {
        let worker = Worker::new(SCRIPT).ok()?;
        let current: Rc<RefCell<Option<(u64, Inbox)>>> = Rc::default();
        let broken = Rc::new(Cell::new(false));
        let waiting: Rc<RefCell<HashMap<u64, js_sys::Function>>> = Rc::default();
        let on_message = {
            let (current, waiting) = (current.clone(), waiting.clone());
            Closure::<dyn FnMut(MessageEvent)>::new(move |ev: MessageEvent| {
                let data = ev.data();
                // An answer (undefined when the worker could not give one).
                if let Some(asked) = field(&data, "asked").as_f64() {
                    if let Some(resolve) = waiting.borrow_mut().remove(&(asked as u64)) {
                        let _ = resolve.call1(&JsValue::NULL, &field(&data, "answer"));
                    }
                    return;
                }
                let id = field(&data, "id").as_f64().unwrap_or(-1.0) as u64;
                let current = current.borrow();
                let Some((_, inbox)) = current.as_ref().filter(|(job, _)| *job == id) else {
                    return;
                };
                let report = if field(&data, "error").is_undefined() {
                    let flat = js_sys::Float64Array::from(field(&data, "positions")).to_vec();
                    Report::Moved {
                        positions: flat.chunks_exact(2).map(|p| [p[0], p[1]]).collect(),
                        settled: field(&data, "settled").is_truthy(),
                    }
                } else {
                    Report::Failed
                };
                *inbox.borrow_mut() = Some(report);
            })
        };
        // The script or its wasm could not be loaded: the job under way and all later ones
        // are laid out on the page.
        let on_error = {
            let (current, broken, waiting) = (current.clone(), broken.clone(), waiting.clone());
            Closure::<dyn FnMut(Event)>::new(move |_: Event| {
                broken.set(true);
                if let Some((_, inbox)) = current.borrow().as_ref() {
                    *inbox.borrow_mut() = Some(Report::Failed);
                }
                for (_, resolve) in waiting.borrow_mut().drain() {
                    let _ = resolve.call1(&JsValue::NULL, &JsValue::UNDEFINED);
                }
            })
        };
        worker.set_onmessage(Some(on_message.as_ref().unchecked_ref()));
        worker.set_onerror(Some(on_error.as_ref().unchecked_ref()));
        Some(Rc::new(Self {
            worker,
            current,
            broken,
            last_id: Cell::new(0),
            waiting,
            _on_message: on_message,
            _on_error: on_error,
        }))
    }

    /// A new id for a job or a question.
    fn next_id(&self) -> u64 {
        self.last_id.set(self.last_id.get() + 1);
        self.last_id.get()
    }

    fn post(&self, fields: &[(&str, JsValue)]) {
        let message = js_sys::Object::new();
        for (name, value) in fields {
            let _ = js_sys::Reflect::set(&message, &(*name).into(), value);
        }
        let _ = self.worker.post_message(&message);
    }
}

/// The app's layout worker, started on first use; None when it cannot run.
fn shared() -> Option<Rc<Shared>> {
    SHARED.with(|slot| {
        let mut slot = slot.borrow_mut();
        if slot.is_none() {
            *slot = Shared::start();
        }
        slot.clone().filter(|shared| !shared.broken.get())
    })
}

/// Starts the worker ahead of a large map it will likely lay out (a big file is being
/// read): starting takes a few hundred milliseconds on a busy page, which then overlap
/// the reading and the first drawing instead of following them.
pub fn prepare() {
    let _ = shared();
}

/// The answer to `question`: from the worker when its map has [`AWAY_FROM`] actors or
/// more, else (or when the worker cannot answer) worked out on the page.
pub async fn answer(question: Question) -> Answer {
    if question.map().actors.len() >= AWAY_FROM {
        if let Some(answer) = ask(&question).await {
            return answer;
        }
    }
    question.answer()
}

/// Asks the worker, whatever the map's size; None when it cannot answer.
pub async fn ask(question: &Question) -> Option<Answer> {
    let shared = shared()?;
    let asked = shared.next_id();
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        shared.waiting.borrow_mut().insert(asked, resolve);
    });
    shared.post(&[
        ("asked", JsValue::from_f64(asked as f64)),
        ("question", question.to_json().into()),
    ]);
    let answer = wasm_bindgen_futures::JsFuture::from(promise).await.ok()?;
    Answer::from_json(&answer.as_string()?).ok()
}

/// A job under way in the worker, as the frame loop sees it. Dropping it stops the
/// worker's run, unless a newer job has replaced it already.
pub trait Remote {
    /// Tells the worker of the canvas's size and takes its latest report: whether the
    /// layout has settled, or None when the worker cannot run it.
    fn advance(&mut self, canvas: [f64; 2]) -> Option<bool>;
    /// Where everyone was at the worker's latest report, in the order of the job's
    /// actors (nothing before the first).
    fn positions(&self) -> &[[f64; 2]];
}

/// Sends `job` to the layout worker, started on first use; None when there is none to run
/// it. (Part of the first load: a job posted while a large map is first drawn starts at
/// once, where a part would be fetched and compiled between that drawing's long frames.)
pub fn send(job: &LayoutJob) -> Option<Box<dyn Remote>> {
    Away::start(job).map(|away| Box::new(away) as Box<dyn Remote>)
}

struct Away {
    id: u64,
    inbox: Inbox,
    shared: Rc<Shared>,
    canvas: [f64; 2],
    latest: Vec<[f64; 2]>,
    settled: bool,
}

impl Away {
    fn start(job: &LayoutJob) -> Option<Self> {
        let shared = shared()?;
        let id = shared.next_id();
        let inbox = Inbox::default();
        *shared.current.borrow_mut() = Some((id, inbox.clone()));
        shared.post(&[
            ("id", JsValue::from_f64(id as f64)),
            ("job", job.to_json().into()),
        ]);
        Some(Self {
            id,
            inbox,
            canvas: job.canvas,
            shared,
            latest: Vec::new(),
            settled: false,
        })
    }
}

impl Remote for Away {
    fn advance(&mut self, canvas: [f64; 2]) -> Option<bool> {
        if self.canvas != canvas {
            self.canvas = canvas;
            let size = js_sys::Array::of2(&canvas[0].into(), &canvas[1].into());
            self.shared.post(&[
                ("id", JsValue::from_f64(self.id as f64)),
                ("canvas", size.into()),
            ]);
        }
        match self.inbox.borrow_mut().take() {
            Some(Report::Moved { positions, settled }) => {
                (self.latest, self.settled) = (positions, settled);
            }
            Some(Report::Failed) => return None,
            None => {}
        }
        Some(self.settled)
    }

    fn positions(&self) -> &[[f64; 2]] {
        &self.latest
    }
}

impl Drop for Away {
    fn drop(&mut self) {
        let mut current = self.shared.current.borrow_mut();
        if current.as_ref().is_some_and(|(id, _)| *id == self.id) {
            *current = None;
            self.shared.post(&[("stop", JsValue::TRUE)]);
        }
    }
}
