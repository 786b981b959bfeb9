#!/usr/bin/env bash
# Tests affected-scenarios.sh on a throwaway repository: run it locally or in CI.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(mktemp -d)"
trap 'rm -rf "$repo"' EXIT
cd "$repo"
git init -q
git config user.email t@example.com
git config user.name t
mkdir -p scenarios/seeds reports/baselines/seeds src/main/java
echo 'title: a' > scenarios/seeds/a.yaml
echo 'title: b' > scenarios/seeds/b.yaml
echo 'variants: {}' > reports/baselines/seeds/b.yaml
echo 'class X {}' > src/main/java/X.java
git add -A && git commit -qm base
base="$(git rev-parse HEAD)"

check() { # check EXPECTED: the script's output for base..HEAD
  local got; got="$("$here/affected-scenarios.sh" "$base" HEAD | tr '\n' ' ')"
  [ "$got" = "$1" ] || { echo "FAILED after '$(git log -1 --format=%s)': expected '$1', got '$got'" >&2; exit 1; }
}

echo 'title: a2' > scenarios/seeds/a.yaml && echo 'title: new' > scenarios/seeds/new.yaml && git add -A && git commit -qm "edit a, add new"
check "scenarios/seeds/a.yaml "
echo 'variants: {base: {}}' > reports/baselines/seeds/b.yaml && git add -A && git commit -qm "rewrite b's snapshot"
check "scenarios/seeds/a.yaml scenarios/seeds/b.yaml "
echo 'class X { int y; }' > src/main/java/X.java && git add -A && git commit -qm "engine change"
check "scenarios/seeds/a.yaml scenarios/seeds/b.yaml "
git reset -q --hard "$base" && echo 'docs' > README.md && git add -A && git commit -qm "docs only"
check ""
git reset -q --hard "$base" && mkdir -p scenarios/common && echo 'seed: 1' > scenarios/common/base.yaml \
  && printf 'extends: ../common/base.yaml\ntitle: c\n' > scenarios/seeds/c.yaml && git add -A && git commit -qm "c extends common/base"
base="$(git rev-parse HEAD)"
echo 'seed: 2' > scenarios/common/base.yaml && git add -A && git commit -qm "edit the extended file"
check "scenarios/common/base.yaml scenarios/seeds/a.yaml scenarios/seeds/b.yaml scenarios/seeds/c.yaml "
echo "affected-scenarios.sh: all checks passed"
