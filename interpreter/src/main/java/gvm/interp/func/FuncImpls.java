package gvm.interp.func;

import gvm.dialect.func.ir.CallIndirectOp;
import gvm.dialect.func.ir.CallOp;
import gvm.dialect.func.ir.ConstantOp;
import gvm.dialect.func.ir.ReturnOp;
import gvm.interp.BlockEffect;
import gvm.interp.ImplTable;
import gvm.ir.attributes.SymbolRefAttr;
import java.util.Arrays;

/** func: call, call_indirect, constant (a function reference), return. */
public final class FuncImpls {
  private FuncImpls() {}

  /** The run-time value of {@code func.constant @f}. */
  public record FunctionRef(String name) {}

  public static void register(ImplTable t) {
    t.register(CallOp.DEF, (f, op, a) ->
        BlockEffect.next(f.interpreter().callAt(((SymbolRefAttr) op.prop("callee")).root(), a, op.loc())));
    t.register(CallIndirectOp.DEF, (f, op, a) ->
        BlockEffect.next(f.interpreter().callAt(((FunctionRef) a[0]).name(), Arrays.copyOfRange(a, 1, a.length), op.loc())));
    t.register(ConstantOp.DEF, (f, op, a) -> BlockEffect.next(new FunctionRef(((SymbolRefAttr) op.prop("value")).root())));
    t.register(ReturnOp.DEF, (f, op, a) -> new BlockEffect.Return(a));
  }
}
