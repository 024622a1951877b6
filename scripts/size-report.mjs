// Prints the raw, gzip (-9) and brotli (q11) size of every file in dist/ and the first-load total
// (index.html + the JS, wasm and CSS it loads + the favicon). Usage: node scripts/size-report.mjs [dist]
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

const dist = process.argv[2] ?? 'dist';
const BUDGET_BROTLI = 200 * 1024;

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
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
// First load = what index.html references, found by name in its text, plus index.html itself.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const firstLoad = files.filter((f) => f.name === 'index.html' || html.includes(f.name));

const pad = (s, n) => String(s).padStart(n);
const row = (f) => `${pad(f.raw, 10)} ${pad(f.gzip, 10)} ${pad(f.brotli, 10)}  ${f.name}`;
console.log(`${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli 11', 10)}  file`);
files.forEach((f) => console.log(row(f) + (firstLoad.includes(f) ? '  (first load)' : '')));
const total = firstLoad.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });
console.log(`${row({ ...total, name: 'FIRST LOAD TOTAL' })}`);
console.log(`budget: ${BUDGET_BROTLI} bytes brotli; ${total.brotli <= BUDGET_BROTLI ? 'within' : 'OVER'} budget ` +
  `(${(100 * total.brotli / BUDGET_BROTLI).toFixed(1)}%)`);
