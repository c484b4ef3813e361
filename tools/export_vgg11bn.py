#!/usr/bin/env python3
"""Write torchvision's ImageNet VGG11-BN weights to a .safetensors file that GeoAI.Bench loads with --weights.

GeoAI.Bench cannot download weights itself; run this where PyTorch and the weights are available:

    pip install torch torchvision safetensors
    python3 tools/export_vgg11bn.py vgg11bn-imagenet.safetensors               # the 1000-class ImageNet head
    python3 tools/export_vgg11bn.py vgg11bn-eurosat10.safetensors --classes 10 # the chapter's new 10-class head

The state-dict keys are torchvision's, unchanged (features.0.weight, features.1.running_mean, classifier.6.bias, ...).
With --classes N, classifier.6 is replaced as the chapter does, by a fresh nn.Linear(4096, N) with PyTorch's default
initialisation, drawn after torch.manual_seed(--seed). The weights come from torchvision's download cache ($TORCH_HOME,
downloaded on first use) or, with --checkpoint, from a vgg11_bn-6002323d.pth file copied from elsewhere.
"""
import argparse
import os
import sys
import tempfile

import torch
import torchvision
from safetensors.torch import save_file


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("output", help="the .safetensors file to write")
    parser.add_argument("--classes", type=int, help="replace classifier.6 by a new head for this many classes")
    parser.add_argument("--seed", type=int, default=0, help="seed of the new head's initialisation (default 0)")
    parser.add_argument("--checkpoint", help="a local vgg11_bn-6002323d.pth instead of torchvision's download")
    arguments = parser.parse_args()
    if arguments.classes is not None and arguments.classes < 1:
        parser.error(f"--classes must be at least 1, not {arguments.classes}")
    return arguments


def imagenet_vgg11_bn(checkpoint):
    if checkpoint is None:
        return torchvision.models.vgg11_bn(weights="IMAGENET1K_V1")
    model = torchvision.models.vgg11_bn(weights=None)
    model.load_state_dict(torch.load(checkpoint, map_location="cpu", weights_only=True))
    return model


def main():
    arguments = parse_arguments()
    model = imagenet_vgg11_bn(arguments.checkpoint)
    head = "ImageNet (1000 classes)"
    if arguments.classes is not None:
        torch.manual_seed(arguments.seed)
        model.classifier[6] = torch.nn.Linear(model.classifier[6].in_features, arguments.classes)
        head = f"new {arguments.classes}-class head, seed {arguments.seed}"

    state = {name: tensor.detach().cpu().contiguous() for name, tensor in model.state_dict().items()}
    metadata = {
        "format": "pt",
        "source": "torchvision vgg11_bn IMAGENET1K_V1",
        "head": head,
        "torch": torch.__version__,
        "torchvision": torchvision.__version__,
    }

    # Written beside the destination and renamed when complete: a failure leaves no partial file behind.
    output = os.path.abspath(arguments.output)
    handle, temporary = tempfile.mkstemp(dir=os.path.dirname(output), suffix=".tmp")
    os.close(handle)
    try:
        save_file(state, temporary, metadata=metadata)
        os.replace(temporary, output)
    except BaseException:
        os.unlink(temporary)
        raise

    parameters = sum(parameter.numel() for parameter in model.parameters())
    print(f"wrote {output}: {len(state)} tensors, {parameters:,} parameters, {head}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
