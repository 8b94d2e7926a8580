package gvm.tools.opt;

import gvm.dialect.Dialects;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.asm.ParseException;
import gvm.ir.attributes.Location;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import gvm.ir.verify.Verifier;
import gvm.parser.MlirParser;
import gvm.transforms.instrument.PassTiming;
import gvm.parser.ParseOptions;
import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * One gvm-opt invocation after its options were parsed: MLIR's MlirOptMain. Reads the input (a
 * file or standard input), cuts it into chunks under {@code -split-input-file}, and for each chunk
 * parses, verifies and prints the IR, with diagnostics printed or, under {@code
 * -verify-diagnostics}, checked against the input's expectations. Outputs of chunks are joined by
 * the output split marker. The output file is kept only when everything succeeded.
 */
final class OptDriver {
  private final OptOptions options;
  private final PrintStream stdout, err;
  private final PrintOptions printing;
  /** The execution time report under --mlir-timing (one for all chunks, printed at the end), or null. */
  private final PassTiming timing;
  private final PassRunner passes;

  OptDriver(OptOptions options, PrintStream stdout, PrintStream err) {
    this.options = options;
    this.stdout = stdout;
    this.err = err;
    this.printing = options.printOptions();
    this.timing = options.timing ? new PassTiming(!options.disableThreading) : null;
    this.passes = new PassRunner(options, printing, err, timing);
    if (options.shardReport != null) gvm.transforms.autoshard.AutoShardPass.setDefaultReport(options.shardReport);
  }

  /** Runs the invocation; returns the exit status (0 on success, 1 on any error). */
  int run(InputStream stdin) throws IOException {
    if (options.passPipeline != null && !options.passFlags.isEmpty()) {
      write("<unknown>:0: error: '-pass-pipeline' option can't be used with individual pass options\n");
      return 1;
    }
    SourceFile input = readInput(stdin);
    if (input == null) return 1;
    Path outPath = null;
    OutputStream out;
    if (options.output.equals("-")) {
      out = nonClosing(stdout);
    } else {
      try {
        outPath = Path.of(options.output);
        out = new BufferedOutputStream(Files.newOutputStream(outPath), 1 << 16);
      } catch (IOException | InvalidPathException | UnsupportedOperationException e) {
        write("cannot open output file '" + options.output + "': " + reason(e) + "\n");
        return 1;
      }
    }
    boolean ok = true;
    try {
      String marker = options.splitMarker();
      if (marker == null) {
        ok = processChunk(input, out);
      } else {
        List<SplitInput.Chunk> chunks = SplitInput.split(input, marker, new DiagnosticPrinter(null, input, err));
        for (int i = 0; i < chunks.size(); i++) {
          if (i > 0) out.write((options.outputSplitMarker + "\n").getBytes(StandardCharsets.ISO_8859_1));
          SplitInput.Chunk c = chunks.get(i);
          ok &= processChunk(new SourceFile(c.name(), input.data(), c.begin(), c.end()), out);
        }
      }
    } finally {
      out.close();
      // A failed run leaves no partial output, but never removes a device such as /dev/null
      // (LLVM's ToolOutputFile skips special files too).
      if (!ok && outPath != null && Files.isRegularFile(outPath)) Files.deleteIfExists(outPath);
    }
    if (timing != null)
      write(timing.render(options.timingDisplay.equals("tree") ? PassTiming.Display.TREE : PassTiming.Display.LIST, options.outputFormat.equals("json")));
    return ok ? 0 : 1;
  }

  private SourceFile readInput(InputStream stdin) {
    if (options.input.equals("-")) {
      try {
        byte[] b = stdin.readAllBytes();
        return new SourceFile("<stdin>", b, 0, b.length);
      } catch (IOException e) {
        write("cannot open input file '-': " + reason(e) + "\n");
        return null;
      }
    }
    try {
      byte[] b = Files.readAllBytes(Path.of(options.input));
      return new SourceFile(options.input, b, 0, b.length);
    } catch (IOException | InvalidPathException | OutOfMemoryError e) {
      write("cannot open input file '" + options.input + "': " + reason(e) + "\n");
      return null;
    }
  }

  /** The C library's wording for common I/O failures, as LLVM prints them. */
  private static String reason(Throwable e) {
    if (e instanceof NoSuchFileException) return "No such file or directory";
    if (e instanceof AccessDeniedException) return "Permission denied";
    if (e instanceof InvalidPathException) return "Invalid argument";
    String m = e.getMessage();
    if (m != null && m.contains("Is a directory")) return "Is a directory";
    if (e instanceof OutOfMemoryError) return "Cannot allocate memory";
    return m == null ? e.getClass().getSimpleName() : m;
  }

  /**
   * One buffer: MLIR's processBuffer. Returns false if parsing, verification or the
   * diagnostics check failed.
   */
  private boolean processChunk(SourceFile buf, OutputStream out) throws IOException {
    Context ctx = Dialects.newContext();
    gvm.cuda.Cuda.registerDialect(ctx);
    ctx.allowUnregisteredDialects(options.allowUnregisteredDialect);
    DiagnosticPrinter printer = new DiagnosticPrinter(ctx, buf, err);
    if (!options.verifyDiagnostics) return performActions(ctx, buf, out, printer::print);
    DiagnosticVerifier verifier = new DiagnosticVerifier(printer, buf);
    performActions(ctx, buf, out, verifier::process);
    return verifier.verify();
  }

  /** Parse, verify, print: MLIR's performActions (no passes yet). */
  private boolean performActions(Context ctx, SourceFile buf, OutputStream out, Consumer<Diagnostic> diagnostics) throws IOException {
    long parseStart = System.nanoTime();
    try {
      return performActions(ctx, buf, out, diagnostics, parseStart);
    } finally {
      if (timing != null && !timedParse) timing.phase("Parser", System.nanoTime() - parseStart);
      timedParse = false;
    }
  }

  private boolean timedParse;

  private boolean performActions(Context ctx, SourceFile buf, OutputStream out, Consumer<Diagnostic> diagnostics, long parseStart) throws IOException {
    Operation op;
    try {
      op = MlirParser.parseModule(ctx, buf.buffer(),
          new ParseOptions(options.allowUnregisteredDialect, options.noImplicitModule));
    } catch (ParseException e) {
      diagnostics.accept(parseDiagnostic(buf, e));
      for (ParseException more : e.further()) diagnostics.accept(parseDiagnostic(buf, more));
      return false;
    } catch (DiagnosticException e) {
      diagnostics.accept(e.diagnostic());
      return false;
    }
    Diagnostic failure = new Verifier(ctx, !options.verifyDiagnostics, printing).parallel(!options.disableThreading).verify(op);
    if (failure != null) {
      diagnostics.accept(failure);
      return false;
    }
    if (timing != null) timing.phase("Parser", System.nanoTime() - parseStart);
    timedParse = true;
    if (options.verifyRoundtrip && !verifyRoundtrip(ctx, op, diagnostics)) return false;
    if (!passes.run(ctx, op, options.runReproducer ? PassRunner.reproducerConfig(buf.text()) : null, diagnostics)) return false;
    if (options.dumpCuda != null && !dumpCuda(op, diagnostics)) return false;
    long outputStart = System.nanoTime();
    Writer w = new gvm.ir.print.Latin1Writer(out);
    AsmPrinter.printTopLevel(ctx, op, printing, w);
    w.write('\n');
    w.flush();
    if (timing != null) timing.phase("Output", System.nanoTime() - outputStart);
    return true;
  }

  /** {@code --dump-cuda=DIR}: each cuda.kernel's source as DIR/NAME.cu. */
  private boolean dumpCuda(Operation op, Consumer<Diagnostic> diagnostics) {
    try {
      gvm.cuda.Cuda.dumpKernels(op, options.dumpCuda);
      return true;
    } catch (IOException | RuntimeException e) {
      diagnostics.accept(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "cannot write the CUDA kernels to '" + options.dumpCuda + "': " + reason(e)));
      return false;
    }
  }

  /**
   * MLIR's doVerificationRoundTrip (textual): the op printed in generic form with locations must
   * parse back and print the same.
   */
  private boolean verifyRoundtrip(Context ctx, Operation op, Consumer<Diagnostic> diagnostics) {
    PrintOptions generic = PrintOptions.DEFAULT.withGeneric(true).withDebugInfo(true);
    String reference = AsmPrinter.printOp(ctx, op, generic);
    String text = printTopLevel(ctx, op, generic);
    Operation again;
    try {
      again = MlirParser.parseModule(ctx, roundtripBuffer(text),
          new ParseOptions(options.allowUnregisteredDialect, true));
    } catch (ParseException | DiagnosticException e) {
      diagnostics.accept(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "'" + op.name() + "' op failed to parse textual content back, cannot verify round-trip."));
      return false;
    }
    String roundtrip = AsmPrinter.printOp(ctx, again, generic);
    if (reference.equals(roundtrip)) return true;
    write("\nroundTrip testing roundtripped module differs from reference:\n<<<<<<Reference\n" + reference + "\n=====\n" + roundtrip + "\n>>>>>roundtripped\n");
    diagnostics.accept(new Diagnostic(Diagnostic.Severity.ERROR, op.loc(), "'" + op.name() + "' op roundTrip testing roundtripped module differs from reference"));
    return false;
  }

  private static gvm.parser.SourceBuffer roundtripBuffer(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return new gvm.parser.SourceBuffer("roundtrip", b, 0, b.length);
  }

  private static String printTopLevel(Context ctx, Operation op, PrintOptions p) {
    java.io.StringWriter w = new java.io.StringWriter();
    AsmPrinter.printTopLevel(ctx, op, p, w);
    return w.toString();
  }

  /**
   * The pass manager of {@code -p}/{@code --pass-pipeline} or of the pass flags (MLIR's
   * PassPipelineCLParser), anchored on the top-level op with implicit nesting for flags; null
   * after reporting a malformed pipeline.
   */
  /** A parse error at a byte offset, located as MLIR's lexer locates it (line:column in the chunk). */
  static Diagnostic parseDiagnostic(SourceFile buf, ParseException e) {
    Location at = e.location() != null ? e.location() : locate(buf, e.offset());
    Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, at, e.getMessage());
    for (Object[] note : e.notes()) {
      Location l = note[0] instanceof Location loc ? loc : note[0] instanceof Integer off ? locate(buf, off) : Location.UNKNOWN;
      d.attachNote(l, String.valueOf(note[1]));
    }
    return d;
  }

  private static Location locate(SourceFile buf, int offset) {
    int off = Math.max(buf.begin(), Math.min(offset, buf.end()));
    return new Location.FileLineCol(buf.name(), buf.line(off), buf.column(off));
  }

  private void write(String s) {
    byte[] b = s.getBytes(StandardCharsets.ISO_8859_1);
    err.write(b, 0, b.length);
    err.flush();
  }

  /** A view of {@code out} whose close only flushes (stdout belongs to the caller). */
  private static OutputStream nonClosing(OutputStream out) {
    return new FilterOutputStream(out) {
      @Override public void write(byte[] b, int off, int len) throws IOException { out.write(b, off, len); }

      @Override public void close() throws IOException { out.flush(); }
    };
  }
}
