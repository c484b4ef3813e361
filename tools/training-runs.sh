#!/usr/bin/env bash
# Runs the committed training experiments (docs/training.md) into results/training/, then the sample grid and a report.
#
#   tools/training-runs.sh [cpu|cuda]        default cpu; set EUROSAT=/path/to/EuroSAT.zip (or folder) to use other data
#
# Each run writes results/training/<name>-<device>/ (train.json, train.md, charts/); docs/training.md lists what each
# took. Wall-clock times are only meaningful on an otherwise idle machine. Runs of the same work on cpu and on cuda give
# the report (results/training/report/) its CPU-against-CUDA training-time chart.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
device=${1:-cpu}
case "$device" in
    cpu | cuda) ;;
    *)
        echo "training-runs: the device is cpu or cuda, not '$device'" >&2
        exit 2
        ;;
esac
# Relative paths from the checkout, so the command lines recorded in each train.json rerun anywhere.
cd "$root"
data=${EUROSAT:-../shared/data/EuroSAT.zip}
if [ ! -e "$data" ]; then
    echo "training-runs: $data not found; download it with ./geoai download, or set EUROSAT=/path/to/EuroSAT.zip" >&2
    exit 2
fi
out=results/training
geoai=./geoai

# 1. The chapter's exact recipe: its CNN, 10 epochs, batch 40, SGD lr 0.01 momentum 0.9, no augmentation.
"$geoai" train --model cnn --recipe chapter --device "$device" --data "$data" --out "$out/cnn-chapter-$device"

# 2. The improved recipe (flips/rotations, weight decay 5e-4, one-cycle lr peaking at 0.05, batch 64) on CNN-BN.
"$geoai" train --model cnn-bn --recipe improved --device "$device" --data "$data" --out "$out/cnn-bn-improved-$device"

# 2b. The same in bf16 mixed precision (bf16 compute, fp32 master weights, loss and batch norm): within a point of fp32.
"$geoai" train --model cnn-bn --recipe improved --precision bf16 --device "$device" --data "$data" \
    --out "$out/cnn-bn-improved-bf16-$device"

# 3. VGG11-BN as far as a CPU allows: the chapter's frozen fine-tune, but from random initialisation (no ImageNet
#    weights here), 2 epochs on the first 4,000 training and 1,000 validation images of the seeded split.
"$geoai" train --model vgg11bn --mode frozen --recipe chapter --epochs 2 --train-limit 4000 --val-limit 1000 \
    --device "$device" --data "$data" --out "$out/vgg11bn-frozen-subset-$device"

"$geoai" samples --data "$data" --out "$out/samples.png"
"$geoai" report "$out" --out "$out/report" --title "GeoAI.Bench training runs"
