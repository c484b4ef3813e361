using System.Security.Cryptography;

namespace GeoAI.Data;

/// <summary>
/// A checksum a download must match: SHA-256 or MD5 as lower-case hex, or only the first digits of a SHA-256, which
/// is what torch.hub's file names carry (vgg11_bn-6002323d.pth) and check.
/// </summary>
public sealed record ExpectedChecksum
{
    private ExpectedChecksum(string algorithm, string hex, bool isPrefix = false)
    {
        Algorithm = algorithm;
        Hex = hex;
        IsPrefix = isPrefix;
    }

    /// <summary>"sha256" or "md5".</summary>
    public string Algorithm { get; }

    public string Hex { get; }

    /// <summary>True when <see cref="Hex"/> is only the start of the digest.</summary>
    public bool IsPrefix { get; }

    public static ExpectedChecksum Sha256(string hex) => new("sha256", Normalise(hex, 64, 64, "SHA-256"));

    public static ExpectedChecksum Sha256Prefix(string hex) => new("sha256", Normalise(hex, 1, 64, "SHA-256 prefix"), isPrefix: true);

    public static ExpectedChecksum Md5(string hex) => new("md5", Normalise(hex, 32, 32, "MD5"));

    /// <summary>Whether a file whose digest is <paramref name="actualHex"/> (lower-case hex) matches.</summary>
    public bool Matches(string actualHex) =>
        IsPrefix ? actualHex.StartsWith(Hex, StringComparison.Ordinal) : actualHex == Hex;

    /// <summary>The file's checksum in this algorithm, lower-case hex.</summary>
    public string Compute(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 20);
        using HashAlgorithm algorithm = Algorithm == "sha256" ? SHA256.Create() : MD5.Create();
        return Convert.ToHexStringLower(algorithm.ComputeHash(stream));
    }

    public override string ToString() => IsPrefix ? $"{Algorithm} prefix {Hex}" : $"{Algorithm} {Hex}";

    private static string Normalise(string hex, int minLength, int maxLength, string name)
    {
        var trimmed = hex.Trim().ToLowerInvariant();
        if (trimmed.Length < minLength || trimmed.Length > maxLength || !trimmed.All(char.IsAsciiHexDigit))
            throw new ArgumentException(minLength == maxLength
                ? $"a {name} checksum is {maxLength} hex digits, not \"{hex}\""
                : $"a {name} is {minLength} to {maxLength} hex digits, not \"{hex}\"");
        return trimmed;
    }
}
