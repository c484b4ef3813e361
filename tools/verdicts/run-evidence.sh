#!/usr/bin/env bash
# The evidence behind ab's verdicts on this machine (docs/reporting.md): three A/A runs of HEAD against itself over
# the 12 CNN training cases, then one A/B against a scratch commit that makes every training step 10 % slower (a
# busy-wait of a tenth of the step: slow-10pct.patch, committed on a detached worktree and never merged); then the same
# A/B and an A/A in duet mode (both sides at once, one core each), which cancels the drift that sequential pairs only
# halve. Each ab has the default 20-minute budget, builds included. Run it on an otherwise idle machine, from the
# repository root:
#
#   tools/verdicts/run-evidence.sh results/<date>-<machine>/verdicts [COMMIT]
#
# COMMIT (default HEAD) is measured against itself and against its slowed copy. A run whose ab.json is already in the
# folder is skipped, so an interrupted evidence run resumes where it stopped. Writes aa-1, aa-2, aa-3, ab-slow-10pct,
# duet-ab-slow-10pct and duet-aa (each an ab --out folder, launch logs dropped), the machine facts (machine.txt) and
# the wall times (runs.txt).
set -euo pipefail
out=${1:?usage: tools/verdicts/run-evidence.sh OUTPUT_FOLDER [COMMIT]}
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cases='*CnnTraining*'
mkdir -p "$out"
out=$(cd "$out" && pwd)
# One commit for all runs, whatever lands meanwhile.
head=$(git -C "$root" rev-parse "${2:-HEAD}")

[ -f "$out/machine.txt" ] || {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "commit: $head"
    grep -m1 'model name' /proc/cpuinfo
    echo "flags that matter: $(grep -m1 '^flags' /proc/cpuinfo | tr ' ' '\n' | grep -E '^(avx512f|avx512_bf16|amx_bf16|amx_tile)$' | tr '\n' ' ')"
    echo "logical cores: $(nproc)"
    echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
    echo "steal at start (cpu line of /proc/stat, 8th number): $(head -1 /proc/stat)"
} >"$out/machine.txt"

run() {
    local name=$1; shift
    [ -f "$out/$name/ab.json" ] && return 0
    local started=$SECONDS
    "$root/geoai" ab "$@" --filter "$cases" --out "$out/$name" | tee "$out/$name.log"
    echo "$name: $((SECONDS - started)) s wall, exit ${PIPESTATUS[0]}, load after: $(cut -d' ' -f1-3 /proc/loadavg)" >>"$out/runs.txt"
    rm -rf "$out/$name/launches"
}

for i in 1 2 3; do
    run "aa-$i" --base "$head" --diff "$head" || true
done

scratch=$(mktemp -d)
git -C "$root" worktree add -q --detach "$scratch" "$head"
git -C "$scratch" apply "$root/tools/verdicts/slow-10pct.patch"
git -C "$scratch" -c user.name=scratch -c user.email=scratch@localhost commit -qam "scratch: every training step 10 % slower (never merged)"
slow=$(git -C "$scratch" rev-parse HEAD)
git -C "$root" worktree remove --force "$scratch"
echo "scratch commit: $slow (slow-10pct.patch on $head)" >>"$out/runs.txt"
run ab-slow-10pct --base "$head" --diff "$slow" || true
run duet-ab-slow-10pct --base "$head" --diff "$slow" --duet || true
run duet-aa --base "$head" --diff "$head" --duet || true
