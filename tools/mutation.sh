#!/usr/bin/env bash
# Mutation score of one project with Stryker.NET (dotnet-stryker 5.1.0, a local tool: .config/dotnet-tools.json), run on
# the fast tests only, inside the compat runtime like every other command, one mutant at a time (concurrency 1: the
# tests build and run per mutant and the machine is shared).
#
#   tools/mutation.sh PROJECT [GLOB ...] [--filter EXPR] [--machine LABEL]
#
#   PROJECT  the project to mutate, e.g. src/Report/GeoAI.Report.csproj
#   GLOB     files to mutate, a Stryker glob relative to PROJECT's folder (default: all of its files), e.g. 'Compare/**/*.cs';
#            each must match a file there, or nothing runs (Stryker mutates the whole project when no glob matches)
#   --filter the tests to run against each mutant (default: the Report tests that need no browser or child process)
#   --machine the machine label of the results folder (default: the host name)
#
# The report (HTML and JSON) lands in results/<date>-<machine>/mutation/<project>/.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
[ $# -ge 1 ] || { sed -n 2,15p "$0" >&2; exit 2; }
project=$(realpath "$1"); shift
[ -f "$project" ] || { echo "mutation.sh: $project: no such project" >&2; exit 2; }
filter="FullyQualifiedName~GeoAI.Tests.Report&FullyQualifiedName!~HtmlInBrowser&FullyQualifiedName!~CommandLineTests&FullyQualifiedName!~ChartText"
machine=$(hostname -s)
mutate=()
while [ $# -gt 0 ]; do
    case "$1" in
        --filter) filter=$2; shift 2 ;;
        --machine) machine=$2; shift 2 ;;
        *) mutate+=(--mutate "$1"); shift ;;
    esac
done
# Stryker matches --mutate against each file's path relative to the project folder (and its full path); bash's globstar
# reads the same relative glob the same way, so a glob that names no file stops here instead of widening the run.
shopt -s globstar nullglob
for glob in "${mutate[@]}"; do
    case "$glob" in --mutate|'!'*) continue ;; esac
    matched=( "$(dirname "$project")"/$glob )
    [ ${#matched[@]} -gt 0 ] || { echo "mutation.sh: '$glob' matches no file below $(dirname "$project")" >&2; exit 2; }
    echo "mutation.sh: '$glob' selects ${#matched[@]} files"
done
shopt -u globstar nullglob
name=$(basename "$project" .csproj)
output="$root/results/$(date -u +%Y-%m-%d)-$machine/mutation/$name"
mkdir -p "$output"

cd "$root"
dotnet tool restore >/dev/null
cd "$root/tests/GeoAI.Tests"
# The Microsoft Testing Platform runner: xunit v3 runs the tests in a process of its own, which Stryker's VSTest runner
# never reaches, so under it no mutant is ever switched on and every one "survives" (0 %; stryker-net#3117).
exec bash "$root/scripts/compat.sh" exec -- dotnet stryker --project "$(basename "$project")" --test-project GeoAI.Tests.csproj \
    --configuration Release --concurrency 1 --test-runner mtp --test-case-filter "$filter" "${mutate[@]}" \
    --reporter html --reporter json --reporter progress --reporter cleartext --output "$output" --skip-version-check
