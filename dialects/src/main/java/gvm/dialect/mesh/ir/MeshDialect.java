package gvm.dialect.mesh.ir;

import gvm.ir.Dialect;
import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.OpDef;
import gvm.ir.format.CustomDirectives;
import gvm.ir.types.Type;
import java.util.List;

/**
 * The {@code mesh} dialect (LLVM 19): device meshes, sharding annotations and the collectives
 * between the devices of a mesh; attributes {@code #mesh.shard<...>} and {@code #mesh.partial<...>}.
 */
public final class MeshDialect extends Dialect {
  static {
    CustomDirectives.register("DimensionList", new MeshOp.DimensionList());
  }

  public MeshDialect() { super("mesh"); }

  @Override public List<OpDef> ops() {
    return List.of(MeshOp.DEF, QueryOps.MeshShapeOp.DEF, QueryOps.ProcessMultiIndexOp.DEF, QueryOps.ProcessLinearIndexOp.DEF, ShardOp.DEF,
        CollectiveOps.ALL_GATHER, CollectiveOps.ALL_REDUCE, CollectiveOps.ALL_SLICE, CollectiveOps.ALL_TO_ALL, CollectiveOps.BROADCAST,
        CollectiveOps.GATHER, CollectiveOps.RECV, CollectiveOps.REDUCE, CollectiveOps.REDUCE_SCATTER, CollectiveOps.SCATTER,
        CollectiveOps.SEND, CollectiveOps.SHIFT);
  }

  /** {@code #mesh.shard<...>} and {@code #mesh.partial<...>}; the parser stands at the mnemonic. */
  @Override public Attribute parseAttribute(AsmParser p, Type type) {
    int at = p.offset();
    String mnemonic = p.parseOptionalKeyword();
    if (MeshShardingAttr.MNEMONIC.equals(mnemonic)) return MeshShardingAttr.parseParams(p);
    if (ReductionKind.Attr.MNEMONIC.equals(mnemonic)) return ReductionKind.Attr.parseParams(p);
    throw p.error(at, "unknown attribute `" + mnemonic + "` in dialect `mesh`");
  }

  @Override public List<String> dependentDialects() { return List.of("arith"); }
}
