// Prints the raw, gzip (-9) and brotli (q11) size of every file in dist/, then the first load of
// the start page, of the first journey page and of the confirmation page: index.html, what it
// references (CSS, favicon, the app's JS and main wasm, the split loader), plus the
// lazily loaded parts the route's page needs (read from the loader, __wasm_split.js, with their
// shared parts). Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { readSplitLoader } from './split-loader.mjs';

const dist = process.argv[2] ?? 'dist';
const BUDGET_BROTLI = 200 * 1024;
// Route → the split points (page views, src/lazy_routes.rs) its first screen loads.
const ROUTES = [
  ['start page /', []],
  ['journey /check', ['question']],
  ['confirmation /apply/confirmation/…', ['confirmation']],
];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return walk(path);
    // Precompressed copies (scripts/precompress.mjs) are what the server sends, not more files.
    return /\.(br|gz)$/.test(name) ? [] : [path];
  });
}

function sizes(path) {
  const data = readFileSync(path);
  return {
    raw: data.length,
    gzip: gzipSync(data, { level: 9 }).length,
    brotli: brotliCompressSync(data, {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length },
    }).length,
  };
}

const files = walk(dist).map((path) => ({ name: relative(dist, path), ...sizes(path) }));
files.sort((a, b) => b.brotli - a.brotli);
const byName = new Map(files.map((f) => [f.name, f]));

// Always loaded: index.html, the files it references by URL (CSS, favicon, the app's JS and main
// wasm; a quoted "/name") and the split loader the app's JS imports.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = (name) => ['"', "'"].some((q) => html.includes(`${q}/${name}${q}`));
const base = files.filter((f) => f.name === 'index.html' || referenced(f.name) ||
  f.name.endsWith('/__wasm_split.js'));
const loaderFile = base.find((f) => f.name.endsWith('/__wasm_split.js'));
const appDir = loaderFile ? loaderFile.name.slice(0, -'__wasm_split.js'.length) : '';

const loaderFiles = loaderFile ? readSplitLoader(join(dist, loaderFile.name)) : () => [];
const partsOf = (point) => loaderFiles(point).map((name) => byName.get(appDir + name)).filter(Boolean);

const pad = (s, n) => String(s).padStart(n);
const row = (f) => `${pad(f.raw, 10)} ${pad(f.gzip, 10)} ${pad(f.brotli, 10)}  ${f.name}`;
const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });

console.log(`${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli 11', 10)}  file`);
const lazy = files.filter((f) => !base.includes(f));
base.forEach((f) => console.log(row(f) + '  (every first load)'));
lazy.slice(0, 12).forEach((f) => console.log(row(f)));
if (lazy.length > 12) console.log(row({ ...sum(lazy.slice(12)), name: `… ${lazy.length - 12} smaller lazily loaded files` }));
console.log(row({ ...sum(files), name: 'ALL FILES' }));
console.log('');
for (const [label, points] of ROUTES) {
  const parts = [...new Set(points.flatMap(partsOf))];
  const total = sum([...base, ...parts]);
  const verdict = total.brotli <= BUDGET_BROTLI ? 'within' : 'OVER';
  console.log(`${row({ ...total, name: `FIRST LOAD ${label}` })}  (${base.length + parts.length} files; ` +
    `${verdict} the ${BUDGET_BROTLI}-byte brotli budget: ${(100 * total.brotli / BUDGET_BROTLI).toFixed(1)}%)`);
}
