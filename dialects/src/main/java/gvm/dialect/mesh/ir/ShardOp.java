package gvm.dialect.mesh.ir;

import static gvm.ir.def.Trait.PURE;
import static gvm.ir.def.Trait.SAME_OPERANDS_AND_RESULT_TYPE;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;

/**
 * {@code mesh.shard}: annotates how a tensor is sharded; with {@code annotate_for_users} the
 * annotation is for the value's users rather than for its definition.
 *
 * <pre>{@code
 * %1 = mesh.shard %0 to <@mesh0, [[0], []], partial = sum[1]> annotate_for_users : tensor<4x8xf32>
 * }</pre>
 */
public final class ShardOp extends OpView {
  public static final OpDef DEF = OpDef.named("mesh.shard")
      .summary("Annotate on how a tensor is sharded across a mesh.")
      .operand("src", MeshConstraints.ANY_RANKED_TENSOR)
      .property("shard", MeshShardingAttr.CONSTRAINT)
      .optionalProperty("annotate_for_users", CommonAttrConstraints.UNIT_ATTR)
      .result("result", MeshConstraints.ANY_RANKED_TENSOR)
      .traits(PURE, SAME_OPERANDS_AND_RESULT_TYPE)
      .format("$src `to` $shard (`annotate_for_users` $annotate_for_users^)? attr-dict `:` type($result)")
      .resultNames((op, names) -> names[0] = "sharding_annotated");

  public ShardOp(Operation op) { super(op, DEF); }

  public Value src() { return op.operand(0); }

  public MeshShardingAttr shard() { return (MeshShardingAttr) op.prop("shard"); }

  public boolean annotateForUsers() { return op.prop("annotate_for_users") != null; }
}
