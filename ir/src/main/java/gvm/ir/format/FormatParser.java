package gvm.ir.format;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.asm.ParseException;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.*;
import gvm.ir.def.OpDef;
import gvm.ir.def.PropertySpec;
import gvm.ir.def.Trait;
import gvm.ir.def.ValueSpec;
import gvm.ir.format.Element.*;
import gvm.ir.format.FormatProgram.TypeSource;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FunctionType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs a {@link FormatProgram} over the parser, as the parse method OpFormatGen generates: elements
 * collect operands, types, properties, regions and successors as they appear; afterwards regions
 * and successors are added, segment sizes filled, and operand and result types resolved.
 */
final class FormatParser {
  private static final List<UnresolvedOperand> NO_OPERANDS = List.of();

  final FormatProgram prog;
  final OpDef def;
  final OpAsmParser p;
  final OperationState st;
  /** Where the custom form starts; stands in for MLIR's getNameLoc in messages. */
  final int nameLoc;

  final List<UnresolvedOperand>[] operands;
  final int[] operandLocs;
  final List<Type>[] operandTypes;
  final List<Type>[] resultTypes;
  /** Properties bound by the format, by property index (attr-dict entries go straight to {@link #st}). */
  final Attribute[] props;
  final List<Region>[] regions;
  final List<Block>[] successors;
  List<UnresolvedOperand> allOperands = NO_OPERANDS;
  int allOperandsLoc;
  List<Type> allOperandTypes = List.of(), allResultTypes = List.of();
  List<Region> allRegions = List.of();
  List<Block> allSuccessors = List.of();

  @SuppressWarnings("unchecked")
  FormatParser(FormatProgram prog, OpAsmParser p, OperationState st) {
    this.prog = prog;
    this.def = prog.def;
    this.p = p;
    this.st = st;
    this.nameLoc = p.offset();
    operands = new List[def.operands().size()];
    operandLocs = new int[operands.length];
    operandTypes = new List[operands.length];
    resultTypes = new List[def.results().size()];
    props = new Attribute[def.properties().size()];
    regions = new List[def.regions().size()];
    successors = new List[def.successors().size()];
  }

  void run() {
    for (Element e : prog.elements) parse(e, false);
    addRegions();
    addSuccessors();
    if (def.hasTrait(Trait.ATTR_SIZED_OPERAND_SEGMENTS) && !prog.allOperands) {
      long[] sizes = new long[operands.length];
      for (int i = 0; i < sizes.length; i++) sizes[i] = operands[i] == null ? 0 : operands[i].size();
      st.addProperty("operandSegmentSizes", new DenseArrayAttr(IntegerType.I32, sizes));
    }
    resolveTypes();
  }

  // ---------------------------------------------------------------- elements

  /** Parses one element; {@code inGroup}: after an optional group's guard, optional attributes are required (GenContext::Optional). */
  void parse(Element e, boolean inGroup) {
    if (e instanceof Literal l) {
      if (l.isKeyword()) p.parseKeyword(l.spelling()); else p.parsePunct(l.spelling());
    } else if (e instanceof Space || e instanceof Newline) {
      return;
    } else if (e instanceof AttrVar a) {
      String n = a.spec().name();
      setProp(a.spec(), !inGroup && a.spec().optional() ? a.asm().parseOptional(p, n) : a.asm().parse(p, n));
    } else if (e instanceof OperandVar o) {
      parseOperandVar(o, false);
    } else if (e instanceof RegionVar r) {
      parseRegionVar(r, false);
    } else if (e instanceof SuccessorVar s) {
      successors[s.index()] = s.spec().variadic() ? parseSuccessorList() : List.of(p.parseSuccessor());
    } else if (e instanceof AttrDict d) {
      int loc = p.offset();
      addAttrDict(d.withKeyword() ? p.parseOptionalAttrDictWithKeyword() : p.parseOptionalAttrDict(), loc);
    } else if (e instanceof PropDict) {
      // As OpState::genericParseProperties: `<{...}>`, the `<` optional.
      if (p.parseOptionalPunct("<")) {
        int loc = p.offset();
        DictionaryAttr d = p.parseDictionary();
        p.parsePunct(">");
        addAttrDict(d.entries(), loc);
      }
    } else if (e instanceof TypeDir t) {
      parseTypeDir(t.arg(), false);
    } else if (e instanceof FunctionalType f) {
      FunctionType ft = p.parseFunctionType();
      bindTypes(f.inputs(), ft.inputs());
      bindTypes(f.results(), ft.results());
    } else if (e instanceof OperandsDir) {
      allOperandsLoc = p.offset();
      allOperands = p.parseOperandList(OpAsmParser.Delimiter.NONE);
    } else if (e instanceof RegionsDir) {
      allRegions = parseRegionList();
    } else if (e instanceof SuccessorsDir) {
      allSuccessors = parseSuccessorList();
    } else if (e instanceof Custom c) {
      c.directive().parse(p, new ParseArgs(this, c.args()));
    } else if (e instanceof Optional o) {
      parseOptional(o);
    } else if (e instanceof OIList l) {
      parseOIList(l);
    } else {
      throw new IllegalStateException("unexpected format element " + e);
    }
  }

  private void parseOptional(Optional o) {
    List<Element> then = o.thenElems();
    Element first = then.get(o.parseStart());
    if (parseGuard(first)) {
      // A unit anchor that does not lead the group is implied by the group (OpFormatGen elides it).
      Element elided = null;
      if (o.anchor() instanceof AttrVar a && a != first && a.isUnit()) {
        elided = a;
        setProp(a.spec(), UnitAttr.INSTANCE);
      }
      for (int i = o.parseStart() + 1; i < then.size(); i++) if (then.get(i) != elided) parse(then.get(i), true);
    } else {
      for (Element e : o.elseElems()) parse(e, false);
    }
  }

  /** Parses an optional group's first element if present; returns whether it was. */
  private boolean parseGuard(Element first) {
    if (first instanceof Literal l) return l.isKeyword() ? p.parseOptionalKeyword(l.spelling()) : p.parseOptionalPunct(l.spelling());
    if (first instanceof AttrVar a) {
      Attribute v = a.asm().parseOptional(p, a.spec().name());
      setProp(a.spec(), v);
      return v != null;
    }
    if (first instanceof OperandVar o) return parseOperandVar(o, true);
    if (first instanceof RegionVar r) return parseRegionVar(r, true);
    if (first instanceof Custom c) return c.directive().parse(p, new ParseArgs(this, c.args()));
    if (first instanceof TypeDir t) return parseTypeDir(t.arg(), true);
    throw new IllegalStateException("unexpected optional group guard " + first);
  }

  private void parseOIList(OIList l) {
    boolean[] seen = new boolean[l.keywords().size()];
    boolean progress = true;
    while (progress) {
      progress = false;
      for (int k = 0; k < seen.length && !progress; k++) {
        Literal kw = l.keywords().get(k);
        if (!(kw.isKeyword() ? p.parseOptionalKeyword(kw.spelling()) : p.parseOptionalPunct(kw.spelling()))) continue;
        if (seen[k])
          throw p.error(nameLoc, "`" + kw.spelling() + "` clause can appear at most once in the expansion of the oilist directive");
        seen[k] = true;
        progress = true;
        List<Element> clause = l.clauses().get(k);
        if (clause.size() == 1 && clause.get(0) instanceof AttrVar a && a.isUnit()) setProp(a.spec(), UnitAttr.INSTANCE);
        else for (Element e : clause) parse(e, false);
      }
    }
  }

  void setProp(PropertySpec spec, Attribute v) {
    if (v == null) return;
    props[spec.index()] = v;
    st.addProperty(spec.name(), v);
  }

  /** Routes dictionary entries: the def's properties (checked, as verifyInherentAttrs) to properties, others to attributes. */
  void addAttrDict(List<NamedAttribute> entries, int loc) {
    for (NamedAttribute na : entries) {
      PropertySpec ps = def.property(na.name());
      if (ps == null) {
        st.attributes.add(na);
        continue;
      }
      if (!ps.constraint().test(na.value()))
        throw p.error(loc, "'" + def.name() + "' op attribute '" + na.name() + "' failed to satisfy constraint: " + ps.constraint().description());
      st.properties.add(na);
    }
  }

  /** Returns whether any operand was read ({@code guard}: the group's first element, so even a single operand is optional). */
  boolean parseOperandVar(OperandVar o, boolean guard) {
    int i = o.index();
    operandLocs[i] = p.offset();
    List<UnresolvedOperand> l;
    if (o.spec().arity() == ValueSpec.Arity.VARIADIC) {
      l = p.parseOperandList(OpAsmParser.Delimiter.NONE);
    } else if (guard || o.spec().arity() == ValueSpec.Arity.OPTIONAL) {
      UnresolvedOperand u = p.parseOptionalOperand();
      l = u == null ? NO_OPERANDS : List.of(u);
    } else {
      l = List.of(p.parseOperand());
    }
    operands[i] = l;
    return !l.isEmpty();
  }

  private boolean parseRegionVar(RegionVar r, boolean guard) {
    List<Region> l;
    if (r.spec().variadic()) {
      l = parseRegionList();
    } else if (guard) {
      Region reg = p.parseOptionalRegion(List.of(), false);
      l = reg == null ? List.of() : List.of(reg);
      // As MLIR: `{}` parses to a region without blocks, which leaves the group absent.
      if (reg == null || reg.isEmpty()) {
        regions[r.index()] = l;
        return false;
      }
      ensureBlock(reg);
    } else {
      Region reg = p.parseRegion(List.of(), false);
      ensureBlock(reg);
      l = List.of(reg);
    }
    regions[r.index()] = l;
    return !l.isEmpty();
  }

  List<Region> parseRegionList() {
    Region first = p.parseOptionalRegion(List.of(), false);
    if (first == null) return List.of();
    List<Region> l = new ArrayList<>();
    ensureBlock(first);
    l.add(first);
    while (p.parseOptionalPunct(",")) {
      Region r = p.parseRegion(List.of(), false);
      ensureBlock(r);
      l.add(r);
    }
    return l;
  }

  /** SingleBlock: an empty region gets a block; SingleBlockImplicitTerminator: the block gets its terminator. */
  void ensureBlock(Region r) {
    if (!prog.singleBlock) return;
    if (r.isEmpty()) r.addBlock(new Block());
    if (prog.implicitTerminator == null) return;
    Block b = r.blocks().get(r.blocks().size() - 1);
    if (b.last() != null && b.last().hasTrait(Trait.TERMINATOR)) return;
    OperationState ts = new OperationState(st.loc, p.context().opName(prog.implicitTerminator));
    b.append(Operation.create(ts));
  }

  List<Block> parseSuccessorList() {
    Block first = p.parseOptionalSuccessor();
    if (first == null) return List.of();
    List<Block> l = new ArrayList<>();
    l.add(first);
    while (p.parseOptionalPunct(",")) l.add(p.parseSuccessor());
    return l;
  }

  /** Parses {@code type(arg)}; as a group's guard, an absent type leaves the group absent. */
  private boolean parseTypeDir(Element arg, boolean guard) {
    if (arg instanceof Ref r) arg = r.arg();
    ValueSpec.Arity arity = arg instanceof OperandVar o ? o.spec().arity() : arg instanceof ResultVar v ? v.spec().arity() : ValueSpec.Arity.VARIADIC;
    List<Type> ts;
    if (guard || arity == ValueSpec.Arity.OPTIONAL) {
      Type t = p.parseOptionalType();
      if (t == null) ts = List.of();
      else if (arity != ValueSpec.Arity.VARIADIC) ts = List.of(t);
      else {
        ts = new ArrayList<>();
        ts.add(t);
        while (p.parseOptionalPunct(",")) ts.add(p.parseType());
      }
    } else if (arity == ValueSpec.Arity.VARIADIC) {
      ts = p.parseTypeList();
    } else {
      ts = List.of(p.parseType());
    }
    bindTypes(arg, ts);
    return !ts.isEmpty();
  }

  void bindTypes(Element arg, List<Type> ts) {
    if (arg instanceof Ref r) arg = r.arg();
    if (arg instanceof OperandVar o) operandTypes[o.index()] = ts;
    else if (arg instanceof ResultVar v) resultTypes[v.index()] = ts;
    else if (arg instanceof OperandsDir) allOperandTypes = ts;
    else if (arg instanceof ResultsDir) allResultTypes = ts;
  }

  // ---------------------------------------------------------------- resolution

  private void addRegions() {
    if (prog.allRegions) {
      for (Region r : allRegions) st.addRegion(r);
      return;
    }
    for (int i = 0; i < regions.length; i++) {
      if (regions[i] == null || regions[i].isEmpty()) {
        if (!def.regions().get(i).variadic()) st.addRegion();
      } else {
        for (Region r : regions[i]) st.addRegion(r);
      }
    }
  }

  private void addSuccessors() {
    if (prog.allSuccessors) {
      st.successors.addAll(allSuccessors);
      return;
    }
    for (List<Block> l : successors) if (l != null) st.successors.addAll(l);
  }

  private void resolveTypes() {
    int nr = def.results().size();
    long[] resultSizes = new long[nr];
    if (!prog.infersResultTypes) {
      if (prog.allResultTypes) {
        st.resultTypes.addAll(allResultTypes);
      } else {
        for (int i = 0; i < nr; i++) {
          List<Type> ts = resultTypesOf(i);
          if (prog.resultSources[i] != null && !def.results().get(i).isVariadic() && ts.size() > 1) ts = ts.subList(0, 1);
          resultSizes[i] = ts.size();
          st.resultTypes.addAll(ts);
        }
      }
    }
    resolveOperands();
    if (prog.infersResultTypes) {
      List<Type> ts = inferResultTypes();
      st.resultTypes.addAll(ts);
      for (int i = 0; i < nr; i++) resultSizes[i] = def.results().get(i).isVariadic() ? Math.max(0, ts.size() - (nr - 1)) : 1;
    }
    if (def.hasTrait(Trait.ATTR_SIZED_RESULT_SEGMENTS) && !prog.allResultTypes)
      st.addProperty("resultSegmentSizes", new DenseArrayAttr(IntegerType.I32, resultSizes));
  }

  private void resolveOperands() {
    int n = operands.length;
    if (n == 0) return;
    if (prog.allOperandTypes) {
      if (prog.allOperands) {
        resolveList(allOperands, allOperandTypes, allOperandsLoc);
      } else {
        List<UnresolvedOperand> all = new ArrayList<>();
        for (List<UnresolvedOperand> l : operands) if (l != null) all.addAll(l);
        resolveList(all, allOperandTypes, nameLoc);
      }
      return;
    }
    if (prog.allOperands) {
      List<Type> all = new ArrayList<>();
      for (int i = 0; i < n; i++) all.addAll(prog.operandSources[i] == null ? orEmpty(operandTypes[i]) : sourceTypes(prog.operandSources[i]));
      resolveList(allOperands, all, allOperandsLoc);
      return;
    }
    for (int i = 0; i < n; i++) {
      List<UnresolvedOperand> us = operands[i] == null ? NO_OPERANDS : operands[i];
      TypeSource s = prog.operandSources[i];
      if (s == null) {
        resolveList(us, orEmpty(operandTypes[i]), operandLocs[i]);
      } else if (isSingle(s)) {
        // A type from a single variable, an attribute or a builder applies to every operand of the group.
        if (us.isEmpty()) continue;
        List<Type> ts = sourceTypes(s);
        if (ts.isEmpty()) throw p.error(operandLocs[i], "cannot resolve the type of operand '" + def.operands().get(i).name() + "'");
        for (UnresolvedOperand u : us) st.operands.add(p.resolveOperand(u, ts.get(0)));
      } else {
        resolveList(us, sourceTypes(s), operandLocs[i]);
      }
    }
  }

  private void resolveList(List<UnresolvedOperand> us, List<Type> ts, int loc) {
    if (us.size() != ts.size()) throw p.error(loc, us.size() + " operands present, but expected " + ts.size());
    for (int k = 0; k < us.size(); k++) st.operands.add(p.resolveOperand(us.get(k), ts.get(k)));
  }

  private boolean isSingle(TypeSource s) {
    if (s.range() != null) return false;
    switch (s.kind()) {
      case OPERAND: return !def.operands().get(s.index()).isVariadic();
      case RESULT: return !def.results().get(s.index()).isVariadic();
      default: return true;
    }
  }

  private List<Type> resultTypesOf(int i) {
    TypeSource s = prog.resultSources[i];
    return s == null ? orEmpty(resultTypes[i]) : sourceTypes(s);
  }

  /** The types a source stands for, mapped by its function (TypesMatchWith). */
  private List<Type> sourceTypes(TypeSource s) {
    List<Type> ts;
    ValueSpec var = null;
    switch (s.kind()) {
      case OPERAND:
        var = def.operands().get(s.index());
        ts = prog.operandSources[s.index()] == null ? orEmpty(operandTypes[s.index()]) : sourceTypes(prog.operandSources[s.index()]);
        break;
      case RESULT:
        var = def.results().get(s.index());
        ts = resultTypesOf(s.index());
        break;
      case ATTRIBUTE: {
        Attribute a = props[def.propertyIndex(s.prop())];
        Type t = typeOf(a);
        if (t == null) throw p.error(nameLoc, "cannot resolve a type from attribute '" + s.prop() + "'");
        ts = List.of(t);
        break;
      }
      default:
        ts = List.of(s.buildable());
    }
    if (s.fn() == null && s.range() == null) return ts;
    List<Type> out = new ArrayList<>(ts.size());
    for (Type t : ts) {
      // As OpFormatGen: a variable feeding a type transformer is checked before the transformer sees it.
      if (var != null && !var.constraint().test(t))
        throw p.error(nameLoc, "'" + var.name() + "' must be " + var.constraint().description() + ", but got " + AsmPrinter.toString(p.context(), t));
      Type mapped = s.fn() == null ? t : s.fn().apply(t);
      if (s.range() != null) out.addAll(s.range().apply(mapped)); else out.add(mapped);
    }
    return out;
  }

  private List<Type> inferResultTypes() {
    List<Type> opTypes = new ArrayList<>(st.operands.size());
    for (Value v : st.operands) opTypes.add(v.type());
    List<Type> ts;
    try {
      ts = def.resultTypeInference().infer(opTypes, this::lookupAttr);
    } catch (ParseException e) {
      throw e;
    } catch (RuntimeException e) {
      throw p.error(nameLoc, e.getMessage() == null ? "failed to infer returned types" : e.getMessage());
    }
    if (ts == null) throw p.error(nameLoc, "failed to infer returned types");
    return ts;
  }

  /** The last value given for a property or attribute while parsing (later entries win, as in the op). */
  private Attribute lookupAttr(String name) {
    for (int i = st.properties.size() - 1; i >= 0; i--) if (st.properties.get(i).name().equals(name)) return st.properties.get(i).value();
    for (int i = st.attributes.size() - 1; i >= 0; i--) if (st.attributes.get(i).name().equals(name)) return st.attributes.get(i).value();
    return null;
  }

  /** The type of a typed attribute (MLIR's TypedAttr), or null. */
  static Type typeOf(Attribute a) {
    if (a instanceof IntegerAttr i) return i.type();
    if (a instanceof FloatAttr f) return f.type();
    if (a instanceof DenseElementsAttr d) return d.type();
    if (a instanceof DenseResourceAttr d) return d.type();
    if (a instanceof StringAttr s) return s.type();
    return null;
  }

  private static <T> List<T> orEmpty(List<T> l) { return l == null ? List.of() : l; }
}
