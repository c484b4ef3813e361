using GeoAI.Runtime;

if (!TorchBackend.TryLoad(out var error))
{
    if (CompatRuntime.CanRelaunch)
        return CompatRuntime.Relaunch(args);
    Console.Error.WriteLine($"error: libtorch did not load: {error}");
    return 2;
}
Console.WriteLine(RuntimeInfo.Current.ToLine());
return 0;
