// Turns npm world-atlas (Natural Earth 1:110m, public domain) into public/world.json: one entry
// per country with its name and outer rings as [lon, lat] pairs rounded to 0.1°, Antarctica left
// out. Run: node scripts/world.mjs (the output is committed; rerun after upgrading world-atlas).
import fs from 'node:fs';
import path from 'node:path';
import { feature } from 'topojson-client';

const root = path.resolve(import.meta.dirname, '..');
const topo = JSON.parse(fs.readFileSync(path.join(root, 'node_modules/world-atlas/countries-110m.json'), 'utf8'));
const countries = feature(topo, topo.objects.countries).features;
const round = (v) => Math.round(v * 10) / 10;
const out = [];
for (const f of countries) {
  const name = f.properties?.name;
  if (!name || name === 'Antarctica' || !f.geometry) continue;
  const polys = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
  const rings = polys.map((p) => p[0].map(([x, y]) => [round(x), round(y)]))
    .filter((r) => r.length >= 4);
  out.push({ name, id: f.id ?? null, rings });
}
out.sort((a, b) => a.name.localeCompare(b.name));
const file = path.join(root, 'public/world.json');
fs.writeFileSync(file, JSON.stringify({ source: 'world-atlas 2.0.2 countries-110m (Natural Earth, public domain)', countries: out }));
console.log(`wrote ${file}: ${out.length} countries, ${fs.statSync(file).size} bytes`);
