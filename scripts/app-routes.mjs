// The app's route table: src/routes.json, the one list of pages that build.rs turns into the
// Rust router (src/routes.rs). route-parts.mjs (the page loader's prefetch table) and
// size-report.mjs (the first load of every route) both read it through here.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Returns `[{ path, route, module }]` in the router's order: `path` as written
 * (`/apply/confirmation/:id`), `route` the `Page` variant and `module` its wasm-split point, or
 * `null` for a page in the main module.
 */
export function appRoutes(root = '.') {
  const { pages } = JSON.parse(readFileSync(join(root, 'src/routes.json'), 'utf8'));
  const routes = pages.map(({ page, path, part }) => ({ path, route: page, module: part ?? null }));
  if (!routes.some((r) => r.module)) throw new Error('no lazily loaded pages in src/routes.json');
  return routes;
}

/** A regular expression source matching the paths of `path` (`:id` segments match any segment). */
export function pathPattern(path) {
  return '^' + path.replace(/:\w+/g, '[^/]+') + '$';
}
