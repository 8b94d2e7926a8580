package gvm.tools.run;

import gvm.interp.Interpreter;
import gvm.interp.kv.PagedKvCache;
import gvm.llama2c.ContinuousBatch;
import gvm.llama2c.Tokenizer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code gvm-run --batch PROMPTS}: one prompt per line (text with a tokenizer, else comma-separated
 * token ids), run together by continuous batching ({@link ContinuousBatch}) over the program's
 * {@code @prefill_batch}/{@code @decode_batch}; each finished sequence prints {@code [n] text} (line
 * {@code n} of the file, from 1), preemptions and refusals go to stderr, and the run ends with the
 * throughput and the kv cache's memory use and waste.
 */
final class BatchRun {
  private BatchRun() {}

  /** The prompts of {@code file}: blank lines are skipped; a bad line is a one-line failure naming it. */
  static List<ContinuousBatch.Request> read(Path file, Tokenizer tok, int vocab, int steps) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file, StandardCharsets.UTF_8);
    } catch (IOException | RuntimeException e) {
      throw new GvmRun.Failure(file + ": cannot read the prompts");
    }
    List<ContinuousBatch.Request> out = new ArrayList<>();
    for (int n = 0; n < lines.size(); n++) {
      String line = lines.get(n).strip();
      if (line.isEmpty()) continue;
      int[] ids;
      if (tok != null) {
        ids = tok.encode(line);
      } else {
        String[] parts = line.split(",");
        ids = new int[parts.length];
        for (int i = 0; i < parts.length; i++) {
          try {
            ids[i] = Integer.parseInt(parts[i].strip());
          } catch (NumberFormatException e) {
            throw new GvmRun.Failure(file + ":" + (n + 1) + ": '" + parts[i].strip() + "' is not a token id (without --tokenizer a prompt is comma-separated ids)");
          }
        }
      }
      for (int id : ids)
        if (id < 0 || id >= vocab) throw new GvmRun.Failure(file + ":" + (n + 1) + ": token id " + id + " is out of the vocabulary [0, " + vocab + ")");
      if (ids.length == 0) throw new GvmRun.Failure(file + ":" + (n + 1) + ": the prompt has no tokens");
      out.add(new ContinuousBatch.Request(n + 1, ids, steps));
    }
    if (out.isEmpty()) throw new GvmRun.Failure(file + ": no prompts");
    return out;
  }

  static void run(Interpreter in, List<ContinuousBatch.Request> requests, Tokenizer tok, int capacity, int maxBatch, double temperature, long seed,
      int stopId, PrintStream out, PrintStream err) {
    int[] finished = {0}, refused = {0};
    ContinuousBatch engine = new ContinuousBatch(in, maxBatch, capacity, temperature, seed, stopId, new ContinuousBatch.Listener() {
      @Override public void finished(int request, List<Integer> ids) {
        finished[0]++;
        out.println("[" + request + "] " + text(tok, ids));
        out.flush();
      }

      @Override public void preempted(int request, String why) {
        err.println("gvm-run: sequence " + request + " preempted (" + why + "); it will be recomputed");
      }

      @Override public void refused(int request, String why) {
        refused[0]++;
        err.println("gvm-run: sequence " + request + " refused: " + why);
      }
    });
    ContinuousBatch.Stats stats = engine.run(requests);
    err.println(String.format(Locale.ROOT, "batch: %d sequences, %d finished, %d refused, at most %d at once", requests.size(), finished[0], refused[0],
        maxBatch));
    err.println("batch: " + stats.summary());
    if (engine.cache() instanceof PagedKvCache p)
      err.println(String.format(Locale.ROOT, "kv cache: %d pages of %d tokens, %.2f MiB pool", p.numPages(), p.pageSize(),
          p.numPages() * (double) p.pageSize() * p.bytesPerSlot() / (1024.0 * 1024.0)));
  }

  /** The text of {@code ids} (each piece decoded after its predecessor, as a single run streams it), else the ids. */
  private static String text(Tokenizer tok, List<Integer> ids) {
    if (tok == null) return "ids: " + String.join(",", ids.stream().map(String::valueOf).toArray(String[]::new));
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    for (int i = 1; i < ids.size(); i++) {
      byte[] piece = tok.decode(ids.get(i - 1), ids.get(i));
      b.write(piece, 0, piece.length);
    }
    return b.toString(StandardCharsets.UTF_8).replace('\n', ' ');
  }
}
