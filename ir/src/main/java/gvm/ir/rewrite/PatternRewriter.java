package gvm.ir.rewrite;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Context;
import gvm.ir.IRMapping;
import gvm.ir.OpOperand;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds and rewrites IR while telling a {@link Listener} (the pattern driver) about every insertion,
 * modification, replacement and erasure, as MLIR's RewriterBase. Use lists stay correct because all
 * changes go through {@link Operation}'s own operand slots.
 */
public class PatternRewriter {
  /** Hears about IR changes made through a rewriter (MLIR's RewriterBase::Listener). */
  public interface Listener {
    default void notifyOperationInserted(Operation op) {}

    default void notifyOperationModified(Operation op) {}

    /** Called before {@code op}'s results are replaced by {@code values}. */
    default void notifyOperationReplaced(Operation op, List<? extends Value> values) {}

    /** Called before {@code op} is unlinked; nested ops are reported first. */
    default void notifyOperationErased(Operation op) {}

    default void notifyBlockErased(Block b) {}
  }

  private static final Listener NONE = new Listener() {};

  private final Context ctx;
  private Listener listener = NONE;
  private Block insertBlock;
  /** The op to insert before; null inserts at the end of {@link #insertBlock}. */
  private Operation insertBefore;

  public PatternRewriter(Context ctx) { this.ctx = ctx; }

  public Context context() { return ctx; }

  public void setListener(Listener l) { listener = l == null ? NONE : l; }

  public Listener listener() { return listener; }

  // ---- insertion point

  public void setInsertionPoint(Operation op) {
    insertBlock = op.parentBlock();
    insertBefore = op;
  }

  public void setInsertionPointAfter(Operation op) {
    insertBlock = op.parentBlock();
    insertBefore = op.nextOp();
  }

  public void setInsertionPointToStart(Block b) {
    insertBlock = b;
    insertBefore = b.first();
  }

  public void setInsertionPointToEnd(Block b) {
    insertBlock = b;
    insertBefore = null;
  }

  public Block insertionBlock() { return insertBlock; }

  /** A saved insertion point, restored by {@link #restore}. */
  public record InsertPoint(Block block, Operation before) {}

  public InsertPoint save() { return new InsertPoint(insertBlock, insertBefore); }

  public void restore(InsertPoint p) {
    insertBlock = p.block();
    insertBefore = p.before();
  }

  // ---- creation

  /** Inserts a detached op at the insertion point. */
  public Operation insert(Operation op) {
    insertBlock.insertBefore(insertBefore, op);
    listener.notifyOperationInserted(op);
    return op;
  }

  public Operation create(OperationState st) { return insert(Operation.create(st)); }

  /** Creates an op of {@code def} with the given operands, result types and properties at the insertion point. */
  public Operation create(OpDef def, Location loc, List<? extends Value> operands, List<Type> resultTypes, List<NamedAttribute> props) {
    OperationState st = new OperationState(loc, ctx.opName(def.name()));
    st.operands.addAll(operands);
    st.resultTypes.addAll(resultTypes);
    st.properties.addAll(props);
    for (int i = 0; i < def.regions().size(); i++) st.addRegion();
    return create(st);
  }

  /** Clones {@code op} (deeply) at the insertion point. */
  public Operation clone(Operation op, IRMapping map) { return insert(op.clone(map)); }

  // ---- replacement and erasure

  /** Replaces every result of {@code op} by the matching value, then erases {@code op}. */
  public void replaceOp(Operation op, List<? extends Value> values) {
    if (values.size() != op.numResults())
      throw new IllegalArgumentException("replacing " + op.numResults() + " results of '" + op.name() + "' with " + values.size() + " values");
    listener.notifyOperationReplaced(op, values);
    for (int i = 0; i < values.size(); i++) replaceAllUsesWith(op.result(i), values.get(i));
    eraseOp(op);
  }

  /** Replaces {@code op} by the results of {@code with}. */
  public void replaceOp(Operation op, Operation with) { replaceOp(op, with.results()); }

  /** Points all uses of {@code from} at {@code to}; each user is reported as modified. */
  public void replaceAllUsesWith(Value from, Value to) {
    if (from == to) return;
    for (OpOperand u = from.firstUse(); u != null; u = from.firstUse()) {
      Operation user = u.owner();
      u.set(to);
      listener.notifyOperationModified(user);
    }
  }

  /** Erases {@code op} and everything nested in it; its results must be unused. */
  public void eraseOp(Operation op) {
    if (!op.useEmpty()) throw new IllegalStateException("erasing '" + op.name() + "' whose results still have uses");
    if (listener != NONE) notifyErasedNested(op);
    op.remove();
    op.dropAllReferences();
  }

  private void notifyErasedNested(Operation op) {
    for (int r = 0; r < op.numRegions(); r++)
      for (Block b : op.region(r).blocks())
        for (Operation o = b.last(); o != null; o = o.prevOp()) notifyErasedNested(o);
    listener.notifyOperationErased(op);
  }

  /** Erases a block with its ops; the block must have no predecessors left. */
  public void eraseBlock(Block b) {
    for (Operation o = b.last(); o != null; ) {
      Operation p = o.prevOp();
      if (listener != NONE) notifyErasedNested(o);
      o = p;
    }
    listener.notifyBlockErased(b);
    b.erase();
  }

  /** Runs {@code change} on {@code op} and reports it as modified. */
  public void modifyOpInPlace(Operation op, Runnable change) {
    change.run();
    listener.notifyOperationModified(op);
  }

  // ---- blocks

  /**
   * Moves the ops of {@code source} before {@code before} in {@code dest} (null: at its end),
   * replacing the arguments of {@code source} by {@code args}, then erases {@code source}.
   */
  public void inlineBlockBefore(Block source, Block dest, Operation before, List<? extends Value> args) {
    if (args.size() != source.numArguments()) throw new IllegalArgumentException("argument count mismatch when inlining a block");
    for (int i = 0; i < args.size(); i++) replaceAllUsesWith(source.argument(i), args.get(i));
    for (Operation o = source.first(); o != null; ) {
      Operation n = o.nextOp();
      o.remove();
      dest.insertBefore(before, o);
      listener.notifyOperationInserted(o);
      o = n;
    }
    if (source.parent() != null) source.erase();
  }

  /** Appends the ops of {@code source} to {@code dest} (MLIR's mergeBlocks). */
  public void mergeBlocks(Block source, Block dest, List<? extends Value> args) { inlineBlockBefore(source, dest, null, args); }

  /** Splits {@code block} before {@code at}: {@code at} and the ops after it move to a new block placed right after. */
  public Block splitBlock(Block block, Operation at) {
    Block tail = new Block();
    Region r = block.parent();
    r.insert(r.indexOf(block) + 1, tail);
    for (Operation o = at; o != null; ) {
      Operation n = o.nextOp();
      o.remove();
      tail.append(o);
      o = n;
    }
    return tail;
  }

  /** Moves all blocks of {@code region} into {@code dest} at block index {@code index}. */
  public void inlineRegionBefore(Region region, Region dest, int index) {
    List<Block> moved = new ArrayList<>(region.blocks());
    for (Block b : moved) {
      region.removeBlock(b);
      dest.insert(index++, b);
    }
  }

  /** Adds a block argument (no notification needed: block arguments are not ops). */
  public BlockArgument addArgument(Block b, Type t, Location loc) { return b.addArgument(t, loc); }
}
