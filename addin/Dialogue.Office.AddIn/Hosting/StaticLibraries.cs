using Microsoft.Extensions.FileProviders;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// The pane's browser libraries. <b>office.js</b>: the pages reference Microsoft's CDN in their <c>&lt;head&gt;</c>
/// (<see cref="OfficeJsCdn"/>, as Microsoft documents, so that hosts get the current implementation); with
/// <c>AddIn:OfficeJs=local</c> (air-gapped installs, tests) the pages are served with that address replaced by
/// <c>lib/office-js/office.js</c> = the @microsoft/office-js dist folder in node_modules (office.js loads its host
/// and locale files from beside itself, so the whole folder is served). <b>Fluent UI</b>: <c>/lib/fluent/fluent.js</c>
/// = the ES module bundle of @fluentui/web-components that the build writes with esbuild (pane/build.mjs, run by the
/// MSBuild target in the project file and by <c>npm run build</c>) into <c>obj/pane/</c>; when it was never built the
/// route answers a small module that tells the clerk, in Vietnamese, what to run.
/// </summary>
public static class StaticLibraries
{
    public const string OfficeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
    public const string OfficeJsLocal = "lib/office-js/office.js";

    /// <summary>The pages that load office.js (served rewritten when office.js is local).</summary>
    private static readonly string[] OfficePages = ["/taskpane.html", "/commands.html", "/auth-dialog.html"];

    /// <summary>True when <c>AddIn:OfficeJs</c> asks for the local copy ("local"); anything else means the CDN.</summary>
    public static bool LocalOfficeJs(IConfiguration configuration) =>
        string.Equals(configuration["AddIn:OfficeJs"], "local", StringComparison.OrdinalIgnoreCase);

    /// <summary>Before the static files: with a local office.js, the pages that load it point at the local copy.</summary>
    public static void UsePanePages(this WebApplication app)
    {
        if (!LocalOfficeJs(app.Configuration))
        {
            return;
        }

        app.Use(async (context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            if (!HttpMethods.IsGet(context.Request.Method) || !OfficePages.Contains(path, StringComparer.Ordinal))
            {
                await next(context);
                return;
            }

            var file = app.Environment.WebRootFileProvider.GetFileInfo(path);
            if (!file.Exists)
            {
                await next(context);
                return;
            }

            string html;
            await using (var stream = file.CreateReadStream())
            using (var reader = new StreamReader(stream))
            {
                html = await reader.ReadToEndAsync(context.RequestAborted);
            }

            context.Response.ContentType = "text/html; charset=utf-8";
            context.Response.Headers.CacheControl = "no-cache";
            await context.Response.WriteAsync(html.Replace(OfficeJsCdn, OfficeJsLocal, StringComparison.Ordinal), context.RequestAborted);
        });
    }

    public static void UsePaneLibraries(this WebApplication app)
    {
        var root = app.Environment.ContentRootPath;
        var officeJs = Path.Combine(root, "node_modules", "@microsoft", "office-js", "dist");
        if (LocalOfficeJs(app.Configuration))
        {
            if (File.Exists(Path.Combine(officeJs, "office.js")))
            {
                app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(officeJs), RequestPath = "/lib/office-js" });
            }
            else
            {
                app.Logger.LogWarning("AddIn:OfficeJs=local but {Folder} has no office.js: run 'npm ci' in {Root}", officeJs, root);
            }
        }
        else
        {
            app.Logger.LogInformation("office.js is loaded from {Cdn} (AddIn:OfficeJs=local serves the npm copy instead)", OfficeJsCdn);
        }

        var fluent = Path.Combine(root, "obj", "pane");
        if (File.Exists(Path.Combine(fluent, "fluent.js")))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(fluent), RequestPath = "/lib/fluent" });
        }
        else
        {
            app.Logger.LogWarning("The pane's Fluent UI bundle {File} is missing: install Node.js, run 'npm ci' in {Root}, then build again", Path.Combine(fluent, "fluent.js"), root);
            app.MapGet("/lib/fluent/fluent.js", () => Results.Text(MissingBundle, "text/javascript; charset=utf-8"));
        }
    }

    /// <summary>What the pane runs when the Fluent bundle was never built: it says so instead of showing bare controls.</summary>
    private const string MissingBundle = """
        // The Fluent UI bundle was not built (no Node.js or no 'npm ci' when the host was built).
        export const missing = true;
        export function setTheme() {}
        export const webLightTheme = {};
        export const webDarkTheme = {};
        const box = document.getElementById("notice");
        if (box) {
          const p = document.createElement("p");
          p.textContent = "Thiếu thư viện giao diện Fluent UI của ngăn tác vụ: máy chủ cần cài Node.js, chạy 'npm ci' trong thư mục addin/Dialogue.Office.AddIn rồi dựng lại (dotnet build).";
          box.append(p);
          box.hidden = false;
        }
        """;
}
