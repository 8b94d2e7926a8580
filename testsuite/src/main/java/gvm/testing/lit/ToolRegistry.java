package gvm.testing.lit;

import gvm.testing.filecheck.FileCheck;
import gvm.tools.opt.GvmOpt;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The commands that the internal shell runs in-process. Builtins ({@code echo}, {@code cat}, …)
 * match only by their plain name; tools ({@code gvm-opt}, {@code FileCheck}, {@code filecheck},
 * {@code count}, {@code split-file}) also match by file name, so that a config substitution that
 * turns {@code gvm-opt} into {@code /repo/bin/gvm-opt} (which LLVM's lit needs) still runs the Java
 * code in-process. {@code not}, {@code env}, {@code cd} and friends are part of the shell itself.
 */
public final class ToolRegistry {
  private final Map<String, Tool> builtins;
  private final Map<String, Tool> tools;

  private ToolRegistry(Map<String, Tool> builtins, Map<String, Tool> tools) {
    this.builtins = Map.copyOf(builtins);
    this.tools = Map.copyOf(tools);
  }

  /**
   * Returns the registry gvm-lit uses: the builtins plus gvm-opt, gvm-translate, gvm-run,
   * make-checkpoint, FileCheck, count, split-file.
   */
  public static ToolRegistry standard() {
    return builtinsOnly()
        .withTool("gvm-opt", ofMain(GvmOpt::run))
        .withTool("FileCheck", ofMain(FileCheck::run))
        .withTool("filecheck", ofMain(FileCheck::run))
        .withTool("gvm-translate", ofMain((a, in, out, err) -> gvm.tools.translate.GvmTranslate.run(a, out, err)))
        .withTool("gvm-run", ofMain((a, in, out, err) -> gvm.tools.run.GvmRun.run(a, out, err)))
        .withTool("make-checkpoint", ofMain(gvm.testing.checkpoint.MakeCheckpoint::run));
  }

  /** Returns a registry with the shell builtins and count/split-file, but no gvm tools. */
  public static ToolRegistry builtinsOnly() {
    Map<String, Tool> b = new HashMap<>();
    b.put("echo", Builtins::echo);
    b.put("cat", Builtins::cat);
    b.put("diff", Builtins::diff);
    b.put("rm", Builtins::rm);
    b.put("mkdir", Builtins::mkdir);
    b.put("true", call -> 0);
    b.put(":", call -> 0);
    b.put("false", call -> 1);
    Map<String, Tool> t = new HashMap<>();
    t.put("count", Builtins::count);
    t.put("split-file", SplitFile::run);
    return new ToolRegistry(b, t);
  }

  /** Returns a copy of this registry with one more tool, matched by program file name. */
  public ToolRegistry withTool(String name, Tool tool) {
    Map<String, Tool> t = new HashMap<>(tools);
    t.put(name, tool);
    return new ToolRegistry(builtins, t);
  }

  /** Returns the in-process implementation of {@code program}, or null to run a subprocess. */
  public Tool lookup(String program) {
    Tool b = builtins.get(program);
    if (b != null) {
      return b;
    }
    return tools.get(program.substring(program.lastIndexOf('/') + 1));
  }

  /**
   * Adapts a tool's {@code run(args, stdin, stdout, stderr)} entry point. Such a tool resolves
   * relative paths against the JVM's directory, not the shell's, so when a test has changed
   * directory, arguments that name existing files there (and the operand of {@code -o}) are made
   * absolute first.
   */
  public static Tool ofMain(Tool.Main main) {
    return call -> main.run(absolutize(call.args(), call.cwd()).toArray(new String[0]),
        call.stdin(), call.stdout(), call.stderr());
  }

  static List<String> absolutize(List<String> args, Path cwd) {
    if (cwd.equals(Path.of("").toAbsolutePath())) {
      return args;
    }
    List<String> out = new ArrayList<>(args.size());
    String prev = "";
    for (String a : args) {
      String r = a;
      if (!a.isEmpty() && !a.startsWith("/")) {
        if (!a.startsWith("-")) {
          if (prev.equals("-o") || exists(cwd, a)) {
            r = cwd.resolve(a).toString();
          }
        } else {
          int eq = a.indexOf('=');
          if (eq > 0 && eq + 1 < a.length() && a.charAt(eq + 1) != '/'
              && exists(cwd, a.substring(eq + 1))) {
            r = a.substring(0, eq + 1) + cwd.resolve(a.substring(eq + 1));
          }
        }
      }
      out.add(r);
      prev = a;
    }
    return out;
  }

  private static boolean exists(Path cwd, String relative) {
    try {
      return Files.exists(cwd.resolve(relative));
    } catch (InvalidPathException e) {
      return false;
    }
  }
}
