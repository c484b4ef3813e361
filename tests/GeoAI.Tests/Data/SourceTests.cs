using GeoAI.Data;

namespace GeoAI.Tests.Data;

public class SourceTests
{
    private static readonly string[] ThreeClasses = ["Beta", "Alpha", "Gamma"];

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void FolderClassesAreOrdinalAlphabeticalAndImagesOrderedByName(bool rooted)
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Path, TestImages.Layout(ThreeClasses, perClass: 11, rooted));

        var source = (FolderSource)EuroSatSource.Parse(temp.Path);

        Assert.Equal(new[] { "Alpha", "Beta", "Gamma" }, source.ClassNames);
        Assert.Equal(33, source.Count);
        Assert.Equal(Enumerable.Repeat(0, 11).Concat(Enumerable.Repeat(1, 11)).Concat(Enumerable.Repeat(2, 11)), source.Labels);
        // Ordinal file order, as ImageFolder sorts: _1, _10, _11, _2, ...
        var prefix = rooted ? "2750/" : "";
        Assert.Equal(new[] { $"{prefix}Alpha/Alpha_1.jpg", $"{prefix}Alpha/Alpha_10.jpg", $"{prefix}Alpha/Alpha_11.jpg", $"{prefix}Alpha/Alpha_2.jpg" },
            source.Images.Take(4).Select(i => i.RelativePath));
        Assert.False(source.IsSynthetic);
        Assert.DoesNotContain("synthetic", source.Description);
    }

    [Fact]
    public void ZipIsReadInPlaceWithTheSameOrderAsTheFolder()
    {
        using var temp = new TempDirectory();
        var files = TestImages.Layout(ThreeClasses, perClass: 3).ToList();
        var zip = TestImages.WriteZip(temp.Combine("set.zip"),
            new (string, byte[]?)[] { ("2750/", null), ("2750/Gamma/", null) }.Concat(files.Select(f => (f.Path, (byte[]?)f.Bytes))));
        TestImages.WriteFolder(temp.Combine("folder"), files);

        var fromZip = (ZipSource)EuroSatSource.Parse(zip);
        var fromFolder = (FolderSource)EuroSatSource.Parse(temp.Combine("folder"));

        Assert.Equal("zip", fromZip.Kind);
        Assert.Equal(fromFolder.Images, fromZip.Images);
        Assert.Equal(files.Single(f => f.Path == "2750/Beta/Beta_2.jpg").Bytes, fromZip.ReadEncoded([4])[0]);
    }

    [Fact]
    public void RealDataIsNamedByFileNameSizeAndSha256NeverByItsPath()
    {
        using var temp = new TempDirectory();
        var files = TestImages.Layout(ThreeClasses, perClass: 2).ToList();
        var zip = TestImages.WriteZip(temp.Combine("set.zip"), files.Select(f => (f.Path, (byte[]?)f.Bytes)));
        TestImages.WriteFolder(temp.Combine("folder"), files);
        var zipBytes = File.ReadAllBytes(zip);
        // The folder's hash: each image's relative path, a zero byte and its content, in sample order (class, then name).
        var manifest = files.OrderBy(f => f.Path, StringComparer.Ordinal)
            .SelectMany(f => System.Text.Encoding.UTF8.GetBytes(f.Path + "\0").Concat(f.Bytes)).ToArray();

        var fromZip = EuroSatSource.Parse(zip);
        var fromFolder = EuroSatSource.Parse(temp.Combine("folder"));

        Assert.Equal("set.zip", fromZip.DisplaySpec);
        Assert.Equal($"EuroSAT zip set.zip (6 JPEGs, 3 classes; {zipBytes.Length:N0} bytes, SHA-256 " +
                     $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(zipBytes))})", fromZip.Description);
        Assert.Equal("folder", fromFolder.DisplaySpec);
        Assert.Equal($"EuroSAT folder folder (6 JPEGs, 3 classes; {files.Sum(f => f.Bytes.Length):N0} bytes, SHA-256 " +
                     $"{Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(manifest))})", fromFolder.Description);
        Assert.DoesNotContain(temp.Path, fromZip.Description + fromFolder.Description);
    }

    [Fact]
    public void FingerprintsFollowContent()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Path, TestImages.Layout(ThreeClasses, perClass: 2));
        var before = EuroSatSource.Parse(temp.Path).Fingerprint();
        Assert.Equal(before, EuroSatSource.Parse(temp.Path).Fingerprint());

        File.WriteAllBytes(temp.Combine("2750", "Beta", "Beta_1.jpg"), TestImages.SolidJpeg(9, 9, 9, width: 65));

        Assert.NotEqual(before, EuroSatSource.Parse(temp.Path).Fingerprint());
    }

    [Fact]
    public void ZipFingerprintChangesWithAnEntrysContent()
    {
        using var temp = new TempDirectory();
        var files = TestImages.Layout(ThreeClasses, perClass: 2).Select(f => (f.Path, (byte[]?)f.Bytes)).ToList();
        var first = EuroSatSource.Parse(TestImages.WriteZip(temp.Combine("a.zip"), files)).Fingerprint();
        files[1] = (files[1].Path, TestImages.SolidJpeg(1, 1, 1));

        Assert.NotEqual(first, EuroSatSource.Parse(TestImages.WriteZip(temp.Combine("b.zip"), files)).Fingerprint());
        Assert.Equal(first, EuroSatSource.Parse(TestImages.WriteZip(temp.Combine("c.zip"),
            TestImages.Layout(ThreeClasses, perClass: 2).Select(f => (f.Path, (byte[]?)f.Bytes)))).Fingerprint());
    }

    [Theory]
    [InlineData("../evil.jpg", "'..'")]
    [InlineData("2750/../../evil.jpg", "'..'")]
    [InlineData("/etc/evil.jpg", "absolute")]
    [InlineData("C:/evil.jpg", "absolute")]
    public void ZipEntriesEscapingTheRootAreRefused(string entry, string message)
    {
        using var temp = new TempDirectory();
        var zip = TestImages.WriteZip(temp.Combine("evil.zip"),
            TestImages.Layout(ThreeClasses, 1).Select(f => (f.Path, (byte[]?)f.Bytes)).Append((entry, TestImages.SolidJpeg(1, 1, 1))));

        var error = Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(zip));

        Assert.Contains(message, error.Message);
        Assert.Contains(entry, error.Message);
        Assert.Contains("evil.zip", error.Message);
    }

    [Fact]
    public void EmptyClassFolderIsRefusedByName()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Path, TestImages.Layout(ThreeClasses, 2));
        Directory.CreateDirectory(temp.Combine("2750", "Delta"));

        var error = Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(temp.Path));

        Assert.Contains("Delta", error.Message);
        Assert.Contains("no JPEG images", error.Message);
    }

    [Fact]
    public void EmptyClassFolderInAZipIsRefusedByName()
    {
        using var temp = new TempDirectory();
        var zip = TestImages.WriteZip(temp.Combine("set.zip"),
            TestImages.Layout(ThreeClasses, 1).Select(f => (f.Path, (byte[]?)f.Bytes)).Append(("2750/Delta/", null)));

        Assert.Contains("2750/Delta", Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(zip)).Message);
    }

    [Fact]
    public void MissingEuroSatClassIsRefusedByName()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Path, TestImages.Layout(EuroSatClasses.Names.Where(n => n != "Pasture").ToList(), 1));

        var error = Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(temp.Path));

        Assert.Contains("missing: Pasture", error.Message);
    }

    [Fact]
    public void ImagesOutsideClassFoldersAreAnUnknownLayout()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Path, TestImages.Layout(ThreeClasses, 1));
        File.WriteAllBytes(temp.Combine("2750", "stray.jpg"), TestImages.SolidJpeg(1, 1, 1));

        var error = Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(temp.Path));

        Assert.Contains("unknown layout", error.Message);
        Assert.Contains("stray.jpg", error.Message);
    }

    [Fact]
    public void DeeperNestingIsAnUnknownLayout()
    {
        using var temp = new TempDirectory();
        TestImages.WriteFolder(temp.Path, TestImages.Layout(ThreeClasses, 1).Select(f => ("extra/level/" + f.Path, f.Bytes)));

        Assert.Contains("unknown layout", Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(temp.Path)).Message);
    }

    [Fact]
    public void NoImagesAtAllIsRefused()
    {
        using var temp = new TempDirectory();
        Directory.CreateDirectory(temp.Combine("2750", "Forest"));
        File.WriteAllText(temp.Combine("2750", "Forest", "notes.txt"), "no images here");
        var emptyZip = TestImages.WriteZip(temp.Combine("empty.zip"), []);

        Assert.Contains("no JPEG images found", Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(temp.Path)).Message);
        Assert.Contains("empty.zip: no JPEG images found", Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(emptyZip)).Message);
    }

    [Fact]
    public void HiddenFilesAndMacResourceForksAreIgnored()
    {
        using var temp = new TempDirectory();
        var zip = TestImages.WriteZip(temp.Combine("mac.zip"), TestImages.Layout(ThreeClasses, 2)
            .Select(f => (f.Path, (byte[]?)f.Bytes))
            .Append(("__MACOSX/2750/Alpha/._Alpha_1.jpg", [1, 2, 3]))
            .Append(("2750/Alpha/.hidden.jpg", [1, 2, 3])));

        Assert.Equal(6, EuroSatSource.Parse(zip).Count);
    }

    [Fact]
    public void NotAZipAndNothingThereAreRefused()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.Combine("fake.zip"), "plain text");

        Assert.Contains("not a readable zip archive", Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(temp.Combine("fake.zip"))).Message);
        Assert.Contains("no such file or folder", Assert.Throws<DataSourceException>(() => EuroSatSource.Parse(temp.Combine("absent"))).Message);
    }
}
