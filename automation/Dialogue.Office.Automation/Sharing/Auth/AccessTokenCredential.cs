using Azure.Core;

namespace Dialogue.Office.Automation.Sharing.Auth;

/// <summary>
/// A token a pipeline already holds, read from an environment variable at each request so that a pipeline that
/// refreshes the variable is followed. The token is never stored, logged or written to disk.
/// </summary>
internal sealed class AccessTokenCredential(string variable, Func<string, string?> environment, TimeProvider time) : TokenCredential
{
    public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
    {
        var token = environment(variable);
        if (string.IsNullOrWhiteSpace(token))
        {
            throw new GraphAuthConfigurationException($"Environment variable {variable} holds no access token.", variable);
        }

        // Lifetime unknown to us: the service says when it expired (401), which the publisher reports.
        return new AccessToken(token.Trim(), time.GetUtcNow().AddMinutes(5));
    }

    public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
        ValueTask.FromResult(GetToken(requestContext, cancellationToken));
}

/// <summary>The Graph connection settings are incomplete (e.g. ClientSecret mode without a secret).</summary>
public sealed class GraphAuthConfigurationException(string message, string setting) : Exception(message)
{
    /// <summary>The configuration key or environment variable to fix.</summary>
    public string Setting { get; } = setting;
}
