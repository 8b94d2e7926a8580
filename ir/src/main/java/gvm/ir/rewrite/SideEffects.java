package gvm.ir.rewrite;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;

/**
 * Memory-effect queries from op traits (MLIR's MemoryEffectOpInterface helpers): Pure and
 * NoMemoryEffect ops have none; RecursiveMemoryEffects ops have those of their nested ops;
 * everything else, unregistered ops included, may have any.
 */
public final class SideEffects {
  private SideEffects() {}

  /** True if {@code op} and, for recursive ops, everything nested in it has no memory effects. */
  public static boolean isMemoryEffectFree(Operation op) {
    OpDef def = op.def();
    if (def == null) return false;
    boolean recursive = def.hasTrait(Trait.RECURSIVE_MEMORY_EFFECTS);
    if (!recursive) return def.hasTrait(Trait.PURE) || def.hasTrait(Trait.NO_MEMORY_EFFECT);
    for (int r = 0; r < op.numRegions(); r++)
      for (Block b : op.region(r).blocks())
        for (Operation o = b.first(); o != null; o = o.nextOp()) if (!isMemoryEffectFree(o)) return false;
    return true;
  }

  /** True if erasing {@code op} would change nothing but its results (MLIR's wouldOpBeTriviallyDead). */
  public static boolean wouldOpBeTriviallyDead(Operation op) {
    OpDef def = op.def();
    if (def == null || def.hasTrait(Trait.TERMINATOR) || def.hasTrait(Trait.SYMBOL)) return false;
    return isMemoryEffectFree(op);
  }

  /** True if {@code op}'s results are unused and it has no effects (MLIR's isOpTriviallyDead). */
  public static boolean isOpTriviallyDead(Operation op) { return op.useEmpty() && wouldOpBeTriviallyDead(op); }

  /** True if {@code op} can be moved or executed speculatively (Pure, or recursively speculatable with pure contents). */
  public static boolean isSpeculatable(Operation op) {
    OpDef def = op.def();
    if (def == null) return false;
    if (def.hasTrait(Trait.PURE)) return true;
    return def.hasTrait(Trait.RECURSIVELY_SPECULATABLE) && isMemoryEffectFree(op);
  }
}
