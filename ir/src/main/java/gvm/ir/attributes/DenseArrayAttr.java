package gvm.ir.attributes;

import gvm.ir.types.Type;
import java.util.Arrays;

/**
 * {@code array<i64: 1, 2>}: a flat array of integers (including i1) or floats. Integers are held
 * normalized as in {@link IntegerAttr}; floats as the bit patterns of their type.
 */
public final class DenseArrayAttr implements Attribute {
  private final Type elementType;
  private final long[] values;

  public DenseArrayAttr(Type elementType, long[] values) {
    this.elementType = elementType;
    this.values = values.clone();
  }

  public Type elementType() { return elementType; }

  public int size() { return values.length; }

  public long get(int i) { return values[i]; }

  public long[] toArray() { return values.clone(); }

  @Override public boolean equals(Object o) {
    return o instanceof DenseArrayAttr d && d.elementType.equals(elementType) && Arrays.equals(d.values, values);
  }

  @Override public int hashCode() { return elementType.hashCode() * 31 + Arrays.hashCode(values); }

  @Override public String toString() { return "DenseArrayAttr" + Arrays.toString(values); }
}
