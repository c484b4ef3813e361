#!/usr/bin/env python3
"""torch.save files for GeoAI.Tests' weights tests, written and checked by real PyTorch (Debian's python3-torch).

    python3 torch_weights.py write DIR          every file the tests read, into DIR
    python3 torch_weights.py same A B           exit 0 when torch.load(weights_only=True) of A and B gives the same
                                                names in the same order, dtypes, shapes and bytes
    python3 torch_weights.py loads FILE CLASSES exit 0 when FILE loads strictly into the tiny model with CLASSES classes

The tiny model has the parts that matter to a state dict: a convolution, a batch norm (float buffers and an int64
counter) and a two-layer classifier whose last layer is the head.
"""
import collections
import os
import sys
import zipfile

import torch


def tiny(classes):
    return torch.nn.Sequential(collections.OrderedDict([
        ("features", torch.nn.Sequential(torch.nn.Conv2d(3, 4, 3), torch.nn.BatchNorm2d(4))),
        ("classifier", torch.nn.Sequential(torch.nn.Linear(16, 8), torch.nn.ReLU(), torch.nn.Linear(8, classes))),
    ]))


def chapter_cnn(classes):
    """The chapter's Net, under its state-dict names (conv1 ... fc3)."""
    model = torch.nn.Module()
    model.conv1 = torch.nn.Conv2d(3, 6, 5)
    model.conv2 = torch.nn.Conv2d(6, 16, 5)
    model.fc1 = torch.nn.Linear(16 * 13 * 13, 120)
    model.fc2 = torch.nn.Linear(120, 84)
    model.fc3 = torch.nn.Linear(84, classes)
    return model


def seeded_state(model, seed):
    """Every float tensor drawn from the seed (running statistics too), the batch counter 7."""
    torch.manual_seed(seed)
    with torch.no_grad():
        for name, tensor in model.state_dict().items():
            if tensor.is_floating_point():
                tensor.copy_(torch.randn_like(tensor))
            elif name.endswith("num_batches_tracked"):
                tensor.fill_(7)
    return model.state_dict()


def raw_bytes(tensor):
    return tensor.contiguous().reshape(-1).view(torch.uint8).numpy().tobytes()


def write_raw(state, path):
    with open(path, "wb") as out:
        for tensor in state.values():
            out.write(raw_bytes(tensor))


class OldStyleTensor:
    """Pickled through torch._utils._rebuild_tensor, as PyTorch 0.1.12 to 0.3 pickled tensors (torchvision's 2017 files)."""

    def __init__(self, tensor):
        self.storage = tensor._typed_storage()
        self.offset, self.size, self.stride = tensor.storage_offset(), tuple(tensor.size()), tensor.stride()

    def __reduce__(self):
        return torch._utils._rebuild_tensor, (self.storage, self.offset, self.size, self.stride)


class Foreign:
    """Asks the unpickler to run os.system: a loader that obeyed would create the marker file."""

    def __init__(self, marker):
        self.marker = marker

    def __reduce__(self):
        return os.system, ("touch " + self.marker,)


class TensorPastItsStorage:
    """A tensor of 10 elements over a storage of 6."""

    def __reduce__(self):
        storage = torch.arange(6, dtype=torch.float32)._typed_storage()
        return torch._utils._rebuild_tensor_v2, (storage, 0, (10,), (1,), False, collections.OrderedDict())


def every_dtype_and_layout():
    base = torch.arange(24, dtype=torch.float32).reshape(4, 6)
    return collections.OrderedDict([
        ("f64", torch.tensor([1.5, -0.0, float("inf")], dtype=torch.float64)),
        ("f32", torch.tensor([float("nan"), -0.0, 1e-45, 3.4e38])),
        ("f16", torch.tensor([65504.0, -0.0, 6.1e-5], dtype=torch.float16)),
        ("bf16", torch.tensor([1.0, -3.0e38, 1.0e-38], dtype=torch.bfloat16)),
        ("i64", torch.tensor([-(2 ** 63), 2 ** 63 - 1], dtype=torch.int64)),
        ("i32", torch.tensor([-(2 ** 31), 2 ** 31 - 1], dtype=torch.int32)),
        ("i16", torch.tensor([-(2 ** 15), 2 ** 15 - 1], dtype=torch.int16)),
        ("i8", torch.tensor([-128, 127], dtype=torch.int8)),
        ("u8", torch.arange(256, dtype=torch.int64).to(torch.uint8)),
        ("bool", torch.tensor([True, False, True])),
        ("transposed", base.t()),
        ("row_two", base[2]),
        ("whole", base),
        ("scalar", torch.tensor(3.25)),
        ("empty", torch.zeros(0, 3)),
        ("parameter", torch.nn.Parameter(torch.tensor([0.5, 0.25]))),
    ])


def shortened_copy(source, target, record_suffix, cut):
    """The zip archive of source with one record cut short by cut bytes."""
    with zipfile.ZipFile(source) as original, zipfile.ZipFile(target, "w", zipfile.ZIP_STORED) as copy:
        for item in original.infolist():
            data = original.read(item.filename)
            copy.writestr(item, data[:-cut] if item.filename.endswith(record_suffix) else data)


def write(folder):
    state = seeded_state(tiny(10), 1)
    torch.save(state, os.path.join(folder, "tiny10.pth"))
    torch.save(state, os.path.join(folder, "tiny10-legacy.pth"), _use_new_zipfile_serialization=False)
    write_raw(state, os.path.join(folder, "tiny10.raw"))

    # Shaped like torchvision's vgg11_bn-6002323d.pth: legacy format, old-style tensors, no batch-norm counters
    # (PyTorch 0.4.1 added them), an ImageNet head.
    imagenet = collections.OrderedDict((name, tensor) for name, tensor in seeded_state(tiny(1000), 2).items()
                                       if not name.endswith("num_batches_tracked"))
    old_style = collections.OrderedDict((name, OldStyleTensor(tensor)) for name, tensor in imagenet.items())
    torch.save(old_style, os.path.join(folder, "tiny1000-old.pth"), _use_new_zipfile_serialization=False)
    write_raw(imagenet, os.path.join(folder, "tiny1000.raw"))

    torch.save(seeded_state(chapter_cnn(1000), 3), os.path.join(folder, "cnn1000.pth"))

    mixed = every_dtype_and_layout()
    torch.save(mixed, os.path.join(folder, "mixed.pth"))
    torch.save(mixed, os.path.join(folder, "mixed-legacy.pth"), _use_new_zipfile_serialization=False)

    torch.save(collections.OrderedDict([("weight", torch.ones(2)), ("payload", Foreign(os.path.join(folder, "ran")))]),
               os.path.join(folder, "foreign.pth"))
    torch.save({"weight": TensorPastItsStorage()}, os.path.join(folder, "past-storage.pth"))
    shortened_copy(os.path.join(folder, "mixed.pth"), os.path.join(folder, "short-record.pth"), "/data/0", 8)
    torch.save({"epoch": 3, "state_dict": state}, os.path.join(folder, "checkpoint.pth"))


def same(first, second):
    a, b = (torch.load(path, weights_only=True) for path in (first, second))
    if list(a) != list(b):
        sys.exit(f"names differ: {list(a)} and {list(b)}")
    for name in a:
        x, y = a[name], b[name]
        if x.dtype != y.dtype or x.shape != y.shape or raw_bytes(x) != raw_bytes(y):
            sys.exit(f"{name} differs: {x.dtype} {tuple(x.shape)} and {y.dtype} {tuple(y.shape)}")
    print(f"identical: {len(a)} tensors")


def loads(path, classes):
    result = tiny(int(classes)).load_state_dict(torch.load(path, weights_only=True), strict=True)
    print(result)


def unrestricted_load(path):
    """What the tests' foreign file does to a loader that trusts it: torch.load without weights_only runs its global."""
    torch.load(path, weights_only=False)


if __name__ == "__main__":
    command, *arguments = sys.argv[1:]
    {"write": write, "same": same, "loads": loads, "unrestricted-load": unrestricted_load}[command](*arguments)
