using System.Text;

namespace GeoAI.Report.Documents;

/// <summary>How every writer puts a document on disk: UTF-8 without a byte-order mark, markdown beside its HTML twin.</summary>
internal static class DocumentFiles
{
    public static readonly Encoding Utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Writes <paramref name="document"/> as markdown and as self-contained HTML into <paramref name="folder"/>.</summary>
    /// <returns>The markdown, for callers that also print it.</returns>
    public static string WriteMarkdownAndHtml(ReportDocument document, string folder, string markdownFile, string htmlFile)
    {
        var markdown = MarkdownRenderer.Render(document);
        File.WriteAllText(Path.Combine(folder, markdownFile), markdown, Utf8);
        File.WriteAllText(Path.Combine(folder, htmlFile), HtmlRenderer.Render(document), Utf8);
        return markdown;
    }
}
