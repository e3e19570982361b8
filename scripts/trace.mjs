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
  // SAMVERKAN_TRACE_TASKS_OVER=ms: every main-thread task over that many ms, in order, to
  // compare builds task by task (a reveal batch, a layout frame) under the same tracing.
  const over = Number(process.env.SAMVERKAN_TRACE_TASKS_OVER);
  if (over > 0) {
    const tasks = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && e.name === 'RunTask' && e.dur > over * 1000);
    const origin = Math.min(...events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid).map((e) => e.ts));
    const list = tasks.sort((a, b) => a.ts - b.ts).map((e) => `@${((e.ts - origin) / 1000).toFixed(0)}+${(e.dur / 1000).toFixed(0)}`);
    console.log(`\ntasks over ${over} ms (start from the first event + ms): ${list.join(' ')}`);
  }
  longTaskDetail(events, main, profile);
}

/**
 * Each main-thread task over 50 ms: what it was made of (timeline events inside it, by
 * name), the functions sampled in it (self time) and the app's own functions on the
 * sampled stacks (inclusive; every function with SAMVERKAN_TRACE_ALL=1, as Leptos's
 * generic code carries the names of what it builds; SAMVERKAN_TRACE_TOP=N lists N), so a
 * long task can be named.
 */
function longTaskDetail(events, main, profile) {
  const own = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid);
  const tasks = own.filter((e) => e.name === 'RunTask' && e.dur > 50000).sort((a, b) => a.ts - b.ts);
  if (!tasks.length) return;
  const origin = Math.min(...own.map((e) => e.ts));
  // Sample k's time: the profile's start plus the deltas up to k (microseconds, the trace's clock).
  const times = []; let t = profile.startTime;
  for (const d of profile.timeDeltas) { t += d; times.push(t); }
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parents = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parents.set(c, n.id);
  console.log('\nmain-thread tasks over 50 ms (start from the first event):');
  for (const task of tasks) {
    const end = task.ts + task.dur;
    const parts = new Map();
    for (const e of own) {
      if (e === task || e.ts < task.ts || e.ts + e.dur > end || e.name === 'RunTask') continue;
      parts.set(e.name, (parts.get(e.name) ?? 0) + e.dur / 1000);
    }
    // Self time by function, and the app's functions' inclusive time (each counted once
    // per sampled stack).
    const fns = new Map(); const mine = new Map();
    profile.samples.forEach((id, k) => {
      if (times[k] < task.ts || times[k] > end) return;
      const leaf = byId.get(id).callFrame.functionName || '(anonymous)';
      fns.set(leaf, (fns.get(leaf) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
      const seen = new Set();
      for (let node = byId.get(id); node; node = byId.get(parents.get(node.id))) {
        const name = node.callFrame.functionName;
        if (!(process.env.SAMVERKAN_TRACE_ALL || name.startsWith('samverkan')) || seen.has(name)) continue;
        seen.add(name);
        mine.set(name, (mine.get(name) ?? 0) + (profile.timeDeltas[k + 1] ?? 0) / 1000);
      }
    });
    const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k.slice(0, 60)} ${v.toFixed(0)}`).join(', ');
    console.log(`  @${((task.ts - origin) / 1000).toFixed(0)} ms, ${(task.dur / 1000).toFixed(0)} ms: ${top(parts, 8)}`);
    console.log(`      functions: ${top(fns, 10)}`);
    console.log(`      the app's, inclusive: ${top(mine, Number(process.env.SAMVERKAN_TRACE_TOP ?? (process.env.SAMVERKAN_TRACE_ALL ? 40 : 14)))}`);
  }
}

/**
 * The main thread's tasks of 10 ms or more while `during()` runs, from Chromium's timeline
 * alone (no sampling profile, so less in the way than `traceMainThread`): each as
 * `{ start, ms, cpu }`, start in ms from the first event recorded, `cpu` the thread's own
 * time in it (less than `ms` when the thread waited for a core). A budget counts only tasks
 * over 50 ms; the smaller ones show what a change saved below that line.
 */
export async function mainThreadTasks(page, during) {
  const cdp = await page.context().newCDPSession(page);
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  await cdp.send('Tracing.start', { categories: 'toplevel,devtools.timeline,disabled-by-default-devtools.timeline', transferMode: 'ReportEvents' });
  try {
    await during();
  } finally {
    const done = new Promise((r) => cdp.once('Tracing.tracingComplete', r));
    await cdp.send('Tracing.end');
    await done;
    await cdp.detach().catch(() => {});
  }
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain');
  const tasks = events.filter((e) => e.ph === 'X' && e.pid === main?.pid && e.tid === main?.tid && e.name === 'RunTask');
  const origin = Math.min(...tasks.map((e) => e.ts));
  return tasks.filter((e) => e.dur >= 10000).sort((a, b) => a.ts - b.ts)
    .map((e) => ({ start: (e.ts - origin) / 1000, ms: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000 }));
}
