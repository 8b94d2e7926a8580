package gvm.ir.format;

import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.asm.Argument;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.ParseException;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.*;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A character-level OpAsmParser over a small subset of MLIR (builtin scalar, tensor and function
 * types; integer, float, string, symbol, array, dictionary, dense array and {@code #d.m<...>}
 * attributes; ops in custom form only), so format programs can be tested inside the ir module,
 * which cannot see the real parser.
 */
final class FakeParser implements OpAsmParser {
  private final Context ctx;
  private final String s;
  private int pos;
  private final Map<String, Value> values = new HashMap<>();
  private final Map<String, Block> blocks = new HashMap<>();

  FakeParser(Context ctx, String text) {
    this.ctx = ctx;
    this.s = text;
  }

  void define(String name, Value v) { values.put(name, v); }

  Block block(String name) { return blocks.computeIfAbsent(name, k -> new Block()); }

  /** Parses {@code [%r =] name custom-form} and creates the op, binding its results. */
  Operation parseOp() {
    skipWs();
    List<String> res = new ArrayList<>();
    if (peek() == '%') {
      do res.add(parseOperand().name()); while (parseOptionalPunct(","));
      parsePunct("=");
    }
    skipWs();
    int at = pos;
    String name = ident(true);
    OpDef def = ctx.lookupOp(name);
    if (def == null) throw error(at, "custom op '" + name + "' is unknown");
    OperationState st = new OperationState(Location.UNKNOWN, ctx.opName(name));
    Formats.parse(def, this, st);
    Operation op = Operation.create(st);
    for (int i = 0; i < res.size() && i < op.numResults(); i++) values.put(res.get(i), op.result(i));
    return op;
  }

  // ---------------------------------------------------------------- lexing helpers

  private void skipWs() {
    while (pos < s.length() && Character.isWhitespace(s.charAt(pos))) pos++;
  }

  private char peek() { return pos < s.length() ? s.charAt(pos) : '\0'; }

  private static boolean identStart(char c) { return Character.isLetter(c) || c == '_'; }

  private static boolean identChar(char c) { return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '.'; }

  private String ident(boolean required) {
    skipWs();
    if (!identStart(peek())) {
      if (required) throw error(pos, "expected identifier");
      return null;
    }
    int st = pos;
    while (pos < s.length() && identChar(s.charAt(pos))) pos++;
    return s.substring(st, pos);
  }

  private String peekIdent() {
    int save = pos;
    String id = ident(false);
    pos = save;
    return id;
  }

  @Override public Context context() { return ctx; }

  @Override public int offset() {
    skipWs();
    return pos;
  }

  @Override public ParseException error(int offset, String message) { return new ParseException(offset, message); }

  @Override public void parsePunct(String p) {
    if (!parseOptionalPunct(p)) throw error(pos, "expected '" + p + "'");
  }

  @Override public boolean parseOptionalPunct(String p) {
    if (!atPunct(p)) return false;
    pos += p.length();
    return true;
  }

  @Override public void parseKeyword(String kw) {
    if (!parseOptionalKeyword(kw)) throw error(offset(), "expected '" + kw + "'");
  }

  @Override public boolean parseOptionalKeyword(String kw) {
    if (!kw.equals(peekIdent())) return false;
    ident(true);
    return true;
  }

  @Override public String parseOptionalKeyword() { return ident(false); }

  @Override public String parseKeywordOrString() {
    String k = parseOptionalKeywordOrString();
    if (k == null) throw error(offset(), "expected keyword or string");
    return k;
  }

  @Override public String parseOptionalKeywordOrString() {
    String k = ident(false);
    return k != null ? k : parseOptionalString();
  }

  @Override public long parseInteger() {
    BigInteger b = parseOptionalInteger();
    if (b == null) throw error(offset(), "expected integer value");
    return b.longValue();
  }

  @Override public BigInteger parseOptionalInteger() {
    skipWs();
    int st = pos;
    if (peek() == '-') pos++;
    if (!Character.isDigit(peek())) {
      pos = st;
      return null;
    }
    while (Character.isDigit(peek())) pos++;
    return new BigInteger(s.substring(st, pos));
  }

  @Override public String parseString() {
    String r = parseOptionalString();
    if (r == null) throw error(offset(), "expected string");
    return r;
  }

  @Override public String parseOptionalString() {
    skipWs();
    if (peek() != '"') return null;
    int end = s.indexOf('"', pos + 1);
    String r = s.substring(pos + 1, end);
    pos = end + 1;
    return r;
  }

  @Override public String parseSymbolName() {
    String r = parseOptionalSymbolName();
    if (r == null) throw error(offset(), "expected valid '@'-identifier for symbol name");
    return r;
  }

  @Override public String parseOptionalSymbolName() {
    skipWs();
    if (peek() != '@') return null;
    pos++;
    return ident(true);
  }

  // ---------------------------------------------------------------- types

  @Override public Type parseType() {
    Type t = parseOptionalType();
    if (t == null) throw error(offset(), "expected non-function type");
    return t;
  }

  @Override public Type parseOptionalType() {
    skipWs();
    if (peek() == '(') return parseFunctionType();
    String id = peekIdent();
    if (id == null) return null;
    if (id.equals("index")) return ident(true) == null ? null : IndexType.INSTANCE;
    if (id.matches("i[0-9]+")) return IntegerType.get(Integer.parseInt(ident(true).substring(1)));
    if (id.equals("f32")) return ident(true) == null ? null : FloatType.F32;
    if (id.equals("f64")) return ident(true) == null ? null : FloatType.F64;
    if (id.equals("tensor")) {
      ident(true);
      parsePunct("<");
      List<Long> dims = new ArrayList<>();
      while (true) {
        skipWs();
        if (peek() == '?') {
          pos++;
          dims.add(ShapedType.DYNAMIC);
        } else if (Character.isDigit(peek())) {
          int st = pos;
          while (Character.isDigit(peek())) pos++;
          dims.add(Long.parseLong(s.substring(st, pos)));
        } else {
          break;
        }
        if (peek() != 'x') throw error(pos, "expected 'x' in dimension list");
        pos++;
      }
      Type elt = parseType();
      parsePunct(">");
      long[] d = new long[dims.size()];
      for (int i = 0; i < d.length; i++) d[i] = dims.get(i);
      return RankedTensorType.get(elt, d);
    }
    return null;
  }

  @Override public Type parseColonType() {
    parsePunct(":");
    return parseType();
  }

  @Override public List<Type> parseColonTypeList() {
    parsePunct(":");
    return parseTypeList();
  }

  @Override public List<Type> parseTypeList() {
    List<Type> l = new ArrayList<>();
    do l.add(parseType()); while (parseOptionalPunct(","));
    return l;
  }

  @Override public List<Type> parseArrowTypeList() {
    parsePunct("->");
    if (parseOptionalPunct("(")) {
      List<Type> l = new ArrayList<>();
      if (!parseOptionalPunct(")")) {
        l = parseTypeList();
        parsePunct(")");
      }
      return l;
    }
    return List.of(parseType());
  }

  @Override public List<Type> parseOptionalArrowTypeList() { return atPunct("->") ? parseArrowTypeList() : List.of(); }

  @Override public FunctionType parseFunctionType() {
    parsePunct("(");
    List<Type> in = new ArrayList<>();
    if (!parseOptionalPunct(")")) {
      in = parseTypeList();
      parsePunct(")");
    }
    return new FunctionType(in, parseArrowTypeList());
  }

  // ---------------------------------------------------------------- attributes

  @Override public Attribute parseAttribute(Type type) {
    Attribute a = parseOptionalAttribute(type);
    if (a == null) throw error(offset(), "expected attribute value");
    return a;
  }

  @Override public Attribute parseOptionalAttribute(Type type) {
    skipWs();
    char c = peek();
    if (c == '"') return StringAttr.of(parseString());
    if (c == '@') return SymbolRefAttr.flat(parseSymbolName());
    if (c == '[') {
      pos++;
      List<Attribute> l = new ArrayList<>();
      if (!parseOptionalPunct("]")) {
        do l.add(parseAttribute(null)); while (parseOptionalPunct(","));
        parsePunct("]");
      }
      return new ArrayAttr(l);
    }
    if (c == '{') return parseDictionary();
    if (c == '#') {
      pos++;
      String dm = ident(true);
      int dot = dm.indexOf('.');
      int st = pos;
      int depth = 0;
      do {
        if (s.charAt(pos) == '<') depth++;
        if (s.charAt(pos) == '>') depth--;
        pos++;
      } while (depth > 0);
      return new FormatTestOps.EnumAttr(dm.substring(0, dot), dm.substring(dot + 1), s.substring(st + 1, pos - 1));
    }
    if (c == '-' || Character.isDigit(c)) {
      int st = pos;
      if (c == '-') pos++;
      while (Character.isDigit(peek())) pos++;
      boolean isFloat = peek() == '.';
      if (isFloat) {
        pos++;
        while (Character.isDigit(peek()) || peek() == 'e' || peek() == '+' || peek() == '-') pos++;
      }
      String lit = s.substring(st, pos);
      Type t = type;
      if (t == null) t = parseOptionalPunct(":") ? parseType() : isFloat ? FloatType.F64 : IntegerType.I64;
      if (t instanceof FloatType ft) return FloatAttr.of(ft, Double.parseDouble(lit));
      return IntegerAttr.of(t, new BigInteger(lit));
    }
    String id = peekIdent();
    if ("true".equals(id) || "false".equals(id)) {
      ident(true);
      return IntegerAttr.bool(id.equals("true"));
    }
    if ("unit".equals(id)) {
      ident(true);
      return UnitAttr.INSTANCE;
    }
    if ("array".equals(id)) {
      ident(true);
      parsePunct("<");
      Type elt = parseType();
      List<Long> vals = new ArrayList<>();
      if (parseOptionalPunct(":")) do vals.add(parseInteger()); while (parseOptionalPunct(","));
      parsePunct(">");
      long[] v = new long[vals.size()];
      for (int i = 0; i < v.length; i++) v[i] = vals.get(i);
      return new DenseArrayAttr(elt, v);
    }
    return null;
  }

  @Override public List<NamedAttribute> parseOptionalAttrDict() { return atPunct("{") ? parseDictionary().entries() : List.of(); }

  @Override public List<NamedAttribute> parseOptionalAttrDictWithKeyword() {
    return parseOptionalKeyword("attributes") ? parseDictionary().entries() : List.of();
  }

  @Override public DictionaryAttr parseDictionary() {
    parsePunct("{");
    List<NamedAttribute> l = new ArrayList<>();
    if (!parseOptionalPunct("}")) {
      do {
        String n = parseKeywordOrString();
        l.add(new NamedAttribute(n, parseOptionalPunct("=") ? parseAttribute(null) : UnitAttr.INSTANCE));
      } while (parseOptionalPunct(","));
      parsePunct("}");
    }
    return new DictionaryAttr(l);
  }

  @Override public long[] parseDimensionList(boolean allowDynamic, boolean withTrailingX) {
    skipWs();
    List<Long> dims = new ArrayList<>();
    while (true) {
      if (peek() == '?') {
        pos++;
        dims.add(ShapedType.DYNAMIC);
      } else {
        int st = pos;
        while (Character.isDigit(peek())) pos++;
        if (st == pos) throw error(pos, "expected dimension");
        dims.add(Long.parseLong(s.substring(st, pos)));
      }
      if (peek() != 'x') break;
      pos++;
    }
    long[] d = new long[dims.size()];
    for (int i = 0; i < d.length; i++) d[i] = dims.get(i);
    return d;
  }

  @Override public boolean atPunct(String p) {
    skipWs();
    return s.startsWith(p, pos);
  }

  @Override public boolean atEnd() {
    skipWs();
    return pos >= s.length();
  }

  // ---------------------------------------------------------------- SSA values, regions, successors

  @Override public UnresolvedOperand parseOperand() {
    UnresolvedOperand o = parseOptionalOperand();
    if (o == null) throw error(offset(), "expected SSA operand");
    return o;
  }

  @Override public UnresolvedOperand parseOptionalOperand() {
    skipWs();
    if (peek() != '%') return null;
    int at = pos++;
    int st = pos;
    while (pos < s.length() && (Character.isLetterOrDigit(peek()) || peek() == '_')) pos++;
    return new UnresolvedOperand(s.substring(st, pos), 0, at);
  }

  @Override public List<UnresolvedOperand> parseOperandList(Delimiter d) {
    List<UnresolvedOperand> l = new ArrayList<>();
    UnresolvedOperand o = parseOptionalOperand();
    if (o == null) return l;
    l.add(o);
    while (parseOptionalPunct(",")) l.add(parseOperand());
    return l;
  }

  @Override public Value resolveOperand(UnresolvedOperand o, Type type) {
    Value v = values.get(o.name());
    if (v == null) throw error(o.offset(), "use of undeclared SSA value name");
    if (!v.type().equals(type))
      throw error(o.offset(), "use of value '%" + o.name() + "' expects different type than prior uses: '" + AsmPrinter.toString(ctx, type) + "' vs '"
          + AsmPrinter.toString(ctx, v.type()) + "'");
    return v;
  }

  @Override public List<Value> resolveOperands(List<UnresolvedOperand> ops, List<Type> types, int offset) {
    if (ops.size() != types.size()) throw error(offset, ops.size() + " operands present, but expected " + types.size());
    List<Value> l = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) l.add(resolveOperand(ops.get(i), types.get(i)));
    return l;
  }

  @Override public Argument parseArgument(boolean allowType, boolean allowAttrs) { throw new UnsupportedOperationException(); }

  @Override public Argument parseOptionalArgument(boolean allowType, boolean allowAttrs) { throw new UnsupportedOperationException(); }

  @Override public List<Argument> parseArgumentList(Delimiter d, boolean allowType, boolean allowAttrs) { throw new UnsupportedOperationException(); }

  @Override public Region parseRegion(List<Argument> args, boolean enableNameShadowing) {
    Region r = parseOptionalRegion(args, enableNameShadowing);
    if (r == null) throw error(offset(), "expected '{' to begin a region");
    return r;
  }

  @Override public Region parseOptionalRegion(List<Argument> args, boolean enableNameShadowing) {
    if (!parseOptionalPunct("{")) return null;
    Region r = OperationState.newDetachedRegion();
    if (parseOptionalPunct("}")) return r;
    Block b = new Block();
    r.addBlock(b);
    while (!parseOptionalPunct("}")) b.append(parseOp());
    return r;
  }

  @Override public Block parseSuccessor() {
    Block b = parseOptionalSuccessor();
    if (b == null) throw error(offset(), "expected block name");
    return b;
  }

  @Override public Block parseOptionalSuccessor() {
    skipWs();
    if (peek() != '^') return null;
    pos++;
    return block(ident(true));
  }

  @Override public Block parseSuccessorAndUseList(List<Value> operands) { throw new UnsupportedOperationException(); }

  @Override public Location parseOptionalLocationSpecifier() { return null; }

  @Override public int numResults() { return 0; }

  @Override public String resultName(int i) { return null; }
}
