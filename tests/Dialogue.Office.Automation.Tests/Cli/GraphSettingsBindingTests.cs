using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>
/// The CLI reads the Graph settings key by key (issue 17: the reflection binder loaded Azure.Core on every build, and
/// the binder's source generator cannot bind the Azure-typed properties). It must read what the binder read.
/// </summary>
public class GraphSettingsBindingTests
{
    public static TheoryData<Dictionary<string, string?>> Settings => new()
    {
        new Dictionary<string, string?>(),
        new Dictionary<string, string?>
        {
            ["Sharing:Graph:BaseUrl"] = "http://127.0.0.1:5001/v1.0",
            ["sharing:graph:authorityhost"] = "http://login.test/",
            ["Sharing:Graph:Auth"] = "clientsecret",
            ["Sharing:Graph:TenantId"] = "t",
            ["Sharing:Graph:ClientId"] = "c",
            ["Sharing:Graph:ClientSecret"] = "s",
            ["Sharing:Graph:CertificatePath"] = "/a b.pfx",
            ["Sharing:Graph:CertificatePassword"] = "",
            ["Sharing:Graph:ManagedIdentityClientId"] = "m",
            ["Sharing:Graph:AccessTokenVariable"] = "X_TOKEN",
            ["Sharing:Graph:Scope"] = "https://graph.microsoft.com/.default",
            ["Sharing:Graph:DisableInstanceDiscovery"] = "True",
        },
        new Dictionary<string, string?> { ["Sharing:Graph:Auth"] = "AccessToken", ["Sharing:Graph:DisableInstanceDiscovery"] = "false" },
    };

    [Theory]
    [MemberData(nameof(Settings))]
    public void Graph_KeyByKey_ReadsWhatTheBinderRead(Dictionary<string, string?> values)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        var bound = new GraphConnectionOptions();
        config.GetSection("Sharing:Graph").Bind(bound);

        var read = SharingConfiguration.Graph(config);

        Assert.Equal(Describe(bound), Describe(read));
    }

    [Theory]
    [InlineData("Auth", "Kerberos")]
    [InlineData("DisableInstanceDiscovery", "có")]
    public void Graph_UnreadableValue_StopsAsTheBinderDid(string key, string value)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Sharing:Graph:" + key] = value }).Build();

        Assert.Throws<InvalidOperationException>(() => config.GetSection("Sharing:Graph").Bind(new GraphConnectionOptions()));
        Assert.Throws<InvalidOperationException>(() => SharingConfiguration.Graph(config));
    }

    private static string Describe(GraphConnectionOptions o) => string.Join("|",
        o.BaseUrl, o.AuthorityHost, o.Auth, o.TenantId, o.ClientId, o.ClientSecret, o.CertificatePath, o.CertificatePassword, o.ManagedIdentityClientId,
        o.AccessTokenVariable, o.Scope, o.DisableInstanceDiscovery);
}
