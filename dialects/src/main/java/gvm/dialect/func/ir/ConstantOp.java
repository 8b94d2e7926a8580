package gvm.dialect.func.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.ModuleOp;
import gvm.dialect.builtin.ir.SymbolTable;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.OpDef;

/** {@code func.constant}: a value of function type referring to a {@code func.func} by symbol. */
public final class ConstantOp {
  public static final OpDef DEF = OpDef.named("func.constant")
      .summary("constant")
      .property("value", CommonAttrConstraints.FLAT_SYMBOL_REF_ATTR)
      .result("result", CommonTypeConstraints.ANY_TYPE)
      .traits(CONSTANT_LIKE, PURE)
      .format("attr-dict $value `:` type(results)")
      .resultNames((op, names) -> names[0] = "f")
      .verifier(ConstantOp::verify);

  private ConstantOp() {}

  /** The symbol names a function of the nearest enclosing module, with the result's type. */
  private static void verify(Operation op) {
    String fnName = ((SymbolRefAttr) op.prop("value")).root();
    Operation module = op.parentOfType(ModuleOp.DEF);
    Operation fn = module == null ? null : SymbolTable.lookupSymbolIn(module, fnName);
    if (fn == null || !fn.isA(FuncOp.DEF)) throw Verify.opError(op, "reference to undefined function '" + fnName + "'");
    if (!new FuncOp(fn).functionType().equals(op.result(0).type())) throw Verify.opError(op, "reference to function with mismatched type");
  }
}
