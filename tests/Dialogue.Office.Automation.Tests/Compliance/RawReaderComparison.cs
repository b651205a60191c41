using System.Runtime.CompilerServices;
using Dialogue.Office.Automation.Compliance;

namespace Dialogue.Office.Automation.Tests.Compliance;

/// <summary>
/// Every ND30 check a test runs in this process reads the document twice, with the raw XML reader and through the
/// Open XML SDK, and fails on any difference in the findings (codes, Vietnamese messages, locations, order).
/// </summary>
internal static class RawReaderComparison
{
    [ModuleInitializer]
    internal static void CompareEveryCheck() => Nd30Checker.CompareWithSdk = true;
}
