package gvm.testing.lit;

import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A command that the internal shell runs in-process instead of as a subprocess. It must write
 * only to the streams of its {@link Invocation} (never to {@code System.out}/{@code System.err}),
 * so that tests can run on many threads at once.
 */
@FunctionalInterface
public interface Tool {

  /**
   * One call of a tool.
   *
   * @param args the arguments, without the program name
   * @param cwd the shell's current directory, against which relative paths resolve
   * @param env the environment the command would get as a subprocess
   */
  record Invocation(List<String> args, Path cwd, Map<String, String> env, InputStream stdin,
      PrintStream stdout, PrintStream stderr) {
    /** Returns {@code path} resolved against the shell's current directory. */
    public Path resolve(String path) {
      return cwd.resolve(path);
    }
  }

  /** The shape of the tools' own entry points, e.g. {@code GvmOpt.run}. */
  @FunctionalInterface
  interface Main {
    /**
     * Runs the tool.
     *
     * @return its exit status
     */
    int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr)
        throws Exception;
  }

  /**
   * Runs the tool.
   *
   * @return its exit status
   * @throws Exception any failure, which the shell reports as a crash
   */
  int run(Invocation call) throws Exception;
}
