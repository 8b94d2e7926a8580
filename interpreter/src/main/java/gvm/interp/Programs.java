package gvm.interp;

import gvm.dialect.Dialects;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.asm.ParseException;
import gvm.ir.attributes.Location;
import gvm.ir.format.Formats;
import gvm.ir.verify.Verifier;
import gvm.parser.MlirParser;
import gvm.parser.ParseOptions;
import gvm.parser.SourceBuffer;
import gvm.pass.PassManager;
import gvm.pass.PassPipelineException;
import gvm.pass.PassPipelineParser;
import gvm.transforms.Passes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Loading a program to run: parse and verify MLIR text; failures are located {@link InterpreterException}s. */
public final class Programs {
  private Programs() {}

  /** The verified module of {@code text}, named {@code name} in locations. */
  public static Operation parse(String name, String text) { return parse(name, text.getBytes(StandardCharsets.ISO_8859_1)); }

  public static Operation parse(String name, byte[] data) { return parse(name, data, null); }

  /**
   * The verified module of {@code data} after the pass pipeline {@code pipeline} (textual, e.g.
   * {@code builtin.module(kv-lower-to-paged{page-size=16})}; null for none); a failing pass is a
   * located {@link InterpreterException} with its first error.
   */
  public static Operation parse(String name, byte[] data, String pipeline) { return parse(Dialects.newContext(), name, data, pipeline); }

  /** {@link #parse(String, byte[], String)} in {@code ctx} (to print the module afterwards). */
  public static Operation parse(Context ctx, String name, byte[] data, String pipeline) {
    Formats.install();
    SourceBuffer buf = new SourceBuffer(name, data, 0, data.length);
    Operation module;
    try {
      module = MlirParser.parseModule(ctx, buf, ParseOptions.DEFAULT);
    } catch (ParseException e) {
      int off = Math.max(0, Math.min(e.offset(), data.length));
      throw new InterpreterException(new Location.FileLineCol(name, buf.line(off), buf.column(off)), e.getMessage());
    } catch (DiagnosticException e) {
      throw new InterpreterException(e.diagnostic().loc(), e.diagnostic().message());
    }
    Diagnostic failure = new Verifier(ctx, false, gvm.ir.print.PrintOptions.DEFAULT).verify(module);
    if (failure != null) throw new InterpreterException(failure.loc(), failure.message());
    if (pipeline != null) runPipeline(module, ctx, pipeline);
    return module;
  }

  private static void runPipeline(Operation module, Context ctx, String pipeline) {
    Passes.registerAll();
    PassManager pm;
    try {
      pm = PassManager.of(PassPipelineParser.parse(pipeline));
    } catch (PassPipelineException e) {
      throw new InterpreterException(Location.UNKNOWN, "invalid pass pipeline '" + pipeline + "': " + e.getMessage());
    }
    List<Diagnostic> errors = new ArrayList<>();
    if (!pm.run(module, ctx, d -> {
      if (d.severity() == Diagnostic.Severity.ERROR) errors.add(d);
    })) {
      Diagnostic d = errors.isEmpty() ? new Diagnostic(Diagnostic.Severity.ERROR, Location.UNKNOWN, "pass pipeline '" + pipeline + "' failed") : errors.get(0);
      throw new InterpreterException(d.loc(), d.message());
    }
  }
}
