using System.Runtime.CompilerServices;
using DocumentFormat.OpenXml.Packaging;
using Dialogue.Office.Automation.Diagnostics;
using Dialogue.Office.Automation.Inputs;

namespace Dialogue.Office.Automation.Compliance;

/// <summary>
/// Checks a Word document against the layout rules of Nghị định 30/2020/NĐ-CP, Phụ lục I, deterministically
/// (no language model): page, margins, fonts and legacy encodings, the header elements, the date line, tên loại and
/// trích yếu, body paragraphs, the signature block, Nơi nhận and page numbers. Rules about elements it cannot
/// recognise are not applied, so a correct document is never flagged for a guess.
/// </summary>
/// <example><code>var report = Nd30Checker.Check("giay-moi.docx"); if (!report.Passed) { … report.Errors … }</code></example>
public static class Nd30Checker
{
    /// <summary>Checks the .docx at <paramref name="docxPath"/> (read once, checked by the guarded opener).</summary>
    public static Nd30Report Check(string docxPath)
    {
        ArgumentNullException.ThrowIfNull(docxPath);
        var source = Path.GetFileName(docxPath);
        try
        {
            GuardedPackage package;
            using (PhaseTimings.Start("check: file read and guarded"))
            {
                package = GuardedPackage.Open(docxPath, PackageKind.WordDocument, InputLimits.WordDocument);
            }

            return Check(package, source);
        }
        catch (InputFileException ex)
        {
            return Refused(source, ex);
        }
    }

    /// <summary>Checks a .docx read from <paramref name="docx"/>; <paramref name="name"/> prefixes the locations.</summary>
    public static Nd30Report Check(Stream docx, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(docx);
        var source = string.IsNullOrWhiteSpace(name) ? "văn bản" : name;
        try
        {
            using var buffer = new MemoryStream();
            var limit = InputLimits.WordDocument.MaxFileBytes;
            var chunk = new byte[81920];
            int n;
            while ((n = docx.Read(chunk, 0, chunk.Length)) > 0)
            {
                if (buffer.Length + n > limit)
                {
                    throw new InputFileException(InputRejection.TooLarge, source, "stream longer than the limit", buffer.Length + n, limit);
                }

                buffer.Write(chunk, 0, n);
            }

            return Check(GuardedPackage.FromBytes(buffer.ToArray(), source, PackageKind.WordDocument, InputLimits.WordDocument), source);
        }
        catch (InputFileException ex)
        {
            return Refused(source, ex);
        }
    }

    /// <summary>
    /// Checks a package the guarded opener has accepted. The parts the rules need are read forward with an XML reader
    /// (<see cref="RawDocxReader"/>), without the Open XML SDK's object model; a package that reader declines
    /// (anything it does not read the way the SDK would) is read through the SDK instead, with the same findings.
    /// </summary>
    public static Nd30Report Check(GuardedPackage package, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(package);
        var source = name ?? package.Name;
        DocxModel? model;
        using (PhaseTimings.Start("check: document read (raw XML)"))
        {
            model = RawDocxReader.TryRead(package, out var declined);
            if (model is null)
            {
                PhaseTimings.Write("check: raw reading declined: " + declined, TimeSpan.Zero);
            }
        }

        if (model is null)
        {
            return CheckWithSdk(package, source);
        }

        var report = Inspect(model, source);
        if (CompareWithSdk && CheckWithSdk(package, source) is var sdk && !report.Findings.SequenceEqual(sdk.Findings))
        {
            throw new ReaderMismatchException($"The raw and SDK readings of {source} differ:\nraw: {string.Join("\n     ", report.Findings)}\nsdk: {string.Join("\n     ", sdk.Findings)}");
        }

        return report;
    }

    /// <summary>
    /// Set by the test suite: every raw reading is checked again through the SDK and a difference in the findings
    /// throws, so each document a test checks is also a comparison of the two readers.
    /// </summary>
    internal static bool CompareWithSdk { get; set; }

    /// <summary>The reading through the Open XML SDK, kept apart so that the raw path never loads the SDK.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    internal static Nd30Report CheckWithSdk(GuardedPackage package, string source)
    {
        try
        {
            WordprocessingDocument document;
            using (PhaseTimings.Start("check: package opened"))
            {
                document = package.OpenWord();
            }

            using (document)
            {
                return Check(document, source);
            }
        }
        catch (Exception ex) when (GuardedPackage.IsPackageFault(ex))
        {
            return Refused(source, new InputFileException(InputRejection.Corrupt, source, ex.GetType().Name));
        }
    }

    /// <summary>A refused file is one ND30_UNREADABLE finding whose "found" says why, with the opener's code.</summary>
    private static Nd30Report Refused(string source, InputFileException ex)
    {
        var problem = ex.ToProblem();
        return new Nd30Report(source, [new Nd30Finding("ND30_UNREADABLE", Diagnostics.ProblemSeverity.Error, Nd30Rules.General, source, $"{problem.Code}: {problem.Message}", "tệp .docx hợp lệ")]);
    }

    internal static Nd30Report Check(WordprocessingDocument document, string source)
    {
        DocxModel model;
        using (PhaseTimings.Start("check: document read (model)"))
        {
            model = DocxModel.Read(document);
        }

        return Inspect(model, source);
    }

    /// <summary>Finds the layout of a read document and applies every rule.</summary>
    internal static Nd30Report Inspect(DocxModel model, string source)
    {
        Nd30Layout layout;
        using (PhaseTimings.Start("check: layout found"))
        {
            layout = Nd30Layout.Find(model);
        }

        using (PhaseTimings.Start("check: rules applied"))
        {
            return new Nd30Report(source, new Nd30Inspection(model, layout, source).Run());
        }
    }

    internal static bool IsPageInstruction(string? instruction) =>
        instruction is not null && instruction.Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault() is { } word
        && word.Equals("PAGE", StringComparison.OrdinalIgnoreCase);
}

/// <summary>The raw and SDK readings of one package gave different findings (only when tests compare them).</summary>
internal sealed class ReaderMismatchException(string message) : Exception(message);
