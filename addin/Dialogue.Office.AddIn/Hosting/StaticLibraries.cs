using Microsoft.Extensions.FileProviders;

namespace Dialogue.Office.AddIn.Hosting;

/// <summary>
/// Serves the pane's browser libraries straight from node_modules (after <c>npm ci</c>): <c>/lib/office-js/</c> =
/// @microsoft/office-js dist (office.js loads its host and locale files from beside itself, so the whole folder is
/// served), <c>/lib/fabric/</c> = Fabric Core CSS. Without npm the host still runs: office.js is redirected to
/// Microsoft's CDN (the source Office itself supports) and the pane's own stylesheet carries the Fluent look.
/// </summary>
public static class StaticLibraries
{
    public const string OfficeJsCdn = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

    public static void UsePaneLibraries(this WebApplication app)
    {
        var modules = Path.Combine(app.Environment.ContentRootPath, "node_modules");
        var officeJs = Path.Combine(modules, "@microsoft", "office-js", "dist");
        var fabric = Path.Combine(modules, "office-ui-fabric-core", "dist", "css");
        var source = app.Configuration["AddIn:OfficeJs"] ?? "auto";
        var local = !string.Equals(source, "cdn", StringComparison.OrdinalIgnoreCase) && File.Exists(Path.Combine(officeJs, "office.js"));

        if (local)
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(officeJs), RequestPath = "/lib/office-js" });
        }
        else
        {
            app.MapGet("/lib/office-js/office.js", () => Results.Redirect(OfficeJsCdn));
            app.Logger.LogInformation("office.js is taken from {Cdn} (no node_modules/@microsoft/office-js, or AddIn:OfficeJs=cdn)", OfficeJsCdn);
        }

        if (Directory.Exists(fabric))
        {
            app.UseStaticFiles(new StaticFileOptions { FileProvider = new PhysicalFileProvider(fabric), RequestPath = "/lib/fabric" });
        }
        else
        {
            // An empty stylesheet rather than a 404: the pane's own CSS stands alone.
            app.MapGet("/lib/fabric/fabric.min.css", () => Results.Text("/* Fabric Core not installed: run npm ci */", "text/css"));
        }
    }
}
