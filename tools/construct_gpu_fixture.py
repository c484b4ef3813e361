#!/usr/bin/env python3
"""Constructs the reporter's CPU+CUDA test fixture (machine "h100-box") from a real CPU sweep, until a real GPU run exists.

No GPU run of the suite exists yet, but the reporter's CPU -> CUDA charts, speedups and PyTorch ratios need a machine
with both devices. This script derives one, reproducibly, from the committed real CPU sweep: every time is a real
measured time multiplied by a stated factor, so every sample keeps the noise a real run had and every case has today's
shape (the case names are exactly those the suite produces: FixedBatch, GpuResident only on CUDA, JPEG decoders Skia
and Stb, inference on a resident batch). The factors are chosen, not measured: nothing here says how fast an H100 is.
Every file is marked "Constructed" in its GeoAI block, and reports print that.

    python3 tools/construct_gpu_fixture.py results/2026-11-23-cpu-epyc2 tests/GeoAI.Tests/Report/Fixtures

reads <run>/sweep/*-report-full.json and <run>/pytorch-cpu.json, writes <fixtures>/h100-box/*-report-full.json and
<fixtures>/reference/pytorch-h100-box.json. Measurements are trimmed to the Workload Result iterations (what the reporter
reads when OriginalValues are absent), as for the real fixtures.
"""
import copy
import json
import pathlib
import sys

MACHINE = "h100-box"
NOTE = ("constructed by tools/construct_gpu_fixture.py from the real CPU sweep results/2026-11-23-cpu-epyc2: "
        "each time a measured CPU time times a chosen factor; not a measurement of any GPU")

# Per-step time factors applied to a real CPU case of the same model and batch size.
CPU_FACTOR = 0.25  # the h100-box's own CPU (16 cores against the sweep's 2)
# Training: CUDA loader <- (real CPU loader it is derived from, factor)
TRAINING_CUDA = {
    "FixedBatch": ("FixedBatch", 0.02),
    "GpuResident": ("FixedBatch", 0.021),
    "Host": ("Host", 0.1),
    "HostPinnedPrefetch": ("Host", 0.06),
}
# The data pipeline (a batch delivered, no model): CUDA loader <- (CPU Host case, factor)
PIPELINE_CUDA = {"GpuResident": 0.05, "Host": 0.5, "HostPinnedPrefetch": 0.4}
INFERENCE_CUDA = 0.02

GEOAI = {
    "LibTorch": "2.10.0", "LibTorchSource": "NuGet", "TorchBackend": "cuda", "Build": "cuda-12.8", "CudaAvailable": True,
    "CudaRuntime": "12.8", "Cudnn": "91002", "Device": "NVIDIA H100 80GB HBM3", "GpuDriver": "570.124.06",
    "Cpu": "Intel Xeon Platinum 8480+", "TorchThreads": 16, "Machine": MACHINE, "Constructed": NOTE,
}

SCALED_STATISTICS = ["Min", "LowerFence", "Q1", "Median", "Mean", "Q3", "UpperFence", "Max", "InterquartileRange",
                     "StandardError", "StandardDeviation"]


def parameters(benchmark):
    return dict(pair.split("=", 1) for pair in benchmark["Parameters"].split("&"))


def renamed(benchmark, changes):
    """The benchmark with parameters changed, its Parameters, FullName and DisplayInfo rewritten alike."""
    result = copy.deepcopy(benchmark)
    values = parameters(benchmark)
    values.update(changes)
    result["Parameters"] = "&".join(f"{k}={v}" for k, v in values.items())
    printed = ", ".join(f"{k}: {v}" for k, v in values.items())
    result["FullName"] = f"{benchmark['Namespace']}.{benchmark['Type']}.{benchmark['Method']}({printed})"
    result["DisplayInfo"] = benchmark["DisplayInfo"].split(" [")[0] + " [" + ", ".join(f"{k}={v}" for k, v in values.items()) + "]"
    result["DeviceName"] = GEOAI["Device"] if values.get("Device") == "Cuda" else GEOAI["Cpu"]
    return result


def scaled(benchmark, factor):
    """Every time multiplied by factor (statistics scale with it exactly), images/s divided by it."""
    result = copy.deepcopy(benchmark)
    statistics = result["Statistics"]
    statistics["OriginalValues"] = [v * factor for v in statistics["OriginalValues"]]
    for name in SCALED_STATISTICS:
        statistics[name] *= factor
    statistics["Variance"] *= factor * factor
    for name in ["LowerOutliers", "UpperOutliers", "AllOutliers"]:
        statistics[name] = [v * factor for v in statistics[name]]
    for name in ["Mean", "StandardError", "Margin", "Lower", "Upper"]:
        statistics["ConfidenceInterval"][name] *= factor
    statistics["Percentiles"] = {k: v * factor for k, v in statistics["Percentiles"].items()}
    result["Measurements"] = [dict(m, Nanoseconds=m["Nanoseconds"] * factor) for m in result["Measurements"]
                              if m["IterationMode"] == "Workload" and m["IterationStage"] == "Result"]
    for metric in result.get("Metrics", []):
        if metric["Descriptor"]["Id"] == "ImagesPerSecond":
            metric["Value"] /= factor
    return result


def derived_cases(benchmark):
    """The h100-box cases one real CPU case gives: itself on the faster CPU, and the CUDA cases derived from it."""
    values = parameters(benchmark)
    yield scaled(benchmark, CPU_FACTOR)
    if values.get("Device") != "Cpu":
        return
    loader = values.get("Loader")
    if benchmark["Type"] in ("CnnTraining", "Vgg11BnTraining"):
        for cuda_loader, (source, factor) in TRAINING_CUDA.items():
            if source == loader and not (cuda_loader == "GpuResident" and values["Workers"] != "0"):
                yield scaled(renamed(benchmark, {"Device": "Cuda", "Loader": cuda_loader}), factor)
    elif benchmark["Type"] == "DataPipeline" and loader == "Host":
        for cuda_loader, factor in PIPELINE_CUDA.items():
            if not (cuda_loader == "GpuResident" and values["Workers"] != "0"):
                yield scaled(renamed(benchmark, {"Device": "Cuda", "Loader": cuda_loader}), factor)
    elif benchmark["Type"] == "Inference":
        yield scaled(renamed(benchmark, {"Device": "Cuda"}), INFERENCE_CUDA)


def construct_results(sweep, target):
    target.mkdir(parents=True, exist_ok=True)
    for path in sorted(sweep.glob("*-report-full.json")):
        run = json.loads(path.read_text())
        run["HostEnvironmentInfo"]["GeoAI"] = dict(GEOAI, DataSource=run["HostEnvironmentInfo"]["GeoAI"]["DataSource"],
                                                   DataIsSynthetic=run["HostEnvironmentInfo"]["GeoAI"]["DataIsSynthetic"])
        run["HostEnvironmentInfo"]["ProcessorName"] = GEOAI["Cpu"]
        run["HostEnvironmentInfo"]["PhysicalCoreCount"] = 16
        run["HostEnvironmentInfo"]["LogicalCoreCount"] = 32
        run["Benchmarks"] = [case for benchmark in run["Benchmarks"] for case in derived_cases(benchmark)]
        (target / path.name).write_text(json.dumps(run, indent=2, ensure_ascii=False) + "\n")


def construct_reference(cpu_reference, target):
    """PyTorch's rows with the factors of the TorchSharp cases they match, so their ratios stay the real CPU ones."""
    reference = json.loads(cpu_reference.read_text())
    rows = []
    for row in reference["cases"]:
        rows.append(scaled_row(row, CPU_FACTOR, {}))
        if row["loader"] == "resident":
            rows.append(scaled_row(row, TRAINING_CUDA["FixedBatch"][1], {"device": "cuda"}))
        elif row["loader"] == "dataloader":
            rows.append(scaled_row(row, TRAINING_CUDA["HostPinnedPrefetch"][1], {"device": "cuda", "pin_memory": True}))
    reference.update(machine=MACHINE, device_name=GEOAI["Device"], cpu=GEOAI["Cpu"], threads=16, cuda="12.8",
                     cudnn=91002, constructed=NOTE.replace("the real CPU sweep", "the real PyTorch CPU rows of"), cases=rows)
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(json.dumps(reference, indent=2, ensure_ascii=False) + "\n")


def scaled_row(row, factor, changes):
    result = dict(row, **changes)
    for name in ["mean_ns_per_step"]:
        result[name] = row[name] * factor
    result["ns_per_image"] = [v * factor for v in row["ns_per_image"]]
    result["images_per_second"] = row["images_per_second"] / factor
    return result


if __name__ == "__main__":
    run, fixtures = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2])
    construct_results(run / "sweep", fixtures / MACHINE)
    construct_reference(run / "pytorch-cpu.json", fixtures / "reference" / f"pytorch-{MACHINE}.json")
