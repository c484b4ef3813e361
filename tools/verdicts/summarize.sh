#!/usr/bin/env bash
# One table over every ab run in an evidence folder (run-evidence.sh's output), read from the runs' ab.json files, so
# that the figures quoted in docs come from the committed results and are never typed by hand:
#
#   tools/verdicts/summarize.sh results/<date>-<machine>/verdicts > results/<date>-<machine>/verdicts/summary.md
set -euo pipefail
folder=${1:?usage: tools/verdicts/summarize.sh EVIDENCE_FOLDER}

echo "| Run | Pairing | Rounds | Wall | Slower | Faster | Same | Unsure | Ratio (min – max) | Spread (min – max) | MDE (min – median – max) | Max steal |"
echo "|---|---|--:|--:|--:|--:|--:|--:|---|---|---|--:|"
for json in "$folder"/*/ab.json "$folder"/*/*/ab.json; do
    [ -f "$json" ] || continue
    run=${json#"$folder"/}
    jq -r --arg run "${run%/ab.json}" '
        def pct: if . >= 10 then "> 1000 %" else . * 1000 | round / 10 | tostring + " %" end;
        def ratio: . * 1000 | round / 1000 | tostring;
        def count(v): [.cases[] | select(.verdict == v)] | length;
        ([.cases[].mde] | sort) as $mde
        | "| \($run) | \(.pairing | split(":")[0]) | \(.rounds) | \(.wallSeconds / 60 * 10 | round / 10) min"
          + " | \(count("Slower")) | \(count("Faster")) | \(count("Same")) | \(count("Unsure"))"
          + " | \([.cases[].ratio] | min | ratio) – \([.cases[].ratio] | max | ratio)"
          + " | \([.cases[].spread] | min | pct) – \([.cases[].spread] | max | pct)"
          + " | \($mde[0] | pct) – \($mde[($mde | length) / 2 | floor] | pct) – \($mde[-1] | pct)"
          + " | \([.cases[].maxStealPercent] | max | . * 10 | round / 10) % |"' "$json"
done
echo
echo "Ratio: diff/base per case (geometric mean over rounds). Spread: standard deviation of a case's per-round log ratio"
echo "(one round's relative noise). MDE: the smallest slowdown beyond the 5 % band that these rounds would call Slower"
echo "with 80 % power. Wall: the whole ab run, builds included."
