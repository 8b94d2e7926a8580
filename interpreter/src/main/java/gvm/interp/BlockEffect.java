package gvm.interp;

import gvm.ir.Block;

/**
 * What executing one op does to control flow: {@link Next} (fall through to the next op, with the
 * op's results), {@link Branch} (jump to a block of the same region with its arguments) or
 * {@link Return} (leave the region with values: func.return, scf.yield, tensor.yield).
 */
public sealed interface BlockEffect permits BlockEffect.Next, BlockEffect.Branch, BlockEffect.Return {
  record Next(Object[] results) implements BlockEffect {}

  record Branch(Block block, Object[] args) implements BlockEffect {}

  record Return(Object[] values) implements BlockEffect {}

  Next NONE = new Next(new Object[0]);

  static Next next(Object... results) { return new Next(results); }
}
