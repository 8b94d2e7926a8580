package gvm.rewrite;

import gvm.dialect.Dialects;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.format.Formats;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import gvm.parser.MlirParser;
import gvm.parser.ParseOptions;
import gvm.parser.SourceBuffer;

/** Parses and prints modules for the rewrite tests. */
public final class RewriteTestSupport {
  private RewriteTestSupport() {}

  public static Context context() {
    Formats.install();
    return Dialects.newContext();
  }

  public static Operation parse(Context ctx, String text) { return MlirParser.parseModule(ctx, SourceBuffer.of("test.mlir", text), ParseOptions.DEFAULT); }

  public static String print(Context ctx, Operation op) { return AsmPrinter.printOp(ctx, op, PrintOptions.DEFAULT).strip(); }
}
