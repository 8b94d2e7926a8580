package gvm.ir.print;

import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.types.ComplexType;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;

/** The body of {@code dense<...>}: nested lists, a splat, or (above the threshold) MLIR's hex form. */
final class DensePrinter {
  private DensePrinter() {}

  static void print(StringBuilder sb, DenseElementsAttr d, long hexThreshold) {
    ShapedType type = d.type();
    Type elt = type.elementType();
    long n = d.numElements();
    if (d.isStrings()) {
      nested(sb, d, n, type, i -> AttrTypePrinter.escapedString(sb, d.getString(i)));
      return;
    }
    if (!d.isSplat() && hexThreshold >= 0 && n > hexThreshold) {
      sb.append("\"0x");
      hex(sb, d);
      sb.append('"');
      return;
    }
    if (elt instanceof ComplexType ct) {
      Type inner = ct.elementType();
      nested(sb, d, n, type, i -> {
        sb.append('(');
        AttrTypePrinter.scalar(sb, inner, d.raw((int) (2 * i)));
        sb.append(',');
        AttrTypePrinter.scalar(sb, inner, d.raw((int) (2 * i + 1)));
        sb.append(')');
      });
      return;
    }
    nested(sb, d, n, type, i -> AttrTypePrinter.scalar(sb, elt, d.get(i)));
  }

  private interface Elt { void print(long index); }

  /** printDenseElementsAttrImpl: a mixed-radix counter opening and closing brackets. */
  private static void nested(StringBuilder sb, DenseElementsAttr d, long n, ShapedType type, Elt elt) {
    if (d.isSplat()) {
      elt.print(0);
      return;
    }
    if (n == 0) return;
    int rank = type.rank();
    long[] counter = new long[rank];
    int open = 0;
    for (long idx = 0; idx < n; idx++) {
      if (idx != 0) sb.append(", ");
      while (open++ < rank) sb.append('[');
      open = rank;
      elt.print(idx);
      if (rank > 0) {
        ++counter[rank - 1];
        for (int i = rank - 1; i > 0; --i) {
          if (counter[i] >= type.shape().dim(i)) {
            counter[i] = 0;
            ++counter[i - 1];
            --open;
            sb.append(']');
          }
        }
      }
    }
    while (open-- > 0) sb.append(']');
  }

  /** Bits per stored element of {@code t} (complex counts its parts separately). */
  static int bitWidth(Type t) {
    if (t instanceof IntegerType it) return it.width();
    if (t instanceof FloatType ft) return ft.width();
    if (t instanceof ComplexType ct) return bitWidth(ct.elementType());
    return 64;
  }

  /** Raw little-endian storage as MLIR 19 keeps it: i1 bit-packed, others byte-rounded per element. */
  static void hex(StringBuilder sb, DenseElementsAttr d) {
    Type elt = d.type().elementType();
    int width = bitWidth(elt);
    int parts = elt instanceof ComplexType ? 2 : 1;
    long n = d.numElements() * parts;
    if (width == 1) {
      int acc = 0;
      for (long i = 0; i < n; i++) {
        if (d.raw((int) i) != 0) acc |= 1 << (i & 7);
        if ((i & 7) == 7) {
          AttrTypePrinter.hexByte(sb, acc);
          acc = 0;
        }
      }
      if ((n & 7) != 0) AttrTypePrinter.hexByte(sb, acc);
      return;
    }
    int bytes = (width + 7) / 8;
    for (long i = 0; i < n; i++) {
      long v = d.raw((int) i);
      for (int b = 0; b < bytes; b++) AttrTypePrinter.hexByte(sb, b < 8 ? (int) (v >>> (8 * b)) & 0xFF : (v < 0 ? 0xFF : 0));
    }
  }
}
