package gvm.interp;

import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.function.BinaryOperator;
import java.util.function.UnaryOperator;

/**
 * Scalar functions lifted to tensors: an op whose operands are scalars computes once; one whose
 * operands are tensors of one shape computes per element (arith on tensors).
 */
public final class Elementwise {
  private Elementwise() {}

  /** The element type of {@code t}, or {@code t} itself for a scalar type. */
  public static Type elementType(Type t) { return t instanceof ShapedType s ? s.elementType() : t; }

  public static Object map(Object x, Type resultType, UnaryOperator<Object> f) {
    if (!(x instanceof Tensor tx)) return f.apply(x);
    Object[] out = new Object[tx.size()];
    for (int i = 0; i < out.length; i++) out[i] = f.apply(tx.get(i));
    return Tensor.fromScalars(elementType(resultType), tx.shape(), out);
  }

  public static Object map(Object x, Object y, Type resultType, BinaryOperator<Object> f) {
    if (!(x instanceof Tensor tx)) return f.apply(x, y);
    Tensor ty = (Tensor) y;
    sameShape(tx, ty);
    Object[] out = new Object[tx.size()];
    for (int i = 0; i < out.length; i++) out[i] = f.apply(tx.get(i), ty.get(i));
    return Tensor.fromScalars(elementType(resultType), tx.shape(), out);
  }

  public static void sameShape(Tensor a, Tensor b) {
    if (!java.util.Arrays.equals(a.shape(), b.shape()))
      throw new IllegalArgumentException("operands have different run-time shapes " + java.util.Arrays.toString(a.shape()) + " and "
          + java.util.Arrays.toString(b.shape()));
  }
}
