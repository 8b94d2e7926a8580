package gvm.tools.opt;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Feeds gvm-opt tens of thousands of broken inputs: the .mlir corpus (a snapshot of the
 * conformance inputs in {@code fuzz-corpus/}, plus the testsuite's files when the repository is
 * around) mutated with a fixed seed by byte flips, deletions, duplications, truncations and token
 * swaps, each run in-process through {@link GvmOpt#run} under a few flag sets. Whatever the input,
 * the tool must finish in time, exit with 0 or 1, explain a failure with at least one located
 * {@code error:} line, and never show a Java exception. Failing inputs are saved under {@code
 * target/fuzz-failures/} for replay.
 *
 * <p>System properties: {@code gvm.fuzz.cases} (default 20000), {@code gvm.fuzz.seed}.
 */
class FuzzTest {
  private static final int CASES = Integer.getInteger("gvm.fuzz.cases", 20_000);
  private static final long SEED = Long.getLong("gvm.fuzz.seed", 0x6776_6d2dL);
  private static final long TIMEOUT_MS = 20_000;
  private static final int MAX_REPORTED = 20;

  private static final String[][] FLAG_SETS = {
    {},
    {"-split-input-file"},
    {"-split-input-file", "-verify-diagnostics"},
    {"--mlir-print-op-generic"},
    {"--allow-unregistered-dialect", "-mlir-print-debuginfo"},
    {"-split-input-file", "--allow-unregistered-dialect", "--mlir-print-local-scope"},
  };

  /** {@code FILE:LINE:COL: error:}, the split form, or mlir-opt's form for a location without position. */
  private static final Pattern LOCATED_ERROR =
      Pattern.compile("(?m)^(within split at .*:\\d+ offset :\\d+:\\d+|[^\\n]*:\\d+:\\d+|<unknown>:0): error: ");
  /**
   * Signs of a Java failure: stack frames ("at pkg.Cls.m(File.java:12)"), an uncaught exception
   * header, or the driver's internal-error line. Diagnostics echo source lines, so plain words such
   * as "Exception" or "at gvm.x" may appear there legitimately and must not count.
   */
  private static final Pattern STACK_TRACE = Pattern.compile(
      "(?m)^\\s*at [\\w$.]+\\((?:[\\w$.]+\\.java:\\d+|Native Method|Unknown Source)\\)|^Exception in thread|gvm-opt: internal error");

  private static final byte[] INTERESTING = "{}()<>[]%^@#\":,=-+*.!?0189xf \n\t\\/'".getBytes(StandardCharsets.ISO_8859_1);

  record Case(int index, String source, String mutations, String[] args, byte[] input) {}

  record Outcome(Case c, int rc, String stdout, String stderr, String problem) {}

  @Test void mutatedInputsNeverCrash() throws Exception {
    List<byte[]> corpus = new ArrayList<>();
    List<String> names = new ArrayList<>();
    loadCorpus(corpus, names);
    assertTrue(corpus.size() >= 20, "fuzz corpus too small: " + corpus.size());
    List<List<byte[]>> tokens = new ArrayList<>();
    for (byte[] b : corpus) tokens.add(tokenize(b));

    Random rnd = new Random(SEED);
    List<Case> cases = new ArrayList<>(CASES + 8);
    for (int i = 0; i < CASES; i++) {
      int k = rnd.nextInt(corpus.size());
      StringBuilder how = new StringBuilder();
      byte[] input = mutate(corpus.get(k), tokens, rnd, how);
      cases.add(new Case(i, names.get(k), how.toString(), FLAG_SETS[rnd.nextInt(FLAG_SETS.length)], input));
    }
    addDeepNesting(cases);

    int threads = Math.max(2, Runtime.getRuntime().availableProcessors());
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    List<Outcome> failures = Collections.synchronizedList(new ArrayList<>());
    try {
      List<Future<?>> futures = new ArrayList<>(cases.size());
      for (Case c : cases)
        futures.add(pool.submit(() -> {
          Outcome o = runCase(c);
          if (o.problem() != null) failures.add(o);
          return null;
        }));
      for (Future<?> f : futures) f.get();
    } finally {
      pool.shutdownNow();
    }
    if (!failures.isEmpty()) {
      failures.sort((a, b) -> Integer.compare(a.c().index(), b.c().index()));
      Path dir = Path.of("target", "fuzz-failures");
      Files.createDirectories(dir);
      StringBuilder report = new StringBuilder(failures.size() + " of " + cases.size() + " fuzz cases failed:\n");
      for (Outcome o : failures.subList(0, Math.min(MAX_REPORTED, failures.size()))) {
        Path saved = dir.resolve("case-" + o.c().index() + ".mlir");
        Files.write(saved, o.c().input());
        report.append("- case ").append(o.c().index()).append(" (").append(o.c().source()).append(o.c().mutations())
            .append(") args ").append(String.join(" ", o.c().args())).append(": ").append(o.problem())
            .append("\n  saved as ").append(saved.toAbsolutePath())
            .append("\n  stderr: ").append(abbreviate(o.stderr())).append('\n');
      }
      fail(report.toString());
    }
  }

  /** Runs one case on a thread of its own, so that a hang is reported instead of waited for. */
  private static Outcome runCase(Case c) throws InterruptedException {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int[] rc = {-1};
    Throwable[] escaped = {null};
    String[] args = new String[c.args().length + 1];
    System.arraycopy(c.args(), 0, args, 0, c.args().length);
    args[args.length - 1] = "-";
    Thread t = new Thread(() -> {
      try (PrintStream o = new PrintStream(out, true, StandardCharsets.ISO_8859_1); PrintStream e = new PrintStream(err, true, StandardCharsets.ISO_8859_1)) {
        rc[0] = GvmOpt.run(args, new ByteArrayInputStream(c.input()), o, e);
      } catch (Throwable x) {
        escaped[0] = x;
      }
    }, "fuzz-" + c.index());
    t.start();
    t.join(TIMEOUT_MS);
    String stdout = out.toString(StandardCharsets.ISO_8859_1), stderr = err.toString(StandardCharsets.ISO_8859_1);
    String problem = null;
    if (t.isAlive()) {
      t.interrupt();
      problem = "no result after " + TIMEOUT_MS + " ms";
    } else if (escaped[0] != null) {
      problem = "exception escaped: " + escaped[0];
    } else if (rc[0] != 0 && rc[0] != 1) {
      problem = "exit status " + rc[0];
    } else if (STACK_TRACE.matcher(stderr).find()) {
      problem = "Java failure text on stderr";
    } else if (rc[0] == 1 && !LOCATED_ERROR.matcher(stderr).find()) {
      problem = "exit status 1 without a located error line";
    }
    return new Outcome(c, rc[0], stdout, stderr, problem);
  }

  private static String abbreviate(String s) {
    String one = s.replace("\n", "\\n");
    return one.length() > 400 ? one.substring(0, 400) + "..." : one;
  }

  // ---------------------------------------------------------------- corpus

  private static void loadCorpus(List<byte[]> corpus, List<String> names) throws IOException {
    for (String n : resourceList()) {
      try (InputStream in = FuzzTest.class.getResourceAsStream("/fuzz-corpus/" + n)) {
        if (in == null) continue;
        corpus.add(in.readAllBytes());
        names.add("fuzz-corpus/" + n);
      }
    }
    Path testsuite = Path.of("..", "testsuite");
    if (Files.isDirectory(testsuite)) {
      try (Stream<Path> files = Files.walk(testsuite)) {
        for (Path p : files.filter(p -> p.toString().endsWith(".mlir"))
            .filter(p -> !p.toString().contains("/target/") && !p.toString().contains("/Output/")).sorted().toList()) {
          corpus.add(Files.readAllBytes(p));
          names.add(testsuite.relativize(p).toString());
        }
      }
    }
  }

  /** The snapshot's file names, listed in {@code fuzz-corpus/INDEX}. */
  private static List<String> resourceList() throws IOException {
    try (InputStream in = FuzzTest.class.getResourceAsStream("/fuzz-corpus/INDEX")) {
      if (in == null) return List.of();
      List<String> l = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) if (!line.isBlank()) l.add(line.strip());
      return l;
    }
  }

  /** Words, numbers, SSA names and single punctuation characters, as byte strings. */
  static List<byte[]> tokenize(byte[] b) {
    List<byte[]> out = new ArrayList<>();
    int i = 0;
    while (i < b.length) {
      int c = b[i] & 0xFF;
      if (Character.isWhitespace(c)) {
        i++;
        continue;
      }
      int j = i + 1;
      if (Character.isLetterOrDigit(c) || c == '%' || c == '@' || c == '#' || c == '^' || c == '_' || c == '!') {
        while (j < b.length && (Character.isLetterOrDigit(b[j] & 0xFF) || b[j] == '_' || b[j] == '.' || b[j] == '$')) j++;
      }
      byte[] t = new byte[j - i];
      System.arraycopy(b, i, t, 0, t.length);
      out.add(t);
      i = j;
    }
    return out;
  }

  // ---------------------------------------------------------------- mutations

  static byte[] mutate(byte[] src, List<List<byte[]>> tokens, Random rnd, StringBuilder how) {
    byte[] b = src.clone();
    int n = 1 + rnd.nextInt(3);
    for (int m = 0; m < n; m++) {
      if (b.length == 0) break;
      int kind = rnd.nextInt(6);
      int at = rnd.nextInt(b.length);
      switch (kind) {
        case 0 -> {
          b[at] ^= (byte) (1 << rnd.nextInt(8));
          how.append(" flip@").append(at);
        }
        case 1 -> {
          b[at] = INTERESTING[rnd.nextInt(INTERESTING.length)];
          how.append(" set@").append(at);
        }
        case 2 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(24));
          b = splice(b, at, len, new byte[0]);
          how.append(" delete@").append(at).append('+').append(len);
        }
        case 3 -> {
          int len = Math.min(b.length - at, 1 + rnd.nextInt(64));
          byte[] piece = new byte[len];
          System.arraycopy(b, at, piece, 0, len);
          b = splice(b, rnd.nextInt(b.length + 1), 0, piece);
          how.append(" duplicate@").append(at).append('+').append(len);
        }
        case 4 -> {
          b = java.util.Arrays.copyOf(b, at);
          how.append(" truncate@").append(at);
        }
        default -> {
          b = swapToken(b, tokens.get(rnd.nextInt(tokens.size())), rnd);
          how.append(" token@").append(at);
        }
      }
    }
    return b;
  }

  /** Replaces one occurrence of a token of {@code b} with a token from another corpus file. */
  private static byte[] swapToken(byte[] b, List<byte[]> donor, Random rnd) {
    List<byte[]> mine = tokenize(b);
    if (mine.isEmpty() || donor.isEmpty()) return b;
    byte[] victim = mine.get(rnd.nextInt(mine.size()));
    byte[] replacement = donor.get(rnd.nextInt(donor.size()));
    int at = indexOf(b, victim, rnd.nextInt(b.length));
    if (at < 0) at = indexOf(b, victim, 0);
    return at < 0 ? b : splice(b, at, victim.length, replacement);
  }

  private static int indexOf(byte[] b, byte[] t, int from) {
    outer:
    for (int i = from; i + t.length <= b.length; i++) {
      for (int k = 0; k < t.length; k++) if (b[i + k] != t[k]) continue outer;
      return i;
    }
    return -1;
  }

  private static byte[] splice(byte[] b, int at, int remove, byte[] insert) {
    byte[] r = new byte[b.length - remove + insert.length];
    System.arraycopy(b, 0, r, 0, at);
    System.arraycopy(insert, 0, r, at, insert.length);
    System.arraycopy(b, at + remove, r, at + insert.length, b.length - at - remove);
    return r;
  }

  /**
   * Deeply nested regions, types and unbalanced brackets, which must not overflow the stack. (Valid
   * nesting stays moderate: its printed form grows with the square of the depth, in mlir-opt too.)
   */
  private static void addDeepNesting(List<Case> cases) {
    int deep = 20_000, moderate = 1_000;
    String open = "\"test.op\"() ({\n";
    String closed = open.repeat(moderate) + "}) : () -> ()\n".repeat(moderate);
    String types = "func.func private @f() -> " + "tensor<".repeat(moderate) + "f32" + ">".repeat(moderate) + "\n";
    String[] inputs = {open.repeat(deep), closed, types, "\"test.op\"() {a = " + "[".repeat(deep),
      "\"test.op\"() : () -> () loc(" + "fused[".repeat(deep), "func.func private @f() -> " + "tuple<".repeat(deep)};
    String[] args = {"--allow-unregistered-dialect"};
    for (String s : inputs) cases.add(new Case(cases.size(), "deep-nesting", "", args, s.getBytes(StandardCharsets.ISO_8859_1)));
  }
}
