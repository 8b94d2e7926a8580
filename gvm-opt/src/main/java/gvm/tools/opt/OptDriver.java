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
import gvm.pass.OpPassManager;
import gvm.pass.Pass;
import gvm.transforms.instrument.IRPrinting;
import java.util.function.Predicate;
import gvm.pass.PassManager;
import gvm.pass.PassOptionException;
import gvm.pass.PassPipelineException;
import gvm.pass.PassPipelineParser;
import gvm.pass.PassRegistry;
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

  OptDriver(OptOptions options, PrintStream stdout, PrintStream err) {
    this.options = options;
    this.stdout = stdout;
    this.err = err;
    this.printing = options.printOptions();
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
      if (!ok && outPath != null) Files.deleteIfExists(outPath);
    }
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
    ctx.allowUnregisteredDialects(options.allowUnregisteredDialect);
    DiagnosticPrinter printer = new DiagnosticPrinter(ctx, buf, err);
    if (!options.verifyDiagnostics) return performActions(ctx, buf, out, printer::print);
    DiagnosticVerifier verifier = new DiagnosticVerifier(printer, buf);
    performActions(ctx, buf, out, verifier::process);
    return verifier.verify();
  }

  /** Parse, verify, print: MLIR's performActions (no passes yet). */
  private boolean performActions(Context ctx, SourceFile buf, OutputStream out, Consumer<Diagnostic> diagnostics) throws IOException {
    Operation op;
    try {
      op = MlirParser.parseModule(ctx, buf.buffer(),
          new ParseOptions(options.allowUnregisteredDialect, options.noImplicitModule));
    } catch (ParseException e) {
      diagnostics.accept(parseDiagnostic(buf, e));
      return false;
    } catch (DiagnosticException e) {
      diagnostics.accept(e.diagnostic());
      return false;
    }
    Diagnostic failure = new Verifier(ctx, !options.verifyDiagnostics, printing).verify(op);
    if (failure != null) {
      diagnostics.accept(failure);
      return false;
    }
    PassManager pm = buildPassManager(ctx, op, diagnostics);
    if (pm == null) return false;
    if (options.dumpPassPipeline) write("Pass Manager with " + pm.size() + " passes:\n" + pm.printAsTextualPipeline() + "\n\n");
    if (!pm.run(op, ctx, diagnostics)) return false;
    Writer w = new gvm.ir.print.Latin1Writer(out);
    AsmPrinter.printTopLevel(ctx, op, printing, w);
    w.write('\n');
    w.flush();
    return true;
  }

  /**
   * The pass manager of {@code -p}/{@code --pass-pipeline} or of the pass flags (MLIR's
   * PassPipelineCLParser), anchored on the top-level op with implicit nesting for flags; null
   * after reporting a malformed pipeline.
   */
  private boolean printsIr() {
    return options.printIrBeforeAll || options.printIrAfterAll || options.printIrAfterFailure
        || !options.printIrBefore.isEmpty() || !options.printIrAfter.isEmpty();
  }

  private PassManager buildPassManager(Context ctx, Operation top, Consumer<Diagnostic> diagnostics) {
    PassManager pm;
    try {
      if (options.passPipeline != null) {
        pm = PassManager.of(PassPipelineParser.parse(options.passPipeline));
      } else {
        pm = new PassManager(top.name(), OpPassManager.Nesting.IMPLICIT);
        for (String[] flag : options.passFlags) {
          try {
            PassRegistry.lookup(flag[0]).addToPipeline(pm, flag[1]);
          } catch (PassOptionException e) {
            throw new PassPipelineException("", e.clMessage());
          } catch (IllegalArgumentException e) {
            throw new PassPipelineException(e.getMessage());
          }
        }
      }
    } catch (PassPipelineException e) {
      if (e.clMessage() != null) write("gvm-opt: " + e.clMessage() + "\n");
      diagnostics.accept(new Diagnostic(Diagnostic.Severity.ERROR, Location.UNKNOWN, e.getMessage()));
      return null;
    }
    pm.enableVerifier(options.verifyEach);
    pm.enableThreading(!options.disableThreading);
    pm.setDiagnosticPrinting(!options.verifyDiagnostics, printing);
    pm.setErrorStream(err);
    if (printsIr()) {
      Predicate<Pass> before = options.printIrBeforeAll ? p -> true : IRPrinting.byArgument(options.printIrBefore);
      Predicate<Pass> after = options.printIrAfterAll || options.printIrAfterFailure ? p -> true : IRPrinting.byArgument(options.printIrAfter);
      pm.addInstrumentation(new IRPrinting(new IRPrinting.Config(before, after, options.printIrAfterChange, options.printIrAfterFailure,
          options.printIrModuleScope, options.printIrTreeDir == null ? null : Path.of(options.printIrTreeDir)), ctx, printing, err));
    }
    return pm;
  }

  /** A parse error at a byte offset, located as MLIR's lexer locates it (line:column in the chunk). */
  static Diagnostic parseDiagnostic(SourceFile buf, ParseException e) {
    Diagnostic d = new Diagnostic(Diagnostic.Severity.ERROR, locate(buf, e.offset()), e.getMessage());
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
