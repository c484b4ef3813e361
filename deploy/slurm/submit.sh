#!/usr/bin/env bash
# Submits the GPU bundle's sweep to N nodes as a Slurm array job, then the merge once every task has ended.
#
#   deploy/slurm/submit.sh N BUNDLE RUNS [sweep options]
#   e.g. deploy/slurm/submit.sh 4 /shared/geoai-bench-gpu-linux-x64.tar.xz /shared/geoai-runs --filter '*Cnn*'
#
# Extra sbatch options (partition, account) go in SBATCH_PARTITION, SBATCH_ACCOUNT ... as Slurm reads them.
set -euo pipefail

[ $# -ge 3 ] || { sed -n '2,7p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }
nodes=$1 bundle=$(realpath "$2") runs=$3
shift 3
[ "$nodes" -ge 1 ] 2>/dev/null || { echo "submit.sh: N must be a positive number of nodes, not '$nodes'" >&2; exit 2; }
[ -f "$bundle" ] || { echo "submit.sh: $bundle: no such bundle (tools/gpu-bundle.sh builds it)" >&2; exit 2; }
mkdir -p "$runs"
runs=$(realpath "$runs")
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)

array=$(GEOAI_BUNDLE=$bundle GEOAI_RUNS=$runs sbatch --parsable --export=ALL --array="0-$((nodes - 1))" \
    "$here/geoai-array.sbatch" "$@")
array=${array%%;*}
merge=$(GEOAI_BUNDLE=$bundle GEOAI_RUNS=$runs GEOAI_ARRAY_JOB=$array sbatch --parsable --export=ALL \
    --dependency="afterany:$array" "$here/geoai-merge.sbatch")
echo "array job $array ($nodes nodes), merge job ${merge%%;*}: results in $runs/$array, history in $runs/history"
