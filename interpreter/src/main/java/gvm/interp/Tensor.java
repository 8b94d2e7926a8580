package gvm.interp;

import gvm.ir.types.FloatType;
import gvm.ir.types.Type;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.util.Arrays;

/**
 * A run-time tensor: a concrete shape, an element type, and row-major storage. Float elements
 * (f16, bf16, f32; f64 is held at f32 precision) live in a {@link FloatBuffer}, which is either an
 * array of our own or a read-only view of a memory-mapped checkpoint; values stored into f16/bf16
 * tensors are rounded to that type. Integer, index and i1 elements live in a {@code long[]},
 * sign-extended from their width. Tensors are values: ops never write into their operands.
 */
public final class Tensor {
  private final Type elementType;
  private final int[] shape;
  private final FloatBuffer floats;
  /** The little-endian bytes under {@code floats} for a mapped tensor, else null. */
  private final ByteBuffer bytes;
  private final long[] ints;

  private Tensor(Type elementType, int[] shape, FloatBuffer floats, ByteBuffer bytes, long[] ints) {
    this.elementType = elementType;
    this.shape = shape;
    this.floats = floats;
    this.bytes = bytes;
    this.ints = ints;
  }

  /** A float tensor over {@code data} (taken, not copied; rounded in place for f16/bf16). */
  public static Tensor ofFloats(Type elementType, int[] shape, float[] data) {
    check(shape, data.length);
    if (!elementType.equals(FloatType.F32) && !elementType.equals(FloatType.F64))
      for (int i = 0; i < data.length; i++) data[i] = (float) Elements.round(data[i], elementType);
    return new Tensor(elementType, shape, FloatBuffer.wrap(data), null, null);
  }

  /** A float tensor over {@code data}, whose values are already of {@code elementType} (taken, not copied or rounded). */
  public static Tensor ofExactFloats(Type elementType, int[] shape, float[] data) {
    check(shape, data.length);
    return new Tensor(elementType, shape, FloatBuffer.wrap(data), null, null);
  }

  /** A float32 tensor viewing little-endian {@code bytes} (e.g. a mapped weight); no copy. */
  public static Tensor view(int[] shape, ByteBuffer bytes) {
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    FloatBuffer f = b.asFloatBuffer();
    check(shape, f.remaining());
    return new Tensor(gvm.ir.types.FloatType.F32, shape, f, b, null);
  }

  /**
   * A tensor of {@code elementType} over little-endian {@code bytes} as stored in a checkpoint or a
   * {@code dense_resource} blob: f32 as a view (no copy), f16/bf16 widened to float storage, integers
   * (i1 as one byte) sign-extended.
   */
  public static Tensor fromLittleEndian(Type elementType, int[] shape, ByteBuffer bytes) {
    if (elementType.equals(FloatType.F32)) return view(shape, bytes);
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    int n = size(shape);
    if (elementType instanceof FloatType ft && ft.width() == 16) {
      float[] data = new float[n];
      if (ft.equals(FloatType.BF16)) {
        for (int i = 0; i < n; i++) data[i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xffff) << 16);
      } else {
        for (int i = 0; i < n; i++) data[i] = halfToFloat(b.getShort(2 * i));
      }
      return ofExactFloats(elementType, shape, data);
    }
    if (Elements.isInteger(elementType)) {
      int bytesPer = elementBytes(elementType);
      long[] data = new long[n];
      for (int i = 0; i < n; i++)
        data[i] = switch (bytesPer) {
          case 1 -> b.get(i);
          case 2 -> b.getShort(2 * i);
          case 4 -> b.getInt(4 * i);
          default -> b.getLong(8 * i);
        };
      return ofInts(elementType, shape, data);
    }
    throw new IllegalArgumentException("cannot read " + elementType + " elements from bytes");
  }

  /** The IEEE binary16 value of {@code bits} (exact: every f16 is an f32). */
  public static float halfToFloat(short bits) {
    int h = bits & 0xffff, sign = (h & 0x8000) << 16, exp = (h >>> 10) & 0x1f, mant = h & 0x3ff;
    if (exp == 0x1f) return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13)); // inf, nan
    if (exp != 0) return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    float sub = mant * 0x1p-24f; // subnormal or zero
    return sign == 0 ? sub : -sub;
  }

  /** Bytes per element in little-endian storage (i1: one byte). */
  public static int elementBytes(Type t) {
    return Math.max(1, ((t instanceof FloatType ft ? ft.width() : Elements.width(t)) + 7) / 8);
  }

  /** An integer tensor over {@code data} (taken, not copied; normalized in place to the width). */
  public static Tensor ofInts(Type elementType, int[] shape, long[] data) {
    check(shape, data.length);
    int w = Elements.width(elementType);
    for (int i = 0; i < data.length; i++) data[i] = Elements.normalize(data[i], w);
    return new Tensor(elementType, shape, null, null, data);
  }

  /** A zero tensor. */
  public static Tensor zeros(Type elementType, int[] shape) {
    int n = size(shape);
    return Elements.isInteger(elementType) ? ofInts(elementType, shape, new long[n]) : ofFloats(elementType, shape, new float[n]);
  }

  private static void check(int[] shape, int n) {
    if (size(shape) != n) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " does not hold " + n + " elements");
  }

  /** Number of elements of a shape; fails past 2^31 - 1. */
  public static int size(int[] shape) {
    long n = 1;
    for (int d : shape) n *= d;
    if (n > Integer.MAX_VALUE) throw new IllegalArgumentException("tensor of " + n + " elements is too large");
    return (int) n;
  }

  public Type elementType() { return elementType; }

  public int[] shape() { return shape.clone(); }

  public int rank() { return shape.length; }

  public int dim(int i) { return shape[i]; }

  public int size() { return size(shape); }

  public boolean isFloat() { return floats != null; }

  /** Float element {@code i} (row-major). */
  public float f(int i) { return floats.get(i); }

  /** Integer element {@code i} (row-major). */
  public long i(int i) { return ints[i]; }

  /** The float storage; read only by convention. */
  public FloatBuffer floats() { return floats; }

  /** The little-endian bytes of a mapped float32 tensor, or null. */
  public ByteBuffer bytes() { return bytes; }

  /** A fresh copy of the float elements. */
  public float[] floatArray() {
    float[] a = new float[size()];
    floats.get(0, a);
    return a;
  }

  /** A fresh copy of the integer elements. */
  public long[] intArray() { return ints.clone(); }

  /** Element {@code i} as a scalar value ({@code Long} or {@code Double}). */
  public Object get(int i) { return floats != null ? (Object) (double) floats.get(i) : (Object) ints[i]; }

  /** The same elements under another shape of equal size. */
  public Tensor reshape(int[] newShape) {
    check(newShape, size());
    return new Tensor(elementType, newShape.clone(), floats, bytes, ints);
  }

  /** A tensor of {@code type} from scalar values ({@code Long}/{@code Double}), rounded to the type. */
  public static Tensor fromScalars(Type elementType, int[] shape, Object[] values) {
    if (Elements.isInteger(elementType)) {
      long[] d = new long[values.length];
      for (int i = 0; i < d.length; i++) d[i] = (Long) values[i];
      return ofInts(elementType, shape, d);
    }
    float[] d = new float[values.length];
    for (int i = 0; i < d.length; i++) d[i] = (float) (double) (Double) values[i];
    return ofFloats(elementType, shape, d);
  }

  /** Row-major strides of {@code shape}. */
  public static int[] strides(int[] shape) {
    int[] s = new int[shape.length];
    int acc = 1;
    for (int d = shape.length - 1; d >= 0; d--) {
      s[d] = acc;
      acc *= shape[d];
    }
    return s;
  }

  @Override public String toString() {
    StringBuilder sb = new StringBuilder("tensor<");
    for (int d : shape) sb.append(d).append('x');
    sb.append(elementType).append(">[");
    int n = Math.min(size(), 16);
    for (int k = 0; k < n; k++) sb.append(k > 0 ? ", " : "").append(get(k));
    return sb.append(size() > n ? ", ...]" : "]").toString();
  }
}
