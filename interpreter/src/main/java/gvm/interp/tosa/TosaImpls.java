package gvm.interp.tosa;

import gvm.dialect.Dialects;
import gvm.interp.BlockEffect;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.interp.gptvm.Kernels;
import gvm.ir.Context;
import gvm.ir.types.ShapedType;
import java.util.function.DoubleUnaryOperator;

/**
 * tosa, the subset of the mesh examples (seeds/002, the conformance MLP): {@code tosa.matmul}
 * ({@code [N, H, C] x [N, C, W] -> [N, H, W]}) and elementwise {@code tanh}, {@code exp},
 * {@code negate}. Other tosa ops are not interpreted yet.
 */
public final class TosaImpls {
  private TosaImpls() {}

  public static void register(ImplTable t) {
    Context ctx = Dialects.newContext();
    t.register(ctx.lookupOp("tosa.matmul"), (f, op, a) -> {
      Tensor x = (Tensor) a[0], y = (Tensor) a[1];
      int batch = x.dim(0), m = x.dim(1), k = x.dim(2), n = y.dim(2);
      if (y.dim(0) != batch || y.dim(1) != k) throw new IllegalArgumentException("operand shapes do not match for a matmul");
      float[] c = Kernels.matmul(f.interpreter().parallel(), x.floatArray(), y.floatArray(), batch, m, k, n);
      return BlockEffect.next(Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), new int[] {batch, m, n}, c));
    });
    unary(t, ctx, "tosa.tanh", Math::tanh);
    unary(t, ctx, "tosa.exp", Math::exp);
    unary(t, ctx, "tosa.negate", x -> -x);
  }

  private static void unary(ImplTable t, Context ctx, String name, DoubleUnaryOperator fn) {
    t.register(ctx.lookupOp(name), (f, op, a) -> {
      Tensor x = (Tensor) a[0];
      float[] y = x.floatArray();
      for (int i = 0; i < y.length; i++) y[i] = (float) fn.applyAsDouble(y[i]);
      return BlockEffect.next(Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), x.shape(), y));
    });
  }
}
