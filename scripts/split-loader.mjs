// Reads the split loader wasm-split writes (`__wasm_split.js`): which wasm file each split point
// (a group of pages, src/routes.json) needs, with the shared parts it depends on. Used by
// route-parts.mjs (the page loader's prefetch table) and size-report.mjs (first loads per page).
import { readFileSync } from 'node:fs';

/** Returns `files(point)`: the wasm file names (relative to the loader) split point `point` loads. */
export function readSplitLoader(path) {
  const js = readFileSync(path, 'utf8');
  // Each entry: `const <name> = [wrapAsyncCb(]makeLoad(() => { const src = fetch(new URL("./<file>" …), [<deps>])`.
  const re = /const (__\w+) = (?:wrapAsyncCb\()?makeLoad\(\(\) => \{\s*const src = fetch\(new URL\("\.\/([\w.]+)"[\s\S]*?\n, \[([^\]]*)\]/g;
  const entries = new Map();
  for (const [, name, file, deps] of js.matchAll(re)) {
    entries.set(name, { file, deps: deps.split(',').map((d) => d.trim()).filter(Boolean) });
  }
  return function files(point) {
    const seen = new Set();
    const visit = (name) => {
      const entry = entries.get(name);
      if (!entry || seen.has(entry.file)) return;
      seen.add(entry.file);
      entry.deps.forEach(visit);
    };
    visit(`__wasm_split_load_${point}`);
    return [...seen];
  };
}
