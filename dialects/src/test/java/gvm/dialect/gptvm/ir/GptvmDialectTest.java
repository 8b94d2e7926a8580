package gvm.dialect.gptvm.ir;

import static org.junit.jupiter.api.Assertions.*;

import gvm.dialect.DialectTestSupport;
import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.Operation;
import gvm.ir.def.OpDef;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Walks every registered gptvm op: summary, custom form, a case in {@code ops.mlir}; each verifier
 * message of the package has an {@code invalid.mlir} case; the typed views give the documented
 * defaults an interpreter relies on.
 */
class GptvmDialectTest {
  @Test void everyOpIsDefinedAndHasARoundTripCase() throws IOException {
    DialectTestSupport.assertDefinitions(new GptvmDialect());
  }

  @Test void everyOpIsRegistered() {
    Context ctx = DialectTestSupport.context();
    for (Dialect d : List.of(new GptvmDialect(), new gvm.dialect.kv.ir.KvDialect()))
      for (OpDef def : d.ops()) assertSame(def, ctx.lookupOp(def.name()), def.name());
  }

  @Test void everyVerifierMessageHasAnInvalidCase() throws IOException {
    DialectTestSupport.assertMessagesCovered(Path.of("src/main/java/gvm/dialect/gptvm/ir"), Path.of("../testsuite/Dialect/gptvm/invalid.mlir"));
  }

  @Test void defaultsMatchTheDocumentedSemantics() {
    Operation m = DialectTestSupport.parse("""
        func.func @f(%q: tensor<2x8x16xf32>, %k: tensor<2x2x16xf32>, %p: tensor<2xi32>, %x: tensor<2x64xf32>, %w: tensor<64xf32>) {
          %a = "gptvm.attention"(%q, %k, %k) : (tensor<2x8x16xf32>, tensor<2x2x16xf32>, tensor<2x2x16xf32>) -> tensor<2x8x16xf32>
          %r = "gptvm.rope"(%q, %p) : (tensor<2x8x16xf32>, tensor<2xi32>) -> tensor<2x8x16xf32>
          %s = "gptvm.softmax"(%x) : (tensor<2x64xf32>) -> tensor<2x64xf32>
          %n = "gptvm.rms_norm"(%x, %w) : (tensor<2x64xf32>, tensor<64xf32>) -> tensor<2x64xf32>
          return
        }
        """);
    AttentionOp att = new AttentionOp(DialectTestSupport.first(m, AttentionOp.DEF));
    assertEquals(0.25, att.scale());
    assertFalse(att.causal());
    assertEquals(-1, att.window());
    RopeOp rope = new RopeOp(DialectTestSupport.first(m, RopeOp.DEF));
    assertEquals(16, rope.rotaryDim());
    assertEquals(10000.0, rope.theta());
    assertFalse(rope.interleaved());
    assertEquals(1, new ElementwiseOps.SoftmaxOp(DialectTestSupport.first(m, ElementwiseOps.SoftmaxOp.DEF)).axis());
    assertEquals(1e-5, new NormOps.RmsNormOp(DialectTestSupport.first(m, NormOps.RmsNormOp.DEF)).eps());
  }

  @Test void dynamicSizesAgreeWithAnySize() {
    Operation m = DialectTestSupport.parse("""
        func.func @f(%x: tensor<?x64xf32>, %w: tensor<128x?xf32>) {
          %y = gptvm.linear %x, %w : (tensor<?x64xf32>, tensor<128x?xf32>) -> tensor<3x128xf32>
          %z = gptvm.linear %x, %w : (tensor<?x64xf32>, tensor<128x?xf32>) -> tensor<3x64xf32>
          return
        }
        """);
    List<Operation> linears = new ArrayList<>();
    m.walkPreOrder(o -> { if (o.isA(WeightOps.LinearOp.DEF)) linears.add(o); });
    assertNull(DialectTestSupport.verifierMessage(linears.get(0)));
    assertEquals("'gptvm.linear' op requires result of shape [?, 128], but got 'tensor<3x64xf32>'",
        DialectTestSupport.verifierMessage(linears.get(1)));
  }
}
