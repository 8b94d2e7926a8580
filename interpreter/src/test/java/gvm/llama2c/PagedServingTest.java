package gvm.llama2c;

import static org.junit.jupiter.api.Assertions.*;

import gvm.interp.Interpreter;
import gvm.interp.Programs;
import gvm.interp.Tensor;
import gvm.interp.kv.PagedKvCache;
import gvm.ir.Operation;
import gvm.ir.types.IntegerType;
import gvm.model.LlamaImporter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 8's acceptance on the interpreter: the paged lowering of an imported model computes what
 * the logical (contiguous) form computes, for one sequence and for a ragged batch; forked
 * sequences share their prefix's pages and match their own un-forked runs; a small pool preempts
 * or refuses with a clear message without changing the other sequences' outputs.
 */
class PagedServingTest {
  @TempDir Path dir;

  /** An imported checkpoint: logical, or lowered with {@code page-size=p num-pages=n}. */
  private static Interpreter load(Llama2cCheckpoint cp, int pageSize, int numPages) {
    byte[] text = LlamaImporter.importModel(cp).getBytes(StandardCharsets.ISO_8859_1);
    String pipeline = pageSize == 0 ? null : "builtin.module(kv-lower-to-paged{page-size=" + pageSize + " num-pages=" + numPages + "})";
    Operation module = Programs.parse("model.mlir", text, pipeline);
    return Interpreter.of(module, cp);
  }

  private static double relL2(List<float[]> ref, List<float[]> got) {
    assertEquals(ref.size(), got.size());
    double num = 0, den = 0;
    for (int p = 0; p < ref.size(); p++)
      for (int i = 0; i < ref.get(p).length; i++) {
        double d = got.get(p)[i] - ref.get(p)[i];
        num += d * d;
        den += (double) ref.get(p)[i] * ref.get(p)[i];
      }
    return Math.sqrt(num / den);
  }

  /** One sequence through {@code @prefill}/{@code @decode}. */
  private static List<Integer> single(Interpreter in, int[] prompt, int steps, int capacity, List<float[]> logits) {
    return Generation.run(in, prompt, steps, capacity, 0, 0, new Generation.Listener() {
      @Override public void logits(int pos, float[] row) { logits.add(row.clone()); }
    });
  }

  /** What a batched run saw: each request's ids and logits rows, preemption and refusal messages. */
  private static final class Outcome implements ContinuousBatch.Listener {
    final Map<Integer, List<Integer>> ids = new HashMap<>();
    final Map<Integer, List<float[]>> logits = new HashMap<>();
    final List<String> events = new ArrayList<>();
    ContinuousBatch.Stats stats;

    @Override public void logits(int request, int pos, float[] row) {
      List<float[]> rows = logits.computeIfAbsent(request, k -> new ArrayList<>());
      assertEquals(pos, rows.size(), "positions of request " + request + " arrive in order");
      rows.add(row.clone());
    }

    @Override public void finished(int request, List<Integer> got) { ids.put(request, new ArrayList<>(got)); }

    @Override public void preempted(int request, String why) { events.add("preempted " + request + ": " + why); }

    @Override public void refused(int request, String why) { events.add("refused " + request + ": " + why); }
  }

  private static Outcome batch(Interpreter in, List<ContinuousBatch.Request> requests, int maxBatch, int capacity) {
    Outcome o = new Outcome();
    o.stats = new ContinuousBatch(in, maxBatch, capacity, 0, 0, o).run(requests);
    return o;
  }

  private static List<ContinuousBatch.Request> prompts(int count, int vocab, int maxPrompt, int steps, long seed) {
    Random rnd = new Random(seed);
    List<ContinuousBatch.Request> out = new ArrayList<>();
    for (int r = 0; r < count; r++) {
      int[] p = new int[1 + rnd.nextInt(maxPrompt)];
      p[0] = 1;
      for (int i = 1; i < p.length; i++) p[i] = 2 + rnd.nextInt(vocab - 2);
      out.add(new ContinuousBatch.Request(r, p, steps - rnd.nextInt(steps / 4)));
    }
    return out;
  }

  /** Acceptance 1 on one checkpoint: page sizes 1, 16 and 256, one sequence and a batch of 8 prompts of different lengths. */
  private void equivalence(Path ckpt, int steps, int maxPrompt) {
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(ckpt);
    int capacity = cp.config().capacity(), vocab = cp.config().vocab();
    Interpreter logical = load(cp, 0, 0);
    List<ContinuousBatch.Request> requests = prompts(8, vocab, maxPrompt, steps, 3);
    int[] prompt = requests.get(0).prompt();
    List<float[]> refLogits = new ArrayList<>();
    List<Integer> refIds = single(logical, prompt, steps, capacity, refLogits);
    Outcome ref = batch(logical, requests, 8, capacity);
    assertEquals(8, ref.ids.size());
    for (ContinuousBatch.Request r : requests) {
      // the batch computes each sequence as its own run does
      List<float[]> own = new ArrayList<>();
      assertEquals(single(logical, r.prompt(), r.steps(), capacity, own), ref.ids.get(r.id()), "request " + r.id());
      assertTrue(relL2(own, ref.logits.get(r.id())) < 1e-5);
    }
    for (int pageSize : new int[] {1, 16, 256}) {
      int pages = 8 * ((steps + pageSize - 1) / pageSize);
      Interpreter paged = load(cp, pageSize, pages);
      List<float[]> logits = new ArrayList<>();
      assertEquals(refIds, single(paged, prompt, steps, capacity, logits), "page size " + pageSize);
      assertTrue(relL2(refLogits, logits) < 1e-5, "page size " + pageSize + ": " + relL2(refLogits, logits));
      Outcome got = batch(paged, requests, 8, capacity);
      assertEquals(List.of(), got.events);
      for (ContinuousBatch.Request r : requests) {
        assertEquals(ref.ids.get(r.id()), got.ids.get(r.id()), "page size " + pageSize + ", request " + r.id());
        double rel = relL2(ref.logits.get(r.id()), got.logits.get(r.id()));
        assertTrue(rel < 1e-5, "page size " + pageSize + ", request " + r.id() + ": " + rel);
      }
    }
  }

  @Test void pagedRunsMatchTheLogicalRunOnTiny() throws IOException {
    // llama2.c "tiny": dim 64, hidden 172, 5 layers, 8 heads, 4 kv heads, vocab 512, seq 512
    equivalence(RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 5, 8, 4, 512, 512, true, 42), 96, 40);
  }

  @Test void pagedRunsMatchTheLogicalRunOnSmall() throws IOException {
    // llama2.c "small" (stories15M's shape): dim 288, hidden 768, 6 layers, 6 heads, vocab 32000, seq 256
    equivalence(RandomCheckpoint.write(dir.resolve("small.bin"), 288, 768, 6, 6, 6, 32000, 256, true, 7), 24, 12);
  }

  /** Acceptance 2: two sequences forked from a 100-token prefix share its pages, copy the shared last page on write, and match their own runs. */
  @Test void forkedSequencesShareThePrefixAndMatchTheirOwnRuns() throws IOException {
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 5, 8, 4, 512, 512, true, 42));
    int capacity = cp.config().capacity(), more = 20;
    Interpreter in = load(cp, 16, 64);
    Random rnd = new Random(11);
    int[] prefix = new int[100];
    prefix[0] = 1;
    for (int i = 1; i < 100; i++) prefix[i] = 2 + rnd.nextInt(500);
    PagedKvCache cache = (PagedKvCache) in.call("create_cache")[0];
    long[] ids = new long[100];
    for (int i = 0; i < 100; i++) ids[i] = prefix[i];
    cache = (PagedKvCache) in.call("prefill_batch", Tensor.ofInts(IntegerType.I32, new int[] {100}, ids), seqIds(0), seqIds(100), cache)[1];
    cache.forkSequence(0, 1);
    int[] shared = cache.pages(0);
    assertEquals(7, shared.length);
    assertArrayEquals(shared, cache.pages(1));
    for (int p : shared) assertEquals(2, cache.refCount(p));
    // each continues with its own token, then greedily
    int[] first = {17, 301};
    List<List<float[]>> logits = List.of(new ArrayList<>(), new ArrayList<>());
    List<List<Integer>> gen = List.of(new ArrayList<>(), new ArrayList<>());
    long[] tokens = {first[0], first[1]};
    for (int step = 0; step < more; step++) {
      Object[] r = in.call("decode_batch", Tensor.ofInts(IntegerType.I32, new int[] {2}, tokens), seqIds(0, 1), cache);
      float[] rows = ((Tensor) r[0]).floatArray();
      long[] next = ((Tensor) r[1]).intArray();
      int vocab = rows.length / 2;
      for (int s = 0; s < 2; s++) {
        logits.get(s).add(java.util.Arrays.copyOfRange(rows, s * vocab, (s + 1) * vocab));
        gen.get(s).add((int) next[s]);
        tokens[s] = next[s];
      }
      if (step == 0) {
        // copy on write: the six full pages stay shared, the last (4 tokens, written by both) was copied
        int[] a = cache.pages(0), b = cache.pages(1);
        for (int i = 0; i < 6; i++) {
          assertEquals(a[i], b[i]);
          assertEquals(2, cache.refCount(a[i]));
        }
        assertNotEquals(a[6], b[6]);
        assertEquals(1, cache.refCount(a[6]));
        assertEquals(1, cache.refCount(b[6]));
      }
    }
    assertNotEquals(gen.get(0), gen.get(1), "the two continuations diverge");
    for (int s = 0; s < 2; s++) {
      // its own run: the prefix and its first token as the prompt, on a fresh logical cache
      int[] prompt = java.util.Arrays.copyOf(prefix, 101);
      prompt[100] = first[s];
      List<float[]> own = new ArrayList<>();
      List<Integer> ownIds = single(load(cp, 0, 0), prompt, 100 + more, capacity, own);
      assertEquals(ownIds.subList(101, ownIds.size()), gen.get(s).subList(0, ownIds.size() - 101), "sequence " + s);
      assertTrue(relL2(own.subList(100, own.size()), logits.get(s).subList(0, own.size() - 100)) < 1e-5, "sequence " + s);
    }
  }

  private static Tensor seqIds(long... ids) { return Tensor.ofInts(IntegerType.I64, new int[] {ids.length}, ids); }

  /** Acceptance 4: a pool too small for the batch preempts (and a sequence too long for it is refused); the others' outputs are unchanged. */
  @Test void aSmallPoolPreemptsOrRefusesWithoutChangingOtherOutputs() throws IOException {
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 5, 8, 4, 512, 512, true, 42));
    int capacity = cp.config().capacity();
    List<ContinuousBatch.Request> requests = new ArrayList<>(prompts(6, 512, 20, 64, 5));
    requests.add(new ContinuousBatch.Request(6, new int[] {1, 40, 41}, 200)); // 200 tokens need 13 pages of 16: more than the pool
    Outcome ref = batch(load(cp, 0, 0), requests, 8, capacity);
    Outcome got = batch(load(cp, 16, 12), requests, 8, capacity);
    assertTrue(got.stats.preemptions() > 0, "the pool of 12 pages cannot hold the batch");
    assertTrue(got.events.stream().anyMatch(e -> e.startsWith("preempted ") && e.contains(": out of kv cache pages: the step needs ")), got.events.toString());
    assertTrue(got.events.contains("refused 6: out of kv cache pages: the step needs 1, 0 are free; the sequence does not fit the pool alone"),
        got.events.toString());
    assertFalse(got.ids.containsKey(6));
    for (int r = 0; r < 6; r++) assertEquals(ref.ids.get(r), got.ids.get(r), "request " + r);
  }

  /** Misuse of the batched entry points is a located error at kv.begin_forward, and leaves the cache usable. */
  @Test void badStepsFailAtBeginForward() throws IOException {
    Llama2cCheckpoint cp = Llama2cCheckpoint.open(RandomCheckpoint.write(dir.resolve("m.bin"), 16, 40, 2, 4, 2, 64, 32, true, 1));
    Interpreter in = load(cp, 4, 3);
    Object cache = in.call("create_cache")[0];
    Tensor one = Tensor.ofInts(IntegerType.I32, new int[] {1}, new long[] {1});
    var e = assertThrows(gvm.interp.InterpreterException.class, () -> in.call("decode_batch", one, seqIds(9), cache));
    assertTrue(e.render().matches("model\\.mlir:\\d+:\\d+: error: 'kv\\.begin_forward' op no sequence 9 in the kv cache"), e.render());
    Tensor thirteen = Tensor.ofInts(IntegerType.I32, new int[] {13}, new long[13]);
    e = assertThrows(gvm.interp.InterpreterException.class, () -> in.call("prefill_batch", thirteen, seqIds(0), seqIds(13), cache));
    assertTrue(e.render().endsWith("'kv.begin_forward' op out of kv cache pages: the step needs 4 more pages of 4 tokens but 3 of 3 are free"), e.render());
    PagedKvCache c = (PagedKvCache) cache;
    assertEquals(0, c.length(0));
    assertEquals(3, c.freePages());
    Tensor twelve = Tensor.ofInts(IntegerType.I32, new int[] {12}, new long[12]);
    in.call("prefill_batch", twelve, seqIds(0), seqIds(12), cache);
    assertEquals(12, c.length(0));
    assertEquals(0, c.freePages());
  }
}
