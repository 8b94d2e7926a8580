package gvm.dialect.arith.ir;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.AttrConstraint;

/**
 * The integer enums of the arith dialect (ODS I64EnumAttr / I32EnumAttr): stored as integer
 * attributes ({@code predicate = 5 : i64}), written as keywords in custom forms ({@code sge}).
 */
public final class ArithEnums {
  private ArithEnums() {}

  /** arith.cmpi predicates, in value order. */
  public enum CmpIPredicate {
    EQ, NE, SLT, SLE, SGT, SGE, ULT, ULE, UGT, UGE;

    public String keyword() { return name().toLowerCase(); }

    public IntegerAttr attr() { return IntegerAttr.i64(ordinal()); }

    /** The predicate an attribute holds, or null. */
    public static CmpIPredicate of(Attribute a) {
      return a instanceof IntegerAttr i && i.value() >= 0 && i.value() < values().length ? values()[(int) i.value()] : null;
    }
  }

  /** arith.cmpf predicates, in value order ({@code false} = 0 ... {@code true} = 15). */
  public enum CmpFPredicate {
    ALWAYS_FALSE("false"), OEQ("oeq"), OGT("ogt"), OGE("oge"), OLT("olt"), OLE("ole"), ONE("one"), ORD("ord"),
    UEQ("ueq"), UGT("ugt"), UGE("uge"), ULT("ult"), ULE("ule"), UNE("une"), UNO("uno"), ALWAYS_TRUE("true");

    private final String keyword;

    CmpFPredicate(String keyword) { this.keyword = keyword; }

    public String keyword() { return keyword; }

    public IntegerAttr attr() { return IntegerAttr.i64(ordinal()); }

    public static CmpFPredicate of(Attribute a) {
      return a instanceof IntegerAttr i && i.value() >= 0 && i.value() < values().length ? values()[(int) i.value()] : null;
    }
  }

  /** arith.truncf rounding modes (ODS I32EnumAttr RoundingMode), in value order. */
  public enum RoundingMode {
    TO_NEAREST_EVEN, DOWNWARD, UPWARD, TOWARD_ZERO, TO_NEAREST_AWAY;

    public String keyword() { return name().toLowerCase(); }

    public IntegerAttr attr() { return IntegerAttr.i32(ordinal()); }

    public static RoundingMode of(Attribute a) {
      return a instanceof IntegerAttr i && i.value() >= 0 && i.value() < values().length ? values()[(int) i.value()] : null;
    }
  }

  public static final AttrConstraint CMPI_PREDICATE = CommonAttrConstraints.intEnum(null, 64, keywords(CmpIPredicate.values()));

  public static final AttrConstraint CMPF_PREDICATE = CommonAttrConstraints.intEnum(null, 64, keywords(CmpFPredicate.values()));

  public static final AttrConstraint ROUNDING_MODE = CommonAttrConstraints.intEnum("Floating point rounding mode", 32, keywords(RoundingMode.values()));

  private static String[] keywords(Enum<?>[] values) {
    String[] k = new String[values.length];
    for (int i = 0; i < values.length; i++)
      k[i] = values[i] instanceof CmpFPredicate f ? f.keyword() : values[i].name().toLowerCase();
    return k;
  }
}
