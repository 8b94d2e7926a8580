package gvm.ir.verify;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.Location;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import java.util.ArrayList;
import java.util.List;

/**
 * MLIR's operation verifier ({@code mlir/lib/IR/Verifier.cpp}). {@link #verify} walks an op
 * tree as MLIR does and stops at the first failure:
 *
 * <ul>
 *   <li>on entering an op: null operands, the invariants of a registered op's definition (see
 *       {@link OpInvariants}), graph regions of at most one block, entry blocks without
 *       predecessors;
 *   <li>on entering a block: a terminator unless the region may do without, successors only on
 *       the last op;
 *   <li>on leaving a block: successors in the same region, the last op a terminator;
 *   <li>on leaving an op: its isolated-from-above children (each verified whole, dominance
 *       included), then the region invariants (isolation, unique symbols, implicit terminator, the
 *       definition's region verifiers); an unregistered op must belong to an unregistered dialect
 *       that the context allows;
 *   <li>after the walk: dominance of every operand use inside the op's SSACFG regions.
 * </ul>
 *
 * <p>A failure comes back as a {@link Diagnostic}. When the failure is about an op (the op of a
 * {@link DiagnosticException}) and {@code printOpOnDiagnostic} is set, it carries first the note
 * {@code see current operation: <op>} with the op in generic form and local scope, as MLIR's
 * {@code Operation::emitError} attaches it. Instances hold no mutable state and may be shared by
 * threads; each call works on its own state (the IR it walks must not change meanwhile).
 */
public final class Verifier {
  /** What MLIR's Diagnostic::appendOp applies on top of the printing flags: elide elements above 16. */
  private static final long DIAGNOSTIC_ELIDE_LIMIT = 16;

  private final Context ctx;
  private final boolean printOpOnDiagnostic;
  private final PrintOptions opPrinting;
  private boolean parallel;

  /** A verifier that attaches {@code see current operation} notes, printing ops with default flags. */
  public Verifier(Context ctx) { this(ctx, true, PrintOptions.DEFAULT); }

  /**
   * @param printOpOnDiagnostic attach {@code see current operation} notes (mlir-opt turns this off
   *     under {@code -verify-diagnostics})
   * @param printing the tool's printing flags; ops in messages print with them, in generic form,
   *     local scope and with elements attributes of more than 16 elements elided
   */
  public Verifier(Context ctx, boolean printOpOnDiagnostic, PrintOptions printing) {
    this.ctx = ctx;
    this.printOpOnDiagnostic = printOpOnDiagnostic;
    this.opPrinting = diagnosticPrintOptions(printing);
  }

  /**
   * Verifies sibling isolated-from-above ops (e.g. the functions of a module) on the common
   * fork-join pool, as MLIR's verifier does when the context is multithreaded. The reported
   * failure is the same as without: the first in op order.
   *
   * @return this
   */
  public Verifier parallel(boolean on) {
    this.parallel = on;
    return this;
  }

  /** The flags MLIR prints ops in diagnostics with: {@code base} in generic form, local scope, eliding large elements. */
  public static PrintOptions diagnosticPrintOptions(PrintOptions base) {
    return base.withGeneric(true).withLocalScope(true).withElideLarge(DIAGNOSTIC_ELIDE_LIMIT);
  }

  /**
   * Verifies {@code op} and everything nested in it.
   *
   * @return null if the IR is valid, else the first failure with its notes
   */
  public Diagnostic verify(Operation op) {
    try {
      new Run().verifyOpAndDominance(op);
      return null;
    } catch (DiagnosticException e) {
      Diagnostic d = e.diagnostic();
      if (printOpOnDiagnostic && e.op() != null)
        d.notes().add(0, new Diagnostic(Diagnostic.Severity.NOTE, e.op().loc(), "see current operation: " + describe(e.op())));
      return d;
    }
  }

  /** Verifies {@code op}; throws the first failure (see {@link #verify}) as a DiagnosticException. */
  public void verifyOrThrow(Operation op) {
    Diagnostic d = verify(op);
    if (d != null) throw new DiagnosticException(d, null);
  }

  /**
   * An op as a diagnostic streams it ({@code << op} in MLIR): generic form, local scope, and a
   * leading newline when it spans several lines.
   */
  public String describe(Operation op) {
    String s = AsmPrinter.printOp(ctx, op, opPrinting);
    return s.indexOf('\n') >= 0 ? "\n" + s : s;
  }

  /** The state of one verification. */
  private final class Run {
    /** One worklist entry: an op or a block, entered once and left once. */
    private final class Item {
      final Operation op;
      final Block block;
      boolean entered;

      Item(Operation op, Block block) {
        this.op = op;
        this.block = block;
      }
    }

    void verifyOpAndDominance(Operation op) {
      verifyOperation(op);
      if (op.numRegions() != 0) verifyDominanceOfContainedRegions(op);
    }

    /** MLIR's OperationVerifier::verifyOperation: an explicit-stack walk with entry and exit visits. */
    private void verifyOperation(Operation root) {
      ArrayList<Item> stack = new ArrayList<>();
      stack.add(new Item(root, null));
      while (!stack.isEmpty()) {
        Item top = stack.get(stack.size() - 1);
        if (top.entered) {
          stack.remove(stack.size() - 1);
          if (top.op != null) exitOp(top.op); else exitBlock(top.block);
          continue;
        }
        top.entered = true;
        if (top.block != null) {
          enterBlock(top.block);
          for (Operation o = top.block.last(); o != null; o = o.prevOp())
            if (o.numRegions() == 0 || !o.hasTrait(Trait.ISOLATED_FROM_ABOVE)) stack.add(new Item(o, null));
        } else {
          enterOp(top.op);
          for (int r = top.op.numRegions() - 1; r >= 0; r--) {
            List<Block> blocks = top.op.region(r).blocks();
            for (int b = blocks.size() - 1; b >= 0; b--) stack.add(new Item(null, blocks.get(b)));
          }
        }
      }
    }

    private void enterOp(Operation op) {
      for (int i = 0; i < op.numOperands(); i++) if (op.operand(i) == null) throw Verify.error(op, "null operand found");
      OpDef def = op.def();
      if (def != null) OpInvariants.verify(op, def);
      for (int i = 0; i < op.numRegions(); i++) {
        Region region = op.region(i);
        if (def != null && def.hasTrait(Trait.GRAPH_REGION) && region.blocks().size() > 1)
          throw Verify.opError(op, "expects graph region #" + i + " to have 0 or 1 blocks");
        if (region.isEmpty()) continue;
        if (region.front().hasPredecessors()) throw Verify.error(op.loc(), "entry block of region may not have predecessors");
      }
    }

    private void exitOp(Operation op) {
      ArrayList<Operation> isolated = null;
      for (int ri = 0; ri < op.numRegions(); ri++)
        for (Block b : op.region(ri).blocks())
          for (Operation o = b.first(); o != null; o = o.nextOp())
            if (o.numRegions() != 0 && o.hasTrait(Trait.ISOLATED_FROM_ABOVE)) {
              if (parallel) {
                if (isolated == null) isolated = new ArrayList<>();
                isolated.add(o);
              } else {
                verifyOpAndDominance(o);
              }
            }
      if (isolated != null) verifyInParallel(isolated);
      OpDef def = op.def();
      if (def != null) {
        OpInvariants.verifyRegionInvariants(op, def);
        return;
      }
      if (ctx.dialect(op.opName().dialect()) == null) {
        if (!ctx.allowsUnregisteredDialects())
          throw Verify.opError(op, "created with unregistered dialect. If this is intended, please call allowUnregisteredDialects() on the "
              + "MLIRContext, or use -allow-unregistered-dialect with the MLIR opt tool used");
        return;
      }
      throw Verify.error(op, "unregistered operation '" + op.name() + "' found in dialect ('" + op.opName().dialect()
          + "') that does not allow unknown operations");
    }

    /** Each op on its own Run; throws the failure of the first failing op in list order. */
    private void verifyInParallel(List<Operation> ops) {
      if (ops.size() == 1) {
        verifyOpAndDominance(ops.get(0));
        return;
      }
      RuntimeException[] failures = new RuntimeException[ops.size()];
      java.util.stream.IntStream.range(0, ops.size()).parallel().forEach(i -> {
        try {
          new Run().verifyOpAndDominance(ops.get(i));
        } catch (RuntimeException e) {
          failures[i] = e;
        }
      });
      for (RuntimeException e : failures) if (e != null) throw e;
    }

    private void enterBlock(Block block) {
      for (BlockArgument a : block.arguments())
        if (a.owner() != block) throw Verify.error(a.loc(), "block argument not owned by block");
      if (block.isEmpty()) {
        if (mayBeValidWithoutTerminator(block)) return;
        throw Verify.error(block.parentOp() == null ? Location.UNKNOWN : block.parentOp().loc(), "empty block: expect at least a terminator");
      }
      for (Operation o = block.first(); o != null; o = o.nextOp())
        if (o.numSuccessors() != 0 && o != block.last())
          throw Verify.error(o, "operation with block successors must terminate its parent block");
    }

    private void exitBlock(Block block) {
      Operation last = block.last();
      if (last != null && block.parent().blocks().size() > 1)
        for (Block s : last.successors())
          if (s == null || s.parent() != block.parent()) throw Verify.opError(last, "branching to block of a different region");
      if (mayBeValidWithoutTerminator(block)) return;
      // An unregistered op might be a terminator (MLIR's mightHaveTrait).
      if (last.isRegistered() && !last.hasTrait(Trait.TERMINATOR))
        throw Verify.error(last, "block with no terminator, has " + describe(last));
    }

    /** Blocks of a single-block region of an unregistered op or of a NO_TERMINATOR op need no terminator. */
    private boolean mayBeValidWithoutTerminator(Block block) {
      Region r = block.parent();
      if (r == null) return true;
      if (r.blocks().size() != 1) return false;
      Operation op = r.parentOp();
      return op == null || !op.isRegistered() || op.hasTrait(Trait.NO_TERMINATOR);
    }

    /** Every operand of every op in a reachable block must dominate its use; isolated ops were done on their own. */
    private void verifyDominanceOfContainedRegions(Operation root) {
      DominanceInfo dom = new DominanceInfo();
      ArrayList<Operation> worklist = new ArrayList<>();
      worklist.add(root);
      while (!worklist.isEmpty()) {
        Operation op = worklist.remove(worklist.size() - 1);
        for (int ri = 0; ri < op.numRegions(); ri++)
          for (Block b : op.region(ri).blocks()) {
            boolean reachable = dom.isReachableFromEntry(b);
            for (Operation o = b.first(); o != null; o = o.nextOp()) {
              if (reachable)
                for (int i = 0; i < o.numOperands(); i++)
                  if (!dom.properlyDominates(o.operand(i), o)) throw invalidDominance(o, i);
              if (o.numRegions() != 0 && !o.hasTrait(Trait.ISOLATED_FROM_ABOVE)) worklist.add(o);
            }
          }
      }
    }

    /** MLIR's diagnoseInvalidOperandDominance: the error, and a note saying where the value lives. */
    private DiagnosticException invalidDominance(Operation user, int operand) {
      DiagnosticException e = Verify.error(user, "operand #" + operand + " does not dominate this use");
      Value v = user.operand(operand);
      Block useBlock = user.parentBlock();
      Region useRegion = useBlock.parent();
      Operation def = v.definingOp();
      if (def != null) {
        Block defBlock = def.parentBlock();
        Region defRegion = defBlock.parent();
        String where = useBlock == defBlock ? " (op in the same block)"
            : useRegion == defRegion ? " (op in the same region)"
            : isProperAncestor(defRegion, useRegion) ? " (op in a parent region)"
            : isProperAncestor(useRegion, defRegion) ? " (op in a child region)"
            : " (op is neither in a parent nor in a child region)";
        return e.attachNote(def.loc(), "operand defined here" + where);
      }
      Block owner = ((BlockArgument) v).owner();
      Region defRegion = owner.parent();
      Location loc = owner.parentOp() != null ? owner.parentOp().loc() : Location.UNKNOWN;
      if (defRegion == null) return e.attachNote(loc, " (block without parent)");
      String where = useRegion == defRegion ? " in the same region)"
          : isProperAncestor(defRegion, useRegion) ? " in a parent region)"
          : isProperAncestor(useRegion, defRegion) ? " in a child region)"
          : " neither in a parent nor in a child region)";
      return e.attachNote(loc, "operand defined as a block argument (block #" + defRegion.indexOf(owner) + where);
    }

    private boolean isProperAncestor(Region ancestor, Region r) {
      return ancestor != r && OpInvariants.isAncestor(ancestor, r);
    }
  }
}
