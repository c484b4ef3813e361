#!/usr/bin/env bash
# Files runs into a history store, the layout `geoai history` reads and git keeps (deploy/README.md):
#
#   deploy/store-runs.sh STORE RUN...     each RUN is a folder holding one run's *-report-full.json files
#
# A run goes to STORE/<machine>/<started>-<commit>/ (e.g. gha-ubuntu-24.04/2026-12-03T094107Z-efd3e7a485/), named from
# the GeoAI blocks of its files: Machine, the earliest StartedUtc (older files: BenchmarkDotNet's title stamp), Commit.
# Files keep their folders below RUN (bench's round-NN/, whose files share names), so every round survives. A run
# already stored is left as it is. Needs jq.
set -euo pipefail

say() { printf 'store-runs: %s\n' "$*" >&2; }
[ $# -ge 2 ] || { sed -n '2,8p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
command -v jq >/dev/null || { say "error: jq is needed"; exit 2; }

# A file's origin as one tab-separated line: <started> (2026-12-03T094107Z) <machine> <commit>[-dirty].
# shellcheck disable=SC2016 # $g and $s are jq variables
origin='(.HostEnvironmentInfo.GeoAI // .GeoAI // {}) as $g
    | ($g.StartedUtc // ((.Title // "") | capture("-(?<d>[0-9]{8})-(?<t>[0-9]{6})$") | "\(.d)T\(.t)Z") // "unknown") as $s
    | [($s | gsub("[-:]"; "") | sub("^(?<y>[0-9]{4})(?<m>[0-9]{2})(?<d>[0-9]{2})"; "\(.y)-\(.m)-\(.d)")),
       $g.Machine // "unknown",
       (($g.Commit // "unknown")[0:10] + (if $g.CommitDirty == true then "-dirty" else "" end))] | @tsv'

store=$1
shift
for run in "$@"; do
    run=${run%/}
    [ -d "$run" ] || { say "error: $run: not a folder"; exit 2; }
    # One line per file, "<started> <machine> <commit>", earliest first.
    origins=$(find "$run" -name '*-report-full.json' -print0 | xargs -0 -r jq -r "$origin" | LC_ALL=C sort) ||
        { say "error: $run: a *-report-full.json there is not JSON that jq can read (see above)"; exit 2; }
    [ -n "$origins" ] || { say "error: $run: no *-report-full.json"; exit 2; }
    if [ "$(cut -f 2,3 <<<"$origins" | LC_ALL=C sort -u | wc -l)" -gt 1 ]; then
        say "error: $run: holds files of more than one machine or commit; give each run its own folder"
        exit 2
    fi
    IFS=$'\t' read -r started machine commit <<<"$(head -n 1 <<<"$origins")"
    target=$store/$machine/$started-$commit
    if [ -d "$target" ]; then
        say "$run: already stored as $target"
        continue
    fi
    rm -rf "$target.partial"
    while IFS= read -r -d '' file; do
        relative=${file#"$run"/}
        mkdir -p "$(dirname "$target.partial/$relative")"
        cp "$file" "$target.partial/$relative"
    done < <(find "$run" -name '*-report-full.json' -print0)
    mv "$target.partial" "$target"
    say "$run -> $target"
done
