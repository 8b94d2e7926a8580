package gvm.testing.lit;

import gvm.testing.lit.ShCommand.Command;
import gvm.testing.lit.ShCommand.Pipeline;
import gvm.testing.lit.ShCommand.Redirect;
import gvm.testing.lit.ShCommand.Seq;
import gvm.testing.lit.ShCommand.Word;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs parsed RUN lines the way LLVM lit's internal shell does ({@code _executeShCmd}), without a
 * system shell. The stages of a pipeline run one after another, each reading the bytes the one
 * before wrote, so in-process tools hand their output over in memory. In-process tools come from a
 * {@link ToolRegistry}; any other program runs as a subprocess with the test's environment.
 *
 * <p>Semantics worth knowing: pipelines fail if any stage fails ({@code pipefail}, lit's default);
 * {@code ;}, {@code &&} and {@code ||} bind equally, left to right; {@code not} inverts an exit
 * status, but a crash stays a failure unless it is {@code not --crash}; an in-process tool that
 * throws counts as a crash (exit status {@value #CRASH_STATUS}), as does a subprocess killed by a
 * signal. Each RUN line's commands and outputs are logged in lit's format into {@link #trace()}.
 */
final class InternalShell {
  /** The exit status reported for an in-process tool that threw, like a shell reports SIGABRT. */
  static final int CRASH_STATUS = 134;

  private static final byte[] EMPTY = new byte[0];

  /** An internal shell error (lit's InternalShellError): the script stops with status 127. */
  static final class ShellError extends Exception {
    final List<String> args;

    ShellError(List<String> args, String message) {
      super(message);
      this.args = args;
    }
  }

  /** Where a file descriptor points: a capture buffer, or a file. */
  private static final class Sink {
    final Path file;
    final boolean append;
    final ByteArrayOutputStream buffer;

    Sink(Path file, boolean append) {
      this.file = file;
      this.append = append;
      this.buffer = file == null ? new ByteArrayOutputStream() : null;
    }
  }

  /** What one command did, for the log. */
  private record Result(List<String> args, String stdout, String stderr, int exitCode,
      List<Sink> files) {}

  private final ToolRegistry tools;
  private final ExecutionControl control;
  private final boolean pipefail;
  private final Map<String, String> env;
  private final Deque<Path> dirStack = new ArrayDeque<>();
  private final StringBuilder trace = new StringBuilder();
  private final boolean showAllCommands;
  private Path cwd;

  /**
   * @param cwd the directory commands start in
   * @param env the environment of subprocesses
   * @param showAllCommands log the outputs of commands that succeeded silently too (lit does
   *     when a timeout is set)
   */
  InternalShell(ToolRegistry tools, ExecutionControl control, Path cwd, Map<String, String> env,
      boolean pipefail, boolean showAllCommands) {
    this.tools = tools;
    this.control = control;
    this.cwd = cwd;
    this.env = new LinkedHashMap<>(env);
    this.pipefail = pipefail;
    this.showAllCommands = showAllCommands;
  }

  /** Returns the log so far: each RUN line, each command executed, and what it printed. */
  String trace() {
    return trace.toString();
  }

  /**
   * Runs one RUN line after logging it as lit does ({@code # RUN: at line N} and the command).
   *
   * @return its exit status; 127 after an internal shell error
   */
  int runLine(String label, String commandLine, ShCommand parsed) {
    trace.append("# ").append(label).append('\n').append(commandLine.strip()).append('\n');
    List<Result> results = new ArrayList<>();
    int rc;
    try {
      rc = execute(parsed, results);
    } catch (ShellError e) {
      results.add(new Result(e.args, "", e.getMessage() + "\n", 127, List.of()));
      rc = 127;
    }
    log(results);
    return rc;
  }

  private int execute(ShCommand cmd, List<Result> results) throws ShellError {
    if (control.isCancelled()) {
      return 1;
    }
    if (cmd instanceof Seq seq) {
      switch (seq.op()) {
        case ";":
          execute(seq.lhs(), results);
          return execute(seq.rhs(), results);
        case "&&": {
          int rc = execute(seq.lhs(), results);
          return rc == 0 ? execute(seq.rhs(), results) : rc;
        }
        case "||": {
          int rc = execute(seq.lhs(), results);
          return rc != 0 ? execute(seq.rhs(), results) : rc;
        }
        default:
          throw new ShellError(List.of(seq.op()),
              "unsupported shell operator: '" + seq.op() + "'");
      }
    }
    return runPipeline((Pipeline) cmd, results);
  }

  private int runPipeline(Pipeline p, List<Result> results) throws ShellError {
    byte[] input = EMPTY;
    int exitCode = 0;
    List<Command> commands = p.commands();
    for (int i = 0; i < commands.size(); i++) {
      if (control.isCancelled()) {
        return exitCode == 0 ? 1 : exitCode;
      }
      boolean last = i == commands.size() - 1;
      Command c = commands.get(i);
      Sink pipe = new Sink(null, false);
      Result r = runCommand(c, input, pipe);
      // what reached the pipe feeds the next stage (a shell builtin such as cd writes nothing)
      input = pipe.buffer.toByteArray();
      if (r == null) {
        continue;
      }
      if (!last) {
        r = new Result(r.args, "", r.stderr, r.exitCode, r.files);
      }
      results.add(r);
      if (pipefail) {
        if (exitCode == 0 || r.exitCode != 0) {
          exitCode = r.exitCode;
        }
      } else {
        exitCode = r.exitCode;
      }
    }
    return exitCode;
  }

  /** Peels {@code env}, {@code not} and {@code !} off a command, then runs it. */
  private Result runCommand(Command c, byte[] input, Sink pipe) throws ShellError {
    List<String> original = c.argStrings();
    List<Word> words = new ArrayList<>(c.args());
    Map<String, String> cmdEnv = env;
    List<String> nots = new ArrayList<>();
    while (true) {
      String head = words.get(0).text();
      if (head.equals("env")) {
        cmdEnv = new LinkedHashMap<>(cmdEnv);
        words.remove(0);
        while (!words.isEmpty()) {
          String a = words.get(0).text();
          if (a.equals("-u") && words.size() > 1) {
            cmdEnv.remove(words.get(1).text());
            words.remove(0);
            words.remove(0);
          } else if (a.indexOf('=') > 0) {
            cmdEnv.put(a.substring(0, a.indexOf('=')), a.substring(a.indexOf('=') + 1));
            words.remove(0);
          } else {
            break;
          }
        }
        if (words.isEmpty()) {
          throw new ShellError(original, "Error: 'env' requires a subcommand");
        }
      } else if (head.equals("not") || head.endsWith("/not") || head.equals("!")) {
        words.remove(0);
        String kind = head.equals("!") ? "!" : "not";
        if (!head.equals("!") && !words.isEmpty() && words.get(0).text().equals("--crash")) {
          words.remove(0);
          kind = "not --crash";
        }
        nots.add(kind);
        if (words.isEmpty()) {
          throw new ShellError(original, "Error: '" + head + "' requires a subcommand");
        }
      } else {
        break;
      }
    }
    String program = words.get(0).text();
    if (runShellBuiltin(program, words, original)) {
      return null;
    }
    List<String> args = new ArrayList<>();
    for (Word w : words.subList(1, words.size())) {
      args.addAll(expandGlob(w));
    }

    // redirections, applied left to right as a shell does
    Sink errCapture = new Sink(null, false);
    Sink[] fds = {null, pipe, errCapture};
    Path stdinFile = null;
    for (Redirect r : c.redirects()) {
      String target = r.target().text();
      int fd = r.fd();
      switch (r.op()) {
        case ">", ">>" -> {
          if (fd != -1 && fd != 1 && fd != 2) {
            throw new ShellError(original, "Unsupported redirect: " + r);
          }
          fds[fd == 2 ? 2 : 1] = new Sink(cwd.resolve(target), r.op().equals(">>"));
        }
        case ">&" -> {
          if (target.equals("1") || target.equals("2")) {
            fds[fd == 2 ? 2 : 1] = fds[Integer.parseInt(target)];
          } else if (fd == -1) {
            fds[1] = fds[2] = new Sink(cwd.resolve(target), false);
          } else {
            throw new ShellError(original, "Unsupported redirect: " + r);
          }
        }
        case "&>" -> fds[1] = fds[2] = new Sink(cwd.resolve(target), false);
        case "<" -> {
          if (fd != -1 && fd != 0) {
            throw new ShellError(original, "Unsupported redirect: " + r);
          }
          stdinFile = cwd.resolve(target);
        }
        default -> throw new ShellError(original, "Unsupported redirect: " + r);
      }
    }

    Tool tool = tools.lookup(program);
    int[] status;
    if (tool != null) {
      status = runInProcess(tool, args, cmdEnv, input, stdinFile, fds[1], fds[2]);
    } else {
      status = runSubprocess(program, args, cmdEnv, input, stdinFile, fds[1], fds[2]);
    }
    int rc = status[0];
    boolean crashed = status[1] != 0;
    for (int k = nots.size() - 1; k >= 0; k--) {
      switch (nots.get(k)) {
        case "!" -> rc = rc == 0 ? 1 : 0;
        case "not --crash" -> rc = crashed ? 0 : 1;
        default -> rc = crashed ? 1 : rc == 0 ? 1 : 0;
      }
      crashed = false;
    }
    String stdout = text(pipe.buffer);
    String stderr = text(errCapture.buffer);
    List<Sink> files = new ArrayList<>();
    for (Sink s : new Sink[] {fds[1], fds[2]}) {
      if (s.file != null && !files.contains(s)) {
        files.add(s);
      }
    }
    return new Result(original, stdout, stderr, rc, files);
  }

  /** Runs cd, pushd, popd and export, which change the shell itself. */
  private boolean runShellBuiltin(String program, List<Word> words, List<String> original)
      throws ShellError {
    switch (program) {
      case "cd":
      case "pushd":
        if (words.size() != 2) {
          throw new ShellError(original, "'" + program + "' supports only one argument");
        }
        if (program.equals("pushd")) {
          dirStack.push(cwd);
        }
        cwd = cwd.resolve(words.get(1).text()).normalize();
        return true;
      case "popd":
        if (dirStack.isEmpty()) {
          throw new ShellError(original, "popd: directory stack empty");
        }
        cwd = dirStack.pop();
        return true;
      case "export":
        for (Word w : words.subList(1, words.size())) {
          int eq = w.text().indexOf('=');
          if (eq > 0) {
            env.put(w.text().substring(0, eq), w.text().substring(eq + 1));
          }
        }
        return true;
      default:
        return false;
    }
  }

  /** Returns {exit status, crashed ? 1 : 0}. */
  private int[] runInProcess(Tool tool, List<String> args, Map<String, String> cmdEnv,
      byte[] input, Path stdinFile, Sink out, Sink err) throws ShellError {
    Map<Sink, OutputStream> open = new IdentityHashMap<>();
    InputStream stdin = null;
    try {
      stdin = stdinFile != null ? Files.newInputStream(stdinFile) : new ByteArrayInputStream(input);
      PrintStream o = new PrintStream(open(out, open), false, StandardCharsets.UTF_8);
      PrintStream e = out == err ? o : new PrintStream(open(err, open), false,
          StandardCharsets.UTF_8);
      int rc;
      boolean crashed = false;
      try {
        rc = tool.run(new Tool.Invocation(List.copyOf(args), cwd, cmdEnv, stdin, o, e));
      } catch (Throwable t) {
        if (t instanceof InterruptedException || control.isCancelled()) {
          Thread.currentThread().interrupt();
        }
        e.println("gvm-lit: in-process tool crashed: " + t);
        for (StackTraceElement el : t.getStackTrace()) {
          e.println("\tat " + el);
        }
        rc = CRASH_STATUS;
        crashed = true;
      }
      o.flush();
      e.flush();
      return new int[] {rc, crashed ? 1 : 0};
    } catch (IOException ex) {
      throw new ShellError(args, "cannot open redirect: " + ex.getMessage());
    } finally {
      closeQuietly(stdin);
      for (Map.Entry<Sink, OutputStream> entry : open.entrySet()) {
        if (entry.getKey().file != null) {
          closeQuietly(entry.getValue());
        }
      }
    }
  }

  private static OutputStream open(Sink s, Map<Sink, OutputStream> open) throws IOException {
    OutputStream os = open.get(s);
    if (os == null) {
      os = s.file != null ? new FileOutputStream(s.file.toFile(), s.append) : s.buffer;
      open.put(s, os);
    }
    return os;
  }

  private static void closeQuietly(AutoCloseable c) {
    if (c != null) {
      try {
        c.close();
      } catch (Exception ignored) {
        // nothing useful to do: the command has finished
      }
    }
  }

  /** Returns {exit status, crashed ? 1 : 0}. */
  private int[] runSubprocess(String program, List<String> args, Map<String, String> cmdEnv,
      byte[] input, Path stdinFile, Sink out, Sink err) throws ShellError {
    Path exe = findExecutable(program, cmdEnv);
    if (exe == null) {
      throw new ShellError(argv(program, args), "'" + program + "': command not found");
    }
    List<String> argv = new ArrayList<>();
    argv.add(exe.toString());
    argv.addAll(args);
    ProcessBuilder pb = new ProcessBuilder(argv).directory(cwd.toFile());
    pb.environment().clear();
    pb.environment().putAll(cmdEnv);
    if (stdinFile != null) {
      pb.redirectInput(stdinFile.toFile());
    }
    if (out.file != null) {
      pb.redirectOutput(out.append ? ProcessBuilder.Redirect.appendTo(out.file.toFile())
          : ProcessBuilder.Redirect.to(out.file.toFile()));
    }
    if (err == out) {
      pb.redirectErrorStream(true);
    } else if (err.file != null) {
      pb.redirectError(err.append ? ProcessBuilder.Redirect.appendTo(err.file.toFile())
          : ProcessBuilder.Redirect.to(err.file.toFile()));
    }
    Process proc;
    try {
      proc = pb.start();
    } catch (IOException e) {
      throw new ShellError(argv(program, args),
          "'" + program + "': could not create process: " + e.getMessage());
    }
    control.register(proc);
    try {
      List<Thread> pumps = new ArrayList<>();
      if (stdinFile == null) {
        pumps.add(pump(new ByteArrayInputStream(input), proc.getOutputStream(), true));
      }
      if (out.file == null) {
        pumps.add(pump(proc.getInputStream(), out.buffer, false));
      }
      if (err != out && err.file == null) {
        pumps.add(pump(proc.getErrorStream(), err.buffer, false));
      }
      int rc = proc.waitFor();
      for (Thread t : pumps) {
        t.join();
      }
      return new int[] {rc, rc > 128 ? 1 : 0};
    } catch (InterruptedException e) {
      proc.descendants().forEach(ProcessHandle::destroyForcibly);
      proc.destroyForcibly();
      Thread.currentThread().interrupt();
      return new int[] {1, 0};
    } finally {
      control.unregister(proc);
    }
  }

  private static List<String> argv(String program, List<String> args) {
    List<String> out = new ArrayList<>();
    out.add(program);
    out.addAll(args);
    return out;
  }

  private static Thread pump(InputStream from, OutputStream to, boolean closeTo) {
    Thread t = new Thread(() -> {
      try {
        if (to instanceof ByteArrayOutputStream) {
          byte[] buf = new byte[8192];
          int n;
          while ((n = from.read(buf)) > 0) {
            synchronized (to) {
              to.write(buf, 0, n);
            }
          }
        } else {
          from.transferTo(to);
        }
      } catch (IOException ignored) {
        // the process went away: what was read so far is what it wrote
      } finally {
        if (closeTo) {
          closeQuietly(to);
        }
      }
    }, "gvm-lit-pipe");
    t.setDaemon(true);
    t.start();
    return t;
  }

  private Path findExecutable(String program, Map<String, String> cmdEnv) {
    if (program.contains("/")) {
      Path p = cwd.resolve(program);
      return Files.isExecutable(p) && !Files.isDirectory(p) ? p : null;
    }
    String path = cmdEnv.getOrDefault("PATH", "");
    for (String dir : path.split(File.pathSeparator)) {
      if (dir.isEmpty()) {
        continue;
      }
      Path p = cwd.resolve(dir).resolve(program);
      if (Files.isExecutable(p) && !Files.isDirectory(p)) {
        return p;
      }
    }
    return null;
  }

  private List<String> expandGlob(Word w) {
    if (!w.glob()) {
      return List.of(w.text());
    }
    List<String> matches = Glob.expand(cwd, w.text());
    return matches.isEmpty() ? List.of(w.text()) : matches;
  }

  private static String text(ByteArrayOutputStream b) {
    return b.toString(StandardCharsets.UTF_8);
  }

  // ---- the log, in lit's format (executeScriptInternal) ----------------------------------

  private void log(List<Result> results) {
    for (Result r : results) {
      trace.append("# executed command: ");
      int bangs = 0;
      while (bangs < r.args.size() && r.args.get(bangs).equals("!")) {
        trace.append("! ");
        bangs++;
      }
      for (int i = bangs; i < r.args.size(); i++) {
        trace.append(i > bangs ? " " : "").append(shellQuote(r.args.get(i)));
      }
      trace.append('\n');
      boolean quiet = r.stdout.isBlank() && r.stderr.isBlank();
      if (!showAllCommands && r.exitCode == 0 && quiet) {
        continue;
      }
      if (r.exitCode != 0) {
        for (Sink s : r.files) {
          try {
            if (Files.isRegularFile(s.file)) {
              String data = new String(Files.readAllBytes(s.file), StandardCharsets.UTF_8);
              formatOutput("redirected output from '" + s.file + "'", data, 1024);
            }
          } catch (IOException ignored) {
            // the file went away; nothing to show
          }
        }
      }
      formatOutput("command stdout", r.stdout, -1);
      formatOutput("command stderr", r.stderr, -1);
      if (quiet) {
        trace.append("# note: command had no output on stdout or stderr\n");
      }
      if (r.exitCode != 0) {
        trace.append("# error: command failed with exit status: ").append(r.exitCode)
            .append('\n');
      }
    }
  }

  private void formatOutput(String title, String data, int limit) {
    if (data.isBlank()) {
      return;
    }
    String msg = "";
    if (limit >= 0 && data.length() > limit) {
      data = data.substring(0, limit) + "\n...\n";
      msg = "data was truncated";
    }
    trace.append("# .---").append(title).append("-".repeat(Math.max(0, 26 - title.length())))
        .append('\n');
    trace.append("# | ").append(String.join("\n# | ", data.split("\r\n|\r|\n"))).append('\n');
    trace.append("# `---").append(msg).append("-".repeat(Math.max(0, 26 - msg.length())))
        .append('\n');
  }

  /** Quotes like Python's shlex.quote, which lit uses to log commands. */
  static String shellQuote(String s) {
    if (s.isEmpty()) {
      return "''";
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(Character.isLetterOrDigit(c) || "@%+=:,./-_".indexOf(c) >= 0) || c > 127) {
        return "'" + s.replace("'", "'\"'\"'") + "'";
      }
    }
    return s;
  }
}
