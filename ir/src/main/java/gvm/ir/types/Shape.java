package gvm.ir.types;

import java.util.Arrays;

/** An immutable list of dimension sizes; {@link ShapedType#DYNAMIC} marks {@code ?}. */
public final class Shape {
  public static final Shape SCALAR = new Shape(new long[0]);
  private final long[] dims;
  private final int hash;

  private Shape(long[] dims) {
    this.dims = dims;
    this.hash = Arrays.hashCode(dims);
  }

  public static Shape of(long... dims) { return dims.length == 0 ? SCALAR : new Shape(dims.clone()); }

  /** Wraps without copying; the caller must not change the array afterwards. */
  public static Shape wrap(long[] dims) { return dims.length == 0 ? SCALAR : new Shape(dims); }

  public int rank() { return dims.length; }

  public long dim(int i) { return dims[i]; }

  public boolean isDynamic(int i) { return dims[i] == ShapedType.DYNAMIC; }

  public long[] toArray() { return dims.clone(); }

  public boolean isStatic() {
    for (long d : dims) if (d == ShapedType.DYNAMIC) return false;
    return true;
  }

  public long numElements() {
    long n = 1;
    for (long d : dims) n *= d;
    return n;
  }

  @Override public boolean equals(Object o) {
    return o instanceof Shape s && s.hash == hash && Arrays.equals(s.dims, dims);
  }

  @Override public int hashCode() { return hash; }

  /** {@code 4x?x8} (no trailing 'x'). */
  @Override public String toString() {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < dims.length; i++) {
      if (i > 0) sb.append('x');
      if (dims[i] == ShapedType.DYNAMIC) sb.append('?'); else sb.append(dims[i]);
    }
    return sb.toString();
  }
}
