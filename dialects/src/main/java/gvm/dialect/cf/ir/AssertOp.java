package gvm.dialect.cf.ir;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.OpDef;

/** {@code cf.assert}: aborts with {@code msg} at run time when its operand is false. */
public final class AssertOp extends OpView {
  public static final OpDef DEF = OpDef.named("cf.assert")
      .summary("Assert operation with message attribute")
      .operand("arg", CommonTypeConstraints.I1)
      .property("msg", CommonAttrConstraints.STR_ATTR)
      .format("$arg `,` $msg attr-dict")
      .canonicalizer("EraseTrueAssert", CfCanonicalization::eraseTrueAssert);

  public AssertOp(Operation op) { super(op, DEF); }

  public Value arg() { return op.operand(0); }

  public String msg() { return ((StringAttr) op.prop("msg")).value(); }
}
