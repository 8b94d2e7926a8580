package gvm.ir.print;

import gvm.ir.affine.AffineExpr;
import gvm.ir.affine.AffineMap;
import gvm.ir.affine.IntegerSet;
import gvm.ir.apfloat.APFloat;
import gvm.ir.attributes.*;
import gvm.ir.types.*;
import java.nio.ByteBuffer;
import java.util.List;

/** Attribute, type and location syntax, as MLIR's AsmPrinter::Impl. */
final class AttrTypePrinter {
  private AttrTypePrinter() {}

  enum Elision { NEVER, MAY, MUST }

  private static final char[] HEX = "0123456789ABCDEF".toCharArray();

  // ---------------------------------------------------------------- types

  static void type(AsmPrinter p, Type t) {
    if (p.printAlias(t)) return;
    typeNoAlias(p, t);
  }

  static void typeNoAlias(AsmPrinter p, Type t) {
    StringBuilder sb = p.out();
    if (t instanceof IntegerType it) {
      sb.append(it.isSignless() ? "i" : it.isSigned() ? "si" : "ui").append(it.width());
    } else if (t instanceof FloatType ft) {
      sb.append(ft.semantics().keyword());
    } else if (t instanceof IndexType) {
      sb.append("index");
    } else if (t instanceof NoneType) {
      sb.append("none");
    } else if (t instanceof RankedTensorType rt) {
      sb.append("tensor<");
      dims(sb, rt.shape(), null);
      type(p, rt.elementType());
      if (rt.encoding() != null) {
        sb.append(", ");
        attribute(p, rt.encoding(), Elision.NEVER);
      }
      sb.append('>');
    } else if (t instanceof UnrankedTensorType ut) {
      sb.append("tensor<*x");
      type(p, ut.elementType());
      sb.append('>');
    } else if (t instanceof VectorType vt) {
      sb.append("vector<");
      dims(sb, vt.shape(), vt.scalableDims());
      type(p, vt.elementType());
      sb.append('>');
    } else if (t instanceof MemRefType mt) {
      sb.append("memref<");
      dims(sb, mt.shape(), null);
      type(p, mt.elementType());
      if (mt.layout() != null && !(mt.layout() instanceof AffineMapAttr am && am.map().isIdentity())) {
        sb.append(", ");
        attribute(p, mt.layout(), Elision.MAY);
      }
      if (mt.memorySpace() != null) {
        sb.append(", ");
        attribute(p, mt.memorySpace(), Elision.MAY);
      }
      sb.append('>');
    } else if (t instanceof UnrankedMemRefType um) {
      sb.append("memref<*x");
      type(p, um.elementType());
      if (um.memorySpace() != null) {
        sb.append(", ");
        attribute(p, um.memorySpace(), Elision.MAY);
      }
      sb.append('>');
    } else if (t instanceof ComplexType ct) {
      sb.append("complex<");
      type(p, ct.elementType());
      sb.append('>');
    } else if (t instanceof TupleType tt) {
      sb.append("tuple<");
      List<Type> l = tt.types();
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        type(p, l.get(i));
      }
      sb.append('>');
    } else if (t instanceof FunctionType ft) {
      p.printFunctionalType(ft.inputs(), ft.results());
    } else if (t instanceof OpaqueType ot) {
      sb.append('!');
      dialectSymbol(sb, ot.dialect(), ot.body());
    } else if (t instanceof DialectType dt) {
      sb.append('!').append(dt.dialect()).append('.');
      dt.printBody(p);
    } else {
      sb.append("<<UNKNOWN TYPE>>");
    }
  }

  private static void dims(StringBuilder sb, Shape s, VectorType.ScalableDims scalable) {
    for (int i = 0; i < s.rank(); i++) {
      boolean sc = scalable != null && scalable.isScalable(i);
      if (sc) sb.append('[');
      if (s.isDynamic(i)) sb.append('?'); else sb.append(s.dim(i));
      if (sc) sb.append(']');
      sb.append('x');
    }
  }

  /** {@code dialect.body} when the body is "pretty", else {@code dialect<"body">}, as MLIR's printDialectSymbol. */
  static void dialectSymbol(StringBuilder sb, String dialect, String body) {
    sb.append(dialect);
    if (isPrettyDialectBody(body)) sb.append('.').append(body);
    else {
      sb.append('<');
      escapedString(sb, body);
      sb.append('>');
    }
  }

  private static boolean isPrettyDialectBody(String body) {
    if (body.isEmpty() || !isIdentStart(body.charAt(0))) return false;
    int i = 1;
    while (i < body.length() && isIdentChar(body.charAt(i))) i++;
    if (i == body.length()) return true;
    if (body.charAt(i) != '<' || body.charAt(body.length() - 1) != '>') return false;
    // the rest must be balanced: MLIR checks nesting of <>, [], (), {} and quotes
    java.util.ArrayDeque<Character> st = new java.util.ArrayDeque<>();
    for (int k = i; k < body.length(); k++) {
      char c = body.charAt(k);
      if (c == '"') {
        for (k++; k < body.length() && body.charAt(k) != '"'; k++) if (body.charAt(k) == '\\') k++;
        if (k >= body.length()) return false;
        continue;
      }
      if (c == '<' || c == '[' || c == '(' || c == '{') st.push(c);
      else if (c == '>' || c == ']' || c == ')' || c == '}') {
        if (st.isEmpty()) return false;
        char o = st.pop();
        if ("<[({".indexOf(o) != ">])}".indexOf(c)) return false;
        if (st.isEmpty() && k != body.length() - 1) return false;
      }
    }
    return st.isEmpty();
  }

  // ---------------------------------------------------------------- attributes

  static void attribute(AsmPrinter p, Attribute a, Elision e) {
    if (p.printAlias(a)) return;
    attributeNoAlias(p, a, e);
  }

  static void attributeNoAlias(AsmPrinter p, Attribute a, Elision e) {
    StringBuilder sb = p.out();
    Type typeSuffix = null;
    if (a instanceof IntegerAttr ia) {
      if (ia.isBool() && ((IntegerType) ia.type()).isSignless()) {
        sb.append(ia.boolValue() ? "true" : "false");
        return;
      }
      if (ia.wide() != null) sb.append(ia.wide()); else if (ia.type() instanceof IntegerType it && it.isUnsigned()) sb.append(Long.toUnsignedString(ia.value()));
      else sb.append(ia.value());
      if (!(e == Elision.MAY && ia.type().equals(IntegerType.I64))) typeSuffix = ia.type();
    } else if (a instanceof FloatAttr fa) {
      String s = APFloat.format(fa.bits(), fa.type().semantics());
      sb.append(s);
      boolean hex = s.startsWith("0x");
      if (!(e == Elision.MAY && fa.type().equals(FloatType.F64) && !hex)) typeSuffix = fa.type();
    } else if (a instanceof StringAttr sa) {
      escapedString(sb, sa.value());
      typeSuffix = sa.type();
    } else if (a instanceof UnitAttr) {
      sb.append("unit");
    } else if (a instanceof ArrayAttr aa) {
      sb.append('[');
      List<Attribute> l = aa.elements();
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        attribute(p, l.get(i), Elision.MAY);
      }
      sb.append(']');
    } else if (a instanceof DictionaryAttr da) {
      sb.append('{');
      List<NamedAttribute> l = da.entries();
      for (int i = 0; i < l.size(); i++) {
        if (i > 0) sb.append(", ");
        p.printNamedAttribute(l.get(i));
      }
      sb.append('}');
    } else if (a instanceof TypeAttr ta) {
      type(p, ta.type());
    } else if (a instanceof SymbolRefAttr sr) {
      symbolName(sb, sr.root());
      for (String n : sr.nested()) {
        sb.append("::");
        symbolName(sb, n);
      }
    } else if (a instanceof DenseArrayAttr d) {
      sb.append("array<");
      type(p, d.elementType());
      if (d.size() > 0) {
        sb.append(": ");
        for (int i = 0; i < d.size(); i++) {
          if (i > 0) sb.append(", ");
          scalar(sb, d.elementType(), d.get(i));
        }
      }
      sb.append('>');
      return;
    } else if (a instanceof DenseElementsAttr d) {
      long limit = p.opts.elideElementsAttrsIfLarger();
      // MLIR never elides a splat (shouldElideElementsAttr).
      if (limit >= 0 && d.numElements() > limit && !d.isSplat()) sb.append("dense_resource<__elided__>");
      else {
        sb.append("dense<");
        DensePrinter.print(sb, d, p.opts.hexThreshold());
        sb.append('>');
      }
      typeSuffix = d.type();
    } else if (a instanceof DenseResourceAttr r) {
      sb.append("dense_resource<");
      keywordOrString(sb, r.handle());
      sb.append('>');
      p.resources.putIfAbsent(r.handle(), r.blob());
      typeSuffix = r.type();
    } else if (a instanceof AffineMapAttr am) {
      sb.append("affine_map<");
      affineMap(sb, am.map());
      sb.append('>');
    } else if (a instanceof IntegerSetAttr is) {
      sb.append("affine_set<");
      integerSet(sb, is.set());
      sb.append('>');
    } else if (a instanceof StridedLayoutAttr s) {
      sb.append("strided<[");
      for (int i = 0; i < s.strides().size(); i++) {
        if (i > 0) sb.append(", ");
        long v = s.strides().get(i);
        if (v == ShapedType.DYNAMIC) sb.append('?'); else sb.append(v);
      }
      sb.append(']');
      if (s.offset() != 0) {
        sb.append(", offset: ");
        if (s.offset() == ShapedType.DYNAMIC) sb.append('?'); else sb.append(s.offset());
      }
      sb.append('>');
    } else if (a instanceof Location l) {
      sb.append("loc(");
      locationBody(p, l, true);
      sb.append(')');
    } else if (a instanceof OpaqueAttr oa) {
      sb.append('#');
      dialectSymbol(sb, oa.dialect(), oa.body());
      typeSuffix = oa.type();
    } else if (a instanceof DialectAttribute da) {
      sb.append('#').append(da.dialect()).append('.');
      da.printBody(p);
    }
    if (e != Elision.MUST && typeSuffix != null && !(typeSuffix instanceof NoneType)) {
      sb.append(" : ");
      type(p, typeSuffix);
    }
  }

  /** One integer, bool or float element of the given element type. */
  static void scalar(StringBuilder sb, Type elementType, long v) {
    if (elementType instanceof FloatType ft) sb.append(APFloat.format(v, ft.semantics()));
    else if (elementType instanceof IntegerType it && it.width() == 1) sb.append(v != 0 ? "true" : "false");
    else if (elementType instanceof IntegerType it && it.isUnsigned()) sb.append(Long.toUnsignedString(v));
    else sb.append(v);
  }

  // ---------------------------------------------------------------- locations

  static void locationBody(AsmPrinter p, Location loc, boolean topLevel) {
    if (!topLevel && p.printAlias(loc)) return;
    StringBuilder sb = p.out();
    if (loc instanceof Location.Unknown) {
      sb.append(p.opts.prettyDebugInfo() ? "[unknown]" : "unknown");
    } else if (loc instanceof Location.FileLineCol f) {
      if (p.opts.prettyDebugInfo()) sb.append(f.file()); else escapedString(sb, f.file());
      sb.append(':').append(f.line()).append(':').append(f.column());
    } else if (loc instanceof Location.Name n) {
      escapedString(sb, n.name());
      if (!(n.child() instanceof Location.Unknown)) {
        sb.append('(');
        locationBody(p, n.child(), false);
        sb.append(')');
      }
    } else if (loc instanceof Location.CallSite c) {
      if (p.opts.prettyDebugInfo()) {
        // as LLVM 19: a new line (not indented) before "at" unless a name calls from a file position
        locationBody(p, c.callee(), false);
        boolean sameLine = c.callee() instanceof Location.Name && c.caller() instanceof Location.FileLineCol;
        sb.append(sameLine ? " at " : "\n at ");
        locationBody(p, c.caller(), false);
      } else {
        sb.append("callsite(");
        locationBody(p, c.callee(), false);
        sb.append(" at ");
        locationBody(p, c.caller(), false);
        sb.append(')');
      }
    } else if (loc instanceof Location.Fused f) {
      if (!p.opts.prettyDebugInfo()) sb.append("fused");
      if (f.metadata() != null) {
        sb.append('<');
        attribute(p, f.metadata(), Elision.NEVER);
        sb.append('>');
      }
      sb.append('[');
      for (int i = 0; i < f.locations().size(); i++) {
        if (i > 0) sb.append(", ");
        locationBody(p, f.locations().get(i), false);
      }
      sb.append(']');
    }
  }

  // ---------------------------------------------------------------- affine

  static void affineMap(StringBuilder sb, AffineMap m) {
    dimsAndSymbols(sb, m.numDims(), m.numSymbols());
    sb.append(" -> (");
    for (int i = 0; i < m.results().size(); i++) {
      if (i > 0) sb.append(", ");
      affineExpr(sb, m.results().get(i), true);
    }
    sb.append(')');
  }

  static void integerSet(StringBuilder sb, IntegerSet s) {
    dimsAndSymbols(sb, s.numDims(), s.numSymbols());
    sb.append(" : (");
    if (s.constraints().isEmpty()) sb.append("1 == 0");
    for (int i = 0; i < s.constraints().size(); i++) {
      if (i > 0) sb.append(", ");
      affineExpr(sb, s.constraints().get(i), true);
      sb.append(s.eqFlags().get(i) ? " == 0" : " >= 0");
    }
    sb.append(')');
  }

  private static void dimsAndSymbols(StringBuilder sb, int nd, int ns) {
    sb.append('(');
    for (int i = 0; i < nd; i++) sb.append(i > 0 ? ", d" : "d").append(i);
    sb.append(')');
    if (ns > 0) {
      sb.append('[');
      for (int i = 0; i < ns; i++) sb.append(i > 0 ? ", s" : "s").append(i);
      sb.append(']');
    }
  }

  /** MLIR's printAffineExprInternal: sums print {@code a - b} for negative coefficients and constants. */
  static void affineExpr(StringBuilder sb, AffineExpr e, boolean weak) {
    if (e instanceof AffineExpr.Dim d) { sb.append('d').append(d.position()); return; }
    if (e instanceof AffineExpr.Symbol s) { sb.append('s').append(s.position()); return; }
    if (e instanceof AffineExpr.Constant c) { sb.append(c.value()); return; }
    AffineExpr.Binary b = (AffineExpr.Binary) e;
    if (b.kind() != AffineExpr.Kind.ADD) {
      if (!weak) sb.append('(');
      if (b.kind() == AffineExpr.Kind.MUL && b.rhs() instanceof AffineExpr.Constant c && c.value() == -1) {
        sb.append('-');
        affineExpr(sb, b.lhs(), false);
      } else {
        affineExpr(sb, b.lhs(), false);
        sb.append(switch (b.kind()) {
          case MUL -> " * ";
          case MOD -> " mod ";
          case FLOORDIV -> " floordiv ";
          case CEILDIV -> " ceildiv ";
          default -> " ? ";
        });
        affineExpr(sb, b.rhs(), false);
      }
      if (!weak) sb.append(')');
      return;
    }
    if (!weak) sb.append('(');
    affineExpr(sb, b.lhs(), true);
    AffineExpr r = b.rhs();
    if (r instanceof AffineExpr.Binary rb && rb.kind() == AffineExpr.Kind.MUL && rb.rhs() instanceof AffineExpr.Constant rc && rc.value() < 0) {
      sb.append(" - ");
      if (rc.value() == -1) affineExpr(sb, rb.lhs(), false);
      else {
        affineExpr(sb, rb.lhs(), false);
        sb.append(" * ").append(-rc.value());
      }
    } else if (r instanceof AffineExpr.Constant rc && rc.value() < 0) {
      sb.append(" - ").append(-rc.value());
    } else {
      sb.append(" + ");
      affineExpr(sb, r, true);
    }
    if (!weak) sb.append(')');
  }

  // ---------------------------------------------------------------- strings

  /** llvm::printEscapedString inside quotes. Chars are bytes (see {@link StringAttr}). */
  static void escapedString(StringBuilder sb, String s) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\') sb.append("\\\\");
      else if (c >= 0x20 && c < 0x7F && c != '"') sb.append(c);
      else sb.append('\\').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
    }
    sb.append('"');
  }

  static boolean isIdentStart(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_'; }

  static boolean isIdentChar(char c) { return isIdentStart(c) || (c >= '0' && c <= '9') || c == '$' || c == '.'; }

  static boolean isBareIdentifier(String s) {
    if (s.isEmpty() || !isIdentStart(s.charAt(0))) return false;
    for (int i = 1; i < s.length(); i++) if (!isIdentChar(s.charAt(i))) return false;
    return true;
  }

  static void keywordOrString(StringBuilder sb, String s) {
    if (isBareIdentifier(s)) sb.append(s); else escapedString(sb, s);
  }

  static void symbolName(StringBuilder sb, String s) {
    sb.append('@');
    keywordOrString(sb, s);
  }

  static void hexBlob(StringBuilder sb, ResourceBlob b) {
    long align = b.alignment();
    for (int i = 0; i < 4; i++) {
      int v = (int) (align >>> (8 * i)) & 0xFF;
      sb.append(HEX[v >> 4]).append(HEX[v & 0xF]);
    }
    ByteBuffer d = b.data();
    if (d == null) return;
    while (d.hasRemaining()) {
      int v = d.get() & 0xFF;
      sb.append(HEX[v >> 4]).append(HEX[v & 0xF]);
    }
  }

  static void hexByte(StringBuilder sb, int v) { sb.append(HEX[(v >> 4) & 0xF]).append(HEX[v & 0xF]); }

}
