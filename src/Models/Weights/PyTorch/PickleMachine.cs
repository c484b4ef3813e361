using System.Buffers.Binary;
using System.Numerics;
using System.Text;

namespace GeoAI.Models;

/// <summary>
/// A pickle interpreter that runs nothing: it knows the opcodes torch.save's state dicts use (protocols 2 to 5) and
/// nothing else, leaves every global, call, BUILD and persistent id to <see cref="StateDictObjects"/>'s allowlist, and
/// builds plain values (long, double, string, tuples as object?[], lists, <see cref="PickleDict"/>). Anything else,
/// and any malformed or truncated pickle, is an <see cref="InvalidDataException"/> naming the byte where it happened.
/// </summary>
internal sealed class PickleMachine(Stream stream, StateDictObjects objects)
{
    private const int MaxGlobalNameBytes = 256;

    private readonly List<object?> stack = [];
    private readonly Stack<int> marks = new();
    private readonly Dictionary<long, object?> memo = [];
    private long opcodeAt;

    /// <summary>Reads one pickle, up to and including its STOP, and returns the object it built.</summary>
    public object? Load()
    {
        stack.Clear();
        marks.Clear();
        memo.Clear();
        while (true)
        {
            opcodeAt = stream.Position;
            var opcode = stream.ReadByte();
            if (opcode < 0)
                throw Bad("the pickle ends before its STOP opcode (a truncated file?)");
            if (opcode == '.')
                return stack.Count == 1 && marks.Count == 0 ? stack[0] : throw Bad("STOP with an unbalanced stack");
            Step((byte)opcode);
        }
    }

    private void Step(byte opcode)
    {
        switch (opcode)
        {
            case 0x80: // PROTO
                var protocol = ReadBytes(1)[0];
                if (protocol is < 2 or > 5)
                    throw Bad($"pickle protocol {protocol}; torch.save writes 2 to 5");
                break;
            case 0x95: // FRAME: a length hint only
                ReadBytes(8);
                break;
            case (byte)'(': // MARK
                marks.Push(stack.Count);
                break;
            case (byte)'c': // GLOBAL
                var module = ReadLine();
                var global = ReadLine();
                Push(Guarded(() => objects.Global(module, global)));
                break;
            case 0x93: // STACK_GLOBAL
                var name = Pop() as string ?? throw Bad("STACK_GLOBAL without a string name");
                var stackModule = Pop() as string ?? throw Bad("STACK_GLOBAL without a string module");
                Push(Guarded(() => objects.Global(stackModule, name)));
                break;
            case (byte)'q': // BINPUT
                memo[ReadBytes(1)[0]] = Peek();
                break;
            case (byte)'r': // LONG_BINPUT
                memo[BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))] = Peek();
                break;
            case 0x94: // MEMOIZE
                memo[memo.Count] = Peek();
                break;
            case (byte)'h': // BINGET
                Push(Recall(ReadBytes(1)[0]));
                break;
            case (byte)'j': // LONG_BINGET
                Push(Recall(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4))));
                break;
            case (byte)')': // EMPTY_TUPLE
                Push(Array.Empty<object?>());
                break;
            case (byte)'t': // TUPLE
                Push(PopMark().ToArray());
                break;
            case 0x85 or 0x86 or 0x87: // TUPLE1, TUPLE2, TUPLE3
                var count = opcode - 0x84;
                Push(PopItems(count));
                break;
            case (byte)']': // EMPTY_LIST
                Push(new List<object?>());
                break;
            case (byte)'a': // APPEND
                var item = Pop();
                ListOnTop("APPEND").Add(item);
                break;
            case (byte)'e': // APPENDS
                var items = PopMark();
                ListOnTop("APPENDS").AddRange(items);
                break;
            case (byte)'}': // EMPTY_DICT
                Push(new PickleDict());
                break;
            case (byte)'s': // SETITEM
                var value = Pop();
                var key = Pop();
                DictOnTop("SETITEM").Set(Key(key), value);
                break;
            case (byte)'u': // SETITEMS
                var pairs = PopMark();
                if (pairs.Count % 2 != 0)
                    throw Bad("SETITEMS with an odd number of items");
                var dict = DictOnTop("SETITEMS");
                for (var i = 0; i < pairs.Count; i += 2)
                    dict.Set(Key(pairs[i]), pairs[i + 1]);
                break;
            case (byte)'N': // NONE
                Push(null);
                break;
            case 0x88: // NEWTRUE
                Push(true);
                break;
            case 0x89: // NEWFALSE
                Push(false);
                break;
            case (byte)'K': // BININT1
                Push((long)ReadBytes(1)[0]);
                break;
            case (byte)'M': // BININT2
                Push((long)BinaryPrimitives.ReadUInt16LittleEndian(ReadBytes(2)));
                break;
            case (byte)'J': // BININT
                Push((long)BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)));
                break;
            case 0x8a: // LONG1
                Push(Integer(ReadBytes(ReadBytes(1)[0])));
                break;
            case 0x8b: // LONG4
                Push(Integer(ReadBytes(BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)))));
                break;
            case (byte)'G': // BINFLOAT
                Push(BinaryPrimitives.ReadDoubleBigEndian(ReadBytes(8)));
                break;
            case (byte)'X': // BINUNICODE
                Push(Text(ReadBytes(BinaryPrimitives.ReadUInt32LittleEndian(ReadBytes(4)))));
                break;
            case 0x8c: // SHORT_BINUNICODE
                Push(Text(ReadBytes(ReadBytes(1)[0])));
                break;
            case 0x8d: // BINUNICODE8
                Push(Text(ReadBytes((long)Math.Min(BinaryPrimitives.ReadUInt64LittleEndian(ReadBytes(8)), long.MaxValue))));
                break;
            case (byte)'U': // SHORT_BINSTRING: Python 2's str, as older torch.save files hold their names
                Push(Text(ReadBytes(ReadBytes(1)[0])));
                break;
            case (byte)'T': // BINSTRING
                Push(Text(ReadBytes(BinaryPrimitives.ReadInt32LittleEndian(ReadBytes(4)))));
                break;
            case (byte)'R': // REDUCE
                var arguments = Pop() as object?[] ?? throw Bad("REDUCE without an argument tuple");
                var callable = Pop() as PickleGlobal ?? throw Bad("REDUCE of something that is not an allowed global");
                Push(Guarded(() => objects.Call(callable, arguments)));
                break;
            case (byte)'b': // BUILD
                var state = Pop();
                var instance = Peek();
                Guarded(() =>
                {
                    objects.Build(instance, state);
                    return null;
                });
                break;
            case (byte)'Q': // BINPERSID
                var id = Pop();
                Push(Guarded(() => objects.PersistentLoad(id)));
                break;
            default:
                throw Bad($"opcode 0x{opcode:x2} is not one a state dict uses; refused");
        }
    }

    private object? Guarded(Func<object?> action)
    {
        try
        {
            return action();
        }
        catch (InvalidDataException e)
        {
            throw Bad(e.Message);
        }
    }

    private InvalidDataException Bad(string problem) => new($"pickle byte {opcodeAt}: {problem}");

    private void Push(object? value) => stack.Add(value);

    private object? Peek() => stack.Count > (marks.Count > 0 ? marks.Peek() : 0) ? stack[^1] : throw Bad("the stack is empty");

    private object? Pop()
    {
        var value = Peek();
        stack.RemoveAt(stack.Count - 1);
        return value;
    }

    private object?[] PopItems(int count)
    {
        var floor = marks.Count > 0 ? marks.Peek() : 0;
        if (stack.Count - floor < count)
            throw Bad($"a tuple of {count} from a stack of {stack.Count - floor}");
        var items = stack.GetRange(stack.Count - count, count).ToArray();
        stack.RemoveRange(stack.Count - count, count);
        return items;
    }

    private List<object?> PopMark()
    {
        if (marks.Count == 0)
            throw Bad("no MARK to pop to");
        var start = marks.Pop();
        var items = stack.GetRange(start, stack.Count - start);
        stack.RemoveRange(start, stack.Count - start);
        return items;
    }

    private object? Recall(long index) =>
        memo.TryGetValue(index, out var value) ? value : throw Bad($"memo entry {index} was never stored");

    private List<object?> ListOnTop(string opcode) => Peek() as List<object?> ?? throw Bad($"{opcode} to something that is not a list");

    private PickleDict DictOnTop(string opcode) => Peek() as PickleDict ?? throw Bad($"{opcode} to something that is not a dict");

    private object Key(object? key) => key is string or long ? key : throw Bad($"a dict key that is {Describe(key)}, not a string or an integer");

    private byte[] ReadBytes(long count)
    {
        if (count < 0 || count > stream.Length - stream.Position)
            throw Bad($"{count} bytes asked for, but the pickle ends after {stream.Length - stream.Position} (a truncated file?)");
        var bytes = new byte[count];
        stream.ReadExactly(bytes);
        return bytes;
    }

    private string ReadLine()
    {
        var bytes = new List<byte>();
        int next;
        while ((next = stream.ReadByte()) != '\n')
        {
            if (next < 0 || bytes.Count == MaxGlobalNameBytes)
                throw Bad("a GLOBAL name that does not end in a newline");
            bytes.Add((byte)next);
        }
        return Encoding.ASCII.GetString([.. bytes]);
    }

    private string Text(byte[] bytes)
    {
        try
        {
            return new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            throw Bad("a string that is not UTF-8");
        }
    }

    /// <summary>Little-endian two's complement, as LONG1 and LONG4 store integers.</summary>
    private static object Integer(byte[] bytes)
    {
        var value = new BigInteger(bytes, isUnsigned: false, isBigEndian: false);
        return value >= long.MinValue && value <= long.MaxValue ? (long)value : value;
    }

    public static string Describe(object? value) => value switch
    {
        null => "None",
        string text => $"the string '{text}'",
        long or BigInteger => $"the integer {value}",
        bool => "a boolean",
        double => "a float",
        object?[] => "a tuple",
        List<object?> => "a list",
        PickleDict => "a dict",
        PickleGlobal global => $"the global {global.FullName}",
        PickledTensor => "a tensor",
        StorageRef => "a storage",
        _ => value.GetType().Name,
    };
}
