namespace GeoAI.Models;

/// <summary>What a conversion wrote.</summary>
public sealed record WeightsConversion(string Input, WeightsFormat InputFormat, string Output, WeightsFormat OutputFormat, int Tensors, long Bytes)
{
    /// <summary>One line: "converted 62 tensors (491.4 MB) from IN (PyTorch zip) to OUT (safetensors); read back and identical".</summary>
    public string Describe() =>
        $"converted {Tensors} tensors ({WeightsLoadReport.Megabytes(Bytes)} MB) from {Input} ({InputFormat.Describe()}) " +
        $"to {Output} ({OutputFormat.Describe()}); read back and identical";
}

/// <summary>
/// Converts a weights file between .pth/.pt and .safetensors (either way, or to a new file of the same format), value
/// for value: the input is checked in full as for loading, the output is written under a temporary name, read back
/// with the same checks and compared with the input tensor by tensor (names, dtypes, shapes, every byte) before it is
/// renamed into place. On any failure nothing is left at the output path. No libtorch is needed.
/// </summary>
public static class WeightsConverter
{
    private const int CompareBufferBytes = 1 << 20;

    public static WeightsConversion Convert(string input, string output)
    {
        var outputFormat = WeightsFormats.ForWriting(output);
        if (Path.GetFullPath(input) == Path.GetFullPath(output))
            throw new WeightsFileException(output, "is the input file; convert to another file");
        using var source = WeightsFile.Open(input);
        var tensors = TensorToWrite.From(source);
        AtomicFile.Write(output, stream => WeightsWriter.Write(outputFormat, stream, tensors, source.Metadata), temporary =>
        {
            using var written = WeightsFile.Open(temporary, outputFormat);
            CheckIdentical(source, written);
        });
        return new WeightsConversion(Path.GetFullPath(input), source.Format, Path.GetFullPath(output), outputFormat,
            source.Tensors.Count, source.ByteLength);
    }

    /// <summary>Throws unless both files hold the same tensors in the same order with the same bytes.</summary>
    private static void CheckIdentical(WeightsFile expected, WeightsFile actual)
    {
        if (!expected.Tensors.SequenceEqual(actual.Tensors, StoredTensorComparer.Instance))
            throw new InvalidOperationException($"{actual.FilePath}: the written tensors' names, dtypes or shapes differ from {expected.FilePath}'s");
        var left = new byte[CompareBufferBytes];
        var right = new byte[CompareBufferBytes];
        foreach (var (tensor, written) in expected.Tensors.Zip(actual.Tensors))
        {
            using var expectedValues = expected.OpenRead(tensor);
            using var actualValues = actual.OpenRead(written);
            for (var remaining = tensor.ByteLength; remaining > 0;)
            {
                var count = (int)Math.Min(remaining, CompareBufferBytes);
                expectedValues.ReadExactly(left, 0, count);
                actualValues.ReadExactly(right, 0, count);
                if (!left.AsSpan(0, count).SequenceEqual(right.AsSpan(0, count)))
                    throw new InvalidOperationException($"{actual.FilePath}: tensor '{tensor.Name}' was not written as it was read");
                remaining -= count;
            }
        }
    }

    /// <summary>Name, dtype and shape (records compare lists by reference).</summary>
    private sealed class StoredTensorComparer : IEqualityComparer<StoredTensor>
    {
        public static StoredTensorComparer Instance { get; } = new();

        public bool Equals(StoredTensor? x, StoredTensor? y) =>
            x is not null && y is not null && x.Name == y.Name && x.DType == y.DType && x.Shape.SequenceEqual(y.Shape);

        public int GetHashCode(StoredTensor tensor) => tensor.Name.GetHashCode(StringComparison.Ordinal);
    }
}
