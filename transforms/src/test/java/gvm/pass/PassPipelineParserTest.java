package gvm.pass;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import gvm.ir.Operation;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The textual pipeline syntax and option printing, checked against what mlir-opt-19 prints. */
class PassPipelineParserTest {
  /** A pass with one option of each kind, shaped like MLIR's canonicalize and inline. */
  static final class OptPass extends Pass {
    final PassOption<Long> maxIterations = longOption("max-iterations", "Max. iterations", 10);
    final PassOption<Boolean> topDown = boolOption("top-down", "Top-down", true);
    final PassOption<List<String>> disable = stringListOption("disable-patterns", "Labels");
    final PassOption<String> pipeline = stringOption("default-pipeline", "Pipeline", "canonicalize");
    final PassOption<String> mode = enumOption("region-simplify", "Mode", Map.of("disabled", "", "normal", "", "aggressive", ""), "normal");
    final PassOption<Long> threshold = uintOption("inlining-threshold", "Threshold", 4294967295L);

    OptPass() { super("OptPass", "test-opt-pass", "A pass with options", null); }

    @Override public void runOnOperation(Operation op, PassContext ctx) {}
  }

  static final class FuncPass extends Pass {
    FuncPass() { super("FuncPass", "test-func-pass", "A func.func pass", "func.func"); }

    @Override public void runOnOperation(Operation op, PassContext ctx) {}
  }

  @BeforeAll static void register() {
    PassRegistry.register(OptPass::new);
    PassRegistry.register(FuncPass::new);
    PassRegistry.registerPipeline("test-named-pipeline", "Two passes", "func.func(test-func-pass),test-opt-pass");
  }

  private static String roundTrip(String text) throws PassPipelineException {
    return PassPipelineParser.parse(text).printAsTextualPipeline();
  }

  @Test void printsEveryOptionSortedWithEmptyListsAsNothing() throws Exception {
    assertEquals("builtin.module(func.func(test-opt-pass{default-pipeline=canonicalize  inlining-threshold=4294967295 max-iterations=3 region-simplify=normal top-down=true}),func.func(test-func-pass))",
        roundTrip("builtin.module(func.func(test-opt-pass{max-iterations=3}),func.func(test-func-pass))"));
  }

  @Test void optionValuesQuotedListsAndBareBooleans() throws Exception {
    OpPassManager pm = PassPipelineParser.parse("builtin.module(test-opt-pass{disable-patterns=a,b default-pipeline=\"cse, canonicalize\" top-down max-iterations=0x10 region-simplify=aggressive})");
    OptPass p = (OptPass) pm.passes().get(0);
    assertEquals(List.of("a", "b"), p.disable.get());
    assertEquals("cse, canonicalize", p.pipeline.get());
    assertEquals(16L, p.maxIterations.get());
    assertEquals(true, p.topDown.get());
    // mlir-opt-19 prints a string with a space in braces, a list with commas
    assertEquals("test-opt-pass{default-pipeline={cse, canonicalize} disable-patterns=a,b inlining-threshold=4294967295 max-iterations=16 region-simplify=aggressive top-down=true}", p.printAsTextualPipeline());
  }

  @Test void spacesAroundElements() throws Exception {
    // mlir-opt-19 accepts these spaces
    assertEquals("builtin.module(func.func(test-func-pass),test-named-pipeline)".replace("test-named-pipeline", "func.func(test-func-pass),test-opt-pass{default-pipeline=canonicalize  inlining-threshold=4294967295 max-iterations=10 region-simplify=normal top-down=true}"),
        roundTrip("builtin.module( func.func( test-func-pass ) , test-named-pipeline )"));
  }

  @Test void namedPipelineExpands() throws Exception {
    assertEquals("builtin.module(func.func(test-func-pass),test-opt-pass{default-pipeline=canonicalize  inlining-threshold=4294967295 max-iterations=10 region-simplify=normal top-down=true})",
        roundTrip("builtin.module(test-named-pipeline)"));
  }

  private static String error(String text) {
    return assertThrows(PassPipelineException.class, () -> PassPipelineParser.parse(text)).getMessage();
  }

  @Test void errorsWordedAsMlirOpt() {
    assertEquals("MLIR Textual PassPipeline Parser:1:1: error: 'foo' does not refer to a registered pass or pass pipeline\nfoo\n^\n", error("builtin.module(foo)"));
    assertEquals("MLIR Textual PassPipeline Parser:1:11: error: encountered unbalanced parentheses while parsing pipeline\nfunc.func(cse\n          ^\n", error("builtin.module(func.func(cse)"));
    assertEquals("MLIR Textual PassPipeline Parser:1:15: error: '' does not refer to a registered pass or pass pipeline\ntest-opt-pass,,cse\n              ^\n",
        error("builtin.module(test-opt-pass,,cse)"));
    assertEquals("expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'", error("cse"));
    assertEquals("<Pass-Options-Parser>: no such option bad\n\nfailed to add `test-opt-pass` with options `bad=1`\n", error("builtin.module(test-opt-pass{bad=1})"));
    assertEquals("Can't add pass 'FuncPass' restricted to 'func.func' on a PassManager intended to run on 'builtin.module', did you intend to nest?\n"
        + "failed to add `test-func-pass` with options ``\n", error("builtin.module(test-func-pass)"));
  }

  @Test void malformedValueIsReportedByTheOptionParser() {
    PassPipelineException e = assertThrows(PassPipelineException.class, () -> PassPipelineParser.parse("builtin.module(test-opt-pass{max-iterations=abc})"));
    assertEquals("\nfailed to add `test-opt-pass` with options `max-iterations=abc`\n", e.getMessage());
    assertEquals("for the --max-iterations option: 'abc' value invalid for long argument!", e.clMessage());
  }

  static final class PipelineOptionPass extends Pass {
    final PassOption<List<OpPassManager>> opPipelines = option("op-pipelines", "Pipelines per op", OptionTypes.listOf(OptionTypes.PASS_MANAGER), List.of());

    PipelineOptionPass() { super("PipelineOptionPass", "test-pipeline-option", "A pass with pipelines as options", null); }

    @Override public void runOnOperation(Operation op, PassContext ctx) {}
  }

  @Test void pipelinesAsOptionValues() throws Exception {
    PassRegistry.register(PipelineOptionPass::new);
    OpPassManager pm = PassPipelineParser.parse("builtin.module(test-pipeline-option{op-pipelines=func.func(test-func-pass),any(test-opt-pass{top-down=false})})");
    PipelineOptionPass p = (PipelineOptionPass) pm.passes().get(0);
    assertEquals(2, p.opPipelines.get().size());
    assertEquals("func.func", p.opPipelines.get().get(0).opName());
    assertEquals(null, p.opPipelines.get().get(1).opName());
    assertEquals("builtin.module(test-pipeline-option{op-pipelines=func.func(test-func-pass),any(test-opt-pass{default-pipeline=canonicalize  inlining-threshold=4294967295 max-iterations=10 region-simplify=normal top-down=false})})",
        pm.printAsTextualPipeline());
  }

  @Test void implicitNestingPutsEachPassInItsOwnNest() {
    OpPassManager pm = new OpPassManager("builtin.module", OpPassManager.Nesting.IMPLICIT);
    pm.addPass(new FuncPass());
    pm.addPass(new FuncPass());
    pm.addPass(new OptPass());
    assertEquals(3, pm.size());
    assertEquals("builtin.module(func.func(test-func-pass),func.func(test-func-pass),test-opt-pass{default-pipeline=canonicalize  inlining-threshold=4294967295 max-iterations=10 region-simplify=normal top-down=true})",
        pm.printAsTextualPipeline());
  }
}
