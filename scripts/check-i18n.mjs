// Fails when a text key is not used by the app: every key the text structs define is shown
// somewhere (tests do not count).
// The other half is the build's: build/locales.rs stops it when a locale file
// (src/i18n/locales/*.toml) lacks a key, adds one or changes a text's placeholders, and a key
// the structs do not have is a compile error. What the texts say (no character of the other
// Chinese script, no policy number typed in) is checked on the compiled tables by
// tests/locale_texts.rs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const structs = ['texts.rs', 'journey.rs', 'cities.rs', 'confirmation.rs', 'after.rs'];

function rustFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path.endsWith('/i18n') ? [] : rustFiles(path);
    return path.endsWith('.rs') ? [path] : [];
  });
}
const code = rustFiles(join(root, 'src')).map((p) => readFileSync(p, 'utf8')).join('\n');

const problems = [];
let keys = 0;
for (const file of structs) {
  const struct = `src/i18n/${file}`;
  const text = readFileSync(join(root, struct), 'utf8');
  const body = text.slice(text.indexOf('pub struct'));
  const fields = [...body.matchAll(/^\s+pub (\w+): /gm)].map((m) => m[1])
    // Not texts: the sub-tables' accessors and a table's own locale.
    .filter((f) => f !== 'journey' && f !== 'after' && f !== 'locale');
  keys += fields.length;
  for (const field of fields) {
    if (!new RegExp(`\\.${field}\\b`).test(code)) problems.push(`${struct}: \`${field}\` is not used by the app`);
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} i18n problem(s)`);
  process.exit(1);
}
console.log(`i18n: ${keys} keys, each used by the app`);
