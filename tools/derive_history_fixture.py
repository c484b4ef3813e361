#!/usr/bin/env python3
"""Derives the history fixture (tests/GeoAI.Tests/Report/Fixtures/history/) from one real committed run.

Every derived run is the real run's per-iteration times, resampled with replacement (seeded), scaled by a factor per
machine and a small factor per run (the run-to-run drift a real machine shows), and labelled with a machine, a real
commit of this repository and a start time. One case on one machine is made 25 % slower from one commit on: the step
the tests must find there, and nowhere else. Only the standard library; the same arguments write the same bytes.

  python3 tools/derive_history_fixture.py --source results/2026-11-23-cpu-epyc2/sweep/GeoAI.Bench.Benchmarks.CnnTraining-report-full.json \
      --until efd3e7a --out tests/GeoAI.Tests/Report/Fixtures/history
"""
import argparse
import datetime
import json
import math
import os
import random
import shutil
import subprocess
import sys

# label: factor on every time (the real run is 2-core epyc at 1.0), minutes after the nightly start
MACHINES = {"epyc-2core": (1.0, 0), "xeon-8core": (0.42, 20), "epyc-16core": (0.18, 40)}
CASES = [
    "Device=Cpu&BatchSize=40&Loader=FixedBatch&Workers=0",
    "Device=Cpu&BatchSize=40&Loader=Host&Workers=0",
    "Device=Cpu&BatchSize=128&Loader=Host&Workers=0",
    "Device=Cpu&BatchSize=512&Loader=Host&Workers=2",
]
STEP_MACHINE = "xeon-8core"
STEP_CASE = "Device=Cpu&BatchSize=128&Loader=Host&Workers=0"
STEP_FACTOR = 1.25
STEP_FROM = 6  # index of the first commit that is slower (the 7th of 12)
RUN_DRIFT = 0.02  # standard deviation of the per-run log factor
FIRST_NIGHT = datetime.datetime(2026, 11, 24, 2, 0, tzinfo=datetime.timezone.utc)
KEPT_FIELDS = ["Namespace", "Type", "Method", "MethodTitle", "Parameters", "FullName", "Statistics", "Metrics", "DeviceName"]


def commits(until, count):
    out = subprocess.run(["git", "log", "--first-parent", "--format=%H", f"-{count}", until],
                         check=True, capture_output=True, text=True).stdout.split()
    if len(out) != count:
        sys.exit(f"{until}: only {len(out)} first-parent commits, {count} needed")
    return list(reversed(out))


def statistics(values):
    n = len(values)
    mean = sum(values) / n
    ordered = sorted(values)
    median = ordered[n // 2] if n % 2 else (ordered[n // 2 - 1] + ordered[n // 2]) / 2
    sd = math.sqrt(sum((v - mean) ** 2 for v in values) / (n - 1))
    # No ConfidenceInterval: the reader computes BenchmarkDotNet's 99.9 % Student-t interval from the values.
    return {"OriginalValues": values, "N": n, "Min": ordered[0], "Median": median, "Mean": mean, "Max": ordered[-1],
            "StandardDeviation": sd, "StandardError": sd / math.sqrt(n)}


def derive(benchmark, factor, rng):
    original = benchmark["Statistics"]["OriginalValues"]
    values = [rng.choice(original) * factor for _ in original]
    derived = {k: benchmark[k] for k in KEPT_FIELDS if k in benchmark}
    derived["Statistics"] = statistics(values)
    batch = int(dict(p.split("=") for p in benchmark["Parameters"].split("&"))["BatchSize"])
    for metric in derived.get("Metrics", []):
        if metric["Descriptor"]["Id"] == "ImagesPerSecond":
            metric["Value"] = batch * 1e9 / derived["Statistics"]["Mean"]
    return derived


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--source", required=True)
    parser.add_argument("--until", required=True, help="the newest commit; the 12 first-parent commits up to it are used")
    parser.add_argument("--out", required=True)
    parser.add_argument("--seed", type=int, default=16)
    args = parser.parse_args()

    with open(args.source, encoding="utf-8") as f:
        source = json.load(f)
    benchmarks = {b["Parameters"]: b for b in source["Benchmarks"]}
    rng = random.Random(args.seed)
    if os.path.isdir(args.out):
        shutil.rmtree(args.out)
    for index, commit in enumerate(commits(args.until, 12)):
        for machine, (factor, minutes) in MACHINES.items():
            started = FIRST_NIGHT + datetime.timedelta(days=index, minutes=minutes)
            run_factor = factor * math.exp(rng.gauss(0, RUN_DRIFT))
            derived = []
            for case in CASES:
                step = STEP_FACTOR if (machine, case, index >= STEP_FROM) == (STEP_MACHINE, STEP_CASE, True) else 1.0
                derived.append(derive(benchmarks[case], run_factor * step, rng))
            host = json.loads(json.dumps(source["HostEnvironmentInfo"]))
            host["GeoAI"].update({"Machine": machine, "Commit": commit, "CommitDirty": False,
                                  "StartedUtc": started.strftime("%Y-%m-%dT%H:%M:%SZ")})
            result = {"Title": f"GeoAI.Bench.Benchmarks.CnnTraining-{started:%Y%m%d-%H%M%S}",
                      "HostEnvironmentInfo": host, "Benchmarks": derived}
            folder = os.path.join(args.out, machine, f"{started:%Y-%m-%d}-{commit[:10]}")
            os.makedirs(folder)
            with open(os.path.join(folder, "GeoAI.Bench.Benchmarks.CnnTraining-report-full.json"), "w", encoding="utf-8") as f:
                json.dump(result, f, separators=(",", ":"))
                f.write("\n")


if __name__ == "__main__":
    main()
