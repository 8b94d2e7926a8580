package gvm.llama2c;

import gvm.interp.Interpreter;
import gvm.interp.Tensor;
import gvm.interp.gptvm.Sampler;
import gvm.ir.types.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * llama2.c's generate loop over an imported program: {@code @prefill} of the prompt, then
 * {@code @decode} steps on the kv cache. {@code steps} counts positions, prompt included (llama2.c's
 * {@code -n}; 0 or more than the capacity means the capacity); the prompt's tokens are forced, then
 * each next token is the argmax (temperature 0) or a draw of llama2.c's sampler; generation stops
 * early when the stop token comes next (llama2.c: 1, BOS; Hugging Face models: the config's eos).
 * The prompt is prefilled in chunks of {@link #PREFILL_CHUNK} tokens (each {@code @prefill} call
 * continues at the cache's length), so that long prompts can report progress.
 */
public final class Generation {
  /** Receives each position's logits and each token as it is chosen. */
  public interface Listener {
    default void logits(int pos, float[] row) {}

    default void token(int prev, int token) {}

    /** After each prefill chunk: {@code done} of the {@code total} prompt positions are in the cache. */
    default void prefilled(int done, int total) {}
  }

  /** Prompt tokens per {@code @prefill} call. */
  public static final int PREFILL_CHUNK = 128;

  private Generation() {}

  /** Runs the loop, stopping at BOS as llama2.c; returns the ids (prompt, then generated). */
  public static List<Integer> run(Interpreter in, int[] prompt, int steps, int capacity, double temperature, long seed, Listener listener) {
    return run(in, prompt, steps, capacity, temperature, seed, 1, listener);
  }

  /** Runs the loop until {@code stopId} comes next; returns the ids (prompt, then generated). */
  public static List<Integer> run(Interpreter in, int[] prompt, int steps, int capacity, double temperature, long seed, int stopId, Listener listener) {
    return run((Program) in::call, prompt, steps, capacity, temperature, seed, stopId, listener);
  }

  /** The functions the loop calls: one interpreter, or every device of an SPMD run ({@code SpmdInterpreter::callReplicated}). */
  @FunctionalInterface
  public interface Program {
    Object[] call(String fn, Object... args);
  }

  /** {@link #run(Interpreter, int[], int, int, double, long, int, Listener)} over any {@link Program}. */
  public static List<Integer> run(Program in, int[] prompt, int steps, int capacity, double temperature, long seed, int stopId, Listener listener) {
    if (prompt.length == 0) throw new IllegalArgumentException("the prompt has no tokens");
    if (steps <= 0 || steps > capacity) steps = capacity;
    Sampler sampler = new Sampler(seed);
    Object cache = in.call("create_cache")[0];
    int n = Math.min(prompt.length, steps);
    List<Integer> out = new ArrayList<>();
    out.add(prompt[0]);
    int pos = 0, token = prompt[0], vocab = 0, chunkStart = 0, chunkLen = 0;
    float[] chunk = null, row = null;
    while (pos < steps) {
      if (pos < n) {
        if (pos == chunkStart + chunkLen) {
          chunkStart = pos;
          chunkLen = Math.min(PREFILL_CHUNK, n - pos);
          long[] ids = new long[chunkLen];
          for (int i = 0; i < chunkLen; i++) ids[i] = prompt[pos + i];
          Object[] r = in.call("prefill", Tensor.ofInts(IntegerType.I32, new int[] {chunkLen}, ids), cache);
          Tensor logits = (Tensor) r[0];
          cache = r[1];
          vocab = logits.dim(1);
          chunk = logits.floatArray();
          row = new float[vocab];
          listener.prefilled(pos + chunkLen, n);
        }
        System.arraycopy(chunk, (pos - chunkStart) * vocab, row, 0, vocab);
      } else {
        Object[] d = in.call("decode", Tensor.ofInts(IntegerType.I32, new int[] {1}, new long[] {token}), cache);
        row = ((Tensor) d[0]).floatArray();
        cache = d[2];
      }
      listener.logits(pos, row);
      int next = pos < prompt.length - 1 ? prompt[pos + 1] : sampler.sample(row, 0, vocab, temperature, 0, 1.0);
      pos++;
      if (next == stopId) break;
      listener.token(token, next);
      out.add(next);
      token = next;
    }
    return out;
  }
}
