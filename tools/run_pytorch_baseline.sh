#!/usr/bin/env bash
# Runs the PyTorch eager baseline (tools/pytorch_baseline.py; --help lists its options) after the set-up it needs.
#
#   tools/run_pytorch_baseline.sh [--quick] [--out FILE] [filters ...]
#
# Hosts whose libstdc++ is too old for the suite's libtorch (scripts/compat.sh needs-compat) run it inside the Debian
# trixie compat rootfs with Debian's python3-torch and python3-torchvision (PyTorch 2.6, CPU), installed there once
# (that first run needs root). Other hosts, GPU boxes included, run it with their own Python and PyTorch: $PYTHON, or
# python3 on PATH.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
script=$root/tools/pytorch_baseline.py

if bash "$root/scripts/compat.sh" needs-compat; then
    exec bash "$root/scripts/compat.sh" exec --with python3-torch,python3-torchvision -- python3 "$script" "$@"
fi

python=${PYTHON:-python3}
if ! command -v "$python" >/dev/null; then
    echo "run_pytorch_baseline: $python not found; install Python 3 and PyTorch, or set PYTHON=/path/to/python" >&2
    exit 2
fi
if ! "$python" -c 'import torch, torchvision' 2>/dev/null; then
    cat >&2 <<MESSAGE
run_pytorch_baseline: $python cannot import torch and torchvision. Install them, then run this again:
  $python -m pip install torch torchvision     (CUDA wheels: https://pytorch.org/get-started/locally/)
  or on Debian 13 / Ubuntu 24.04: sudo apt-get install python3-torch python3-torchvision   (CPU only)
  or point PYTHON at an interpreter that has them (a venv or conda env).
MESSAGE
    exit 2
fi
exec "$python" "$script" "$@"
