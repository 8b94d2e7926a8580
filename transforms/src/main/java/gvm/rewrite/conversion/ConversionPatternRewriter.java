package gvm.rewrite.conversion;

import gvm.dialect.builtin.ir.UnrealizedConversionCastOp;
import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;

/**
 * The rewriter of a dialect conversion (MLIR's ConversionPatternRewriter). Created ops go into the
 * IR at once; replacements and erasures are only recorded (the old ops stay, so later patterns
 * still see the original IR and values map to their replacements); in-place modifications keep a
 * snapshot. Everything can be undone back to a mark, or committed at the end. Moving blocks is not
 * supported inside a conversion.
 */
public final class ConversionPatternRewriter extends PatternRewriter {
  private interface Action { void undo(); }

  private final List<Action> log = new ArrayList<>();
  private final IdentityHashMap<Value, Value> mapping = new IdentityHashMap<>();
  private final IdentityHashMap<Operation, Boolean> dead = new IdentityHashMap<>();
  private final List<Operation> created = new ArrayList<>();

  public ConversionPatternRewriter(Context ctx) { super(ctx); }

  /** A point to {@link #rollback} to. */
  public int mark() { return log.size(); }

  /** Undoes every change made after {@code mark}, newest first. */
  public void rollback(int mark) {
    while (log.size() > mark) log.remove(log.size() - 1).undo();
  }

  /** Ops created since {@code createdMark} (see {@link #createdCount}) that are still alive. */
  List<Operation> createdSince(int createdMark) {
    List<Operation> l = new ArrayList<>();
    for (int i = createdMark; i < created.size(); i++) if (created.get(i).parentBlock() != null && !isDead(created.get(i))) l.add(created.get(i));
    return l;
  }

  int createdCount() { return created.size(); }

  /** True if {@code op} (or an op around it) was replaced or erased. */
  public boolean isDead(Operation op) {
    for (Operation o = op; o != null; o = o.parentOp()) if (dead.containsKey(o)) return true;
    return false;
  }

  /** The value {@code v} has become after the replacements so far. */
  public Value lookup(Value v) {
    Value r = v;
    for (Value n = mapping.get(r); n != null; n = mapping.get(r)) r = n;
    return r;
  }

  /** The operands of {@code op} after replacement, cast to the converter's types where they differ (target materialization). */
  List<Value> remappedOperands(Operation op, TypeConverter tc) {
    List<Value> out = new ArrayList<>(op.numOperands());
    for (int i = 0; i < op.numOperands(); i++) {
      Value v = lookup(op.operand(i));
      if (tc != null) {
        Type want = tc.convertType(op.operand(i).type());
        if (want != null && !want.equals(v.type())) {
          setInsertionPoint(op);
          v = materialize(v, want);
        }
      }
      out.add(v);
    }
    return out;
  }

  /** A {@code builtin.unrealized_conversion_cast} of {@code v} to {@code type} at the insertion point. */
  public Value materialize(Value v, Type type) {
    OperationState st = new OperationState(v instanceof gvm.ir.OpResult r ? r.owner().loc() : gvm.ir.attributes.Location.UNKNOWN,
        context().opName(UnrealizedConversionCastOp.DEF.name()));
    st.operands.add(v);
    st.resultTypes.add(type);
    return create(st).result(0);
  }

  @Override public Operation insert(Operation op) {
    Operation r = super.insert(op);
    created.add(op);
    log.add(() -> {
      created.remove(created.size() - 1);
      op.dropAllReferences();
      op.remove();
    });
    return r;
  }

  @Override public void replaceOp(Operation op, List<? extends Value> values) {
    if (values.size() != op.numResults()) throw new IllegalArgumentException("replacing " + op.numResults() + " results with " + values.size() + " values");
    for (int i = 0; i < values.size(); i++) {
      Value from = op.result(i);
      mapping.put(from, values.get(i));
      log.add(() -> mapping.remove(from));
    }
    markDead(op);
  }

  @Override public void eraseOp(Operation op) { markDead(op); }

  private void markDead(Operation op) {
    dead.put(op, true);
    log.add(() -> dead.remove(op));
  }

  @Override public void replaceAllUsesWith(Value from, Value to) {
    mapping.put(from, to);
    log.add(() -> mapping.remove(from));
  }

  @Override public void modifyOpInPlace(Operation op, Runnable change) {
    List<Value> operands = op.operands();
    Attribute[] props = new Attribute[op.def() == null ? 0 : op.def().properties().size()];
    for (int i = 0; i < props.length; i++) props[i] = op.prop(i);
    DictionaryAttr attrs = op.attributes();
    change.run();
    log.add(() -> {
      op.setOperands(operands);
      for (int i = 0; i < props.length; i++) op.setProp(i, props[i]);
      op.setAttributes(attrs);
    });
  }

  @Override public void inlineBlockBefore(Block source, Block dest, Operation before, List<? extends Value> args) { unsupported(); }

  @Override public Block splitBlock(Block block, Operation at) { return unsupported(); }

  @Override public void inlineRegionBefore(Region region, Region dest, int index) { unsupported(); }

  @Override public void eraseBlock(Block b) { unsupported(); }

  private static <T> T unsupported() { throw new UnsupportedOperationException("moving blocks is not supported inside a dialect conversion"); }

  /**
   * Makes the recorded replacements real: uses of replaced values move to their replacements
   * (through a cast back to the old type where it changed), then replaced and erased ops go.
   */
  void commit() {
    for (Value from : new ArrayList<>(mapping.keySet())) {
      Value to = lookup(from);
      if (to.type().equals(from.type())) {
        replaceLive(from, to);
        continue;
      }
      // Source materialization: users that were not converted still expect the old type.
      if (!hasLiveUse(from)) continue;
      Operation anchor = to.definingOp();
      if (anchor != null) setInsertionPointAfter(anchor);
      else setInsertionPointToStart(to.parentBlock());
      replaceLive(from, materialize(to, from.type()));
    }
    List<Operation> toErase = new ArrayList<>(dead.keySet());
    for (Operation op : toErase) op.dropAllReferences();
    for (Operation op : toErase) op.remove();
    log.clear();
    mapping.clear();
    dead.clear();
    created.clear();
  }

  private boolean hasLiveUse(Value v) {
    for (OpOperand u = v.firstUse(); u != null; u = u.nextUse()) if (!isDead(u.owner())) return true;
    return false;
  }

  private void replaceLive(Value from, Value to) {
    for (OpOperand u = from.firstUse(); u != null; ) {
      OpOperand next = u.nextUse();
      if (!isDead(u.owner())) u.set(to);
      u = next;
    }
  }
}
