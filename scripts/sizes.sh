#!/bin/sh
# Trunk post-build hook: the size of each wasm and JS file of the build, raw and gzipped.
dir="${TRUNK_STAGING_DIR:-dist}"
total=0; totalgz=0
for f in "$dir"/*.wasm "$dir"/*.js; do
  [ -f "$f" ] || continue
  raw=$(wc -c < "$f"); gz=$(gzip -9c "$f" | wc -c)
  total=$((total + raw)); totalgz=$((totalgz + gz))
  printf 'partnerlens build: %-40s %8d bytes raw, %8d bytes gzip\n' "$(basename "$f")" "$raw" "$gz"
done
printf 'partnerlens build: %-40s %8d bytes raw, %8d bytes gzip\n' "total (wasm + js)" "$total" "$totalgz"
