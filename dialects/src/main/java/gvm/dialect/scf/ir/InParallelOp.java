package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Verify;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import java.util.List;

/**
 * {@code scf.forall.in_parallel}: ends an {@code scf.forall} body; its graph region holds the
 * {@code tensor.parallel_insert_slice} ops that combine each thread's slice into a shared output.
 */
public final class InParallelOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.forall.in_parallel")
      .summary("terminates a `forall` block")
      .sizedRegion("region")
      .traits(PURE, TERMINATOR, NO_TERMINATOR, SINGLE_BLOCK, GRAPH_REGION)
      .parents("scf.forall")
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) {
          Region r = p.parseRegion(List.of(), false);
          if (r.isEmpty()) r.addBlock(new Block());
          st.addRegion(r);
          ScfAsm.parseOptionalAttrDict(p, st, false);
        }

        @Override public void print(Operation op, AsmPrinter p) {
          p.print(' ');
          p.printRegion(op.region(0), false, false, false);
          ScfAsm.printOptionalAttrDict(p, op);
        }
      })
      .verifier(InParallelOp::verify);

  public InParallelOp(Operation op) { super(op, DEF); }

  /** MLIR's InParallelOp::verify: only parallel_insert_slice ops, each into a shared output of the forall. */
  private static void verify(Operation op) {
    Operation forall = op.parentOp();
    if (forall == null || !forall.isA(ForallOp.DEF)) throw Verify.opError(op, "expected forall op parent");
    List<? extends gvm.ir.Value> outs = new ForallOp(forall).regionOutArgs();
    for (Operation o = op.region(0).front().first(); o != null; o = o.nextOp()) {
      if (!o.name().equals("tensor.parallel_insert_slice")) throw Verify.opError(op, "expected only tensor.parallel_insert_slice ops");
      if (!outs.contains(o.operand(1))) throw Verify.opError(o, "may only insert into an output block argument");
    }
  }
}
