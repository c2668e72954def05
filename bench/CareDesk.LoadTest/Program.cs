using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

// Ingest load driver: posts signed mentions to a desk that is already running, and reports what it accepted and how fast.
// It starts nothing itself and only talks to loopback addresses.

const int MaxCount = 100_000;
const int MaxConcurrency = 64;
const int MaxSeconds = 600;

var options = ParseArgs(args);
if (options is null)
{
    Console.Error.WriteLine("""
        usage: CareDesk.LoadTest --url http://127.0.0.1:5080 [--count 2000] [--concurrency 8] [--max-seconds 120] [--warmup 20]
                                 [--email admin@demo.caredesk] [--password Demo!pass1]
        """);
    return 2;
}
var (baseUrl, count, concurrency, maxSeconds, warmup, email, password) = options.Value;

if (!Uri.TryCreate(baseUrl, UriKind.Absolute, out var baseUri) || baseUri.Scheme is not ("http" or "https") || !IsLoopback(baseUri))
{
    Console.Error.WriteLine($"Refusing {baseUrl}: the load driver only targets a desk on this machine (localhost, 127.0.0.0/8, ::1).");
    return 2;
}
if (count is < 1 or > MaxCount || concurrency is < 1 or > MaxConcurrency || maxSeconds is < 1 or > MaxSeconds || warmup is < 0 or > 1000)
{
    Console.Error.WriteLine($"Out of bounds: count 1..{MaxCount}, concurrency 1..{MaxConcurrency}, max-seconds 1..{MaxSeconds}, warmup 0..1000.");
    return 2;
}

using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) })
{
    BaseAddress = baseUri,
    Timeout = TimeSpan.FromSeconds(30),
};

var login = await http.PostAsJsonAsync("/api/auth/login", new { email, password });
if (!login.IsSuccessStatusCode)
{
    Console.Error.WriteLine($"Login as {email} failed: {(int)login.StatusCode}. Is the desk running with the demo users (Demo:Enabled=true)?");
    return 1;
}
var token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString();
using var createChannel = new HttpRequestMessage(HttpMethod.Post, "/api/channels")
{
    Content = JsonContent.Create(new { type = "generic", name = $"Load test {DateTime.UtcNow:yyyy-MM-dd HH:mm:ss}" }),
};
createChannel.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
var channelResponse = await http.SendAsync(createChannel);
if (channelResponse.StatusCode != HttpStatusCode.Created)
{
    Console.Error.WriteLine($"Creating the generic channel failed: {(int)channelResponse.StatusCode} {await channelResponse.Content.ReadAsStringAsync()}");
    return 1;
}
var channel = await channelResponse.Content.ReadFromJsonAsync<JsonElement>();
var key = channel.GetProperty("key").GetString()!;
var secret = Encoding.UTF8.GetBytes(channel.GetProperty("secret").GetString()!);
var run = Guid.NewGuid().ToString("N")[..8];

string[] texts =
[
    "My order arrived broken and nobody answers my emails!",
    "Is the app down for everyone? Nothing loads.",
    "Do you ship to Norway?",
    "Love the new update, great job team!",
    "We're evaluating vendors for 40 seats, can we get a quote and a demo?",
    "Still waiting for my refund after two weeks...",
    "How do I change the email on my account?",
    "Thanks for the quick help yesterday!",
];

async Task<(HttpStatusCode? Status, double Milliseconds)> PostMention(int n)
{
    var k = Math.Abs(n); // warm-up mentions have negative numbers
    var body = JsonSerializer.SerializeToUtf8Bytes(new
    {
        id = $"load-{run}-{n}",
        kind = "post",
        text = texts[k % texts.Length],
        createdAt = DateTime.UtcNow,
        author = new { id = $"load-{run}-author-{k % 500}", handle = $"@loader{k % 500}", name = $"Load author {k % 500}", followers = k % 5000 },
    });
    using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/generic/{key}") { Content = new ByteArrayContent(body) };
    request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
    request.Headers.Add("X-CareDesk-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(secret, body)));
    var started = Stopwatch.GetTimestamp();
    try
    {
        using var response = await http.SendAsync(request);
        return (response.StatusCode, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
    catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
    {
        return (null, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
    }
}

for (var i = 0; i < warmup; i++)
    await PostMention(-1 - i);

Console.WriteLine($"Posting {count} mentions to {baseUri} with {concurrency} concurrent senders (at most {maxSeconds} s)...");
var next = -1;
var latencies = new double[count];
var statuses = new HttpStatusCode?[count];
var done = new bool[count];
var deadline = Stopwatch.GetTimestamp() + (long)(maxSeconds * Stopwatch.Frequency);
var clock = Stopwatch.StartNew();
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
{
    int n;
    while ((n = Interlocked.Increment(ref next)) < count && Stopwatch.GetTimestamp() < deadline)
    {
        (statuses[n], latencies[n]) = await PostMention(n);
        done[n] = true;
    }
}));
clock.Stop();

var finished = Enumerable.Range(0, count).Where(i => done[i]).ToList();
var sent = finished.Count;
var accepted = finished.Count(i => statuses[i] == HttpStatusCode.Accepted);
var acceptedLatencies = finished.Where(i => statuses[i] == HttpStatusCode.Accepted).Select(i => latencies[i]).Order().ToArray();
var failures = finished.Select(i => statuses[i]).Where(s => s != HttpStatusCode.Accepted)
    .GroupBy(s => s is null ? "no answer" : ((int)s).ToString(CultureInfo.InvariantCulture))
    .Select(g => $"{g.Key}: {g.Count()}");

double Percentile(double p) => acceptedLatencies.Length == 0 ? double.NaN : acceptedLatencies[(int)Math.Ceiling(p * acceptedLatencies.Length) - 1];

Console.WriteLine($"sent {sent}, accepted {accepted} in {clock.Elapsed.TotalSeconds:F2} s{(sent < count ? " (stopped at the time cap)" : "")}");
Console.WriteLine($"throughput: {accepted / clock.Elapsed.TotalSeconds:F1} mentions/s accepted");
Console.WriteLine($"latency of accepted (ms): p50 {Percentile(0.50):F1}  p95 {Percentile(0.95):F1}  p99 {Percentile(0.99):F1}  max {(acceptedLatencies.Length == 0 ? double.NaN : acceptedLatencies[^1]):F1}");
Console.WriteLine($"not accepted: {(sent == accepted ? "none" : string.Join(", ", failures))}");
return sent == accepted ? 0 : 1;

static bool IsLoopback(Uri uri) =>
    uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var address) && IPAddress.IsLoopback(address));

static (string Url, int Count, int Concurrency, int MaxSeconds, int Warmup, string Email, string Password)? ParseArgs(string[] args)
{
    var values = new Dictionary<string, string>
    {
        ["url"] = "", ["count"] = "2000", ["concurrency"] = "8", ["max-seconds"] = "120", ["warmup"] = "20",
        ["email"] = "admin@demo.caredesk", ["password"] = "Demo!pass1",
    };
    for (var i = 0; i < args.Length; i++)
    {
        if (!args[i].StartsWith("--") || !values.ContainsKey(args[i][2..]) || i + 1 >= args.Length)
            return null;
        values[args[i][2..]] = args[++i];
    }
    if (values["url"].Length == 0
        || !int.TryParse(values["count"], CultureInfo.InvariantCulture, out var count)
        || !int.TryParse(values["concurrency"], CultureInfo.InvariantCulture, out var concurrency)
        || !int.TryParse(values["max-seconds"], CultureInfo.InvariantCulture, out var maxSeconds)
        || !int.TryParse(values["warmup"], CultureInfo.InvariantCulture, out var warmup))
        return null;
    return (values["url"], count, concurrency, maxSeconds, warmup, values["email"], values["password"]);
}
