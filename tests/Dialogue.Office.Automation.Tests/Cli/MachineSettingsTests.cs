using System.Collections;
using Dialogue.Office.Automation.Tests.Support;
using Dialogue.Office.Cli.Commands;
using Microsoft.Extensions.Configuration;

namespace Dialogue.Office.Automation.Tests.Cli;

/// <summary>
/// Issue 17: a packet run (build, invitations) loads Microsoft.Extensions.Configuration only when a source of it exists.
/// Without one it must get exactly what reading the empty configuration gives, and any source that can hold a Sharing or
/// Attendance setting must be seen.
/// </summary>
public sealed class MachineSettingsTests
{
    [Fact]
    public void Defaults_AreWhatAnEmptyConfigurationReads()
    {
        var read = MachineSettings.From(new ConfigurationBuilder().Build());

        Assert.Equal(Describe(read), Describe(MachineSettings.Defaults()));
    }

    [Fact]
    public void Defaults_DifferFromASetConfiguration_SoTheComparisonSeesEachPart()
    {
        var read = MachineSettings.From(new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Sharing:SiteUrl"] = "https://t.sharepoint.com/sites/VP",
            ["Sharing:Editors:0"] = "a@t.vn",
            ["Sharing:Graph:ClientId"] = "c",
            ["Sharing:LocalShare:BaseUrl"] = "http://h/share",
            ["Attendance:Secrets:YB23"] = "s",
        }).Build());

        var (defaults, set) = (Describe(MachineSettings.Defaults()).Split('|'), Describe(read).Split('|'));
        Assert.Equal(4, defaults.Zip(set).Count(p => p.First != p.Second));
    }

    [Theory]
    [InlineData("DIALOGUE_Sharing__SiteUrl")]
    [InlineData("dialogue_sharing__graph__auth")]
    [InlineData("DIALOGUE_Attendance__Secrets__YB23")]
    [InlineData("DIALOGUE_ATTENDANCE__PUBLICBASEURL")]
    [InlineData("DIALOGUE_Sharing:Folder")]
    public void AnySource_AVariableOfTheSectionsRead_LoadsTheConfiguration(string name)
    {
        using var tmp = new TempDir();
        Assert.True(SharingConfiguration.AnySource([tmp.File("appsettings.json")], Environment(name)));
    }

    [Fact]
    public void AnySource_OtherVariablesAndNoFiles_KeepTheDefaults()
    {
        using var tmp = new TempDir();
        var environment = Environment("DIALOGUE_TIMINGS", "DIALOGUE_CACHE_DIR", "DIALOGUE_NO_CACHE", "HOME", "SHARING__SITEURL", "DIALOGUE__Sharing__SiteUrl");

        Assert.False(SharingConfiguration.AnySource([tmp.File("appsettings.json"), tmp.File("secrets.json")], environment));
    }

    [Fact]
    public void AnySource_AnExistingFile_LoadsTheConfiguration()
    {
        using var tmp = new TempDir();
        File.WriteAllText(tmp.File("secrets.json"), "{}");

        Assert.True(SharingConfiguration.AnySource([tmp.File("appsettings.json"), tmp.File("secrets.json")], Environment()));
    }

    [Fact]
    public void SecretsId_IsTheProjectsUserSecretsId()
    {
        var project = File.ReadAllText(Path.Combine(RepoPaths.Root, "automation", "Dialogue.Office.Cli", "Dialogue.Office.Cli.csproj"));

        Assert.Contains($"<UserSecretsId>{SharingConfiguration.SecretsId}</UserSecretsId>", project, StringComparison.Ordinal);
    }

    private static Hashtable Environment(params string[] names)
    {
        var environment = new Hashtable();
        foreach (var name in names)
        {
            environment[name] = "x";
        }

        return environment;
    }

    private static string Describe(MachineSettings s) => string.Join("|",
        string.Join(";", s.Sharing.SiteUrl, s.Sharing.Library, s.Sharing.Folder, s.Sharing.LinkScope, s.Sharing.LinkExpires, string.Join(",", s.Sharing.Editors)),
        string.Join(";", s.Graph.BaseUrl, s.Graph.AuthorityHost, s.Graph.Auth, s.Graph.TenantId, s.Graph.ClientId, s.Graph.ClientSecret, s.Graph.CertificatePath,
            s.Graph.CertificatePassword, s.Graph.ManagedIdentityClientId, s.Graph.AccessTokenVariable, s.Graph.Scope, s.Graph.DisableInstanceDiscovery),
        string.Join(";", s.Local.Root, s.Local.BaseUrl, s.Local.Folder),
        string.Join(";", s.Attendance.PublicBaseUrl, s.Attendance.Secret, string.Join(",", s.Attendance.Secrets.Select(p => p.Key + "=" + p.Value)), s.Attendance.ExpiresAfterDays, s.Attendance.Database));
}
