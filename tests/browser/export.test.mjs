// Export (issue 8): a chart's PNG at twice the display resolution, the whole report JSON (equal to
// the CLI's), and printing every dashboard laid out for paper.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, cliReport, outDir, sampleFiles, openDashboard } from './harness.mjs';

let srv, browser, page;
before(async () => {
  srv = await serveDist();
  browser = await launch();
  page = await openDashboard(browser, srv.base, 0, 'customers.adds_churns');
});
after(async () => { await browser?.close(); srv?.server.close(); });

test('a chart downloads as a PNG at twice its display size, with the chart in it', async () => {
  const css = await page.$eval('[data-chart="customers.adds_churns"]', (c) => ({ w: c.clientWidth, h: c.clientHeight }));
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export-png="customers.adds_churns"]')]);
  assert.equal(download.suggestedFilename(), 'customers.adds_churns.png');
  const png = fs.readFileSync(await download.path());
  assert.deepEqual([...png.subarray(0, 8)], [137, 80, 78, 71, 13, 10, 26, 10], 'a PNG file');
  const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
  assert.equal(w, css.w * 2);
  assert.equal(h, css.h * 2);
  fs.writeFileSync(path.join(outDir, 'export-chart.png'), png);
  // Decoded in the page: columns drawn, not a blank image.
  const ink = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    c.width = img.width; c.height = img.height;
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let n = 0;
    for (let i = 0; i < d.length; i += 4) if (d[i] !== d[0] || d[i + 1] !== d[1] || d[i + 2] !== d[2]) n++;
    return n;
  }, png.toString('base64'));
  assert.ok(ink > w * h * 0.05, `${ink} drawn pixels of ${w * h}`);
});

test('the report JSON download equals what the CLI prints for the same files', async () => {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-report')]);
  assert.equal(download.suggestedFilename(), 'partnerlens-report.json');
  const got = JSON.parse(fs.readFileSync(await download.path(), 'utf8'));
  const want = cliReport(sampleFiles());
  for (const key of ['window', 'range', 'customers', 'azure', 'subscriptions', 'licenses']) assert.deepEqual(got[key], want[key], key);
  assert.deepEqual(got.quality.files.map((f) => [f.name, f.rows_loaded]), want.quality.files.map((f) => [path.basename(f.name), f.rows_loaded]));
});

test('printing lays every dashboard out, one per sheet, without the controls', async () => {
  await page.evaluate(() => {
    window.print = () => {
      const pages = [...document.querySelectorAll('.print-page')];
      window.__printed = {
        pages: pages.length,
        breakBefore: pages[1] && getComputedStyle(pages[1]).breakBefore,
        dropZone: getComputedStyle(document.querySelector('.drop-zone')).display,
        charts: pages.map((p) => p.querySelectorAll('canvas[data-chart]').length),
      };
    };
  });
  // Print media first (the browser's own order: it lays out for paper before printing), so the
  // button, hidden on paper, is clicked by script.
  await page.emulateMedia({ media: 'print' });
  await page.$eval('#print-all', (b) => b.click());
  await page.waitForFunction(() => document.querySelectorAll('.print-page').length === 3);
  await page.screenshot({ path: path.join(outDir, 'print-all.png'), fullPage: true }).catch(() => {});
  await page.waitForFunction(() => window.__printed);
  const printed = await page.evaluate(() => window.__printed);
  assert.equal(printed.pages, 3);
  assert.equal(printed.breakBefore, 'page');
  assert.equal(printed.dropZone, 'none');
  assert.ok(printed.charts.every((n) => n >= 3), `charts per dashboard: ${printed.charts}`);
  // The print layout stays until the browser says printing is over.
  assert.equal(await page.evaluate(() => document.querySelectorAll('.print-page').length), 3);
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForFunction(() => document.querySelectorAll('.print-page').length === 0);
  await page.emulateMedia({ media: 'screen' });
});
