namespace GeoAI.Bench.Commands;

/// <summary>Runs BenchmarkDotNet with the shared configuration.</summary>
internal static class BenchmarkCommand
{
    public static int Run(string[] args)
    {
        Console.Error.WriteLine("The benchmark suite is not built yet.");
        return 2;
    }
}
