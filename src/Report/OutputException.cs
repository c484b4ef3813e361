namespace GeoAI.Report;

/// <summary>
/// An output folder that cannot be written: <c>--out</c> is a file, holds someone's other files, or the disk refused a
/// write. The message names the folder and what is wrong; nothing was written. Commands turn it into exit code 2.
/// </summary>
public sealed class OutputException(string message, Exception? inner = null) : Exception(message, inner);
