namespace GeoAI.Bench.Ab;

/// <summary>Bad input to <c>ab</c> (exit code 2): a revision that does not exist or does not build, a path that is not a checkout.</summary>
internal sealed class AbException(string message) : Exception(message);
