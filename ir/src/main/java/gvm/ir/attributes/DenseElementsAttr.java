package gvm.ir.attributes;

import gvm.ir.types.ShapedType;
import java.util.Arrays;

/**
 * {@code dense<...>}: the elements of a statically shaped tensor or vector. Integer and index
 * elements are held normalized (see {@link IntegerAttr}), float elements as bit patterns, complex
 * elements as (real, imaginary) pairs; string elements in {@code strings}. A splat holds one
 * element (two for complex).
 */
public final class DenseElementsAttr implements Attribute {
  private final ShapedType type;
  private final boolean splat;
  private final long[] data;
  private final String[] strings;
  private final int hash;

  private DenseElementsAttr(ShapedType type, boolean splat, long[] data, String[] strings) {
    this.type = type;
    this.splat = splat;
    this.data = data;
    this.strings = strings;
    this.hash = type.hashCode() * 31 + (data != null ? Arrays.hashCode(data) : Arrays.hashCode(strings)) + (splat ? 1 : 0);
  }

  /** Numeric elements; {@code data.length} must be 1 or numElements (times 2 for complex). Collapses uniform data to a splat. */
  public static DenseElementsAttr of(ShapedType type, long[] data) {
    int stride = gvm.ir.types.ComplexType.class.isInstance(type.elementType()) ? 2 : 1;
    if (data.length > stride && isUniform(data, stride)) data = Arrays.copyOf(data, stride);
    return new DenseElementsAttr(type, data.length == stride, data, null);
  }

  public static DenseElementsAttr ofStrings(ShapedType type, String[] strings) {
    boolean uniform = strings.length > 1;
    for (int i = 1; i < strings.length && uniform; i++) uniform = strings[i].equals(strings[0]);
    if (uniform) strings = new String[] {strings[0]};
    return new DenseElementsAttr(type, strings.length == 1, null, strings.clone());
  }

  private static boolean isUniform(long[] d, int stride) {
    for (int i = stride; i < d.length; i++) if (d[i] != d[i % stride]) return false;
    return true;
  }

  public ShapedType type() { return type; }

  public boolean isSplat() { return splat; }

  public boolean isStrings() { return strings != null; }

  /** Number of elements of the shaped type. */
  public long numElements() { return type.numElements(); }

  /** Element {@code i} (integers normalized, floats as bits); works for splats too. */
  public long get(long i) { return splat ? data[0] : data[(int) i]; }

  /** Raw storage entry {@code i} (for complex: 2 per element). */
  public long raw(int i) { return splat ? data[i % data.length] : data[i]; }

  public int rawLength() { return data == null ? 0 : data.length; }

  public String getString(long i) { return splat ? strings[0] : strings[(int) i]; }

  @Override public boolean equals(Object o) {
    return o instanceof DenseElementsAttr d && d.hash == hash && d.splat == splat && d.type.equals(type)
        && Arrays.equals(d.data, data) && Arrays.equals(d.strings, strings);
  }

  @Override public int hashCode() { return hash; }
}
