package gvm.pass;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A list of passes anchored on one op name (MLIR's {@code OpPassManager}): the passes run, in
 * order, on each op of that name; {@link #nest} adds a nested pass manager that runs on the
 * anchor's immediate children of another name (for example every {@code func.func} of a {@code
 * builtin.module}). Built by hand, by {@link PassPipelineParser} from MLIR's textual syntax, or
 * from {@code --cse}-style flags.
 */
public class OpPassManager {
  /** How {@link #addPass} treats a pass anchored on another op: MLIR's {@code Nesting}. */
  public enum Nesting {
    /** Nest it under a new nested pass manager for its op (what pass flags on the command line do). */
    IMPLICIT,
    /** Refuse it (what textual pipelines do). */
    EXPLICIT
  }

  private final String opName;
  private final List<Pass> passes = new ArrayList<>();
  private Nesting nesting;
  private boolean finalized;

  /** A pass manager on ops named {@code opName}, or on any op when null. */
  public OpPassManager(String opName) { this(opName, Nesting.EXPLICIT); }

  public OpPassManager(String opName, Nesting nesting) {
    this.opName = opName;
    this.nesting = nesting;
  }

  /** The anchor op name, or null for any op. */
  public final String opName() { return opName; }

  /** The anchor as MLIR prints it: the op name or {@code any}. */
  public final String anchorName() { return opName == null ? "any" : opName; }

  public final Nesting nesting() { return nesting; }

  public final void setNesting(Nesting n) { nesting = n; }

  /** The passes, nested pass managers appearing as {@link OpToOpPassAdaptor}s. */
  public final List<Pass> passes() { return Collections.unmodifiableList(passes); }

  public final int size() { return passes.size(); }

  public final boolean isEmpty() { return passes.isEmpty(); }

  /**
   * Appends {@code pass}. A pass anchored on another op is nested under a new pass manager for its
   * op under {@link Nesting#IMPLICIT}.
   *
   * @throws IllegalArgumentException under {@link Nesting#EXPLICIT} for a pass anchored on another
   *     op, with MLIR's message
   */
  public final void addPass(Pass pass) {
    String passOp = pass.opName();
    if (passOp != null && !passOp.equals(opName)) {
      if (nesting == Nesting.IMPLICIT) {
        nest(passOp).addPass(pass);
        return;
      }
      throw new IllegalArgumentException("Can't add pass '" + pass.name() + "' restricted to '" + passOp
          + "' on a PassManager intended to run on '" + anchorName() + "', did you intend to nest?");
    }
    passes.add(pass);
    finalized = false;
  }

  /** Appends a nested pass manager on ops named {@code nestedOpName} (null: any op) and returns it. */
  public final OpPassManager nest(String nestedOpName) {
    OpPassManager nested = new OpPassManager(nestedOpName, nesting);
    passes.add(new OpToOpPassAdaptor(nested));
    finalized = false;
    return nested;
  }

  /** Appends an already built nested pass manager. */
  public final void addNested(OpPassManager nested) {
    passes.add(new OpToOpPassAdaptor(nested));
    finalized = false;
  }

  /** Appends the passes of {@code other} (used when merging adaptors). */
  final void appendAll(OpPassManager other) {
    passes.addAll(other.passes);
    finalized = false;
  }

  /**
   * Merges adjacent nested pass managers, recursively (MLIR's finalizePassList): {@code
   * func.func(a),func.func(b)} becomes one adaptor running a then b on each function. Called by
   * {@link PassManager#run}; the textual form printed afterwards shows the merged structure.
   */
  final void finalizePipeline() {
    if (finalized) return;
    finalized = true;
    List<Pass> merged = new ArrayList<>();
    for (Pass p : passes) {
      if (p instanceof OpToOpPassAdaptor a && !merged.isEmpty() && merged.get(merged.size() - 1) instanceof OpToOpPassAdaptor last) {
        if (last == a) continue;
        last.mergeFrom(a);
      } else {
        merged.add(p instanceof OpToOpPassAdaptor a ? copy(a) : p);
      }
    }
    passes.clear();
    passes.addAll(merged);
    for (Pass p : passes)
      if (p instanceof OpToOpPassAdaptor a) for (OpPassManager pm : a.managers()) pm.finalizePipeline();
  }

  /** A fresh adaptor over fresh managers with the same passes, so merging never changes a shared manager. */
  private static OpToOpPassAdaptor copy(OpToOpPassAdaptor a) {
    OpToOpPassAdaptor out = null;
    for (OpPassManager pm : a.managers()) {
      OpPassManager fresh = new OpPassManager(pm.opName(), pm.nesting());
      fresh.appendAll(pm);
      if (out == null) out = new OpToOpPassAdaptor(fresh);
      else out.mergeFrom(new OpToOpPassAdaptor(fresh));
    }
    return out;
  }

  /** MLIR's textual form: {@code builtin.module(func.func(cse),symbol-dce)}, every option printed. */
  public final String printAsTextualPipeline() {
    StringBuilder sb = new StringBuilder(anchorName()).append('(');
    for (int i = 0; i < passes.size(); i++) {
      if (i > 0) sb.append(',');
      sb.append(passes.get(i).printAsTextualPipeline());
    }
    return sb.append(')').toString();
  }

  @Override public String toString() { return printAsTextualPipeline(); }
}
