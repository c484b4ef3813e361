using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GeoAI.Tests.Report;

/// <summary>
/// Debian's chromium, headless, driven over the DevTools protocol: opens a page, records every script exception, error
/// log entry, console error and network request, reads the state of each image, and captures the page as PNG.
/// </summary>
internal sealed class HeadlessChromium : IAsyncDisposable
{
    private static readonly string[] Candidates = ["/usr/bin/chromium", "/usr/bin/chromium-browser"];
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly Process process;
    private readonly string profile;
    private readonly StringBuilder stderr = new();
    private readonly ClientWebSocket socket = new();
    private readonly Dictionary<int, TaskCompletionSource<JsonNode>> pending = [];
    private readonly List<string> errors = [];
    private readonly List<string> requests = [];
    private TaskCompletionSource loaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Task? receiving;
    private int nextId;

    private HeadlessChromium(Process process, string profile)
    {
        this.process = process;
        this.profile = profile;
    }

    /// <summary>The chromium executable, or null; the caller fails the test with <see cref="MissingMessage"/>.</summary>
    public static string? Find() =>
        Candidates.FirstOrDefault(File.Exists) ??
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => Path.Combine(folder, "chromium")).FirstOrDefault(File.Exists);

    public const string MissingMessage =
        "chromium not found (looked for /usr/bin/chromium, /usr/bin/chromium-browser and chromium on PATH). The browser " +
        "check of the HTML report needs Debian's chromium: run the tests with ./geoai test, which installs it into the " +
        "compat runtime (scripts/compat.sh exec --with chromium), or install it with apt-get install chromium.";

    public IReadOnlyList<string> Errors { get { lock (errors) return [.. errors]; } }
    public IReadOnlyList<string> Requests { get { lock (requests) return [.. requests]; } }

    public static async Task<HeadlessChromium> Start(string executable, CancellationToken cancel)
    {
        var profile = Directory.CreateTempSubdirectory("geoai-chromium-").FullName;
        var start = new ProcessStartInfo(executable)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            UseShellExecute = false,
        };
        // Chromium runs as root here: no sandbox. Nothing may reach the network or start background services.
        foreach (var argument in new[]
                 {
                     "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                     "--disable-background-networking", "--disable-component-update", "--disable-sync",
                     "--disable-dev-shm-usage", "--hide-scrollbars", "--window-size=1280,1000",
                     $"--user-data-dir={profile}", "--remote-debugging-port=0", "about:blank",
                 })
            start.ArgumentList.Add(argument);
        var browser = new HeadlessChromium(Process.Start(start)!, profile);
        browser.process.ErrorDataReceived += (_, e) => { lock (browser.stderr) browser.stderr.AppendLine(e.Data); };
        browser.process.OutputDataReceived += (_, _) => { };
        browser.process.BeginErrorReadLine();
        browser.process.BeginOutputReadLine();
        try
        {
            await browser.Connect(cancel);
        }
        catch
        {
            await browser.DisposeAsync();
            throw;
        }
        return browser;
    }

    /// <summary>Chromium writes its DevTools port into the profile; the page target is found through /json/list.</summary>
    private async Task Connect(CancellationToken cancel)
    {
        var portFile = Path.Combine(profile, "DevToolsActivePort");
        var deadline = DateTime.UtcNow + Timeout;
        while (!File.Exists(portFile) || new FileInfo(portFile).Length == 0)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"chromium exited with code {process.ExitCode}:\n{StderrTail()}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"chromium did not open its DevTools port:\n{StderrTail()}");
            await Task.Delay(100, cancel);
        }
        var port = int.Parse((await File.ReadAllLinesAsync(portFile, cancel))[0]);
        using var http = new HttpClient { Timeout = Timeout };
        var targets = JsonNode.Parse(await http.GetStringAsync($"http://127.0.0.1:{port}/json/list", cancel))!.AsArray();
        var page = targets.First(t => t!["type"]!.GetValue<string>() == "page")!;
        await socket.ConnectAsync(new Uri(page["webSocketDebuggerUrl"]!.GetValue<string>()), cancel);
        receiving = Task.Run(() => Receive(CancellationToken.None), CancellationToken.None);
        foreach (var domain in new[] { "Runtime", "Log", "Network", "Page" })
            await Send($"{domain}.enable", new JsonObject(), cancel);
    }

    /// <summary>Opens the file and waits for its load event (all images loaded or failed).</summary>
    public async Task Open(string file, CancellationToken cancel)
    {
        loaded = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await Send("Page.navigate", new JsonObject { ["url"] = new Uri(file).AbsoluteUri }, cancel);
        await loaded.Task.WaitAsync(Timeout, cancel);
    }

    public async Task<JsonNode?> Evaluate(string expression, CancellationToken cancel)
    {
        var result = await Send("Runtime.evaluate",
            new JsonObject { ["expression"] = expression, ["returnByValue"] = true, ["awaitPromise"] = true }, cancel);
        return result["result"]?["value"];
    }

    /// <summary>The whole page (up to 16,000 px tall, Chromium's texture limit) as PNG bytes.</summary>
    public async Task<byte[]> Screenshot(CancellationToken cancel)
    {
        var metrics = await Send("Page.getLayoutMetrics", new JsonObject(), cancel);
        var size = metrics["cssContentSize"] ?? metrics["contentSize"]!;
        var clip = new JsonObject
        {
            ["x"] = 0, ["y"] = 0, ["scale"] = 1,
            ["width"] = size["width"]!.GetValue<double>(),
            ["height"] = Math.Min(size["height"]!.GetValue<double>(), 16_000),
        };
        var shot = await Send("Page.captureScreenshot",
            new JsonObject { ["format"] = "png", ["captureBeyondViewport"] = true, ["clip"] = clip }, cancel);
        return Convert.FromBase64String(shot["data"]!.GetValue<string>());
    }

    private async Task<JsonNode> Send(string method, JsonObject parameters, CancellationToken cancel)
    {
        var id = Interlocked.Increment(ref nextId);
        var reply = new TaskCompletionSource<JsonNode>(TaskCreationOptions.RunContinuationsAsynchronously);
        lock (pending)
            pending[id] = reply;
        var message = new JsonObject { ["id"] = id, ["method"] = method, ["params"] = parameters }.ToJsonString();
        await socket.SendAsync(Encoding.UTF8.GetBytes(message), WebSocketMessageType.Text, true, cancel);
        var answer = await reply.Task.WaitAsync(Timeout, cancel);
        if (answer["error"] is { } error)
            throw new InvalidOperationException($"{method} failed: {error.ToJsonString()}");
        return answer["result"]!;
    }

    private async Task Receive(CancellationToken cancel)
    {
        var buffer = new byte[1 << 16];
        var message = new MemoryStream();
        while (socket.State == WebSocketState.Open)
        {
            WebSocketReceiveResult part;
            try
            {
                part = await socket.ReceiveAsync(buffer, cancel);
            }
            catch (WebSocketException)
            {
                return;
            }
            if (part.MessageType == WebSocketMessageType.Close)
                return;
            message.Write(buffer, 0, part.Count);
            if (!part.EndOfMessage)
                continue;
            var node = JsonNode.Parse(message.ToArray())!;
            message.SetLength(0);
            if (node["id"] is { } id)
            {
                TaskCompletionSource<JsonNode>? reply;
                lock (pending)
                    pending.Remove(id.GetValue<int>(), out reply);
                reply?.TrySetResult(node);
            }
            else
                OnEvent(node["method"]!.GetValue<string>(), node["params"]);
        }
    }

    private void OnEvent(string method, JsonNode? parameters)
    {
        switch (method)
        {
            case "Page.loadEventFired":
                loaded.TrySetResult();
                break;
            case "Runtime.exceptionThrown":
                var details = parameters!["exceptionDetails"]!;
                Error($"exception: {details["exception"]?["description"]?.GetValue<string>() ?? details["text"]!.GetValue<string>()}");
                break;
            case "Log.entryAdded" when parameters!["entry"]!["level"]!.GetValue<string>() == "error":
                Error($"log: {parameters["entry"]!["text"]} {parameters["entry"]!["url"]}");
                break;
            case "Runtime.consoleAPICalled" when parameters!["type"]!.GetValue<string>() is "error" or "assert":
                Error($"console.{parameters["type"]}: {string.Join(" ", parameters["args"]!.AsArray().Select(a => a?["value"]?.ToString() ?? a?["description"]?.ToString()))}");
                break;
            case "Network.requestWillBeSent":
                var url = parameters!["request"]!["url"]!.GetValue<string>();
                lock (requests)
                    requests.Add(url.Length > 80 ? url[..80] : url);
                break;
            case "Network.loadingFailed":
                Error($"network: {parameters!["errorText"]}");
                break;
        }
    }

    private void Error(string text)
    {
        lock (errors)
            errors.Add(text);
    }

    private string StderrTail()
    {
        lock (stderr)
        {
            var text = stderr.ToString();
            return text.Length > 2000 ? text[^2000..] : text;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (socket.State == WebSocketState.Open)
        {
            try
            {
                await socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
            }
            catch (WebSocketException)
            {
                // chromium may already be closing the connection
            }
        }
        socket.Dispose();
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
        await process.WaitForExitAsync();
        process.Dispose();
        if (receiving is not null)
            await receiving;
        Directory.Delete(profile, recursive: true);
    }
}
