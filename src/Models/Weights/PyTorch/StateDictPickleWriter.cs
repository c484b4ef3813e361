using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace GeoAI.Models;

/// <summary>
/// The data.pkl torch.save writes for a state dict, protocol 2: an OrderedDict of names to
/// <c>torch._utils._rebuild_tensor_v2(storage, 0, shape, contiguous strides, False, OrderedDict())</c>, tensor i in
/// its own storage <c>'i'</c>. Exactly what <see cref="StateDictObjects"/> allows, and what torch.load(weights_only=True) reads.
/// </summary>
internal static class StateDictPickleWriter
{
    public static byte[] Write(IReadOnlyList<StoredTensor> tensors)
    {
        using var pickle = new MemoryStream();
        pickle.Write([0x80, 2]); // PROTO 2
        NewOrderedDict(pickle);
        pickle.WriteByte((byte)'('); // MARK
        for (var i = 0; i < tensors.Count; i++)
        {
            var tensor = tensors[i];
            Text(pickle, tensor.Name);
            Global(pickle, "torch._utils", "_rebuild_tensor_v2");
            pickle.WriteByte((byte)'('); // MARK: the arguments
            Tuple(pickle, [() => Text(pickle, "storage"), () => Global(pickle, "torch", tensor.DType.StorageClass),
                () => Text(pickle, i.ToString(System.Globalization.CultureInfo.InvariantCulture)), () => Text(pickle, "cpu"),
                () => Integer(pickle, tensor.ElementCount)]);
            pickle.WriteByte((byte)'Q'); // BINPERSID
            Integer(pickle, 0);
            Tuple(pickle, [.. tensor.Shape.Select(size => (Action)(() => Integer(pickle, size)))]);
            Tuple(pickle, [.. ContiguousStrides(tensor.Shape).Select(stride => (Action)(() => Integer(pickle, stride)))]);
            pickle.WriteByte(0x89); // NEWFALSE: requires_grad
            NewOrderedDict(pickle); // backward hooks: none
            pickle.WriteByte((byte)'t'); // TUPLE
            pickle.WriteByte((byte)'R'); // REDUCE
        }
        pickle.WriteByte((byte)'u'); // SETITEMS
        pickle.WriteByte((byte)'.'); // STOP
        return pickle.ToArray();
    }

    private static long[] ContiguousStrides(IReadOnlyList<long> shape)
    {
        var strides = new long[shape.Count];
        long stride = 1;
        for (var dimension = shape.Count - 1; dimension >= 0; dimension--)
        {
            strides[dimension] = stride;
            stride *= Math.Max(shape[dimension], 1);
        }
        return strides;
    }

    private static void NewOrderedDict(Stream pickle)
    {
        Global(pickle, "collections", "OrderedDict");
        pickle.WriteByte((byte)')'); // EMPTY_TUPLE
        pickle.WriteByte((byte)'R'); // REDUCE
    }

    private static void Global(Stream pickle, string module, string name) =>
        pickle.Write(Encoding.ASCII.GetBytes($"c{module}\n{name}\n"));

    private static void Text(Stream pickle, string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        Span<byte> length = stackalloc byte[4];
        BinaryPrimitives.WriteUInt32LittleEndian(length, (uint)bytes.Length);
        pickle.WriteByte((byte)'X'); // BINUNICODE
        pickle.Write(length);
        pickle.Write(bytes);
    }

    /// <summary>The shortest of BININT1, BININT2, BININT and LONG1, as Python's pickler chooses.</summary>
    private static void Integer(Stream pickle, long value)
    {
        Span<byte> bytes = stackalloc byte[4];
        if (value is >= 0 and <= byte.MaxValue)
        {
            pickle.Write([(byte)'K', (byte)value]);
        }
        else if (value is >= 0 and <= ushort.MaxValue)
        {
            BinaryPrimitives.WriteUInt16LittleEndian(bytes, (ushort)value);
            pickle.WriteByte((byte)'M');
            pickle.Write(bytes[..2]);
        }
        else if (value is >= int.MinValue and <= int.MaxValue)
        {
            BinaryPrimitives.WriteInt32LittleEndian(bytes, (int)value);
            pickle.WriteByte((byte)'J');
            pickle.Write(bytes);
        }
        else
        {
            var encoded = new BigInteger(value).ToByteArray(isUnsigned: false, isBigEndian: false);
            pickle.Write([0x8a, (byte)encoded.Length]); // LONG1
            pickle.Write(encoded);
        }
    }

    /// <summary>EMPTY_TUPLE, TUPLE1 to TUPLE3, or MARK … TUPLE.</summary>
    private static void Tuple(Stream pickle, Action[] items)
    {
        if (items.Length == 0)
        {
            pickle.WriteByte((byte)')');
            return;
        }
        if (items.Length > 3)
            pickle.WriteByte((byte)'(');
        foreach (var item in items)
            item();
        pickle.WriteByte(items.Length > 3 ? (byte)'t' : (byte)(0x84 + items.Length));
    }
}
