// Prints, as JSON, which lazily loaded wasm files each route needs:
// { routes: [[path regex, split point], …], parts: { split point: [files] } }.
// Read from the routes (src/app.rs: `path!("…") view={Lazy::<XRoute>::new()}`), the split
// point of each route type (src/lazy_routes.rs: `XRoute(module::page)`), and the split loader
// wasm-split wrote (its `makeLoad(… "./file.wasm" …, [deps])` entries), so the page loader can
// fetch a deep-linked page's parts alongside the main module instead of after it.
// Usage: node scripts/route-parts.mjs <__wasm_split.js>
import { readFileSync } from 'node:fs';
import { readSplitLoader } from './split-loader.mjs';

const [loaderPath] = process.argv.slice(2);
const app = readFileSync('src/app.rs', 'utf8');
const lazy = readFileSync('src/lazy_routes.rs', 'utf8');

const moduleOf = new Map([...lazy.matchAll(/(\w+)\((\w+)::\w+\) =>/g)].map(([, route, module]) => [route, module]));
const files = readSplitLoader(loaderPath);

const routes = [];
const parts = {};
for (const [, path, route] of app.matchAll(/path!\("([^"]+)"\) view=\{Lazy::<(\w+)>::new\(\)\}/g)) {
  const module = moduleOf.get(route);
  if (!module) throw new Error(`${route} has no split point in src/lazy_routes.rs`);
  parts[module] ??= files(module);
  if (parts[module].length === 0) throw new Error(`no wasm part for split point ${module} in ${loaderPath}`);
  routes.push(['^' + path.replace(/:\w+/g, '[^/]+') + '$', module]);
}
if (routes.length === 0) throw new Error('no lazy routes found in src/app.rs');
process.stdout.write(JSON.stringify({ routes, parts }));
