using System.Globalization;
using Microsoft.AspNetCore.Http.Features;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// Refuses bodies over the configured limit with a Vietnamese 413 problem: early from Content-Length, and while
/// reading for bodies sent without one (chunked), whatever server runs the app.
/// </summary>
public static class RequestLimits
{
    public static IApplicationBuilder UseUploadLimit(this IApplicationBuilder app, long maxBytes) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.ContentLength > maxBytes)
            {
                await ApiProblem.WriteAsync(context, "UPLOAD_TOO_LARGE", StatusCodes.Status413PayloadTooLarge, (maxBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture));
                return;
            }

            if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            {
                limit.MaxRequestBodySize = maxBytes;
            }

            if (context.Request.ContentLength is null && HttpMethods.IsPost(context.Request.Method))
            {
                context.Request.Body = new LimitedStream(context.Request.Body, maxBytes);
            }

            await next(context);
        });

    /// <summary>Throws a 413 <see cref="BadHttpRequestException"/> once more than the limit has been read.</summary>
    private sealed class LimitedStream(Stream inner, long limit) : Stream
    {
        private long _read;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => _read; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

        public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Count(await inner.ReadAsync(buffer, cancellationToken));

        public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
            ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

        private int Count(int n)
        {
            _read += n;
            return _read > limit ? throw new BadHttpRequestException("Request body too large.", StatusCodes.Status413PayloadTooLarge) : n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
