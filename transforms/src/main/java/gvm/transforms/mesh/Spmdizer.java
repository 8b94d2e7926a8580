package gvm.transforms.mesh;

import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.ir.IRMapping;
import gvm.ir.Operation;
import gvm.ir.OpResult;
import gvm.ir.rewrite.PatternRewriter;
import gvm.pass.PassContext;
import java.util.List;

/** The state of one spmdization: the value mapping, the builder, the pass context for errors. */
public final class Spmdizer {
  private final IRMapping mapping = new IRMapping();
  private final PatternRewriter rewriter;
  private final PassContext ctx;

  Spmdizer(PassContext ctx) {
    this.ctx = ctx;
    this.rewriter = new PatternRewriter(ctx.context());
  }

  public IRMapping mapping() { return mapping; }

  public PatternRewriter rewriter() { return rewriter; }

  PassContext context() { return ctx; }

  /** An error at {@code op}; the spmdization stops. */
  SpmdizationException error(Operation op, String message) {
    ctx.emitOpError(op, message);
    return new SpmdizationException();
  }

  static final class SpmdizationException extends RuntimeException {
    SpmdizationException() { super(null, null, false, false); }
  }

  /** The shape of the mesh a sharding names, as seen from {@code op}. */
  long[] meshShape(Operation op, MeshShardingAttr sharding) {
    Operation mesh = Shardings.lookupMesh(op, sharding.mesh());
    if (mesh == null) throw error(op, "cannot find mesh '" + sharding.mesh().root() + "'");
    return Shardings.meshShape(mesh);
  }

  /** spmdizeTriviallyShardableOperation: clones {@code op} through {@code map}, its results of their sharded types. */
  public void cloneTriviallySharded(Operation op, List<MeshShardingAttr> resultShardings, IRMapping map) {
    Operation clone = rewriter.clone(op, map);
    for (int i = 0; i < clone.numResults(); i++) {
      MeshShardingAttr sharding = resultShardings.get(i);
      if (sharding == null) continue;
      OpResult r = clone.result(i);
      r.setType(Shardings.shardType(r.type(), meshShape(op, sharding), sharding));
    }
  }
}
