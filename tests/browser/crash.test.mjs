// A panic is contained (issue 7): in the test-only build (target/dist-probe, `crash-probe`
// feature; scripts/build-probe.sh), a file named crash-probe.tsv makes the engine panic and
// crash-probe-page.tsv the page. The page shows what failed with a copyable report and stays
// usable: files load again. The shipped dist/ holds no probe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, cliReport, metricsOnPage, assertSameNumbers, root, dist, outDir, sampleFiles } from './harness.mjs';

const probe = path.join(root, 'target/dist-probe');
let srv, browser;
before(async () => { srv = await serveDist(probe); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

const small = path.join(root, 'tests/fixtures/customers_small.tsv');
const office = path.join(root, 'tests/fixtures/office_small.tsv');
const files = (page) => page.$$eval('tr[data-file]', (r) => r.map((x) => x.dataset.file));
const waitForFiles = (page, names) => page.waitForFunction((want) => [...document.querySelectorAll('tr[data-file]')].map((r) => r.dataset.file).join() === want.join(), names, { timeout: 30000 });

/** A copy of a fixture under the probe's file name. */
function probeFile(name) {
  const p = path.join(outDir, 'probe', name);
  fs.mkdirSync(path.dirname(p), { recursive: true });
  fs.copyFileSync(small, p);
  return p;
}

async function freshPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'] });
  const page = await context.newPage();
  await page.goto(srv.base);
  await waitForFiles(page, sampleFiles().map((f) => path.basename(f)));
  return { context, page };
}

test('the shipped build holds no crash probe', () => {
  for (const f of fs.readdirSync(dist).filter((f) => f.endsWith('.wasm'))) {
    assert.ok(!fs.readFileSync(path.join(dist, f)).includes('crash probe'), `${f} has the probe`);
  }
  const probeWasm = fs.readdirSync(probe).filter((f) => f.endsWith('.wasm'));
  assert.ok(probeWasm.some((f) => fs.readFileSync(path.join(probe, f)).includes('crash probe')), 'the probe build has it');
});

test('an engine panic shows a copyable report, keeps the files loaded before, and files load again', async () => {
  const { context, page } = await freshPage();
  await page.setInputFiles('#file-input', small);
  await waitForFiles(page, ['customers_small.tsv']);
  const before = await metricsOnPage(page);
  await page.setInputFiles('#file-input', probeFile('crash-probe.tsv'));
  await page.waitForSelector('#engine-crash-report');
  const report = await page.inputValue('#engine-crash-report');
  assert.match(report, /^Partnerlens \S+ stopped on an internal error\nwhere: engine \(Web Worker\)\nerror: crash probe: a deliberate panic in the engine/);
  assert.match(report, /at: src\/worker\/main\.rs:\d+:\d+/);
  assert.match(report, /while: reading file 1 of 1/);
  assert.match(await page.textContent('.status'), /internal error while loading crash-probe\.tsv/);
  await page.click('#engine-crash-copy');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), report);
  // The files loaded before are back, with the same numbers.
  await page.waitForFunction(() => document.querySelector('[data-metric="customers.kpis.customers.value"]'));
  await waitForFiles(page, ['customers_small.tsv']);
  await page.waitForTimeout(300);
  assert.deepEqual(await metricsOnPage(page), before);
  await page.screenshot({ path: path.join(outDir, 'engine-crash.png') });
  // Usable: another file loads, with the CLI's numbers.
  await page.click('#engine-crash-dismiss');
  await page.setInputFiles('#file-input', office);
  await waitForFiles(page, ['customers_small.tsv', 'office_small.tsv']);
  assertSameNumbers(assert, await metricsOnPage(page), cliReport([small, office]));
  assert.equal(await page.$('#engine-crash'), null);
  await context.close();
});

test('a page panic shows a copyable report and a way to start again, and files load again', async () => {
  const { context, page } = await freshPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.setInputFiles('#file-input', probeFile('crash-probe-page.tsv'));
  await page.waitForSelector('#crash[role="alertdialog"]');
  const report = await page.inputValue('#crash-report');
  assert.match(report, /where: page\nerror: crash probe: a deliberate panic on the page/);
  assert.match(report, /at: src\/web\/io\.rs:\d+:\d+/);
  assert.ok(errors.some((e) => /unreachable/.test(e)), `the wasm trap surfaced as a page error: ${errors}`);
  await page.screenshot({ path: path.join(outDir, 'page-crash.png') });
  await page.click('#crash-copy');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), report);
  await page.click('#crash-restart');
  await waitForFiles(page, sampleFiles().map((f) => path.basename(f)));
  assert.equal(await page.$('#crash'), null);
  await page.setInputFiles('#file-input', small);
  await waitForFiles(page, ['customers_small.tsv']);
  assertSameNumbers(assert, await metricsOnPage(page), cliReport([small]));
  await context.close();
});
