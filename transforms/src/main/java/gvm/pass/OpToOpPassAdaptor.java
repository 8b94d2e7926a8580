package gvm.pass;

import gvm.ir.Operation;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The pass that runs nested pass managers on the immediate children of the op it runs on (MLIR's
 * {@code OpToOpPassAdaptor}): each child runs the manager of its name. Adjacent adaptors are
 * merged before a run, so {@code func.func(a),func.func(b)} runs a then b on each function in
 * turn. The pass manager drives adaptors itself: children run on a thread pool.
 */
public final class OpToOpPassAdaptor extends Pass {
  private final List<OpPassManager> managers = new ArrayList<>();

  OpToOpPassAdaptor(OpPassManager nested) {
    super(nested.anchorName() + " Pipeline", nested.anchorName(), "", null);
    managers.add(nested);
  }

  /** The nested pass managers, one per anchor op name. */
  public List<OpPassManager> managers() { return Collections.unmodifiableList(managers); }

  /** The first nested pass manager (the only one unless adaptors were merged). */
  public OpPassManager nested() { return managers.get(0); }

  /** Adds {@code other}'s passes to the manager of the same anchor (or appends its managers). */
  void mergeFrom(OpToOpPassAdaptor other) {
    for (OpPassManager pm : other.managers) {
      OpPassManager same = null;
      for (OpPassManager m : managers) if (Objects.equals(m.opName(), pm.opName())) same = m;
      if (same == null) managers.add(pm);
      else same.appendAll(pm);
    }
  }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    throw new IllegalStateException("the pass manager runs adaptors itself");
  }

  @Override public String printAsTextualPipeline() {
    StringBuilder sb = new StringBuilder();
    for (OpPassManager pm : managers) {
      if (sb.length() > 0) sb.append(',');
      sb.append(pm.printAsTextualPipeline());
    }
    return sb.toString();
  }
}
