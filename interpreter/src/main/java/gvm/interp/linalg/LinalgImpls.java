package gvm.interp.linalg;

import gvm.dialect.linalg.ir.NamedStructuredOps;
import gvm.interp.BlockEffect;
import gvm.interp.Frame;
import gvm.interp.ImplTable;
import gvm.interp.Tensor;
import gvm.interp.gptvm.Kernels;
import gvm.ir.Operation;
import gvm.ir.types.ShapedType;
import java.util.Arrays;

/**
 * linalg, the subset the mesh passes produce and the conformance cases use: {@code fill} and the
 * matmul family, which add their product to the init operand ({@code C + A·B}, as linalg's
 * destination-passing style). Other linalg ops are not interpreted yet.
 */
public final class LinalgImpls {
  private LinalgImpls() {}

  public static void register(ImplTable t) {
    t.register(NamedStructuredOps.FILL, (f, op, a) -> {
      Tensor init = (Tensor) a[1];
      Object v = a[0];
      Object[] values = new Object[init.size()];
      Arrays.fill(values, v instanceof Long ? v : (Object) ((Number) v).doubleValue());
      return BlockEffect.next(Tensor.fromScalars(init.elementType(), init.shape(), values));
    });
    t.register(NamedStructuredOps.MATMUL, (f, op, a) -> matmul(f, op, (Tensor) a[0], (Tensor) a[1], (Tensor) a[2], false, false));
    t.register(NamedStructuredOps.MATMUL_TRANSPOSE_B, (f, op, a) -> matmul(f, op, (Tensor) a[0], (Tensor) a[1], (Tensor) a[2], false, true));
    t.register(NamedStructuredOps.BATCH_MATMUL, (f, op, a) -> matmul(f, op, (Tensor) a[0], (Tensor) a[1], (Tensor) a[2], true, false));
  }

  /** {@code init + lhs · rhs} (rhs transposed for matmul_transpose_b), one product per batch index. */
  private static BlockEffect matmul(Frame f, Operation op, Tensor lhs, Tensor rhs, Tensor init, boolean batched, boolean transposeB) {
    if (!lhs.isFloat()) throw new IllegalArgumentException("is interpreted on float tensors only");
    int o = batched ? 1 : 0;
    int batch = batched ? lhs.dim(0) : 1, m = lhs.dim(o), k = lhs.dim(o + 1), n = transposeB ? rhs.dim(o) : rhs.dim(o + 1);
    float[] y = rhs.floatArray(), acc = init.floatArray();
    if (transposeB) y = transpose(y, n, k);
    float[] c = Kernels.matmul(f.interpreter().parallel(), lhs.floatArray(), y, batch, m, k, n);
    for (int i = 0; i < acc.length; i++) acc[i] += c[i];
    return BlockEffect.next(Tensor.ofFloats(((ShapedType) op.result(0).type()).elementType(), init.shape(), acc));
  }

  private static float[] transpose(float[] y, int rows, int cols) {
    float[] t = new float[y.length];
    for (int r = 0; r < rows; r++) for (int c = 0; c < cols; c++) t[c * rows + r] = y[r * cols + c];
    return t;
  }
}
