using StbImageSharp;

namespace GeoAI.Data;

/// <summary>JPEG decoding through StbImageSharp (managed port of stb_image), to RGB, then to RGB planes.</summary>
public sealed class StbJpegDecoder : IJpegDecoder
{
    public JpegDecoderKind Kind => JpegDecoderKind.Stb;

    public string Name { get; } = $"StbImageSharp {LibraryVersion.Of(typeof(ImageResult))}";

    public void Decode(byte[] jpeg, Span<byte> chw)
    {
        JpegFormat.EnsureComplete(jpeg);
        ImageResult image;
        try
        {
            image = ImageResult.FromMemory(jpeg, ColorComponents.RedGreenBlue);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            throw new InvalidDataException($"corrupt JPEG: StbImageSharp says \"{e.Message}\"", e);
        }
        if (image?.Data is null)
            throw new InvalidDataException("corrupt JPEG: StbImageSharp returned no pixels");
        ImageResampler.ToChw(image.Data, image.Width, image.Height, 3, chw);
    }
}
