// Puts the page loader (scripts/loader.html) into the built index.html, at its
// `<!-- sscard:loader -->` marker: `__DIR__` becomes the wasm directory (`app-<hash>`) and
// `__ROUTE_PARTS__` the prefetch table route-parts.mjs prints for that build. Trunk's skipped
// rel="rust" link goes: it has no use in the page.
//
// Usage: node scripts/insert-loader.mjs <index.html> <app-hash directory name> <__wasm_split.js>
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const [indexPath, dir, splitLoader] = process.argv.slice(2);
if (!indexPath || !/^app-[0-9a-f]+$/.test(dir ?? '') || !splitLoader) {
  throw new Error('usage: insert-loader.mjs <index.html> <app-hash directory> <__wasm_split.js>');
}
const here = dirname(fileURLToPath(import.meta.url));
const routeParts = execFileSync(process.execPath, [join(here, 'route-parts.mjs'), splitLoader], { encoding: 'utf8' });
const loader = readFileSync(join(here, 'loader.html'), 'utf8')
  .trimEnd()
  .replaceAll('__DIR__', dir)
  .replace('__ROUTE_PARTS__', () => routeParts);
const html = readFileSync(indexPath, 'utf8');
const marker = '<!-- sscard:loader -->';
if (!html.includes(marker)) throw new Error(`${indexPath} has no ${marker} marker`);
writeFileSync(indexPath, html.replace(marker, () => loader).replace(/<link data-trunk[^>]*>\n?/g, ''));
