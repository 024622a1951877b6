// Prints the raw, gzip (-9) and brotli (q11) size of every file in dist/, then the cold first load
// of every route of the app, as from a deep link: index.html, what it references (CSS, favicon, the
// app's JS and main wasm), the split loader the JS imports, plus the lazily loaded parts the
// route's page needs (its split point's wasm file and the shared chunks it depends on, read from
// the loader, __wasm_split.js). The routes come from the route table (app-routes.mjs:
// src/routes.json), the same one the page loader's prefetch table is built from. Sizes and
// file counts only, so the output is the same on every run of the same build. API calls a page
// makes are not counted.
//
// The budget (issue #17): every route ≤ 200 KB brotli in ≤ 12 requests, the start page ≤ 150 KB.
// With --check, exits non-zero when a route is over max(budget, its ceiling in
// scripts/size-ceilings.json), or when a route has a ceiling it no longer needs (it is within the
// budget, or well under the ceiling): the ceilings only tighten. --update-ceilings rewrites that
// file from this build (current size + 0.5%, rounded up to 100 bytes; current request count).
//
// Usage: node scripts/size-report.mjs [--check | --update-ceilings] [dist]
import { readdirSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import { brotli } from './brotli.mjs';
import { appRoutes } from './app-routes.mjs';
import { readSplitLoader } from './split-loader.mjs';
import { BUDGET, START_BUDGET, EVERY_LOAD_FILES } from './budget.mjs';

const args = process.argv.slice(2);
const check = args.includes('--check');
const update = args.includes('--update-ceilings');
const dist = args.find((a) => !a.startsWith('--')) ?? 'dist';
const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const CEILINGS = join(root, 'scripts/size-ceilings.json');

const KB = 1024;
const budgetOf = (path) => (path === '/' ? START_BUDGET : BUDGET);
// Brotli sizes move a little between checkouts: a workspace crate's path is part of its symbol
// hashes, which order the functions, so the same source built in another directory compresses
// differently (up to 0.7% on a route, measured on a fresh clone, 2026-11-30). A ceiling is set
// MARGIN above the size, and one more than SLACK above it is no longer needed: lower it.
const MARGIN = 0.01;
const SLACK = 0.025;

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
    brotli: brotli(data).length,
  };
}

const files = walk(dist).map((path) => ({ name: relative(dist, path), ...sizes(path) }));
files.sort((a, b) => b.brotli - a.brotli || a.name.localeCompare(b.name));
const byName = new Map(files.map((f) => [f.name, f]));

// Always loaded: index.html, the files it references by URL (CSS, favicon, the app's JS and main
// wasm; a quoted "/name") and the split loader the app's JS imports.
const html = readFileSync(join(dist, 'index.html'), 'utf8');
const referenced = (name) => ['"', "'"].some((q) => html.includes(`${q}/${name}${q}`));
const base = files.filter((f) => f.name === 'index.html' || referenced(f.name) ||
  f.name.endsWith('/__wasm_split.js'));
const loaderFile = base.find((f) => f.name.endsWith('/__wasm_split.js'));
if (!loaderFile) throw new Error(`no split loader (__wasm_split.js) in ${dist}`);
if (base.length !== EVERY_LOAD_FILES) {
  // merge-parts.mjs sized the pages' parts for EVERY_LOAD_FILES files on every load.
  throw new Error(`every first load has ${base.length} files, budget.mjs says ${EVERY_LOAD_FILES}: update it`);
}
const appDir = loaderFile.name.slice(0, -'__wasm_split.js'.length);
const loaderFiles = readSplitLoader(join(dist, loaderFile.name));
const partsOf = (module) => {
  if (!module) return [];
  const names = loaderFiles(module);
  if (names.length === 0) throw new Error(`no wasm part for split point ${module} in ${loaderFile.name}`);
  return names.map((name) => {
    const file = byName.get(appDir + name);
    if (!file) throw new Error(`${name} (split point ${module}) is not in ${dist}`);
    return file;
  });
};

const pad = (s, n) => String(s).padStart(n);
const padEnd = (s, n) => String(s).padEnd(n);
const row = (f) => `${pad(f.raw, 10)} ${pad(f.gzip, 10)} ${pad(f.brotli, 10)}  ${f.name}`;
const sum = (list) => list.reduce((t, f) => ({ raw: t.raw + f.raw, gzip: t.gzip + f.gzip, brotli: t.brotli + f.brotli }),
  { raw: 0, gzip: 0, brotli: 0 });

console.log(`${pad('raw', 10)} ${pad('gzip -9', 10)} ${pad('brotli 11', 10)}  file`);
const lazy = files.filter((f) => !base.includes(f));
base.forEach((f) => console.log(row(f) + '  (every first load)'));
lazy.slice(0, 12).forEach((f) => console.log(row(f)));
if (lazy.length > 12) console.log(row({ ...sum(lazy.slice(12)), name: `… ${lazy.length - 12} smaller lazily loaded files` }));
console.log(row({ ...sum(files), name: 'ALL FILES' }));

// The first load of every route.
const loads = appRoutes(root).map(({ path, module }) => {
  const parts = partsOf(module);
  return { path, module, ...sum([...base, ...parts]), requests: base.length + parts.length };
});

const ceilings = existsSync(CEILINGS) ? JSON.parse(readFileSync(CEILINGS, 'utf8')) : {};
const problems = [];
for (const path of Object.keys(ceilings)) {
  if (!loads.some((l) => l.path === path)) problems.push(`${path}: has a ceiling but is not a route any more (remove it)`);
}

console.log('');
console.log(`Cold first load of every route (deep link; ${base.length} files on every load, ` +
  `budget ${BUDGET.brotli / KB} KB brotli in ${BUDGET.requests} requests, the start page ${START_BUDGET.brotli / KB} KB):`);
console.log(`${padEnd('route', 26)} ${padEnd('split part', 13)} ${pad('raw', 9)} ${pad('gzip -9', 9)} ${pad('brotli 11', 9)} ` +
  `${pad('req', 4)}  ${pad('budget', 6)}  status`);
const over = [];
for (const load of loads) {
  const budget = budgetOf(load.path);
  const ceiling = ceilings[load.path] ?? {};
  const status = [];
  for (const [key, unit] of [['brotli', 'B'], ['requests', ' requests']]) {
    const value = load[key];
    const limit = Math.max(budget[key], ceiling[key] ?? 0);
    if (value > budget[key]) status.push(`OVER ${key === 'brotli' ? `by ${value - budget[key]} B` : `(${value} > ${budget[key]} requests)`}`);
    if (value > limit) {
      problems.push(`${load.path}: ${value}${unit} > ${ceiling[key] ? `its ceiling ${ceiling[key]}` : `the budget ${budget[key]}`}${unit}`);
    } else if (ceiling[key] !== undefined && value <= budget[key]) {
      problems.push(`${load.path}: ${key} ${value}${unit} is within the budget now: remove its ${key} ceiling`);
    } else if (ceiling[key] !== undefined && value < ceiling[key] / (1 + SLACK) - (key === 'requests' ? 0 : 100)) {
      problems.push(`${load.path}: ${key} ${value}${unit} is well under its ceiling ${ceiling[key]}: lower it (--update-ceilings)`);
    }
  }
  if (status.length) over.push(load);
  console.log(`${padEnd(load.path, 26)} ${padEnd(load.module ?? '(main)', 13)} ${pad(load.raw, 9)} ${pad(load.gzip, 9)} ` +
    `${pad(load.brotli, 9)} ${pad(load.requests, 4)}  ${pad(`${budget.brotli / KB} KB`, 6)}  ` +
    `${status.length ? status.join(', ') : 'within'}${ceiling.brotli || ceiling.requests ? ' (ceiling)' : ''}`);
}
console.log('');
console.log(over.length
  ? `Over budget (${over.length} of ${loads.length} routes): ${over.map((l) => l.path).join(', ')}`
  : `Every route within budget (${loads.length} routes).`);


// What a whole visit fetches, page after page (each file once; the HTTP cache keeps it): a page's
// file carries all the code it needs (merge-parts.mjs), so moving on can fetch code again.
const VISITS = [
  ['applying', ['/', '/check', '/check/birth-date', '/apply/details', '/apply/confirmation/:id']],
  ['coming back', ['/sign-in', '/progress', '/loss']],
];
console.log('');
console.log('A whole visit, cold (every file fetched once):');
for (const [name, paths] of VISITS) {
  const seen = new Map();
  for (const path of paths) {
    const route = loads.find((l) => l.path === path);
    if (!route) throw new Error(`visit ${name}: ${path} is not a route`);
    for (const f of [...base, ...partsOf(route.module)]) seen.set(f.name, f);
  }
  const total = sum([...seen.values()]);
  console.log(`  ${padEnd(name, 12)} ${paths.join(' → ')}: ${total.brotli} B brotli in ${seen.size} files`);
}

if (update) {
  const next = {};
  for (const load of over) {
    const budget = budgetOf(load.path);
    next[load.path] = {};
    if (load.brotli > budget.brotli) next[load.path].brotli = Math.ceil((load.brotli * (1 + MARGIN)) / 100) * 100;
    if (load.requests > budget.requests) next[load.path].requests = load.requests;
  }
  // One route a line, so a change to a ceiling is a one-line diff.
  const lines = Object.entries(next).map(([path, c]) => `  ${JSON.stringify(path)}: ${JSON.stringify(c)}`);
  writeFileSync(CEILINGS, `{\n${lines.join(',\n')}\n}\n`);
  console.log(`wrote ${relative(root, CEILINGS)} (${Object.keys(next).length} routes over budget)`);
} else if (check) {
  if (problems.length) {
    console.error(`\nsize check failed (ceilings: ${relative(root, CEILINGS)}):`);
    problems.forEach((p) => console.error(`  ${p}`));
    process.exit(1);
  }
  console.log(`size check passed: no route over max(budget, its ceiling in ${relative(root, CEILINGS)})`);
}
