package gvm.ir.format;

import gvm.ir.def.OpDef;
import gvm.ir.def.PropertySpec;
import gvm.ir.def.Trait;
import gvm.ir.def.ValueSpec;
import gvm.ir.format.Element.*;
import gvm.ir.format.FormatProgram.TypeSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Compiles an assembly format string into a {@link FormatProgram}: tokenizes and parses MLIR's
 * format language, then checks it as OpFormatGen's OpFormatParser::verify does (every operand,
 * region and successor bound once, every type resolvable, optional groups well formed).
 */
final class FormatCompiler {
  private enum Ctx { TOP, CUSTOM, TYPE, REF }

  private static final int EOF = 0, LITERAL = 1, VARIABLE = 2, IDENT = 3, PUNCT = 4;

  private final OpDef def;
  private final String src;
  private int pos;
  private int tok;
  private String text;
  private int tokPos;

  private boolean hasAttrDict, hasPropDict, allOperands, allOperandTypes, allResultTypes, allRegions, allSuccessors;
  private final boolean[] seenOperands, seenOperandTypes, seenResultTypes, seenRegions, seenSuccessors;
  private final Set<String> seenProps = new LinkedHashSet<>();

  private FormatCompiler(OpDef def) {
    this.def = def;
    this.src = def.format();
    seenOperands = new boolean[def.operands().size()];
    seenOperandTypes = new boolean[def.operands().size()];
    seenResultTypes = new boolean[def.results().size()];
    seenRegions = new boolean[def.regions().size()];
    seenSuccessors = new boolean[def.successors().size()];
  }

  /** Compiles {@code def}'s format; throws IllegalArgumentException naming the op on any error. */
  static FormatProgram compile(OpDef def) {
    FormatCompiler c = new FormatCompiler(def);
    c.next();
    List<Element> elems = new ArrayList<>();
    while (c.tok != EOF) elems.add(c.parseElement(Ctx.TOP));
    return c.verify(elems);
  }

  private IllegalArgumentException error(String msg) {
    return new IllegalArgumentException(def.name() + ": invalid assembly format: " + msg + " (at offset " + tokPos + " of '" + src + "')");
  }

  // ---------------------------------------------------------------- lexer

  private void next() {
    while (pos < src.length() && Character.isWhitespace(src.charAt(pos))) pos++;
    tokPos = pos;
    if (pos >= src.length()) {
      tok = EOF;
      text = "";
      return;
    }
    char c = src.charAt(pos);
    if (c == '`') {
      int end = src.indexOf('`', pos + 1);
      if (end < 0) throw error("unexpected end of file in literal");
      tok = LITERAL;
      text = src.substring(pos + 1, end);
      pos = end + 1;
    } else if (c == '$') {
      int s = ++pos;
      while (pos < src.length() && isIdentChar(src.charAt(pos), false)) pos++;
      if (s == pos) throw error("expected variable name");
      tok = VARIABLE;
      text = src.substring(s, pos);
    } else if (Character.isLetter(c) || c == '_') {
      int s = pos;
      // Directive names contain '-' (attr-dict-with-keyword); '-' never starts anything else here.
      while (pos < src.length() && isIdentChar(src.charAt(pos), true)) pos++;
      tok = IDENT;
      text = src.substring(s, pos);
    } else if ("()?^:,|<>".indexOf(c) >= 0) {
      tok = PUNCT;
      text = String.valueOf(c);
      pos++;
    } else {
      throw error("unexpected character '" + c + "'");
    }
  }

  private static boolean isIdentChar(char c, boolean dash) { return Character.isLetterOrDigit(c) || c == '_' || (dash && c == '-'); }

  private boolean atPunct(String p) { return tok == PUNCT && text.equals(p); }

  private void expectPunct(String p, String msg) {
    if (!atPunct(p)) throw error(msg);
    next();
  }

  // ---------------------------------------------------------------- elements

  private Element parseElement(Ctx ctx) {
    if (tok == LITERAL) return parseLiteral(ctx);
    if (tok == VARIABLE) {
      String name = text;
      next();
      return parseVariable(name, ctx);
    }
    if (tok == IDENT) {
      String name = text;
      next();
      return parseDirective(name, ctx);
    }
    if (atPunct("(")) {
      if (ctx != Ctx.TOP) throw error("optional groups can only be used as top-level elements");
      next();
      return parseOptionalGroup();
    }
    if (atPunct("^")) throw error("'^' marks the anchor of an optional group and is only valid inside one");
    throw error("expected directive, literal, variable, or optional group");
  }

  private Element parseLiteral(Ctx ctx) {
    String v = text;
    next();
    if (ctx != Ctx.TOP) throw error("literals are only valid at the top level or in optional groups, not '`" + v + "`'");
    if (v.isEmpty()) return new Space(false);
    if (v.equals(" ")) return new Space(true);
    if (v.equals("\\n")) return new Newline();
    if (!isValidLiteral(v)) throw error("expected valid literal but got '" + v + "'");
    return new Literal(v);
  }

  /** As FormatGen's isValidLiteral: one punctuation or letter, {@code ->}, {@code ...}, or a keyword. */
  static boolean isValidLiteral(String v) {
    char c = v.charAt(0);
    if (v.length() == 1) return Character.isLetter(c) || "_:,=<>()[]{}?+*|".indexOf(c) >= 0;
    if (v.equals("->") || v.equals("...")) return true;
    if (!(Character.isLetter(c) || c == '_')) return false;
    for (int i = 1; i < v.length(); i++) {
      char d = v.charAt(i);
      if (!(Character.isLetterOrDigit(d) || d == '_' || d == '$' || d == '.')) return false;
    }
    return true;
  }

  private Element parseVariable(String name, Ctx ctx) {
    PropertySpec prop = def.property(name);
    if (prop != null) {
      if (ctx == Ctx.TYPE) throw error("attributes cannot be used as children to a `type` directive");
      if (ctx == Ctx.REF) {
        if (!seenProps.contains(name)) throw error("attribute '" + name + "' must be bound before it is referenced");
      } else if (!seenProps.add(name)) {
        throw error("attribute '" + name + "' is already bound");
      }
      return new AttrVar(prop, prop.constraint().asmOrDefault());
    }
    int i = indexOf(def.operands(), name);
    if (i >= 0) {
      if (ctx == Ctx.TOP || ctx == Ctx.CUSTOM) {
        if (allOperands || seenOperands[i]) throw error("operand '" + name + "' is already bound");
        seenOperands[i] = true;
      } else if (ctx == Ctx.REF && !seenOperands[i]) {
        throw error("operand '" + name + "' must be bound before it is referenced");
      }
      return new OperandVar(i, def.operands().get(i));
    }
    for (int r = 0; r < def.regions().size(); r++) {
      if (!def.regions().get(r).name().equals(name)) continue;
      if (ctx == Ctx.TYPE) throw error("regions can only be used at the top level");
      if (ctx == Ctx.REF) {
        if (!seenRegions[r]) throw error("region '" + name + "' must be bound before it is referenced");
      } else {
        if (allRegions || seenRegions[r]) throw error("region '" + name + "' is already bound");
        seenRegions[r] = true;
      }
      return new RegionVar(r, def.regions().get(r));
    }
    i = indexOf(def.results(), name);
    if (i >= 0) {
      if (ctx != Ctx.TYPE) throw error("result variables can only be used as a child to a 'type' directive");
      return new ResultVar(i, def.results().get(i));
    }
    for (int s = 0; s < def.successors().size(); s++) {
      if (!def.successors().get(s).name().equals(name)) continue;
      if (ctx == Ctx.TYPE) throw error("successors can only be used at the top level");
      if (ctx == Ctx.REF) {
        if (!seenSuccessors[s]) throw error("successor '" + name + "' must be bound before it is referenced");
      } else {
        if (allSuccessors || seenSuccessors[s]) throw error("successor '" + name + "' is already bound");
        seenSuccessors[s] = true;
      }
      return new SuccessorVar(s, def.successors().get(s));
    }
    throw error("expected variable to refer to an argument, region, result, or successor, but '$" + name + "' is not declared");
  }

  private static int indexOf(List<ValueSpec> l, String name) {
    for (int i = 0; i < l.size(); i++) if (l.get(i).name().equals(name)) return i;
    return -1;
  }

  private Element parseDirective(String name, Ctx ctx) {
    switch (name) {
      case "attr-dict":
      case "attr-dict-with-keyword":
        if (ctx == Ctx.TYPE) throw error("'attr-dict' directive can only be used as a top-level directive");
        if (ctx == Ctx.REF) {
          if (!hasAttrDict) throw error("'ref' of 'attr-dict' is not bound by a prior 'attr-dict' directive");
        } else {
          if (hasAttrDict) throw error("'attr-dict' directive has already been seen");
          hasAttrDict = true;
        }
        return new AttrDict(name.length() > "attr-dict".length());
      case "prop-dict":
        if (ctx != Ctx.TOP) throw error("'prop-dict' is only valid as a top-level directive");
        if (hasPropDict) throw error("'prop-dict' directive has already been seen");
        hasPropDict = true;
        return new PropDict();
      case "functional-type": {
        if (ctx != Ctx.TOP) throw error("'functional-type' is only valid as a top-level directive");
        expectPunct("(", "expected '(' before argument list");
        Element in = parseTypeOperand(false);
        expectPunct(",", "expected ',' after inputs argument");
        Element out = parseTypeOperand(false);
        expectPunct(")", "expected ')' after argument list");
        return new FunctionalType(in, out);
      }
      case "operands":
        if (ctx == Ctx.REF) {
          if (!allOperands) throw error("'ref' of 'operands' is not bound by a prior 'operands' directive");
        } else if (ctx != Ctx.TYPE) {
          for (boolean b : seenOperands) if (b) throw error("'operands' directive creates overlap in format");
          if (allOperands) throw error("'operands' directive creates overlap in format");
          allOperands = true;
        }
        return new OperandsDir();
      case "results":
        if (ctx != Ctx.TYPE) throw error("'results' directive can only be used as a child to a 'type' directive");
        return new ResultsDir();
      case "regions":
        if (ctx == Ctx.TYPE) throw error("'regions' is only valid as a top-level directive");
        if (ctx == Ctx.REF) {
          if (!allRegions) throw error("'ref' of 'regions' is not bound by a prior 'regions' directive");
        } else {
          for (boolean b : seenRegions) if (b) throw error("'regions' directive creates overlap in format");
          if (allRegions) throw error("'regions' directive creates overlap in format");
          allRegions = true;
        }
        return new RegionsDir();
      case "successors":
        if (ctx == Ctx.TYPE) throw error("'successors' is only valid as a top-level directive");
        if (ctx == Ctx.REF) {
          if (!allSuccessors) throw error("'ref' of 'successors' is not bound by a prior 'successors' directive");
        } else {
          for (boolean b : seenSuccessors) if (b) throw error("'successors' directive creates overlap in format");
          if (allSuccessors) throw error("'successors' directive creates overlap in format");
          allSuccessors = true;
        }
        return new SuccessorsDir();
      case "type": {
        if (ctx == Ctx.TYPE) throw error("'type' cannot be used as a child of another `type`");
        expectPunct("(", "expected '(' before argument list");
        Element arg = parseTypeOperand(ctx == Ctx.REF);
        expectPunct(")", "expected ')' after argument list");
        return new TypeDir(arg);
      }
      case "qualified": {
        expectPunct("(", "expected '(' before argument list");
        Element e = parseElement(ctx);
        expectPunct(")", "expected ')' after argument list");
        // Types always print in full here (see FormatPrinter), so only attributes change.
        if (e instanceof AttrVar a) return new AttrVar(a.spec(), a.asm().qualified());
        if (e instanceof TypeDir) return e;
        throw error("'qualified' directive expects an attribute or a `type` directive");
      }
      case "ref": {
        if (ctx != Ctx.CUSTOM) throw error("'ref' is only valid within a `custom` directive");
        expectPunct("(", "expected '(' before argument list");
        Element e = parseElement(Ctx.REF);
        expectPunct(")", "expected ')' after argument list");
        return new Ref(e);
      }
      case "custom":
        return parseCustom(ctx);
      case "oilist":
        return parseOIList(ctx);
      default:
        throw error("unknown directive '" + name + "'");
    }
  }

  private Element parseTypeOperand(boolean isRef) {
    if (tok == LITERAL) throw error("'type' directive operand expects variable or directive operand");
    Element e = parseElement(Ctx.TYPE);
    if (e instanceof OperandVar v) {
      boolean seen = allOperandTypes || seenOperandTypes[v.index()];
      if (!isRef && seen) throw error("'type' of '" + v.spec().name() + "' is already bound");
      if (isRef && !seen) throw error("'ref' of 'type($" + v.spec().name() + ")' is not bound by a prior 'type' directive");
      seenOperandTypes[v.index()] = true;
    } else if (e instanceof ResultVar v) {
      boolean seen = allResultTypes || seenResultTypes[v.index()];
      if (!isRef && seen) throw error("'type' of '" + v.spec().name() + "' is already bound");
      if (isRef && !seen) throw error("'ref' of 'type($" + v.spec().name() + ")' is not bound by a prior 'type' directive");
      seenResultTypes[v.index()] = true;
    } else if (e instanceof OperandsDir) {
      boolean any = allOperandTypes;
      for (boolean b : seenOperandTypes) any |= b;
      if (!isRef && any) throw error("'operands' 'type' is already bound");
      if (isRef && !allOperandTypes) throw error("'ref' of 'type(operands)' is not bound by a prior 'type' directive");
      allOperandTypes = true;
    } else if (e instanceof ResultsDir) {
      boolean any = allResultTypes;
      for (boolean b : seenResultTypes) any |= b;
      if (!isRef && any) throw error("'results' 'type' is already bound");
      if (isRef && !allResultTypes) throw error("'ref' of 'type(results)' is not bound by a prior 'type' directive");
      allResultTypes = true;
    } else {
      throw error("'type' directive operand expects variable or directive operand");
    }
    return e;
  }

  private Element parseCustom(Ctx ctx) {
    if (ctx != Ctx.TOP) throw error("'custom' is only valid as a top-level directive");
    expectPunct("<", "expected '<' before custom directive name");
    if (tok != IDENT) throw error("expected custom directive name identifier");
    String name = text;
    next();
    expectPunct(">", "expected '>' after custom directive name");
    expectPunct("(", "expected '(' before custom directive parameters");
    List<Element> args = new ArrayList<>();
    List<CustomDirective.ArgKind> kinds = new ArrayList<>();
    List<Boolean> refs = new ArrayList<>();
    if (!atPunct(")")) {
      do {
        Element e = parseElement(Ctx.CUSTOM);
        Element base = e instanceof Ref r ? r.arg() : e;
        CustomDirective.ArgKind k = argKind(base);
        if (k == null) throw error("only variables and types may be used as parameters to a custom directive");
        args.add(e);
        kinds.add(k);
        refs.add(e instanceof Ref);
      } while (consumeIf(","));
    }
    expectPunct(")", "expected ')' after custom directive parameters");
    CustomDirective d = CustomDirectives.lookup(name);
    if (d == null) throw error("custom directive '" + name + "' is not registered (see CustomDirectives.register)");
    String bad = d.checkArgs(kinds, refs);
    if (bad != null) throw error("custom<" + name + ">: " + bad);
    return new Custom(name, d, List.copyOf(args));
  }

  /** The kind of a custom directive argument (Ref unwrapped), or null if it cannot be one. */
  static CustomDirective.ArgKind argKind(Element e) {
    if (e instanceof OperandVar || e instanceof OperandsDir) return CustomDirective.ArgKind.OPERAND;
    if (e instanceof TypeDir t) return t.arg() instanceof OperandVar || t.arg() instanceof ResultVar ? CustomDirective.ArgKind.TYPE : null;
    if (e instanceof AttrVar) return CustomDirective.ArgKind.ATTRIBUTE;
    if (e instanceof RegionVar) return CustomDirective.ArgKind.REGION;
    if (e instanceof SuccessorVar) return CustomDirective.ArgKind.SUCCESSOR;
    if (e instanceof AttrDict) return CustomDirective.ArgKind.ATTR_DICT;
    return null;
  }

  private boolean consumeIf(String p) {
    if (!atPunct(p)) return false;
    next();
    return true;
  }

  private Element parseOIList(Ctx ctx) {
    if (ctx != Ctx.TOP) throw error("'oilist' is only valid as a top-level directive");
    expectPunct("(", "expected '(' before oilist argument list");
    List<Literal> kws = new ArrayList<>();
    List<List<Element>> clauses = new ArrayList<>();
    while (true) {
      Element lit = tok == LITERAL ? parseLiteral(ctx) : null;
      if (!(lit instanceof Literal l)) throw error("expected literal at the start of an oilist clause");
      kws.add(l);
      List<Element> elems = new ArrayList<>();
      while (!atPunct("|") && !atPunct(")")) {
        if (tok == EOF) throw error("expected ')' after oilist argument list");
        Element e = parseElement(ctx);
        verifyOIListElement(e);
        elems.add(e);
      }
      clauses.add(List.copyOf(elems));
      if (consumeIf(")")) break;
      next();
    }
    return new OIList(List.copyOf(kws), List.copyOf(clauses));
  }

  private void verifyOIListElement(Element e) {
    if (e instanceof AttrVar a && !(a.spec().optional() || a.spec().defaultValue() != null))
      throw error("only optional attributes can be used in an oilist parsing group");
    if (e instanceof OperandVar o && !o.spec().isVariadic()) throw error("only variable length operands can be used within an oilist parsing group");
    if (e instanceof TypeDir t) verifyOIListElement(t.arg());
    if (e instanceof ResultVar r && !r.spec().isVariadic()) throw error("only variable length results can be used within an oilist parsing group");
    if (e instanceof AttrDict || e instanceof PropDict || e instanceof OIList || e instanceof OperandsDir || e instanceof RegionsDir
        || e instanceof SuccessorsDir)
      throw error("only literals, types, and variables can be used within an oilist group");
  }

  private Element parseOptionalGroup() {
    List<Element> thenElems = new ArrayList<>();
    Element anchor = null;
    while (!atPunct(")")) {
      if (tok == EOF) throw error("expected ')' after optional group");
      Element e = parseElement(Ctx.TOP);
      if (consumeIf("^")) {
        if (anchor != null) throw error("only one element can be marked as the anchor of an optional group");
        anchor = e;
      }
      thenElems.add(e);
    }
    next();
    List<Element> elseElems = new ArrayList<>();
    if (consumeIf(":")) {
      expectPunct("(", "expected '(' to start else branch of optional group");
      while (!atPunct(")")) {
        if (tok == EOF) throw error("expected ')' after else branch of optional group");
        Element e = parseElement(Ctx.TOP);
        if (atPunct("^")) throw error("the else branch of an optional group cannot have an anchor");
        elseElems.add(e);
      }
      next();
    }
    expectPunct("?", "expected '?' after optional group");
    if (thenElems.isEmpty()) throw error("optional group has no elements");
    if (anchor == null) throw error("optional group has no anchor element");
    int start = 0;
    while (start < thenElems.size() && (thenElems.get(start) instanceof Space || thenElems.get(start) instanceof Newline)) start++;
    if (start == thenElems.size()) throw error("optional group has no parsable elements");
    Element first = thenElems.get(start);
    if (!(first instanceof Literal || first instanceof AttrVar || first instanceof OperandVar || first instanceof RegionVar
        || first instanceof Custom || first instanceof TypeDir))
      throw error("first parsable element of an optional group must be a literal, variable, or custom directive");
    for (Element e : thenElems) verifyOptionalElement(e, e == anchor);
    for (Element e : elseElems) verifyOptionalElement(e, false);
    return new Optional(List.copyOf(thenElems), List.copyOf(elseElems), anchor, start);
  }

  private void verifyOptionalElement(Element e, boolean isAnchor) {
    if (e instanceof AttrVar a) {
      if (!a.spec().optional() && a.spec().defaultValue() == null)
        throw error("only optional or default-valued attributes can be used in an optional group, not '" + a.spec().name() + "'");
    } else if (e instanceof OperandVar o) {
      if (!o.spec().isVariadic()) throw error("only variable length operands can be used within an optional group");
    } else if (e instanceof ResultVar r) {
      if (!r.spec().isVariadic()) throw error("only variable length results can be used within an optional group");
    } else if (e instanceof TypeDir t) {
      verifyOptionalElement(t.arg(), false);
    } else if (e instanceof FunctionalType f) {
      verifyOptionalElement(f.inputs(), false);
      verifyOptionalElement(f.results(), false);
    } else if (e instanceof RegionVar || e instanceof SuccessorVar || e instanceof Custom) {
      return;
    } else if (e instanceof Literal || e instanceof Space || e instanceof Newline || e instanceof Optional) {
      if (isAnchor) throw error("only variables and types can be used to anchor an optional group");
    } else {
      throw error("only literals, types, and variables can be used within an optional group");
    }
  }

  // ---------------------------------------------------------------- verification and type planning

  private FormatProgram verify(List<Element> elems) {
    tokPos = src.length();
    if (!hasAttrDict) throw error("'attr-dict' directive not found in custom assembly format");
    List<ValueSpec> ops = def.operands(), res = def.results();
    for (int i = 0; i < ops.size(); i++)
      if (!allOperands && !seenOperands[i]) throw error("operand #" + i + ", named '" + ops.get(i).name() + "', not found");
    for (int i = 0; i < def.regions().size(); i++)
      if (!allRegions && !seenRegions[i]) throw error("region #" + i + ", named '" + def.regions().get(i).name() + "', not found");
    for (int i = 0; i < def.successors().size(); i++)
      if (!allSuccessors && !seenSuccessors[i]) throw error("successor #" + i + ", named '" + def.successors().get(i).name() + "', not found");

    Map<String, TypeSource> resolver = planResolvers();
    TypeSource[] opSrc = new TypeSource[ops.size()];
    for (int i = 0; i < ops.size(); i++) {
      if (allOperandTypes || seenOperandTypes[i]) continue;
      ValueSpec v = ops.get(i);
      TypeSource s = resolver.get(v.name());
      if (s == null && v.constraint().buildable() != null && !(allOperands && v.isVariadic())) s = TypeSource.buildable(v.constraint().buildable());
      if (s == null) throw error("type of operand #" + i + ", named '" + v.name() + "', is not buildable and a buildable type cannot be inferred");
      opSrc[i] = s;
    }
    TypeSource[] resSrc = new TypeSource[res.size()];
    int unresolved = -1;
    boolean anySeenResult = false;
    for (int i = 0; i < res.size() && !allResultTypes; i++) {
      anySeenResult |= seenResultTypes[i];
      if (seenResultTypes[i]) continue;
      ValueSpec v = res.get(i);
      TypeSource s = resolver.get(v.name());
      if (s == null && v.constraint().buildable() != null && !v.isVariadic()) s = TypeSource.buildable(v.constraint().buildable());
      resSrc[i] = s;
      if (s == null && unresolved < 0) unresolved = i;
    }
    // As OpFormatGen: with InferTypeOpInterface, a format naming no result type infers them all.
    boolean infers = !allResultTypes && !res.isEmpty() && def.resultTypeInference() != null && (!anySeenResult || unresolved >= 0);
    if (!infers && unresolved >= 0)
      throw error("type of result #" + unresolved + ", named '" + res.get(unresolved).name() + "', is not buildable and a buildable type cannot be inferred");
    return new FormatProgram(def, List.copyOf(elems), opSrc, resSrc, infers, allOperands, allOperandTypes, allResultTypes,
        allRegions, allSuccessors, Set.copyOf(seenProps));
  }

  /**
   * Where each unbound type can come from, as OpFormatParser's handleAllTypesMatchConstraint /
   * handleSameTypesConstraint / handleTypesMatchConstraint (later constraints win). Beyond MLIR,
   * resolution is then closed transitively, so {@code a == b, b == c} with only {@code c} bound works.
   */
  private Map<String, TypeSource> planResolvers() {
    Map<String, TypeSource> r = new HashMap<>();
    boolean sameAll = def.hasTrait(Trait.SAME_OPERANDS_AND_RESULT_TYPE);
    if (sameAll || def.hasTrait(Trait.SAME_TYPE_OPERANDS)) {
      TypeSource s = null;
      for (int i = 0; i < seenOperandTypes.length && s == null; i++) if (seenOperandTypes[i]) s = TypeSource.operand(i, null);
      for (int i = 0; i < seenResultTypes.length && s == null && sameAll; i++) if (seenResultTypes[i]) s = TypeSource.result(i, null);
      if (s != null) {
        for (int i = 0; i < seenOperandTypes.length; i++) if (!seenOperandTypes[i]) r.put(def.operands().get(i).name(), s);
        if (sameAll) for (int i = 0; i < seenResultTypes.length; i++) if (!seenResultTypes[i]) r.put(def.results().get(i).name(), s);
      }
    }
    for (List<String> group : def.allTypesMatch()) {
      for (String name : group) {
        TypeSource s = seenSource(name);
        if (s == null) continue;
        for (String other : group) if (!other.equals(name)) r.put(other, s);
      }
    }
    for (OpDef.TypesMatchWith t : def.typesMatchWith()) {
      TypeSource s = seenSource(t.source());
      if (s != null) r.put(t.target(), s.mappedBy(t));
    }
    for (boolean changed = true; changed; ) {
      changed = false;
      for (List<String> group : def.allTypesMatch()) {
        String known = null;
        for (String n : group) if (known == null && resolvable(n, r)) known = n;
        if (known == null) continue;
        for (String n : group) {
          if (resolvable(n, r)) continue;
          r.put(n, varSource(known));
          changed = true;
        }
      }
      for (OpDef.TypesMatchWith t : def.typesMatchWith()) {
        if (resolvable(t.target(), r) || !resolvable(t.source(), r)) continue;
        r.put(t.target(), varSource(t.source()).mappedBy(t));
        changed = true;
      }
    }
    return r;
  }

  /** The source for a variable whose type a type directive binds or a format attribute carries, else null. */
  private TypeSource seenSource(String name) {
    int i = indexOf(def.operands(), name);
    if (i >= 0) return seenOperandTypes[i] ? TypeSource.operand(i, null) : null;
    i = indexOf(def.results(), name);
    if (i >= 0) return seenResultTypes[i] ? TypeSource.result(i, null) : null;
    return seenProps.contains(name) ? TypeSource.attribute(name, null) : null;
  }

  private boolean resolvable(String name, Map<String, TypeSource> r) {
    return seenSource(name) != null || r.containsKey(name);
  }

  private TypeSource varSource(String name) {
    int i = indexOf(def.operands(), name);
    if (i >= 0) return TypeSource.operand(i, null);
    i = indexOf(def.results(), name);
    if (i >= 0) return TypeSource.result(i, null);
    return TypeSource.attribute(name, null);
  }
}
