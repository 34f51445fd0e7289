using System.Collections.Concurrent;
using System.Net;

namespace Sitrep.Tests.Web;

/// <summary>Answers every request at once without a network, recording the URLs, for tests of what happens around the request.</summary>
public sealed class StubHandler(Func<HttpRequestMessage, HttpResponseMessage>? respond = null) : HttpMessageHandler
{
    public ConcurrentQueue<Uri> Requests { get; } = new();

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue(request.RequestUri!);
        var response = respond?.Invoke(request) ?? new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent([1, 2, 3]) };
        return Task.FromResult(response);
    }
}
