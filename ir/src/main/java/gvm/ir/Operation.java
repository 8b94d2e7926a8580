package gvm.ir;

import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * The generic operation: name, operands, results, properties (inherent attributes), discardable
 * attributes, regions, successors and a location. Typed op classes are thin views over it.
 */
public final class Operation {
  private static final OpOperand[] NO_OPERANDS = new OpOperand[0];
  private static final OpResult[] NO_RESULTS = new OpResult[0];
  private static final Region[] NO_REGIONS = new Region[0];
  private static final BlockOperand[] NO_SUCCESSORS = new BlockOperand[0];

  private final OperationName name;
  private OpOperand[] operands;
  private final OpResult[] results;
  /** Registered ops: one slot per property of the definition. */
  private final Attribute[] props;
  /** Unregistered ops: whatever {@code <{...}>} held, or null. */
  private Attribute opaqueProps;
  private DictionaryAttr attrs;
  private final Region[] regions;
  private BlockOperand[] successors;
  private Location loc;

  Block block;
  Operation prev, next;
  int orderIndex;
  /** Free for the algorithm that currently walks this op (a driver's worklist slot); not cloned. */
  private int scratch;

  private Operation(OperationName name, Location loc, List<Type> resultTypes, List<Value> operands, int numRegions,
      List<Block> successors) {
    this.name = name;
    this.loc = loc;
    int nr = resultTypes.size();
    this.results = nr == 0 ? NO_RESULTS : new OpResult[nr];
    for (int i = 0; i < nr; i++) results[i] = new OpResult(resultTypes.get(i), this, i);
    setOperands(operands);
    this.regions = numRegions == 0 ? NO_REGIONS : new Region[numRegions];
    for (int i = 0; i < numRegions; i++) regions[i] = new Region(this);
    int ns = successors.size();
    this.successors = ns == 0 ? NO_SUCCESSORS : new BlockOperand[ns];
    for (int i = 0; i < ns; i++) this.successors[i] = new BlockOperand(this, i, successors.get(i));
    OpDef def = name.def();
    this.props = def == null || def.properties().isEmpty() ? null : new Attribute[def.properties().size()];
    this.attrs = DictionaryAttr.EMPTY;
  }

  /** Creates a detached op from a state (properties with defaults are filled in). */
  public static Operation create(OperationState s) {
    Operation op = new Operation(s.name, s.loc == null ? Location.UNKNOWN : s.loc, s.resultTypes, s.operands,
        s.numRegions(), s.successors);
    OpDef def = s.name.def();
    if (def != null) {
      for (NamedAttribute p : s.properties) op.setProp(p.name(), p.value());
      def.fillDefaults(op);
    } else {
      op.opaqueProps = s.opaqueProperties;
    }
    op.attrs = s.attributes.isEmpty() ? DictionaryAttr.EMPTY : DictionaryAttr.of(s.attributes);
    for (int i = 0; i < s.regions.size(); i++) if (s.regions.get(i) != null) op.regions[i].takeBody(s.regions.get(i));
    return op;
  }

  public OperationName opName() { return name; }

  public String name() { return name.name(); }

  public OpDef def() { return name.def(); }

  public boolean isRegistered() { return name.def() != null; }

  public boolean hasTrait(Trait t) { return name.def() != null && name.def().hasTrait(t); }

  public boolean isA(OpDef def) { return name.def() == def; }

  public Location loc() { return loc; }

  public void setLoc(Location l) { loc = l; }

  // ---- operands

  public int numOperands() { return operands.length; }

  public Value operand(int i) { return operands[i].get(); }

  public OpOperand operandSlot(int i) { return operands[i]; }

  public List<Value> operands() {
    ArrayList<Value> l = new ArrayList<>(operands.length);
    for (OpOperand o : operands) l.add(o.get());
    return l;
  }

  public void setOperand(int i, Value v) { operands[i].set(v); }

  /** Replaces all operands (unlinking the old uses). */
  public void setOperands(List<Value> vals) {
    if (operands != null) for (OpOperand o : operands) o.unlink();
    operands = vals.isEmpty() ? NO_OPERANDS : new OpOperand[vals.size()];
    for (int i = 0; i < vals.size(); i++) operands[i] = new OpOperand(this, i, vals.get(i));
  }

  // ---- results

  public int numResults() { return results.length; }

  public OpResult result(int i) { return results[i]; }

  public List<OpResult> results() { return List.of(results); }

  public List<Type> resultTypes() {
    ArrayList<Type> l = new ArrayList<>(results.length);
    for (OpResult r : results) l.add(r.type());
    return l;
  }

  public List<Type> operandTypes() {
    ArrayList<Type> l = new ArrayList<>(operands.length);
    for (OpOperand o : operands) l.add(o.get() == null ? null : o.get().type());
    return l;
  }

  public boolean useEmpty() {
    for (OpResult r : results) if (r.hasUses()) return false;
    return true;
  }

  public void replaceAllUsesWith(List<? extends Value> vals) {
    for (int i = 0; i < results.length; i++) results[i].replaceAllUsesWith(vals.get(i));
  }

  // ---- properties and attributes

  /** The inherent attribute {@code n}, or null. */
  public Attribute prop(String n) {
    OpDef def = name.def();
    if (def == null) return opaqueProps instanceof DictionaryAttr d ? d.get(n) : null;
    int i = def.propertyIndex(n);
    return i < 0 ? null : props[i];
  }

  public Attribute prop(int index) { return props[index]; }

  /** Sets an inherent attribute; returns false if the definition has no such property. */
  public boolean setProp(String n, Attribute v) {
    OpDef def = name.def();
    if (def == null) return false;
    int i = def.propertyIndex(n);
    if (i < 0) return false;
    props[i] = v;
    return true;
  }

  public void setProp(int index, Attribute v) { props[index] = v; }

  /** Properties as MLIR prints them in {@code <{...}>}: sorted, null ones left out (unregistered: as written). */
  public Attribute propertiesAttr() {
    OpDef def = name.def();
    if (def == null) return opaqueProps;
    if (props == null) return null;
    List<NamedAttribute> l = new ArrayList<>(props.length);
    for (int i = 0; i < props.length; i++) if (props[i] != null) l.add(new NamedAttribute(def.properties().get(i).name(), props[i]));
    return l.isEmpty() ? null : DictionaryAttr.of(l);
  }

  public Attribute opaqueProperties() { return opaqueProps; }

  public void setOpaqueProperties(Attribute a) { opaqueProps = a; }

  /** Discardable attributes. */
  public DictionaryAttr attributes() { return attrs; }

  public Attribute attr(String n) { return attrs.get(n); }

  public void setAttributes(DictionaryAttr d) { attrs = d; }

  public void setAttr(String n, Attribute v) {
    List<NamedAttribute> l = new ArrayList<>(attrs.entries());
    l.removeIf(e -> e.name().equals(n));
    if (v != null) l.add(new NamedAttribute(n, v));
    attrs = DictionaryAttr.of(l);
  }

  /** An inherent attribute if the name is a property, else a discardable one (MLIR's getAttr). */
  public Attribute inherentOrDiscardable(String n) {
    Attribute a = prop(n);
    return a != null ? a : attrs.get(n);
  }

  // ---- regions and successors

  public int numRegions() { return regions.length; }

  public Region region(int i) { return regions[i]; }

  /** A read-only view (no copy). */
  public List<Region> regions() { return java.util.Collections.unmodifiableList(java.util.Arrays.asList(regions)); }

  public int numSuccessors() { return successors.length; }

  public Block successor(int i) { return successors[i].get(); }

  public BlockOperand successorSlot(int i) { return successors[i]; }

  public List<Block> successors() {
    ArrayList<Block> l = new ArrayList<>(successors.length);
    for (BlockOperand s : successors) l.add(s.get());
    return l;
  }

  public void setSuccessor(int i, Block b) { successors[i].set(b); }

  // ---- position

  public Block parentBlock() { return block; }

  public Region parentRegion() { return block == null ? null : block.parent(); }

  public Operation parentOp() { return block == null ? null : block.parentOp(); }

  public Operation nextOp() { return next; }

  public Operation prevOp() { return prev; }

  /** True if this op comes before {@code other} in the same block. */
  public boolean isBeforeInBlock(Operation other) {
    if (!block.orderValid) block.renumber();
    return orderIndex < other.orderIndex;
  }

  /** True if {@code this} is {@code other} or contains it. */
  public boolean isAncestorOf(Operation other) {
    for (Operation o = other; o != null; o = o.parentOp()) if (o == this) return true;
    return false;
  }

  /** The closest ancestor (or self) with the given definition, or null. */
  public Operation parentOfType(OpDef def) {
    for (Operation o = parentOp(); o != null; o = o.parentOp()) if (o.def() == def) return o;
    return null;
  }

  public void moveBefore(Operation other) {
    if (block != null) block.unlink(this);
    other.block.insertBefore(other, this);
  }

  public void moveAfter(Operation other) {
    if (block != null) block.unlink(this);
    other.block.insertBefore(other.next, this);
  }

  /** Removes this op from its block without destroying it. */
  public void remove() {
    if (block != null) block.unlink(this);
  }

  /** Unlinks all operands and successors, recursively in regions. */
  public void dropAllReferences() {
    for (OpOperand o : operands) o.unlink();
    for (BlockOperand s : successors) s.unlink();
    for (Region r : regions) for (Block b : r.blocks()) for (Operation o = b.first; o != null; o = o.next) o.dropAllReferences();
  }

  /** Removes this op and drops its references; its results must be unused. */
  public void erase() {
    if (!useEmpty()) throw new IllegalStateException("erasing '" + name() + "' whose results still have uses");
    remove();
    dropAllReferences();
  }

  /** Per-op scratch slot for one algorithm at a time (see the driver that uses it); 0 when unused. */
  public int scratch() { return scratch; }

  public void setScratch(int v) { scratch = v; }

  // ---- walking

  /** Post-order walk of this op and all nested ops (nested first, as MLIR's default walk). */
  public void walk(Consumer<Operation> f) {
    for (Region r : regions)
      for (Block b : r.blocks())
        for (Operation o = b.first; o != null; ) {
          Operation n = o.next;
          o.walk(f);
          o = n;
        }
    f.accept(this);
  }

  /** Pre-order walk. */
  public void walkPreOrder(Consumer<Operation> f) {
    f.accept(this);
    for (Region r : regions)
      for (Block b : r.blocks())
        for (Operation o = b.first; o != null; ) {
          Operation n = o.next;
          o.walkPreOrder(f);
          o = n;
        }
  }

  /** Clones this op (deeply), mapping operands through {@code map} (values not in it are kept). */
  public Operation clone(IRMapping map) {
    OperationState s = new OperationState(loc, name);
    for (OpOperand o : operands) s.operands.add(map.lookupOrDefault(o.get()));
    s.resultTypes.addAll(resultTypes());
    if (name.def() == null) s.opaqueProperties = opaqueProps;
    else for (int i = 0; props != null && i < props.length; i++)
      if (props[i] != null) s.properties.add(new NamedAttribute(name.def().properties().get(i).name(), props[i]));
    s.attributes.addAll(attrs.entries());
    for (BlockOperand b : successors) s.successors.add(map.lookupOrDefault(b.get()));
    for (int i = 0; i < regions.length; i++) s.addRegion();
    Operation c = create(s);
    for (int i = 0; i < results.length; i++) map.map(results[i], c.results[i]);
    for (int i = 0; i < regions.length; i++) regions[i].cloneInto(c.regions[i], map);
    return c;
  }

  @Override public String toString() { return "Operation(" + name() + ")"; }
}
