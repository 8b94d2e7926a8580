package gvm.ir.def;

import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.FloatAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.attributes.UnitAttr;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * How a property prints and parses when an assembly format names it ({@code $predicate}), as the
 * C++ storage class of an ODS attribute decides in MLIR (EnumAttr, SymbolNameAttr, I64Attr, ...).
 * Carried by {@link AttrConstraint#asm()}; a constraint without one uses {@link #ATTRIBUTE}.
 *
 * <p>Parse methods throw {@link gvm.ir.asm.ParseException} with MLIR's message; {@code name} is the
 * property's name, which MLIR's enum messages quote. {@code parseOptional} returns null without
 * consuming anything when the next token cannot start the attribute (used when the property leads
 * an optional group, or is optional).
 */
public interface AttrAsm {
  Attribute parse(AsmParser p, String name);

  Attribute parseOptional(AsmParser p, String name);

  void print(Attribute a, AsmPrinter p);

  /** True for unit attributes: an optional group anchored on one prints and parses no token for it. */
  default boolean isUnit() { return false; }

  /** The syntax under the format's {@code qualified($x)}: stripped dialect forms print in full. */
  default AttrAsm qualified() { return this; }

  /** Any attribute, printed in full ({@code @callee}, {@code 42 : i32}, {@code dense<...>}). */
  AttrAsm ATTRIBUTE = new AttrAsm() {
    @Override public Attribute parse(AsmParser p, String name) { return p.parseAttribute(null); }

    @Override public Attribute parseOptional(AsmParser p, String name) { return p.parseOptionalAttribute(null); }

    @Override public void print(Attribute a, AsmPrinter p) { p.printAttribute(a); }
  };

  /** A unit attribute ({@code UnitAttr}); as a lone element it reads and prints {@code unit}. */
  AttrAsm UNIT = new AttrAsm() {
    @Override public Attribute parse(AsmParser p, String name) { return ATTRIBUTE.parse(p, name); }

    @Override public Attribute parseOptional(AsmParser p, String name) { return ATTRIBUTE.parseOptional(p, name); }

    @Override public void print(Attribute a, AsmPrinter p) { p.printAttribute(a); }

    @Override public boolean isUnit() { return true; }
  };

  /** {@code @foo} stored as a StringAttr (ODS SymbolNameAttr: {@code sym_name} of func.func, mesh.mesh). */
  AttrAsm SYMBOL_NAME = new AttrAsm() {
    @Override public Attribute parse(AsmParser p, String name) { return StringAttr.of(p.parseSymbolName()); }

    @Override public Attribute parseOptional(AsmParser p, String name) {
      String s = p.parseOptionalSymbolName();
      return s == null ? null : StringAttr.of(s);
    }

    @Override public void print(Attribute a, AsmPrinter p) {
      if (a instanceof StringAttr s) p.printSymbolName(s.value()); else p.printAttribute(a);
    }
  };

  /** {@code @callee} (ODS FlatSymbolRefAttr); anything else is MLIR's "invalid kind of attribute specified". */
  AttrAsm FLAT_SYMBOL_REF = new AttrAsm() {
    @Override public Attribute parse(AsmParser p, String name) {
      int at = p.offset();
      Attribute a = p.parseAttribute(null);
      if (!(a instanceof SymbolRefAttr s) || !s.isFlat()) throw p.error(at, "invalid kind of attribute specified");
      return a;
    }

    @Override public Attribute parseOptional(AsmParser p, String name) {
      String s = p.parseOptionalSymbolName();
      return s == null ? null : SymbolRefAttr.flat(s);
    }

    @Override public void print(Attribute a, AsmPrinter p) { p.printAttribute(a); }
  };

  /**
   * An attribute whose type the op fixes (ODS attributes with a buildable type: I64Attr, IndexAttr,
   * BoolAttr): printed without {@code : type}, parsed with {@code type} supplied.
   */
  static AttrAsm typed(Type type) {
    return new AttrAsm() {
      @Override public Attribute parse(AsmParser p, String name) { return p.parseAttribute(type); }

      @Override public Attribute parseOptional(AsmParser p, String name) { return p.parseOptionalAttribute(type); }

      @Override public void print(Attribute a, AsmPrinter p) { p.printAttributeWithoutType(a); }
    };
  }

  /**
   * An ODS integer enum ({@code I64EnumAttr} such as arith.cmpi's predicate): stored as an
   * IntegerAttr of {@code storage} whose value is the case's index in {@code cases}; written as the
   * case keyword ({@code sge}), or as a string when the case is not a keyword.
   */
  static AttrAsm intEnum(IntegerType storage, String... cases) { return new EnumAsm(storage, List.of(cases)); }

  /** {@link #intEnum} stored as i64, as ODS I64EnumAttr. */
  static AttrAsm i64Enum(String... cases) { return intEnum(IntegerType.I64, cases); }

  /** Parses what follows a dialect attribute's mnemonic ({@code <nsw, nuw>}). */
  @FunctionalInterface interface BodyParser { Attribute parse(AsmParser p); }

  /**
   * A dialect attribute printed without {@code #dialect.mnemonic} (MLIR's printStrippedAttrOrType):
   * {@code #arith.overflow<nsw>} prints {@code <nsw>} after the format's {@code overflow} literal,
   * {@code #mesh.partial<max>} prints {@code <max>}. Parsing reads the body with {@code body} when at
   * {@code <}, else a full attribute (MLIR's parseCustomAttributeWithFallback).
   */
  static AttrAsm stripped(String dialect, String mnemonic, BodyParser body) {
    String prefix = "#" + dialect + "." + mnemonic;
    return new AttrAsm() {
      @Override public Attribute parse(AsmParser p, String name) {
        if (p.atPunct("<")) return body.parse(p);
        // Only a full `#dialect.x<...>` is an alternative; anything else gets the body's own error.
        Attribute a = p.parseOptionalAttribute(null);
        return a != null ? a : body.parse(p);
      }

      @Override public Attribute parseOptional(AsmParser p, String name) { return p.atPunct("<") ? body.parse(p) : null; }

      @Override public AttrAsm qualified() { return ATTRIBUTE; }

      @Override public void print(Attribute a, AsmPrinter p) {
        StringBuilder sb = p.out();
        int start = sb.length();
        p.printAttribute(a);
        // An alias (#alias) stays as is, as printStrippedAttrOrType tries aliases first.
        if (sb.length() - start >= prefix.length() && sb.indexOf(prefix, start) == start) sb.delete(start, start + prefix.length());
      }
    };
  }

  /**
   * A DenseArrayAttr written as a bare list: {@code [1, 2]}, {@code []}, {@code [true, false]} (the
   * stripped form of DenseI64ArrayAttr and friends).
   */
  static AttrAsm denseArray(Type elementType) { return new DenseArrayAsm(elementType); }

  /** DenseI64ArrayAttr. */
  AttrAsm DENSE_I64_ARRAY = denseArray(IntegerType.I64);

  /** DenseI32ArrayAttr. */
  AttrAsm DENSE_I32_ARRAY = denseArray(IntegerType.I32);

  /** DenseI16ArrayAttr (mesh axes). */
  AttrAsm DENSE_I16_ARRAY = denseArray(IntegerType.I16);

  /** DenseBoolArrayAttr. */
  AttrAsm DENSE_BOOL_ARRAY = denseArray(IntegerType.I1);

  /** See {@link #intEnum}. */
  final class EnumAsm implements AttrAsm {
    private final IntegerType storage;
    private final List<String> cases;

    EnumAsm(IntegerType storage, List<String> cases) {
      this.storage = storage;
      this.cases = cases;
    }

    @Override public Attribute parse(AsmParser p, String name) {
      int at = p.offset();
      String s = p.parseOptionalKeyword();
      // A keyword that is no case fails like a missing one, as MLIR's parseOptionalKeyword(&str, cases).
      if (s == null) s = p.parseOptionalString(); else if (!cases.contains(s)) s = null;
      if (s == null) throw p.error(at, "expected string or keyword containing one of the following enum values for attribute '" + name + "' [" + String.join(", ", cases) + "]");
      int i = cases.indexOf(s);
      if (i < 0) throw p.error(at, "invalid " + name + " attribute specification: \"" + s + "\"");
      return IntegerAttr.of(storage, i);
    }

    @Override public Attribute parseOptional(AsmParser p, String name) {
      for (int i = 0; i < cases.size(); i++) if (isKeyword(cases.get(i)) && p.parseOptionalKeyword(cases.get(i))) return IntegerAttr.of(storage, i);
      int at = p.offset();
      String s = p.parseOptionalString();
      if (s == null) return null;
      int i = cases.indexOf(s);
      if (i < 0) throw p.error(at, "invalid " + name + " attribute specification: \"" + s + "\"");
      return IntegerAttr.of(storage, i);
    }

    @Override public void print(Attribute a, AsmPrinter p) {
      if (!(a instanceof IntegerAttr ia) || ia.value() < 0 || ia.value() >= cases.size()) {
        p.printAttribute(a);
        return;
      }
      String c = cases.get((int) ia.value());
      if (isKeyword(c)) p.print(c); else p.printString(c);
    }

    /** The case names, in value order. */
    public List<String> cases() { return cases; }

    static boolean isKeyword(String s) {
      if (s.isEmpty() || !(Character.isLetter(s.charAt(0)) || s.charAt(0) == '_')) return false;
      for (int i = 1; i < s.length(); i++) {
        char c = s.charAt(i);
        if (!(Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.')) return false;
      }
      return true;
    }
  }

  /** See {@link #denseArray}. */
  final class DenseArrayAsm implements AttrAsm {
    private final Type elementType;

    DenseArrayAsm(Type elementType) { this.elementType = elementType; }

    @Override public Attribute parse(AsmParser p, String name) {
      p.parsePunct("[");
      List<Attribute> elems = new ArrayList<>();
      if (!p.parseOptionalPunct("]")) {
        do elems.add(p.parseAttribute(elementType)); while (p.parseOptionalPunct(","));
        p.parsePunct("]");
      }
      long[] vals = new long[elems.size()];
      for (int i = 0; i < vals.length; i++) {
        Attribute e = elems.get(i);
        if (e instanceof IntegerAttr ia) vals[i] = ia.wide() != null ? ia.wide().longValue() : ia.value();
        else if (e instanceof FloatAttr fa) vals[i] = fa.bits();
        else throw p.error(p.offset(), "expected integer or float element");
      }
      return new DenseArrayAttr(elementType, vals);
    }

    @Override public Attribute parseOptional(AsmParser p, String name) { return p.atPunct("[") ? parse(p, name) : null; }

    @Override public AttrAsm qualified() { return ATTRIBUTE; }

    @Override public void print(Attribute a, AsmPrinter p) {
      StringBuilder sb = p.out();
      int start = sb.length();
      p.printAttribute(a);
      // Reuse the builtin element printing: `array<i64: 1, 2>` becomes `[1, 2]`, `array<i64>` `[]`.
      if (!(a instanceof DenseArrayAttr) || sb.indexOf("array<", start) != start) return;
      int colon = sb.indexOf(": ", start);
      String body = colon < 0 ? "" : sb.substring(colon + 2, sb.length() - 1);
      sb.setLength(start);
      sb.append('[').append(body).append(']');
    }
  }
}
