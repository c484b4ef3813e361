using GeoAI.Models;
using GeoAI.Tests.Data;

namespace GeoAI.Tests.Models;

/// <summary>
/// What <c>weights convert</c> and <c>ModelWeights.Save</c> rely on: a write that fails after its temporary file exists
/// (midway through the content, in the read-back check, or at the rename) leaves no temporary behind and the previous
/// file at the path untouched. A writer that wrote to the path itself would leave it truncated or half-written.
/// </summary>
public sealed class AtomicFileTests : IDisposable
{
    private static readonly byte[] Previous = [1, 2, 3];

    private readonly TempDirectory temp = new();

    [Fact]
    public void AFailureMidwayThroughTheContentKeepsThePreviousFile()
    {
        var path = WithPreviousFile();

        var error = Assert.Throws<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[4096]);
            stream.Flush();
            Assert.Single(TemporaryFiles()); // the failure below really happens after the temporary exists
            throw new IOException("disk full");
        }));

        Assert.Equal("disk full", error.Message);
        Assert.Equal(Previous, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AFailedCheckOfTheFinishedTemporaryKeepsThePreviousFile()
    {
        var path = WithPreviousFile();
        string? checkedFile = null;

        Assert.Throws<InvalidDataException>(() => AtomicFile.Write(path, stream => stream.Write(new byte[16]), temporary =>
        {
            checkedFile = temporary;
            Assert.Equal(16, new FileInfo(temporary).Length);
            throw new InvalidDataException("read back differs");
        }));

        Assert.Equal(temp.Path, Path.GetDirectoryName(checkedFile)); // beside the target, so the rename cannot cross disks
        Assert.False(File.Exists(checkedFile));
        Assert.Equal(Previous, File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Path));
    }

    [Fact]
    public void AFailedRenameLeavesNoTemporary()
    {
        var path = temp.Combine("out.bin");
        Directory.CreateDirectory(path); // a folder where the file should go: the rename, and only the rename, fails
        var written = false;

        Assert.ThrowsAny<IOException>(() => AtomicFile.Write(path, stream =>
        {
            stream.Write(new byte[16]);
            written = true;
        }));

        Assert.True(written);
        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Path));
        Assert.Empty(Directory.GetFileSystemEntries(path));
    }

    [Fact]
    public void ASuccessfulWriteReplacesThePreviousFileAndLeavesOnlyIt()
    {
        var path = WithPreviousFile();

        AtomicFile.Write(path, stream => stream.Write([9, 8]));

        Assert.Equal([9, 8], File.ReadAllBytes(path));
        Assert.Equal([path], Directory.GetFileSystemEntries(temp.Path));
    }

    private string WithPreviousFile()
    {
        var path = temp.Combine("out.bin");
        File.WriteAllBytes(path, Previous);
        return path;
    }

    private string[] TemporaryFiles() => Directory.GetFiles(temp.Path, ".out.bin.*.tmp");

    public void Dispose() => temp.Dispose();
}
