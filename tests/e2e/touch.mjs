// Touch gestures for the end-to-end tests: CDP touch events, which Chromium turns into touch pointer events.

/** Each page's gestures, so that a page has one CDP session however often `touchSession` is called. */
const sessions = new WeakMap();

/** Touch gestures on `page`, whose context has `hasTouch: true` (Playwright itself only
 * taps with one finger, so these send Input.dispatchTouchEvent on one CDP session, opened
 * at the first gesture). Points are `{ x, y }` in CSS pixels of the viewport, as `centerOf`
 * and `locator.boundingBox()` give them. Every gesture resolves after its touchEnd, once
 * the page has had its pointer events; a tap's click and whatever the page redraws come
 * later, so tests wait for those (a locator, `page.waitForFunction`), never a fixed time.
 * `gesture(paths, steps)` moves any number of fingers: `paths` is `[[from, to], …]`. */
export function touchSession(page) {
  if (!sessions.has(page)) sessions.set(page, gestures(page));
  return sessions.get(page);
}

/** The centre of `locator`'s element as `{ x, y }` in viewport CSS pixels, scrolled into
 * view first and at rest (the same box in two frames running, as Playwright's own actions
 * wait for) so that a touch there lands on it: a map fits itself to the canvas once it is
 * measured and sets its names beside their dots after that. */
export async function centerOf(locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.evaluate((element) => new Promise((done) => {
    let last = '';
    const look = () => {
      const { x, y, width, height } = element.getBoundingClientRect();
      const now = [x, y, width, height].join();
      if (now === last) done(width > 0 || height > 0 ? { x, y, width, height } : null);
      else requestAnimationFrame(look);
      last = now;
    };
    requestAnimationFrame(look);
  }));
  if (!box) throw new Error(`centerOf: ${locator} has no box (hidden or detached)`);
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

const lerp = (a, b, t) => ({ x: a.x + (b.x - a.x) * t, y: a.y + (b.y - a.y) * t });
const beside = (p, dx) => ({ x: p.x + dx, y: p.y });
// A moving finger rests this long (in event time, not waited for) before it lifts, so
// Chromium sees no fling, which would swallow the click of a tap that follows.
const REST_S = 0.1;

function gestures(page) {
  let client;
  let last = 0; // the timestamp of the last event sent, seconds since the epoch
  const send = async (type, points, rest = 0) => {
    client ??= page.context().newCDPSession(page);
    // Event time never runs backwards, even after a rest stamped ahead of the clock.
    last = Math.max(Date.now() / 1000, last + 0.001) + rest;
    await (await client).send('Input.dispatchTouchEvent', {
      type,
      timestamp: last,
      // A finger's id keeps it the same pointer from touchStart to touchEnd.
      touchPoints: points.map(({ x, y }, id) => ({ x, y, id, radiusX: 5, radiusY: 5, force: 1 })),
    });
  };
  // touchEnd lifts every finger; its list (the fingers still down) must be empty.
  const lift = (rest = 0) => send('touchEnd', [], rest);

  async function gesture(paths, steps = 12) {
    await send('touchStart', paths.map(([from]) => from));
    for (let i = 1; i <= steps; i += 1) {
      await send('touchMove', paths.map(([from, to]) => lerp(from, to, i / steps)));
    }
    await lift(REST_S);
  }

  return {
    /** Fingers down at the starts of `paths` (`[[from, to], …]`), moved together in
     * `steps` touchMoves to the ends, at rest, lifted. */
    gesture,

    /** One finger down and straight up at (x, y); Chromium follows it with a click. */
    async tap(x, y) {
      await send('touchStart', [{ x, y }]);
      await lift();
    },

    /** One finger held still at (x, y) for `ms`, then lifted. Waiting `ms` is the gesture
     * itself (how long the finger stays down), not a guess at how long the page takes.
     * Chromium under CDP touch does not recognise the long press: no contextmenu, and the
     * lift still fires a click, so the page must time the hold from pointerdown itself. */
    async longPress(x, y, ms = 700) {
      await send('touchStart', [{ x, y }]);
      await new Promise((resolve) => { setTimeout(resolve, ms); });
      await lift();
    },

    /** One finger from `from` to `to` in `steps` moves, at rest before it lifts. A drag
     * shorter than Chromium's touch slop (some 15 px) counts as a tap and clicks as well. */
    drag(from, to, steps = 12) {
      return gesture([[from, to]], steps);
    },

    /** Two fingers on a horizontal line through `center`, `startDistance` px apart, moved
     * until they are `endDistance` apart: spreading (end > start) zooms in, closing zooms out. */
    pinch(center, startDistance, endDistance, steps = 12) {
      return gesture([-1, 1].map((side) => [
        beside(center, (side * startDistance) / 2), beside(center, (side * endDistance) / 2),
      ]), steps);
    },

    /** Two fingers side by side, 80 px apart around the point, moved together from `from` to `to`. */
    twoFingerPan(from, to, steps = 12) {
      return gesture([-40, 40].map((dx) => [beside(from, dx), beside(to, dx)]), steps);
    },

    /** Closes the CDP session (closing the page closes it too); a later gesture opens a new one. */
    async detach() {
      const open = client;
      client = undefined;
      if (open) await (await open).detach();
    },
  };
}
