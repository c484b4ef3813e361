using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace GeoAI.Tests.Data;

/// <summary>
/// A minimal HTTP/1.1 server on 127.0.0.1 for download tests: each request is answered by a script that can serve
/// the file (honouring Range or not), cut the connection part-way, stall part-way, send a range other than the one
/// asked for, or answer with an error status (5xx, 404, 416).
/// </summary>
internal sealed class LocalHttpServer : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly Func<int, Request, Reply> script;
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    /// <param name="script">Given the request number (from 1) and the request, says how to answer.</param>
    public LocalHttpServer(Func<int, Request, Reply> script)
    {
        this.script = script;
        listener.Start();
        loop = Task.Run(Serve);
    }

    public string Url(string path = "/EuroSAT.zip") => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}{path}";

    public ConcurrentQueue<Request> Requests { get; } = new();

    public sealed record Request(string Path, long? RangeStart);

    /// <summary>
    /// An answer: a status, the whole body, whether to honour a Range request, where to cut the connection, where to
    /// stop sending but keep the connection open (until the client hangs up), and a range to send (as 206, with a
    /// Content-Range that describes it truthfully) whatever the request asked: RangeFrom defaults to the request's start,
    /// RangeTo to the last byte.
    /// </summary>
    public sealed record Reply(int Status, byte[] Body, bool HonourRange = true, int? CutAfter = null, int? StallAfter = null,
        long? RangeFrom = null, long? RangeTo = null)
    {
        public static Reply NotFound => new(404, "no such file"u8.ToArray());

        /// <summary>An error status (5xx, 416) with a short text body.</summary>
        public static Reply Error(int status) => new(status, Encoding.ASCII.GetBytes($"error {status}"));
    }

    private async Task Serve()
    {
        var number = 0;
        while (!stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stop.Token);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            using (client)
            {
                try
                {
                    await Answer(client, ++number);
                }
                catch (IOException)
                {
                    // The client hung up; the next request gets the next answer.
                }
                catch (OperationCanceledException)
                {
                    return; // disposed while a stalled answer waited
                }
            }
        }
    }

    private async Task Answer(TcpClient client, int number)
    {
        var stream = client.GetStream();
        var request = await ReadRequest(stream);
        Requests.Enqueue(request);
        var reply = script(number, request);
        var (status, from, to) = Range(reply, request);
        var body = reply.Body.AsMemory((int)from, (int)(to - from + 1));
        var header = new StringBuilder($"HTTP/1.1 {status} {Reason(status)}\r\n")
            .Append($"Content-Length: {body.Length}\r\n")
            .Append("Accept-Ranges: bytes\r\n")
            .Append(status == 206 ? $"Content-Range: bytes {from}-{to}/{reply.Body.Length}\r\n" : "")
            .Append("Connection: close\r\n\r\n");
        await stream.WriteAsync(Encoding.ASCII.GetBytes(header.ToString()));
        if (reply.CutAfter is { } cut && cut < body.Length)
        {
            await stream.WriteAsync(body[..cut]);
            await stream.FlushAsync();
            client.Client.LingerState = new LingerOption(true, 0); // reset, as a dropped connection does
            return;
        }
        if (reply.StallAfter is { } stall && stall < body.Length)
        {
            await stream.WriteAsync(body[..stall]);
            await stream.FlushAsync();
            await stream.ReadAtLeastAsync(new byte[1], 1, throwOnEndOfStream: false, stop.Token); // silent until the client gives up and closes
            return;
        }
        await stream.WriteAsync(body);
    }

    /// <summary>The status and the inclusive byte range of the body to send.</summary>
    private static (int Status, long From, long To) Range(Reply reply, Request request)
    {
        var last = reply.Body.Length - 1L;
        if (reply.RangeFrom is not null || reply.RangeTo is not null)
            return (206, reply.RangeFrom ?? request.RangeStart ?? 0, reply.RangeTo ?? last);
        var start = reply.Status == 200 && reply.HonourRange && request.RangeStart is { } from && from < reply.Body.Length ? from : 0;
        return (start > 0 ? 206 : reply.Status, start, last);
    }

    private static string Reason(int status) => status switch
    {
        200 => "OK",
        206 => "Partial Content",
        404 => "Not Found",
        416 => "Range Not Satisfiable",
        500 => "Internal Server Error",
        503 => "Service Unavailable",
        _ => "Error",
    };

    private static async Task<Request> ReadRequest(NetworkStream stream)
    {
        var text = new StringBuilder();
        var buffer = new byte[1];
        while (!text.ToString().EndsWith("\r\n\r\n", StringComparison.Ordinal) && await stream.ReadAsync(buffer) == 1)
            text.Append((char)buffer[0]);
        var lines = text.ToString().Split("\r\n");
        var path = lines[0].Split(' ')[1];
        var range = lines.FirstOrDefault(l => l.StartsWith("Range: bytes=", StringComparison.OrdinalIgnoreCase));
        long? rangeStart = range is null ? null : long.Parse(range["Range: bytes=".Length..].TrimEnd('-').Split('-')[0]);
        return new Request(path, rangeStart);
    }

    public void Dispose()
    {
        stop.Cancel();
        listener.Stop();
        try
        {
            loop.Wait(TimeSpan.FromSeconds(5));
        }
        catch (AggregateException)
        {
        }
        stop.Dispose();
    }
}
