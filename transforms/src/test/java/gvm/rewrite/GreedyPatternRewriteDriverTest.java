package gvm.rewrite;

import static gvm.rewrite.RewriteTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.arith.ir.IntegerOps;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.rewrite.RewritePattern;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The greedy driver's contract; expected IR was printed by mlir-opt-19 --canonicalize on the same input. */
class GreedyPatternRewriteDriverTest {
  private final Context ctx = context();

  private String canonicalize(String in, GreedyRewriteConfig config) {
    Operation m = parse(ctx, in);
    GreedyPatternRewriteDriver.applyPatternsAndFoldGreedily(ctx, m, new FrozenPatternSet(FrozenPatternSet.canonicalizationPatterns(ctx)),
        config, null);
    return print(ctx, m);
  }

  @Test void foldsUniquesAndHoistsConstantsInMlirOrder() {
    String in = """
        func.func @order(%x: i32) -> (i32, i32, i32) {
          %c1 = arith.constant 1 : i32
          %a = arith.addi %x, %c1 : i32
          %c5 = arith.constant 5 : i32
          %b = arith.addi %a, %c5 : i32
          %c7 = arith.constant 7 : i32
          %d = arith.muli %c7, %x : i32
          %e = arith.subi %c7, %c5 : i32
          %c7b = arith.constant 7 : i32
          %unused = arith.addi %x, %c7b : i32
          return %b, %d, %e : i32, i32, i32
        }""";
    assertEquals("""
        module {
          func.func @order(%arg0: i32) -> (i32, i32, i32) {
            %c2_i32 = arith.constant 2 : i32
            %c7_i32 = arith.constant 7 : i32
            %c6_i32 = arith.constant 6 : i32
            %0 = arith.addi %arg0, %c6_i32 : i32
            %1 = arith.muli %arg0, %c7_i32 : i32
            return %0, %1, %c2_i32 : i32, i32, i32
          }
        }""", canonicalize(in, new GreedyRewriteConfig()));
  }

  @Test void iterationLimitReportsNonConvergence() {
    String in = """
        func.func @f(%x: i32) -> i32 {
          %c1 = arith.constant 1 : i32
          %a = arith.addi %x, %c1 : i32
          %b = arith.addi %a, %c1 : i32
          return %b : i32
        }""";
    GreedyRewriteConfig one = new GreedyRewriteConfig();
    one.maxIterations = 1;
    Operation m = parse(ctx, in);
    FrozenPatternSet ps = new FrozenPatternSet(FrozenPatternSet.canonicalizationPatterns(ctx));
    assertFalse(GreedyPatternRewriteDriver.applyPatternsAndFoldGreedily(ctx, m, ps, one, null));
    assertTrue(GreedyPatternRewriteDriver.applyPatternsAndFoldGreedily(ctx, m, ps, new GreedyRewriteConfig(), null));
  }

  @Test void disabledFoldingKeepsConstantExpressions() {
    GreedyRewriteConfig noFold = new GreedyRewriteConfig();
    noFold.fold = false;
    String out = canonicalize("""
        func.func @f() -> i32 {
          %c1 = arith.constant 1 : i32
          %a = arith.addi %c1, %c1 : i32
          return %a : i32
        }""", noFold);
    assertTrue(out.contains("arith.addi"), out);
  }

  @Test void patternChangesReachTheDriverThroughTheListener() {
    // A pattern that rewrites muli(x, y) into addi(x, y) once: the new op must be visited (and folded: y is 0).
    RewritePattern mulToAdd = RewritePattern.of(IntegerOps.MulIOp.DEF, "MulToAdd", (op, r) -> {
      r.setInsertionPoint(op);
      Operation add = r.create(IntegerOps.AddIOp.DEF, op.loc(), op.operands(), op.resultTypes(), List.of());
      r.replaceOp(op, add);
      return true;
    });
    List<String> events = new ArrayList<>();
    Operation m = parse(ctx, """
        func.func @f(%x: i32, %y: i32) -> i32 {
          %m = arith.muli %x, %y : i32
          return %m : i32
        }""");
    GreedyPatternRewriteDriver.Statistics stats = new GreedyPatternRewriteDriver.Statistics();
    GreedyPatternRewriteDriver.applyPatternsAndFoldGreedily(ctx, m, new FrozenPatternSet(List.of(mulToAdd)), new GreedyRewriteConfig(), stats);
    assertEquals(1, stats.numRewrites);
    assertTrue(print(ctx, m).contains("%0 = arith.addi %arg0, %arg1 : i32"), print(ctx, m));
    // The rewriter alone reports each change to its listener.
    Operation m2 = parse(ctx, "func.func @g(%x: i32) -> i32 {\n %m = arith.muli %x, %x : i32\n return %m : i32\n}");
    Operation mul = m2.region(0).front().first().region(0).front().first();
    PatternRewriter r = new PatternRewriter(ctx);
    r.setListener(new PatternRewriter.Listener() {
      @Override public void notifyOperationInserted(Operation op) { events.add("inserted " + op.name()); }

      @Override public void notifyOperationModified(Operation op) { events.add("modified " + op.name()); }

      @Override public void notifyOperationErased(Operation op) { events.add("erased " + op.name()); }
    });
    mulToAdd.matchAndRewrite(mul, r);
    assertEquals(List.of("inserted arith.addi", "modified func.return", "erased arith.muli"), events);
  }

  @Test void disabledPatternsAreFilteredByName() {
    FrozenPatternSet all = new FrozenPatternSet(FrozenPatternSet.canonicalizationPatterns(ctx));
    FrozenPatternSet some = new FrozenPatternSet(FrozenPatternSet.canonicalizationPatterns(ctx), java.util.Set.of("AddIAddConstant"), java.util.Set.of());
    assertEquals(all.size() - 1, some.size());
  }
}
