import { startHarness } from './app.mjs';
import { regionalDocument } from './regional.mjs';
const h = await startHarness();
for (const [lang, vp] of [['sv', { width: 1280, height: 800 }], ['en', { width: 1920, height: 1080 }]]) {
  const doc = regionalDocument();
  // Ten of the forty unrated, as after an import of a register without ratings.
  doc.map.actors.slice(30).forEach((a) => { a.influence = null; a.interest = null; });
  const app = await h.withStoredMap(doc, vp);
  const page = app.page ?? app;
  await page.goto(page.url().replace(/lang=\w+/, `lang=${lang}`));
  await page.getByRole('tab', { name: lang === 'sv' ? 'Rutnät' : 'Grid' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: `/tmp/shots/grid-unplaced-${lang}-${vp.width}.png` });
  await page.getByRole('tab', { name: lang === 'sv' ? 'Karta' : 'Map' }).click();
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `/tmp/shots/map-unrated-${lang}-${vp.width}.png` });
  await page.context().close();
}
// Import summary dialog
const app = await h.newApp('sv');
await app.page.getByText('Fler format', { exact: false }).click();
const sheet = 'From,To,Type,Direction,Strength\n' + Array.from({ length: 30 }, (_, i) => `Aktör ${i % 7},Aktör ${(i * 3 + 1) % 9},${['Investor', 'Partner', 'funding', '+'][i % 4]},${['directed', 'mutual', 'sideways'][i % 3]},${i % 5 === 0 ? 'high' : ''}`).join('\n') + '\nRyan,Aktör 1,Investor,,\n';
await app.page.getByLabel('Importera från Kumu (JSON eller CSV)').setInputFiles({ name: 'kumu-kopplingar.csv', mimeType: 'text/csv', buffer: Buffer.from(sheet) });
await app.page.waitForTimeout(800);
await app.page.screenshot({ path: '/tmp/shots/import-notice-sv-1280.png' });
await app.page.getByRole('button', { name: 'Importsammanfattning' }).click();
await app.page.waitForTimeout(300);
await app.page.screenshot({ path: '/tmp/shots/import-summary-sv-1280.png' });
await app.page.context().close();
await h.browser.close(); await h.server.close?.();
process.exit(0);
