// The first-load budget of every route (developers' guide: cold from a deep link, brotli), used
// by size-report.mjs to judge a build and by merge-parts.mjs to decide how many wasm files a page
// may need.

const KB = 1024;

/** Every route but the start page. */
export const BUDGET = { brotli: 200 * KB, requests: 12 };
/** The start page `/`. */
export const START_BUDGET = { brotli: 150 * KB, requests: 12 };

/**
 * Files every first load fetches: index.html, the two style sheets, the favicon, the JS glue, the
 * split loader and the main wasm. size-report.mjs fails when a build differs, so the number of
 * wasm parts left for a page (below) never rests on a stale count.
 */
export const EVERY_LOAD_FILES = 7;

/** Wasm files a lazily loaded page may add to its first load: its own part and shared parts. */
export const PAGE_PART_FILES = BUDGET.requests - EVERY_LOAD_FILES;
