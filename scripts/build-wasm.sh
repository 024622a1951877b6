#!/usr/bin/env bash
# Trunk post_build hook (Trunk.toml): builds the app's wasm split into lazily loaded parts and
# puts it, with its loader, into Trunk's staging directory.
#
# Trunk 0.21.14 cannot split a wasm module (trunk-rs/trunk#1022), so this does what its Rust
# pipeline would, plus the split:
#   1. cargo builds the app with the `split` feature and `--emit-relocs` (wasm-split needs the
#      relocations to tell what each split point uses);
#   2. wasm-split-cli moves each page's own code into `split_<page>.wasm` and writes the
#      `__wasm_split.js` loader that fetches them; merge-parts.mjs merges the parts several
#      pages share until no page needs more files than the request budget allows;
#   3. wasm-bindgen generates the JS glue for the main module (keeping the exports the parts
#      link against);
#   4. in release, wasm-opt -Oz shrinks every wasm file and esbuild the JS glue and the CSS;
#   5. everything goes into `app-<hash>/` (the hash of its content, so names stay immutable
#      and cacheable while the modules still find each other by relative name), and the loader
#      script replaces the `<!-- sscard:loader -->` marker in index.html.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
cd "$ROOT"

staging="${TRUNK_STAGING_DIR:?run by Trunk as a post_build hook}"
profile="${TRUNK_PROFILE:-release}"
target_dir="${CARGO_TARGET_DIR:-$ROOT/target}"
work="$target_dir/split-wasm"
rm -rf "$work"
mkdir -p "$work/split" "$work/out"

profile_flag=()
[ "$profile" = release ] && profile_flag=(--release)
cargo rustc --quiet --offline --locked "${profile_flag[@]}" --target wasm32-unknown-unknown \
  --features split --bin sscard -- -Clink-arg=--emit-relocs

wasm-split-cli "$target_dir/wasm32-unknown-unknown/$profile/sscard.wasm" "$work/split" \
  --target web --out-name sscard
# Fewer, larger shared parts, so no page needs more files than the request budget allows.
node "$ROOT/scripts/merge-parts.mjs" "$work/split" 2> >(grep -v 'unknown name subsection' >&2)
wasm-bindgen --target web --keep-lld-exports --no-demangle --no-typescript \
  --out-name sscard --out-dir "$work/out" "$work/split/sscard.wasm"
# The parts: one per page (split_<page>.wasm) and the code some pages share (chunk_<n>.wasm).
find "$work/split" -name '*.wasm' ! -name sscard.wasm -exec cp {} "$work/out/" \;
cp "$work/split/__wasm_split.js" "$work/out/"

if [ "$profile" = release ]; then
  # Two at a time (CI has two cores); the main module first, it takes longest.
  # wasm-opt warns about every part's name section (wasm-split writes a subsection it does not
  # know); the names are dropped anyway.
  ls -S "$work/out/"*.wasm | xargs -P 2 -I{} wasm-opt -Oz --quiet {} -o {} \
    2> >(grep -v 'unknown name subsection' >&2)
  # The JS glue and the style sheets, on every first load, minified (with their integrity hashes).
  node "$ROOT/scripts/minify-assets.mjs" assets "$staging" "$work/out/sscard.js"
fi

hash="$(cat "$work/out/"* | sha256sum | cut -c1-16)"
dir="app-$hash"
mkdir -p "$staging/$dir"
cp "$work/out/"* "$staging/$dir/"

# The page loader (scripts/loader.html, put in by insert-loader.mjs), in two scripts. The
# classic one runs while the page is parsed and, unless the page's content has a static shell
# (boot.js sets data-prerender to "/" or "/check"), starts the downloads at once: the main
# module, and a deep-linked page's own parts (scripts/route-parts.mjs) and a remembered
# language's parts (zh-Hant, English), which are immutable, so the split loader's later fetch of
# the same URL is answered from the HTTP cache. With a content shell the downloads start only
# after the shell has been painted, so the first paint never competes with the wasm. The module
# script (deferred, so it also waits for the CSS) starts the app. The JS glue and the split
# loader it imports are fetched at once (modulepreload), not one after the other. boot.js
# listens for TrunkApplicationStarted and for errors.
node "$ROOT/scripts/insert-loader.mjs" "$staging/index.html" "$dir" "$work/out/__wasm_split.js"
if [ "$profile" = release ]; then
  node "$ROOT/scripts/minify-assets.mjs" page "$staging/index.html"
fi
echo "wasm: $dir ($(ls "$staging/$dir" | grep -c '^split_.*\.wasm$') pages and $(ls "$staging/$dir" | grep -c '^chunk_.*\.wasm$') shared parts loaded lazily)"

if [ "$profile" = release ]; then
  # Brotli (quality 11) and gzip copies next to every file, which the server sends as they are
  # (tower-http precompressed_br/_gzip): on-the-fly compression uses a lower quality (about 20%
  # bigger for the main module).
  node "$ROOT/scripts/precompress.mjs" "$staging"
fi
