namespace Ambulo.Web.Tests.Walking;

/// <summary>Files under the repository's <c>testdata/</c> folder (found by walking up to Ambulo.slnx).</summary>
internal static class TestFiles
{
    public static string Path(params string[] parts)
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Ambulo.slnx")))
        {
            dir = dir.Parent;
        }

        var path = System.IO.Path.Combine([dir?.FullName ?? throw new InvalidOperationException("Ambulo.slnx not found"), "testdata", .. parts]);
        return File.Exists(path) ? path : throw new FileNotFoundException($"test data '{string.Join('/', parts)}' not found", path);
    }
}
