package gvm.parser;

import static gvm.parser.MlirLexer.*;

import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.apfloat.APFloat;
import gvm.ir.apfloat.FloatSemantics;
import gvm.ir.asm.AsmParser;
import gvm.ir.asm.ParseException;
import gvm.ir.attributes.*;
import gvm.ir.types.*;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * MLIR's fixed syntax: tokens, types, attributes and locations (mlir/lib/AsmParser/{Parser,
 * TypeParser,AttributeParser,LocationParser}.cpp). Errors throw {@link ParseException} with
 * MLIR's message at MLIR's position.
 */
abstract class Parser implements AsmParser {
  final Context ctx;
  final SourceBuffer src;
  final ParseOptions opts;
  final Lexer lex;
  final Map<String, Attribute> attrAliases = new HashMap<>();
  final Map<String, Type> typeAliases = new HashMap<>();
  /** Parse-local uniquing, as MLIR's context uniques types: equal types (and location strings) share one object. */
  private final HashMap<Type, Type> uniqueTypes = new HashMap<>();
  private final HashMap<String, String> uniqueStrings = new HashMap<>();
  final Map<String, ResourceBlob> resources = new HashMap<>();
  /** Location aliases used before their definition: resolved at the end of the file. */
  final List<DeferredLoc> deferredLocs = new ArrayList<>();
  /** The name of the op whose custom parser is running (not inside its regions), else null. */
  String customOp;

  /** A {@code loc(#name)} whose alias was not yet defined; {@code set} installs the real location. */
  record DeferredLoc(String name, int offset, java.util.function.Consumer<Location> set) {}

  Parser(Context ctx, SourceBuffer src, ParseOptions opts) {
    this.ctx = ctx;
    this.src = src;
    this.opts = opts;
    this.lex = new Lexer(src.data(), src.begin(), src.end());
    lex.next();
  }

  // ------------------------------------------------------------------ tokens

  final int tok() { return lex.kind; }

  final boolean at(int k) { return lex.kind == k; }

  final void consume() { lex.next(); }

  final boolean consumeIf(int k) {
    if (lex.kind != k) return false;
    lex.next();
    return true;
  }

  final String spelling() { return lex.text(); }

  final boolean atKeyword(String kw) { return lex.kind == BARE_ID && lex.textEquals(kw); }

  @Override public Context context() { return ctx; }

  @Override public int offset() { return lex.start; }

  /**
   * An error raised by an op's own parser (its assembly format or custom code): inside a custom op
   * MLIR words it {@code custom op 'NAME' message} (CustomOpAsmParser::emitError); errors of the
   * fixed syntax ({@link #coreError}) and of dialect attribute and type parsers have no prefix.
   */
  @Override public ParseException error(int offset, String message) {
    ParseException lexError = lexerError();
    if (lexError != null) return lexError;
    return new ParseException(offset, customOp == null ? message : "custom op '" + customOp + "' " + message);
  }

  /** An error of the fixed syntax, as MLIR's Parser::emitError words it. */
  final ParseException coreError(int offset, String message) {
    ParseException lexError = lexerError();
    return lexError != null ? lexError : new ParseException(offset, message);
  }

  final ParseException err(String message) { return coreError(lex.start, message); }

  /**
   * MLIR's lexer reports a malformed token as soon as it lexes it, and the parser's own error that
   * follows is dropped: when the current token is an error token, its error is the one to report.
   * Returns null for any other token.
   */
  final ParseException lexerError() {
    int k = lex.kind;
    if (k == UNTERMINATED_STRING) return stringError(lex.stop);
    if (k != ERROR_CHAR) return null;
    byte[] b = src.data();
    int s = lex.start;
    switch (b[s]) {
      case '.': return new ParseException(s + 1, "expected three consecutive dots for an ellipsis");
      case '%': return new ParseException(s, "invalid SSA name");
      case '^': return new ParseException(s, "invalid block name");
      case '#': return new ParseException(s, "invalid attribute name");
      case '!': return new ParseException(s, "invalid type identifier");
      case '@': {
        if (s + 1 < lex.bufferEnd() && b[s + 1] == '"') {
          Lexer string = new Lexer(b, s + 1, lex.bufferEnd());
          string.next();
          return stringError(string.stop);
        }
        return new ParseException(s + 1, "@ identifier expected to start with letter or '_'");
      }
      default: return new ParseException(s, "unexpected character");
    }
  }

  /** The error of a string literal that ends (unterminated) at {@code end}. */
  private ParseException stringError(int end) {
    boolean escape = end < lex.bufferEnd() && src.data()[end] == '\\';
    return new ParseException(end, escape ? "unknown escape in string literal" : "expected '\"' in string literal");
  }

  /**
   * A failure of an AsmParser method that MLIR reports through the op parser's emitError: inside a
   * custom op at the current token with the custom op prefix, elsewhere as a wrong token.
   */
  final ParseException asmParserError(String message) {
    return customOp != null ? error(lex.start, message) : wrongToken(message);
  }

  /** MLIR's emitWrongTokenError: reports at the end of the last non-blank, non-comment text before the token. */
  final ParseException wrongToken(String message) {
    ParseException lexError = lexerError();
    if (lexError != null) return lexError;
    byte[] b = src.data();
    int loc = lex.start;
    if (lex.kind == Lexer.EOF) loc = Math.max(src.begin(), loc - 1);
    int original = loc;
    int endPos = loc;
    while (true) {
      while (endPos > src.begin() && (b[endPos - 1] == ' ' || b[endPos - 1] == '\t')) endPos--;
      if (endPos <= src.begin()) return new ParseException(original, message);
      byte last = b[endPos - 1];
      if (last != '\n' && last != '\r') return new ParseException(endPos, message);
      endPos--;
      int lineStart = endPos;
      while (lineStart > src.begin() && b[lineStart - 1] != '\n' && b[lineStart - 1] != '\r') lineStart--;
      for (int i = lineStart; i + 1 < endPos; i++) {
        if (b[i] == '/' && b[i + 1] == '/') {
          endPos = i;
          break;
        }
      }
    }
  }

  final void expect(int k, String message) {
    if (lex.kind != k) throw wrongToken(message);
    lex.next();
  }

  private static int punctKind(String p) {
    switch (p) {
      case "(": return LPAREN;
      case ")": return RPAREN;
      case "[": return LSQUARE;
      case "]": return RSQUARE;
      case "{": return LBRACE;
      case "}": return RBRACE;
      case "<": return LESS;
      case ">": return GREATER;
      case ",": return COMMA;
      case ":": return COLON;
      case "=": return EQUAL;
      case "?": return QUESTION;
      case "*": return STAR;
      case "+": return PLUS;
      case "-": return MINUS;
      case "|": return VERTICAL;
      case "->": return ARROW;
      case "...": return ELLIPSIS;
      default: return -100;
    }
  }

  @Override public boolean atPunct(String p) {
    if (p.equals("::")) return at(COLON) && lex.stop < src.end() && src.data()[lex.stop] == ':';
    return lex.kind == punctKind(p);
  }

  @Override public void parsePunct(String p) {
    if (!parseOptionalPunct(p)) throw wrongToken("expected '" + p + "'");
  }

  @Override public boolean parseOptionalPunct(String p) {
    if (p.equals("::")) {
      if (!atPunct("::")) return false;
      consume();
      consume();
      return true;
    }
    return consumeIf(punctKind(p));
  }

  @Override public void parseKeyword(String kw) {
    if (!parseOptionalKeyword(kw)) throw asmParserError("expected '" + kw + "'");
  }

  @Override public boolean parseOptionalKeyword(String kw) {
    if (!atKeyword(kw)) return false;
    consume();
    return true;
  }

  @Override public String parseOptionalKeyword() {
    if (!at(BARE_ID)) return null;
    String s = spelling();
    consume();
    return s;
  }

  @Override public String parseKeywordOrString() {
    String s = parseOptionalKeywordOrString();
    if (s == null) throw asmParserError("expected valid keyword or string");
    return s;
  }

  @Override public String parseOptionalKeywordOrString() {
    if (at(STRING)) return parseString();
    return parseOptionalKeyword();
  }

  @Override public long parseInteger() {
    if (at(INT_LIT) && lex.stop - lex.start <= 18) {  // fast path: a short decimal literal fits a long
      long v = smallDecimal();
      consume();
      return v;
    }
    BigInteger v = parseOptionalInteger();
    if (v == null) throw asmParserError("expected integer value");
    if (v.bitLength() > 63) throw err("integer value too large");
    return v.longValue();
  }

  @Override public BigInteger parseOptionalInteger() {
    boolean neg = false;
    if (at(MINUS)) {
      int save = lex.start;
      consume();
      if (!at(INT_LIT) && !at(HEX_LIT)) {
        lex.resetTo(save);
        return null;
      }
      neg = true;
    }
    if (!at(INT_LIT) && !at(HEX_LIT)) return null;
    BigInteger v = intValue();
    consume();
    return neg ? v.negate() : v;
  }

  /** The value of the current INT_LIT token of at most 18 digits. */
  private long smallDecimal() {
    byte[] b = src.data();
    long v = 0;
    for (int i = lex.start; i < lex.stop; i++) v = v * 10 + (b[i] - '0');
    return v;
  }

  final BigInteger intValue() {
    if (at(INT_LIT) && lex.stop - lex.start <= 18) return BigInteger.valueOf(smallDecimal());
    String s = spelling();
    return at(HEX_LIT) ? new BigInteger(s.substring(2), 16) : new BigInteger(s);
  }

  @Override public String parseString() {
    if (!at(STRING)) throw asmParserError("expected string");
    String s = unescape(lex.start + 1, lex.stop - 1);
    consume();
    return s;
  }

  @Override public String parseOptionalString() { return at(STRING) ? parseString() : null; }

  /** Decodes MLIR string escapes: {@code \n \t \" \\} and two hex digits; chars are bytes. */
  final String unescape(int s, int e) {
    byte[] b = src.data();
    StringBuilder sb = new StringBuilder(e - s);
    for (int i = s; i < e; i++) {
      int c = b[i] & 0xFF;
      if (c != '\\') {
        sb.append((char) c);
        continue;
      }
      int n = b[++i] & 0xFF;
      switch (n) {
        case '"': case '\\': sb.append((char) n); break;
        case 'n': sb.append('\n'); break;
        case 't': sb.append('\t'); break;
        default:
          if (i + 1 < e && isHex(n) && isHex(b[i + 1] & 0xFF)) {
            sb.append((char) (Character.digit(n, 16) * 16 + Character.digit(b[i + 1] & 0xFF, 16)));
            i++;
          } else throw new ParseException(i - 1, "unknown escape in string literal");
      }
    }
    return sb.toString();
  }

  private static boolean isHex(int c) { return Character.digit(c, 16) >= 0 && c < 128; }

  @Override public String parseSymbolName() {
    String s = parseOptionalSymbolName();
    if (s == null) throw asmParserError("expected valid '@'-identifier for symbol name");
    return s;
  }

  @Override public String parseOptionalSymbolName() {
    if (!at(AT_ID)) return null;
    String s = symbolText();
    consume();
    return s;
  }

  /** The name of the current AT_ID token (quoted names unescaped). */
  final String symbolText() {
    if (src.data()[lex.start + 1] == '"') return unescape(lex.start + 2, lex.stop - 1);
    return lex.text(lex.start + 1, lex.stop);
  }

  @Override public boolean atEnd() { return at(Lexer.EOF); }

  // ------------------------------------------------------------------ types

  @Override public Type parseType() {
    Type t = parseOptionalType();
    if (t == null) throw wrongToken("expected non-function type");
    return t;
  }

  @Override public Type parseOptionalType() {
    switch (tok()) {
      case LPAREN: return parseFunctionType();
      case BANG_ID: return parseExtendedType();
      case BARE_ID: {
        Type t = builtinTypeKeyword();
        return t == null ? null : unique(t);
      }
      default: return null;
    }
  }

  final Type unique(Type t) {
    Type u = uniqueTypes.putIfAbsent(t, t);
    return u == null ? t : u;
  }

  final String unique(String s) {
    String u = uniqueStrings.putIfAbsent(s, s);
    return u == null ? s : u;
  }

  /** A builtin type starting with a keyword, or null (nothing consumed) if the keyword is not a type. */
  private Type builtinTypeKeyword() {
    String kw = spelling();
    int start = lex.start;
    switch (kw) {
      case "index": consume(); return IndexType.INSTANCE;
      case "none": consume(); return NoneType.INSTANCE;
      case "tensor": consume(); return parseTensorType(start);
      case "vector": consume(); return parseVectorType();
      case "memref": consume(); return parseMemRefType();
      case "complex": {
        consume();
        parsePunct("<");
        int at = lex.start;
        Type e = parseType();
        if (!(e instanceof FloatType || e instanceof IntegerType)) throw coreError(at, "invalid element type for complex");
        parsePunct(">");
        return new ComplexType(e);
      }
      case "tuple": {
        consume();
        parsePunct("<");
        List<Type> ts = new ArrayList<>();
        if (!consumeIf(GREATER)) {
          do ts.add(parseType()); while (consumeIf(COMMA));
          parsePunct(">");
        }
        return new TupleType(ts);
      }
      default: break;
    }
    FloatSemantics fs = FloatSemantics.byKeyword(kw);
    if (fs != null) {
      consume();
      return new FloatType(fs);
    }
    IntegerType it = integerTypeKeyword(kw);
    if (it != null) consume();
    return it;
  }

  private IntegerType integerTypeKeyword(String kw) {
    IntegerType.Signedness s;
    int p;
    if (kw.startsWith("si")) { s = IntegerType.Signedness.SIGNED; p = 2; }
    else if (kw.startsWith("ui")) { s = IntegerType.Signedness.UNSIGNED; p = 2; }
    else if (kw.startsWith("i")) { s = IntegerType.Signedness.SIGNLESS; p = 1; }
    else return null;
    if (p >= kw.length()) return null;
    for (int i = p; i < kw.length(); i++) if (!Character.isDigit(kw.charAt(i))) return null;
    if (kw.length() - p > 9) throw err("invalid integer width");
    int w = Integer.parseInt(kw.substring(p));
    if (w > IntegerType.MAX_WIDTH) throw err("integer bitwidth is limited to " + IntegerType.MAX_WIDTH + " bits");
    return IntegerType.get(w, s);
  }

  @Override public FunctionType parseFunctionType() {
    if (!at(LPAREN)) throw wrongToken("expected '('");
    List<Type> inputs = parseTypeListParens();
    parsePunct("->");
    List<Type> results = parseFunctionResultTypes();
    return new FunctionType(inputs, results);
  }

  /** {@code ( t, t )} possibly empty. */
  final List<Type> parseTypeListParens() {
    parsePunct("(");
    List<Type> ts = new ArrayList<>();
    if (consumeIf(RPAREN)) return ts;
    do ts.add(parseType()); while (consumeIf(COMMA));
    parsePunct(")");
    return ts;
  }

  /** MLIR's parseFunctionResultTypes: a parenthesized list or a single non-function type. */
  final List<Type> parseFunctionResultTypes() {
    if (at(LPAREN)) return parseTypeListParens();
    Type t = parseOptionalType();
    if (t == null) throw wrongToken("expected non-function type");
    return List.of(t);
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
    List<Type> ts = new ArrayList<>();
    do ts.add(parseType()); while (consumeIf(COMMA));
    return ts;
  }

  @Override public List<Type> parseArrowTypeList() {
    parsePunct("->");
    return parseFunctionResultTypes();
  }

  @Override public List<Type> parseOptionalArrowTypeList() {
    if (!at(ARROW)) return List.of();
    return parseArrowTypeList();
  }

  private Type parseTensorType(int start) {
    parsePunct("<");
    if (consumeIf(STAR)) {
      parseXInDimensionList();
      Type e = parseElementType("invalid tensor element type");
      parsePunct(">");
      return new UnrankedTensorType(e);
    }
    long[] dims = parseDimensionList(true, true);
    int at = lex.start;
    Type e = parseElementType("invalid tensor element type");
    Attribute enc = null;
    if (consumeIf(COMMA)) enc = parseAttribute(null);
    parsePunct(">");
    if (e instanceof FunctionType || e instanceof NoneType || e instanceof TupleType) throw coreError(at, "invalid tensor element type");
    return new RankedTensorType(Shape.wrap(dims), e, enc);
  }

  private Type parseElementType(String msg) {
    int at = lex.start;
    Type e = parseOptionalType();
    if (e == null) throw wrongToken("expected non-function type");
    if (e instanceof FunctionType) throw coreError(at, msg);
    return e;
  }

  private Type parseVectorType() {
    parsePunct("<");
    List<Long> dims = new ArrayList<>();
    List<Boolean> scal = new ArrayList<>();
    while (at(INT_LIT) || at(HEX_LIT) || at(LSQUARE)) {
      boolean sc = consumeIf(LSQUARE);
      dims.add(parseIntegerInDimensionList());
      scal.add(sc);
      if (sc) parsePunct("]");
      parseXInDimensionList();
    }
    if (at(QUESTION)) throw err("expected static shape");
    Type e = parseElementType("vector elements must be int/index/float type");
    parsePunct(">");
    long[] d = new long[dims.size()];
    boolean[] s = new boolean[dims.size()];
    for (int i = 0; i < d.length; i++) {
      d[i] = dims.get(i);
      s[i] = scal.get(i);
    }
    return new VectorType(Shape.wrap(d), e, new VectorType.ScalableDims(s));
  }

  private Type parseMemRefType() {
    parsePunct("<");
    boolean unranked = consumeIf(STAR);
    long[] dims = null;
    if (unranked) parseXInDimensionList(); else dims = parseDimensionList(true, true);
    Type e = parseElementType("invalid memref element type");
    Attribute layout = null, space = null;
    while (consumeIf(COMMA)) {
      Attribute a = parseAttribute(null);
      if (!unranked && layout == null && space == null && (a instanceof AffineMapAttr || a instanceof StridedLayoutAttr)) layout = a;
      else space = a;
    }
    parsePunct(">");
    return unranked ? new UnrankedMemRefType(e, space) : new MemRefType(Shape.wrap(dims), e, layout, space);
  }

  @Override public long[] parseDimensionList(boolean allowDynamic, boolean withTrailingX) {
    List<Long> dims = new ArrayList<>();
    if (withTrailingX) {
      while (at(INT_LIT) || at(HEX_LIT) || at(QUESTION)) {
        dims.add(parseDim(allowDynamic));
        parseXInDimensionList();
      }
    } else {
      if (at(INT_LIT) || at(HEX_LIT) || at(QUESTION)) {
        dims.add(parseDim(allowDynamic));
        while (at(BARE_ID) && src.data()[lex.start] == 'x') {
          parseXInDimensionList();
          dims.add(parseDim(allowDynamic));
        }
      }
    }
    long[] r = new long[dims.size()];
    for (int i = 0; i < r.length; i++) r[i] = dims.get(i);
    return r;
  }

  private long parseDim(boolean allowDynamic) {
    if (at(QUESTION)) {
      if (!allowDynamic) throw err("expected static shape");
      consume();
      return ShapedType.DYNAMIC;
    }
    return parseIntegerInDimensionList();
  }

  private long parseIntegerInDimensionList() {
    if (at(HEX_LIT)) {
      // "0x4xf32" is 0, x, 4xf32: hex literals are not dimensions
      lex.resetTo(lex.start + 1);
      return 0;
    }
    if (!at(INT_LIT)) throw wrongToken("expected integer value");
    String s = spelling();
    long v;
    try {
      v = Long.parseLong(s);
    } catch (NumberFormatException e) {
      throw err("invalid dimension");
    }
    consume();
    return v;
  }

  private void parseXInDimensionList() {
    if (!at(BARE_ID) || src.data()[lex.start] != 'x') throw wrongToken("expected 'x' in dimension list");
    if (lex.stop - lex.start != 1) lex.resetTo(lex.start + 1); else consume();
  }

  /** {@code !alias} or {@code !dialect.body}. */
  private Type parseExtendedType() {
    String id = lex.text(lex.start + 1, lex.stop);
    int start = lex.start;
    int dot = id.indexOf('.');
    if (dot < 0) {
      // either an alias or the opaque form !dialect<"...">
      if (lex.stop < src.end() && src.data()[lex.stop] == '<') {
        consume();
        return parseDialectType(id, start);
      }
      Type t = typeAliases.get(id);
      if (t == null) throw err("undefined symbol alias id '" + id + "'");
      consume();
      return t;
    }
    return parseDialectType(id.substring(0, dot), start);
  }

  private Type parseDialectType(String dialect, int start) {
    Dialect d = ctx.dialect(dialect);
    if (d != null) {
      lex.resetTo(start + 1 + dialect.length() + 1);
      String op = customOp;
      customOp = null;
      try {
        return d.parseType(this);
      } finally {
        customOp = op;
      }
    }
    if (!opts.allowUnregistered() && !ctx.allowsUnregisteredDialects()) throw unregisteredDialect(dialect, start, true);
    String body = dialectBody(start + 1 + dialect.length());
    return new OpaqueType(dialect, body);
  }

  /**
   * MLIR's error for a type or attribute of a dialect that is not loaded, worded after the opaque
   * form it would have been: at the pretty name's body ({@code !foo.bar}) or at the symbol ({@code
   * !foo<...>}).
   */
  private ParseException unregisteredDialect(String dialect, int start, boolean isType) {
    int p = start + 1 + dialect.length();
    boolean pretty = p < src.end() && src.data()[p] == '.';
    String body;
    if (pretty) {
      body = dialectBody(p);
    } else {
      int q = p < src.end() && src.data()[p] == '<' ? skipBalanced(p) : p;
      body = q > p + 1 ? lex.text(p + 1, q - 1) : "";
    }
    String opaque = (isType ? "!" : "#") + "\"" + dialect + "\"<\"" + body + "\">";
    String what = isType ? "`" + opaque + "` type" : opaque + " : 'none' attribute";
    return coreError(pretty ? p + 1 : start, what + " created with unregistered dialect. If this is intended, please call"
        + " allowUnregisteredDialects() on the MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used");
  }

  /**
   * The body of a dialect symbol after {@code dialect}: {@code .ident<balanced>} (pretty) or
   * {@code <"opaque">}. Leaves the lexer after it.
   */
  final String dialectBody(int p) {
    byte[] b = src.data();
    if (p < src.end() && b[p] == '<') {
      lex.resetTo(p);
      parsePunct("<");
      String s = parseString();
      if (!at(GREATER)) throw wrongToken("expected '>'");
      consume();
      return s;
    }
    int s = ++p; // after '.'
    while (p < src.end() && (Character.isLetterOrDigit(b[p]) || b[p] == '_' || b[p] == '.' || b[p] == '$')) p++;
    if (p < src.end() && b[p] == '<') p = skipBalanced(p);
    lex.resetTo(p);
    return new String(b, 0, s, p - s);
  }

  /** Offset after the bracket matching the one at {@code p} (strings respected). */
  final int skipBalanced(int p) {
    byte[] b = src.data();
    ArrayList<Byte> stack = new ArrayList<>();
    int start = p;
    while (p < src.end()) {
      byte c = b[p];
      if (c == '"') {
        p++;
        while (p < src.end() && b[p] != '"') {
          if (b[p] == '\\') p++;
          p++;
        }
      } else if (c == '<' || c == '[' || c == '(' || c == '{') stack.add(c);
      else if (c == '>' || c == ']' || c == ')' || c == '}') {
        if (stack.isEmpty()) break;
        byte o = stack.remove(stack.size() - 1);
        if ("<[({".indexOf(o) != ">])}".indexOf(c)) throw new ParseException(p, "unbalanced '" + (char) o + "' character in pretty dialect name");
        if (stack.isEmpty()) return p + 1;
      }
      p++;
    }
    throw new ParseException(start, "unbalanced '<' character in pretty dialect name");
  }

  // ------------------------------------------------------------------ attributes

  @Override public Attribute parseAttribute(Type type) {
    Attribute a = parseOptionalAttribute(type);
    if (a == null) throw wrongToken("expected attribute value");
    return a;
  }

  @Override public Attribute parseOptionalAttribute(Type type) {
    switch (tok()) {
      case LBRACE: return parseDictionary();
      case LSQUARE: {
        consume();
        List<Attribute> l = new ArrayList<>();
        if (!consumeIf(RSQUARE)) {
          do l.add(parseAttribute(null)); while (consumeIf(COMMA));
          parsePunct("]");
        }
        return new ArrayAttr(l);
      }
      case AT_ID: {
        String root = symbolText();
        consume();
        List<String> nested = new ArrayList<>();
        while (atPunct("::")) {
          parseOptionalPunct("::");
          if (!at(AT_ID)) throw wrongToken("expected nested symbol reference identifier");
          nested.add(symbolText());
          consume();
        }
        return new SymbolRefAttr(root, nested);
      }
      case STRING: case UNTERMINATED_STRING: {
        String s = parseString();
        Type t = null;
        if (consumeIf(COLON)) t = parseType();
        return new StringAttr(s, t);
      }
      case MINUS: case INT_LIT: case HEX_LIT: case FLOAT_LIT:
        return parseNumberAttr(type);
      case HASH_ID: return parseExtendedAttr(type);
      case LPAREN: case BANG_ID: return new TypeAttr(parseType());
      case BARE_ID: return parseKeywordAttr(type);
      default: return null;
    }
  }

  private Attribute parseKeywordAttr(Type type) {
    String kw = spelling();
    switch (kw) {
      case "true": consume(); return IntegerAttr.TRUE;
      case "false": consume(); return IntegerAttr.FALSE;
      case "unit": consume(); return UnitAttr.INSTANCE;
      case "dense": { int at = lex.start; consume(); return new DenseParser(this).parseDense(type, at); }
      case "dense_resource": consume(); return parseDenseResource(type);
      case "array": consume(); return new DenseParser(this).parseDenseArray();
      case "affine_map": {
        consume();
        parsePunct("<");
        AffineMapAttr m = new AffineMapAttr(new AffineParser(this).parseMap());
        parsePunct(">");
        return m;
      }
      case "affine_set": {
        consume();
        parsePunct("<");
        IntegerSetAttr s = new IntegerSetAttr(new AffineParser(this).parseSet());
        parsePunct(">");
        return s;
      }
      case "strided": consume(); return parseStrided();
      case "loc": return parseLocationAfterKeyword(null);
      default: {
        Type t = builtinTypeKeyword();
        return t == null ? null : new TypeAttr(t);
      }
    }
  }

  private Attribute parseDenseResource(Type type) {
    parsePunct("<");
    String handle;
    if (at(STRING)) handle = parseString();
    else if (at(BARE_ID)) handle = parseOptionalKeyword();
    else throw wrongToken("expected resource handle");
    parsePunct(">");
    Type t = type;
    if (t == null) {
      parsePunct(":");
      t = parseType();
    } else if (consumeIf(COLON)) t = parseType();
    if (!(t instanceof ShapedType st)) throw err("expected shaped type for dense_resource");
    ResourceBlob blob = resources.computeIfAbsent(handle, ResourceBlob::new);
    return new DenseResourceAttr(st, blob);
  }

  private Attribute parseStrided() {
    parsePunct("<");
    parsePunct("[");
    List<Long> strides = new ArrayList<>();
    if (!consumeIf(RSQUARE)) {
      do strides.add(parseStridedValue()); while (consumeIf(COMMA));
      parsePunct("]");
    }
    long offset = 0;
    if (consumeIf(COMMA)) {
      parseKeyword("offset");
      parsePunct(":");
      offset = parseStridedValue();
    }
    parsePunct(">");
    return new StridedLayoutAttr(offset, strides);
  }

  private long parseStridedValue() {
    if (consumeIf(QUESTION)) return ShapedType.DYNAMIC;
    return parseInteger();
  }

  /** {@code #alias} or {@code #dialect.body}. */
  private Attribute parseExtendedAttr(Type type) {
    String id = lex.text(lex.start + 1, lex.stop);
    int start = lex.start;
    int dot = id.indexOf('.');
    if (dot < 0) {
      if (lex.stop < src.end() && src.data()[lex.stop] == '<') {
        consume();
        return parseDialectAttr(id, start, type);
      }
      Attribute a = attrAliases.get(id);
      if (a == null) throw err("undefined symbol alias id '" + id + "'");
      consume();
      return a;
    }
    return parseDialectAttr(id.substring(0, dot), start, type);
  }

  private Attribute parseDialectAttr(String dialect, int start, Type type) {
    Dialect d = ctx.dialect(dialect);
    if (d != null) {
      lex.resetTo(start + 1 + dialect.length() + 1);
      String op = customOp;
      customOp = null;
      try {
        return d.parseAttribute(this, type);
      } finally {
        customOp = op;
      }
    }
    if (!opts.allowUnregistered() && !ctx.allowsUnregisteredDialects()) throw unregisteredDialect(dialect, start, false);
    String body = dialectBody(start + 1 + dialect.length());
    Type t = null;
    if (consumeIf(COLON)) t = parseType();
    return new OpaqueAttr(dialect, body, t);
  }

  /** Integer and float literals with an optional {@code : type} (MLIR's parseDecOrHexAttr / parseFloatAttr). */
  private Attribute parseNumberAttr(Type expected) {
    int start = lex.start;
    boolean neg = consumeIf(MINUS);
    int litKind = tok();
    int litStart = lex.start;
    if (litKind != INT_LIT && litKind != HEX_LIT && litKind != FLOAT_LIT) throw wrongToken("expected constant integer or floating point value");
    String text = spelling();
    consume();
    // as MLIR's parseDecOrHexAttr/parseFloatAttr: ": type" is read only when no type is expected
    Type type = expected;
    if (type == null && consumeIf(COLON)) type = parseType();
    if (litKind == FLOAT_LIT) {
      if (type == null) type = FloatType.F64;
      if (!(type instanceof FloatType ft)) throw coreError(litStart, "floating point value not valid for specified type");
      return new FloatAttr(ft, APFloat.parseLiteral(neg ? "-" + text : text, ft.semantics()));
    }
    if (type == null) type = IntegerType.I64;
    if (type instanceof FloatType ft) {
      if (litKind != HEX_LIT) throw coreError(litStart, "unexpected decimal integer literal for a floating point value")
          .note(litStart, "add a trailing dot to make the literal a float");
      if (neg) throw coreError(litStart, "hexadecimal float literal should not have a leading minus");
      BigInteger bits = new BigInteger(text.substring(2), 16);
      if (bits.bitLength() > ft.width()) throw coreError(litStart, "hexadecimal float constant out of range for type");
      return new FloatAttr(ft, bits.longValue());
    }
    if (!(type instanceof IntegerType) && !(type instanceof IndexType)) throw coreError(start, "integer literal not valid for specified type");
    BigInteger v = litKind == HEX_LIT ? new BigInteger(text.substring(2), 16) : new BigInteger(text);
    return IntegerAttr.of(type, checkIntRange(v, neg, type, litStart));
  }

  /** MLIR's buildAttributeAPInt: the literal must fit the width (as signed or unsigned). */
  final BigInteger checkIntRange(BigInteger v, boolean neg, Type type, int at) {
    int w = IntegerAttr.width(type);
    boolean unsigned = type instanceof IntegerType it && it.isUnsigned();
    if (neg && unsigned) throw coreError(at, "negative integer literal not valid for unsigned integer type");
    if (neg) {
      BigInteger r = v.negate();
      if (w > 0 && r.bitLength() > w - 1 && !(r.equals(BigInteger.ONE.shiftLeft(w - 1).negate()))) {
        if (!(w == 1 && r.equals(BigInteger.ONE.negate()))) throw coreError(at, "integer constant out of range for attribute");
      }
      return r;
    }
    if (v.bitLength() > w) throw coreError(at, "integer constant out of range for attribute");
    if (type instanceof IntegerType it && it.isSigned() && v.bitLength() > w - 1) throw coreError(at, "integer constant out of range for attribute");
    return v;
  }

  @Override public DictionaryAttr parseDictionary() {
    return DictionaryAttr.of(parseAttributeDict());
  }

  /** {@code {name = attr, name}}; duplicates are an error. */
  final List<NamedAttribute> parseAttributeDict() {
    parsePunct("{");
    List<NamedAttribute> l = new ArrayList<>();
    java.util.HashSet<String> seen = new java.util.HashSet<>();
    if (consumeIf(RBRACE)) return l;
    do {
      int at = lex.start;
      String name;
      if (at(STRING)) {
        name = parseString();
        if (name.isEmpty()) throw coreError(at, "expected valid attribute name");
      } else if (at(BARE_ID)) {
        name = spelling();
        consume();
      } else throw wrongToken("expected attribute name");
      if (!seen.add(name)) throw coreError(at, "duplicate key '" + name + "' in dictionary attribute");
      if (consumeIf(EQUAL)) l.add(new NamedAttribute(name, parseAttribute(null)));
      else l.add(new NamedAttribute(name, UnitAttr.INSTANCE));
    } while (consumeIf(COMMA));
    parsePunct("}");
    return l;
  }

  @Override public List<NamedAttribute> parseOptionalAttrDict() {
    return at(LBRACE) ? parseAttributeDict() : List.of();
  }

  @Override public List<NamedAttribute> parseOptionalAttrDictWithKeyword() {
    if (!parseOptionalKeyword("attributes")) return List.of();
    return parseAttributeDict();
  }

  // ------------------------------------------------------------------ locations

  /** {@code loc(...)} at the {@code loc} keyword; {@code deferred} receives the location if it names a later alias. */
  final Location parseLocationAfterKeyword(java.util.function.Consumer<Location> deferred) {
    parseKeyword("loc");
    parsePunct("(");
    Location l;
    if (at(HASH_ID)) {
      String id = lex.text(lex.start + 1, lex.stop);
      int at = lex.start;
      Attribute a = attrAliases.get(id);
      consume();
      if (a == null) {
        if (deferred == null) throw coreError(at, "expected location alias to be defined before use");
        deferredLocs.add(new DeferredLoc(id, at, deferred));
        l = Location.UNKNOWN;
      } else if (a instanceof Location la) l = la;
      else throw coreError(at, "expected location, but found '" + gvm.ir.print.AsmPrinter.toString(ctx, a) + "'");
    } else l = parseLocationInstance();
    parsePunct(")");
    return l;
  }

  final Location parseLocationInstance() {
    if (at(HASH_ID)) {
      String id = lex.text(lex.start + 1, lex.stop);
      Attribute a = attrAliases.get(id);
      if (!(a instanceof Location la)) throw err("expected location attribute, but got '" + spelling() + "'");
      consume();
      return la;
    }
    if (at(STRING)) {
      int at = lex.start;
      String s = unique(parseString());
      if (consumeIf(COLON)) {
        if (!at(INT_LIT)) throw wrongToken("expected integer line number in FileLineColLoc");
        int line = (int) parseInteger();
        if (!consumeIf(COLON)) throw wrongToken("expected ':' in FileLineColLoc");
        if (!at(INT_LIT)) throw wrongToken("expected integer column number in FileLineColLoc");
        int col = (int) parseInteger();
        return new Location.FileLineCol(s, line, col);
      }
      Location child = Location.UNKNOWN;
      if (consumeIf(LPAREN)) {
        child = parseLocationInstance();
        parsePunct(")");
      }
      return new Location.Name(s, child);
    }
    if (atKeyword("unknown")) {
      consume();
      return Location.UNKNOWN;
    }
    if (atKeyword("callsite")) {
      consume();
      parsePunct("(");
      Location callee = parseLocationInstance();
      parseKeyword("at");
      Location caller = parseLocationInstance();
      parsePunct(")");
      return new Location.CallSite(callee, caller);
    }
    if (atKeyword("fused")) {
      consume();
      Attribute meta = null;
      if (consumeIf(LESS)) {
        meta = parseAttribute(null);
        parsePunct(">");
      }
      parsePunct("[");
      List<Location> ls = new ArrayList<>();
      do ls.add(parseLocationInstance()); while (consumeIf(COMMA));
      parsePunct("]");
      return new Location.Fused(ls, meta);
    }
    throw wrongToken("expected location instance");
  }
}
