package gvm.parser;

import static gvm.parser.MlirLexer.*;

import gvm.ir.*;
import gvm.ir.asm.Argument;
import gvm.ir.asm.CustomOpParsers;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.ParseException;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.*;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Ops, regions, blocks and SSA values (mlir/lib/AsmParser/Parser.cpp's OperationParser), and the
 * {@link OpAsmParser} that custom op forms use.
 */
final class OperationParser extends Parser implements OpAsmParser {
  /** Values of one name ({@code %x:2} binds two), with where they were defined. */
  private static final class Binding {
    final Value[] values;
    final int offset;

    Binding(Value[] values, int offset) {
      this.values = values;
      this.offset = offset;
    }
  }

  /** A use of a not-yet-defined value: a placeholder to replace later. */
  private record ForwardRef(Value placeholder, int offset) {}

  /** Name scope of one isolated-from-above op (or the top level). */
  private static final class IsolatedScope {
    final Map<String, Binding> values = new HashMap<>();
    final Map<String, Map<Integer, ForwardRef>> forwardRefs = new HashMap<>();
    /** Names defined per nested region, to remove when it closes. */
    final ArrayDeque<List<String>> definedPerRegion = new ArrayDeque<>();
  }

  /** Blocks of the region being parsed. */
  private static final class BlockScope {
    final Map<String, Block> blocks = new HashMap<>();
    final Map<String, Integer> forwardRefs = new HashMap<>();
    final Map<Block, Integer> defined = new java.util.IdentityHashMap<>();
  }

  private final ArrayDeque<IsolatedScope> isolated = new ArrayDeque<>();
  private final ArrayDeque<BlockScope> blockScopes = new ArrayDeque<>();
  private final ArrayDeque<String> defaultDialects = new ArrayDeque<>();
  private final OperationName placeholderName;
  /** Result bindings of the op being parsed by a custom parser. */
  private List<String[]> currentResults = List.of();

  OperationParser(Context ctx, SourceBuffer src, ParseOptions opts) {
    super(ctx, src, opts);
    cursor = src.cursor();
    placeholderName = ctx.opName("builtin.unrealized_conversion_cast");
    defaultDialects.push("builtin");
  }

  private final SourceBuffer.Cursor cursor;

  Location locAt(int offset) {
    cursor.seek(offset);
    return new Location.FileLineCol(src.name(), cursor.line(), cursor.column());
  }

  // ================================================================== top level

  /** Parses the whole buffer into a module (implicit unless the file holds one module op). */
  Operation parseTopLevel() {
    isolated.push(new IsolatedScope());
    isolated.peek().definedPerRegion.push(new ArrayList<>());
    Block top = new Block();
    blockScopes.push(new BlockScope());
    while (!at(Lexer.EOF)) {
      switch (tok()) {
        case HASH_ID: parseAliasDef(false); break;
        case BANG_ID: parseAliasDef(true); break;
        case FILE_META_BEGIN: parseFileMetadata(); break;
        default: top.append(parseOperation());
      }
    }
    finishIsolatedScope();
    for (Map<Integer, ForwardRef> m : pending.values()) undeclared.addAll(m.values());
    if (!undeclared.isEmpty()) {
      // as MLIR's finalize: every name still only forward-referenced, in source order
      undeclared.sort(java.util.Comparator.comparingInt(ForwardRef::offset));
      ParseException e = coreError(undeclared.get(0).offset(), "use of undeclared SSA value name");
      for (int i = 1; i < undeclared.size(); i++) e.also(coreError(undeclared.get(i).offset(), "use of undeclared SSA value name"));
      throw e;
    }
    resolveDeferredLocations();
    Operation only = top.first();
    if (only != null && only == top.last() && only.name().equals("builtin.module")) {
      only.remove();
      return only;
    }
    if (opts.noImplicitModule()) {
      // MLIR reports these at FILE:0:0, the location of the module it did not build
      Location fileStart = new Location.FileLineCol(src.name(), 0, 0);
      if (only == null) throw new ParseException(fileStart, "source must contain a single top-level operation, found: 0");
      int n = top.operations().size();
      if (n != 1) throw new ParseException(fileStart, "source must contain a single top-level operation, found: " + n);
      only.remove();
      return only;
    }
    OperationName mod = ctx.opName("builtin.module");
    OperationState st = new OperationState(new Location.FileLineCol(src.name(), 0, 0), mod);
    Region r = OperationState.newDetachedRegion();
    r.addBlock(top);
    st.addRegion(r);
    return Operation.create(st);
  }

  private void parseAliasDef(boolean isType) {
    int at = lex.start;
    String name = lex.text(lex.start + 1, lex.stop);
    if (name.indexOf('.') >= 0) throw coreError(at, "expected 'dialect.' prefix in alias name"); // dotted names are dialect symbols
    consume();
    if (isType ? typeAliases.containsKey(name) : attrAliases.containsKey(name))
      throw coreError(at, "redefinition of " + (isType ? "type" : "attribute") + " alias id '" + name + "'");
    if (!at(EQUAL)) throw wrongToken("expected '=' in " + (isType ? "type" : "attribute") + " alias definition");
    consume();
    if (isType) typeAliases.put(name, parseType());
    else if (atKeyword("loc")) attrAliases.put(name, parseLocationAfterKeyword(null));
    else attrAliases.put(name, parseAttribute(null));
  }

  /** {@code {-# dialect_resources: { builtin: { name: "0x..." } } #-}}; external resources are accepted and skipped. */
  private void parseFileMetadata() {
    consume();
    do {
      if (at(FILE_META_END)) break;
      String key = parseOptionalKeyword();
      if (key == null) throw wrongToken("expected identifier key in file metadata dictionary");
      parsePunct(":");
      if (key.equals("dialect_resources")) parseResourceSection(true);
      else if (key.equals("external_resources")) parseResourceSection(false);
      else throw err("unknown key '" + key + "' in file metadata dictionary");
    } while (consumeIf(COMMA));
    if (!at(FILE_META_END)) throw wrongToken("expected '#-}' to end file metadata dictionary");
    consume();
  }

  private void parseResourceSection(boolean dialect) {
    parsePunct("{");
    if (consumeIf(RBRACE)) return;
    do {
      int at = lex.start;
      String owner = parseKeywordOrString();
      if (dialect && ctx.dialect(owner) == null) throw coreError(at, "dialect '" + owner + "' is unknown");
      parsePunct(":");
      parsePunct("{");
      if (!consumeIf(RBRACE)) {
        do {
          String key = parseKeywordOrString();
          parsePunct(":");
          int vat = lex.start;
          if (at(STRING)) {
            String v = parseString();
            if (dialect) setBlob(key, v, vat);
          } else if (atKeyword("true") || atKeyword("false")) consume();
          else throw wrongToken("expected string, bool or attribute resource entry");
        } while (consumeIf(COMMA));
        parsePunct("}");
      }
    } while (consumeIf(COMMA));
    parsePunct("}");
  }

  private void setBlob(String key, String hex, int at) {
    if (!hex.startsWith("0x") || hex.length() < 10 || (hex.length() & 1) != 0) throw coreError(at, "expected hex string blob for key '" + key + "'");
    int n = (hex.length() - 2) / 2;
    byte[] all = new byte[n];
    for (int i = 0; i < n; i++) {
      int hi = Character.digit(hex.charAt(2 + 2 * i), 16), lo = Character.digit(hex.charAt(3 + 2 * i), 16);
      if (hi < 0 || lo < 0) throw coreError(at, "expected hex string blob for key '" + key + "'");
      all[i] = (byte) (hi * 16 + lo);
    }
    long align = (all[0] & 0xFF) | (all[1] & 0xFF) << 8 | (all[2] & 0xFF) << 16 | (long) (all[3] & 0xFF) << 24;
    resources.computeIfAbsent(key, ResourceBlob::new).set(align, java.nio.ByteBuffer.wrap(all, 4, n - 4).slice());
  }

  private void resolveDeferredLocations() {
    for (DeferredLoc d : deferredLocs) {
      Attribute a = attrAliases.get(d.name());
      if (a == null) throw coreError(d.offset(), "operation location alias was never defined");
      if (!(a instanceof Location l)) throw coreError(d.offset(), "expected location, but found '" + AsmPrinter.toString(ctx, a) + "'");
      d.set().accept(l);
    }
  }

  // ================================================================== operations

  Operation parseOperation() {
    List<String[]> results = new ArrayList<>(); // {name, count, offset}
    int numExpected = 0;
    int resultsAt = lex.start;
    if (at(PERCENT_ID)) {
      do {
        if (!at(PERCENT_ID)) throw wrongToken("expected valid ssa identifier");
        String name = spelling();
        int nat = lex.start;
        consume();
        int count = 1;
        if (consumeIf(COLON)) {
          if (!at(INT_LIT)) throw wrongToken("expected integer number of results");
          long c = parseInteger();
          if (c < 1) throw coreError(nat, "expected named operation to have at least 1 result");
          count = (int) c;
        }
        results.add(new String[] {name, Integer.toString(count), Integer.toString(nat)});
        numExpected += count;
      } while (consumeIf(COMMA));
      if (!at(EQUAL)) throw wrongToken("expected '=' after SSA name");
      consume();
    }
    int opAt = lex.start;
    Operation op;
    if (at(BARE_ID)) op = parseCustomOperation(results, opAt);
    else if (at(STRING)) op = parseGenericOperation(opAt);
    else throw wrongToken("expected operation name in quotes");
    if (!results.isEmpty()) {
      if (op.numResults() != numExpected)
        throw coreError(resultsAt, "operation defines " + op.numResults() + " results but was provided " + numExpected + " to bind");
      int k = 0;
      for (String[] r : results) {
        int c = Integer.parseInt(r[1]);
        Value[] vs = new Value[c];
        for (int i = 0; i < c; i++) vs[i] = op.result(k++);
        define(r[0], vs, Integer.parseInt(r[2]));
      }
    }
    return op;
  }

  private Operation parseGenericOperation(int opAt) {
    String name = parseString();
    if (name.isEmpty()) throw coreError(opAt, "empty operation name is invalid");
    OperationName on = ctx.opName(name);
    if (!on.isRegistered()) checkUnregistered(name, opAt);
    OperationState st = new OperationState(locAt(opAt), on);
    if (!at(LPAREN)) throw wrongToken("expected '(' to start operand list");
    List<UnresolvedOperand> uses = parseOperandList(Delimiter.PAREN);
    if (consumeIf(LSQUARE)) {
      if (!at(RSQUARE)) {
        do st.successors.add(parseSuccessor()); while (consumeIf(COMMA));
      }
      parsePunct("]");
    }
    Attribute props = null;
    if (consumeIf(LESS)) {
      props = parseAttribute(null);
      parsePunct(">");
    }
    OpDef def = on.def();
    if (consumeIf(LPAREN)) {
      pushDefaultDialect(def);
      try {
        do st.addRegion(parseRegionImpl(List.of(), def != null && def.hasTrait(Trait.ISOLATED_FROM_ABOVE), false));
        while (consumeIf(COMMA));
      } finally {
        defaultDialects.pop();
      }
      parsePunct(")");
    }
    List<NamedAttribute> attrs = parseOptionalAttrDict();
    if (!at(COLON)) throw wrongToken("expected ':' followed by operation type");
    consume();
    int typeAt = lex.start;
    Type t = parseType();
    if (!(t instanceof FunctionType ft)) throw coreError(typeAt, "expected function type");
    if (ft.inputs().size() != uses.size())
      throw coreError(typeAt, "expected " + uses.size() + " operand type" + (uses.size() == 1 ? "" : "s") + " but had " + ft.inputs().size());
    for (int i = 0; i < uses.size(); i++) st.operands.add(resolveOperand(uses.get(i), ft.inputs().get(i)));
    st.resultTypes.addAll(ft.results());
    if (def == null) {
      st.opaqueProperties = props;
      st.attributes.addAll(attrs);
    } else {
      if (props instanceof DictionaryAttr d) for (NamedAttribute na : d.entries()) if (def.propertyIndex(na.name()) >= 0) st.properties.add(na);
      else if (props != null) throw coreError(opAt, "expected dictionary attribute for properties");
      for (NamedAttribute na : attrs) {
        // inherent attributes written in the discardable dictionary move to properties, as MLIR does
        if (props == null && def.propertyIndex(na.name()) >= 0) st.properties.add(na); else st.attributes.add(na);
      }
    }
    Operation op = Operation.create(st);
    parseTrailingLocation(op);
    return op;
  }

  private void checkUnregistered(String name, int at) {
    if (opts.allowUnregistered() || ctx.allowsUnregisteredDialects()) return;
    int dot = name.indexOf('.');
    String dialect = dot < 0 ? "" : name.substring(0, dot);
    if (ctx.dialect(dialect) != null) throw coreError(at, "unregistered operation '" + name + "' found in dialect ('" + dialect
        + "') that does not allow unknown operations");
    // MLIR reports this one at the token after the name
    throw coreError(lex.start, "operation being parsed with an unregistered dialect. If this is intended, please use -allow-unregistered-dialect with the MLIR tool used");
  }

  private void pushDefaultDialect(OpDef def) {
    defaultDialects.push(def != null && def.defaultDialect() != null ? def.defaultDialect() : "");
  }

  private Operation parseCustomOperation(List<String[]> results, int opAt) {
    String name = spelling();
    consume();
    OpDef def = ctx.lookupOp(name);
    if (def == null && name.indexOf('.') < 0) {
      String dd = defaultDialects.peek();
      if (dd != null && !dd.isEmpty()) def = ctx.lookupOp(dd + "." + name);
      if (def == null) def = ctx.lookupOp("func." + name);
    }
    if (def == null || !CustomOpParsers.hasCustomForm(def)) {
      String full = name;
      throw coreError(opAt, "custom op '" + full + "' is unknown" + (name.indexOf('.') < 0 ? " (tried 'func." + name + "' as well)" : ""));
    }
    OperationState st = new OperationState(locAt(opAt), ctx.opName(def.name()));
    List<String[]> saved = currentResults;
    boolean savedIso = currentOpIsolated;
    currentResults = results;
    currentOpIsolated = def.hasTrait(Trait.ISOLATED_FROM_ABOVE);
    pushDefaultDialect(def);
    String outerOp = customOp;
    customOp = def.name();
    try {
      CustomOpParsers.parse(def, this, st);
    } finally {
      customOp = outerOp;
      defaultDialects.pop();
      currentResults = saved;
      currentOpIsolated = savedIso;
    }
    Operation op = Operation.create(st);
    parseTrailingLocation(op);
    return op;
  }

  /** {@code loc(...)} after an op; a location alias defined later in the file is filled in at the end. */
  private void parseTrailingLocation(Operation op) {
    if (atKeyword("loc")) op.setLoc(parseLocationAfterKeyword(op::setLoc));
  }

  // ================================================================== SSA values

  private void define(String name, Value[] vs, int at) {
    IsolatedScope s = isolated.peek();
    Map<Integer, ForwardRef> fwd = s.forwardRefs.remove(name);
    // as MLIR, a later definition of the name anywhere resolves references a closed scope left open
    if (fwd == null && !pending.isEmpty()) fwd = pending.remove(name);
    if (s.values.containsKey(name)) throw coreError(at, "redefinition of SSA value '" + name + "'").note(s.values.get(name).offset, "previously defined here");
    if (fwd != null) {
      for (Map.Entry<Integer, ForwardRef> e : fwd.entrySet()) {
        int i = e.getKey();
        ForwardRef f = e.getValue();
        if (i >= vs.length) {
          undeclared.add(f); // MLIR never resolves it: an undeclared name at the end
          continue;
        }
        if (!f.placeholder().type().equals(vs[i].type()))
          throw coreError(at, "definition of SSA value '" + name + "#" + i + "' has type '" + AsmPrinter.toString(ctx, vs[i].type()) + "'")
              .note(f.offset(), "previously used here with type '" + AsmPrinter.toString(ctx, f.placeholder().type()) + "'");
        f.placeholder().replaceAllUsesWith(vs[i]);
      }
    }
    s.values.put(name, new Binding(vs, at));
    s.definedPerRegion.peek().add(name);
  }

  @Override public UnresolvedOperand parseOperand() {
    UnresolvedOperand o = parseOptionalOperand();
    if (o == null) throw wrongToken("expected SSA operand");
    return o;
  }

  @Override public UnresolvedOperand parseOptionalOperand() {
    if (!at(PERCENT_ID)) return null;
    String name = spelling();
    int at = lex.start;
    consume();
    int number = 0;
    // "%x#1": the '#1' lexes as a hash identifier directly after the name
    if (at(HASH_ID) && lex.start == at + name.length() && Character.isDigit(src.data()[lex.start + 1])) {
      String num = lex.text(lex.start + 1, lex.stop);
      try {
        number = Integer.parseInt(num);
      } catch (NumberFormatException e) {
        throw err("invalid SSA value result number");
      }
      consume();
    }
    return new UnresolvedOperand(name, number, at);
  }

  @Override public List<UnresolvedOperand> parseOperandList(Delimiter d) {
    List<UnresolvedOperand> l = new ArrayList<>();
    boolean open = false;
    switch (d) {
      case PAREN: parsePunct("("); open = true; break;
      case SQUARE: parsePunct("["); open = true; break;
      case OPTIONAL_PAREN: open = consumeIf(LPAREN); if (!open) return l; break;
      case OPTIONAL_SQUARE: open = consumeIf(LSQUARE); if (!open) return l; break;
      case BRACES: parsePunct("{"); open = true; break;
      default: break;
    }
    int close = d == Delimiter.PAREN || d == Delimiter.OPTIONAL_PAREN ? RPAREN : d == Delimiter.BRACES ? RBRACE : RSQUARE;
    if (open && at(close)) {
      consume();
      return l;
    }
    if (!open && !at(PERCENT_ID)) return l;
    do l.add(parseOperand()); while (consumeIf(COMMA));
    if (open) {
      if (!at(close)) throw wrongToken(close == RPAREN ? "expected ')' in operand list" : close == RSQUARE ? "expected ']' in operand list" : "expected '}' in operand list");
      consume();
    }
    return l;
  }

  @Override public Value resolveOperand(UnresolvedOperand o, Type type) {
    IsolatedScope s = isolated.peek();
    Binding b = s.values.get(o.name());
    if (b != null) {
      if (o.number() >= b.values.length) throw coreError(o.offset(), "reference to invalid result number");
      Value v = b.values[o.number()];
      if (type != null && !v.type().equals(type))
        throw coreError(o.offset(), "use of value '" + o.name() + "' expects different type than prior uses: '" + AsmPrinter.toString(ctx, type)
            + "' vs '" + AsmPrinter.toString(ctx, v.type()) + "'").note(b.offset, "prior use here");
      return v;
    }
    Map<Integer, ForwardRef> fwd = s.forwardRefs.computeIfAbsent(o.name(), k -> new HashMap<>());
    ForwardRef f = fwd.get(o.number());
    if (f != null) {
      if (type != null && !f.placeholder().type().equals(type))
        throw coreError(o.offset(), "use of value '" + o.name() + "' expects different type than prior uses: '" + AsmPrinter.toString(ctx, type)
            + "' vs '" + AsmPrinter.toString(ctx, f.placeholder().type()) + "'").note(f.offset(), "prior use here");
      return f.placeholder();
    }
    if (type == null) throw coreError(o.offset(), "use of undeclared SSA value name");
    OperationState ps = new OperationState(Location.UNKNOWN, placeholderName);
    ps.resultTypes.add(type);
    Value ph = Operation.create(ps).result(0);
    fwd.put(o.number(), new ForwardRef(ph, o.offset()));
    return ph;
  }

  @Override public List<Value> resolveOperands(List<UnresolvedOperand> ops, List<Type> types, int offset) {
    if (types.size() != ops.size() && types.size() != 1)
      throw error(offset, ops.size() + " operands present, but expected " + types.size());
    List<Value> vs = new ArrayList<>(ops.size());
    for (int i = 0; i < ops.size(); i++) vs.add(resolveOperand(ops.get(i), types.size() == 1 ? types.get(0) : types.get(i)));
    return vs;
  }

  /**
   * Closes the innermost isolated name scope; a value still only forward-referenced was never
   * defined, which MLIR reports at the end of the whole parse (after any syntax error).
   */
  private void finishIsolatedScope() {
    IsolatedScope s = isolated.pop();
    for (Map.Entry<String, Map<Integer, ForwardRef>> e : s.forwardRefs.entrySet()) {
      if (e.getValue().isEmpty()) continue;
      Map<Integer, ForwardRef> open = pending.putIfAbsent(e.getKey(), e.getValue());
      if (open != null) {
        for (Map.Entry<Integer, ForwardRef> r : e.getValue().entrySet())
          if (open.putIfAbsent(r.getKey(), r.getValue()) != null) undeclared.add(r.getValue());
      }
    }
  }

  /** Forward references of closed isolated scopes, by name: a later definition of the name resolves them. */
  private final Map<String, Map<Integer, ForwardRef>> pending = new HashMap<>();
  /** Forward references that can no longer be resolved. */
  private final List<ForwardRef> undeclared = new ArrayList<>();

  // ================================================================== arguments, regions, blocks

  @Override public Argument parseArgument(boolean allowType, boolean allowAttrs) {
    Argument a = parseOptionalArgument(allowType, allowAttrs);
    if (a == null) throw wrongToken("expected SSA operand");
    return a;
  }

  @Override public Argument parseOptionalArgument(boolean allowType, boolean allowAttrs) {
    UnresolvedOperand o = parseOptionalOperand();
    if (o == null) return null;
    Type t = null;
    DictionaryAttr attrs = null;
    Location loc = null;
    if (allowType) {
      parsePunct(":");
      t = parseType();
      if (allowAttrs && at(LBRACE)) attrs = DictionaryAttr.of(parseAttributeDict());
      loc = parseOptionalLocationSpecifier();
    }
    return new Argument(o, t, attrs, loc);
  }

  @Override public List<Argument> parseArgumentList(Delimiter d, boolean allowType, boolean allowAttrs) {
    List<Argument> l = new ArrayList<>();
    int close = d == Delimiter.SQUARE || d == Delimiter.OPTIONAL_SQUARE ? RSQUARE : RPAREN;
    if (d == Delimiter.OPTIONAL_PAREN || d == Delimiter.OPTIONAL_SQUARE) {
      if (!consumeIf(d == Delimiter.OPTIONAL_PAREN ? LPAREN : LSQUARE)) return l;
    } else if (d != Delimiter.NONE) parsePunct(close == RPAREN ? "(" : "[");
    if (d != Delimiter.NONE && consumeIf(close)) return l;
    do l.add(parseArgument(allowType, allowAttrs)); while (consumeIf(COMMA));
    if (d != Delimiter.NONE) parsePunct(close == RPAREN ? ")" : "]");
    return l;
  }

  @Override public Location parseOptionalLocationSpecifier() {
    if (!atKeyword("loc")) return null;
    // a location alias defined later in the file is not resolved for arguments (MLIR defers it too)
    return parseLocationAfterKeyword(x -> {});
  }

  @Override public Region parseRegion(List<Argument> args, boolean enableNameShadowing) {
    if (!at(LBRACE)) throw wrongToken("expected '{' to begin a region");
    return parseRegionImpl(args, currentOpIsolated, enableNameShadowing);
  }

  @Override public Region parseOptionalRegion(List<Argument> args, boolean enableNameShadowing) {
    if (!at(LBRACE)) return null;
    return parseRegion(args, enableNameShadowing);
  }

  private Region parseRegionImpl(List<Argument> args, boolean isolatedRegion, boolean shadow) {
    int regionAt = lex.start;
    parsePunct("{");
    Region region = OperationState.newDetachedRegion();
    boolean iso = isolatedRegion;
    boolean savedIso = currentOpIsolated;
    currentOpIsolated = false;
    if (iso) isolated.push(new IsolatedScope());
    IsolatedScope scope = isolated.peek();
    scope.definedPerRegion.push(new ArrayList<>());
    blockScopes.push(new BlockScope());
    try {
      if (at(RBRACE)) {
        // "{ }" with explicit arguments still gets an entry block holding them, as in MLIR
        if (!args.isEmpty()) {
          Block entry = new Block();
          region.addBlock(entry);
          for (Argument a : args) defineArgument(entry, a, shadow);
        }
        consume();
        return region;
      }
      if (at(CARET_ID)) {
        if (!args.isEmpty()) throw err("invalid block name in region with named arguments");
        parseBlocks(region, null);
      } else {
        Block entry = new Block();
        region.addBlock(entry);
        for (Argument a : args) defineArgument(entry, a, shadow);
        parseBlocks(region, entry);
      }
      parsePunct("}");
      BlockScope bs = blockScopes.peek();
      for (Map.Entry<String, Integer> f : bs.forwardRefs.entrySet())
        throw coreError(f.getValue(), "reference to an undefined block");
      return region;
    } finally {
      currentOpIsolated = savedIso;
      blockScopes.pop();
      List<String> defined = scope.definedPerRegion.pop();
      if (!iso) for (String n : defined) scope.values.remove(n);
      if (iso) finishIsolatedScope();
    }
  }

  /** True while a custom parser of an isolated-from-above op runs: its regions start fresh name scopes. */
  private boolean currentOpIsolated;

  private void defineArgument(Block b, Argument a, boolean shadow) {
    BlockArgument arg = b.addArgument(a.type(), a.loc() != null ? a.loc() : locAt(a.ssaName().offset()));
    IsolatedScope s = isolated.peek();
    if (shadow) s.values.remove(a.ssaName().name());
    define(a.ssaName().name(), new Value[] {arg}, a.ssaName().offset());
  }

  /** Parses blocks until '}' ({@code entry}: the implicit first block, or null when labels start). */
  private void parseBlocks(Region region, Block entry) {
    Block cur = entry;
    if (cur != null) parseBlockBody(cur);
    while (at(CARET_ID)) {
      int at = lex.start;
      String name = spelling();
      consume();
      BlockScope bs = blockScopes.peek();
      Block b = bs.blocks.get(name);
      if (b != null && bs.defined.containsKey(b)) throw coreError(at, "redefinition of block '" + name + "'");
      if (b == null) {
        b = new Block();
        bs.blocks.put(name, b);
      }
      bs.forwardRefs.remove(name);
      bs.defined.put(b, at);
      region.addBlock(b);
      if (consumeIf(LPAREN)) {
        if (!at(RPAREN)) {
          do {
            UnresolvedOperand o = parseOperand();
            parsePunct(":");
            Type t = parseType();
            Location loc = null;
            if (atKeyword("loc")) {
              BlockArgument[] holder = new BlockArgument[1];
              loc = parseLocationAfterKeyword(l -> { if (holder[0] != null) holder[0].setLoc(l); });
              BlockArgument arg = b.addArgument(t, loc);
              holder[0] = arg;
              define(o.name(), new Value[] {arg}, o.offset());
              continue;
            }
            BlockArgument arg = b.addArgument(t, locAt(o.offset()));
            define(o.name(), new Value[] {arg}, o.offset());
          } while (consumeIf(COMMA));
        }
        parsePunct(")");
      }
      if (!at(COLON)) throw wrongToken("expected ':' after block name");
      consume();
      parseBlockBody(b);
    }
  }

  private void parseBlockBody(Block b) {
    while (!at(CARET_ID) && !at(RBRACE)) {
      if (at(Lexer.EOF)) throw wrongToken("expected operation name in quotes");
      b.append(parseOperation());
    }
  }

  @Override public Block parseSuccessor() {
    Block b = parseOptionalSuccessor();
    if (b == null) throw wrongToken("expected block name");
    return b;
  }

  @Override public Block parseOptionalSuccessor() {
    if (!at(CARET_ID)) return null;
    String name = spelling();
    int at = lex.start;
    consume();
    BlockScope bs = blockScopes.peek();
    Block b = bs.blocks.get(name);
    if (b == null) {
      b = new Block();
      bs.blocks.put(name, b);
      bs.forwardRefs.put(name, at);
    }
    return b;
  }

  @Override public Block parseSuccessorAndUseList(List<Value> operands) {
    Block b = parseSuccessor();
    if (consumeIf(LPAREN)) {
      List<UnresolvedOperand> uses = new ArrayList<>();
      do uses.add(parseOperand()); while (consumeIf(COMMA));
      parsePunct(":");
      int at = lex.start;
      List<Type> ts = parseTypeList();
      if (ts.size() != uses.size()) throw coreError(at, "expected " + uses.size() + " types to match operand list");
      for (int i = 0; i < uses.size(); i++) operands.add(resolveOperand(uses.get(i), ts.get(i)));
      parsePunct(")");
    }
    return b;
  }

  @Override public int numResults() {
    int n = 0;
    for (String[] r : currentResults) n += Integer.parseInt(r[1]);
    return n;
  }

  @Override public String resultName(int i) {
    int k = 0;
    for (String[] r : currentResults) {
      int c = Integer.parseInt(r[1]);
      if (i < k + c) return r[0].substring(1);
      k += c;
    }
    return null;
  }


}
