using Dialogue.Office.Automation.Diagnostics;
using Microsoft.AspNetCore.Mvc;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>One core problem as the pane shows it: the stable code, where, and the Vietnamese message.</summary>
public sealed record ProblemDto(string Code, string Severity, string Location, string Message)
{
    public static ProblemDto From(Problem p) =>
        new(p.Code, p.IsError ? "error" : "warning", p.Location, p.Message);
}

/// <summary>
/// Builds RFC 9457 problem responses: <c>type</c> = <c>urn:dialogue-office:problem:CODE</c>, <c>code</c> extension =
/// the stable code, Vietnamese <c>title</c>/<c>detail</c>, and the core's problems (if any). Never exception text.
/// </summary>
public static class ApiProblem
{
    public const string TypePrefix = "urn:dialogue-office:problem:";

    public static ProblemDetails Details(string code, int status, IEnumerable<Problem>? problems = null, params string[] args)
    {
        var details = new ProblemDetails
        {
            Type = TypePrefix + code,
            Title = AddInMessages.Title(code),
            Detail = AddInMessages.Detail(code, args),
            Status = status,
        };
        details.Extensions["code"] = code;
        if (problems is not null)
        {
            details.Extensions["problems"] = problems.Select(ProblemDto.From).ToList();
        }

        return details;
    }

    public static IResult Result(string code, int status, IEnumerable<Problem>? problems = null, params string[] args) =>
        TypedResults.Problem(Details(code, status, problems, args));

    /// <summary>
    /// A problem response for a core problem that stops the request: its code, the host's Vietnamese title for it, the
    /// core's Vietnamese message (with the folder or file it names) as detail, and every problem in the list.
    /// </summary>
    public static IResult FromCore(Problem problem, int status, IEnumerable<Problem> problems)
    {
        var details = Details(problem.Code, status, problems, [.. problem.Args]);
        details.Detail = problem.Message;
        return TypedResults.Problem(details);
    }

    /// <summary>Writes a problem response outside the endpoint pipeline (middleware, auth events).</summary>
    public static Task WriteAsync(HttpContext context, string code, int status, params string[] args)
    {
        context.Response.StatusCode = status;
        var service = context.RequestServices.GetRequiredService<IProblemDetailsService>();
        return service.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Details(code, status, null, args) }).AsTask();
    }

    /// <summary>The stable code for a bare status code (404 from routing, 405…).</summary>
    public static string CodeForStatus(int status) => status switch
    {
        StatusCodes.Status401Unauthorized => "AUTH_TOKEN_MISSING",
        StatusCodes.Status403Forbidden => "AUTH_FORBIDDEN",
        StatusCodes.Status404NotFound => "NOT_FOUND",
        StatusCodes.Status413PayloadTooLarge => "UPLOAD_TOO_LARGE",
        >= 500 => "INTERNAL_ERROR",
        _ => "BAD_REQUEST",
    };
}
