using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dialogue.Office.AddIn.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Dialogue.Office.AddIn.Tests.Support;

/// <summary>Waits for a started job by awaiting its completion in the host (no polling, no time budget), then reads it over HTTP.</summary>
internal static class Jobs
{
    public static async Task<JsonElement> Finish<TEntry>(WebApplicationFactory<TEntry> factory, HttpClient client, HttpResponseMessage started)
        where TEntry : class
    {
        Assert.True(started.StatusCode == HttpStatusCode.Accepted, await started.Content.ReadAsStringAsync());
        var id = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
        var finished = factory.Services.GetRequiredService<JobStore>().Finished(id);
        Assert.NotNull(finished);
        await finished;
        return await client.GetFromJsonAsync<JsonElement>($"/api/jobs/{id}");
    }
}
