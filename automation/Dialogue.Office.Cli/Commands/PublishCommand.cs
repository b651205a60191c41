using System.ComponentModel;
using System.Globalization;
using Dialogue.Office.Automation.Attendance;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Plans;
using Dialogue.Office.Automation.Sharing;
using Dialogue.Office.Automation.Sharing.Auth;
using Dialogue.Office.Cli.Output;
using Microsoft.Extensions.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace Dialogue.Office.Cli.Commands;

/// <summary>Settings of <c>dialogue publish</c>.</summary>
public sealed class PublishSettings : CliSettings
{
    [CommandArgument(0, "<thư-mục-tài-liệu>")]
    [Description("Thư mục tài liệu hội nghị đã tạo (ví dụ out/yen-bai-2023).")]
    public string OutputFolder { get; init; } = "";

    [CommandOption("--site <url>")]
    [Description("Trang SharePoint, ví dụ https://tenant.sharepoint.com/sites/VanPhong. Bỏ trống: công bố vào thư mục chia sẻ cục bộ.")]
    public string? Site { get; init; }

    [CommandOption("--library <tên>")]
    [Description("Thư viện tài liệu trên trang (mặc định: thư viện mặc định của trang).")]
    public string? Library { get; init; }

    [CommandOption("--folder <đường-dẫn>")]
    [Description("Thư mục đích trong thư viện, ví dụ \"Hội nghị/YB23\" (mặc định: tên thư mục tài liệu).")]
    public string? Folder { get; init; }

    [CommandOption("--plan <thư-mục-kế-hoạch>")]
    [Description("Lấy thiết lập chia sẻ (sharing:) từ plan.yaml của kế hoạch.")]
    public string? Plan { get; init; }

    [CommandOption("--anonymous")]
    [Description("Tạo liên kết công khai (ai có liên kết cũng xem được) nếu đơn vị cho phép; mặc định chỉ trong nội bộ đơn vị.")]
    public bool Anonymous { get; init; }

    [CommandOption("--expires <ngày>")]
    [Description("Ngày liên kết hết hạn (2026-12-31 hoặc 31/12/2026).")]
    public string? Expires { get; init; }

    [CommandOption("--editor <email>")]
    [Description("Người được mời sửa bảng tổng hợp câu hỏi (đăng nhập bắt buộc); dùng nhiều lần.")]
    public string[] Editors { get; init; } = [];

    [CommandOption("--pdf <thư-mục>")]
    [Description("Tải bản PDF (do SharePoint tạo) của mỗi tệp .docx vào thư mục này, để xem trên điện thoại.")]
    public string? Pdf { get; init; }

    internal DateOnly? ExpiresDate => TryDate(Expires, out var d) ? d : null;

    protected override ValidationResult Check()
    {
        if (!Directory.Exists(OutputFolder))
        {
            return ValidationResult.Error($"Không tìm thấy thư mục tài liệu \"{OutputFolder}\".");
        }

        if (Expires is not null && !TryDate(Expires, out _))
        {
            return ValidationResult.Error($"Ngày hết hạn \"{Expires}\" không hợp lệ (ghi 2026-12-31 hoặc 31/12/2026).");
        }

        if (Plan is not null && !Directory.Exists(Plan))
        {
            return ValidationResult.Error($"Không tìm thấy thư mục kế hoạch \"{Plan}\".");
        }

        return ValidationResult.Success();
    }

    private static bool TryDate(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text?.Trim(), ["yyyy-MM-dd", "d/M/yyyy", "dd/MM/yyyy"], CultureInfo.InvariantCulture, DateTimeStyles.None, out date);
}

/// <summary>
/// <c>dialogue publish &lt;folder&gt;</c>: publishes the conference documents to SharePoint (when a site is configured)
/// or to the local share, prints what went where and the folder link the QR codes carry.
/// </summary>
public sealed class PublishCommand : Command<PublishSettings>
{
    private const string Publishing = "Công bố tài liệu";

    public override int Execute(CommandContext context, PublishSettings settings, CancellationToken cancellationToken) =>
        ExecuteAsync(settings, cancellationToken).GetAwaiter().GetResult();

    private static async Task<int> ExecuteAsync(PublishSettings settings, CancellationToken ct)
    {
        var config = SharingConfiguration.Build();
        SharingConfiguration.WarnAboutSecretsInFiles();

        var sharing = SharingConfiguration.Sharing(config);
        Dialogue.Office.Automation.Plans.ConferencePlan? loaded = null;
        if (settings.Plan is not null)
        {
            var plan = PlanLoader.Load(settings.Plan);
            if (ConsoleOutput.Problems(plan.Problems) || plan.Plan is null)
            {
                ConsoleOutput.Error("Kế hoạch còn lỗi; hãy sửa các lỗi trên rồi chạy lại.");
                return ExitCodes.InputErrors;
            }

            sharing = PublishTargets.Merge(sharing, plan.Plan.Sharing);
            loaded = plan.Plan;
        }

        sharing = sharing with
        {
            SiteUrl = settings.Site ?? sharing.SiteUrl,
            Library = settings.Library ?? sharing.Library,
            Folder = settings.Folder ?? sharing.Folder,
            LinkScope = settings.Anonymous ? "anonymous" : sharing.LinkScope,
            LinkExpires = settings.ExpiresDate ?? sharing.LinkExpires,
            Editors = settings.Editors.Length > 0 ? settings.Editors : sharing.Editors,
        };

        var connection = SharingConfiguration.Graph(config);
        var local = SharingConfiguration.Local(config);
        var defaultFolder = Path.GetFileName(Path.GetFullPath(settings.OutputFolder).TrimEnd(Path.DirectorySeparatorChar));
        var target = PublishTargets.Resolve(sharing, connection, local, defaultFolder);
        if (target is SharePointTarget)
        {
            if (!PrepareSignIn(connection))
            {
                return ExitCodes.InputErrors;
            }

            ConsoleOutput.Info($"Công bố lên SharePoint: {sharing.SiteUrl} › {(sharing.Library.Length > 0 ? sharing.Library : "thư viện mặc định")} › {target.Folder}");
        }
        else
        {
            var share = (LocalShareTarget)target;
            ConsoleOutput.Info("Chưa cấu hình SharePoint (Sharing:SiteUrl hoặc --site), nên tài liệu được công bố vào thư mục chia sẻ cục bộ trên máy này:");
            ConsoleOutput.Info($"  {Path.Combine(share.Root, share.Folder)}");
            ConsoleOutput.Info($"Liên kết có dạng {share.BaseUrl.TrimEnd('/')}/… và chỉ mở được khi máy chủ add-in Dialogue.Office đang chạy trên máy này.");
        }

        var request = new PublishRequest
        {
            SourceFolder = settings.OutputFolder,
            Target = target,
            Options = PublishOptions.FromPlan(sharing) with
            {
                PdfFolder = settings.Pdf,
                Audiences = PublishTargets.AudiencesOfFolder(settings.OutputFolder, loaded),
            },

            // A plan's packet: its links are kept for the delegate page, as the host's publish keeps them.
            DocumentsRecord = loaded is null ? "" : Automation.Attendance.DelegateDocuments.RecordPath(local.Root, loaded.Conference.Code),
        };

        var publisher = new PackagePublisher();
        if (target is SharePointTarget)
        {
            // Sign in (device code prompt), find the site and make the folder link before the progress display starts.
            var early = await publisher.EnsureFolderLinkAsync(request, ct);
            if (!early.Succeeded)
            {
                ConsoleOutput.Problems(early.Problems);
                ConsoleOutput.Error("Chưa kết nối được thư viện SharePoint; chưa tệp nào được tải lên.");
                return early.Problems.Any(p => p.Code == "SHARING_AUTH_CONFIG") ? ExitCodes.InputErrors : ExitCodes.ServiceFailure;
            }
        }

        var result = await StepProgress.RunAsync(steps => publisher.PublishAsync(
            request,
            new InlineProgress<PublishProgress>(p => steps.Report(Publishing, p.FileIndex + (p.FileBytes == 0 ? 1 : (double)p.BytesSent / p.FileBytes), p.FileCount)),
            ct));

        Summary(result);
        ConsoleOutput.Problems(result.Problems);
        if (result.HasServiceErrors)
        {
            ConsoleOutput.Error(result.IsLocal
                ? "Có tệp chưa ghi được vào thư mục chia sẻ; xem bảng trên."
                : "SharePoint từ chối hoặc không trả lời một số thao tác; xem bảng trên rồi chạy lại lệnh (các tệp đã xong không phải tải lại).");
            return ExitCodes.ServiceFailure;
        }

        if (result.HasErrors)
        {
            return ExitCodes.InputErrors;
        }

        ConsoleOutput.Success($"Đã công bố {result.Files.Count} tệp ({result.UploadedCount} tải lên, {result.UnchangedCount} không đổi).");
        return ExitCodes.Ok;
    }

    /// <summary>Sets up the Microsoft 365 sign-in once for the whole command (device code shown in Vietnamese).</summary>
    internal static bool PrepareSignIn(GraphConnectionOptions connection)
    {
        connection.DeviceCodePrompt = (info, _) =>
        {
            AnsiConsole.MarkupLine($"[yellow]Đăng nhập Microsoft 365:[/] mở [link]{Markup.Escape(info.VerificationUri.ToString())}[/] và nhập mã [bold]{Markup.Escape(info.UserCode)}[/].");
            return Task.CompletedTask;
        };
        try
        {
            // One credential for the whole command, so the clerk signs in once.
            connection.Credential = GraphCredentialFactory.Create(connection);
            return true;
        }
        catch (GraphAuthConfigurationException e)
        {
            ConsoleOutput.Error($"Thiếu hoặc sai thiết lập đăng nhập Microsoft 365: \"{e.Setting}\". Xem docs/sharing.md.");
            return false;
        }
    }

    private static void Summary(PublishResult result)
    {
        if (result.Files.Count > 0)
        {
            var table = new FitTable(
                result.IsLocal ? "Thư mục chia sẻ cục bộ" : "SharePoint",
                new FitColumn("Tệp", Fit.Words, Heading: true),
                new FitColumn("Kết quả", Fit.Atomic),
                new FitColumn("Liên kết", Fit.Atomic));
            foreach (var f in result.Files)
            {
                var name = f.RemotePath == f.RelativePath ? f.RelativePath : $"{f.RelativePath} → {f.RemotePath}";
                var outcome = f.Outcome switch
                {
                    PublishOutcome.Uploaded => new FitCell("Đã tải lên", "green"),
                    PublishOutcome.Unchanged => new FitCell("Không đổi"),
                    _ => new FitCell("Lỗi", "red"),
                };
                table.Add(name, outcome, f.Link);
            }

            table.Write(AnsiConsole.Console);
        }

        if (result.FolderLink.Length > 0)
        {
            var scope = result.FolderLinkScope == LinkScope.Anonymous ? "ai có liên kết cũng xem được" : "chỉ người trong đơn vị, phải đăng nhập";
            AnsiConsole.MarkupLine($"Liên kết thư mục tài liệu ({scope}), dùng cho mã QR: [bold]{Markup.Escape(result.FolderLink)}[/]");
        }
    }
}

/// <summary>
/// Where publishing settings come from: appsettings.json (optional, beside the program or in the current folder),
/// user-secrets, then environment variables prefixed DIALOGUE_ (DIALOGUE_Sharing__Graph__ClientSecret…), last wins.
/// </summary>
internal static class SharingConfiguration
{
    /// <summary>
    /// The user-secrets store of the CLI's own settings: the project's &lt;UserSecretsId&gt;, which
    /// <c>dotnet user-secrets --project automation/Dialogue.Office.Cli</c> writes to. Named here rather than read from
    /// the assembly attribute, so that reading the version attribute (<c>--help</c>, <c>--version</c>) does not load the
    /// UserSecrets library (issue 17); a test keeps the two equal.
    /// </summary>
    public const string SecretsId = "dialogue-office-cli";

    /// <summary>The prefix of the environment variables read (DIALOGUE_Sharing__SiteUrl → Sharing:SiteUrl).</summary>
    public const string EnvironmentPrefix = "DIALOGUE_";

    private static IEnumerable<string> JsonFiles =>
        new[] { Path.Combine(AppContext.BaseDirectory, "appsettings.json"), Path.Combine(Directory.GetCurrentDirectory(), "appsettings.json") }.Distinct();

    public static IConfiguration Build()
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in JsonFiles)
        {
            builder.AddJsonFile(file, optional: true, reloadOnChange: false);
        }

        return builder
            .AddUserSecrets(SecretsId)
            .AddUserSecrets(AttendanceConfiguration.SecretsId)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();
    }

    /// <summary>
    /// True when one of the sources of <see cref="Build"/> may hold a setting of the Sharing or Attendance sections: an
    /// appsettings.json, one of the two user-secrets files, or a DIALOGUE_Sharing…/DIALOGUE_Attendance… variable
    /// (matched as the environment provider matches: "__" read as ":", names without case). False means every such
    /// setting keeps its default. Unsure (no home folder for user-secrets) counts as true, so Build fails as before.
    /// </summary>
    public static bool AnySource()
    {
        string[] secrets;
        try
        {
            secrets = [SecretsPath(SecretsId), SecretsPath(AttendanceConfiguration.SecretsId)];
        }
        catch (InvalidOperationException)
        {
            return true;
        }

        return AnySource(JsonFiles.Concat(secrets), Environment.GetEnvironmentVariables());
    }

    internal static bool AnySource(IEnumerable<string> files, System.Collections.IDictionary environment)
    {
        if (files.Any(File.Exists))
        {
            return true;
        }

        foreach (var name in environment.Keys.OfType<string>())
        {
            var key = name.Replace("__", ":", StringComparison.Ordinal);
            if (key.StartsWith(EnvironmentPrefix, StringComparison.OrdinalIgnoreCase)
                && (key.AsSpan(EnvironmentPrefix.Length).StartsWith("Sharing", StringComparison.OrdinalIgnoreCase)
                    || key.AsSpan(EnvironmentPrefix.Length).StartsWith(AttendanceOptions.Section, StringComparison.OrdinalIgnoreCase)))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Where the UserSecrets library reads a store from (its own PathHelper; the library is small, the configuration stack is not).</summary>
    private static string SecretsPath(string id) => Microsoft.Extensions.Configuration.UserSecrets.PathHelper.GetSecretsPathFromSecretsId(id);

    /// <summary>A secret in appsettings.json ends up in backups and repositories: say so.</summary>
    public static void WarnAboutSecretsInFiles()
    {
        var builder = new ConfigurationBuilder();
        foreach (var file in JsonFiles)
        {
            builder.AddJsonFile(file, optional: true, reloadOnChange: false);
        }

        var json = builder.Build();
        foreach (var key in new[] { "Sharing:Graph:ClientSecret", "Sharing:Graph:CertificatePassword" })
        {
            if (!string.IsNullOrWhiteSpace(json[key]))
            {
                AnsiConsole.MarkupLine($"[yellow]Cảnh báo:[/] {Markup.Escape(key)} đang nằm trong appsettings.json. Hãy chuyển sang user-secrets (dotnet user-secrets set) hoặc biến môi trường, và không đưa tệp này vào kho mã.");
            }
        }
    }

    public static SharingSettings Sharing(IConfiguration config)
    {
        var section = config.GetSection("Sharing");
        return new SharingSettings
        {
            SiteUrl = section["SiteUrl"] ?? "",
            Library = section["Library"] ?? "",
            Folder = section["Folder"] ?? "",
            LinkScope = (section["LinkScope"] ?? "organization").ToLowerInvariant(),
            LinkExpires = DateOnly.TryParse(section["LinkExpires"], CultureInfo.InvariantCulture, out var d) ? d : null,
            Editors = section.GetSection("Editors").Get<string[]>() ?? [],
        };
    }

    /// <summary>
    /// The Graph connection, key by key as the binder read it (names without case, a missing key keeps the default; an
    /// unreadable Auth or DisableInstanceDiscovery stops as the binder did). Not the binder: its reflection over
    /// <see cref="GraphConnectionOptions"/> loaded Azure.Core on every build and invitations run, and its source
    /// generator cannot bind the Azure-typed properties (issue 17).
    /// </summary>
    public static GraphConnectionOptions Graph(IConfiguration config)
    {
        var section = config.GetSection("Sharing:Graph");
        var options = new GraphConnectionOptions();
        options.BaseUrl = section[nameof(options.BaseUrl)] ?? options.BaseUrl;
        options.AuthorityHost = section[nameof(options.AuthorityHost)] ?? options.AuthorityHost;
        options.TenantId = section[nameof(options.TenantId)] ?? options.TenantId;
        options.ClientId = section[nameof(options.ClientId)] ?? options.ClientId;
        options.ClientSecret = section[nameof(options.ClientSecret)] ?? options.ClientSecret;
        options.CertificatePath = section[nameof(options.CertificatePath)] ?? options.CertificatePath;
        options.CertificatePassword = section[nameof(options.CertificatePassword)] ?? options.CertificatePassword;
        options.ManagedIdentityClientId = section[nameof(options.ManagedIdentityClientId)] ?? options.ManagedIdentityClientId;
        options.AccessTokenVariable = section[nameof(options.AccessTokenVariable)] ?? options.AccessTokenVariable;
        options.Scope = section[nameof(options.Scope)] ?? options.Scope;
        if (section[nameof(options.Auth)] is { Length: > 0 } auth)
        {
            options.Auth = Enum.TryParse<GraphAuthMode>(auth.Trim(), ignoreCase: true, out var mode) && Enum.IsDefined(mode)
                ? mode
                : throw new InvalidOperationException($"Failed to convert configuration value '{auth}' at 'Sharing:Graph:Auth' to type '{typeof(GraphAuthMode).FullName}'.");
        }

        if (section[nameof(options.DisableInstanceDiscovery)] is { Length: > 0 } disable)
        {
            options.DisableInstanceDiscovery = bool.TryParse(disable.Trim(), out var value)
                ? value
                : throw new InvalidOperationException($"Failed to convert configuration value '{disable}' at 'Sharing:Graph:DisableInstanceDiscovery' to type 'System.Boolean'.");
        }

        return options;
    }

    public static LocalShareTarget Local(IConfiguration config)
    {
        var section = config.GetSection("Sharing:LocalShare");
        var local = new LocalShareTarget();
        return local with
        {
            Root = section["Root"] is { Length: > 0 } root ? root : local.Root,
            BaseUrl = section["BaseUrl"] is { Length: > 0 } url ? url : local.BaseUrl,
        };
    }
}

/// <summary>
/// The machine settings a packet run reads (where it publishes, the Graph connection, the local share, the delegate
/// page), from one reading of the configuration. When <see cref="SharingConfiguration.AnySource()"/> finds no source,
/// they are the defaults, which is what reading an empty configuration gives (a test compares the two), and the
/// libraries of Microsoft.Extensions.Configuration (JSON, user-secrets, file providers, environment, binder) are not
/// loaded at all (issue 17).
/// </summary>
internal sealed record MachineSettings(SharingSettings Sharing, GraphConnectionOptions Graph, LocalShareTarget Local, AttendanceOptions Attendance)
{
    public static MachineSettings Read() => SharingConfiguration.AnySource() ? From(SharingConfiguration.Build()) : Defaults();

    internal static MachineSettings Defaults() => new(new SharingSettings(), new GraphConnectionOptions(), new LocalShareTarget(), new AttendanceOptions());

    /// <summary>A method of its own (not inlined): the configuration types are loaded only when it runs.</summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    internal static MachineSettings From(IConfiguration config) =>
        new(SharingConfiguration.Sharing(config), SharingConfiguration.Graph(config), SharingConfiguration.Local(config), AttendanceConfiguration.Options(config));
}
