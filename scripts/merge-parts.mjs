// Packs wasm-split's output so that a page's first load fetches its own code in one file, with
// no code it does not need, within the request budget (budget.mjs).
//
// Why: wasm-split (scripts/build-wasm.sh) gives every set of split points that shares code a
// file of its own (`chunk_<n>.wasm`; its comment in `__wasm_split.js` names the set). With a
// split point per page that is dozens to hundreds of small files per page, and each is a request.
//
// How: a shared part whose only data is read-only (functions and `.rodata`) is copied into the
// file of every split point that needs it (`split_<point>.wasm`). Every part imports only the
// main module's memory, function table and stack pointer (module `__wasm_split`) and installs its
// functions at fixed slots of that table, so a second copy installs the same functions at the
// same slots and rewrites the same constant bytes: loading it twice is harmless. A part with
// writable data (`.data`, `.bss`) must be loaded once, or the second load would reset that data;
// those stay shared files, merged until no page needs more than the budget allows (each merge
// the one adding the fewest bytes to pages that did not need them).
//
// The price is bytes fetched again when a visitor moves to another page that needs the same
// code; the first load of every page, which the budget is about, carries only its own code.
// The files are merged with binaryen's wasm-merge: each part is renamed to import from one small
// module that re-exports the main module's imports, merged with it, and the exports dropped again.
//
// Usage: node scripts/merge-parts.mjs <directory with __wasm_split.js and the parts>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync, unlinkSync, mkdtempSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { tmpdir } from 'node:os';
import { PAGE_PART_FILES } from './budget.mjs';
import {
  readImports, renameImportModule, reexportModule, withoutExports, exportNames, codeAndDataBytes, dataSegments,
} from './wasm-imports.mjs';

const [dir] = process.argv.slice(2);
if (!dir) throw new Error('usage: merge-parts.mjs <split output directory>');
const loaderPath = join(dir, '__wasm_split.js');
let loader = readFileSync(loaderPath, 'utf8');
// A page's own file is one of its files.
const maxShared = PAGE_PART_FILES - 1;

// The shared parts: `/* a, b */\nconst __chunk_<n> = makeLoad(… "./chunk_<n>.wasm" …, []);`
const chunkRe = /\/\* [^*]* \*\/\nconst (__chunk_\d+) = makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(chunk_\d+\.wasm)"[\s\S]*?\n, \[\]\);\n/g;
// The split points: `export const __wasm_split_load_<point> = wrapAsyncCb(makeLoad(… "./split_<point>.wasm" …, [deps]));`
const splitRe = /(export const __wasm_split_load_(\w+) = wrapAsyncCb\(makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/(split_\w+\.wasm)"[\s\S]*?\n, \[)([^\]]*)(\]\)\);)/g;

const chunks = new Map(); // loader name -> { name, file, points: Set, bytes, writable }
for (const [, name, file] of loader.matchAll(chunkRe)) {
  const bytes = readFileSync(join(dir, file));
  const writable = dataSegments(bytes).some((s) => s.bytes > 0 && !(s.name ?? '').startsWith('.rodata'));
  chunks.set(name, { name, file, points: new Set(), bytes: codeAndDataBytes(bytes), writable });
}
const points = new Map(); // split point -> { file, chunks: [loader names] }
for (const [, , point, file, deps] of loader.matchAll(splitRe)) {
  const names = deps.split(',').map((d) => d.trim()).filter(Boolean);
  for (const name of names) {
    const chunk = chunks.get(name);
    if (!chunk) throw new Error(`split point ${point} depends on ${name}, which the loader does not define`);
    chunk.points.add(point);
  }
  points.set(point, { file, chunks: names });
}
if (points.size === 0) throw new Error(`no split points in ${loaderPath}`);

// The writable parts, merged greedily while a split point needs more of them than allowed.
let groups = [...chunks.values()].filter((c) => c.writable)
  .map((c) => ({ members: [c], points: new Set(c.points), bytes: c.bytes }));
const sharedFiles = (point) => groups.filter((g) => g.points.has(point)).length;
for (;;) {
  const over = [...points.keys()].filter((p) => sharedFiles(p) > maxShared);
  if (over.length === 0) break;
  let best = null;
  for (const point of over) {
    const mine = groups.filter((g) => g.points.has(point));
    for (let i = 0; i < mine.length; i++) {
      for (let j = i + 1; j < mine.length; j++) {
        const [a, b] = [mine[i], mine[j]];
        const added = a.bytes * [...b.points].filter((p) => !a.points.has(p)).length +
          b.bytes * [...a.points].filter((p) => !b.points.has(p)).length;
        if (!best || added < best.added) best = { added, a, b };
      }
    }
  }
  groups = groups.filter((g) => g !== best.a && g !== best.b);
  groups.push({ members: [...best.a.members, ...best.b.members], points: new Set([...best.a.points, ...best.b.points]),
    bytes: best.a.bytes + best.b.bytes });
}
const number = (name) => Number(name.split('_').pop());
for (const g of groups) g.members.sort((x, y) => number(x.name) - number(y.name));
const fileOf = new Map(groups.flatMap((g) => g.members.map((m) => [m.name, g.members[0].name])));

// The features the app's wasm uses (README, Browsers). Named one by one: wasm-merge does not
// detect them, and with --all-features it would write binaryen's compact import encoding, which
// no browser reads.
const FEATURES = ['sign-ext', 'mutable-globals', 'nontrapping-float-to-int', 'bulk-memory', 'bulk-memory-opt',
  'reference-types'].map((f) => `--enable-${f}`);
const HOST = 'sscard_parts_host';
const work = mkdtempSync(join(tmpdir(), 'merge-parts-'));
const run = (tool, args) => execFileSync(tool, args, { stdio: ['ignore', 'ignore', 'inherit'] });

/** Merges the wasm files `files` (names in `dir`) into `dir/into`. */
function mergeFiles(files, into) {
  const imports = [];
  const args = [];
  files.forEach((file, i) => {
    const bytes = readFileSync(join(dir, file));
    for (const imp of readImports(bytes)) {
      if (imp.module !== '__wasm_split') throw new Error(`${file} imports from ${imp.module}, not only the main module`);
      if (!imports.some((k) => k.field === imp.field && k.kind === imp.kind)) imports.push(imp);
    }
    if (exportNames(bytes).length > 0) throw new Error(`${file} has exports; merge-parts.mjs expects none`);
    const renamed = join(work, `${i}.wasm`);
    writeFileSync(renamed, renameImportModule(bytes, '__wasm_split', HOST));
    args.push(renamed, `part${i}`);
  });
  const host = join(work, 'host.wasm');
  writeFileSync(host, reexportModule(imports));
  const merged = join(work, 'merged.wasm');
  run('wasm-merge', [host, HOST, ...args, ...FEATURES, '-o', merged]);
  // wasm-merge drops the parts' target features section, which the later wasm-opt -Oz reads.
  run('wasm-opt', [merged, ...FEATURES, '--emit-target-features', '-o', merged]);
  writeFileSync(join(dir, into), withoutExports(readFileSync(merged)));
}

try {
  for (const { file, chunks: names } of points.values()) {
    const copied = names.filter((n) => !chunks.get(n).writable).map((n) => chunks.get(n).file);
    if (copied.length > 0) mergeFiles([file, ...copied], file);
  }
  for (const g of groups) if (g.members.length > 1) mergeFiles(g.members.map((m) => m.file), g.members[0].file);
  for (const c of chunks.values()) if (fileOf.get(c.name) !== c.name) unlinkSync(join(dir, c.file));
} finally {
  rmSync(work, { recursive: true, force: true });
}

// The loader: an entry for each shared file left, and each split point's dependencies by file.
loader = loader.replace(chunkRe, (block, name) => {
  if (fileOf.get(name) !== name) return '';
  const group = groups.find((g) => g.members[0].name === name);
  return block.replace(/^\/\* [^*]* \*\//, `/* ${[...group.points].sort().join(', ')} */`);
});
loader = loader.replace(splitRe, (_, head, point, file, deps, tail) => {
  const files = [...new Set(points.get(point).chunks.filter((n) => fileOf.has(n)).map((n) => fileOf.get(n)))];
  return head + files.sort((x, y) => number(x) - number(y)).join(', ') + tail;
});
writeFileSync(loaderPath, loader);

const copies = [...chunks.values()].filter((c) => !c.writable);
console.log(`wasm parts: ${copies.length} read-only shared parts copied into the ${points.size} pages' files, ` +
  `${chunks.size - copies.length} writable ones in ${groups.length} shared files ` +
  `(at most ${Math.max(0, ...[...points.keys()].map(sharedFiles))} per page, limit ${maxShared})`);
