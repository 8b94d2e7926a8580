package gvm.testing.lit;

import gvm.testing.lit.ConfigReader.ConfigException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code gvm-lit}: LLVM lit's command line and output over gvm's in-process test runner. Exit
 * status: 0 when every test passed (or was unsupported or expectedly failed), 1 when any failed,
 * timed out, was unresolved or unexpectedly passed, 2 on a usage or configuration error.
 */
@Command(name = "gvm-lit", mixinStandardHelpOptions = true, sortOptions = false,
    description = {"Runs lit tests (RUN lines, FileCheck) in-process, like LLVM's lit.",
        "A suite is the tree below a lit.cfg.py; see gvm.testing.lit.ConfigReader for the",
        "subset of Python it may use."})
public final class LitMain implements Callable<Integer> {
  @Parameters(arity = "1..*", paramLabel = "PATH", description = "test files or directories")
  private List<Path> paths = new ArrayList<>();

  @Option(names = {"-v", "--verbose"}, description = "show the log of failing tests (-vv: same)")
  private boolean[] verbose = new boolean[0];

  @Option(names = {"-a", "--show-all"}, description = "show the log of every test")
  private boolean showAll;

  @Option(names = {"-q", "--quiet"}, description = "print no per-test lines")
  private boolean quiet;

  @Option(names = {"-s", "--succinct"}, description = "print per-test lines for failures only")
  private boolean succinct;

  @Option(names = {"-j", "--threads", "--workers"}, paramLabel = "N",
      description = "tests run at once (default: one per core)")
  private Integer jobs;

  @Option(names = "--timeout", paramLabel = "S", description = "time limit per test, in seconds")
  private double timeout;

  @Option(names = "--filter", paramLabel = "REGEX",
      description = "run only tests whose name matches (default: $LIT_FILTER)")
  private String filter = System.getenv("LIT_FILTER");

  @Option(names = "--filter-out", paramLabel = "REGEX",
      description = "skip tests whose name matches (default: $LIT_FILTER_OUT)")
  private String filterOut = System.getenv("LIT_FILTER_OUT");

  @Option(names = "--xunit-xml-output", paramLabel = "FILE", description = "write JUnit XML")
  private Path xunitOutput;

  @Option(names = {"-D", "--param"}, paramLabel = "NAME=VAL",
      description = "set lit_config.params[NAME] (VAL defaults to empty)")
  private List<String> params = new ArrayList<>();

  @Option(names = "--show-unsupported", description = "list unsupported tests at the end")
  private boolean showUnsupported;

  @Option(names = "--show-xfail", description = "list expectedly failing tests at the end")
  private boolean showXfail;

  @Option(names = "--allow-empty-runs", description = "no error when no test is selected")
  private boolean allowEmptyRuns;

  private PrintStream out;
  private PrintStream err;
  private ToolRegistry tools = ToolRegistry.standard();

  /** Runs gvm-lit and exits with its status. */
  public static void main(String[] args) {
    PrintStream stdout = new PrintStream(System.out, false, StandardCharsets.UTF_8);
    int rc = run(args, stdout, System.err);
    stdout.flush();
    System.exit(rc);
  }

  /**
   * Runs gvm-lit in-process.
   *
   * @return the exit status (0 all passed, 1 a test failed, 2 usage or configuration error)
   */
  public static int run(String[] args, PrintStream stdout, PrintStream stderr) {
    return run(args, stdout, stderr, ToolRegistry.standard());
  }

  /** Runs gvm-lit in-process with the given in-process tools (for tests). */
  static int run(String[] args, PrintStream stdout, PrintStream stderr, ToolRegistry tools) {
    LitMain main = new LitMain();
    main.out = stdout;
    main.err = stderr;
    main.tools = tools;
    CommandLine cl = new CommandLine(main);
    cl.setOut(new PrintWriter(stdout, true));
    cl.setErr(new PrintWriter(stderr, true));
    int rc = cl.execute(args);
    stdout.flush();
    return rc;
  }

  @Override
  public Integer call() {
    Map<String, String> paramMap = new LinkedHashMap<>();
    for (String p : params) {
      int eq = p.indexOf('=');
      paramMap.put(eq < 0 ? p : p.substring(0, eq), eq < 0 ? "" : p.substring(eq + 1));
    }
    Pattern include;
    Pattern exclude;
    try {
      include = filter == null ? null : Pattern.compile(filter);
      exclude = filterOut == null ? null : Pattern.compile(filterOut);
    } catch (PatternSyntaxException e) {
      err.println("gvm-lit: error: invalid regular expression for --filter: " + e.getMessage());
      return 2;
    }
    List<LitTest> discovered;
    try {
      discovered = new Discovery(paramMap).discover(paths);
    } catch (ConfigException | IOException e) {
      err.println("gvm-lit: error: " + e.getMessage());
      return 2;
    }
    if (discovered.isEmpty()) {
      err.println("gvm-lit: error: did not discover any tests for provided path(s)");
      return 2;
    }
    List<LitTest> selected = new ArrayList<>();
    List<XunitReport.Entry> done = new ArrayList<>();
    for (LitTest t : discovered) {
      String name = t.fullName();
      if ((include == null || include.matcher(name).find())
          && (exclude == null || !exclude.matcher(name).find())) {
        selected.add(t);
      } else {
        done.add(new XunitReport.Entry(t, new TestResult(ResultCode.EXCLUDED, "", 0)));
      }
    }
    if (selected.isEmpty() && !allowEmptyRuns) {
      err.println("gvm-lit: error: filter did not match any tests (of " + discovered.size()
          + " discovered).  Use '--allow-empty-runs' to suppress this error.");
      return 2;
    }
    int workers = Math.max(1, Math.min(jobs != null ? jobs : ParallelRunner.defaultJobs(),
        selected.size()));
    if (!quiet) {
      out.println("-- Testing: " + selected.size()
          + (selected.size() != discovered.size() ? " of " + discovered.size() : "")
          + " tests, " + workers + " workers --");
      out.flush();
    }
    long start = System.nanoTime();
    int[] completed = {0};
    try (ParallelRunner pool = new ParallelRunner(new TestRunner(tools, timeout), workers)) {
      List<CompletableFuture<Void>> futures = new ArrayList<>();
      for (LitTest t : selected) {
        futures.add(pool.submit(t).thenAccept(r -> {
          synchronized (this) {
            completed[0]++;
            done.add(new XunitReport.Entry(t, r));
            display(t, r, completed[0], selected.size());
          }
        }));
      }
      CompletableFuture.allOf(futures.toArray(new CompletableFuture<?>[0])).join();
    }
    double elapsed = (System.nanoTime() - start) / 1e9;
    printResults(done, elapsed);
    if (xunitOutput != null) {
      try {
        XunitReport.write(xunitOutput, done, elapsed);
      } catch (IOException e) {
        err.println("gvm-lit: error: cannot write " + xunitOutput + ": " + e.getMessage());
        return 2;
      }
    }
    return done.stream().anyMatch(e -> e.result().code().isFailure()) ? 1 : 0;
  }

  private void display(LitTest t, TestResult r, int index, int total) {
    boolean failure = r.code().isFailure();
    if (!(failure || showAll || (!quiet && !succinct))) {
      return;
    }
    if (quiet && !failure) {
      return;
    }
    out.println(r.code().name() + ": " + t.fullName() + " (" + index + " of " + total + ")");
    if ((failure && verbose.length > 0) || showAll) {
      if (failure) {
        out.println("*".repeat(20) + " TEST '" + t.fullName() + "' FAILED " + "*".repeat(20));
      }
      out.println(r.output());
      out.println("*".repeat(20));
    }
    out.flush();
  }

  private void printResults(List<XunitReport.Entry> done, double elapsed) {
    Map<ResultCode, List<String>> byCode = new EnumMap<>(ResultCode.class);
    for (XunitReport.Entry e : done) {
      byCode.computeIfAbsent(e.result().code(), k -> new ArrayList<>()).add(e.test().fullName());
    }
    for (ResultCode code : ResultCode.values()) {
      List<String> names = byCode.get(code);
      boolean shown = code.isFailure() || (code == ResultCode.UNSUPPORTED && showUnsupported)
          || (code == ResultCode.XFAIL && showXfail);
      if (names == null || !shown) {
        continue;
      }
      names.sort(null);
      out.println("*".repeat(20));
      out.println(code.label() + " Tests (" + names.size() + "):");
      for (String n : names) {
        out.println("  " + n);
      }
      out.println();
    }
    if (!quiet) {
      out.println();
      out.println(String.format(Locale.ROOT, "Testing Time: %.2fs", elapsed));
    }
    out.println();
    out.println("Total Discovered Tests: " + done.size());
    int labelWidth = 0;
    int countWidth = 0;
    for (ResultCode code : ResultCode.values()) {
      List<String> names = byCode.get(code);
      if (names != null && (!quiet || code.isFailure())) {
        labelWidth = Math.max(labelWidth, code.label().length());
        countWidth = Math.max(countWidth, Integer.toString(names.size()).length());
      }
    }
    for (ResultCode code : ResultCode.values()) {
      List<String> names = byCode.get(code);
      if (names == null || (quiet && !code.isFailure())) {
        continue;
      }
      String count = Integer.toString(names.size());
      out.println(String.format(Locale.ROOT, "  %-" + labelWidth + "s: %" + countWidth + "s (%.2f%%)",
          code.label(), count, 100.0 * names.size() / done.size()));
    }
    out.flush();
  }
}
