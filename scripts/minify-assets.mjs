// Minifies what every first load fetches besides the wasm: the app's JS glue and the style
// sheets (release builds; scripts/build-wasm.sh). Brotli already squeezes whitespace, but not the
// comments and long local names: minified, the glue is 1.7 KB and the two style sheets 1.4 KB
// smaller in brotli.
//
// Trunk has hashed each style sheet's name from its source and put a Subresource Integrity hash
// in index.html's <link>: both are written again here from the served (minified) bytes. The glue's
// exports and the import object's keys the wasm links against are properties, which are never
// renamed. The split loader is left as written: the size report and the page loader's route
// table read it.
//
// The page itself (index.html, once the loader is in) loses its comments and its inline scripts
// are minified: 0.8 KB less in brotli. The server hashes the inline scripts for its
// Content-Security-Policy from the file it serves, so the hashes follow.
//
// Usage: node scripts/minify-assets.mjs assets <staging dir with index.html and the CSS> <glue .js>
//        node scripts/minify-assets.mjs page <index.html>
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { transformSync } from 'esbuild';

const [mode, ...args] = process.argv.slice(2);
const usage = 'usage: minify-assets.mjs assets <staging dir> <glue .js> | page <index.html>';

const minified = (text, loader) => transformSync(text, { loader, minify: true, logLevel: 'warning' }).code;
const minify = (path, loader) => {
  const code = minified(readFileSync(path, 'utf8'), loader);
  writeFileSync(path, code);
  return code;
};

if (mode === 'page' && args.length === 1) {
  const [page] = args;
  const html = readFileSync(page, 'utf8')
    .replace(/<!--[\s\S]*?-->/g, '')
    // Classic and module scripts alike: with no output format given, esbuild keeps top-level
    // names (another script may use them) and `await`.
    .replace(/(<script(?: type="module")?>)([\s\S]*?)(<\/script>)/g,
      (_, open, code, close) => open + minified(code, 'js').trim() + close);
  writeFileSync(page, html);
  process.exit(0);
}
if (mode !== 'assets' || args.length !== 2) throw new Error(usage);
const [staging, glue] = args;

minify(glue, 'js');

const indexPath = join(staging, 'index.html');
let html = readFileSync(indexPath, 'utf8');
for (const name of readdirSync(staging).filter((n) => n.endsWith('.css'))) {
  const css = minify(join(staging, name), 'css');
  // Named again by the served bytes' hash, so a name never stands for two contents (a cached
  // copy of an older minification would fail its new integrity check).
  const renamed = name.replace(/-[0-9a-f]+\.css$/, `-${createHash('sha256').update(css).digest('hex').slice(0, 16)}.css`);
  if (!/-[0-9a-f]+\.css$/.test(name)) throw new Error(`${name} has no -<hash>.css name to replace`);
  if (renamed !== name) renameSync(join(staging, name), join(staging, renamed));
  const link = new RegExp(`(<link[^>]*href="/)${name.replace(/[.]/g, '\\.')}("[^>]*integrity=")sha384-[^"]+(")`);
  if (!link.test(html)) throw new Error(`index.html has no <link> with an integrity hash for ${name}`);
  const sri = `sha384-${createHash('sha384').update(css).digest('base64')}`;
  html = html.replace(link, `$1${renamed}$2${sri}$3`);
}
writeFileSync(indexPath, html);
