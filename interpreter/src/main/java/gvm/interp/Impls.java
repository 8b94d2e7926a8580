package gvm.interp;

/** The implementations of every dialect the interpreter runs. */
public final class Impls {
  private Impls() {}

  public static ImplTable all() {
    ImplTable t = new ImplTable();
    gvm.interp.builtin.BuiltinImpls.register(t);
    gvm.interp.func.FuncImpls.register(t);
    gvm.interp.cf.CfImpls.register(t);
    gvm.interp.scf.ScfImpls.register(t);
    gvm.interp.arith.ArithImpls.register(t);
    gvm.interp.tensor.TensorImpls.register(t);
    gvm.interp.gptvm.GptvmImpls.register(t);
    gvm.interp.gptvm.FusedImpls.register(t);
    gvm.interp.kv.KvImpls.register(t);
    gvm.interp.mesh.MeshImpls.register(t);
    gvm.interp.linalg.LinalgImpls.register(t);
    gvm.interp.tosa.TosaImpls.register(t);
    return t;
  }
}
