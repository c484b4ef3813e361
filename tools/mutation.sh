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
# The report (HTML and JSON, the mutated files only) lands in results/<date>-<machine>/mutation/<project>/.
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
bash "$root/scripts/compat.sh" exec -- dotnet stryker --project "$(basename "$project")" --test-project GeoAI.Tests.csproj \
    --configuration Release --concurrency 1 --test-runner mtp --test-case-filter "$filter" "${mutate[@]}" \
    --reporter html --reporter json --reporter progress --reporter cleartext --output "$output" --skip-version-check

# Stryker's report carries every file of the project with its source (over a megabyte) and per-test coverage lists:
# keep the files it mutated, without those lists, and drop the .gitignore it writes, so the report can be committed.
python3 - "$output" <<'PY'
import json, os, shutil, sys

output = sys.argv[1]
reports = os.path.join(output, "reports")
report = json.load(open(os.path.join(reports, "mutation-report.json"), encoding="utf-8"))
report["files"] = {
    name: entry for name, entry in report["files"].items()
    if any(m["status"] not in ("Ignored", "CompileError") for m in entry["mutants"])
}
for entry in report["files"].values():
    for mutant in entry["mutants"]:
        mutant.pop("coveredBy", None)
        mutant.pop("killedBy", None)
report.pop("testFiles", None)
small = json.dumps(report, ensure_ascii=False, separators=(",", ":"))
html = open(os.path.join(reports, "mutation-report.html"), encoding="utf-8").read()
start = html.index("app.report = ") + len("app.report = ")
_, length = json.JSONDecoder().raw_decode(html[start:])
open(os.path.join(output, "mutation-report.json"), "w", encoding="utf-8").write(small)
open(os.path.join(output, "mutation-report.html"), "w", encoding="utf-8").write(html[:start] + small + html[start + length:])
shutil.rmtree(reports)
os.remove(os.path.join(output, ".gitignore"))
PY
echo "mutation.sh: report in $output"
