// The layout worker (issue 25): the page sends `{ id, job }` to lay a map out, `{ id, canvas }`
// when the canvas changes size and `{ stop: true }`; the worker runs the layout (Rust,
// worker/) in slices and after each sends `{ id, positions, settled }`, or `{ id, error }`.
// A newer job replaces the one under way. It answers `{ asked, question }` (analysis, as
// JSON) with `{ asked, answer }`, or `{ asked, error }`, in slices between layouts.
importScripts('./layout_worker.js');
const ready = wasm_bindgen({ module_or_path: './layout_worker_bg.wasm' });

/** Work between two messages to the page: it draws what it gets once per frame. */
const SLICE_MS = 12;
/** The layout under way: { id, layout }. */
let run = null;
/** The question being answered ({ asked, answering }) and those waiting, answered in turn
 * and only while no layout runs: an answer takes long, the layout is what the user watches. */
let current = null;
const questions = [];
// The next slice is queued on a channel, not setTimeout, which waits 4 ms when nested.
const next = new MessageChannel();
let queued = false;
function goOn() {
  if (!queued) { queued = true; next.port2.postMessage(null); }
}
next.port1.onmessage = () => {
  queued = false;
  if (run !== null) {
    const { id, layout } = run;
    const settled = layout.run_for(SLICE_MS);
    const positions = layout.positions();
    postMessage({ id, positions, settled }, [positions.buffer]);
    if (settled) stop();
  } else {
    if (current === null && questions.length > 0) start(questions.shift());
    if (current === null) return;
    if (current.answering.run_for(SLICE_MS)) {
      postMessage({ asked: current.asked, answer: current.answering.answer() });
      current.answering.free();
      current = null;
    }
  }
  if (run !== null || current !== null || questions.length > 0) goOn();
};

function start({ asked, question }) {
  try {
    current = { asked, answering: new wasm_bindgen.Answering(question) };
  } catch (error) {
    postMessage({ asked, error: String(error) });
  }
}

function stop() {
  run?.layout.free();
  run = null;
}

onmessage = async ({ data }) => {
  try {
    await ready;
  } catch (error) {
    // The page lays the map out, or answers, itself when told.
    if (data.job !== undefined) postMessage({ id: data.id, error: String(error) });
    if (data.question !== undefined) postMessage({ asked: data.asked, error: String(error) });
    return;
  }
  if (data.job !== undefined) {
    stop();
    try {
      run = { id: data.id, layout: new wasm_bindgen.Layout(data.job) };
    } catch (error) {
      postMessage({ id: data.id, error: String(error) });
      return;
    }
    goOn();
  } else if (data.canvas !== undefined) {
    if (run?.id === data.id) run.layout.set_canvas(data.canvas[0], data.canvas[1]);
  } else if (data.question !== undefined) {
    questions.push(data);
    goOn();
  } else if (data.stop) {
    stop();
  }
};
