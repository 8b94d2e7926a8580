package gvm.tools.opt;

import gvm.dialect.Dialects;
import gvm.ir.format.Formats;
import gvm.transforms.Passes;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;

/**
 * gvm-opt: reads MLIR assembly, verifies it and prints it back (mirrors mlir-opt: same flags,
 * output and diagnostics). {@link #run} is the in-process entry point; it never exits the JVM,
 * writes only to the streams it is given, keeps no static state, and turns any internal failure
 * into a one-line {@code gvm-opt: internal error: ...} instead of a stack trace.
 */
public final class GvmOpt {
  /** Stack for the worker thread, so that deeply nested input does not overflow. */
  private static final long STACK_BYTES = 512L << 20;
  /** Two lines, as LLVM tools print theirs. */
  static final String VERSION = "gvm version 0.1.0\n  Reads and prints MLIR 19 assembly.";

  private GvmOpt() {}

  public static void main(String[] args) {
    int rc = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.exit(rc);
  }

  /**
   * Runs gvm-opt in-process (the lit runner calls this directly). The work runs on a thread of its
   * own with a large stack.
   *
   * @return the exit status mlir-opt would give: 0 on success, 1 on any error
   */
  public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    Formats.install(); // the custom-form parser and printer (idempotent)
    Passes.registerAll(); // idempotent
    gvm.cuda.Cuda.registerPasses();
    int[] rc = {1};
    Throwable[] failure = {null};
    Thread worker = new Thread(null, () -> {
      try {
        rc[0] = runHere(args, stdin, stdout, stderr);
      } catch (Throwable t) {
        failure[0] = t;
      }
    }, "gvm-opt", STACK_BYTES);
    worker.start();
    try {
      worker.join();
    } catch (InterruptedException e) {
      worker.interrupt();
      Thread.currentThread().interrupt();
      print(stderr, "gvm-opt: interrupted\n");
      return 1;
    }
    if (failure[0] != null) {
      stdout.flush();
      print(stderr, "gvm-opt: internal error: " + describe(failure[0]) + "\n");
      return 1;
    }
    return rc[0];
  }

  /** The failure in one line: its kind, message and where it was thrown. */
  private static String describe(Throwable t) {
    String what = t instanceof StackOverflowError ? "stack overflow (input nested too deeply)"
        : t instanceof OutOfMemoryError ? "out of memory"
        : t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    StackTraceElement[] st = t.getStackTrace();
    if (st.length > 0 && !(t instanceof StackOverflowError)) what += " (in " + st[0].getClassName() + "." + st[0].getMethodName() + ":" + st[0].getLineNumber() + ")";
    return what.replace('\n', ' ');
  }

  private static int runHere(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) throws Exception {
    OptOptions options = new OptOptions();
    CommandLine cmd = new CommandLine(options);
    cmd.setOut(new PrintWriter(stdout, true));
    cmd.setErr(new PrintWriter(stderr, true));
    try {
      cmd.parseArgs(OptOptions.normalize(args, cmd.getCommandSpec(), options.passFlags).toArray(new String[0]));
    } catch (OptOptions.UsageError e) {
      print(stderr, e.getMessage());
      return 1;
    } catch (CommandLine.ParameterException e) {
      print(stderr, "gvm-opt: " + e.getMessage() + "\n");
      return 1;
    }
    if (options.help) {
      print(stdout, usage(cmd));
      return 0;
    }
    if (options.version) {
      print(stdout, VERSION + "\n");
      return 0;
    }
    if (options.listPasses) {
      print(stdout, PassHelp.render());
      return 0;
    }
    if (options.showDialects) {
      print(stdout, "Available Dialects: " + String.join(",", dialectNames()) + "\n");
      return 0;
    }
    return new OptDriver(options, stdout, stderr).run(stdin);
  }

  private static List<String> dialectNames() {
    List<String> names = new ArrayList<>();
    gvm.ir.Context ctx = Dialects.newContext();
    gvm.cuda.Cuda.registerDialect(ctx);
    ctx.dialects().forEach(d -> names.add(d.namespace()));
    names.sort(null);
    return names;
  }

  /** mlir-opt's help layout: overview, dialects, usage, then the options. */
  private static String usage(CommandLine cmd) {
    StringWriter sw = new StringWriter();
    sw.write("OVERVIEW: gvm modular optimizer driver\n\n");
    sw.write("Available Dialects: " + String.join(", ", dialectNames()) + "\n");
    sw.write("USAGE: gvm-opt [options] <input file>\n\nOPTIONS:\n\n");
    sw.write(cmd.getHelp().optionList());
    sw.write("\n" + PassHelp.render());
    return sw.toString();
  }

  private static void print(PrintStream s, String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    s.write(b, 0, b.length);
    s.flush();
  }
}
