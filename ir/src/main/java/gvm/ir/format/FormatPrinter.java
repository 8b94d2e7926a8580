package gvm.ir.format;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.def.PropertySpec;
import gvm.ir.def.Trait;
import gvm.ir.def.ValueSpec;
import gvm.ir.format.Element.*;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Runs a {@link FormatProgram} over the printer, as the print method OpFormatGen generates,
 * including its spacing rules (genLiteralPrinter / shouldEmitSpaceBefore): a space before most
 * elements, none after {@code ( [ { <} or {@code ``}, none before closing punctuation and commas.
 */
final class FormatPrinter {
  final FormatProgram prog;
  final OpDef def;
  final Operation op;
  final AsmPrinter p;
  /** Operand/result group boundaries: group i is [starts[i], starts[i+1]). */
  private int[] opStarts, resStarts;
  private boolean shouldEmitSpace = true, lastWasPunct = false;

  FormatPrinter(FormatProgram prog, Operation op, AsmPrinter p) {
    this.prog = prog;
    this.def = prog.def;
    this.op = op;
    this.p = p;
  }

  boolean run() {
    opStarts = groups(def.operands(), op.numOperands(), def.hasTrait(Trait.ATTR_SIZED_OPERAND_SEGMENTS), op.prop("operandSegmentSizes"));
    resStarts = groups(def.results(), op.numResults(), def.hasTrait(Trait.ATTR_SIZED_RESULT_SEGMENTS), op.prop("resultSegmentSizes"));
    if (opStarts == null || resStarts == null || !shapeFits()) return false;
    p.printOpName(op);
    for (Element e : prog.elements) print(e);
    return true;
  }

  /** Whether the op has the regions, successors and required properties the format reads; if not, print generically. */
  private boolean shapeFits() {
    if (!prog.allRegions && !fixedCountFits(op.numRegions(), def.regions().size(), def.hasVariadicRegions())) return false;
    if (!prog.allSuccessors && !fixedCountFits(op.numSuccessors(), def.successors().size(), def.hasVariadicSuccessors()))
      return false;
    for (String n : prog.usedProps) {
      PropertySpec ps = def.property(n);
      if (ps.isRequired() && op.prop(ps.index()) == null) return false;
    }
    return true;
  }

  private static boolean fixedCountFits(int actual, int declared, boolean variadic) {
    return variadic ? actual >= declared - 1 : actual == declared;
  }

  /**
   * Group starts for operands or results: from the segment sizes attribute when the def is
   * attr-sized, else the one variadic group takes the rest (several share it equally, as
   * SameVariadicOperandSize). Null when the counts do not fit.
   */
  static int[] groups(List<ValueSpec> specs, int total, boolean attrSized, Attribute seg) {
    int n = specs.size();
    int[] starts = new int[n + 1];
    if (attrSized) {
      if (!(seg instanceof DenseArrayAttr d) || d.size() != n) return null;
      for (int i = 0; i < n; i++) {
        if (d.get(i) < 0) return null;
        starts[i + 1] = starts[i] + (int) d.get(i);
      }
      return starts[n] == total ? starts : null;
    }
    int nVar = 0;
    for (ValueSpec v : specs) if (v.isVariadic()) nVar++;
    int rest = total - (n - nVar);
    if (rest < 0 || (nVar == 0 && rest != 0) || (nVar > 0 && rest % nVar != 0)) return null;
    for (int i = 0; i < n; i++) starts[i + 1] = starts[i] + (specs.get(i).isVariadic() ? rest / nVar : 1);
    return starts;
  }

  List<Value> operandGroup(int i) {
    List<Value> l = new ArrayList<>(opStarts[i + 1] - opStarts[i]);
    for (int k = opStarts[i]; k < opStarts[i + 1]; k++) l.add(op.operand(k));
    return l;
  }

  private List<Type> resultGroupTypes(int i) {
    List<Type> l = new ArrayList<>(resStarts[i + 1] - resStarts[i]);
    for (int k = resStarts[i]; k < resStarts[i + 1]; k++) l.add(op.result(k).type());
    return l;
  }

  /** Regions of region variable {@code i}: a variadic one takes what the fixed ones leave. */
  List<Region> regionGroup(int i) {
    int start = i, len = 1;
    if (def.regions().get(i).variadic()) len = op.numRegions() - (def.regions().size() - 1);
    else for (int k = 0; k < i; k++) if (def.regions().get(k).variadic()) start += op.numRegions() - def.regions().size();
    return op.regions().subList(start, start + len);
  }

  List<Block> successorGroup(int i) {
    int start = i, len = 1;
    if (def.successors().get(i).variadic()) len = op.numSuccessors() - (def.successors().size() - 1);
    else for (int k = 0; k < i; k++) if (def.successors().get(k).variadic()) start += op.numSuccessors() - def.successors().size();
    return op.successors().subList(start, start + len);
  }

  List<Type> typesOf(Element arg) {
    if (arg instanceof Ref r) arg = r.arg();
    if (arg instanceof OperandVar o) {
      List<Type> l = new ArrayList<>();
      for (Value v : operandGroup(o.index())) l.add(v.type());
      return l;
    }
    if (arg instanceof ResultVar r) return resultGroupTypes(r.index());
    if (arg instanceof OperandsDir) return op.operandTypes();
    return op.resultTypes();
  }

  // ---------------------------------------------------------------- elements

  private void print(Element e) {
    if (e instanceof Literal l) {
      literal(l.spelling());
      return;
    }
    if (e instanceof Space s) {
      if (s.space()) p.print(' ');
      lastWasPunct = !s.space();
      shouldEmitSpace = false;
      return;
    }
    if (e instanceof Newline) {
      p.printNewline();
      return;
    }
    if (e instanceof Optional o) {
      if (present(o.anchor())) {
        Element elided = o.anchor() instanceof AttrVar a && a != o.thenElems().get(o.parseStart()) && a.isUnit() ? a : null;
        for (Element t : o.thenElems()) if (t != elided) print(t);
      } else {
        for (Element t : o.elseElems()) print(t);
      }
      return;
    }
    if (e instanceof OIList l) {
      for (int k = 0; k < l.keywords().size(); k++) {
        List<Element> clause = l.clauses().get(k);
        if (!clausePresent(clause)) continue;
        literal(l.keywords().get(k).spelling());
        if (!(clause.size() == 1 && clause.get(0) instanceof AttrVar a && a.isUnit())) for (Element c : clause) print(c);
      }
      return;
    }
    if (e instanceof AttrDict d) {
      printAttrDict(d.withKeyword());
      lastWasPunct = false;
      return;
    }
    if (e instanceof PropDict) {
      printPropDict();
      lastWasPunct = false;
      return;
    }
    if (shouldEmitSpace || !lastWasPunct) p.print(' ');
    lastWasPunct = false;
    shouldEmitSpace = true;
    if (e instanceof AttrVar a) {
      Attribute v = op.prop(a.spec().index());
      if (v != null) a.asm().print(v, p);
    } else if (e instanceof OperandVar o) {
      p.printOperands(operandGroup(o.index()));
    } else if (e instanceof RegionVar r) {
      printRegions(regionGroup(r.index()));
    } else if (e instanceof SuccessorVar s) {
      printSuccessors(successorGroup(s.index()));
    } else if (e instanceof Custom c) {
      c.directive().print(p, op, new PrintArgs(this, c.args()));
    } else if (e instanceof OperandsDir) {
      p.printOperands(op.operands());
    } else if (e instanceof RegionsDir) {
      printRegions(op.regions());
    } else if (e instanceof SuccessorsDir) {
      printSuccessors(op.successors());
    } else if (e instanceof TypeDir t) {
      List<Type> ts = typesOf(t.arg());
      for (int i = 0; i < ts.size(); i++) {
        if (i > 0) p.print(", ");
        p.printType(ts.get(i));
      }
    } else if (e instanceof FunctionalType f) {
      p.printFunctionalType(typesOf(f.inputs()), typesOf(f.results()));
    } else {
      throw new IllegalStateException("unexpected format element " + e);
    }
  }

  /** OpFormatGen's genLiteralPrinter. */
  private void literal(String v) {
    if (shouldEmitSpace && spaceBefore(v, lastWasPunct)) p.print(' ');
    p.print(v);
    shouldEmitSpace = v.length() != 1 || "<({[".indexOf(v.charAt(0)) < 0;
    lastWasPunct = !(v.charAt(0) == '_' || Character.isLetter(v.charAt(0)));
  }

  /** OpFormatGen's shouldEmitSpaceBefore. */
  static boolean spaceBefore(String v, boolean lastWasPunct) {
    if (v.length() != 1 && !v.equals("->")) return true;
    char c = v.charAt(0);
    if (lastWasPunct) return ">)}],".indexOf(c) < 0;
    return "<>(){}[],".indexOf(c) < 0;
  }

  /** Whether an optional group's anchor is present (a property equal to its default is not). */
  private boolean present(Element a) {
    if (a instanceof OperandVar o) return opStarts[o.index() + 1] > opStarts[o.index()];
    if (a instanceof ResultVar r) return resStarts[r.index() + 1] > resStarts[r.index()];
    if (a instanceof RegionVar r) {
      List<Region> l = regionGroup(r.index());
      return r.spec().variadic() ? !l.isEmpty() : !l.isEmpty() && !l.get(0).isEmpty();
    }
    if (a instanceof SuccessorVar s) return !successorGroup(s.index()).isEmpty();
    if (a instanceof TypeDir t) return present(t.arg());
    if (a instanceof FunctionalType f) return present(f.inputs());
    if (a instanceof Ref r) return present(r.arg());
    if (a instanceof AttrVar v) {
      Attribute x = op.prop(v.spec().index());
      return x != null && !x.equals(v.spec().defaultValue());
    }
    if (a instanceof Custom c) {
      for (Element arg : c.args()) if (present(arg)) return true;
      return false;
    }
    if (a instanceof OperandsDir) return op.numOperands() > 0;
    if (a instanceof ResultsDir) return op.numResults() > 0;
    return false;
  }

  /** An oilist clause prints when any variable in it is present (a set property counts even at its default, as MLIR). */
  private boolean clausePresent(List<Element> clause) {
    for (Element e : clause) {
      Element x = e instanceof TypeDir t ? t.arg() : e;
      if (x instanceof AttrVar a ? op.prop(a.spec().index()) != null : (x instanceof OperandVar || x instanceof ResultVar || x instanceof RegionVar) && present(x))
        return true;
    }
    return false;
  }

  private void printRegions(List<Region> rs) {
    for (int i = 0; i < rs.size(); i++) {
      if (i > 0) p.print(", ");
      Region r = rs.get(i);
      boolean printTerminator = true;
      if (prog.implicitTerminator != null && !r.isEmpty()) {
        // As regionSingleBlockImplicitTerminatorPrinterCode: a bare terminator is left out.
        Operation t = r.front().last();
        if (t != null && t.hasTrait(Trait.TERMINATOR))
          printTerminator = !t.attributes().isEmpty() || t.propertiesAttr() != null || t.numOperands() != 0 || t.numResults() != 0;
      }
      p.printRegion(r, true, printTerminator, false);
    }
  }

  private void printSuccessors(List<Block> bs) {
    for (int i = 0; i < bs.size(); i++) {
      if (i > 0) p.print(", ");
      p.printSuccessor(bs.get(i));
    }
  }

  /**
   * attr-dict: discardable attributes plus every property the format does not bind, leaving out
   * segment sizes and properties at their default value, sorted by name (getAttrDictionary).
   */
  private void printAttrDict(boolean withKeyword) {
    List<NamedAttribute> l = new ArrayList<>(op.attributes().entries());
    for (PropertySpec ps : def.properties()) {
      Attribute v = op.prop(ps.index());
      if (v == null || prog.usedProps.contains(ps.name()) || v.equals(ps.defaultValue())) continue;
      if (ps.name().equals("operandSegmentSizes") && def.hasTrait(Trait.ATTR_SIZED_OPERAND_SEGMENTS) && !prog.allOperands) continue;
      if (ps.name().equals("resultSegmentSizes") && def.hasTrait(Trait.ATTR_SIZED_RESULT_SEGMENTS) && !prog.allResultTypes) continue;
      l.add(new NamedAttribute(ps.name(), v));
    }
    if (l.isEmpty()) return;
    List<NamedAttribute> sorted = DictionaryAttr.of(l).entries();
    if (withKeyword) p.printOptionalAttrDictWithKeyword(sorted, Set.of()); else p.printOptionalAttrDict(sorted, Set.of());
  }

  /** prop-dict, as OpState::genericPrintProperties behind OpFormatGen's genPropDictPrinter. */
  private void printPropDict() {
    p.print(' ');
    Attribute props = op.propertiesAttr();
    if (!(props instanceof DictionaryAttr d)) return;
    List<String> elided = new ArrayList<>(prog.usedProps);
    for (PropertySpec ps : def.properties()) {
      Attribute v = op.prop(ps.index());
      if (v != null && v.equals(ps.defaultValue())) elided.add(ps.name());
    }
    if (elided.isEmpty()) {
      p.print('<');
      p.printAttribute(d);
      p.print('>');
      return;
    }
    boolean any = false;
    for (NamedAttribute na : d.entries()) any |= !elided.contains(na.name());
    if (!any) return;
    p.print('<');
    p.printOptionalAttrDict(d.entries(), Set.copyOf(elided));
    p.print('>');
  }
}
