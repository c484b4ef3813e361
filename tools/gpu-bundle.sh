#!/usr/bin/env bash
# Builds the GPU bundle: one archive holding a self-contained linux-x64 GeoAI.Bench that runs on a Linux GPU box with
# no .NET SDK. It is built with the `system` TorchSharp backend, so no libtorch is inside: the box's PyTorch (or
# GEOAI_LIBTORCH) supplies it at run time. Unpacked, `run.sh` is the entry point (docs/gpu-box.md).
#
#   tools/gpu-bundle.sh [--out DIR]   writes DIR/geoai-bench-gpu-linux-x64.tar.xz (default DIR: gpu-bundle/ at the root)
#
# The publish runs where the program itself runs here: inside the compat runtime on hosts whose libstdc++ is too old
# for libtorch (scripts/compat.sh), natively elsewhere. When the published files are the same as those of the archive
# already in DIR, that archive is kept (xz takes about a minute on 2 cores).
set -euo pipefail

readonly NAME=geoai-bench-gpu-linux-x64
readonly MAX_MIB=60

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

say() { printf 'gpu-bundle: %s\n' "$*" >&2; }
die() { say "error: $*"; exit 1; }
mib() { awk -v b="$1" 'BEGIN { printf "%.1f MiB", b / 1048576 }'; }

usage() { sed -n '2,10p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//' >&2; exit 2; }

# Runs inside the compat runtime (or natively): the publish, plus DejaVu Sans for the report's charts, which a GPU box
# may lack (its SkiaSharp build reads no fontconfig; the report looks in the program's fonts/ folder too).
publish_into() {
    local app=$1/app fonts=/usr/share/fonts/truetype/dejavu
    dotnet publish "$root/bench/GeoAI.Bench.csproj" -c Release -r linux-x64 --self-contained \
        -p:TorchBackend=system -p:SatelliteResourceLanguages=en -o "$app" -nologo -v quiet
    if [ -f "$fonts/DejaVuSans.ttf" ] && [ -f "$fonts/DejaVuSans-Bold.ttf" ]; then
        mkdir -p "$app/fonts"
        cp "$fonts/DejaVuSans.ttf" "$fonts/DejaVuSans-Bold.ttf" "$app/fonts/"
        # The DejaVu (Bitstream Vera) licence asks for its notice to travel with the fonts.
        if [ -f /usr/share/doc/fonts-dejavu-core/copyright ]; then
            cp /usr/share/doc/fonts-dejavu-core/copyright "$app/fonts/COPYRIGHT"
        fi
    else
        say "warning: DejaVu Sans not found in $fonts; the report's charts need a font on the GPU box"
    fi
}

# Files that only Windows or a debugger on Windows would use: TraceEvent's ETW helpers (amd64/*.dll).
trim() {
    rm -rf "$1/app/amd64"
}

build_info() {
    local commit=unknown state="" torchsharp dotnet_runtime
    if git -C "$root" rev-parse --verify -q HEAD >/dev/null 2>&1; then
        commit=$(git -C "$root" rev-parse HEAD)
        [ "${GEOAI_COMMIT_DIRTY:-}" != true ] || state=" with uncommitted changes"
    fi
    torchsharp=$(sed -n 's/.*Include="TorchSharp" Version="\([^"]*\)".*/\1/p' "$root/Directory.Packages.props")
    dotnet_runtime=$(sed -n 's/.*"version": "\([^"]*\)".*/\1/p' "$1/app/GeoAI.Bench.runtimeconfig.json" | head -n 1)
    cat <<EOF
GeoAI.Bench GPU bundle ($NAME)
source: commit $commit$state
program: self-contained .NET $dotnet_runtime, TorchSharp $torchsharp, TorchBackend=system
libtorch: not included; GEOAI_LIBTORCH or python3's torch/lib at run time
start: ./run.sh info, then ./run.sh [--results DIR] [benchmark options] (docs/gpu-box.md in the repository)
EOF
}

# A fingerprint of every file's path, mode and bytes: equal fingerprints mean an equal archive.
content_hash() {
    (cd "$1" && find . -type f -printf '%m %P\n' | LC_ALL=C sort && find . -type f -print0 | LC_ALL=C sort -z |
        xargs -0 sha256sum) | sha256sum | cut -c1-64
}

if [ "${1:-}" = "__publish" ]; then
    publish_into "$2"
    exit 0
fi

out=$root/gpu-bundle
while [ $# -gt 0 ]; do
    case "$1" in
        --out) [ $# -ge 2 ] || die "--out needs a folder"; out=$2; shift 2 ;;
        -h | --help) usage ;;
        *) say "unknown argument '$1'"; usage ;;
    esac
done
for tool in dotnet tar xz flock; do
    command -v "$tool" >/dev/null || die "$tool is needed to build the bundle"
done

start=$SECONDS
mkdir -p "$out"
out=$(cd "$out" && pwd)
archive=$out/$NAME.tar.xz
exec 9>"$out/.lock"
flock 9 # two builds at once would share bench/obj/system
work=$(mktemp -d "$out/.build.XXXXXX") # beside the archive, so the final move is a rename
trap 'rm -rf "$work"' EXIT
stage=$work/$NAME

say "publishing bench/GeoAI.Bench.csproj (Release, linux-x64, self-contained, TorchBackend=system)"
# The box has no .git: the commit (SourceLink reads it from .git at build time) and whether tracked files differed from
# it are baked into the program, which writes both into every result file (bench/CommitDirty.targets).
if git -C "$root" rev-parse -q --verify HEAD >/dev/null 2>&1; then
    if git -C "$root" diff --quiet HEAD --; then GEOAI_COMMIT_DIRTY=false; else GEOAI_COMMIT_DIRTY=true; fi
    export GEOAI_COMMIT_DIRTY
fi
bash "$root/scripts/compat.sh" exec -- bash "$root/tools/gpu-bundle.sh" __publish "$stage"
# The compat runtime has its own /usr, /var, /etc: a folder there would have received the publish out of sight.
[ -x "$stage/app/GeoAI.Bench" ] || die "the publish did not arrive in $stage; choose an --out folder outside /usr, /var and /etc"
trim "$stage"
cp "$root/tools/bundle/run.sh" "$stage/run.sh"
chmod +x "$stage/run.sh"
build_info "$stage" >"$stage/BUNDLE.txt"
unpacked=$(du -sb "$stage" | cut -f1)

hash=$(content_hash "$stage")
if [ -f "$archive" ] && [ "$(cat "$archive.content" 2>/dev/null)" = "$hash" ]; then
    say "the published files are those of the existing archive: kept"
else
    say "packing $(mib "$unpacked") with xz"
    epoch=$(git -C "$root" log -1 --format=%ct 2>/dev/null || date +%s)
    tar --sort=name --owner=0 --group=0 --numeric-owner --mtime="@$epoch" -C "$work" -cf - "$NAME" |
        xz -T0 -6 -c >"$work/$NAME.tar.xz"
    size=$(stat -c %s "$work/$NAME.tar.xz")
    if [ "$size" -gt $((MAX_MIB * 1048576)) ]; then
        die "the archive is $(mib "$size"), over the $MAX_MIB MiB limit; nothing was written to $out"
    fi
    rm -f "$archive.content"
    mv "$work/$NAME.tar.xz" "$archive"
    echo "$hash" >"$archive.content"
fi
say "$archive: $(mib "$(stat -c %s "$archive")") (limit $MAX_MIB MiB), $(mib "$unpacked") unpacked, $((SECONDS - start)) s"
