package gvm.ir.verify;

import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.DenseResourceAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.TypeAttr;
import gvm.ir.types.NoneType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.ir.types.VectorType;
import java.util.ArrayList;
import java.util.List;

/**
 * Type relations that verifiers share, as MLIR's {@code TypeUtilities}: element types, shape
 * compatibility (a dynamic dimension or an unranked shape matches anything) and the type of a
 * typed attribute.
 */
public final class TypeChecks {
  private TypeChecks() {}

  /** The element type of a shaped type, else the type itself (MLIR's getElementTypeOrSelf). */
  public static Type elementTypeOrSelf(Type t) { return t instanceof ShapedType s ? s.elementType() : t; }

  /** The type of a typed attribute (MLIR's TypedAttr; a string without type is {@code none}), or null. */
  public static Type attrType(Attribute a) {
    if (a instanceof IntegerAttr i) return i.type();
    if (a instanceof FloatAttr f) return f.type();
    if (a instanceof DenseElementsAttr d) return d.type();
    if (a instanceof DenseResourceAttr d) return d.type();
    if (a instanceof StringAttr s) return s.type() == null ? NoneType.INSTANCE : s.type();
    if (a instanceof TypeAttr t) return t.type();
    return null;
  }

  /** MLIR's verifyCompatibleShape(Type, Type): both shaped or neither; ranked shapes agree where static. */
  public static boolean compatibleShape(Type a, Type b) {
    if (!(a instanceof ShapedType sa)) return !(b instanceof ShapedType);
    if (!(b instanceof ShapedType sb)) return false;
    if (!sa.hasRank() || !sb.hasRank()) return true;
    if (sa.rank() != sb.rank()) return false;
    for (int i = 0; i < sa.rank(); i++) {
      long x = sa.shape().dim(i), y = sb.shape().dim(i);
      if (x != ShapedType.DYNAMIC && y != ShapedType.DYNAMIC && x != y) return false;
    }
    return true;
  }

  /**
   * MLIR's verifyCompatibleShapes(TypeRange): all shaped or none, not mixing scalable and fixed
   * vectors, and the ranked ones of one rank whose static dimensions agree.
   */
  public static boolean compatibleShapes(List<Type> types) {
    boolean anyShaped = false, allShaped = true;
    for (Type t : types) if (t instanceof ShapedType) anyShaped = true; else allShaped = false;
    if (!anyShaped) return true;
    if (!allShaped) return false;
    boolean scalable = false, nonScalable = false;
    for (Type t : types) {
      if (t instanceof VectorType v && v.scalableDims().any()) scalable = true; else nonScalable = true;
      if (scalable && nonScalable) return false;
    }
    List<ShapedType> ranked = new ArrayList<>();
    for (Type t : types) if (((ShapedType) t).hasRank()) ranked.add((ShapedType) t);
    if (ranked.isEmpty()) return true;
    int rank = ranked.get(0).rank();
    for (ShapedType s : ranked) if (s.rank() != rank) return false;
    for (int i = 0; i < rank; i++) {
      long seen = ShapedType.DYNAMIC;
      for (ShapedType s : ranked) {
        long d = s.shape().dim(i);
        if (d == ShapedType.DYNAMIC) continue;
        if (seen != ShapedType.DYNAMIC && seen != d) return false;
        seen = d;
      }
    }
    return true;
  }
}
