namespace Ambulo.Motion.Recordings;

/// <summary>
/// Reads a UTF-8 stream line by line into a reusable byte buffer, so parsing a long recording
/// allocates nothing per line. Accepts <c>\n</c> and <c>\r\n</c>; skips a leading byte-order mark.
/// </summary>
internal sealed class Utf8LineReader
{
    /// <summary>A hostile file with no line breaks must not exhaust memory.</summary>
    public const int MaxLineBytes = 1 << 20;

    private readonly Stream _stream;
    private byte[] _buffer = new byte[1 << 16];
    private int _start;
    private int _end;
    private bool _endOfStream;
    private bool _atStart = true;

    public Utf8LineReader(Stream stream) => _stream = stream;

    /// <summary>1-based number of the line last returned.</summary>
    public long LineNumber { get; private set; }

    /// <summary>
    /// Returns the next line without its terminator. <paramref name="terminated"/> is false only for a
    /// last line that ends without a line break (a file cut mid-line looks like that).
    /// </summary>
    public bool TryReadLine(out ReadOnlySpan<byte> line, out bool terminated)
    {
        while (true)
        {
            var pending = _buffer.AsSpan(_start, _end - _start);
            if (_atStart && (pending.Length >= 3 || _endOfStream))
            {
                _atStart = false;
                if (pending.StartsWith("\uFEFF"u8))
                {
                    _start += 3;
                    continue;
                }
            }

            var newline = _atStart ? -1 : pending.IndexOf((byte)'\n');
            if (newline >= 0)
            {
                line = TrimCarriageReturn(pending[..newline]);
                _start += newline + 1;
                terminated = true;
                LineNumber++;
                return true;
            }

            if (_endOfStream)
            {
                if (pending.IsEmpty)
                {
                    line = default;
                    terminated = false;
                    return false;
                }

                line = TrimCarriageReturn(pending);
                _start = _end;
                terminated = false;
                LineNumber++;
                return true;
            }

            Fill();
        }
    }

    private static ReadOnlySpan<byte> TrimCarriageReturn(ReadOnlySpan<byte> line) =>
        line.Length > 0 && line[^1] == (byte)'\r' ? line[..^1] : line;

    private void Fill()
    {
        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            if (_buffer.Length >= MaxLineBytes)
            {
                throw new RecordingFormatException(LineNumber + 1, null, $"line is longer than {MaxLineBytes} bytes; this is not a recording file");
            }

            Array.Resize(ref _buffer, _buffer.Length * 2);
        }

        var read = _stream.Read(_buffer, _end, _buffer.Length - _end);
        if (read == 0)
        {
            _endOfStream = true;
        }

        _end += read;
    }
}
