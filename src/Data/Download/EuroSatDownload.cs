namespace GeoAI.Data;

/// <summary>Where EuroSAT RGB is published and how to check it.</summary>
public static class EuroSatDownload
{
    /// <summary>
    /// The address torchvision's <c>datasets.EuroSAT</c> downloads from (a pinned revision of torchgeo's Hugging Face
    /// mirror; the original madm.dfki.de host is gone).
    /// </summary>
    public const string OfficialUrl =
        "https://huggingface.co/datasets/torchgeo/eurosat/resolve/c877bcd43f099cd0196738f714544e355477f3fd/EuroSAT.zip";

    /// <summary>MD5 of that file, as torchvision checks it.</summary>
    public const string OfficialMd5 = "c8fa014336c82ac7804f0398fcb19387";

    /// <summary>
    /// Default place for the download: <c>EuroSAT.zip</c> in the geoai-bench cache root (<c>$GEOAI_CACHE_DIR</c>, else
    /// <c>$XDG_CACHE_HOME/geoai-bench</c>, else <c>~/.cache/geoai-bench</c>), beside the tensor caches.
    /// </summary>
    public static string DefaultDestination => Path.Combine(CacheLocation.Root, "EuroSAT.zip");
}
