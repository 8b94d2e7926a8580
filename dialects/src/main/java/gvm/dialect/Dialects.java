package gvm.dialect;

import gvm.dialect.arith.ir.ArithDialect;
import gvm.dialect.builtin.ir.BuiltinDialect;
import gvm.dialect.cf.ir.CfDialect;
import gvm.dialect.func.ir.FuncDialect;
import gvm.dialect.gptvm.ir.GptvmDialect;
import gvm.dialect.kv.ir.KvDialect;
import gvm.dialect.linalg.ir.LinalgDialect;
import gvm.dialect.math.ir.MathDialect;
import gvm.dialect.mesh.ir.MeshDialect;
import gvm.dialect.scf.ir.ScfDialect;
import gvm.dialect.tensor.ir.TensorDialect;
import gvm.dialect.tosa.ir.TosaDialect;
import gvm.ir.Context;

/** Every dialect of this module, registered explicitly (no classpath scanning). */
public final class Dialects {
  private Dialects() {}

  /** A context with all dialects of this module registered. */
  public static Context newContext() {
    Context ctx = new Context();
    registerAll(ctx);
    return ctx;
  }

  /** Registers every dialect of this module in {@code ctx} (dialects already there are kept). */
  public static void registerAll(Context ctx) {
    ctx.register(new BuiltinDialect());
    ctx.register(new FuncDialect());
    ctx.register(new ArithDialect());
    ctx.register(new CfDialect());
    ctx.register(new ScfDialect());
    ctx.register(new TensorDialect());
    ctx.register(new GptvmDialect());
    ctx.register(new KvDialect());
    ctx.register(new MeshDialect());
    ctx.register(new TosaDialect());
    ctx.register(new MathDialect());
    ctx.register(new LinalgDialect());
  }
}
