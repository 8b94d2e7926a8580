package gvm.interp.builtin;

import gvm.dialect.builtin.ir.UnrealizedConversionCastOp;
import gvm.interp.BlockEffect;
import gvm.interp.ImplTable;

/** builtin: {@code unrealized_conversion_cast} forwards its operands when counts match. */
public final class BuiltinImpls {
  private BuiltinImpls() {}

  public static void register(ImplTable t) {
    t.register(UnrealizedConversionCastOp.DEF, (f, op, a) -> {
      if (a.length != op.numResults()) throw new IllegalArgumentException("cannot run a cast of " + a.length + " values to " + op.numResults());
      return BlockEffect.next(a.clone());
    });
  }
}
