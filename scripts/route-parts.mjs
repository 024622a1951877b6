// Prints, as JSON, which lazily loaded wasm files each route and each language needs:
// { routes: [[path regex, split point], …], parts: { split point: [files] }, locales: { tag: [files] } }.
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
// The parts of each language but zh-Hans (src/i18n/parts.rs: split point `locale_<tag>`), by
// the tag the app remembers (src/i18n.rs), so a remembered language comes with the main module.
const locales = {};
for (const tag of ['zh-Hant', 'en']) {
  locales[tag] = files('locale_' + tag.toLowerCase().replace('-', '_'));
  if (locales[tag].length === 0) throw new Error(`no wasm part for locale ${tag} in ${loaderPath}`);
}
process.stdout.write(JSON.stringify({ routes, parts, locales }));
