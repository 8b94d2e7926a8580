package gvm.ir.types;

import java.util.Arrays;

/** {@code vector<2x[4]xf32>}: scalable dims are marked per dimension. */
public record VectorType(Shape shape, Type elementType, ScalableDims scalableDims) implements ShapedType {
  /** Which dimensions are scalable; {@link #NONE} when none is. */
  public static final class ScalableDims {
    public static final ScalableDims NONE = new ScalableDims(new boolean[0]);
    private final boolean[] flags;

    public ScalableDims(boolean[] flags) { this.flags = flags.clone(); }

    public boolean isScalable(int i) { return i < flags.length && flags[i]; }

    public boolean any() {
      for (boolean f : flags) if (f) return true;
      return false;
    }

    @Override public boolean equals(Object o) {
      return o instanceof ScalableDims s && Arrays.equals(normal(), s.normal());
    }

    @Override public int hashCode() { return Arrays.hashCode(normal()); }

    private boolean[] normal() { return any() ? flags : new boolean[0]; }
  }

  public static VectorType get(Shape shape, Type elementType) { return new VectorType(shape, elementType, ScalableDims.NONE); }

  @Override public ShapedType cloneWith(Shape shape, Type elementType) {
    return new VectorType(shape, elementType, scalableDims);
  }
}
