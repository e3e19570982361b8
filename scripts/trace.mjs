// Where a page's main thread spends its time, from Chromium's timeline and a sampling
// profile through CDP; shared by the in-browser benchmarks' --trace options.

/**
 * Records the page's timeline while `during()` runs (or for `during` ms) and prints the
 * main thread's time by event name and the sampled self time by function.
 */
export async function traceMainThread(page, during) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  await cdp.send('Tracing.start', { categories: 'devtools.timeline,disabled-by-default-devtools.timeline,v8', transferMode: 'ReportEvents' });
  const began = performance.now();
  if (typeof during === 'function') await during(); else await page.waitForTimeout(during);
  const ms = performance.now() - began;
  const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
  const { profile } = await cdp.send('Profiler.stop');
  await cdp.send('Tracing.end');
  await done;
  // Self time by function (names only in a build with them kept: SAMVERKAN_WASM_NAMES=1).
  const self = new Map();
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const dt = profile.timeDeltas;
  profile.samples.forEach((id, k) => {
    const name = byId.get(id).callFrame.functionName || '(anonymous)';
    self.set(name, (self.get(name) ?? 0) + (dt[k] ?? 0) / 1000);
  });
  console.log('\nself time by function (ms):');
  for (const [name, total] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 40)) console.log(`  ${total.toFixed(0)}  ${name.slice(0, 140)}`);
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const totals = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== main?.pid || e.tid !== main?.tid) continue;
    totals.set(e.name, (totals.get(e.name) ?? 0) + e.dur / 1000);
  }
  console.log(`\nmain thread over ${(ms / 1000).toFixed(1)} s, by event (nested events count in their parents too):`);
  for (const [name, total] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, 20)) console.log(`  ${name}: ${total.toFixed(0)} ms`);
  // Software raster happens off the main thread: the renderer's other threads, by thread.
  const names = new Map(events.filter((e) => e.name === 'thread_name' && e.pid === main?.pid).map((e) => [e.tid, e.args.name]));
  const threads = new Map();
  for (const e of events) {
    if (e.ph !== 'X' || e.pid !== main?.pid || e.tid === main?.tid || !names.has(e.tid)) continue;
    const key = `${names.get(e.tid)} ${e.name}`;
    threads.set(key, (threads.get(key) ?? 0) + e.dur / 1000);
  }
  console.log("\nthe renderer's other threads, by thread and event:");
  for (const [name, total] of [...threads].sort((a, b) => b[1] - a[1]).slice(0, 12)) console.log(`  ${name}: ${total.toFixed(0)} ms`);
}
