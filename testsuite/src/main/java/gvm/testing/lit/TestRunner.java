package gvm.testing.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Pattern;

/**
 * Runs one test the way lit's ShTest format does ({@code executeShTest}): checks REQUIRES and
 * UNSUPPORTED, expands substitutions, runs the RUN lines in the {@link InternalShell} from the
 * directory of the test's exec path until one fails, and applies XFAIL. Thread-safe: one instance
 * can run many tests at once.
 */
public final class TestRunner {
  private static final String PERCENT_MARKER = "#_MARKER_#";
  private static final Pattern DEFINE_NAME = Pattern.compile("%\\{[_a-zA-Z][-_:0-9a-zA-Z]*}");

  private final ToolRegistry tools;
  private final double timeoutSeconds;

  /**
   * @param tools the in-process commands
   * @param timeoutSeconds the per-test time limit; 0 for none
   */
  public TestRunner(ToolRegistry tools, double timeoutSeconds) {
    this.tools = tools;
    this.timeoutSeconds = timeoutSeconds;
  }

  /** Runs a test and returns its result, timed. Never throws for a test's own failure. */
  public TestResult run(LitTest test) {
    long start = System.nanoTime();
    TestResult r = timeoutSeconds > 0 ? runWithTimeout(test) : execute(test,
        new ExecutionControl());
    return r.withElapsed((System.nanoTime() - start) / 1e9);
  }

  private TestResult runWithTimeout(LitTest test) {
    ExecutionControl control = new ExecutionControl();
    FutureTask<TestResult> task = new FutureTask<>(() -> execute(test, control));
    // its own thread, so that a tool that never returns cannot hold up the run
    Thread t = new Thread(task, "gvm-lit " + test.pathInSuite());
    t.setDaemon(true);
    t.start();
    try {
      return task.get((long) (timeoutSeconds * 1000), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      control.cancel();
      t.interrupt();
      try {
        // the shell notices the cancel between commands; take its log if it stops soon
        return task.get(2, TimeUnit.SECONDS);
      } catch (TimeoutException | ExecutionException | InterruptedException stuck) {
        return new TestResult(ResultCode.TIMEOUT, "Exit Code: 1\nTimeout: " + timeoutMessage()
            + "\n\n(an in-process command did not stop; its thread was abandoned)\n", 0);
      }
    } catch (ExecutionException e) {
      return new TestResult(ResultCode.UNRESOLVED, "gvm-lit: internal error: " + e.getCause(), 0);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      control.cancel();
      return new TestResult(ResultCode.UNRESOLVED, "interrupted", 0);
    }
  }

  private String timeoutMessage() {
    double s = timeoutSeconds;
    return "Reached timeout of " + (s == Math.rint(s) ? Long.toString((long) s) : Double.toString(s))
        + " seconds";
  }

  private TestResult execute(LitTest test, ExecutionControl control) {
    LitConfig config = test.config();
    if (config.unsupported()) {
      return result(ResultCode.UNSUPPORTED, "Test is unsupported");
    }
    TestScript script;
    try {
      script = TestScript.parse(test.sourcePath());
      if (script.script().stream().noneMatch(d -> d.kind() == TestScript.Kind.RUN)) {
        return result(ResultCode.UNRESOLVED, "Test has no 'RUN:' line");
      }
      Set<String> features = config.availableFeatures();
      List<String> missing = new ArrayList<>();
      for (String e : script.requires()) {
        if (!BooleanExpression.evaluate(e, features)) {
          missing.add(e);
        }
      }
      if (!missing.isEmpty()) {
        return result(ResultCode.UNSUPPORTED, "Test requires the following unavailable features: "
            + String.join(", ", missing));
      }
      List<String> unsupported = new ArrayList<>();
      for (String e : script.unsupported()) {
        if (BooleanExpression.evaluate(e, features)) {
          unsupported.add(e);
        }
      }
      if (!unsupported.isEmpty()) {
        return result(ResultCode.UNSUPPORTED,
            "Test does not support the following features and/or targets: "
                + String.join(", ", unsupported));
      }
    } catch (IOException e) {
      return result(ResultCode.UNRESOLVED, "cannot read test: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return result(ResultCode.UNRESOLVED, e.getMessage());
    }

    Path execDir = test.execPath().getParent();
    Path tmpDir = execDir.resolve("Output");
    Path tmpBase = tmpDir.resolve(test.execPath().getFileName());
    List<String[]> lines = new ArrayList<>();
    List<ShCommand> parsed = new ArrayList<>();
    try {
      Files.createDirectories(tmpDir);
      List<Substitution> subs = new ArrayList<>(config.substitutions());
      subs.addAll(defaultSubstitutions(test.sourcePath(), tmpDir, tmpBase));
      for (TestScript.Directive d : script.script()) {
        if (d.kind() != TestScript.Kind.RUN) {
          define(d, subs);
          continue;
        }
        String label = "RUN: at line " + d.line();
        String command = applySubstitutions(d.text(), subs, config.availableFeatures());
        try {
          parsed.add(ShParser.parse(command));
        } catch (IllegalArgumentException e) {
          return result(ResultCode.UNRESOLVED,
              "# shell parser error on " + label + ": " + command.strip() + "\n");
        }
        lines.add(new String[] {label, command});
      }
    } catch (IOException e) {
      return result(ResultCode.UNRESOLVED, "cannot create " + tmpDir + ": " + e.getMessage());
    } catch (IllegalArgumentException e) {
      return result(ResultCode.UNRESOLVED, e.getMessage());
    }

    TestResult r = null;
    for (int attempt = 0; attempt <= script.allowedRetries(); attempt++) {
      r = runScript(config, execDir, lines, parsed, control);
      if (r.code() != ResultCode.FAIL) {
        if (attempt > 0 && r.code() == ResultCode.PASS) {
          r = new TestResult(ResultCode.FLAKYPASS, r.output(), 0);
        }
        break;
      }
    }
    return applyXfail(r, script, config.availableFeatures());
  }

  private TestResult runScript(LitConfig config, Path execDir, List<String[]> lines,
      List<ShCommand> parsed, ExecutionControl control) {
    InternalShell shell = new InternalShell(tools, control, execDir, config.environment(),
        config.pipefail(), timeoutSeconds > 0);
    int rc = 0;
    for (int i = 0; i < lines.size() && rc == 0; i++) {
      rc = shell.runLine(lines.get(i)[0], lines.get(i)[1], parsed.get(i));
      if (control.isCancelled()) {
        break;
      }
    }
    boolean timedOut = control.isCancelled();
    if (timedOut && rc == 0) {
      rc = 1;
    }
    StringBuilder out = new StringBuilder("Exit Code: ").append(rc).append('\n');
    if (timedOut) {
      out.append("Timeout: ").append(timeoutMessage()).append('\n');
    }
    out.append('\n');
    String trace = shell.trace();
    if (!trace.isEmpty()) {
      out.append("Command Output (stdout):\n--\n").append(trace).append("\n--\n");
    }
    ResultCode code = rc == 0 ? ResultCode.PASS : timedOut ? ResultCode.TIMEOUT : ResultCode.FAIL;
    return new TestResult(code, out.toString(), 0);
  }

  private static TestResult applyXfail(TestResult r, TestScript script, Set<String> features) {
    boolean expectedToFail = false;
    try {
      for (String e : script.xfails()) {
        if (e.equals("*") || BooleanExpression.evaluate(e, features)) {
          expectedToFail = true;
          break;
        }
      }
    } catch (IllegalArgumentException e) {
      return new TestResult(ResultCode.UNRESOLVED, "Error in XFAIL list:\n" + e.getMessage(), 0);
    }
    if (expectedToFail && r.code() == ResultCode.PASS) {
      return new TestResult(ResultCode.XPASS, r.output(), 0);
    }
    if (expectedToFail && r.code() == ResultCode.FAIL) {
      return new TestResult(ResultCode.XFAIL, r.output(), 0);
    }
    return r;
  }

  private static TestResult result(ResultCode code, String output) {
    return new TestResult(code, output, 0);
  }

  /** Applies DEFINE/REDEFINE to the substitution list, with lit's checks and wording. */
  private static void define(TestScript.Directive d, List<Substitution> subs) {
    String keyword = d.kind() + ":";
    int eq = d.text().indexOf('=');
    if (eq < 0) {
      throw new IllegalArgumentException("Substitution's definition does not contain '='\nin "
          + keyword + " directive on test line " + d.line());
    }
    String name = d.text().substring(0, eq).strip();
    String value = d.text().substring(eq + 1).strip();
    if (!DEFINE_NAME.matcher(name).matches()) {
      throw new IllegalArgumentException("Substitution name '" + name + "' is malformed as it"
          + " must start with '%{', it must end with '}', and the rest must start with a letter or"
          + " underscore and contain only alphanumeric characters, hyphens, underscores, and"
          + " colons\nin " + keyword + " directive on test line " + d.line());
    }
    List<Integer> existing = new ArrayList<>();
    for (int i = 0; i < subs.size(); i++) {
      if (subs.get(i).key().contains(name)) {
        existing.add(i);
      }
    }
    String where = "'" + keyword + "' directive at line " + d.line();
    if (d.kind() == TestScript.Kind.DEFINE) {
      if (!existing.isEmpty()) {
        throw new IllegalArgumentException("Substitution whose pattern contains '" + name
            + "' is already defined before " + where);
      }
      subs.add(0, Substitution.literal(name, value));
      return;
    }
    if (existing.size() != 1 || !subs.get(existing.get(0)).key().equals(name)) {
      throw new IllegalArgumentException(existing.isEmpty()
          ? "No substitution for '" + name + "' is defined before " + where
          : "Existing substitution whose pattern contains '" + name
              + "' does not have the pattern specified by " + where);
    }
    subs.set(existing.get(0), Substitution.literal(name, value));
  }

  /**
   * Applies the substitutions to one RUN line as lit's {@code processLine} does: {@code %%} is
   * hidden first and becomes {@code %} at the end, each substitution is applied once in order, and
   * surrounding whitespace is stripped. No feature holds for {@code %if}.
   */
  static String applySubstitutions(String line, List<Substitution> subs) {
    return applySubstitutions(line, subs, Set.of());
  }

  /**
   * Applies the substitutions to one RUN line, first resolving {@code %if} substitutions against
   * the features.
   *
   * @throws IllegalArgumentException for a malformed {@code %if}
   */
  static String applySubstitutions(String line, List<Substitution> subs, Set<String> features) {
    String ln = IfSubstitution.apply(line.replace("%%", PERCENT_MARKER), features);
    for (Substitution s : subs) {
      ln = s.apply(ln);
      if (ln.contains("%%")) {
        ln = ln.replace("%%", PERCENT_MARKER);
      }
    }
    return ln.strip().replace(PERCENT_MARKER, "%");
  }

  /** Returns lit's built-in substitutions ({@code getDefaultSubstitutions}), in lit's order. */
  static List<Substitution> defaultSubstitutions(Path source, Path tmpDir, Path tmpBase) {
    List<Substitution> subs = new ArrayList<>();
    String tmpName = tmpBase + ".tmp";
    subs.add(Substitution.literal("%{pathsep}", java.io.File.pathSeparator));
    subs.add(Substitution.literal("%basename_t", tmpBase.getFileName().toString()));
    subs.add(Substitution.literal("%{fs-src-root}", "/"));
    subs.add(Substitution.literal("%{fs-tmp-root}", "/"));
    subs.add(Substitution.literal("%{fs-sep}", "/"));
    subs.add(Substitution.literal("%/et", tmpName));
    String sourceDir = source.getParent().toString();
    String[][] paths = {{"s", source.toString()}, {"S", sourceDir}, {"p", sourceDir},
        {"t", tmpName}, {"T", tmpDir.toString()}};
    for (String[] lp : paths) {
      String letter = lp[0];
      String path = lp[1];
      String real = realPath(path);
      subs.add(Substitution.literal("%" + letter, path));
      subs.add(Substitution.literal("%/" + letter, path));
      subs.add(Substitution.literal("%{" + letter + ":real}", real));
      subs.add(Substitution.literal("%{/" + letter + ":real}", real));
      subs.add(Substitution.literal("%{/" + letter + ":regex_replacement}",
          path.replace("@", "\\@").replace("&", "\\&")));
      subs.add(Substitution.literal("%:" + letter, path.startsWith("/") ? path.substring(1) : path));
    }
    return subs;
  }

  private static String realPath(String path) {
    try {
      return Path.of(path).toRealPath().toString();
    } catch (IOException e) {
      return Path.of(path).toAbsolutePath().normalize().toString();
    }
  }
}
