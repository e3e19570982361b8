import { startHarness, layoutIdle } from './app.mjs';
import { generateDocument } from './generate.mjs';
const h = await startHarness();
const { page } = await h.withStoredMap(generateDocument(1000), { width: 1280, height: 800 });
await layoutIdle(page, 60000);
await page.getByRole('tab', { name: 'Table' }).click();
await page.getByRole('checkbox', { name: /^Select Aktör 1 / }).check();
const times = [];
for (let i = 0; i < 3; i++) {
  const t0 = Date.now();
  await page.getByRole('tabpanel').getByRole('button', { name: 'What if removed' }).click();
  await page.getByRole('dialog').waitFor();
  times.push(Date.now() - t0);
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
}
const onion0 = Date.now();
await page.getByRole('tab', { name: 'Onion' }).click();
await page.locator('g.onion-actor').nth(999).waitFor();
const onion = Date.now() - onion0;
console.log(JSON.stringify({ whatIfMs: times, onionMs: onion }));
await h.browser.close();
process.exit(0);
