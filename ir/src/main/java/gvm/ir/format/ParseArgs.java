package gvm.ir.format;

import gvm.ir.Block;
import gvm.ir.Region;
import gvm.ir.asm.UnresolvedOperand;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.ValueSpec;
import gvm.ir.format.CustomDirective.ArgKind;
import gvm.ir.format.Element.*;
import gvm.ir.types.Type;
import java.util.List;

/**
 * The arguments of a {@code custom<Name>(...)} directive while parsing: slots the directive fills,
 * by position, as the references MLIR passes to {@code parseName}. {@code ref(...)} arguments are
 * read-only. Setting a slot of the wrong kind throws IllegalStateException (a directive bug).
 */
public final class ParseArgs {
  private final FormatParser fp;
  private final List<Element> args;

  ParseArgs(FormatParser fp, List<Element> args) {
    this.fp = fp;
    this.args = args;
    // As OpFormatGen: operands bound by a custom directive are located where the directive starts.
    int at = fp.p.offset();
    for (Element e : args) {
      if (e instanceof OperandVar o) fp.operandLocs[o.index()] = at;
      else if (e instanceof OperandsDir) fp.allOperandsLoc = at;
    }
  }

  public int size() { return args.size(); }

  public ArgKind kind(int i) { return FormatCompiler.argKind(base(i)); }

  /** True for a {@code ref(...)} argument. */
  public boolean isRef(int i) { return args.get(i) instanceof Ref; }

  /** Single, optional or variadic, for operand and type arguments (and regions/successors); properties read OPTIONAL when optional. */
  public ValueSpec.Arity arity(int i) {
    Element e = base(i);
    if (e instanceof TypeDir t) e = t.arg();
    if (e instanceof OperandVar o) return o.spec().arity();
    if (e instanceof ResultVar r) return r.spec().arity();
    if (e instanceof RegionVar r) return r.spec().variadic() ? ValueSpec.Arity.VARIADIC : ValueSpec.Arity.SINGLE;
    if (e instanceof SuccessorVar s) return s.spec().variadic() ? ValueSpec.Arity.VARIADIC : ValueSpec.Arity.SINGLE;
    if (e instanceof AttrVar a) return a.spec().optional() ? ValueSpec.Arity.OPTIONAL : ValueSpec.Arity.SINGLE;
    return ValueSpec.Arity.VARIADIC;
  }

  /** The operands parsed so far for argument {@code i} (empty if none). */
  public List<UnresolvedOperand> operands(int i) {
    Element e = base(i);
    if (e instanceof OperandsDir) return fp.allOperands;
    List<UnresolvedOperand> l = fp.operands[((OperandVar) expect(e, OperandVar.class)).index()];
    return l == null ? List.of() : l;
  }

  public void setOperands(int i, List<UnresolvedOperand> l) {
    Element e = writable(i);
    if (e instanceof OperandsDir) fp.allOperands = List.copyOf(l);
    else fp.operands[((OperandVar) expect(e, OperandVar.class)).index()] = List.copyOf(l);
  }

  /** Sets a single or optional operand; null leaves it absent. */
  public void setOperand(int i, UnresolvedOperand u) { setOperands(i, u == null ? List.of() : List.of(u)); }

  /** The types parsed so far for a {@code type($x)} argument (empty if none). */
  public List<Type> types(int i) {
    Element a = ((TypeDir) expect(base(i), TypeDir.class)).arg();
    List<Type> l = a instanceof OperandVar o ? fp.operandTypes[o.index()] : fp.resultTypes[((ResultVar) a).index()];
    return l == null ? List.of() : l;
  }

  public void setTypes(int i, List<Type> ts) { fp.bindTypes(((TypeDir) expect(writable(i), TypeDir.class)).arg(), List.copyOf(ts)); }

  /** Sets a single or optional type; null leaves it absent. */
  public void setType(int i, Type t) { setTypes(i, t == null ? List.of() : List.of(t)); }

  /** The property value bound so far for argument {@code i}, or null. */
  public Attribute attr(int i) { return fp.props[((AttrVar) expect(base(i), AttrVar.class)).spec().index()]; }

  /** Binds a property; null leaves it absent. */
  public void setAttr(int i, Attribute a) { fp.setProp(((AttrVar) expect(writable(i), AttrVar.class)).spec(), a); }

  public void setRegions(int i, List<Region> rs) {
    RegionVar r = (RegionVar) expect(writable(i), RegionVar.class);
    for (Region reg : rs) fp.ensureBlock(reg);
    fp.regions[r.index()] = List.copyOf(rs);
  }

  public void setRegion(int i, Region r) { setRegions(i, r == null ? List.of() : List.of(r)); }

  public void setSuccessors(int i, List<Block> bs) {
    fp.successors[((SuccessorVar) expect(writable(i), SuccessorVar.class)).index()] = List.copyOf(bs);
  }

  public void setSuccessor(int i, Block b) { setSuccessors(i, b == null ? List.of() : List.of(b)); }

  /** Adds attr-dict entries: the op's properties go to properties (checked), the rest to attributes. */
  public void addAttributes(int i, List<NamedAttribute> entries) {
    expect(writable(i), AttrDict.class);
    fp.addAttrDict(entries, fp.p.offset());
  }

  private Element base(int i) {
    Element e = args.get(i);
    return e instanceof Ref r ? r.arg() : e;
  }

  private Element writable(int i) {
    if (args.get(i) instanceof Ref) throw new IllegalStateException("custom directive argument #" + i + " is a ref(...) and read-only");
    return args.get(i);
  }

  private static Element expect(Element e, Class<? extends Element> c) {
    if (!c.isInstance(e)) throw new IllegalStateException("custom directive argument is " + e + ", not a " + c.getSimpleName());
    return e;
  }
}
