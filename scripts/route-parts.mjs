// Prints, as JSON, which lazily loaded wasm files each route and each language needs:
// { routes: [[path regex, split point], …], parts: { split point: [files] }, locales: { tag: [files] } }.
// Read from the route table (app-routes.mjs: src/routes.json) and the split
// loader wasm-split wrote (its `makeLoad(… "./file.wasm" …, [deps])` entries), so the page loader
// can fetch a deep-linked page's parts alongside the main module instead of after it.
// Usage: node scripts/route-parts.mjs <__wasm_split.js>
import { appRoutes, pathPattern } from './app-routes.mjs';
import { readSplitLoader } from './split-loader.mjs';

const [loaderPath] = process.argv.slice(2);
const files = readSplitLoader(loaderPath);

const routes = [];
const parts = {};
for (const { path, module } of appRoutes()) {
  if (!module) continue;
  parts[module] ??= files(module);
  if (parts[module].length === 0) throw new Error(`no wasm part for split point ${module} in ${loaderPath}`);
  routes.push([pathPattern(path), module]);
}
if (routes.length === 0) throw new Error('no lazily loaded pages in src/routes.json');
// The parts of each language but zh-Hans (src/i18n/parts.rs: split point `locale_<tag>`), by
// the tag the app remembers (src/i18n.rs), so a remembered language comes with the main module.
const locales = {};
for (const tag of ['zh-Hant', 'en']) {
  locales[tag] = files('locale_' + tag.toLowerCase().replace('-', '_'));
  if (locales[tag].length === 0) throw new Error(`no wasm part for locale ${tag} in ${loaderPath}`);
}
process.stdout.write(JSON.stringify({ routes, parts, locales }));
