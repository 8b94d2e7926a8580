package gvm.llama2c;

import gvm.interp.Tensor;
import gvm.interp.Weights;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A llama2.c checkpoint in the legacy ("version 0") format: seven little-endian int32s (dim,
 * hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size — negative for a separate classifier —,
 * seq_len), then float32 weights in a fixed order (see {@code make_llama2c_model.py --help}).
 * Weights are served by their Hugging Face Llama names as memory-mapped views: nothing is copied.
 */
public final class Llama2cCheckpoint implements Weights {
  /** The header. */
  public record Config(int dim, int hidden, int layers, int heads, int kvHeads, int vocab, int seq, boolean shared) {
    public int headSize() { return dim / heads; }

    public int kvDim() { return kvHeads * headSize(); }

    /** Floats after the header. */
    public long floats() {
      long l = layers, d = dim, hs = headSize();
      long n = (long) vocab * d + l * d + l * d * d + 2 * l * kvDim() * d + l * d * d + l * d + 3 * l * hidden * d + d + seq * hs;
      return shared ? n : n + (long) vocab * d;
    }
  }

  /** Where one named tensor lies: float offset after the header, and its shape. */
  private record Entry(long offset, int[] shape) {}

  private final Path path;
  private final Config config;
  private final FileChannel channel;
  private final Map<String, Entry> entries = new LinkedHashMap<>();
  private final Map<String, Tensor> mapped = new java.util.concurrent.ConcurrentHashMap<>();

  private Llama2cCheckpoint(Path path, Config config, FileChannel channel) {
    this.path = path;
    this.config = config;
    this.channel = channel;
    layout();
  }

  /** Opens and checks a checkpoint; a malformed one fails with {@link CheckpointException} naming the file. */
  public static Llama2cCheckpoint open(Path path) {
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException | RuntimeException e) {
      String why = e instanceof java.nio.file.NoSuchFileException ? "No such file or directory"
          : e instanceof java.nio.file.AccessDeniedException ? "Permission denied" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new CheckpointException(path + ": cannot open checkpoint: " + why);
    }
    try {
      long size = ch.size();
      if (size < 28) throw new CheckpointException(path + ": truncated checkpoint: " + size + " bytes, shorter than the 28-byte header");
      ByteBuffer h = ByteBuffer.allocate(28).order(ByteOrder.LITTLE_ENDIAN);
      while (h.hasRemaining() && ch.read(h, h.position()) > 0) {}
      h.flip();
      int dim = h.getInt(), hidden = h.getInt(), layers = h.getInt(), heads = h.getInt(), kvHeads = h.getInt(), vocab = h.getInt(), seq = h.getInt();
      Config c = new Config(dim, hidden, layers, heads, kvHeads, Math.abs(vocab), seq, vocab > 0);
      check(path, c);
      long expected = 28 + 4 * c.floats();
      if (size < expected)
        throw new CheckpointException(path + ": truncated checkpoint: the header " + header(c) + " needs " + expected + " bytes, the file has " + size);
      if (size > expected)
        throw new CheckpointException(path + ": inconsistent checkpoint: the header " + header(c) + " needs " + expected + " bytes, the file has " + size
            + " (" + (size - expected) + " extra)");
      return new Llama2cCheckpoint(path, c, ch);
    } catch (IOException e) {
      close(ch);
      throw new CheckpointException(path + ": cannot read checkpoint: " + e.getMessage());
    } catch (CheckpointException e) {
      close(ch);
      throw e;
    }
  }

  private static void close(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  private static String header(Config c) {
    return "(dim " + c.dim() + ", hidden " + c.hidden() + ", layers " + c.layers() + ", heads " + c.heads() + ", kv heads " + c.kvHeads() + ", vocab "
        + (c.shared() ? "" : "-") + c.vocab() + ", seq " + c.seq() + ")";
  }

  private static void check(Path path, Config c) {
    String bad = null;
    if (c.dim() <= 0 || c.hidden() <= 0 || c.layers() <= 0 || c.heads() <= 0 || c.kvHeads() <= 0 || c.vocab() <= 0 || c.seq() <= 0)
      bad = "sizes must be positive";
    else if (c.dim() % c.heads() != 0) bad = "dim is not a multiple of n_heads";
    else if (c.heads() % c.kvHeads() != 0) bad = "n_heads is not a multiple of n_kv_heads";
    else if (c.headSize() % 2 != 0) bad = "the head size is odd";
    if (bad != null) throw new CheckpointException(path + ": inconsistent checkpoint header " + header(c) + ": " + bad);
  }

  public Config config() { return config; }

  @Override public String describe() { return "the checkpoint " + path; }

  public Path path() { return path; }

  /** The Hugging Face names of the weights, in file order. */
  public Iterable<String> names() { return entries.keySet(); }

  private void layout() {
    Config c = config;
    int d = c.dim(), kv = c.kvDim(), h = c.hidden();
    long[] at = {0};
    add("model.embed_tokens.weight", at, c.vocab(), d);
    perLayer("input_layernorm.weight", at, d);
    perLayer("self_attn.q_proj.weight", at, d, d);
    perLayer("self_attn.k_proj.weight", at, kv, d);
    perLayer("self_attn.v_proj.weight", at, kv, d);
    perLayer("self_attn.o_proj.weight", at, d, d);
    perLayer("post_attention_layernorm.weight", at, d);
    perLayer("mlp.gate_proj.weight", at, h, d);
    perLayer("mlp.down_proj.weight", at, d, h);
    perLayer("mlp.up_proj.weight", at, h, d);
    add("model.norm.weight", at, d);
    at[0] += (long) c.seq() * c.headSize(); // freq_cis_real, freq_cis_imag: unused, as in run.c
    if (!c.shared()) add("lm_head.weight", at, c.vocab(), d);
  }

  private void perLayer(String name, long[] at, int... shape) {
    for (int i = 0; i < config.layers(); i++) add("model.layers." + i + "." + name, at, shape);
  }

  private void add(String name, long[] at, int... shape) {
    entries.put(name, new Entry(at[0], shape));
    long n = 1;
    for (int s : shape) n *= s;
    at[0] += n;
  }

  /** A read-only mapped view of the weight, or null for an unknown name. */
  @Override public Tensor get(String name) {
    Entry e = entries.get(name);
    return e == null ? null : mapped.computeIfAbsent(name, n -> map(n, e));
  }

  private Tensor map(String name, Entry e) {
    long bytes = 4L * Tensor.size(e.shape());
    try {
      return Tensor.view(e.shape(), channel.map(FileChannel.MapMode.READ_ONLY, 28 + 4 * e.offset(), bytes));
    } catch (IOException ex) {
      throw new CheckpointException(path + ": cannot map '" + name + "': " + ex.getMessage());
    }
  }

  /** A malformed or unreadable checkpoint; the message names the file and the problem. */
  public static final class CheckpointException extends RuntimeException {
    public CheckpointException(String message) { super(message, null, false, false); }
  }
}
