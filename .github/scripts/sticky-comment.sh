#!/usr/bin/env bash
# Posts or updates the one trainspec comment on a pull request (pr-comment workflow).
#
#   REPO=o/r HEAD_SHA=<sha> RUN_URL=<url> GH_TOKEN=... sticky-comment.sh DIR
#
# DIR holds pr-number and summary.md from the ci run's pr-summary artifact. That artifact was
# made by the pull request's code, so it is data to check, never to run: the number must be a
# number whose pull request has the run's head commit, and the markdown is capped in size.
set -euo pipefail

dir="$1"
marker='<!-- trainspec-summary -->'
number="$(tr -d '[:space:]' < "$dir/pr-number")"
[[ "$number" =~ ^[0-9]{1,9}$ ]] || { echo "pr-number is not a number: refusing" >&2; exit 1; }

head="$(gh api "repos/$REPO/pulls/$number" --jq .head.sha)"
if [ "$head" != "$HEAD_SHA" ]; then
  echo "pull request #$number is at $head, the run tested $HEAD_SHA: not commenting (a newer run will)" >&2
  exit 0
fi

body="$(mktemp)"
{
  echo "$marker"
  head -c 60000 "$dir/summary.md"
  echo
  echo "<sub>commit ${HEAD_SHA:0:7} · [workflow run and report artifact]($RUN_URL)</sub>"
} > "$body"

existing="$(gh api --paginate "repos/$REPO/issues/$number/comments" \
  --jq ".[] | select(.user.login == \"github-actions[bot]\" and (.body | startswith(\"$marker\"))) | .id" | head -n 1)"
if [ -n "$existing" ]; then
  gh api -X PATCH "repos/$REPO/issues/comments/$existing" -F "body=@$body" > /dev/null
  echo "updated comment $existing on #$number"
else
  gh api -X POST "repos/$REPO/issues/$number/comments" -F "body=@$body" > /dev/null
  echo "commented on #$number"
fi
