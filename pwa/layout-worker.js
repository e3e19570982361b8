// The layout worker (issue 25): the page sends `{ id, job }` to lay a map out, `{ id, canvas }`
// when the canvas changes size and `{ stop: true }`; the worker runs the layout (Rust,
// worker/) in slices and after each sends `{ id, positions, settled }`, or `{ id, error }`.
// A newer job replaces the one under way.
importScripts('./layout_worker.js');
const ready = wasm_bindgen({ module_or_path: './layout_worker_bg.wasm' });

/** Work between two messages to the page: it draws what it gets once per frame. */
const SLICE_MS = 12;
let run = null;
// The next slice is queued on a channel, not setTimeout, which waits 4 ms when nested.
const next = new MessageChannel();
next.port1.onmessage = ({ data: id }) => {
  if (run?.id !== id) return;
  const settled = run.layout.run_for(SLICE_MS);
  const positions = run.layout.positions();
  postMessage({ id, positions, settled }, [positions.buffer]);
  if (settled) stop();
  else next.port2.postMessage(id);
};

function stop() {
  run?.layout.free();
  run = null;
}

onmessage = async ({ data }) => {
  try {
    await ready;
  } catch (error) {
    // The page lays the map out itself when told.
    if (data.job !== undefined) postMessage({ id: data.id, error: String(error) });
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
    next.port2.postMessage(data.id);
  } else if (data.canvas !== undefined) {
    if (run?.id === data.id) run.layout.set_canvas(data.canvas[0], data.canvas[1]);
  } else if (data.stop) {
    stop();
  }
};
