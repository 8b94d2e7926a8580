package gvm.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gvm.ir.types.FloatType;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One {@code .safetensors} file: a little-endian uint64 header length, a JSON header (read with
 * Jackson) mapping each tensor name to its dtype, shape and {@code data_offsets} (begin, end)
 * relative to the data after the header, then the data. Tensors of F32, F16 and BF16 are served as
 * memory-mapped views; a file too short for its header or its tensors fails naming the file.
 */
public final class Safetensors {
  /** Where a tensor lies: absolute byte offset and length, with its shape and type. */
  private record Entry(long offset, long length, WeightSource.TensorInfo info, String dtype) {}

  private final Path path;
  private final FileChannel channel;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private Safetensors(Path path, FileChannel channel) {
    this.path = path;
    this.channel = channel;
  }

  public Path path() { return path; }

  /** The tensor names, in header order. */
  public Iterable<String> names() { return entries.keySet(); }

  /**
   * Shape and type of the tensor, or null without one; a tensor of a type the interpreter does not
   * read (integers, f64, f8) is an error once asked for, not before: checkpoints hold such buffers.
   */
  public WeightSource.TensorInfo info(String name) {
    Entry e = entries.get(name);
    if (e != null && e.info() == null) throw new ModelException(path + ": tensor '" + name + "' has dtype " + e.dtype() + " (F32, F16 and BF16 are supported)");
    return e == null ? null : e.info();
  }

  /** A read-only mapped view of the tensor's bytes. */
  public ByteBuffer bytes(String name) {
    Entry e = entries.get(name);
    try {
      return channel.map(FileChannel.MapMode.READ_ONLY, e.offset(), e.length()).order(ByteOrder.LITTLE_ENDIAN);
    } catch (IOException ex) {
      throw new ModelException(path + ": cannot map '" + name + "': " + ex.getMessage());
    }
  }

  /** Opens and checks the file. */
  public static Safetensors open(Path path) {
    return MappedFile.open(path, "safetensors file", (ch, size) -> {
      Safetensors s = new Safetensors(path, ch);
      s.readHeader(size);
      return s;
    });
  }

  private void readHeader(long size) throws IOException {
    if (size < 8) throw new ModelException(path + ": truncated safetensors file: " + size + " bytes, shorter than the 8-byte header length");
    long n = read(0, 8).getLong();
    if (n < 2 || n > Math.min(size - 8, 100L << 20))
      throw new ModelException(path + ": " + (n > size - 8 ? "truncated" : "malformed") + " safetensors file: a header of " + n + " bytes in a file of " + size);
    ByteBuffer h = read(8, (int) n);
    JsonNode root;
    try {
      root = new ObjectMapper().readTree(h.array());
    } catch (IOException e) {
      throw new ModelException(path + ": malformed safetensors header: " + firstLine(e.getMessage()));
    }
    if (root == null || !root.isObject()) throw new ModelException(path + ": malformed safetensors header: not a JSON object");
    long data = 8 + n;
    for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
      Map.Entry<String, JsonNode> f = it.next();
      if (f.getKey().equals("__metadata__")) continue;
      entries.put(f.getKey(), entry(f.getKey(), f.getValue(), data, size));
    }
  }

  /** Bytes per element of the safetensors dtypes (those the interpreter reads, and the others a checkpoint may hold). */
  private static final Map<String, Integer> DTYPE_BYTES = Map.ofEntries(Map.entry("F64", 8), Map.entry("F32", 4), Map.entry("F16", 2),
      Map.entry("BF16", 2), Map.entry("I64", 8), Map.entry("U64", 8), Map.entry("I32", 4), Map.entry("U32", 4), Map.entry("I16", 2),
      Map.entry("U16", 2), Map.entry("I8", 1), Map.entry("U8", 1), Map.entry("BOOL", 1), Map.entry("F8_E4M3", 1), Map.entry("F8_E5M2", 1));

  private Entry entry(String name, JsonNode t, long data, long size) {
    JsonNode shape = t.get("shape"), offsets = t.get("data_offsets"), dtype = t.get("dtype");
    if (shape == null || !shape.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2 || dtype == null || !dtype.isTextual()
        || !offsets.get(0).canConvertToLong() || !offsets.get(1).canConvertToLong())
      throw new ModelException(path + ": malformed safetensors header: tensor '" + name + "' needs dtype, shape and data_offsets");
    Integer width = DTYPE_BYTES.get(dtype.asText());
    if (width == null) throw new ModelException(path + ": malformed safetensors header: tensor '" + name + "' has unknown dtype " + dtype.asText());
    int[] dims = new int[shape.size()];
    long count = 1;
    for (int i = 0; i < dims.length; i++) {
      JsonNode d = shape.get(i);
      if (!d.canConvertToInt() || d.asInt() < 0) throw new ModelException(path + ": malformed safetensors header: tensor '" + name + "' has shape " + shape);
      dims[i] = d.asInt();
      count = Math.multiplyHigh(count, dims[i]) != 0 ? Long.MAX_VALUE : count * dims[i];
    }
    long begin = offsets.get(0).asLong(), end = offsets.get(1).asLong();
    long bytes = count > Long.MAX_VALUE / 8 ? Long.MAX_VALUE : count * width;
    if (begin < 0 || end < begin || end - begin != bytes)
      throw new ModelException(path + ": malformed safetensors header: tensor '" + name + "' of shape " + shape + " and dtype " + dtype.asText() + " needs "
          + bytes + " bytes, its data_offsets " + offsets + " hold " + (end - begin));
    if (data + end > size)
      throw new ModelException(path + ": truncated safetensors file: tensor '" + name + "' ends at byte " + (data + end) + ", the file has " + size);
    FloatType type = switch (dtype.asText()) {
      case "F32" -> FloatType.F32;
      case "F16" -> FloatType.F16;
      case "BF16" -> FloatType.BF16;
      default -> null;
    };
    return new Entry(data + begin, bytes, type == null ? null : new WeightSource.TensorInfo(dims, type), dtype.asText());
  }

  private ByteBuffer read(long at, int n) throws IOException { return MappedFile.read(channel, at, n); }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
