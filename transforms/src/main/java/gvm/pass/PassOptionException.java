package gvm.pass;

/**
 * A malformed option value. LLVM's option parser prints such errors itself, prefixed by the
 * tool's name ({@code mlir-opt: for the --max-iterations option: 'abc' value invalid for long
 * argument!}), and hands MLIR an empty error text: so {@link #getMessage} is empty and {@link
 * #clMessage} holds LLVM's line.
 */
public final class PassOptionException extends IllegalArgumentException {
  private final String clMessage;

  public PassOptionException(String clMessage) {
    super("");
    this.clMessage = clMessage;
  }

  /** LLVM's message, without the tool prefix. */
  public String clMessage() { return clMessage; }
}
