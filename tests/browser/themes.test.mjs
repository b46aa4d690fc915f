// Light and dark themes (issue 8): the page follows the system setting, the switch overrides
// it, charts redraw with the theme's colours, and text meets WCAG AA contrast in both.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { serveDist, launch, outDir, sampleFiles, inkOf, until } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

async function open(colorScheme) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, colorScheme });
  const page = await context.newPage();
  await page.goto(srv.base);
  await page.waitForFunction((n) => document.querySelectorAll('tr[data-file]').length === n, sampleFiles().length, { timeout: 30000 });
  await page.waitForSelector('[data-chart="customers.adds_churns"]');
  await until(async () => (await inkOf(page, 'customers.adds_churns')).ink > 0, 'the chart drawn');
  return { context, page };
}

/** The chart's background pixel (top-left) as [r, g, b]. */
const chartBackground = (page) => page.$eval('[data-chart="customers.adds_churns"]', (c) => [...c.getContext('2d').getImageData(1, 1, 1, 1).data].slice(0, 3));
const luminance = ([r, g, b]) => 0.2126 * r + 0.7152 * g + 0.0722 * b;

/** Contrast ratios (WCAG 2.x) of the page's text colours on their backgrounds. */
const contrasts = (page) => page.evaluate(() => {
  const css = getComputedStyle(document.documentElement);
  const rgb = (v) => { const c = document.createElement('canvas').getContext('2d'); c.fillStyle = css.getPropertyValue(v).trim(); c.fillRect(0, 0, 1, 1); return [...c.getImageData(0, 0, 1, 1).data].slice(0, 3); };
  const lum = (c) => { const [r, g, b] = c.map((x) => { x /= 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; }); return 0.2126 * r + 0.7152 * g + 0.0722 * b; };
  const ratio = (a, b) => { const [x, y] = [lum(rgb(a)), lum(rgb(b))].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const pairs = [['--text', '--bg'], ['--text', '--panel'], ['--muted', '--panel'], ['--muted', '--bg'], ['--accent', '--panel'], ['--on-accent', '--accent'],
    ['--error', '--panel'], ['--flag', '--highlight-bg'], ['--text', '--head-bg'], ['--text', '--button-bg'], ['--tooltip-text', '--tooltip-bg'],
    ['--chart-text', '--chart-bg'], ['--chart-muted', '--chart-bg'], ['--text', '--info-bg'], ['--text', '--highlight-bg']];
  return Object.fromEntries(pairs.map(([f, b]) => [`${f} on ${b}`, Math.round(ratio(f, b) * 100) / 100]));
});

test('light by default; the switch makes the page and its charts dark, and back', async () => {
  const { context, page } = await open('light');
  const swatches = () => page.$$eval('[data-legend] .swatch, #by-product .swatch', (e) => e.map((x) => getComputedStyle(x).backgroundColor).join());
  const lightSwatches = await swatches();
  const light = await chartBackground(page);
  assert.ok(luminance(light) > 200, `light chart background ${light}`);
  await page.selectOption('#theme-select', 'dark');
  await page.waitForFunction(() => document.documentElement.dataset.theme === 'dark');
  // Redrawn in the dark theme (in a task of its own; a slow machine takes longer).
  await until(async () => luminance(await chartBackground(page)) < 60, 'the chart redrawn dark').catch(() => {});
  const dark = await chartBackground(page);
  assert.ok(luminance(dark) < 60, `dark chart background ${dark}`);
  assert.notEqual(await swatches(), lightSwatches, 'legend swatches take the dark palette too');
  await page.screenshot({ path: path.join(outDir, 'theme-dark.png') });
  // Remembered on the next visit.
  await page.reload();
  await page.waitForSelector('[data-chart="customers.adds_churns"]');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), 'dark');
  await page.selectOption('#theme-select', 'auto');
  await until(async () => luminance(await chartBackground(page)) > 200, 'the chart redrawn light').catch(() => {});
  assert.ok(luminance(await chartBackground(page)) > 200, 'auto follows the (light) system');
  await context.close();
});

test('auto follows a dark system setting', async () => {
  const { context, page } = await open('dark');
  assert.equal(await page.evaluate(() => document.documentElement.dataset.theme), undefined);
  assert.ok(luminance(await chartBackground(page)) < 60);
  await context.close();
});

test('text meets WCAG AA (4.5:1) in both themes', async () => {
  for (const scheme of ['light', 'dark']) {
    const { context, page } = await open(scheme);
    const got = await contrasts(page);
    for (const [pair, r] of Object.entries(got)) assert.ok(r >= 4.5, `${scheme}: ${pair} is ${r}:1`);
    await context.close();
  }
});
