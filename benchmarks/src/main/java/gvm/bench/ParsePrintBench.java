package gvm.bench;

import gvm.dialect.Dialects;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.ir.format.Formats;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import gvm.ir.verify.Verifier;
import gvm.parser.MlirParser;
import gvm.parser.ParseOptions;
import gvm.parser.SourceBuffer;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The parser and printer in-process, on a file from {@code benchmarks/gen-mlir.py} (the same
 * generator {@code vs-mlir-opt.sh} races against mlir-opt-19). {@code parse} is what mlir-opt does
 * before printing: parse and verify. Each op reports MiB of input per second via its time.
 *
 * <pre>benchmarks/jmh.sh ParsePrintBench -p sizeMb=10</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgsAppend = {"-Xss16m", "-XX:+UseParallelGC"})
public class ParsePrintBench {
  /** Input size in MiB; the file is generated (seed 1) when missing. */
  @Param({"1"})
  public int sizeMb;

  /** Leave out the mesh dialect (for builds without it). */
  @Param({"false"})
  public boolean noMesh;

  private Context ctx;
  private byte[] input;
  private String name;
  private Operation parsed;

  @Setup(Level.Trial)
  public void setUp() throws IOException, InterruptedException {
    Formats.install();
    ctx = Dialects.newContext();
    Path file = BenchInputs.generated(sizeMb, noMesh);
    name = file.getFileName().toString();
    input = Files.readAllBytes(file);
    parsed = parseAndVerify();
  }

  private Operation parseAndVerify() {
    Operation op = MlirParser.parseModule(ctx, new SourceBuffer(name, input, 0, input.length), ParseOptions.DEFAULT);
    Diagnostic d = new Verifier(ctx).verify(op);
    if (d != null) throw new IllegalStateException("generated input does not verify: " + d.message());
    return op;
  }

  @Benchmark
  public Operation parse() { return parseAndVerify(); }

  @Benchmark
  public long print() throws IOException { return printTo(parsed, PrintOptions.DEFAULT); }

  @Benchmark
  public long printGeneric() throws IOException { return printTo(parsed, PrintOptions.DEFAULT.withGeneric(true)); }

  @Benchmark
  public long parseAndPrint() throws IOException { return printTo(parseAndVerify(), PrintOptions.DEFAULT); }

  private long printTo(Operation op, PrintOptions opts) throws IOException {
    CountingWriter w = new CountingWriter();
    AsmPrinter.printTopLevel(ctx, op, opts, w);
    return w.count;
  }

  /** Discards what it is given, counting chars (so the printing cannot be optimised away). */
  static final class CountingWriter extends Writer {
    long count;

    @Override public void write(char[] cbuf, int off, int len) { count += len; }

    @Override public void write(String s) { count += s.length(); }

    @Override public Writer append(CharSequence csq) {
      count += csq.length();
      return this;
    }

    @Override public void flush() {}

    @Override public void close() {}
  }
}
