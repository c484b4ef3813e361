namespace GeoAI.Bench.Commands;

/// <summary>
/// Bad input a command finds itself, after parsing (for example <c>--device cuda</c> where CUDA is not available). The
/// message names the option or file and says what is wrong; <see cref="SubCommand"/> prints it and exits 2.
/// </summary>
internal sealed class UsageException(string message) : Exception(message);
