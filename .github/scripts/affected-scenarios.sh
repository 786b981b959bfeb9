#!/usr/bin/env bash
# The scenario files a pull request can affect, as they exist at the base commit (one path a
# line): every scenario when code, the build, shared data or a scenario that others extend changed;
# otherwise the scenarios whose YAML or committed snapshot (reports/baselines/<id>.yaml) the pull
# request changed.
#
#   affected-scenarios.sh BASE_SHA HEAD_SHA     (inside a clone that has both commits)
#
# Used by ci.yml to run only these at the base commit; the head always runs every scenario.
set -euo pipefail

base="$1"
head="$2"
changed="$(git diff --name-only "$base" "$head")"

at_base() { git ls-tree -r --name-only "$base" -- scenarios | grep -E '\.ya?ml$' || true; }

# engine, build or data shared between scenarios: any scenario can move
if printf '%s\n' "$changed" | grep -qE '^(src/main/|pom\.xml$|scenarios/.*\.csv$|\.mvn/)'; then
  at_base
  exit 0
fi

# a changed scenario that another one extends moves that one too: every scenario then (extends paths are relative to
# the file that writes them; a name match is enough to be safe, and cheaper than resolving them here)
extended="$(git grep -h -E '^[[:space:]]*extends:' "$base" -- scenarios 2>/dev/null || true)"
for f in $(printf '%s\n' "$changed" | grep -E '^scenarios/.*\.ya?ml$' || true); do
  if printf '%s\n' "$extended" | grep -qF "$(basename "$f")"; then
    at_base
    exit 0
  fi
done

{
  printf '%s\n' "$changed" | grep -E '^scenarios/.*\.ya?ml$' || true
  printf '%s\n' "$changed" | sed -nE 's#^reports/baselines/(.*)\.yaml$#scenarios/\1.yaml#p'
} | sort -u | while IFS= read -r f; do
  # a scenario the pull request adds has no base result to compare with
  if [ -n "$f" ] && git cat-file -e "$base:$f" 2>/dev/null; then echo "$f"; fi
done
