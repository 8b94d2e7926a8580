package gvm.cuda.runtime;

import gvm.cuda.Cuda;
import gvm.cuda.codegen.ConvertGptvmToCudaPass;
import gvm.cuda.codegen.WeightType;
import gvm.dialect.Dialects;
import gvm.interp.InterpreterException;
import gvm.interp.Programs;
import gvm.interp.Weights;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.llama2c.Generation;
import gvm.pass.PassManager;
import java.util.ArrayList;
import java.util.List;

/**
 * A gptvm model program on the GPU, as {@code gvm-run --device cuda} runs it: parsed, lowered with
 * {@code convert-gptvm-to-cuda} (unless it already is), loaded as a {@link CudaProgram} with one
 * kv cache; its {@link Generation.Steps} are llama2.c's prefill and decode.
 */
public final class CudaModel implements Generation.Steps, AutoCloseable {
  private final CudaDevice device;
  private final CudaProgram program;
  private final CudaProgram.DeviceCache cache;

  private CudaModel(CudaDevice device, CudaProgram program) {
    this.device = device;
    this.program = program;
    this.cache = program.createCache();
  }

  /** A context with every dialect, {@code cuda} included. */
  public static Context newContext() {
    Context ctx = Dialects.newContext();
    Cuda.registerDialect(ctx);
    return ctx;
  }

  /**
   * Parses {@code text} (named {@code name} in locations) and lowers it unless it is lowered.
   *
   * @throws InterpreterException at the failing op when parsing or lowering fails
   */
  public static Operation parseAndLower(String name, byte[] text, WeightType weights, int pageSize) {
    Context ctx = newContext();
    Operation module = Programs.parse(ctx, name, text, null);
    if (module.attr("cuda.weight_dtype") != null) return module;
    ConvertGptvmToCudaPass pass = new ConvertGptvmToCudaPass();
    pass.option("weight-dtype").parse(weights.spelling());
    pass.option("page-size").parse(Integer.toString(pageSize));
    PassManager pm = new PassManager("builtin.module");
    pm.addPass(pass);
    List<Diagnostic> errors = new ArrayList<>();
    if (!pm.run(module, ctx, d -> {
      if (d.severity() == Diagnostic.Severity.ERROR) errors.add(d);
    })) {
      Diagnostic d = errors.isEmpty() ? null : errors.get(0);
      throw new InterpreterException(d == null ? module.loc() : d.loc(), d == null ? "convert-gptvm-to-cuda failed" : d.message());
    }
    return module;
  }

  /**
   * Opens the GPU, compiles and loads {@code module} (lowered) with {@code weights}.
   *
   * @throws CudaException (one line) without a GPU or nvcc; with nvcc's message when a kernel fails to compile
   */
  public static CudaModel open(Operation module, Weights weights) {
    CudaDevice dev = CudaDevice.open();
    try {
      Nvcc nvcc = Nvcc.find();
      return new CudaModel(dev, CudaProgram.load(dev, module, weights, nvcc));
    } catch (RuntimeException e) {
      dev.close();
      throw e;
    }
  }

  public CudaProgram program() { return program; }

  public CudaDevice device() { return device; }

  @Override public float[] prefill(int[] ids) { return program.prefill(cache, ids, true); }

  @Override public float[] decode(int token) { return program.decode(cache, token); }

  @Override public void close() {
    program.close();
    device.close();
  }
}
