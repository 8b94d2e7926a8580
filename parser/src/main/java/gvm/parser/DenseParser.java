package gvm.parser;

import static gvm.parser.MlirLexer.*;

import gvm.ir.apfloat.APFloat;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.types.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/** {@code dense<...>} and {@code array<...>} literals (MLIR's TensorLiteralParser). */
final class DenseParser {
  private final Parser p;

  DenseParser(Parser p) { this.p = p; }

  /** One scalar literal as written: its token kind, text, sign and offset. */
  private record Lit(int kind, String text, boolean neg, int offset) {}

  /** True while parsing {@code array<...>}, whose errors MLIR words differently from {@code dense<...>}. */
  private boolean inArray;

  private final List<Object> elements = new ArrayList<>(); // Lit, or Lit[2] for complex, or String
  private final List<Long> shape = new ArrayList<>();
  private boolean shapeSet;

  /** {@code <literal> [: type]} after the {@code dense} keyword at {@code denseAt}. */
  Attribute parseDense(Type expected, int denseAt) {
    p.parsePunct("<");
    int litStart = p.offset();
    String hex = null;
    boolean empty = false;
    if (p.at(GREATER)) empty = true;
    else if (p.at(STRING)) {
      String s = p.parseString();
      if (s.startsWith("0x") && isHex(s.substring(2))) hex = s;
      else {
        elements.add(s);
        shape.clear();
        shapeSet = true;
        // a string list [..] is handled by parseList; a single string is a splat
      }
    } else parseElementOrList(0);
    p.parsePunct(">");
    Type t = expected;
    int typeAt = p.offset();
    // MLIR's TensorLiteralParser::getAttr reports at the type's ':' (or at 'dense' when the type was given)
    int loc = expected != null ? denseAt : typeAt;
    if (t == null) {
      p.parsePunct(":");
      typeAt = p.offset();
      t = p.parseType();
    } else if (p.consumeIf(COLON)) {
      typeAt = p.offset();
      t = p.parseType();
    }
    if (!(t instanceof ShapedType st) || !st.hasStaticShape() || !(t instanceof RankedTensorType || t instanceof VectorType))
      throw p.coreError(typeAt, "elements literal must be a ranked tensor or vector type");
    if (hex != null) return fromHex(st, hex, litStart);
    if (empty) {
      if (st.numElements() != 0) throw p.coreError(loc, "parsed zero elements, but type ('" + gvm.ir.print.AsmPrinter.toString(p.ctx, t) + "') expected at least 1");
      return DenseElementsAttr.of(st, new long[0]);
    }
    boolean splat = shape.isEmpty() && elements.size() == 1;
    if (!splat) {
      long[] want = st.shape().toArray();
      boolean ok = want.length == shape.size();
      for (int i = 0; ok && i < want.length; i++) ok = want[i] == shape.get(i);
      if (!ok) throw p.coreError(loc, "inferred shape of elements literal (" + shapeStr(shape) + ") does not match type (" + shapeStr(want) + ")");
    }
    if (elements.get(0) instanceof String) {
      String[] s = new String[elements.size()];
      for (int i = 0; i < s.length; i++) {
        if (!(elements.get(i) instanceof String str)) throw p.coreError(litStart, "expected string element");
        s[i] = str;
      }
      return DenseElementsAttr.ofStrings(st, s);
    }
    Type elt = st.elementType();
    if (elt instanceof ComplexType ct) {
      long[] data = new long[elements.size() * 2];
      for (int i = 0; i < elements.size(); i++) {
        if (!(elements.get(i) instanceof Lit[] pair)) throw p.coreError(litStart, "expected complex element");
        data[2 * i] = scalar(pair[0], ct.elementType());
        data[2 * i + 1] = scalar(pair[1], ct.elementType());
      }
      return DenseElementsAttr.of(st, data);
    }
    long[] data = new long[elements.size()];
    for (int i = 0; i < data.length; i++) {
      if (!(elements.get(i) instanceof Lit l)) throw p.coreError(litStart, "unexpected complex element for non-complex type");
      data[i] = scalar(l, elt);
    }
    return DenseElementsAttr.of(st, data);
  }

  private static String shapeStr(List<Long> s) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < s.size(); i++) sb.append(i > 0 ? ", " : "").append(s.get(i));
    return sb.append(']').toString();
  }

  private static String shapeStr(long[] s) {
    StringBuilder sb = new StringBuilder("[");
    for (int i = 0; i < s.length; i++) sb.append(i > 0 ? ", " : "").append(s[i]);
    return sb.append(']').toString();
  }

  private static boolean isHex(String s) {
    if (s.isEmpty()) return false;
    for (int i = 0; i < s.length(); i++) if (Character.digit(s.charAt(i), 16) < 0) return false;
    return true;
  }

  /** Parses an element or nested list at {@code depth}, recording the shape. */
  private void parseElementOrList(int depth) {
    if (p.at(LSQUARE)) {
      p.consume();
      long count = 0;
      List<Long> inner = null;
      if (!p.at(RSQUARE)) {
        do {
          int before = shape.size();
          List<Long> saved = new ArrayList<>(shape);
          shape.clear();
          shapeSet = false;
          parseElementOrList(depth + 1);
          List<Long> sub = new ArrayList<>(shape);
          shape.clear();
          shape.addAll(saved);
          if (inner == null) inner = sub;
          else if (!inner.equals(sub)) throw p.err("tensor literal is invalid; ranks are not consistent between elements");
          count++;
          if (before < 0) break;
        } while (p.consumeIf(COMMA));
      }
      p.parsePunct("]");
      shape.clear();
      shape.add(count);
      if (inner != null) shape.addAll(inner);
      return;
    }
    if (p.at(LPAREN)) {
      p.consume();
      Lit re = lit();
      p.parsePunct(",");
      Lit im = lit();
      p.parsePunct(")");
      elements.add(new Lit[] {re, im});
      return;
    }
    if (p.at(STRING)) {
      elements.add(p.parseString());
      return;
    }
    elements.add(lit());
  }

  private Lit lit() {
    int at = p.offset();
    boolean neg = p.consumeIf(MINUS);
    int k = p.tok();
    if (k == BARE_ID && (p.atKeyword("true") || p.atKeyword("false")) && !neg) {
      String t = p.spelling();
      p.consume();
      return new Lit(BARE_ID, t, false, at);
    }
    if (k != INT_LIT && k != HEX_LIT && k != FLOAT_LIT) throw p.wrongToken("expected element literal of primitive type");
    String t = p.spelling();
    p.consume();
    return new Lit(k, t, neg, at);
  }

  /** Converts a literal to the storage of {@code elt} (normalized integer or float bits). */
  private long scalar(Lit l, Type elt) {
    if (elt instanceof FloatType ft) {
      if (l.kind == BARE_ID) throw p.coreError(l.offset, "expected floating point literal");
      if (l.kind == HEX_LIT) {
        BigInteger bits = new BigInteger(l.text.substring(2), 16);
        if (bits.bitLength() > ft.width()) throw p.coreError(l.offset, "hexadecimal float constant out of range for type");
        return bits.longValue();
      }
      if (l.kind == INT_LIT) {
        // as MLIR: array<f32: 1> rejects the literal itself; dense<1> : tensor<f32> reports after the type
        if (inArray) throw p.coreError(l.offset, "unexpected decimal integer literal for a floating point value")
            .note(l.offset, "add a trailing dot to make the literal a float");
        throw p.coreError(p.offset(), "expected floating-point elements, but parsed integer");
      }
      return APFloat.parseLiteral(l.neg ? "-" + l.text : l.text, ft.semantics());
    }
    if (!(elt instanceof IntegerType) && !(elt instanceof IndexType)) throw p.coreError(l.offset, "expected integer elements, but parsed floating-point");
    if (l.kind == BARE_ID) {
      if (!(elt instanceof IntegerType it && it.width() == 1)) throw p.coreError(l.offset, "expected i1 type for 'true' or 'false' values");
      return l.text.equals("true") ? -1 : 0;
    }
    if (l.kind == FLOAT_LIT) throw p.coreError(l.offset, "expected integer elements, but parsed floating-point");
    BigInteger v = l.kind == HEX_LIT ? new BigInteger(l.text.substring(2), 16) : new BigInteger(l.text);
    return IntegerAttr.of(elt, p.checkIntRange(v, l.neg, elt, l.offset)).value();
  }

  private Attribute fromHex(ShapedType st, String hex, int at) {
    Type elt = st.elementType();
    int parts = elt instanceof ComplexType ? 2 : 1;
    Type scalarType = elt instanceof ComplexType ct ? ct.elementType() : elt;
    int width = scalarType instanceof IntegerType it ? it.width() : scalarType instanceof FloatType ft ? ft.width() : 64;
    byte[] bytes = new BigInteger("01" + hex.substring(2), 16).toByteArray();
    byte[] raw = new byte[(hex.length() - 2) / 2];
    System.arraycopy(bytes, bytes.length - raw.length, raw, 0, raw.length);
    long n = st.numElements() * parts;
    long[] data;
    if (width == 1) {
      if (raw.length == 1 && (raw[0] == 0 || raw[0] == 1 || raw[0] == (byte) 0xFF) && n != 1 && raw.length * 8L < n) {
        data = new long[] {raw[0] != 0 ? -1 : 0};
      } else {
        if (raw.length != (n + 7) / 8) throw p.coreError(at, "elements hex data size is invalid for provided type");
        data = new long[(int) n];
        for (int i = 0; i < n; i++) data[i] = ((raw[i >> 3] >> (i & 7)) & 1) != 0 ? -1 : 0;
      }
    } else {
      int eb = (width + 7) / 8;
      long count;
      if (raw.length == (long) eb * parts) count = parts;
      else if (raw.length == n * eb) count = n;
      else throw p.coreError(at, "elements hex data size is invalid for provided type");
      data = new long[(int) count];
      for (int i = 0; i < count; i++) {
        long v = 0;
        for (int b = 0; b < eb && b < 8; b++) v |= (raw[i * eb + b] & 0xFFL) << (8 * b);
        if (scalarType instanceof IntegerType || scalarType instanceof IndexType) v = IntegerAttr.of(scalarType, v).value();
        data[i] = v;
      }
    }
    return DenseElementsAttr.of(st, data);
  }

  /** {@code array<i64: 1, 2>} after the keyword. */
  Attribute parseDenseArray() {
    inArray = true;
    p.parsePunct("<");
    int at = p.offset();
    Type t = p.parseType();
    if (!(t instanceof IntegerType) && !(t instanceof FloatType)) throw p.coreError(at, "expected integer or float type, got: " + gvm.ir.print.AsmPrinter.toString(p.ctx, t));
    List<Long> vals = new ArrayList<>();
    if (p.consumeIf(COLON)) {
      do vals.add(scalar(lit(), t)); while (p.consumeIf(COMMA));
    }
    p.parsePunct(">");
    long[] a = new long[vals.size()];
    for (int i = 0; i < a.length; i++) a[i] = vals.get(i);
    return new DenseArrayAttr(t, a);
  }
}
