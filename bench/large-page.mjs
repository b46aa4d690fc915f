// The built app with a benchmark's large file loaded, for the scripts that time changes on it
// (bench/redraw.mjs, bench/page-profile.mjs, bench/timeline.mjs).
import fs from 'node:fs';
import path from 'node:path';
import { root } from '../tests/browser/harness.mjs';

/** `bench/data/N/CustomersAndTenants.tsv` for `--rows N` (default 1,000,000), which must exist. */
export function benchFile() {
  const i = process.argv.indexOf('--rows');
  const rows = i > 0 ? Number(process.argv[i + 1]) : 1_000_000;
  const file = path.join(root, 'bench/data', String(rows), 'CustomersAndTenants.tsv');
  if (!fs.existsSync(file)) throw new Error(`${file} is missing: run node bench/run.mjs --rows ${rows} once`);
  return { rows, file };
}

/** A 1280×900 page of the app at `base` with `file` dropped on it and loaded (the sample first),
 * after `init` (a function run in the page before its scripts). */
export async function loadedPage(browser, base, file, init) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  if (init) await page.addInitScript(init);
  await page.goto(base);
  await page.waitForFunction(() => document.querySelectorAll('tr[data-file]').length === 6, null, { timeout: 30000 });
  await page.setInputFiles('#file-input', file);
  await page.waitForFunction((name) => [...document.querySelectorAll('tr[data-file]')].map((r) => r.dataset.file).join() === name,
    path.basename(file), { timeout: 300000 });
  return page;
}
