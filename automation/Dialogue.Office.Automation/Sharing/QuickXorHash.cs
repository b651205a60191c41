using System.Buffers.Binary;

namespace Dialogue.Office.Automation.Sharing;

/// <summary>
/// Microsoft's QuickXorHash, the content hash SharePoint and OneDrive report in <c>file.hashes.quickXorHash</c>.
/// Used to recognise a file a killed run already uploaded, so a re-run does not send it again.
/// Algorithm as published by Microsoft (OneDrive API docs, "QuickXorHash"): 160-bit cells, bytes xored in at a
/// shift advancing 11 bits per byte, the length xored into the last 8 bytes.
/// </summary>
internal sealed class QuickXorHash
{
    private const int WidthInBits = 160;
    private const int Shift = 11;
    private readonly byte[] _cells = new byte[WidthInBits / 8];
    private long _length;
    private int _shiftSoFar;

    public void Append(ReadOnlySpan<byte> data)
    {
        foreach (var b in data)
        {
            // Bit position where this byte lands, wrapping around the 160-bit cell.
            var bit = _shiftSoFar;
            var index = bit / 8;
            var offset = bit % 8;
            var wide = (ushort)(b << offset);
            _cells[index] ^= (byte)wide;
            if (offset != 0)
            {
                _cells[(index + 1) % _cells.Length] ^= (byte)(wide >> 8);
            }

            _shiftSoFar = (_shiftSoFar + Shift) % WidthInBits;
        }

        _length += data.Length;
    }

    public byte[] Finish()
    {
        var result = (byte[])_cells.Clone();
        Span<byte> length = stackalloc byte[8];
        BinaryPrimitives.WriteInt64LittleEndian(length, _length);
        for (var i = 0; i < 8; i++)
        {
            result[result.Length - 8 + i] ^= length[i];
        }

        return result;
    }

    public static string Compute(ReadOnlySpan<byte> data)
    {
        var h = new QuickXorHash();
        h.Append(data);
        return Convert.ToBase64String(h.Finish());
    }
}
