package gvm.ir.format;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.format.CustomDirective.ArgKind;
import gvm.ir.format.Element.*;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The arguments of a {@code custom<Name>(...)} directive while printing, by position: the values
 * MLIR passes to {@code printName} (operand groups, types, property values, regions, successors,
 * the attribute dictionary).
 */
public final class PrintArgs {
  private final FormatPrinter fp;
  private final List<Element> args;

  PrintArgs(FormatPrinter fp, List<Element> args) {
    this.fp = fp;
    this.args = args;
  }

  public int size() { return args.size(); }

  public ArgKind kind(int i) { return FormatCompiler.argKind(base(i)); }

  /** The operand group of argument {@code i}. */
  public List<Value> values(int i) {
    Element e = base(i);
    if (e instanceof OperandsDir) return fp.op.operands();
    return fp.operandGroup(((OperandVar) e).index());
  }

  /** A single or optional operand, or null when absent. */
  public Value value(int i) {
    List<Value> l = values(i);
    return l.isEmpty() ? null : l.get(0);
  }

  /** The types of a {@code type($x)} argument. */
  public List<Type> types(int i) { return fp.typesOf(((TypeDir) base(i)).arg()); }

  /** A single or optional type, or null when absent. */
  public Type type(int i) {
    List<Type> l = types(i);
    return l.isEmpty() ? null : l.get(0);
  }

  /** The property's value, or null. */
  public Attribute attr(int i) { return fp.op.prop(((AttrVar) base(i)).spec().index()); }

  public List<Region> regions(int i) { return fp.regionGroup(((RegionVar) base(i)).index()); }

  public Region region(int i) {
    List<Region> l = regions(i);
    return l.isEmpty() ? null : l.get(0);
  }

  public List<Block> successors(int i) { return fp.successorGroup(((SuccessorVar) base(i)).index()); }

  public Block successor(int i) {
    List<Block> l = successors(i);
    return l.isEmpty() ? null : l.get(0);
  }

  /** All the op's attributes, properties included, sorted (MLIR's getAttrDictionary). */
  public DictionaryAttr attrDict(int i) {
    List<NamedAttribute> l = new ArrayList<>(fp.op.attributes().entries());
    Attribute props = fp.op.propertiesAttr();
    if (props instanceof DictionaryAttr d) l.addAll(d.entries());
    return DictionaryAttr.of(l);
  }

  /** The op being printed. */
  public Operation op() { return fp.op; }

  private Element base(int i) {
    Element e = args.get(i);
    return e instanceof Ref r ? r.arg() : e;
  }
}
