#!/usr/bin/env bash
# The site action's work, apart from setting up Node: what `site/action.yml` runs, and what
# test/site-action/build.test.ts runs over a temp repository. Inputs arrive as environment
# variables (never as `${{ }}` inside a script):
#   GITHUB_WORKSPACE  the repository to build (checked out with its whole history)
#   OKR_SITE          the address the site is published at, e.g. https://jane.github.io
#   OKR_BASE          its path under that address, e.g. /my-okrs/ (default /)
#   OKR_OUT           the output folder (default $RUNNER_TEMP/okr-site)
#   OKR_NOW           the day to build for, YYYY-MM-DD (default today)
#   OKR_CACHE_DIR     where the history cache and the site's build cache are kept (restored and
#                     saved by actions/cache);
#                     empty: the cache stays in the repository's git folder
# It runs gitops-okr's TypeScript sources from this checkout of the action (bin/okr.js runs src/
# when there is one; Node 24 strips the types of files outside node_modules), so the action
# needs no compile step, installed from the committed lockfile without the development
# dependencies.
set -euo pipefail

tool="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
repo="${GITHUB_WORKSPACE:?GITHUB_WORKSPACE is not set: the site action builds the repository checked out there}"
out="${OKR_OUT:-}"
if [ -z "$out" ]; then
  out="${RUNNER_TEMP:?set the out input or RUNNER_TEMP}/okr-site"
fi

fail() {
  # One annotation for the run's summary, the same words in the log.
  echo "::error title=gitops-okr site::$1"
  exit 1
}

case "$out" in
  *$'\n'*) fail "The out input holds a line break; give one folder." ;;
esac
if ! git -C "$repo" rev-parse --git-dir > /dev/null 2>&1; then
  fail "$repo is not a git repository: check out the repository first (actions/checkout with fetch-depth: 0)."
fi
if [ "$(git -C "$repo" rev-parse --is-shallow-repository)" = true ]; then
  fail "The repository is a shallow clone, so its OKR history is missing. Check it out with the whole history: actions/checkout with 'fetch-depth: 0'."
fi
if [ ! -d "$repo/okrs" ]; then
  fail "No okrs/ folder in $repo: start one with 'npx gitops-okr init --github'."
fi

echo "::group::Install gitops-okr $(node -p 'require(process.argv[1]).version' "$tool/package.json") (npm ci --omit=dev)"
# Astro is an optional peer dependency of the package (who only lints never installs it) and so
# a devDependency of this checkout. The site needs it: in this copy of the action, used once and
# thrown away, each peer dependency becomes a dependency, so that `npm ci --omit=dev` installs
# its locked version with the rest. Install scripts are not run: nothing here needs one.
node --input-type=module -e '
import { readFileSync, writeFileSync } from "node:fs";
const file = process.argv[1];
const manifest = JSON.parse(readFileSync(file, "utf8"));
for (const name of Object.keys(manifest.peerDependencies ?? {})) {
  const range = manifest.devDependencies?.[name];
  if (range === undefined) continue;
  manifest.dependencies = { ...manifest.dependencies, [name]: range };
  delete manifest.devDependencies[name];
}
writeFileSync(file, JSON.stringify(manifest, null, 2) + "\n");
' "$tool/package.json"
(cd "$tool" && npm ci --omit=dev --ignore-scripts --no-audit --no-fund)
echo "::endgroup::"

args=(build --repo "$repo" --out "$out" --base "${OKR_BASE:-/}")
if [ -n "${OKR_SITE:-}" ]; then args+=(--site "$OKR_SITE"); fi
if [ -n "${OKR_NOW:-}" ]; then args+=(--now "$OKR_NOW"); fi
if [ -n "${OKR_CACHE_DIR:-}" ]; then args+=(--cache-dir "$OKR_CACHE_DIR"); fi
node "$tool/bin/okr.js" "${args[@]}"

if [ -n "${GITHUB_OUTPUT:-}" ]; then
  echo "dir=$out" >> "$GITHUB_OUTPUT"
fi
