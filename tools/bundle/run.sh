#!/usr/bin/env bash
# GeoAI.Bench on a Linux GPU box: the entry point of the GPU bundle (built by tools/gpu-bundle.sh; docs/gpu-box.md).
# Needs Linux x86-64 and, for CUDA, the NVIDIA driver and PyTorch with CUDA (or any libtorch); no .NET.
#
#   ./run.sh [--results DIR] [benchmark options]   the benchmark sweep (all of it without --filter), in-process;
#                                                  BDN results, environment.txt, run.log and report/ go to DIR
#                                                  (default ./results-<host>), e.g. ./run.sh --filter '*Cnn*'
#   ./run.sh info | train ... | profile ... | ...  any other program command, as it is (./run.sh --help lists them)
#
# libtorch: GEOAI_LIBTORCH=<folder with libtorch_cpu.so> when set, else the lib/ folder of python3's torch package.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
program=$here/app/GeoAI.Bench

say() { printf 'run.sh: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 2; }

python_torch_lib() {
    command -v python3 >/dev/null || return 0
    python3 -c 'import os, torch; print(os.path.join(os.path.dirname(torch.__file__), "lib"))' 2>/dev/null |
        tail -n 1 || true
}

# The folder is exported, so the program (and its re-run in the compat runtime, which has no python3) need not look.
find_libtorch() {
    local from="GEOAI_LIBTORCH"
    if [ -z "${GEOAI_LIBTORCH:-}" ]; then
        GEOAI_LIBTORCH=$(python_torch_lib)
        from="python3 ($(command -v python3 || echo 'not on PATH'))"
    fi
    [ -n "$GEOAI_LIBTORCH" ] || die "no libtorch found: python3 cannot import torch and GEOAI_LIBTORCH is not set.
       Install PyTorch for python3, or set GEOAI_LIBTORCH=<folder with libtorch_cpu.so, libc10.so>."
    [ -f "$GEOAI_LIBTORCH/libtorch_cpu.so" ] || die "$GEOAI_LIBTORCH (from $from) has no libtorch_cpu.so"
    export GEOAI_LIBTORCH
    say "libtorch: $GEOAI_LIBTORCH (from $from)"
}

# PyTorch's wheels find cuDNN, cuBLAS, NCCL ... (site-packages/nvidia/*/lib) through the RPATH of libtorch_cuda.so
# ($ORIGIN/../../nvidia/...), and the program loads libtorch by full path. torch/lib also goes on LD_LIBRARY_PATH for
# what libtorch opens later by name (the setup proven on an H100 with PyTorch 2.11). Should ldd still find a CUDA
# library missing (a libtorch laid out differently), the nvidia/*/lib folders beside torch are added too.
set_library_path() {
    local cuda=$GEOAI_LIBTORCH/libtorch_cuda.so site dir missing
    export LD_LIBRARY_PATH=$GEOAI_LIBTORCH${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}
    [ -f "$cuda" ] && command -v ldd >/dev/null || return 0
    missing=$(ldd "$cuda" 2>/dev/null | awk '/not found/ { printf "%s ", $1 }')
    [ -n "$missing" ] || return 0
    site=$(dirname "$(dirname "$GEOAI_LIBTORCH")")
    for dir in "$site"/nvidia/*/lib "$site"/nvidia/lib; do
        [ -d "$dir" ] && LD_LIBRARY_PATH=$LD_LIBRARY_PATH:$dir
    done
    missing=$(ldd "$cuda" 2>/dev/null | awk '/not found/ { printf "%s ", $1 }')
    [ -z "$missing" ] || say "warning: libtorch_cuda.so cannot find ${missing% }: CUDA will not be available"
}

# On a host whose libstdc++ lacks GLIBCXX_3.4.32 the program re-runs itself in a Debian trixie rootfs (compat.sh).
warn_if_compat() {
    bash "$here/app/compat.sh" needs-compat 2>/dev/null || return 0
    say "warning: this host's libstdc++ lacks GLIBCXX_3.4.32 (GCC 13): the program re-runs itself in the compat runtime
       (a Debian trixie rootfs: root and a Debian mirror the first time). Only the OS comes from it, so a libtorch or an
       NVIDIA driver installed under /usr is not visible there: CUDA is then unavailable. Hosts with GCC 13's
       libstdc++ or newer (Ubuntu 24.04, Debian 13) run natively."
}

environment_report() {
    echo "date: $(date -u +%Y-%m-%dT%H:%M:%SZ)"
    echo "host: $(uname -n), $(uname -srm)"
    # shellcheck disable=SC1091 # the host's own file
    echo "os: $( (. /etc/os-release 2>/dev/null && echo "${PRETTY_NAME:-unknown}") || echo unknown)"
    echo "cpu: $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo 2>/dev/null), $(nproc 2>/dev/null) cores"
    echo "memory: $(awk '/^MemTotal/ { printf "%.0f GiB", $2 / 1048576 }' /proc/meminfo 2>/dev/null)"
    if command -v nvidia-smi >/dev/null; then
        nvidia-smi --query-gpu=name,driver_version,memory.total,clocks.max.sm --format=csv,noheader 2>/dev/null |
            sed 's/^/gpu: /' || true
    fi
    if command -v python3 >/dev/null; then
        echo "python3 torch: $(python3 -c 'import torch; print(torch.__version__, "cuda", torch.version.cuda, "cudnn", torch.backends.cudnn.version())' 2>/dev/null || echo 'not importable')"
    fi
    echo "GEOAI_LIBTORCH=$GEOAI_LIBTORCH"
    echo "LD_LIBRARY_PATH=$LD_LIBRARY_PATH"
    echo "command: run.sh $*"
    sed 's/^/bundle: /' "$here/BUNDLE.txt" 2>/dev/null || true
}

# Benchmarks run in-process: BenchmarkDotNet's default toolchain builds a project per case, which needs the .NET SDK.
run_benchmarks() {
    local results="" args=() status=0
    while [ $# -gt 0 ]; do
        case "$1" in
            --results | --artifacts) [ $# -ge 2 ] || die "$1 needs a folder"; results=$2; shift 2 ;;
            --inProcess) shift ;; # always given below; BenchmarkDotNet rejects an option given twice
            *) args+=("$1"); shift ;;
        esac
    done
    results=${results:-results-$(uname -n | cut -d. -f1)}
    mkdir -p "$results"
    results=$(cd "$results" && pwd)
    say "results: $results"

    "$program" info | tee "$results/runtime.txt"
    environment_report "${args[@]}" >"$results/environment.txt"
    cat "$results/runtime.txt" >>"$results/environment.txt"

    "$program" "${args[@]}" --inProcess --artifacts "$results" 2>&1 | tee "$results/run.log" || status=$?
    if [ -n "$(find "$results/results" -name '*-report-full.json' 2>/dev/null | head -n 1)" ]; then
        "$program" report "$results/results" --out "$results/report" || {
            local report_status=$?
            say "the report failed; render it elsewhere with: geoai report $results --out <folder>"
            [ "$status" -ne 0 ] || status=$report_status
        }
    fi
    say "results in $results$([ -d "$results/report" ] && echo ", report in $results/report")"
    return "$status"
}

[ -x "$program" ] || die "$program is missing: unpack the whole bundle (tar xf geoai-bench-gpu-linux-x64.tar.xz)"
case "${1:-}" in
    -h | --help | -\? | --version)
        [ "${1:-}" = --version ] || sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
        exec "$program" "$@" ;;
    report | compare | history | download | cache) exec "$program" "$@" ;; # these never load libtorch
esac
find_libtorch
set_library_path
warn_if_compat
case "${1:-}" in
    "" | -*) run_benchmarks "$@" ;;
    bench) shift; run_benchmarks "$@" ;;
    *) exec "$program" "$@" ;;
esac
