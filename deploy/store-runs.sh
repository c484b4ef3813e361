#!/usr/bin/env bash
# Files runs into a history store, the layout `geoai history` reads and git keeps (deploy/README.md):
#
#   deploy/store-runs.sh STORE RUN...     each RUN is a folder holding one run's *-report-full.json files
#
# A run goes to STORE/<machine>/<started>-<commit>/ (e.g. gha-ubuntu-24.04/2026-12-03T094107Z-efd3e7a485/), named from
# the GeoAI block of its first file: Machine, StartedUtc (older files: BenchmarkDotNet's title stamp), Commit. A run
# already stored is left as it is. Needs jq.
set -euo pipefail

say() { printf 'store-runs: %s\n' "$*" >&2; }
[ $# -ge 2 ] || { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
command -v jq >/dev/null || { say "error: jq is needed"; exit 2; }

store=$1
shift
for run in "$@"; do
    first=$(find "$run" -name '*-report-full.json' | LC_ALL=C sort | head -n 1)
    [ -n "$first" ] || { say "error: $run: no *-report-full.json"; exit 2; }
    # shellcheck disable=SC2016 # $g and $s are jq variables
    read -r machine started commit < <(jq -r '(.HostEnvironmentInfo.GeoAI // .GeoAI // {}) as $g
        | ($g.StartedUtc // ((.Title // "") | capture("-(?<d>[0-9]{8})-(?<t>[0-9]{6})$") | "\(.d)T\(.t)Z") // "unknown") as $s
        | [$g.Machine // "unknown",
           ($s | gsub("[-:]"; "") | sub("^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})"; "\(.y)-\(.m)-\(.d)")),
           (($g.Commit // "unknown")[0:10] + (if $g.CommitDirty == true then "-dirty" else "" end))] | @tsv' "$first")
    target=$store/$machine/$started-$commit
    if [ -d "$target" ]; then
        say "$run: already stored as $target"
        continue
    fi
    mkdir -p "$target.partial"
    find "$run" -name '*-report-full.json' -exec cp {} "$target.partial/" \;
    mv "$target.partial" "$target"
    say "$run -> $target"
done
