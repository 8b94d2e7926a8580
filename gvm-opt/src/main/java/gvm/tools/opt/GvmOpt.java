package gvm.tools.opt;

import java.io.InputStream;
import java.io.PrintStream;

/** gvm-opt: reads MLIR assembly, runs passes, prints the result (mirrors mlir-opt). */
public final class GvmOpt {
  private GvmOpt() {}

  public static void main(String[] args) {
    int rc = run(args, System.in, System.out, System.err);
    System.out.flush();
    System.exit(rc);
  }

  /**
   * Runs gvm-opt in-process (the lit runner calls this directly).
   *
   * @return the exit status mlir-opt would give: 0 on success, 1 on any error
   */
  public static int run(String[] args, InputStream stdin, PrintStream stdout, PrintStream stderr) {
    stderr.println("gvm-opt: not implemented yet");
    return 1;
  }
}
