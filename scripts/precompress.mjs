// Writes `<file>.br` (brotli quality 11, see brotli.mjs) and `<file>.gz` (gzip -9) next to every compressible
// file under a directory, for the server to send as they are. Usage: node scripts/precompress.mjs DIR
import { readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { brotli } from './brotli.mjs';

const COMPRESSIBLE = /\.(wasm|js|css|html|svg|json)$/;
const MIN_BYTES = 1024; // smaller files gain nothing from a second round trip's worth of bytes

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

let count = 0;
for (const path of walk(process.argv[2])) {
  if (!COMPRESSIBLE.test(path)) continue;
  const data = readFileSync(path);
  if (data.length < MIN_BYTES) continue;
  writeFileSync(`${path}.br`, brotli(data));
  writeFileSync(`${path}.gz`, gzipSync(data, { level: 9 }));
  count += 1;
}
console.log(`precompressed ${count} files (brotli 11, gzip 9)`);
