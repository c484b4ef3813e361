using System.Diagnostics;

namespace GeoAI.Runtime;

/// <summary>
/// Finds an existing libtorch for the <c>system</c> backend: <c>GEOAI_LIBTORCH</c> when set, otherwise the
/// <c>lib/</c> folder of the <c>torch</c> Python package when <c>python3</c> can import it. That is how a GPU box
/// with PyTorch installed runs CUDA without downloading another libtorch.
/// </summary>
public static class LibTorchLocator
{
    public const string EnvironmentVariable = "GEOAI_LIBTORCH";

    public sealed record Result(string? Directory, string Explanation);

    public static Result Locate() => Locate(Environment.GetEnvironmentVariable(EnvironmentVariable), FindPythonTorchLib);

    /// <summary>The decision itself, with the Python probe passed in so tests can answer for it.</summary>
    public static Result Locate(string? configured, Func<string?> pythonTorchLib)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return HasLibTorch(configured)
                ? new Result(configured, $"{EnvironmentVariable}={configured}")
                : new Result(null, $"{EnvironmentVariable}={configured} does not contain libtorch_cpu.so; " +
                                   "point it at the folder that holds libtorch.so, libtorch_cpu.so and libc10.so.");
        }
        var fromPython = pythonTorchLib();
        if (fromPython is not null && HasLibTorch(fromPython))
            return new Result(fromPython, $"PyTorch's {fromPython}");
        return new Result(null,
            "TorchBackend=system needs an existing libtorch: set GEOAI_LIBTORCH=<folder with libtorch_cpu.so>, " +
            "or install PyTorch so that `python3 -c \"import torch\"` works. " +
            "Alternatively build with -p:TorchBackend=cpu (default) or -p:TorchBackend=cuda.");
    }

    private static bool HasLibTorch(string directory) => File.Exists(Path.Combine(directory, "libtorch_cpu.so"));

    /// <summary>Asks python3 where the torch package keeps its shared libraries; null when it cannot say.</summary>
    private static string? FindPythonTorchLib()
    {
        try
        {
            var start = new ProcessStartInfo("python3")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            };
            start.ArgumentList.Add("-c");
            start.ArgumentList.Add("import os, torch; print(os.path.join(os.path.dirname(torch.__file__), 'lib'))");
            using var python = Process.Start(start);
            if (python is null)
                return null;
            var errors = python.StandardError.ReadToEndAsync(); // drained so a chatty import cannot block the pipe
            var output = python.StandardOutput.ReadToEnd().Trim();
            errors.Wait();
            if (!python.WaitForExit(TimeSpan.FromSeconds(60)) || python.ExitCode != 0)
                return null;
            return output.Length > 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null; // no python3 on PATH
        }
    }
}
