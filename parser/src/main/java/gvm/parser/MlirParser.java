package gvm.parser;

import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.asm.ParseException;

/** Entry point: parses MLIR assembly into a module. */
public final class MlirParser {
  private MlirParser() {}

  /**
   * Parses a whole buffer. Returns the module (implicit unless the buffer holds exactly one
   * {@code builtin.module}, or with {@code noImplicitModule} the single top-level op).
   *
   * @throws ParseException at the first syntax error, with MLIR's message and a byte offset into
   *     {@code buf.data()}; never any other exception for malformed input
   */
  public static Operation parseModule(Context ctx, SourceBuffer buf, ParseOptions opts) {
    return new OperationParser(ctx, buf, opts).parseTopLevel();
  }
}
