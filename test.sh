#!/usr/bin/env bash
# Runs every test of the solution (unit, integration, browser) and prints one summary line.
# Browser tests need Debian's Chromium at /usr/bin/chromium (.ci/run installs it).
# There are no PostgreSQL tests yet: the app runs on SQLite only.
set -uo pipefail
cd "$(dirname "$0")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

results="artifacts/test-results"
rm -rf "$results"

dotnet build Ambulo.slnx -c Release || exit 1
dotnet test Ambulo.slnx -c Release --no-build --logger "trx" --results-directory "$results" "$@"
status=$?

# One closing line for whoever reads the log: "N passed, N failed, N skipped".
passed=0; failed=0; skipped=0
for trx in "$results"/*.trx; do
  [ -f "$trx" ] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  t=$(sed -n 's/.* total="\([0-9]*\)".*/\1/p' <<<"$counters")
  e=$(sed -n 's/.* executed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0})); failed=$((failed + ${f:-0})); skipped=$((skipped + ${t:-0} - ${e:-0}))
done
echo "${passed} passed, ${failed} failed, ${skipped} skipped"
if [ "$passed" -eq 0 ]; then
  echo "no test ran" >&2
  exit 1
fi
exit $status
