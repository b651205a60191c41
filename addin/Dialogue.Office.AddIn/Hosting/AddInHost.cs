using Dialogue.Office.AddIn.Apis;
using Dialogue.Office.AddIn.Auth;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http.Features;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>Composes the host: task pane files, the API groups, limits, problem responses and (optional) sign-in.</summary>
public static class AddInHost
{
    public static WebApplication Build(string[] args)
    {
        var builder = WebApplication.CreateBuilder(args);
        builder.UseDefaultUrls();
        var options = builder.Configuration.GetSection(AddInOptions.Section).Get<AddInOptions>() ?? new AddInOptions();
        builder.Services.Configure<AddInOptions>(builder.Configuration.GetSection(AddInOptions.Section));
        builder.Services.Configure<FormOptions>(o =>
        {
            o.MultipartBodyLengthLimit = options.MaxUploadBytes;
            o.ValueLengthLimit = (int)Math.Min(int.MaxValue, options.MaxUploadBytes);
        });
        builder.WebHost.ConfigureKestrel(k => k.Limits.MaxRequestBodySize = options.MaxUploadBytes);
        builder.Services.AddProblemDetails();
        builder.Services.AddSingleton<PlanStore>();
        builder.Services.AddSingleton<JobStore>();
        builder.Services.AddSingleton<Auth.SharePointAccess>();
        builder.Services.AddSingleton(TimeProvider.System);
        var ad = builder.AddAddInAuth();
        builder.AddHostDefences(options);
        builder.AddAttendance();
        if (ShareAddress.Problem(options.PublicBaseUrl) is { } badAddress)
        {
            throw new InvalidOperationException(badAddress);
        }

        var app = builder.Build();
        app.UseExceptionHandler(new ExceptionHandlerOptions
        {
            ExceptionHandler = HandleExceptionAsync,

            // The handler logs what it must (a 500 with its trace; a 4xx in one line): no second 25-line trace.
            SuppressDiagnosticsCallback = _ => true,
        });
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            return http.Request.Path.StartsWithSegments("/api") && !http.Response.HasStarted && http.Response.ContentLength is null
                ? ApiProblem.WriteAsync(http, ApiProblem.CodeForStatus(http.Response.StatusCode), http.Response.StatusCode)
                : Task.CompletedTask;
        });
        app.UseHostDefences(options, HostDefences.ContentSecurityPolicy(StaticLibraries.LocalOfficeJs(app.Configuration), ad.IsConfigured ? ad.Authority : null));
        app.WarnWhenExposed(ad.IsConfigured);
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), b => b.UseUploadLimit(options.MaxUploadBytes));
        app.UsePanePages();
        app.UseDefaultFiles();
        app.UseStaticFiles();
        app.UsePaneLibraries();
        if (ad.IsConfigured)
        {
            app.UseAuthentication();
        }

        app.UseLocalShare(signInRequired: ad.IsConfigured);
        app.MapAttendance();

        app.UseAuthorization();

        app.MapConfigApi(ad, options.MaxUploadBytes);
        var api = app.MapGroup("api");
        if (ad.IsConfigured)
        {
            api.RequireAuthorization(AuthSetup.Policy);
        }

        api.MapPlansApi();
        api.MapInvitationsApi();
        api.MapProgrammeApi();
        api.MapQuestionsApi();
        api.MapAttendanceSheetApi();
        api.MapCheckApi();
        api.MapAfterApi();
        api.MapPublishApi();
        api.MapJobsApi();
        app.MapFallback("api/{**rest}", HostDefences.NotFoundOrWrongMethod);
        return app;
    }

    /// <summary>Logs the exception and answers a problem without its text: 413 for an oversized body, else 500.</summary>
    private static Task HandleExceptionAsync(HttpContext context)
    {
        var error = context.Features.Get<IExceptionHandlerFeature>()?.Error;
        var log = context.RequestServices.GetRequiredService<ILoggerFactory>().CreateLogger("Dialogue.Office.AddIn");
        if (error is JobsBusyException)
        {
            var seconds = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AddInOptions>>().Value.BusyRetryAfterSeconds;
            var retry = Math.Max(1, seconds).ToString(System.Globalization.CultureInfo.InvariantCulture);
            context.Response.Headers.RetryAfter = retry;
            return ApiProblem.WriteAsync(context, "JOBS_BUSY", StatusCodes.Status429TooManyRequests, retry);
        }

        // A malformed body (multipart without its boundary, a truncated form) is the client's fault: 400 and one line.
        var status = error switch
        {
            BadHttpRequestException bad => bad.StatusCode,
            InvalidDataException => StatusCodes.Status400BadRequest,
            _ => StatusCodes.Status500InternalServerError,
        };
        if (status < 500)
        {
            log.LogInformation("{Method} {Path} answered {Status}: {Reason}", context.Request.Method, context.Request.Path, status, error?.Message);
        }

        if (status >= 500)
        {
            log.LogError(error, "Unhandled error on {Path}", context.Request.Path);
        }

        var code = ApiProblem.CodeForStatus(status);
        var max = context.RequestServices.GetRequiredService<Microsoft.Extensions.Options.IOptions<AddInOptions>>().Value.MaxUploadMegabytes;
        return ApiProblem.WriteAsync(context, code, status, max.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }
}
