// axe-core in the end-to-end tests: runs the WCAG 2.0, 2.1 and 2.2 A and AA rules and
// axe's best practices on a page (or a part of it) and hands back a compact list to assert
// on. The page's Content-Security-Policy (script-src 'self' …) refuses an injected
// <script>, so axe goes in through the DevTools protocol (page.evaluate of its source),
// which the policy does not govern.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The rule sets run: WCAG 2.0/2.1/2.2 levels A and AA, and axe's best practices. */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

let source;
/** axe-core's browser build, read once. */
const axeSource = () => (source ??= readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));

/** Puts axe into the page unless it is there (a navigation takes it away again). */
async function injectAxe(page) {
  if (await page.evaluate(() => typeof window.axe?.run === 'function')) return;
  await page.evaluate(axeSource());
}

/**
 * The axe violations on `page`, or only inside `include` (a CSS selector or a list of
 * them) less `exclude`: [{ id, impact, help, helpUrl, nodes, targets, html, summary }],
 * where `targets` are the CSS selectors of the first five elements, `html` the first
 * element's markup (cut short) and `summary` axe's "Fix any of the following" for it.
 */
export async function axeViolations(page, { include, exclude } = {}) {
  await injectAxe(page);
  return page.evaluate(async ({ include, exclude, tags }) => {
    const list = (s) => (s === undefined ? undefined : [s].flat());
    const context = include === undefined && exclude === undefined
      ? document
      : { ...(include === undefined ? {} : { include: list(include) }), ...(exclude === undefined ? {} : { exclude: list(exclude) }) };
    const result = await window.axe.run(context, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    const cut = (s, n) => (s.length > n ? `${s.slice(0, n - 1)}…` : s);
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      helpUrl: v.helpUrl.replace(/\?.*$/, ''),
      nodes: v.nodes.length,
      targets: v.nodes.slice(0, 5).map((n) => n.target.map((t) => [t].flat().join(' >>> ')).join(' >>> ')),
      html: cut((v.nodes[0]?.html ?? '').replace(/<!---->/g, ''), 240), // less Leptos' markers
      summary: cut((v.nodes[0]?.failureSummary ?? '').replace(/\s*\n\s*/g, ' | '), 400),
    }));
  }, { include, exclude, tags: AXE_TAGS });
}

/** A violations list as lines to read in an assertion message. */
export function formatViolations(list) {
  if (!list.length) return 'no violations';
  return list.map((v) => [
    `[${v.impact ?? 'n/a'}] ${v.id}: ${v.help} (${v.nodes ?? v.targets.length} element${(v.nodes ?? v.targets.length) === 1 ? '' : 's'})`,
    ...v.targets.map((t) => `    at ${t}`),
    ...(v.html ? [`    html ${v.html}`] : []),
    ...(v.summary ? [`    ${v.summary}`] : []),
  ].join('\n')).join('\n');
}
