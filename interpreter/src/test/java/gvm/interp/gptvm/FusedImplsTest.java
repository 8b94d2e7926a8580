package gvm.interp.gptvm;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import gvm.dialect.gptvm.ir.FusionOps;
import gvm.interp.Interpreter;
import gvm.interp.Tensor;
import gvm.interp.Programs;
import gvm.interp.Weights;
import gvm.ir.Operation;
import gvm.ir.types.FloatType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * gptvm.fused against the same ops run one by one: each group gives the same bits, and runs as the
 * one-pass plan its form allows (an elementwise chain per element, a linear's epilogue in its
 * output loop) or, for other groups, op by op.
 */
class FusedImplsTest {
  private static final Random RANDOM = new Random(7);

  private static Tensor random(int... shape) {
    float[] v = new float[Tensor.size(shape)];
    for (int i = 0; i < v.length; i++) v[i] = (float) RANDOM.nextGaussian();
    return Tensor.ofFloats(FloatType.F32, shape, v);
  }

  /** Runs {@code @f}; checks its two results are bitwise equal; returns the plans of its fused ops. */
  private static List<String> sameBits(String text, Weights w, Object... args) {
    Operation module = Programs.parse("t.mlir", text);
    Object[] r = Interpreter.of(module, w).call("f", args);
    assertArrayEquals(((Tensor) r[0]).floatArray(), ((Tensor) r[1]).floatArray());
    assertArrayEquals(((Tensor) r[0]).shape(), ((Tensor) r[1]).shape());
    List<String> plans = new ArrayList<>();
    module.walk(op -> { if (op.isA(FusionOps.FusedOp.DEF)) plans.add(FusedImpls.plan(op).getClass().getSimpleName()); });
    return plans;
  }

  @Test void linearWithBiasAndResidualEpilogue() {
    String p = """
        func.func @f(%x: tensor<?x16xf32>, %r: tensor<?x24xf32>) -> (tensor<?x24xf32>, tensor<?x24xf32>) {
          %w = gptvm.param "w" : tensor<24x16xf32>
          %b = gptvm.param "b" : tensor<24xf32>
          %l = gptvm.linear %x, %w, %b : (tensor<?x16xf32>, tensor<24x16xf32>, tensor<24xf32>) -> tensor<?x24xf32>
          %g = gptvm.gelu %l approximate(tanh) : tensor<?x24xf32>
          %s = gptvm.add %r, %g : tensor<?x24xf32>
          %f = gptvm.fused kind(out_elementwise_fusable) %x, %w, %b, %r : (tensor<?x16xf32>, tensor<24x16xf32>, tensor<24xf32>, tensor<?x24xf32>) -> tensor<?x24xf32> {
          ^bb0(%a0: tensor<?x16xf32>, %a1: tensor<24x16xf32>, %a2: tensor<24xf32>, %a3: tensor<?x24xf32>):
            %0 = gptvm.linear %a0, %a1, %a2 : (tensor<?x16xf32>, tensor<24x16xf32>, tensor<24xf32>) -> tensor<?x24xf32>
            %1 = gptvm.gelu %0 approximate(tanh) : tensor<?x24xf32>
            %2 = gptvm.add %a3, %1 : tensor<?x24xf32>
            gptvm.yield %2 : tensor<?x24xf32>
          }
          return %s, %f : tensor<?x24xf32>, tensor<?x24xf32>
        }
        """;
    Map<String, Tensor> weights = Map.of("w", random(24, 16), "b", random(24));
    assertEquals(List.of("LinearEpilogue"), sameBits(p, weights::get, random(3, 16), random(3, 24)));
  }

  @Test void splitSiluMulChainReadsThePartsInPlace() {
    String p = """
        func.func @f(%gu: tensor<?x10xf32>, %y: tensor<?x4xf32>) -> (tensor<?x4xf32>, tensor<?x4xf32>) {
          %g, %u = gptvm.split %gu axis(1) : tensor<?x10xf32> -> tensor<?x4xf32>, tensor<?x6xf32>
          %s = gptvm.silu %g : tensor<?x4xf32>
          %m = arith.mulf %s, %y : tensor<?x4xf32>
          %n = arith.subf %m, %s : tensor<?x4xf32>
          %f = gptvm.fused kind(injective) %gu, %y : (tensor<?x10xf32>, tensor<?x4xf32>) -> tensor<?x4xf32> {
          ^bb0(%a0: tensor<?x10xf32>, %a1: tensor<?x4xf32>):
            %0:2 = gptvm.split %a0 axis(1) : tensor<?x10xf32> -> tensor<?x4xf32>, tensor<?x6xf32>
            %1 = gptvm.silu %0#0 : tensor<?x4xf32>
            %2 = arith.mulf %1, %a1 : tensor<?x4xf32>
            %3 = arith.subf %2, %1 : tensor<?x4xf32>
            gptvm.yield %3 : tensor<?x4xf32>
          }
          return %n, %f : tensor<?x4xf32>, tensor<?x4xf32>
        }
        """;
    assertEquals(List.of("Chain"), sameBits(p, Weights.NONE, random(5, 10), random(5, 4)));
  }

  @Test void otherGroupsRunOpByOp() {
    String p = """
        func.func @f(%x: tensor<2x8xf32>, %y: tensor<2x8xf32>, %w: tensor<8xf32>) -> (tensor<2x8xf32>, tensor<2x8xf32>) {
          %a = gptvm.add %x, %y : tensor<2x8xf32>
          %n = gptvm.rms_norm %a, %w eps(1.0e-5) : tensor<2x8xf32>, tensor<8xf32>
          %f = gptvm.fused kind(reduction) %x, %y, %w : (tensor<2x8xf32>, tensor<2x8xf32>, tensor<8xf32>) -> tensor<2x8xf32> {
          ^bb0(%a0: tensor<2x8xf32>, %a1: tensor<2x8xf32>, %a2: tensor<8xf32>):
            %0 = gptvm.add %a0, %a1 : tensor<2x8xf32>
            %1 = gptvm.rms_norm %0, %a2 eps(1.0e-5) : tensor<2x8xf32>, tensor<8xf32>
            gptvm.yield %1 : tensor<2x8xf32>
          }
          return %n, %f : tensor<2x8xf32>, tensor<2x8xf32>
        }
        """;
    assertEquals(List.of("OpByOp"), sameBits(p, Weights.NONE, random(2, 8), random(2, 8), random(8)));
  }

  @Test void concatParamsJoinsRowsOnce() {
    String p = """
        func.func @f() -> (tensor<5x2xf32>, tensor<5x2xf32>) {
          %a = gptvm.param "a" : tensor<2x2xf32>
          %b = gptvm.param "b" : tensor<3x2xf32>
          %c = gptvm.concat_params %a, %b : tensor<2x2xf32>, tensor<3x2xf32> -> tensor<5x2xf32>
          %d = gptvm.concat_params %a, %b : tensor<2x2xf32>, tensor<3x2xf32> -> tensor<5x2xf32>
          return %c, %d : tensor<5x2xf32>, tensor<5x2xf32>
        }
        """;
    Map<String, Tensor> weights = Map.of("a", Tensor.ofFloats(FloatType.F32, new int[] {2, 2}, new float[] {1, 2, 3, 4}),
        "b", Tensor.ofFloats(FloatType.F32, new int[] {3, 2}, new float[] {5, 6, 7, 8, 9, 10}));
    Object[] r = Interpreter.of(Programs.parse("t.mlir", p), weights::get).call("f");
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, 7, 8, 9, 10}, ((Tensor) r[0]).floatArray());
    assertEquals(r[0], r[1]); // the same joined tensor, built once
  }
}
