package gvm.cuda.runtime;

import gvm.cuda.Cuda;
import gvm.cuda.codegen.ConvertGptvmToCudaPass;
import gvm.cuda.codegen.WeightType;
import gvm.dialect.Dialects;
import gvm.interp.InterpreterException;
import gvm.interp.Programs;
import gvm.interp.Tensor;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
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
 * {@code convert-gptvm-to-cuda} (unless it already is) and loaded as a {@link CudaProgram}. As a
 * {@link Generation.Program} it answers {@code @create_cache}, {@code @prefill} and {@code
 * @decode} with the interpreter's values (tensors; the cache is a device cache); {@link
 * #prefill(int[])} and {@link #decode(int)} run them on one cache of its own.
 */
public final class CudaModel implements Generation.Program, AutoCloseable {
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

  /** {@code @prefill} of {@code ids} on the model's own cache: the logits of each, row-major. */
  public float[] prefill(int[] ids) { return program.prefill(cache, ids, true); }

  /** {@code @decode} of {@code token} on the model's own cache: its logits. */
  public float[] decode(int token) { return program.decode(cache, token); }

  @Override public Object[] call(String fn, Object... args) {
    switch (fn) {
      case "create_cache":
        return new Object[] {program.createCache()};
      case "prefill": {
        int[] ids = ints((Tensor) args[0]);
        CudaProgram.DeviceCache c = (CudaProgram.DeviceCache) args[1];
        float[] logits = program.prefill(c, ids, true);
        return new Object[] {Tensor.ofFloats(FloatType.F32, new int[] {ids.length, logits.length / ids.length}, logits), c};
      }
      case "decode": {
        CudaProgram.DeviceCache c = (CudaProgram.DeviceCache) args[1];
        float[] logits = program.decode(c, ints((Tensor) args[0])[0]);
        Tensor next = Tensor.ofInts(IntegerType.I32, new int[] {1}, new long[] {program.lastToken()});
        return new Object[] {Tensor.ofFloats(FloatType.F32, new int[] {1, logits.length}, logits), next, c};
      }
      default:
        throw new CudaException("the GPU program runs @create_cache, @prefill and @decode, not @" + fn);
    }
  }

  private static int[] ints(Tensor t) {
    long[] l = t.intArray();
    int[] r = new int[l.length];
    for (int i = 0; i < l.length; i++) r[i] = (int) l[i];
    return r;
  }

  @Override public void close() {
    program.close();
    device.close();
  }
}
