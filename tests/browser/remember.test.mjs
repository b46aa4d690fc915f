// "Remember my files" (issue 8): off by default; when on, the next visit opens the same files
// and view from this browser's IndexedDB; "Forget everything" deletes them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, root, sampleFiles, cliReport, metricsOnPage, assertSameNumbers } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const names = (page) => page.$$eval('tr[data-file]', (r) => r.map((x) => x.dataset.file));
const waitForFiles = (page, want) => page.waitForFunction((w) => [...document.querySelectorAll('tr[data-file]')].map((r) => r.dataset.file).join() === w.join(), want, { timeout: 30000 });
const sample = () => sampleFiles().map((f) => path.basename(f));
const databases = (page) => page.evaluate(async () => (await indexedDB.databases()).map((d) => d.name));

test('remember round-trips the files and the view; forget deletes them', async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.goto(srv.base);
  await waitForFiles(page, sample());
  assert.equal(await page.isChecked('#remember'), false, 'off by default');
  assert.deepEqual(await databases(page), [], 'nothing kept while off');
  assert.match(await page.textContent('.privacy summary'), /Nothing ever leaves this browser/);

  await page.check('#remember');
  const small = path.join(root, 'tests/fixtures/customers_small.tsv');
  const office = path.join(root, 'tests/fixtures/office_small.tsv');
  await page.setInputFiles('#file-input', [small, office]);
  await waitForFiles(page, ['customers_small.tsv', 'office_small.tsv']);
  await page.click('[data-page="1"]');
  await page.waitForFunction(() => location.hash.includes('page=1'));
  // Kept: both files and the view (written after the report arrives).
  await page.waitForFunction(async () => { const k = await window.partnerlensStore.load(); return k?.names?.length === 2 && k.view.includes('page=1'); });
  await page.close();

  // The next visit (no link, same browser): the same files and page, the same numbers.
  const again = await context.newPage();
  const log = [];
  again.on('console', (m) => log.push(`${m.type()}: ${m.text()}`));
  again.on('pageerror', (e) => log.push(`pageerror: ${e}`));
  await again.goto(srv.base);
  await waitForFiles(again, ['customers_small.tsv', 'office_small.tsv']).catch(async (e) => {
    const shown = await names(again);
    const kept = await again.evaluate(async () => JSON.stringify(await window.partnerlensStore.load(), (k, v) => (v instanceof Blob ? `Blob(${v.size})` : v)));
    throw new Error(`${e.message}\nshown: ${shown}\nkept: ${kept}\nstatus: ${await again.textContent('.status')}\nlog: ${log.join('\n')}`);
  });
  await again.waitForFunction(() => document.querySelector('.page-tab[aria-current="page"]')?.dataset.page === '1');
  assert.equal(await again.isChecked('#remember'), true);
  await again.click('[data-page="0"]');
  await again.waitForSelector('[data-metric="customers.kpis.customers.value"]');
  assertSameNumbers(assert, await metricsOnPage(again), cliReport([small, office]));

  // Forget everything: the data and the kept copy are gone; the next visit shows the sample.
  await again.click('#forget-everything');
  await again.waitForFunction(() => document.querySelectorAll('tr[data-file]').length === 0);
  await again.waitForFunction(async () => !(await indexedDB.databases()).some((d) => d.name === 'partnerlens'));
  assert.equal(await again.isChecked('#remember'), false);
  await again.goto(srv.base);
  await waitForFiles(again, sample());
  assert.deepEqual(await names(again), sample());
  assert.deepEqual(await databases(again), []);
  await context.close();
});
