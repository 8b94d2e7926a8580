package gvm.llama2c;

import gvm.interp.Tensor;
import gvm.ir.types.FloatType;
import gvm.model.MappedFile;
import gvm.model.MappedWeights;
import gvm.model.ModelConfig;
import gvm.model.ModelException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A llama2.c checkpoint in the legacy ("version 0") format: seven little-endian int32s (dim,
 * hidden_dim, n_layers, n_heads, n_kv_heads, vocab_size — negative for a separate classifier —,
 * seq_len), then float32 weights in a fixed order (see {@code make_llama2c_model.py --help}).
 * Weights are served by their Hugging Face Llama names as memory-mapped views: nothing is copied.
 * The model is a {@link ModelConfig} with llama2.c's constants: rope theta 10000 on interleaved
 * lanes, rms_norm eps 1e-5, float32 weights, generation ending at BOS (1).
 */
public final class Llama2cCheckpoint extends MappedWeights {
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

    /** The model of this header. */
    public ModelConfig model() {
      return new ModelConfig(dim, hidden, layers, heads, kvHeads, vocab, seq, 10000.0, 1e-5, shared, FloatType.F32, 1, 1,
          ModelConfig.RopeLayout.INTERLEAVED);
    }
  }

  /** Where one named tensor lies: float offset after the header, and its shape. */
  private record Entry(long offset, int[] shape) {}

  private final Path path;
  private final Config config;
  private final FileChannel channel;
  private final Map<String, Entry> entries = new LinkedHashMap<>();

  private Llama2cCheckpoint(Path path, Config config, FileChannel channel) {
    this.path = path;
    this.config = config;
    this.channel = channel;
    layout();
  }

  /** Opens and checks a checkpoint; a malformed one fails with {@link CheckpointException} naming the file. */
  public static Llama2cCheckpoint open(Path path) {
    return MappedFile.open(path, "checkpoint", (ch, size) -> {
      if (size < 28) throw new CheckpointException(path + ": truncated checkpoint: " + size + " bytes, shorter than the 28-byte header");
      ByteBuffer h = MappedFile.read(ch, 0, 28);
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
    });
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

  /** The header as read. */
  public Config header() { return config; }

  @Override public ModelConfig config() { return config.model(); }

  @Override public String summary() {
    Config c = config;
    return "the llama2.c checkpoint " + path.getFileName() + ": dim " + c.dim() + ", hidden " + c.hidden() + ", " + c.layers() + " layers, " + c.heads()
        + " heads, " + c.kvHeads() + " kv heads, vocab " + c.vocab() + ", seq " + c.seq() + ", "
        + (c.shared() ? "classifier shared with the embedding" : "separate classifier");
  }

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

  @Override public TensorInfo info(String name) {
    Entry e = entries.get(name);
    return e == null ? null : new TensorInfo(e.shape().clone(), FloatType.F32);
  }

  @Override public ByteBuffer bytes(String name) {
    Entry e = entries.get(name);
    try {
      return channel.map(FileChannel.MapMode.READ_ONLY, 28 + 4 * e.offset(), 4L * Tensor.size(e.shape()));
    } catch (IOException ex) {
      throw new CheckpointException(path + ": cannot map '" + name + "': " + ex.getMessage());
    }
  }

  /** A malformed or unreadable checkpoint; the message names the file and the problem. */
  public static final class CheckpointException extends ModelException {
    public CheckpointException(String message) { super(message); }
  }
}
