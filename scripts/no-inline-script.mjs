// Trunk post-build hook: Trunk writes the app's start-up as an inline <script type="module">.
// The Content-Security-Policy in index.html allows no inline script, so this moves it into a
// file of its own (named by its content's hash) and points a <script src> at it.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dir = process.env.TRUNK_STAGING_DIR ?? 'dist';
const file = path.join(dir, 'index.html');
let html = fs.readFileSync(file, 'utf8');
const inline = /<script type="module">([\s\S]*?)<\/script>/;
const m = html.match(inline);
if (!m) {
  console.error('no-inline-script: no inline module script found in index.html');
  process.exit(1);
}
const body = m[1].trim() + '\n';
const name = `start-${crypto.createHash('sha256').update(body).digest('hex').slice(0, 16)}.js`;
fs.writeFileSync(path.join(dir, name), body);
html = html.replace(inline, `<script type="module" src="./${name}"></script>`);
if (/<script(?![^>]*\bsrc=)[^>]*>/.test(html)) {
  console.error('no-inline-script: an inline script is still in index.html');
  process.exit(1);
}
fs.writeFileSync(file, html);
console.log(`no-inline-script: start-up moved to ${name}`);
