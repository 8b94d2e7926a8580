package gvm.interp;

import gvm.ir.Operation;

/** The run-time meaning of one op: its operands' values in, a {@link BlockEffect} out. */
@FunctionalInterface
public interface OpImpl {
  BlockEffect run(Frame frame, Operation op, Object[] operands);
}
