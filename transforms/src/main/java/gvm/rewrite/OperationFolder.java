package gvm.rewrite;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.Location;
import gvm.ir.def.Trait;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.Type;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Uniques constants per isolated region and hoists them to the front of its entry block (MLIR's
 * OperationFolder::insertKnownConstant): two constants of one dialect, value and type become one.
 */
public final class OperationFolder {
  private record Key(String dialect, Attribute value, Type type) {}

  private record Owned(Map<Key, Operation> scope, Key key) {}

  private final PatternRewriter rewriter;
  private final IdentityHashMap<Region, Map<Key, Operation>> scopes = new IdentityHashMap<>();
  private final IdentityHashMap<Operation, Owned> owned = new IdentityHashMap<>();

  public OperationFolder(PatternRewriter rewriter) { this.rewriter = rewriter; }

  /**
   * The uniqued constant of {@code value} and {@code type} for the isolated region around {@code
   * block}, created by {@code dialect}'s materializer at the front of that region's entry block if
   * needed (MLIR's getOrCreateConstant); null if the dialect cannot materialize it.
   */
  public gvm.ir.Value getOrCreateConstant(Block block, gvm.ir.Dialect dialect, Attribute value, Type type) {
    Region insertRegion = insertionRegion(block);
    Map<Key, Operation> uniqued = scopes.computeIfAbsent(insertRegion, r -> new HashMap<>());
    Key key = new Key(dialect.namespace(), value, type);
    Operation existing = uniqued.get(key);
    if (existing != null) return existing.result(0);
    Operation c = dialect.materializeConstant(rewriter.context(), value, type, Location.UNKNOWN);
    if (c == null) return null;
    Block entry = insertRegion.front();
    entry.insertBefore(entry.first(), c);
    rewriter.listener().notifyOperationInserted(c);
    uniqued.put(key, c);
    owned.put(c, new Owned(uniqued, key));
    return c.result(0);
  }

  /**
   * Records the constant {@code op} of value {@code value}: if an equal constant is known, replaces
   * and erases {@code op} and returns false; otherwise hoists it and returns true.
   */
  public boolean insertKnownConstant(Operation op, Attribute value) {
    Block opBlock = op.parentBlock();
    if (owned.containsKey(op)) {
      Operation prev = op.prevOp();
      if (opBlock.first() != op && !owned.containsKey(prev)) hoist(op, opBlock);
      return true;
    }
    Region insertRegion = insertionRegion(opBlock);
    Map<Key, Operation> uniqued = scopes.computeIfAbsent(insertRegion, r -> new HashMap<>());
    Key key = new Key(op.opName().dialect(), value, op.result(0).type());
    Operation existing = uniqued.get(key);
    if (existing != null) {
      rewriter.replaceOp(op, existing.results());
      existing.setLoc(Location.UNKNOWN);
      return false;
    }
    uniqued.put(key, op);
    owned.put(op, new Owned(uniqued, key));
    Block insertBlock = insertRegion.front();
    if (opBlock != insertBlock || (insertBlock.first() != op && !owned.containsKey(op.prevOp()))) hoist(op, insertBlock);
    return true;
  }

  private static void hoist(Operation op, Block to) {
    if (to.first() != op) {
      op.remove();
      to.insertBefore(to.first(), op);
    }
    op.setLoc(Location.UNKNOWN);
  }

  /** Forgets an erased constant. */
  public void notifyRemoval(Operation op) {
    if (!op.hasTrait(Trait.CONSTANT_LIKE)) return; // only constants are owned; spares a lookup per erased op
    Owned o = owned.remove(op);
    if (o != null && o.scope().get(o.key()) == op) o.scope().remove(o.key());
  }

  /** The region constants of {@code b} go to: the closest one whose op is isolated from above or unknown. */
  private static Region insertionRegion(Block b) {
    while (true) {
      Region r = b.parent();
      Operation parent = r.parentOp();
      if (parent == null || parent.hasTrait(Trait.ISOLATED_FROM_ABOVE) || !parent.isRegistered() || parent.parentBlock() == null)
        return r;
      b = parent.parentBlock();
    }
  }
}
