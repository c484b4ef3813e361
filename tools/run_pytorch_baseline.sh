#!/usr/bin/env bash
# Runs the PyTorch eager baseline (tools/pytorch_baseline.py; --help lists its options) after the set-up it needs.
#
#   tools/run_pytorch_baseline.sh [--quick] [--out FILE] [filters ...]
#
# Hosts whose libstdc++ is too old for the suite's libtorch (scripts/compat.sh needs-compat) run it inside the Debian
# trixie compat rootfs with Debian's python3-torch and python3-torchvision (PyTorch 2.6, CPU), installed there once
# (that first run needs root), with OpenBLAS built for OpenMP: Debian's PyTorch calls the system libblas.so.3, which
# without it is the reference BLAS (the CNN step measured 2x and VGG11-BN's 10x slower here), and the pthread build of
# OpenBLAS fights PyTorch's OpenMP threads for the cores (4x slower). Other hosts, GPU boxes included, run it with their
# own Python and PyTorch: $PYTHON, or python3 on PATH; the script warns when that PyTorch uses the reference BLAS.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
script=$root/tools/pytorch_baseline.py

if bash "$root/scripts/compat.sh" needs-compat; then
    exec bash "$root/scripts/compat.sh" exec --with python3-torch,python3-torchvision,libopenblas0-openmp -- python3 "$script" "$@"
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
