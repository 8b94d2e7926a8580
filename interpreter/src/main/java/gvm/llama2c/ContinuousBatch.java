package gvm.llama2c;

import gvm.interp.Interpreter;
import gvm.interp.Tensor;
import gvm.interp.gptvm.Sampler;
import gvm.interp.kv.SequenceCache;
import gvm.ir.types.IntegerType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * Continuous batching over an imported program's {@code @prefill_batch}/{@code @decode_batch}:
 * requests join the running batch when there is room (at most {@code maxBatch} sequences, and,
 * on a paged cache, free pages for their prompt) and leave it when they finish, between steps. A
 * step feeds every running sequence at once: new ones their prompt (prefill), the others their
 * last token (decode). Each sequence follows {@link Generation}'s rules (prompt forced, {@code
 * steps} positions, stop before the stop token), so its ids are those of its own single-sequence run.
 *
 * <p>When a step needs more pages than are free, the sequence admitted last is preempted (its
 * pages freed, vLLM's recompute policy: it waits at the head of the queue and later re-reads its
 * tokens in one prefill); a sequence that cannot fit into the whole pool alone is refused. Neither
 * changes what the other sequences compute.
 */
public final class ContinuousBatch {
  /** A prompt to complete: {@code steps} positions, prompt included (0 or more than the capacity: the capacity). */
  public record Request(int id, int[] prompt, int steps) {}

  /** Receives what happens to each request. */
  public interface Listener {
    default void logits(int request, int pos, float[] row) {}

    default void finished(int request, List<Integer> ids) {}

    default void preempted(int request, String why) {}

    default void refused(int request, String why) {}
  }

  /** Totals of a run: positions fed, tokens generated, time, and the cache's use sampled after each step. */
  public record Stats(long positions, long generated, long decodeTokens, double decodeSeconds, double seconds, int steps, int preemptions,
      long peakAllocatedSlots, double meanWaste, long bytesPerSlot) {
    /** Tokens generated per second of the whole run. */
    public double tokensPerSecond() { return seconds > 0 ? generated / seconds : 0; }

    /** Tokens per second of the decode steps alone. */
    public double decodeTokensPerSecond() { return decodeSeconds > 0 ? decodeTokens / decodeSeconds : 0; }

    public String summary() {
      return String.format(Locale.ROOT,
          "%d tokens generated (%d positions) in %.3f s: %.2f tokens/s (decode %.2f tokens/s) over %d steps, %d preempted; "
              + "kv cache: peak %.2f MiB allocated, mean waste %.2f%% of allocated slots",
          generated, positions, seconds, tokensPerSecond(), decodeTokensPerSecond(), steps, preemptions,
          peakAllocatedSlots * bytesPerSlot / (1024.0 * 1024.0), 100 * meanWaste);
    }
  }

  private final class Seq {
    final Request r;
    final int steps;
    final Sampler sampler;
    final List<Integer> ids = new ArrayList<>();
    int pos, token;
    boolean inCache;

    Seq(Request r) {
      this.r = r;
      this.steps = r.steps() <= 0 || r.steps() > capacity ? capacity : r.steps();
      this.sampler = new Sampler(seed + r.id());
      ids.add(r.prompt()[0]);
      token = r.prompt()[0];
    }

    /** The tokens this step feeds: the prompt, all tokens so far after a preemption, else the last token. */
    int[] feed() {
      if (inCache) return new int[] {token};
      if (pos == 0) return Arrays.copyOf(r.prompt(), Math.min(r.prompt().length, steps));
      int[] all = new int[pos + 1];
      for (int i = 0; i <= pos; i++) all[i] = ids.get(i);
      return all;
    }

    /** Row {@code row} of the logits is position {@code p}; returns false when the sequence is done. */
    boolean consume(int p, float[] row) {
      if (p < pos) return true; // re-read after a preemption: already chosen
      listener.logits(r.id(), pos, row);
      int[] prompt = r.prompt();
      int next = pos < prompt.length - 1 ? prompt[pos + 1] : sampler.sample(row, 0, row.length, temperature, 0, 1.0);
      if (pos >= prompt.length - 1) generated++;
      pos++;
      if (next == stopId) return false;
      ids.add(next);
      token = next;
      return pos < steps;
    }
  }

  private final Interpreter in;
  private final int maxBatch, capacity, stopId;
  private final double temperature;
  private final long seed;
  private final Listener listener;
  private final SequenceCache cache;
  private long generated;

  /**
   * @param capacity the most positions of one sequence (the model's context)
   */
  public ContinuousBatch(Interpreter in, int maxBatch, int capacity, double temperature, long seed, Listener listener) {
    this(in, maxBatch, capacity, temperature, seed, 1, listener);
  }

  /**
   * @param capacity the most positions of one sequence (the model's context)
   * @param stopId the token that ends a sequence when it comes next (llama2.c: 1, BOS)
   */
  public ContinuousBatch(Interpreter in, int maxBatch, int capacity, double temperature, long seed, int stopId, Listener listener) {
    if (maxBatch < 1) throw new IllegalArgumentException("the batch must hold at least one sequence");
    this.in = in;
    this.maxBatch = maxBatch;
    this.capacity = capacity;
    this.temperature = temperature;
    this.seed = seed;
    this.listener = listener;
    this.stopId = stopId;
    this.cache = (SequenceCache) in.call("create_cache")[0];
    cache.removeSequence(0);
  }

  /** The run-time cache (for queries: pages, sharing, waste). */
  public SequenceCache cache() { return cache; }

  /** Runs the requests to completion; returns the totals. */
  public Stats run(List<Request> requests) {
    Deque<Seq> waiting = new ArrayDeque<>();
    for (Request r : requests) {
      if (r.prompt().length == 0) throw new IllegalArgumentException("request " + r.id() + " has no prompt tokens");
      waiting.add(new Seq(r));
    }
    List<Seq> running = new ArrayList<>();
    long positions = 0, decodeTokens = 0, decodeNanos = 0, peak = 0;
    double wasteSum = 0;
    int steps = 0, preemptions = 0;
    long start = System.nanoTime();
    while (!waiting.isEmpty() || !running.isEmpty()) {
      admit(waiting, running);
      if (running.isEmpty()) continue; // the head of the queue was refused
      // make room: preempt the sequence admitted last until the step fits
      int[][] feeds = new int[running.size()][];
      while (true) {
        long[] ids = new long[running.size()];
        int[] lens = new int[running.size()];
        for (int b = 0; b < running.size(); b++) {
          feeds[b] = running.get(b).feed();
          ids[b] = running.get(b).r.id();
          lens[b] = feeds[b].length;
        }
        int need = cache.pagesNeeded(ids, lens), free = cache.freePages();
        if (need <= free) break;
        Seq victim = running.remove(running.size() - 1);
        cache.removeSequence(victim.r.id());
        victim.inCache = false;
        String why = String.format(Locale.ROOT, "out of kv cache pages: the step needs %d, %d are free", need, free);
        if (running.isEmpty()) {
          listener.refused(victim.r.id(), why + "; the sequence does not fit the pool alone");
          continue;
        }
        preemptions++;
        listener.preempted(victim.r.id(), why);
        waiting.addFirst(victim);
        feeds = new int[running.size()][];
      }
      if (running.isEmpty()) continue;
      boolean decode = true;
      int rows = 0;
      for (int b = 0; b < running.size(); b++) {
        decode &= running.get(b).inCache;
        rows += feeds[b].length;
      }
      long[] tokens = new long[rows], seqIds = new long[running.size()], lens = new long[running.size()];
      int at = 0;
      for (int b = 0; b < running.size(); b++) {
        seqIds[b] = running.get(b).r.id();
        lens[b] = feeds[b].length;
        for (int t : feeds[b]) tokens[at++] = t;
      }
      long t0 = System.nanoTime();
      Tensor logits;
      Tensor tok = Tensor.ofInts(IntegerType.I32, new int[] {rows}, tokens), sid = Tensor.ofInts(IntegerType.I64, new int[] {seqIds.length}, seqIds);
      if (decode) {
        logits = (Tensor) in.call("decode_batch", tok, sid, cache)[0];
        decodeNanos += System.nanoTime() - t0;
        decodeTokens += rows;
      } else {
        logits = (Tensor) in.call("prefill_batch", tok, sid, Tensor.ofInts(IntegerType.I64, new int[] {lens.length}, lens), cache)[0];
      }
      positions += rows;
      steps++;
      int vocab = logits.dim(1);
      float[] all = logits.floatArray();
      List<Seq> done = new ArrayList<>();
      at = 0;
      for (int b = 0; b < running.size(); b++) {
        Seq s = running.get(b);
        int first = s.inCache ? s.pos : 0;
        s.inCache = true;
        boolean more = true;
        for (int i = 0; i < feeds[b].length && more; i++) more = s.consume(first + i, Arrays.copyOfRange(all, (at + i) * vocab, (at + i + 1) * vocab));
        at += feeds[b].length;
        if (!more) done.add(s);
      }
      peak = Math.max(peak, cache.allocatedSlots());
      if (cache.allocatedSlots() > 0) wasteSum += (double) cache.wastedSlots() / cache.allocatedSlots();
      for (Seq s : done) {
        running.remove(s);
        cache.removeSequence(s.r.id());
        listener.finished(s.r.id(), s.ids);
      }
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    return new Stats(positions, generated, decodeTokens, decodeNanos / 1e9, seconds, steps, preemptions, peak, steps > 0 ? wasteSum / steps : 0,
        cache.bytesPerSlot());
  }

  /** Moves requests from the queue into the batch while there is room for their first step. */
  private void admit(Deque<Seq> waiting, List<Seq> running) {
    while (running.size() < maxBatch && !waiting.isEmpty()) {
      Seq s = waiting.peekFirst();
      int tokens = s.feed().length;
      int need = cache.pagesFor(tokens), reserved = 0;
      for (Seq r : running) reserved += cache.pagesNeeded(new long[] {r.r.id()}, new int[] {r.inCache ? 1 : r.feed().length});
      if (running.isEmpty() && need > cache.freePages()) {
        waiting.pollFirst();
        listener.refused(s.r.id(), String.format(Locale.ROOT, "its %d tokens need %d kv cache pages, the pool has %d free", tokens, need, cache.freePages()));
        continue;
      }
      if (need + reserved > cache.freePages()) return;
      waiting.pollFirst();
      cache.addSequence(s.r.id());
      running.add(s);
    }
  }
}
