using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace GeoAI.Report.Results;

/// <summary>
/// Reads a double written as a number or as a string. BenchmarkDotNet's SimpleJson writes NaN as "" (a metric that was
/// not measured, e.g. peak GPU memory on a CPU case), and other tools write "NaN" or "Infinity"; all of these are valid.
/// </summary>
internal sealed class LenientDoubleConverter : JsonConverter<double>
{
    public override double Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.Number)
            return reader.GetDouble();
        if (reader.TokenType == JsonTokenType.Null)
            return double.NaN;
        if (reader.TokenType == JsonTokenType.String)
        {
            var text = reader.GetString()!.Trim();
            if (text.Length == 0)
                return double.NaN;
            if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
                return value;
            throw new JsonException($"'{text}' is not a number");
        }
        throw new JsonException($"expected a number, found {reader.TokenType}");
    }

    public override void Write(Utf8JsonWriter writer, double value, JsonSerializerOptions options) =>
        writer.WriteNumberValue(value);
}
