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
 */
public final class Generation {
  /** Receives each position's logits and each token as it is chosen. */
  public interface Listener {
    default void logits(int pos, float[] row) {}

    default void token(int prev, int token) {}
  }

  private Generation() {}

  /** Runs the loop, stopping at BOS as llama2.c; returns the ids (prompt, then generated). */
  public static List<Integer> run(Interpreter in, int[] prompt, int steps, int capacity, double temperature, long seed, Listener listener) {
    return run(in, prompt, steps, capacity, temperature, seed, 1, listener);
  }

  /** Runs the loop until {@code stopId} comes next; returns the ids (prompt, then generated). */
  public static List<Integer> run(Interpreter in, int[] prompt, int steps, int capacity, double temperature, long seed, int stopId, Listener listener) {
    if (prompt.length == 0) throw new IllegalArgumentException("the prompt has no tokens");
    if (steps <= 0 || steps > capacity) steps = capacity;
    Sampler sampler = new Sampler(seed);
    Object cache = in.call("create_cache")[0];
    int n = Math.min(prompt.length, steps);
    long[] ids = new long[n];
    for (int i = 0; i < n; i++) ids[i] = prompt[i];
    Object[] r = in.call("prefill", Tensor.ofInts(IntegerType.I32, new int[] {n}, ids), cache);
    Tensor logits = (Tensor) r[0];
    cache = r[1];
    int vocab = logits.dim(1);
    float[] all = logits.floatArray();
    List<Integer> out = new ArrayList<>();
    out.add(prompt[0]);
    int pos = 0, token = prompt[0];
    float[] row = new float[vocab];
    while (pos < steps) {
      if (pos < n) {
        System.arraycopy(all, pos * vocab, row, 0, vocab);
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
