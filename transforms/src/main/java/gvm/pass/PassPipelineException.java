package gvm.pass;

/**
 * A pass pipeline that could not be parsed or built. The message is what MLIR writes to its error
 * stream (it may span lines, e.g. a located parser error with the pipeline text and a caret);
 * mlir-opt reports it as {@code <unknown>:0: error: MESSAGE}.
 */
public final class PassPipelineException extends Exception {
  private final String clMessage;

  public PassPipelineException(String message) { this(message, null); }

  /** @param clMessage LLVM's option-parser line the tool prints first, or null */
  public PassPipelineException(String message, String clMessage) {
    super(message, null, false, false);
    this.clMessage = clMessage;
  }

  /** The line LLVM's option parser printed, prefixed by the tool name, before the error; or null. */
  public String clMessage() { return clMessage; }
}
