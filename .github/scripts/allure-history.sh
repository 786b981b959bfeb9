#!/usr/bin/env bash
# Copies the history of the published Allure report into a results directory, so the next report
# continues its trends (Allure keys them by historyId: scenario id + '#' + variant).
#
#   allure-history.sh PAGES_URL RESULTS_DIR
#
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
