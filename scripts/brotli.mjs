// The brotli stream the server sends for a file, and that the size report counts: quality 11,
// the smaller of two input block sizes. At quality 11 brotli picks the block size itself, and
// on some wasm files its pick compresses badly: on 2026-11-30 a page's part grew by 1,651 B
// compressed for 188 B more input, and 64 KiB blocks (`lgblock` 16) made the same file 1,822 B
// smaller. Trying both costs about 7 s a build; the result stays deterministic.
import { brotliCompressSync, constants } from 'node:zlib';

/** The smaller of brotli's own block size and 64 KiB blocks, both at quality 11. */
export function brotli(data) {
  const params = { [constants.BROTLI_PARAM_QUALITY]: 11, [constants.BROTLI_PARAM_SIZE_HINT]: data.length };
  const own = brotliCompressSync(data, { params });
  const small = brotliCompressSync(data, { params: { ...params, [constants.BROTLI_PARAM_LGBLOCK]: 16 } });
  return small.length < own.length ? small : own;
}
