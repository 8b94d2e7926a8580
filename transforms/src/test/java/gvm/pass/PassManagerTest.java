package gvm.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.Dialects;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.ir.def.Trait;
import gvm.parser.MlirParser;
import gvm.parser.ParseOptions;
import gvm.parser.SourceBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Scheduling, ordering and failure handling of the pass manager, on parsed IR. */
class PassManagerTest {
  static {
    gvm.ir.format.Formats.install();
  }

  private final Context ctx = Dialects.newContext();

  private Operation parse(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    return MlirParser.parseModule(ctx, new SourceBuffer("in.mlir", b, 0, b.length), new ParseOptions(false, false));
  }

  /** Records the ops it ran on, in the order the runs started. */
  static final class Recorder extends Pass {
    final List<String> seen = Collections.synchronizedList(new ArrayList<>());

    Recorder(String anchor) { super("Recorder", "test-recorder", "records", anchor); }

    @Override public void runOnOperation(Operation op, PassContext ctx) {
      seen.add(op.name() + (op.attr("sym_name") != null || op.prop("sym_name") != null ? ":" + op.prop("sym_name") : ""));
    }
  }

  /** Only symbol tables. */
  static final class TablesOnly extends Pass {
    TablesOnly() { super("TablesOnly", "test-tables-only", "", null); }

    @Override public boolean canScheduleOn(Operation op) { return op.hasTrait(Trait.SYMBOL_TABLE); }

    @Override public void runOnOperation(Operation op, PassContext ctx) {}
  }

  @Test void mergedNestedPipelinesRunPassAfterPassPerFunction() {
    Operation m = parse("func.func @a() { return }\nfunc.func @b() { return }\n");
    PassManager pm = new PassManager("builtin.module");
    Recorder first = new Recorder("func.func"), second = new Recorder("func.func");
    pm.nest("func.func").addPass(first);
    pm.nest("func.func").addPass(second);
    pm.enableThreading(false);
    List<Diagnostic> diags = new ArrayList<>();
    assertTrue(pm.run(m, ctx, diags::add));
    assertEquals("builtin.module(func.func(test-recorder,test-recorder))", pm.printAsTextualPipeline());
    assertEquals(2, first.seen.size());
    assertEquals(2, second.seen.size());
  }

  @Test void canScheduleOnIsChecked() {
    Operation m = parse("func.func @a() { return }\n");
    PassManager pm = new PassManager("builtin.module");
    pm.nest("func.func").addPass(new TablesOnly());
    List<Diagnostic> diags = new ArrayList<>();
    assertFalse(pm.run(m, ctx, diags::add));
    assertEquals("unable to schedule pass 'TablesOnly' on a PassManager intended to run on 'func.func'!", diags.get(0).message());
  }

  @Test void nestingOnANonIsolatedOpIsRefused() {
    Operation m = parse("func.func @a() { return }\n");
    PassManager pm = new PassManager("builtin.module");
    pm.nest("func.func").nest("func.return").addPass(new Recorder(null));
    List<Diagnostic> diags = new ArrayList<>();
    assertFalse(pm.run(m, ctx, diags::add));
    assertEquals("'func.return' op trying to schedule a pass on an operation not marked as 'IsolatedFromAbove'", diags.get(0).message());
  }

  @Test void instrumentationSeesPassesInOrderAndFailures() {
    Operation m = parse("func.func @a() { return }\n");
    PassManager pm = new PassManager("builtin.module");
    pm.addPass(new Recorder(null));
    pm.addPass(new Pass("Failing", "test-failing", "", null) {
      @Override public void runOnOperation(Operation op, PassContext c) {
        c.emitError(op, "no").attachNote(op.loc(), "because");
        c.signalPassFailure();
      }
    });
    pm.addPass(new Recorder(null));
    List<String> events = new ArrayList<>();
    pm.addInstrumentation(new PassInstrumentation() {
      @Override public void runBeforePass(Pass p, Operation op) { events.add("before " + p.argument()); }

      @Override public void runAfterPass(Pass p, Operation op) { events.add("after " + p.argument()); }

      @Override public void runAfterPassFailed(Pass p, Operation op) { events.add("failed " + p.argument()); }
    });
    pm.setDiagnosticPrinting(false, gvm.ir.print.PrintOptions.DEFAULT);
    List<Diagnostic> diags = new ArrayList<>();
    assertFalse(pm.run(m, ctx, diags::add));
    assertEquals(List.of("before test-recorder", "after test-recorder", "before test-failing", "failed test-failing"), events);
    assertEquals(1, diags.size());
    assertEquals("no", diags.get(0).message());
    assertEquals("because", diags.get(0).notes().get(0).message());
  }
}
