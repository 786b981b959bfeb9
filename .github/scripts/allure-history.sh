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
for f in history.json history-trend.json duration-trend.json categories-trend.json retry-trend.json; do
  if curl -fsSL --retry 2 --max-time 30 "$url/history/$f" -o "$dir/$f.tmp"; then
    mv "$dir/$f.tmp" "$dir/$f"
    echo "history: $f"
  else
    rm -f "$dir/$f.tmp"
    echo "history: no $f at $url (first report?)"
  fi
done

if [ -n "${3:-}" ]; then
  mkdir -p "$(dirname "$3")"
  if curl -fsSL --retry 2 --max-time 30 "$url/trainspec/trend.json" -o "$3.tmp"; then
    mv "$3.tmp" "$3"
    echo "trend: trainspec/trend.json"
  else
    rm -f "$3.tmp"
    echo "trend: none at $url/trainspec/trend.json (first report?)"
  fi
fi
