// The app's route table, read from the source: every `<Route path=path!("…") view=…>` in
// src/app.rs, with the wasm-split point (src/lazy_routes.rs: `XRoute(module::page)`) of each lazily
// loaded page. The one list route-parts.mjs (the page loader's prefetch table) and
// size-report.mjs (the first load of every route) both use.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * Returns `[{ path, route, module }]` in the order of src/app.rs: `path` as written
 * (`/apply/confirmation/:id`), `route` the view (`HomePage` or the `LazyRoute` type) and `module`
 * its split point, or `null` for a page in the main module.
 */
export function appRoutes(root = '.') {
  const app = readFileSync(join(root, 'src/app.rs'), 'utf8');
  const lazy = readFileSync(join(root, 'src/lazy_routes.rs'), 'utf8');
  const moduleOf = new Map([...lazy.matchAll(/(\w+)\((\w+)::\w+\) =>/g)].map(([, route, module]) => [route, module]));
  const routes = [];
  for (const [, path, view] of app.matchAll(/<Route path=path!\("([^"]+)"\) view=(\{[^}]*\}|\w+)/g)) {
    const lazyRoute = view.match(/^\{Lazy::<(\w+)>::new\(\)\}$/);
    if (lazyRoute && !moduleOf.has(lazyRoute[1])) {
      throw new Error(`${lazyRoute[1]} has no split point in src/lazy_routes.rs`);
    }
    routes.push({ path, route: lazyRoute ? lazyRoute[1] : view, module: lazyRoute ? moduleOf.get(lazyRoute[1]) : null });
  }
  if (!routes.some((r) => r.module)) throw new Error('no lazy routes found in src/app.rs');
  return routes;
}

/** A regular expression source matching the paths of `path` (`:id` segments match any segment). */
export function pathPattern(path) {
  return '^' + path.replace(/:\w+/g, '[^/]+') + '$';
}
