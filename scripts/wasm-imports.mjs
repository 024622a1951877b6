// The few WebAssembly binary edits merge-parts.mjs needs, on the module's sections only (code is
// never touched): read the import section, rename the module its imports come from, build a
// module that only re-exports imports, and drop a module's exports.
// Format: https://webassembly.github.io/spec/core/binary/modules.html

const HEADER = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);
const IMPORT_SECTION = 2;
const EXPORT_SECTION = 7;

/** Reads an unsigned LEB128 at `pos`: `[value, next position]`. */
function readLeb(bytes, pos) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const byte = bytes[pos++];
    if (byte === undefined) throw new Error('truncated LEB128');
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
    if ((byte & 0x80) === 0) return [value, pos];
  }
}

function leb(value) {
  const out = [];
  do {
    let byte = value % 128;
    value = Math.floor(value / 128);
    if (value > 0) byte |= 0x80;
    out.push(byte);
  } while (value > 0);
  return out;
}

function name(text) {
  const utf8 = Buffer.from(text, 'utf8');
  return [...leb(utf8.length), ...utf8];
}

function sections(bytes) {
  if (!Buffer.from(bytes.subarray(0, 8)).equals(Buffer.from(HEADER))) throw new Error('not a wasm module');
  const out = [];
  let pos = 8;
  while (pos < bytes.length) {
    const id = bytes[pos];
    const [size, start] = readLeb(bytes, pos + 1);
    out.push({ id, start: pos, body: bytes.subarray(start, start + size), end: start + size });
    pos = start + size;
  }
  return out;
}

function section(id, body) {
  return [id, ...leb(body.length), ...body];
}

/** Skips an import's type description (after its kind byte) at `pos`. */
function skipImportDesc(bytes, kind, pos) {
  const limits = (p) => {
    const flags = bytes[p];
    let [, q] = readLeb(bytes, p + 1);
    if (flags & 1) [, q] = readLeb(bytes, q);
    return q;
  };
  switch (kind) {
    case 0: return readLeb(bytes, pos)[1]; // function: type index
    case 1: return limits(pos + 1); // table: reference type, limits
    case 2: return limits(pos); // memory: limits
    case 3: return pos + 2; // global: value type, mutability
    case 4: return readLeb(bytes, pos + 1)[1]; // tag: attribute, type index
    default: throw new Error(`unknown import kind ${kind}`);
  }
}

/** The module's imports: `[{ module, field, kind, desc }]`, `desc` the raw type description. */
export function readImports(bytes) {
  const imports = [];
  for (const { id, body } of sections(bytes)) {
    if (id !== IMPORT_SECTION) continue;
    let [count, pos] = readLeb(body, 0);
    while (count-- > 0) {
      const [moduleLen, m] = readLeb(body, pos);
      const module = Buffer.from(body.subarray(m, m + moduleLen)).toString('utf8');
      const [fieldLen, f] = readLeb(body, m + moduleLen);
      const field = Buffer.from(body.subarray(f, f + fieldLen)).toString('utf8');
      const kind = body[f + fieldLen];
      const end = skipImportDesc(body, kind, f + fieldLen + 1);
      imports.push({ module, field, kind, desc: body.subarray(f + fieldLen + 1, end) });
      pos = end;
    }
  }
  return imports;
}

function importSection(imports) {
  const body = [...leb(imports.length)];
  for (const { module, field, kind, desc } of imports) body.push(...name(module), ...name(field), kind, ...desc);
  return section(IMPORT_SECTION, body);
}

/** The module with every import from `from` taken from module `to` instead. */
export function renameImportModule(bytes, from, to) {
  const imports = readImports(bytes).map((i) => (i.module === from ? { ...i, module: to } : i));
  return rebuild(bytes, (id) => (id === IMPORT_SECTION ? importSection(imports) : undefined));
}

/** The module without its export section. */
export function withoutExports(bytes) {
  return rebuild(bytes, (id) => (id === EXPORT_SECTION ? [] : undefined));
}

/** The module's size without custom sections (names, producers): what wasm-opt leaves of it. */
export function codeAndDataBytes(bytes) {
  return sections(bytes).filter((s) => s.id !== 0).reduce((t, s) => t + (s.end - s.start), 0);
}

/** The exported names of the module. */
export function exportNames(bytes) {
  const names = [];
  for (const { id, body } of sections(bytes)) {
    if (id !== EXPORT_SECTION) continue;
    let [count, pos] = readLeb(body, 0);
    while (count-- > 0) {
      const [len, p] = readLeb(body, pos);
      names.push(Buffer.from(body.subarray(p, p + len)).toString('utf8'));
      [, pos] = readLeb(body, p + len + 1);
    }
  }
  return names;
}

/** A module that imports `imports` and exports each under its field name. */
export function reexportModule(imports) {
  const exports = [...leb(imports.length)];
  const perKind = new Map();
  for (const { field, kind } of imports) {
    const index = perKind.get(kind) ?? 0;
    perKind.set(kind, index + 1);
    exports.push(...name(field), kind, ...leb(index));
  }
  return Uint8Array.from([...HEADER, ...importSection(imports), ...section(EXPORT_SECTION, exports)]);
}

function rebuild(bytes, replace) {
  const parts = [HEADER];
  for (const s of sections(bytes)) {
    const replacement = replace(s.id);
    parts.push(replacement === undefined ? bytes.subarray(s.start, s.end) : Uint8Array.from(replacement));
  }
  return Buffer.concat(parts.map((p) => Buffer.from(p)));
}

const DATA_SECTION = 11;
const NAME_SUBSECTION_DATA = 9;

/**
 * The module's data segments: `[{ name, bytes }]`, `name` from the name section (`null` when
 * the module does not name it) and `bytes` the length of its content.
 */
export function dataSegments(bytes) {
  const all = sections(bytes);
  const segments = [];
  for (const { id, body } of all) {
    if (id !== DATA_SECTION) continue;
    let [count, pos] = readLeb(body, 0);
    while (count-- > 0) {
      let flags;
      [flags, pos] = readLeb(body, pos);
      if (flags === 2) [, pos] = readLeb(body, pos); // memory index
      if (flags !== 1) pos = skipConstExpr(body, pos); // active: offset expression
      const [len, start] = readLeb(body, pos);
      segments.push({ name: null, bytes: len });
      pos = start + len;
    }
  }
  for (const { id, body } of all) {
    if (id !== 0) continue;
    const [nameLen, p] = readLeb(body, 0);
    if (Buffer.from(body.subarray(p, p + nameLen)).toString('utf8') !== 'name') continue;
    let pos = p + nameLen;
    while (pos < body.length) {
      const sub = body[pos];
      const [size, start] = readLeb(body, pos + 1);
      if (sub === NAME_SUBSECTION_DATA) {
        let [count, q] = readLeb(body, start);
        while (count-- > 0) {
          const [index, r] = readLeb(body, q);
          const [len, s] = readLeb(body, r);
          if (segments[index]) segments[index].name = Buffer.from(body.subarray(s, s + len)).toString('utf8');
          q = s + len;
        }
      }
      pos = start + size;
    }
  }
  return segments;
}

/** Skips a constant expression (an offset): instructions up to `end` (0x0b). */
function skipConstExpr(bytes, pos) {
  for (;;) {
    const op = bytes[pos++];
    if (op === 0x0b) return pos;
    if (op === 0x41 || op === 0x42 || op === 0x23) [, pos] = readLeb(bytes, pos); // i32/i64.const, global.get
    else throw new Error(`unexpected instruction 0x${op.toString(16)} in a data segment offset`);
  }
}
