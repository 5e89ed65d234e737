#!/usr/bin/env bash
# e2e.sh runs the web UI's end-to-end tests: playwright-core drives Debian's
# Chromium headless against `callscope serve` on the demo calls (the shipped
# testdata/calls, analysed into a fresh data directory), with users of each
# role made by `callscope users add`. Screenshots land in web/e2e/artifacts/.
#
# Needs bin/callscope built with the UI (make build); make e2e and make test
# run it. Skips, saying why, when Chromium is not installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
bin="$root/bin/callscope"
chromium="${CHROMIUM:-/usr/bin/chromium}"

skip() { printf 'e2e: SKIP: %s\n' "$*" >&2; exit 0; }
[ -x "$chromium" ] || skip "$chromium not found (scripts/setup.sh apt installs Debian's chromium)"
[ -x "$bin" ] || { echo "e2e: $bin missing: run make build" >&2; exit 1; }
if ! "$bin" serve --help >/dev/null 2>&1; then
  skip "this callscope has no serve command yet (issue 14)"
fi

[ -f "$root/web/e2e/run.mjs" ] || skip "web/e2e/run.mjs not written yet"
CALLSCOPE_BIN="$bin" CHROMIUM="$chromium" exec node "$root/web/e2e/run.mjs" "$@"
