using System.Net;
using Azure.Identity;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Sharing.Auth;
using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>A failure already classified to a problem code (args as the catalog expects).</summary>
internal sealed class SharingFailure(string code, params string[] args) : Exception(code)
{
    public string Code { get; } = code;
    public string[] Args { get; } = args;
}

/// <summary>Runs Graph calls and turns their failures into problems a clerk can act on.</summary>
internal static class GraphCall
{
    /// <summary>
    /// Runs <paramref name="call"/>; on 401 (token expired) it runs it once more: the request asks the credential
    /// again, and Azure.Identity credentials renew an expired token then (Kiota itself re-sends a 401 only for CAE
    /// claims, graph.md §5). <paramref name="call"/> must build its request body itself, anew on every run: the SDK's
    /// backing store serialises only what changed since a body was first sent, so a re-sent body object goes out as
    /// {} and the retry loses conflictBehavior, the link's type/scope or the invite's recipients (issue 14).
    /// </summary>
    public static async Task<T> RunAsync<T>(Func<Task<T>> call)
    {
        try
        {
            return await call();
        }
        catch (ApiException e) when (e.ResponseStatusCode == (int)HttpStatusCode.Unauthorized)
        {
            return await call();
        }
    }

    /// <summary>As <see cref="RunAsync{T}"/>, for calls that answer nothing (DELETE).</summary>
    public static Task RunAsync(Func<Task> call) => RunAsync(async () =>
    {
        await call();
        return true;
    });

    /// <summary>True when the run cannot usefully go on with other files.</summary>
    public static bool IsFatal(Problem problem) => problem.Code is "SHARING_AUTH_FAILED" or "SHARING_SIGN_IN_FAILED" or "SHARING_AUTH_CONFIG"
        or "SHARING_NETWORK" or "SHARING_THROTTLED" or "SHARING_SITE_NOT_FOUND" or "SHARING_LIBRARY_NOT_FOUND" or "SHARING_BAD_SITE_URL";

    /// <summary>Classifies an exception met while working on <paramref name="subject"/> (a file or folder name).</summary>
    public static Problem ToProblem(Exception e, string subject, string location)
    {
        switch (e)
        {
            case SharingFailure f:
                return Problem.Error(f.Code, location, $"{f.Code} on {subject}", f.Args.Length > 0 ? f.Args : [subject]);
            case GraphAuthConfigurationException c:
                return Problem.Error("SHARING_AUTH_CONFIG", c.Setting, c.Message, c.Setting);
            case AuthenticationFailedException or CredentialUnavailableException:
                return Problem.Error("SHARING_SIGN_IN_FAILED", location, $"Sign-in failed: {e.GetType().Name}", e.GetType().Name);
            case AggregateException a when a.InnerExceptions.Any(i => i is ApiException { ResponseStatusCode: 429 or 503 or 504 }):
                return Problem.Error("SHARING_THROTTLED", location, $"Retries exhausted on {subject}", subject);
            case AggregateException a when a.InnerException is { } inner:
                return ToProblem(inner, subject, location);
        }

        if (e is ApiException api)
        {
            var status = api.ResponseStatusCode;
            var code = (e as ODataError)?.Error?.Code ?? (e as ServiceException)?.Message ?? "";
            var detail = $"HTTP {status} {code} on {subject}";
            return status switch
            {
                401 => Problem.Error("SHARING_AUTH_FAILED", location, detail),
                403 => Problem.Error("SHARING_ACCESS_DENIED", location, detail, subject),
                409 => Problem.Error("SHARING_NAME_CONFLICT", location, detail, subject),
                423 => Problem.Error("SHARING_FILE_LOCKED", location, detail, subject),
                507 => Problem.Error("SHARING_QUOTA", location, detail, subject),
                429 or 503 or 504 => Problem.Error("SHARING_THROTTLED", location, detail, subject),
                _ => Problem.Error("SHARING_SERVICE_ERROR", location, detail, subject, status.ToString(), code),
            };
        }

        if (SharePointDestination.IsDroppedConnection(e))
        {
            return Problem.Error("SHARING_NETWORK", location, $"{e.GetType().Name} on {subject}", subject);
        }

        if (e is UnauthorizedAccessException)
        {
            return Problem.Error("SHARING_LOCAL_WRITE", location, $"{e.GetType().Name} on {subject}", subject);
        }

        // Unknown: keep the type for maintainers, never the message for users.
        return Problem.Error("SHARING_SERVICE_ERROR", location, $"{e.GetType().Name} on {subject}", subject, "?", e.GetType().Name);
    }
}
