package gvm.transforms.debuginfo;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.attributes.Location;
import gvm.pass.Pass;
import gvm.pass.PassContext;

/** {@code strip-debuginfo}, as MLIR's StripDebugInfo: every op and block argument gets {@code loc(unknown)}. */
public final class StripDebugInfoPass extends Pass {
  public StripDebugInfoPass() { super("StripDebugInfo", "strip-debuginfo", "Strip debug info from all operations", null); }

  @Override public void runOnOperation(Operation root, PassContext ctx) {
    root.walk(op -> {
      op.setLoc(Location.UNKNOWN);
      for (Region r : op.regions())
        for (Block b : r.blocks())
          for (BlockArgument a : b.arguments()) a.setLoc(Location.UNKNOWN);
    });
  }
}
