#!/usr/bin/env bash
# Smoke test of a rendered Allure report in headless Chromium: the overview renders, and a
# scenario's page renders with its curves (the SVG charts drawn into the screenshot).
#
#   .github/scripts/report-smoke.sh [REPORT_HTML] [OUT_DIR] [COMPARE_HTML]
#
# REPORT_HTML defaults to reports/allure-report/index.html (mvn -B -Preport verify, single file);
# screenshots and dumped DOMs go to OUT_DIR (default target/report-smoke). COMPARE_HTML, when
# given, is the page of `trainspec compare --html`: its first chart must show the base's grey
# dashed curve and the head's blue one. Needs chromium
# (Debian/Ubuntu package `chromium`, or CHROMIUM=/path/to/chrome) and java (to read the PNGs).
set -euo pipefail

report="${1:-reports/allure-report/index.html}"
out="${2:-target/report-smoke}"
here="$(cd "$(dirname "$0")" && pwd)"
chromium="${CHROMIUM:-$(command -v chromium || command -v chromium-browser || command -v google-chrome || true)}"

fail() { echo "report smoke test FAILED: $*" >&2; exit 1; }

[ -n "$chromium" ] || fail "no chromium found (apt-get install chromium, or set CHROMIUM)"
[ -s "$report" ] || fail "$report is missing or empty (run: mvn -B -Preport verify)"
mkdir -p "$out"
url="file://$(cd "$(dirname "$report")" && pwd)/$(basename "$report")"

# A test case whose page carries a trainspec chart: single-file reports embed every data file
# as d('data/test-cases/<uid>.json','<base64 JSON>').
uid=""
while IFS= read -r entry; do
  id="${entry#d(\'data/test-cases/}"
  id="${id%%.json*}"
  body="${entry#*.json\',\'}"
  body="${body%\'}"
  if printf '%s' "$body" | base64 -d 2>/dev/null | grep -q 'trainspec-chart'; then uid="$id"; break; fi
done < <(grep -o "d('data/test-cases/[0-9a-f]*\.json','[A-Za-z0-9+/=]*'" "$report" || true)
[ -n "$uid" ] || fail "no test case with a trainspec chart in $report (did the scenarios run?)"
echo "scenario page: #testresult/$uid"

browse() { # browse URL ARGS...: headless Chromium with a throwaway profile and no network chatter
  local target="$1"; shift
  local profile; profile="$(mktemp -d)"
  timeout 120 "$chromium" --headless --no-sandbox --disable-gpu --disable-quic --no-first-run \
    --disable-background-networking --disable-component-update --disable-sync --hide-scrollbars \
    --user-data-dir="$profile" --virtual-time-budget=20000 "$@" "$target" 2>/dev/null
  rm -rf "$profile"
}

browse "$url#" --dump-dom > "$out/overview.html"
grep -q 'Allure' "$out/overview.html" || fail "the overview did not render (see $out/overview.html)"
grep -qi 'test cases' "$out/overview.html" || fail "the overview shows no test cases (see $out/overview.html)"

browse "$url#testresult/$uid" --dump-dom > "$out/scenario.html"
grep -q 'class="trainspec-chart"' "$out/scenario.html" || fail "the scenario page has no chart (see $out/scenario.html)"
grep -q 'class="trainspec-chart"><svg ' "$out/scenario.html" || fail "the chart is not inline SVG (see $out/scenario.html)"

browse "$url#" --window-size=1400,1000 --screenshot="$out/overview.png" >/dev/null
browse "$url#testresult/$uid" --window-size=1400,2200 --screenshot="$out/scenario.png" >/dev/null
[ -s "$out/scenario.png" ] || fail "no screenshot written"

# The curves' colours (train #1f77b4, test #ff7f0e) must be painted: the SVG images loaded and drew.
java "$here/PngColors.java" "$out/scenario.png" 1f77b4:200 ff7f0e:200 || fail "the charts are not visible in $out/scenario.png"
java "$here/PngColors.java" "$out/overview.png" || fail "the overview screenshot is blank"

if [ -n "${3:-}" ]; then
  compare="$3"
  [ -s "$compare" ] || fail "$compare is missing or empty (trainspec compare --html)"
  page_url="file://$(cd "$(dirname "$compare")" && pwd)/$(basename "$compare")"
  browse "$page_url" --dump-dom > "$out/compare.html"
  if grep -q 'class="trainspec-compare-chart"' "$out/compare.html"; then
    browse "$page_url" --window-size=1000,900 --screenshot="$out/compare.png" >/dev/null
    # base #ff7f0e (orange, dashed), head #1f77b4 (blue): both curves drawn
    java "$here/PngColors.java" "$out/compare.png" ff7f0e:150 1f77b4:150 || fail "the comparison chart lacks a curve in $out/compare.png"
    echo "comparison chart: $out/compare.png"
  else
    grep -q 'trainspec: what this change did to training' "$out/compare.html" || fail "the comparison page did not render (see $out/compare.html)"
    echo "comparison page: nothing changed, no chart to check"
  fi
fi
echo "report smoke test passed: $out/overview.png, $out/scenario.png"
