#!/usr/bin/env bash
# Installs what the tests need and runs every test: unit (Vitest) and end-to-end (Playwright on a
# production build in Debian's Chromium). Ends with one line: `tests: N passed, M failed`.
set -uo pipefail
cd "$(dirname "$0")/.."

export NEXT_TELEMETRY_DISABLED=1

need=()
[ -x /usr/bin/chromium ] || need+=(chromium)
command -v nginx >/dev/null || need+=(nginx-light)
command -v wrk >/dev/null || need+=(wrk)
# xmllint validates the sitemaps against their XML schemas (lib/seo/xsd/).
command -v xmllint >/dev/null || need+=(libxml2-utils)
# redis-server backs the shared ISR cache in the multi-instance test (docs/deploy.md).
command -v redis-server >/dev/null || need+=(redis-server)
if [ ${#need[@]} -gt 0 ]; then
  echo "== installing Debian packages: ${need[*]}"
  if [ "$(id -u)" -eq 0 ]; then
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${need[@]}" >/dev/null || exit 1
  else
    echo "missing ${need[*]} and not root: install them with apt-get" >&2
    exit 1
  fi
fi

echo "== npm ci"
npm ci --no-audit --no-fund || exit 1

rm -rf reports && mkdir -p reports .e2e
status=0
step() {
  echo "== $1"
  shift
  "$@" || status=1
}

# A command that counts as one test in the closing line (reports/<name>.json; test-summary.mjs).
one_test() {
  local name="$1"
  shift
  echo "== $name"
  if "$@"; then
    echo '{"passed":1,"failed":0}' > "reports/$name.json"
  else
    echo '{"passed":0,"failed":1}' > "reports/$name.json"
    status=1
  fi
}

step "typecheck" npx tsc --noEmit
# Lint (architecture rules included), formatting and unused code: zero warnings allowed.
one_test lint npm run -s lint
one_test format npm run -s format:check
one_test knip npm run -s knip
# Every content file, as editors' CI runs it: a broken story fails the run (docs/editing.md).
step "content check" npm run -s content:check -- --report reports/content-check.json
step "unit tests" npx vitest run
echo "== production build"
if npm run -s build; then
  step "end-to-end tests" npx playwright test
else
  status=1
fi

# The seed story against the budgets of ADR 0006, on the build the end-to-end tests used.
one_test page-budgets npx tsx scripts/check-budgets.ts
# The bench in smoke mode (100 articles, 3 s loads) runs here so it cannot rot.
one_test bench-smoke npx tsx bench/run.ts --smoke
# Fault injection in smoke mode (rolling restart, kill -9, Redis paused and restarted, full disk;
# reports/faults-smoke.md): each case judged as in the bench.
one_test bench-faults-smoke npx tsx bench/faults.ts --smoke
# Live coverage under load in smoke mode (reports/live-smoke.md): no errors, every pushed update seen.
one_test bench-live-smoke npx tsx bench/live.ts --smoke
# The scale bench in smoke mode (200 stories, short loops; reports/bench-scale-smoke.md).
one_test bench-scale-smoke npx tsx bench/scale.ts --smoke

node scripts/test-summary.mjs || status=1
exit $status
