namespace Ambulo.Motion.Tests;

/// <summary>
/// Finds the repository's <c>testdata/</c> folder from the test binary (walks up to Ambulo.slnx), so tests
/// run on a fresh clone without the shared data-set folder beside the repository. Shared by every test of the Motion project:
/// <c>TestData.Path("gaitmap", "imu_sample.csv")</c>.
/// </summary>
public static class TestData
{
    private static readonly Lazy<string> RootPath = new(FindRoot);

    /// <summary>The repository root (the folder holding Ambulo.slnx).</summary>
    public static string RepositoryRoot => RootPath.Value;

    /// <summary>The <c>testdata/</c> folder.</summary>
    public static string Folder => System.IO.Path.Combine(RepositoryRoot, "testdata");

    /// <summary>A path under <c>testdata/</c>; throws with a clear message when the file is missing.</summary>
    public static string Path(params string[] parts)
    {
        var path = System.IO.Path.Combine([Folder, .. parts]);
        if (!File.Exists(path) && !Directory.Exists(path))
        {
            throw new FileNotFoundException($"test data '{string.Join('/', parts)}' not found under {Folder}", path);
        }

        return path;
    }

    private static string FindRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(System.IO.Path.Combine(dir.FullName, "Ambulo.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Ambulo.slnx not found above " + AppContext.BaseDirectory);
    }
}
