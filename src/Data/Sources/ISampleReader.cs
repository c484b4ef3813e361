namespace GeoAI.Data;

/// <summary>Produces the pixels of samples, one thread at a time.</summary>
internal interface ISampleReader : IDisposable
{
    /// <summary>Writes sample <paramref name="index"/> as uint8 CHW [3,64,64]; throws <see cref="DataSourceException"/> naming the file.</summary>
    void Read(int index, Span<byte> chw);

    /// <summary>The file behind a sample, for messages ("EuroSAT.zip!2750/Forest/Forest_1.jpg").</summary>
    string Describe(int index);
}
