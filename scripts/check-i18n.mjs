// Fails when a text key is unused by the app or missing from a locale table.
// A key missing from a locale is also a compile error (each locale is a `static` of the struct);
// this adds the other half: every key defined is shown somewhere (tests do not count).
// What the texts say (none empty, the same placeholders in every locale, no character of the
// other Chinese script) is checked on the compiled tables by tests/locale_texts.rs.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const sections = [
  { struct: 'src/i18n/texts.rs', locales: ['src/i18n/zh_hans.rs', 'src/i18n/zh_hant.rs', 'src/i18n/en.rs'] },
  { struct: 'src/i18n/journey.rs', locales: ['src/i18n/journey/zh_hans.rs', 'src/i18n/journey/zh_hant.rs', 'src/i18n/journey/en.rs'] },
  { struct: 'src/i18n/cities.rs', locales: ['src/i18n/cities/zh_hans.rs', 'src/i18n/cities/zh_hant.rs', 'src/i18n/cities/en.rs'] },
  { struct: 'src/i18n/confirmation.rs', locales: ['src/i18n/confirmation/zh_hans.rs', 'src/i18n/confirmation/zh_hant.rs', 'src/i18n/confirmation/en.rs'] },
  { struct: 'src/i18n/after.rs', locales: ['src/i18n/after/zh_hans.rs', 'src/i18n/after/zh_hant.rs', 'src/i18n/after/en.rs'] },
];

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
for (const { struct, locales } of sections) {
  const text = readFileSync(join(root, struct), 'utf8');
  const body = text.slice(text.indexOf('pub struct'));
  const fields = [...body.matchAll(/^\s+pub (\w+): /gm)].map((m) => m[1])
    // Not texts: the sub-tables' accessors and a table's own locale.
    .filter((f) => f !== 'journey' && f !== 'after' && f !== 'locale');
  keys += fields.length;
  for (const field of fields) {
    if (!new RegExp(`\\.${field}\\b`).test(code)) problems.push(`${struct}: \`${field}\` is not used by the app`);
    for (const locale of locales) {
      const table = readFileSync(join(root, locale), 'utf8');
      if (!new RegExp(`^\\s+${field}:`, 'm').test(table)) problems.push(`${locale}: \`${field}\` is missing`);
    }
  }
}
if (problems.length) {
  console.error(problems.join('\n'));
  console.error(`${problems.length} i18n problem(s)`);
  process.exit(1);
}
console.log(`i18n: ${keys} keys, each used and present in zh-Hans, zh-Hant and en`);
