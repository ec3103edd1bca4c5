using Ambulo.Motion.Recordings;
using Ambulo.Motion.Samples;
using CsCheck;

namespace Ambulo.Motion.Tests.Recordings;

/// <summary>Every kind of bad input is skipped-and-counted or rejected with line and column; none crashes.</summary>
public class RecordingCsvBadInputTests
{
    private const string Head = "# ambulo-recording: 1\n# sensor: imu\n# placement: shank-left\n# sampling_rate_hz: 100\n";
    private const string AccHeader = "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2\n";
    private const string GyrHeader = "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyr_x_radps,gyr_y_radps,gyr_z_radps\n";

    // Data rows start on line 6 (4 metadata lines + header).
    private static RecordingReadResult Read(string rows, string header = AccHeader, RecordingReadOptions? options = null) =>
        RecordingCsv.Parse(Head + header + rows, options);

    private static double[] Times(RecordingReadResult result) => [.. result.Recording.Samples.Select(s => s.TimeSeconds)];

    [Fact]
    public void Read_NaNAndInfinityInValues_SkipsRowsAndCountsThem()
    {
        var result = Read("0,0,0,9.8\n0.01,NaN,0,9.8\n0.02,0,-Infinity,9.8\n0.03,0,inf,9.8\n0.04,0,0,9.8\n");

        Times(result).ShouldBe([0, 0.04]);
        result.Report.Count(ReadIssue.NonFiniteValue).ShouldBe(3);
        result.Report.Find(ReadIssue.NonFiniteValue)!.FirstLineNumbers.ShouldBe([7, 8, 9]);
        result.Report.RowsSkipped.ShouldBe(3);
    }

    [Fact]
    public void Read_NonFiniteTime_SkipsRow()
    {
        var result = Read("0,0,0,9.8\nnan,0,0,9.8\n0.02,0,0,9.8\n");

        Times(result).ShouldBe([0, 0.02]);
        result.Report.Find(ReadIssue.NonFiniteTime)!.FirstLineNumbers.ShouldBe([7]);
    }

    [Fact]
    public void Read_SaturatedAccelerometerAndGyroscope_KeptAndCounted()
    {
        var rows = "0,0,0,9.8,0,0,0\n0.01,156.9,0,9.8,0,0,0\n0.02,0,0,9.8,0,-34.9,0\n0.03,0,0,9.8,0,0,0\n";

        var result = Read(rows, GyrHeader);

        result.Recording.Samples.Length.ShouldBe(4);
        result.Report.Find(ReadIssue.Saturated)!.FirstLineNumbers.ShouldBe([7, 8]);
    }

    [Fact]
    public void Read_SaturatedWithSkipOption_DropsThoseRows()
    {
        var result = Read("0,0,0,9.8\n0.01,-200,0,9.8\n0.02,0,0,9.8\n", options: new RecordingReadOptions { SkipSaturated = true });

        Times(result).ShouldBe([0, 0.02]);
        result.Report.Count(ReadIssue.Saturated).ShouldBe(1);
    }

    [Fact]
    public void Read_RangeLabel_OverridesDefaultSaturationLimit()
    {
        // A ±2 g phone: 19.6 m/s² is at its limit although far below the ±16 g default.
        var text = Head + "# acc_range_mps2: 19.6133\n" + AccHeader + "0,0,0,9.8\n0.01,19.6133,0,9.8\n0.02,19.5,0,9.8\n";

        var result = RecordingCsv.Parse(text);

        result.Report.Find(ReadIssue.Saturated)!.FirstLineNumbers.ShouldBe([8]);
        result.Recording.Metadata.Label("acc_range_mps2").ShouldBe("19.6133");
    }

    [Fact]
    public void Read_DuplicatedTimestamp_KeepsFirstSkipsRepeat()
    {
        var result = Read("0,1,0,9.8\n0.01,2,0,9.8\n0.01,3,0,9.8\n0.02,4,0,9.8\n");

        result.Recording.Samples.Select(s => s.AccelerationMps2.X).ShouldBe([1f, 2f, 4f]);
        result.Report.Find(ReadIssue.DuplicateTimestamp)!.FirstLineNumbers.ShouldBe([8]);
    }

    [Fact]
    public void Read_OutOfOrderTimestamp_SkipsTheLateRow()
    {
        var result = Read("0,0,0,9.8\n0.02,0,0,9.8\n0.01,0,0,9.8\n0.03,0,0,9.8\n");

        Times(result).ShouldBe([0, 0.02, 0.03]);
        result.Report.Find(ReadIssue.OutOfOrderTimestamp)!.FirstLineNumbers.ShouldBe([8]);
    }

    [Fact]
    public void Read_ClockJumpBackwards_ShiftsLaterRowsAfterInsertedGap()
    {
        // The clock restarts at 0 after 100.01 s: later rows continue 60 s (inserted gap) after the last good one.
        var result = Read("100,0,0,9.8\n100.01,0,0,9.8\n0,0,0,9.8\n0.01,0,0,9.8\n");

        var times = Times(result);
        times.Length.ShouldBe(4);
        times[2].ShouldBe(160.01, 1e-9);
        times[3].ShouldBe(160.02, 1e-9);
        result.Report.Find(ReadIssue.ClockJump)!.FirstLineNumbers.ShouldBe([8]);
        RecordingSegments.Split(result.Recording).Count.ShouldBe(2);
    }

    [Fact]
    public void Read_GapLongerThanLimit_KeptCountedAndSplitsSegments()
    {
        var result = Read("0,0,0,9.8\n0.01,0,0,9.8\n5,0,0,9.8\n5.01,0,0,9.8\n5.02,0,0,9.8\n");

        result.Recording.Samples.Length.ShouldBe(5);
        result.Report.Find(ReadIssue.Gap)!.FirstLineNumbers.ShouldBe([8]);
        RecordingSegments.Split(result.Recording, maxGapSeconds: 1).ShouldBe([new RecordingSegment(0, 2), new RecordingSegment(2, 3)]);
    }

    [Fact]
    public void Read_FileCutMidLine_DropsTruncatedLastRow()
    {
        var result = Read("0,0,0,9.8\n0.01,0,0,9.8\n0.02,0,0.0");

        Times(result).ShouldBe([0, 0.01]);
        result.Report.Find(ReadIssue.TruncatedLastLine)!.FirstLineNumbers.ShouldBe([8]);
    }

    [Fact]
    public void Read_FileCutMidField_DropsTruncatedLastRowEvenIfItParses()
    {
        var result = Read("0,0,0,9.8\n0.01,0,0,9.");

        Times(result).ShouldBe([0]);
        result.Report.Count(ReadIssue.TruncatedLastLine).ShouldBe(1);
    }

    [Fact]
    public void Read_UnterminatedLastLineWithAcceptOption_KeepsIt()
    {
        var result = Read("0,0,0,9.8\n0.01,0,0,9.8", options: new RecordingReadOptions { AcceptUnterminatedLastLine = true });

        Times(result).ShouldBe([0, 0.01]);
        result.Report.IsClean.ShouldBeTrue();
    }

    [Fact]
    public void Read_WrongColumnCount_SkipsRowAndSaysHowMany()
    {
        var result = Read("0,0,0,9.8\n0.01,0,9.8\n0.02,0,0,9.8,7\n0.03,0,0,9.8\n");

        Times(result).ShouldBe([0, 0.03]);
        var issue = result.Report.Find(ReadIssue.WrongColumnCount)!;
        issue.Count.ShouldBe(2);
        issue.FirstLineNumbers.ShouldBe([7, 8]);
        issue.FirstDetail.ShouldContain("3 fields");
    }

    [Fact]
    public void Read_UnparsableValue_SkipsRowNamingColumn()
    {
        var result = Read("0,0,0,9.8\n0.01,0,abc,9.8\n0.02,0,0,9,8\n");

        Times(result).ShouldBe([0]);
        result.Report.Find(ReadIssue.UnparsableValue)!.FirstDetail.ShouldContain("acc_y_mps2");
        result.Report.Count(ReadIssue.WrongColumnCount).ShouldBe(1);
    }

    [Fact]
    public void Read_CommentAfterHeader_IsSkippedAndNoted()
    {
        var result = Read("0,0,0,9.8\n# pause here\n0.01,0,0,9.8\n");

        Times(result).ShouldBe([0, 0.01]);
        result.Report.Find(ReadIssue.CommentAfterHeader)!.FirstLineNumbers.ShouldBe([7]);
    }

    [Fact]
    public void Read_UnknownHeaderColumn_ThrowsNamingLineAndColumn()
    {
        var ex = Should.Throw<RecordingFormatException>(() => Read("0,0,0,9.8,1\n", "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,temp_c\n"));

        ex.LineNumber.ShouldBe(5);
        ex.Column.ShouldBe("5 'temp_c'");
        ex.Message.ShouldStartWith("line 5, column 5 'temp_c': unknown header column");
    }

    [Fact]
    public void Read_IncompleteColumnGroup_ThrowsNamingMissingColumns()
    {
        var ex = Should.Throw<RecordingFormatException>(() => Read("", "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,gyr_x_radps\n"));

        ex.Message.ShouldContain("gyr_y_radps,gyr_z_radps");
    }

    [Fact]
    public void Read_DuplicateHeaderColumn_Throws()
    {
        var ex = Should.Throw<RecordingFormatException>(() => Read("", "t_s,acc_x_mps2,acc_y_mps2,acc_z_mps2,acc_x_mps2\n"));

        ex.Column.ShouldBe("5 'acc_x_mps2'");
    }

    [Theory]
    [InlineData("# sensor: imu\n# placement: hand\n# sampling_rate_hz: 100\n", "ambulo-recording")]
    [InlineData("# ambulo-recording: 1\n# placement: hand\n# sampling_rate_hz: 100\n", "sensor")]
    [InlineData("# ambulo-recording: 1\n# sensor: imu\n# sampling_rate_hz: 100\n", "placement")]
    [InlineData("# ambulo-recording: 1\n# sensor: imu\n# placement: hand\n", "sampling_rate_hz")]
    public void Read_MissingMetadata_ThrowsNamingTheKey(string head, string key)
    {
        var ex = Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(head + AccHeader + "0,0,0,9.8\n"));

        ex.Message.ShouldContain($"missing metadata line '# {key}:");
        ex.LineNumber.ShouldBe(4);
    }

    [Theory]
    [InlineData("# ambulo-recording: 2\n# sensor: imu\n# placement: hand\n# sampling_rate_hz: 100\n", 1, "unsupported")]
    [InlineData("# ambulo-recording: 1\n# sensor: watch\n# placement: hand\n# sampling_rate_hz: 100\n", 2, "unknown sensor 'watch'")]
    [InlineData("# ambulo-recording: 1\n# sensor: imu\n# placement: hand\n# sampling_rate_hz: -5\n", 4, "not a positive number")]
    [InlineData("# ambulo-recording: 1\n# sensor: imu\n# placement: hand\n# sampling_rate_hz: 100\n# sensor: phone\n", 5, "appears twice")]
    public void Read_InvalidMetadata_ThrowsNamingTheLine(string head, long line, string problem)
    {
        var ex = Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(head + AccHeader));

        ex.LineNumber.ShouldBe(line);
        ex.Message.ShouldContain(problem);
    }

    [Theory]
    [InlineData("# acc_range_mps2: 0\n")]
    [InlineData("# gyr_range_radps: fast\n")]
    public void Read_RangeLabelNotAPositiveNumber_ThrowsNamingTheLine(string label)
    {
        var ex = Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(Head + label + AccHeader + "0,0,0,9.8\n"));

        ex.LineNumber.ShouldBe(5);
        ex.Message.ShouldContain("is not a positive number");
    }

    [Fact]
    public void Read_DoubleHashLineWithColon_IsAComment()
    {
        var result = RecordingCsv.Parse(Head + "## walked outside: yes\n#   # also: a comment\n" + AccHeader + "0,0,0,9.8\n");

        result.Recording.Metadata.Labels.ShouldBeEmpty();
    }

    [Fact]
    public void Read_LabelWithCarriageReturnInside_ThrowsNamingTheLine()
    {
        // The writer could not write such a label back; the reader refuses it instead of returning a recording nobody can save.
        var ex = Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(Head + "# note: two\rlines\n" + AccHeader + "0,0,0,9.8\n"));

        ex.LineNumber.ShouldBe(5);
        ex.Message.ShouldContain("label 'note'");
    }

    [Fact]
    public void Read_NoHeaderAtAll_Throws()
    {
        Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(Head)).Message.ShouldContain("no header line");
    }

    [Fact]
    public void Read_EmptyFile_Throws()
    {
        Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(""));
    }

    [Fact]
    public void Read_HeaderOnly_GivesEmptyRecording()
    {
        var result = Read("");

        result.Recording.Samples.ShouldBeEmpty();
        result.Report.RowsRead.ShouldBe(0);
    }

    [Fact]
    public void Read_BinaryGarbageAfterHeader_NeverCrashes()
    {
        var random = new Random(42);
        var garbage = new byte[50_000];
        random.NextBytes(garbage);
        using var stream = new MemoryStream([.. System.Text.Encoding.UTF8.GetBytes(Head + AccHeader + "0,0,0,9.8\n"), .. garbage]);

        var result = RecordingCsv.Read(stream);

        result.Recording.Samples.Length.ShouldBeGreaterThanOrEqualTo(1);
        result.Report.RowsSkipped.ShouldBeGreaterThan(0);
        result.Recording.Samples.Zip(result.Recording.Samples.Skip(1)).ShouldAllBe(pair => pair.Second.TimeSeconds > pair.First.TimeSeconds);
    }

    [Fact]
    public void Read_EveryRowBad_AllocatesNoTextPerRow()
    {
        // A trailing comma on every row of a week-long file: each row is skipped and counted, and only the first gets a detail.
        static byte[] File(int rows) => System.Text.Encoding.UTF8.GetBytes(Head + AccHeader
            + string.Concat(Enumerable.Range(0, rows).Select(i => $"{i * 0.01},0.1,abc,9.8\n{i * 0.01 + 0.005},0.1,0.2,9.8,\n")));
        static long Allocated(byte[] file)
        {
            var fewest = long.MaxValue;
            for (var attempt = 0; attempt < 3; attempt++) // the quietest of three: the runtime may allocate once while re-compiling
            {
                using var stream = new NonSeekableStream(file); // a fixed first guess of the row count, whatever the length
                var before = GC.GetAllocatedBytesForCurrentThread();
                var result = RecordingCsv.Read(stream);
                fewest = Math.Min(fewest, GC.GetAllocatedBytesForCurrentThread() - before);
                result.Report.RowsSkipped.ShouldBe(result.Report.RowsRead);
            }

            return fewest;
        }

        var small = File(1_000);
        var large = File(10_000);
        Allocated(small);

        // 18 000 more bad rows: a text per row would be more than 500 kB.
        (Allocated(large) - Allocated(small)).ShouldBeLessThan(8_000);
    }

    private sealed class NonSeekableStream(byte[] bytes) : MemoryStream(bytes, writable: false)
    {
        public override bool CanSeek => false;

        public override long Length => throw new NotSupportedException();
    }

    [Fact]
    public void Read_LineLongerThanLimit_ThrowsInsteadOfExhaustingMemory()
    {
        var text = Head + AccHeader + new string('1', Utf8LineReader.MaxLineBytes + 10);

        Should.Throw<RecordingFormatException>(() => RecordingCsv.Parse(text)).Message.ShouldContain("longer than");
    }

    [Fact]
    public void Sanitizer_KeptSamples_AreAlwaysStrictlyIncreasingAndFinite()
    {
        Gen.Select(Gen.Double, Gen.Float).Array[0, 200].Sample(rows =>
        {
            var sanitizer = new SampleSanitizer(RecordingReadOptions.Default, SensorChannels.Accelerometer);
            var kept = new List<ImuSample>();
            for (var i = 0; i < rows.Length; i++)
            {
                if (sanitizer.Push(new ImuSample(rows[i].Item1, new System.Numerics.Vector3(rows[i].Item2, 0, 0)), i + 1, out var sample))
                {
                    kept.Add(sample);
                }
            }

            kept.ShouldAllBe(s => double.IsFinite(s.TimeSeconds) && float.IsFinite(s.AccelerationMps2.X));
            for (var i = 1; i < kept.Count; i++)
            {
                kept[i].TimeSeconds.ShouldBeGreaterThan(kept[i - 1].TimeSeconds);
            }

            var report = sanitizer.Report();
            report.RowsRead.ShouldBe(rows.Length);
            report.SamplesKept.ShouldBe(kept.Count);
        }, iter: 200);
    }
}
