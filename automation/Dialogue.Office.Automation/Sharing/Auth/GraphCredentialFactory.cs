using System.Security.Cryptography.X509Certificates;
using Azure.Core;
using Azure.Identity;

namespace Dialogue.Office.Automation.Sharing.Auth;

/// <summary>Builds the Azure.Identity credential that <see cref="GraphConnectionOptions.Auth"/> names.</summary>
public static class GraphCredentialFactory
{
    /// <summary>Builds the credential; throws <see cref="GraphAuthConfigurationException"/> when a setting is missing.</summary>
    public static TokenCredential Create(GraphConnectionOptions options, TimeProvider? time = null) =>
        Create(options, Environment.GetEnvironmentVariable, time ?? TimeProvider.System, null);

    /// <summary>
    /// <paramref name="configure"/> lets tests put an in-process transport on the credential's options
    /// (Entra ID is faked offline, graph.md §7).
    /// </summary>
    internal static TokenCredential Create(
        GraphConnectionOptions options,
        Func<string, string?> environment,
        TimeProvider time,
        Action<TokenCredentialOptions>? configure)
    {
        if (options.Credential is not null)
        {
            return options.Credential;
        }

        var authority = AuthorityUri(options.AuthorityHost);
        switch (options.Auth)
        {
            case GraphAuthMode.AccessToken:
                var variable = string.IsNullOrWhiteSpace(options.AccessTokenVariable) ? "DIALOGUE_GRAPH_TOKEN" : options.AccessTokenVariable;
                return new AccessTokenCredential(variable, environment, time);

            case GraphAuthMode.ClientSecret:
            {
                Require(options.TenantId, "Sharing:Graph:TenantId");
                Require(options.ClientId, "Sharing:Graph:ClientId");
                Require(options.ClientSecret, "Sharing:Graph:ClientSecret");
                var o = new ClientSecretCredentialOptions { AuthorityHost = authority, DisableInstanceDiscovery = options.DisableInstanceDiscovery };
                configure?.Invoke(o);
                return new ClientSecretCredential(options.TenantId, options.ClientId, options.ClientSecret, o);
            }

            case GraphAuthMode.ClientCertificate:
            {
                Require(options.TenantId, "Sharing:Graph:TenantId");
                Require(options.ClientId, "Sharing:Graph:ClientId");
                Require(options.CertificatePath, "Sharing:Graph:CertificatePath");
                if (!File.Exists(options.CertificatePath))
                {
                    throw new GraphAuthConfigurationException($"Certificate file {options.CertificatePath} not found.", "Sharing:Graph:CertificatePath");
                }

                var o = new ClientCertificateCredentialOptions { AuthorityHost = authority, DisableInstanceDiscovery = options.DisableInstanceDiscovery };
                configure?.Invoke(o);
                var certificate = LoadCertificate(options.CertificatePath, options.CertificatePassword);
                return new ClientCertificateCredential(options.TenantId, options.ClientId, certificate, o);
            }

            case GraphAuthMode.ManagedIdentity:
            {
                var id = string.IsNullOrWhiteSpace(options.ManagedIdentityClientId)
                    ? ManagedIdentityId.SystemAssigned
                    : ManagedIdentityId.FromUserAssignedClientId(options.ManagedIdentityClientId);
                var o = new ManagedIdentityCredentialOptions(id);
                configure?.Invoke(o);
                return new ManagedIdentityCredential(o);
            }

            case GraphAuthMode.DeviceCode:
            default:
            {
                Require(options.ClientId, "Sharing:Graph:ClientId");
                var o = new DeviceCodeCredentialOptions
                {
                    AuthorityHost = authority,
                    DisableInstanceDiscovery = options.DisableInstanceDiscovery,
                    TenantId = string.IsNullOrWhiteSpace(options.TenantId) ? "organizations" : options.TenantId,
                    ClientId = options.ClientId,
                };
                if (options.DeviceCodePrompt is not null)
                {
                    o.DeviceCodeCallback = options.DeviceCodePrompt;
                }

                configure?.Invoke(o);
                return new DeviceCodeCredential(o);
            }
        }
    }

    private static X509Certificate2 LoadCertificate(string path, string password)
    {
        if (path.EndsWith(".pem", StringComparison.OrdinalIgnoreCase))
        {
            return string.IsNullOrEmpty(password)
                ? X509Certificate2.CreateFromPemFile(path)
                : X509Certificate2.CreateFromEncryptedPemFile(path, password);
        }

        return X509CertificateLoader.LoadPkcs12FromFile(path, string.IsNullOrEmpty(password) ? null : password);
    }

    private static Uri AuthorityUri(string host)
    {
        if (!Uri.TryCreate(string.IsNullOrWhiteSpace(host) ? AzureAuthorityHosts.AzurePublicCloud.ToString() : host, UriKind.Absolute, out var uri)
            || uri.Scheme != Uri.UriSchemeHttps)
        {
            // Azure.Identity refuses anything but https (graph.md §7); say which key to fix.
            throw new GraphAuthConfigurationException($"Authority host '{host}' must be an https URL.", "Sharing:Graph:AuthorityHost");
        }

        return uri;
    }

    private static void Require(string value, string key)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new GraphAuthConfigurationException($"Setting {key} is required for this sign-in mode.", key);
        }
    }
}
