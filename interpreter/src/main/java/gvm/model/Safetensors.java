package gvm.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import gvm.interp.Tensor;
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
  private record Entry(long offset, long length, WeightSource.TensorInfo info) {}

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

  public WeightSource.TensorInfo info(String name) {
    Entry e = entries.get(name);
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

  private Entry entry(String name, JsonNode t, long data, long size) {
    JsonNode shape = t.get("shape"), offsets = t.get("data_offsets"), dtype = t.get("dtype");
    if (shape == null || !shape.isArray() || offsets == null || !offsets.isArray() || offsets.size() != 2 || dtype == null || !dtype.isTextual())
      throw new ModelException(path + ": malformed safetensors header: tensor '" + name + "' needs dtype, shape and data_offsets");
    FloatType type = switch (dtype.asText()) {
      case "F32" -> FloatType.F32;
      case "F16" -> FloatType.F16;
      case "BF16" -> FloatType.BF16;
      default -> throw new ModelException(path + ": tensor '" + name + "' has dtype " + dtype.asText() + " (F32, F16 and BF16 are supported)");
    };
    int[] dims = new int[shape.size()];
    for (int i = 0; i < dims.length; i++) {
      JsonNode d = shape.get(i);
      if (!d.canConvertToInt() || d.asInt() < 0) throw new ModelException(path + ": malformed safetensors header: tensor '" + name + "' has shape " + shape);
      dims[i] = d.asInt();
    }
    long begin = offsets.get(0).asLong(-1), end = offsets.get(1).asLong(-1);
    long bytes = (long) Tensor.size(dims) * (type.equals(FloatType.F32) ? 4 : 2);
    if (begin < 0 || end < begin || end - begin != bytes)
      throw new ModelException(path + ": malformed safetensors header: tensor '" + name + "' of shape " + shape + " and dtype " + dtype.asText() + " needs "
          + bytes + " bytes, its data_offsets " + offsets + " hold " + (end - begin));
    if (data + end > size)
      throw new ModelException(path + ": truncated safetensors file: tensor '" + name + "' ends at byte " + (data + end) + ", the file has " + size);
    return new Entry(data + begin, bytes, new WeightSource.TensorInfo(dims, type));
  }

  private ByteBuffer read(long at, int n) throws IOException { return MappedFile.read(channel, at, n); }

  static String firstLine(String s) {
    if (s == null) return "";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }
}
