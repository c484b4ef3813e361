namespace GeoAI.Report;

/// <summary>
/// Input the reporter cannot use (no result files, malformed JSON, missing measurements, mismatched units, a bad option).
/// The message names the file and what is wrong, ready to print; commands turn it into exit code 2.
/// </summary>
public sealed class ReportException(string message, Exception? inner = null) : Exception(message, inner);
