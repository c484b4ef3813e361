#!/usr/bin/env python3
"""PyTorch eager baseline for GeoAI.Bench: the suite's training cases, timed the way its BenchmarkDotNet job times them.

Cases: model (the chapter's CNN, torchvision VGG11-BN in full and frozen mode) x device (cpu, cuda when present) x batch
(40, 128, 512) x data path (resident, gpu_resident, the chapter's DataLoader with workers and pin_memory). One step is
forward, cross-entropy, zero_grad, backward, SGD(lr 0.01, momentum 0.9) over the trainable parameters, synchronised on
CUDA. With --precisions and --memory-formats, the resident cases also run in bf16 (torch.autocast: bf16 forward and
backward, fp32 weights, optimiser and loss), tf32 (CUDA only) and channels_last (model and batch), the peers of the
suite's PrecisionTraining class; like it, on a CPU only the CNN at batch 40 unless --exhaustive. Per case: one untimed step, a pilot that picks K steps per iteration (an iteration lasts >= 250 ms), 2 warm-up and
10 measured iterations. The JSON it writes is read by the report beside the suite's results as reference rows.

Run it through tools/run_pytorch_baseline.sh, which finds or installs a PyTorch it can run.
"""

import argparse
import contextlib
import datetime
import gc
import json
import math
import os
import re
import sys
import tempfile
import time

try:
    import torch
    import torchvision
    from torchvision.transforms import functional
except ImportError as import_error:  # reported by main(), after --help and argument checks had their chance
    torch = None
    IMPORT_ERROR = import_error

MODELS = ("cnn", "vgg11bn")
VGG_MODES = ("full", "frozen")
DEVICES = ("cpu", "cuda")
BATCH_SIZES = (40, 128, 512)
LOADERS = ("resident", "gpu_resident", "dataloader")
WORKER_COUNTS = (0, 2, 4)
PRECISIONS = ("fp32", "bf16", "tf32")
MEMORY_FORMATS = ("contiguous", "channels_last")
DEFAULT_FORMAT = ("fp32", "contiguous")
BF16_CPU_FLAGS = ("avx512_bf16", "amx_bf16", "amx_tile")
CHAPTER_BATCH_SIZE = 40
CLASSES = 10
IMAGE_SHAPE = (3, 64, 64)
EUROSAT_IMAGES = 27_000


class Timing:
    """How each case is timed: the suite's BenchmarkDotNet job (BenchConfig.CreateJob), normal or quick."""

    def __init__(self, quick):
        self.warmup_iterations = 1 if quick else 2
        self.measured_iterations = 3 if quick else 10
        self.iteration_target_ns = (100 if quick else 250) * 1_000_000


def parse_args(argv):
    parser = argparse.ArgumentParser(
        description="PyTorch eager baseline for GeoAI.Bench: the suite's training cases, timed like its BDN job.")
    parser.add_argument("--out", help="write the JSON here (default: stdout)")
    parser.add_argument("--models", type=csv_of(MODELS), default=list(MODELS), help="cnn,vgg11bn (default both)")
    parser.add_argument("--modes", type=csv_of(VGG_MODES), default=list(VGG_MODES),
                        help="VGG modes: full,frozen (default both)")
    parser.add_argument("--devices", type=csv_of(DEVICES), default=list(DEVICES),
                        help="cpu,cuda (default both; cuda is skipped with a note when unavailable)")
    parser.add_argument("--batches", type=csv_of_positive_ints, default=list(BATCH_SIZES),
                        help="batch sizes (default 40,128,512)")
    parser.add_argument("--loaders", type=csv_of(LOADERS), default=list(LOADERS),
                        help="resident,gpu_resident,dataloader (default all; gpu_resident runs on cuda only)")
    parser.add_argument("--precisions", type=csv_of(PRECISIONS), default=["fp32"],
                        help="fp32,bf16,tf32 for the resident cases (default fp32; bf16 is autocast; tf32 runs on cuda only)")
    parser.add_argument("--memory-formats", type=csv_of(MEMORY_FORMATS), default=["contiguous"],
                        help="contiguous,channels_last for the resident cases (default contiguous)")
    parser.add_argument("--exhaustive", action="store_true",
                        help=f"also run VGG11-BN on the CPU above batch {CHAPTER_BATCH_SIZE} (minutes per step), and the "
                             f"CPU's bf16, tf32 and channels_last cases beyond the CNN at batch {CHAPTER_BATCH_SIZE}")
    parser.add_argument("--quick", action="store_true",
                        help="smoke run: 1 warm-up, 3 iterations of >= 100 ms (numbers not for reports)")
    parser.add_argument("--images", type=positive_int, default=EUROSAT_IMAGES,
                        help=f"synthetic images before the 75/25 split (default {EUROSAT_IMAGES}, like EuroSAT)")
    parser.add_argument("--seed", type=int, default=42, help="seed for data, shuffles and weights (default 42)")
    parser.add_argument("--threads", type=positive_int, help="torch.set_num_threads (default: PyTorch's choice)")
    parser.add_argument("--machine", default=None,
                        help="machine label (default: CPU family and logical cores, e.g. epyc-2c, as ./geoai bench labels it)")
    args = parser.parse_args(argv)
    args.machine = args.machine or machine_label(cpu_model(), os.cpu_count() or 1)
    if args.out:
        folder = os.path.dirname(os.path.abspath(args.out))
        if not os.path.isdir(folder) or not os.access(folder, os.W_OK):
            parser.error(f"--out {args.out}: folder {folder} does not exist or is not writable")
    train_images = training_count(args.images)
    if train_images < max(args.batches):
        parser.error(f"--images {args.images} leaves {train_images} training images after the 75/25 split, "
                     f"fewer than batch size {max(args.batches)}")
    return args


def csv_of(allowed):
    def parse(text):
        values = [value.strip() for value in text.split(",") if value.strip()]
        unknown = [value for value in values if value not in allowed]
        if unknown or not values:
            raise argparse.ArgumentTypeError(f"'{text}': expected a comma-separated list of {', '.join(allowed)}")
        return list(dict.fromkeys(values))
    return parse


def csv_of_positive_ints(text):
    values = [positive_int(value) for value in text.split(",") if value.strip()]
    if not values:
        raise argparse.ArgumentTypeError(f"'{text}': expected a comma-separated list of batch sizes")
    return list(dict.fromkeys(values))


def positive_int(text):
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a positive integer")
    return value


def training_count(images):
    """The chapter's 75/25 split: int(N - N/4) images train (27,000 -> 20,250)."""
    return int(images - images / 4)


def require_torch():
    if torch is None:
        sys.exit(f"pytorch_baseline: cannot import PyTorch ({IMPORT_ERROR}). Install it for {sys.executable}:\n"
                 "  pip install torch torchvision   (CUDA builds: https://pytorch.org/get-started/locally/)\n"
                 "  or on Debian 13 / Ubuntu 24.04: apt-get install python3-torch python3-torchvision (CPU only)\n"
                 "tools/run_pytorch_baseline.sh does this set-up itself on hosts that need the compat runtime.")


# ---------------------------------------------------------------------------------------------------------------------
# Data: synthetic uint8 images in memory (speed does not depend on pixel values), split 75/25 with a seed.

def make_training_set(images, seed):
    generator = torch.Generator().manual_seed(seed)
    pixels = torch.randint(0, 256, (images, *IMAGE_SHAPE), dtype=torch.uint8, generator=generator)
    labels = torch.randint(0, CLASSES, (images,), dtype=torch.int64, generator=generator)
    train = torch.randperm(images, generator=generator)[:training_count(images)]
    return pixels.index_select(0, train), labels.index_select(0, train)


class UInt8Images:
    """The chapter's dataset minus JPEG decoding (the suite reads its uint8 cache): per sample, ToTensor's scaling to
    [0,1] and Normalize((0.5,)*3, (0.5,)*3) as torchvision's transforms do them on a tensor, and an int label."""

    def __init__(self, images, labels):
        self.images = images
        self.labels = labels.tolist()

    def __len__(self):
        return len(self.labels)

    def __getitem__(self, index):
        scaled = self.images[index].to(torch.float32).div_(255)
        return functional.normalize(scaled, [0.5, 0.5, 0.5], [0.5, 0.5, 0.5]), self.labels[index]


def resident_batches(images, labels, batch_size, device, memory_format="contiguous"):
    """One normalised batch made once on the device (in the case's memory format) and stepped on forever: compute alone."""
    x = normalise(images[:batch_size].to(device))
    if memory_format == "channels_last":
        x = x.contiguous(memory_format=torch.channels_last)
    y = labels[:batch_size].to(device)
    while True:
        yield x, y


def gpu_resident_batches(images, labels, batch_size, device, seed):
    """The whole uint8 set on the device; each epoch a seeded shuffle, each step a gather and normalise there."""
    images, labels = images.to(device), labels.to(device)
    generator = torch.Generator().manual_seed(seed)
    while True:
        order = torch.randperm(len(labels), generator=generator).to(device)
        for start in range(0, len(order), batch_size):
            index = order[start:start + batch_size]
            yield normalise(images.index_select(0, index)), labels.index_select(0, index)


def dataloader_batches(loader, device, pin_memory):
    """The chapter's loop over a DataLoader, cycling epochs on its persistent workers like the suite's loaders."""
    while True:
        for x, y in loader:
            yield x.to(device, non_blocking=pin_memory), y.to(device, non_blocking=pin_memory)


def normalise(pixels):
    """x/255*2-1, the same values as ToTensor + Normalize(0.5, 0.5)."""
    return pixels.to(torch.float32).mul_(2 / 255).sub_(1)


# ---------------------------------------------------------------------------------------------------------------------
# Models and the training step.

def make_model(name, mode):
    nn = torch.nn
    if name == "cnn":
        # The chapter's Net (338,486 parameters), as one Sequential.
        return nn.Sequential(
            nn.Conv2d(3, 6, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Conv2d(6, 16, 5), nn.ReLU(), nn.MaxPool2d(2, 2),
            nn.Flatten(),
            nn.Linear(16 * 13 * 13, 120), nn.ReLU(),
            nn.Linear(120, 84), nn.ReLU(),
            nn.Linear(84, CLASSES))
    model = torchvision.models.vgg11_bn(weights=None)
    if mode == "frozen":
        # The chapter's fine-tune: every layer frozen but the new last one; the model stays in train() mode.
        for parameter in model.parameters():
            parameter.requires_grad = False
    model.classifier[6] = nn.Linear(model.classifier[6].in_features, CLASSES)
    return model


class TrainingStep:
    def __init__(self, model, device, precision="fp32", memory_format="contiguous"):
        model = model.to(device).train()
        if memory_format == "channels_last":
            model = model.to(memory_format=torch.channels_last)
        self.model = model
        self.criterion = torch.nn.CrossEntropyLoss()
        trainable = [parameter for parameter in model.parameters() if parameter.requires_grad]
        self.optimizer = torch.optim.SGD(trainable, lr=0.01, momentum=0.9)
        self.synchronise = device.type == "cuda"
        self.device_type = device.type
        # Mixed precision as PyTorch users write it: autocast around forward and loss, backward and step outside.
        self.autocast = precision == "bf16"

    def run(self, x, y):
        with torch.autocast(self.device_type, dtype=torch.bfloat16, enabled=self.autocast):
            loss = self.criterion(self.model(x), y)
        self.optimizer.zero_grad()
        loss.backward()
        self.optimizer.step()
        if self.synchronise:
            # The suite synchronises inside each measured step: the GPU work is counted, not just queued.
            torch.cuda.synchronize()


# ---------------------------------------------------------------------------------------------------------------------
# Timing: BenchmarkDotNet's shape (first call, pilot, warm-up, measured iterations) for steps of milliseconds to seconds.

def time_steps(step, batches, steps):
    start = time.perf_counter_ns()
    for _ in range(steps):
        step.run(*next(batches))
    return time.perf_counter_ns() - start


def measure(step, batches, timing):
    """Returns (K, ns per step of each measured iteration). K grows from 1 until an iteration of K steps lasts at
    least the target; the first step runs untimed, as BDN's jitting stage does (it also starts DataLoader workers)."""
    time_steps(step, batches, 1)
    steps = 1
    while True:
        elapsed = time_steps(step, batches, steps)
        if elapsed >= timing.iteration_target_ns:
            break
        steps = max(steps + 1, math.ceil(steps * timing.iteration_target_ns / max(elapsed, 1)))
    for _ in range(timing.warmup_iterations):
        time_steps(step, batches, steps)
    samples = [time_steps(step, batches, steps) / steps for _ in range(timing.measured_iterations)]
    return steps, samples


# ---------------------------------------------------------------------------------------------------------------------
# The sweep.

def plan_cases(args, cuda_available):
    """Every case to run, as (model, mode, device, batch, loader, workers, pin_memory, precision, memory_format), in the
    suite's order."""
    devices = [device for device in args.devices if device == "cpu" or cuda_available]
    cases = []
    for model in args.models:
        for mode in (args.modes if model == "vgg11bn" else [None]):
            for device in devices:
                for batch in args.batches:
                    if model == "vgg11bn" and device == "cpu" and batch > CHAPTER_BATCH_SIZE and not args.exhaustive:
                        continue
                    for loader in args.loaders:
                        if loader == "gpu_resident" and device != "cuda":
                            continue
                        if loader == "resident":
                            cases += [(model, mode, device, batch, loader, 0, False, *number_format)
                                      for number_format in formats(args, model, mode, device, batch)]
                            continue
                        if loader != "dataloader":
                            cases.append((model, mode, device, batch, loader, 0, False, *DEFAULT_FORMAT))
                            continue
                        for workers in WORKER_COUNTS:
                            # pin_memory needs CUDA: without it PyTorch pins nothing and warns.
                            for pin_memory in ((False, True) if cuda_available else (False,)):
                                cases.append((model, mode, device, batch, loader, workers, pin_memory, *DEFAULT_FORMAT))
    return cases


def formats(args, model, mode, device, batch):
    """The (precision, memory_format) pairs a resident case runs in. Other than fp32/contiguous only where the suite's
    PrecisionTraining has a peer: VGG in full mode, tf32 on CUDA, and on a CPU the CNN at batch 40 unless exhaustive."""
    chosen = []
    for precision in args.precisions:
        for memory_format in args.memory_formats:
            if (precision, memory_format) != DEFAULT_FORMAT:
                if mode == "frozen" or (precision == "tf32" and device != "cuda"):
                    continue
                if device == "cpu" and not args.exhaustive and not (model == "cnn" and batch == CHAPTER_BATCH_SIZE):
                    continue
            chosen.append((precision, memory_format))
    return chosen


def run_case(case, data, args, timing):
    model, mode, device, batch, loader, workers, pin_memory, precision, memory_format = case
    record = {"model": model, "mode": mode, "device": device, "batch_size": batch, "loader": loader,
              "workers": workers, "pin_memory": pin_memory, "precision": precision, "memory_format": memory_format}
    try:
        with tf32_allowed(precision == "tf32"):
            steps, ns_per_step = measure_case(case, data, args, timing)
        mean_ns = sum(ns_per_step) / len(ns_per_step)
        record.update({
            "steps_per_iteration": steps,
            "mean_ns_per_step": mean_ns,
            "images_per_second": batch * 1e9 / mean_ns,
            "ns_per_image": [ns / batch for ns in ns_per_step],
        })
    except Exception as error:  # one failed case (CUDA out of memory, say) is recorded and the sweep goes on
        lines = str(error).strip().splitlines()
        record["error"] = type(error).__name__ + (f": {lines[0]}" if lines else "")
    # The case's model, batches and DataLoader workers are unreferenced now: free them before the next case.
    gc.collect()
    if device == "cuda":
        torch.cuda.empty_cache()
    return record


@contextlib.contextmanager
def tf32_allowed(allowed):
    """TF32 tensor-core math in cuBLAS and cuDNN for one case (the suite's Tf32Mode); the switches are put back after."""
    saved = torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32
    if allowed:
        torch.backends.cuda.matmul.allow_tf32 = torch.backends.cudnn.allow_tf32 = True
    try:
        yield
    finally:
        torch.backends.cuda.matmul.allow_tf32, torch.backends.cudnn.allow_tf32 = saved


def measure_case(case, data, args, timing):
    model, mode, device, batch, loader, workers, pin_memory, precision, memory_format = case
    device = torch.device(device)
    images, labels = data
    torch.manual_seed(args.seed)
    step = TrainingStep(make_model(model, mode), device, precision, memory_format)
    if loader == "resident":
        batches = resident_batches(images, labels, batch, device, memory_format)
    elif loader == "gpu_resident":
        batches = gpu_resident_batches(images, labels, batch, device, args.seed)
    else:
        data_loader = torch.utils.data.DataLoader(
            UInt8Images(images, labels), batch_size=batch, shuffle=True, num_workers=workers,
            pin_memory=pin_memory, persistent_workers=workers > 0, generator=torch.Generator().manual_seed(args.seed))
        batches = dataloader_batches(data_loader, device, pin_memory)
    return measure(step, batches, timing)


def describe(case):
    model, mode, device, batch, loader, workers, pin_memory, precision, memory_format = case
    name = f"{model}{'/' + mode if mode else ''} {device} b{batch} {loader}"
    name += f" w{workers}{' pinned' if pin_memory else ''}" if loader == "dataloader" else ""
    return name + "".join(f" {part}" for part in (precision, memory_format) if part not in DEFAULT_FORMAT)


def cpu_model():
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    import platform
    return platform.processor() or platform.machine()


def machine_label(model, cores):
    """GeoAI.Runtime.MachineLabel's rule, so that default labels match the suite's results: the first word of the CPU
    model after vendor and trademark signs, lower case ("AMD EPYC 7763" -> "epyc"; Intel's Core adds its tier:
    "core-i7"), then the logical cores: "epyc-2c"."""
    words = [re.sub("[^a-z0-9]+", "", word.lower())
             for word in re.sub(r"\((R|TM|C)\)|®|™", " ", model or "", flags=re.IGNORECASE).split()
             if word.lower() not in ("amd", "intel", "apple", "arm", "ampere", "qualcomm", "genuine", "cpu", "processor")]
    words = [word for word in words if word]
    family = words[0] if words else "cpu"
    tier = re.match("^(i[3579]|ultra[3579]?)", words[1]) if family == "core" and len(words) > 1 else None
    if tier:
        family = f"core-{tier.group(0)}"
    return f"{family}-{cores}c"


def cpu_bf16_features():
    """The /proc/cpuinfo flags that decide bf16 speed on x86 (as the suite's RuntimeInfo names them), or "none"."""
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as cpuinfo:
            for line in cpuinfo:
                if line.startswith("flags") and ":" in line:
                    flags = set(line.split(":", 1)[1].split())
                    return " ".join(flag for flag in BF16_CPU_FLAGS if flag in flags) or "none"
    except OSError:
        pass
    return "unknown"


def blas_library():
    """Which BLAS does the GEMMs (the Linear layers; oneDNN does the convolutions). Builds that link the generic
    libblas.so.3 (Debian's) get whatever the system's alternatives point at: the reference BLAS, tens of times slower
    than OpenBLAS or MKL, unless an optimised one is installed."""
    if torch.backends.mkl.is_available():
        return "MKL"
    try:
        with open("/proc/self/maps", encoding="utf-8") as maps:
            paths = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    except OSError:
        paths = set()
    real = {os.path.realpath(path) for path in paths}
    if any("openblas" in path.lower() for path in real):
        return "OpenBLAS"
    if real:
        return "reference BLAS (" + ", ".join(sorted(real)) + ")"
    return "unknown"


def cudnn_version():
    version = torch.backends.cudnn.version() if torch.backends.cudnn.is_available() else None
    if not version:
        return None
    # cuDNN 9 encodes major*10000 + minor*100 + patch; cuDNN 8 used major*1000 + minor*100 + patch.
    major, rest = divmod(version, 10000 if version >= 90000 else 1000)
    return f"{major}.{rest // 100}.{rest % 100}"


def write_json(document, out):
    text = json.dumps(document, indent=2) + "\n"
    if not out:
        sys.stdout.write(text)
        return
    handle, temporary = tempfile.mkstemp(prefix=".pytorch-baseline-", suffix=".json",
                                         dir=os.path.dirname(os.path.abspath(out)))
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as file:
            file.write(text)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(temporary, 0o666 & ~umask)  # mkstemp makes it private; the result is an ordinary file
        os.replace(temporary, out)
    except BaseException:
        os.unlink(temporary)
        raise


def log(message):
    print(f"pytorch_baseline: {message}", file=sys.stderr, flush=True)


def main(argv):
    args = parse_args(argv)
    require_torch()
    if args.threads:
        torch.set_num_threads(args.threads)
    cuda_available = torch.cuda.is_available()
    if "cuda" in args.devices and not cuda_available:
        log("CUDA cases skipped: " + ("this PyTorch is a CPU-only build" if torch.version.cuda is None
                                     else "no CUDA device is visible"))
    cases = plan_cases(args, cuda_available)
    if not cases:
        log(f"the filters leave no case to run (VGG11-BN runs on the CPU only at batch {CHAPTER_BATCH_SIZE} unless "
            "--exhaustive; gpu_resident needs CUDA)")
        return 2

    gpu_name = torch.cuda.get_device_name(0) if cuda_available else None
    cpu = cpu_model()
    blas = blas_library()
    if blas.startswith("reference BLAS"):
        log("warning: this PyTorch does its matrix products with the reference BLAS, so it is far slower than PyTorch "
            "as usually installed; on Debian/Ubuntu: apt-get install libopenblas0-openmp")
    log(f"torch {torch.__version__}, torchvision {torchvision.__version__}, {torch.get_num_threads()} threads, BLAS {blas}, "
        f"CUDA {torch.version.cuda if cuda_available else 'not available'}{', ' + gpu_name if gpu_name else ''}; "
        f"CPU {cpu} (bf16 features: {cpu_bf16_features()}); {len(cases)} cases")
    data = make_training_set(args.images, args.seed)
    timing = Timing(args.quick)
    results = []
    for number, case in enumerate(cases, 1):
        record = run_case(case, data, args, timing)
        outcome = (f"failed: {record['error']}" if "error" in record else
                   f"{record['images_per_second']:.1f} images/s ({record['mean_ns_per_step'] / 1e6:.2f} ms/step, "
                   f"K={record['steps_per_iteration']})")
        log(f"[{number}/{len(cases)}] {describe(case)}: {outcome}")
        results.append(record)

    write_json({
        "tool": "pytorch",
        "version": torch.__version__,
        "torchvision": torchvision.__version__,
        "machine": args.machine,
        "device_name": gpu_name or cpu,
        "cpu": cpu,
        "cpu_bf16_features": cpu_bf16_features(),
        "threads": torch.get_num_threads(),
        "blas": blas,
        "onednn": torch.backends.mkldnn.is_available(),
        "cuda": torch.version.cuda,
        "cudnn": cudnn_version(),
        "data": f"synthetic uint8 in memory ({args.images} images, seed {args.seed})",
        "created": datetime.datetime.now(datetime.timezone.utc).isoformat(timespec="seconds"),
        "cases": results,
    }, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
