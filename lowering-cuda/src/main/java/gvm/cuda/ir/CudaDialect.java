package gvm.cuda.ir;

import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.List;

/**
 * The {@code cuda} dialect: what {@code convert-gptvm-to-cuda} lowers a gptvm program into. A
 * {@code cuda.kernel} symbol holds one CUDA C++ kernel emitted by gvm (its source as a string,
 * compilable on its own with {@code nvcc -cubin}); a {@code cuda.launch} runs it on the step's
 * buffers with a launch configuration. Host-side ops that stay around the launches ({@code
 * gptvm.param}: a weight uploaded once; {@code gptvm.reshape}: a view of the same buffer; {@code
 * kv.create}: the device cache) are run by the runtime ({@code gvm.cuda.runtime}).
 *
 * <p>Launch convention (every kernel): its pointer arguments are the launch's tensor results, then
 * its tensor operands, in order ({@code !kv.cache} operands pass the page pool and the page table,
 * cache results pass nothing: the cache is updated in place); then {@code int rows} (the tokens of
 * the step), {@code const int* state} ({@code state[0]}: the cache length before the step) and
 * {@code int imm} (the launch's {@code imm}, e.g. the layer).
 */
public final class CudaDialect extends Dialect {
  public CudaDialect() { super("cuda"); }

  @Override public List<OpDef> ops() { return List.of(KernelOp.DEF, LaunchOp.DEF); }

  @Override public List<String> dependentDialects() { return List.of("gptvm", "kv", "tensor"); }

  /** Registers the dialect in {@code ctx} (kept if already there). */
  public static void register(Context ctx) { ctx.register(new CudaDialect()); }
}
