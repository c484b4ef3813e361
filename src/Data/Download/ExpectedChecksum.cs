using System.Security.Cryptography;

namespace GeoAI.Data;

/// <summary>A checksum a download must match: SHA-256 or MD5, as lower-case hex.</summary>
public sealed record ExpectedChecksum
{
    private ExpectedChecksum(string algorithm, string hex)
    {
        Algorithm = algorithm;
        Hex = hex;
    }

    /// <summary>"sha256" or "md5".</summary>
    public string Algorithm { get; }

    public string Hex { get; }

    public static ExpectedChecksum Sha256(string hex) => new("sha256", Normalise(hex, 64, "SHA-256"));

    public static ExpectedChecksum Md5(string hex) => new("md5", Normalise(hex, 32, "MD5"));

    /// <summary>The file's checksum in this algorithm, lower-case hex.</summary>
    public string Compute(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using HashAlgorithm algorithm = Algorithm == "sha256" ? SHA256.Create() : MD5.Create();
        return Convert.ToHexStringLower(algorithm.ComputeHash(stream));
    }

    public override string ToString() => $"{Algorithm} {Hex}";

    private static string Normalise(string hex, int length, string name)
    {
        var trimmed = hex.Trim().ToLowerInvariant();
        if (trimmed.Length != length || !trimmed.All(char.IsAsciiHexDigit))
            throw new ArgumentException($"a {name} checksum is {length} hex digits, not \"{hex}\"");
        return trimmed;
    }
}
