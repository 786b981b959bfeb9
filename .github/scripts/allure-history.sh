#!/usr/bin/env bash
# Copies the history of the published Allure report into a results directory, so the next report
# continues its trends (Allure keys them by historyId: scenario id + '#' + variant).
#
#   allure-history.sh PAGES_URL RESULTS_DIR [TREND_FILE]
#
# With TREND_FILE, also the key-metric trend that `trainspec compare --trend-out` published beside
# the report (PAGES_URL/trainspec/trend.json), for the overview's trend column.
# A missing site (first publication) or file is not an error: the report then starts a history.
set -euo pipefail

url="${1%/}"
dir="$2/history"
mkdir -p "$dir"

fetch() { # fetch URL FILE: FILE replaced only by a complete download; a missing one is reported, not fatal
  if curl -fsSL --retry 2 --max-time 30 "$1" -o "$2.tmp"; then
    mv "$2.tmp" "$2"
    echo "fetched $1"
  else
    rm -f "$2.tmp"
    echo "none at $1 (first report?)"
  fi
}

for f in history.json history-trend.json duration-trend.json categories-trend.json retry-trend.json; do
  fetch "$url/history/$f" "$dir/$f"
done

if [ -n "${3:-}" ]; then
  mkdir -p "$(dirname "$3")"
  fetch "$url/trainspec/trend.json" "$3"
fi
