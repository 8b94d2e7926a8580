package gvm.dialect.scf.ir;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Verify;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import java.util.List;

/**
 * {@code scf.execute_region}: runs its region, which may hold several blocks, exactly once; the
 * values its {@code scf.yield}s pass become the results.
 *
 * <pre>{@code
 * %v = scf.execute_region -> i64 {
 *   ...
 *   scf.yield %x : i64
 * }
 * }</pre>
 */
public final class ExecuteRegionOp extends OpView {
  public static final OpDef DEF = OpDef.named("scf.execute_region")
      .summary("operation that executes its region exactly once")
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .region("region")
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) {
          st.resultTypes.addAll(p.parseOptionalArrowTypeList());
          st.addRegion(p.parseRegion(List.of(), false));
          ScfAsm.parseOptionalAttrDict(p, st, false);
        }

        @Override public void print(Operation op, AsmPrinter p) {
          p.printOptionalArrowTypeList(op.resultTypes());
          p.print(' ');
          p.printRegion(op.region(0), false, true, false);
          ScfAsm.printOptionalAttrDict(p, op);
        }
      })
      .implement(RegionBranchOpInterface.class, (op, point) ->
          new int[] {point == RegionBranchOpInterface.PARENT ? 0 : RegionBranchOpInterface.PARENT})
      .verifier(ExecuteRegionOp::verify)
      .regionVerifier(RegionBranchOpInterface::verifyTypes);

  public ExecuteRegionOp(Operation op) { super(op, DEF); }

  public Region region() { return op.region(0); }

  /** A non-empty region whose entry block has no arguments (MLIR's ExecuteRegionOp::verify). */
  private static void verify(Operation op) {
    Region r = op.region(0);
    if (r.isEmpty()) throw Verify.opError(op, "region needs to have at least one block");
    if (r.front().numArguments() > 0) throw Verify.opError(op, "region cannot have any arguments");
  }
}
