package gvm.dialect.builtin.ir;

import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.DenseResourceAttr;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.OpaqueAttr;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.attributes.TypeAttr;
import gvm.ir.attributes.UnitAttr;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.types.FunctionType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.NoneType;
import gvm.ir.types.Type;

/**
 * Attribute constraints of MLIR's {@code CommonAttrConstraints.td}, with its descriptions word for
 * word (as in {@code attribute 'arg_attrs' failed to satisfy constraint: Array of dictionary attributes}).
 */
public final class CommonAttrConstraints {
  private CommonAttrConstraints() {}

  public static final AttrConstraint STR_ATTR = AttrConstraint.of("string attribute", a -> a instanceof StringAttr);

  /** ODS SymbolNameAttr: the name a symbol defines. */
  public static final AttrConstraint SYMBOL_NAME_ATTR =
      AttrConstraint.of("string attribute", a -> a instanceof StringAttr).withAsm(AttrAsm.SYMBOL_NAME);

  public static final AttrConstraint FLAT_SYMBOL_REF_ATTR =
      AttrConstraint.of("flat symbol reference attribute", a -> a instanceof SymbolRefAttr s && s.isFlat()).withAsm(AttrAsm.FLAT_SYMBOL_REF);

  public static final AttrConstraint SYMBOL_REF_ATTR = AttrConstraint.of("symbol reference attribute", a -> a instanceof SymbolRefAttr);

  /** ODS TypeAttrOf&lt;FunctionType&gt;. */
  public static final AttrConstraint FUNCTION_TYPE_ATTR =
      AttrConstraint.of("type attribute of function type", a -> a instanceof TypeAttr t && t.type() instanceof FunctionType);

  /** ODS DictArrayAttr. */
  public static final AttrConstraint DICT_ARRAY_ATTR = AttrConstraint.of("Array of dictionary attributes", a -> {
    if (!(a instanceof ArrayAttr arr)) return false;
    for (Attribute e : arr.elements()) if (!(e instanceof DictionaryAttr)) return false;
    return true;
  });

  public static final AttrConstraint UNIT_ATTR = AttrConstraint.of("unit attribute", a -> a instanceof UnitAttr).withAsm(AttrAsm.UNIT);

  /** ODS TypedAttrInterface: attributes that carry a type. */
  public static final AttrConstraint TYPED_ATTR = AttrConstraint.of("TypedAttr instance", a -> typeOf(a) != null);

  /** ODS I64Attr. */
  public static final AttrConstraint I64_ATTR = AttrConstraint.of("64-bit signless integer attribute", a -> isIntegerAttrOf(a, 64)).withAsm(AttrAsm.typed(IntegerType.I64));

  /** ODS I32Attr. */
  public static final AttrConstraint I32_ATTR = AttrConstraint.of("32-bit signless integer attribute", a -> isIntegerAttrOf(a, 32)).withAsm(AttrAsm.typed(IntegerType.I32));

  /**
   * An ODS integer enum attribute ({@code I64EnumAttr}, {@code I32EnumAttr}): an IntegerAttr of a
   * signless {@code width}-bit type whose value indexes {@code cases}, written as the case keyword.
   * {@code description} is the enum's summary, or null for ODS's default ({@code allowed 64-bit
   * signless integer cases: 0, 1, 2}).
   */
  public static AttrConstraint intEnum(String description, int width, String... cases) {
    StringBuilder d = new StringBuilder();
    if (description != null) d.append(description);
    else {
      d.append("allowed ").append(width).append("-bit signless integer cases: ");
      for (int i = 0; i < cases.length; i++) d.append(i == 0 ? "" : ", ").append(i);
    }
    int n = cases.length;
    return AttrConstraint.of(d.toString(), a -> isIntegerAttrOf(a, width) && ((IntegerAttr) a).value() >= 0 && ((IntegerAttr) a).value() < n)
        .withAsm(AttrAsm.intEnum(IntegerType.get(width), cases));
  }

  /** True for an IntegerAttr of a signless integer type of {@code width} bits. */
  public static boolean isIntegerAttrOf(Attribute a, int width) {
    return a instanceof IntegerAttr i && i.type() instanceof IntegerType t && t.isSignless() && t.width() == width;
  }

  /**
   * The type of a typed attribute (MLIR's TypedAttr::getType), or null for attributes without one.
   * A string written without a type has type {@code none}, as in MLIR.
   */
  public static Type typeOf(Attribute a) {
    if (a instanceof IntegerAttr i) return i.type();
    if (a instanceof FloatAttr f) return f.type();
    if (a instanceof DenseElementsAttr d) return d.type();
    if (a instanceof DenseResourceAttr d) return d.type();
    if (a instanceof StringAttr s) return s.type() == null ? NoneType.INSTANCE : s.type();
    if (a instanceof OpaqueAttr o) return o.type() == null ? NoneType.INSTANCE : o.type();
    return null;
  }
}
