package gvm.cuda.codegen;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gvm.cuda.Cuda;
import gvm.cuda.ir.KernelOp;
import gvm.cuda.runtime.CudaException;
import gvm.cuda.runtime.CudaModel;
import gvm.cuda.runtime.Nvcc;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.model.LlamaImporter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every kernel convert-gptvm-to-cuda emits for an imported model compiles on its own with {@code
 * nvcc -cubin -arch=sm_90} (skipped without nvcc; no GPU needed). All fp16 kernels are compiled
 * (one of each kind and shape); for fp32 and bf16 the embedding and the linears of one shape (the
 * other kernels differ from their fp16 twins only in an unused typedef), and the attention at
 * pages of 256.
 */
class KernelCompileTest {
  @TempDir Path cache;

  /** Its down projection (k = 4100) is split-K with 8-byte loads, the others use 16-byte loads. */
  private static final Llama2cCheckpoint.Config[] CONFIGS = {new Llama2cCheckpoint.Config(256, 4100, 1, 4, 2, 1000, 300, false)};

  private static Map<String, KernelOp> kernels(WeightType wt, int page) {
    Map<String, KernelOp> ks = new LinkedHashMap<>();
    for (Llama2cCheckpoint.Config c : CONFIGS) {
      String text = LlamaImporter.importModel(c.model(), "test");
      for (KernelOp k : Cuda.kernels(CudaModel.parseAndLower("m.mlir", text.getBytes(StandardCharsets.ISO_8859_1), wt, page))) ks.put(k.symName(), k);
    }
    return ks;
  }

  @Test void everyKernelCompilesForSm90() throws Exception {
    assumeTrue(Nvcc.available(), "nvcc is not installed");
    Nvcc nvcc = Nvcc.find(cache);
    List<String[]> sources = new ArrayList<>();
    for (KernelOp k : kernels(WeightType.F16, 16).values()) sources.add(new String[] {k.symName(), k.group(), k.source()});
    for (WeightType wt : new WeightType[] {WeightType.F32, WeightType.BF16})
      for (KernelOp k : kernels(wt, 256).values())
        if (k.symName().startsWith("embedding") || k.symName().contains(wt.spelling() + "_256x256") || k.symName().contains("p256")) sources.add(new String[] {k.symName(), k.group(), k.source()});
    for (WeightType wt : WeightType.values()) {
      KernelSpec convert = KernelTemplates.convert(wt);
      sources.add(new String[] {convert.name(), "weights", convert.source()});
    }
    List<String> kinds = new ArrayList<>();
    for (KernelOp k : kernels(WeightType.F16, 16).values()) if (!kinds.contains(k.kind())) kinds.add(k.kind());
    assertTrue(kinds.containsAll(List.of("embedding", "rms_norm", "gemm_wmma", "gemv", "rope", "kv_append", "attention_prefill", "attention_decode",
        "silu_mul", "kv_advance", "argmax")), kinds.toString());
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      List<Future<byte[]>> cubins = new ArrayList<>();
      for (String[] s : sources) cubins.add(pool.submit(() -> nvcc.compile(s[0], s[1], s[2], "sm_90")));
      for (int i = 0; i < sources.size(); i++) {
        byte[] cubin = cubins.get(i).get();
        assertTrue(cubin.length > 4 && cubin[0] == 0x7f && cubin[1] == 'E' && cubin[2] == 'L' && cubin[3] == 'F', sources.get(i)[0] + " is not an ELF cubin");
      }
    } finally {
      pool.shutdownNow();
    }
    assertTrue(sources.size() > 30, "compiled " + sources.size() + " kernels");
  }

  @Test void aKernelThatFailsToCompileNamesItsGroupAndGivesNvccsMessage() {
    assumeTrue(Nvcc.available(), "nvcc is not installed");
    Nvcc nvcc = Nvcc.find(cache);
    String src = "extern \"C\" __global__ void broken(float* y) { y[0] = undeclared_name; }\n";
    CudaException e = org.junit.jupiter.api.Assertions.assertThrows(CudaException.class,
        () -> nvcc.compile("broken", "model.layers.3.mlp", src, "sm_90"));
    String m = e.getMessage();
    assertTrue(m.startsWith("kernel 'broken' (from the op group at model.layers.3.mlp) failed to compile with nvcc -arch=sm_90:\n"), m);
    assertTrue(m.contains("error: identifier \"undeclared_name\" is undefined"), m);
  }

  @Test void compiledKernelsAreCachedBySourceHash() throws Exception {
    assumeTrue(Nvcc.available(), "nvcc is not installed");
    Nvcc nvcc = Nvcc.find(cache);
    KernelSpec k = KernelTemplates.kvAdvance(WeightType.F16);
    byte[] first = nvcc.compile(k.name(), "g", k.source(), "sm_90");
    assertEquals(1, java.nio.file.Files.list(cache).count());
    byte[] again = nvcc.compile(k.name(), "g", k.source(), "sm_90");
    assertTrue(java.util.Arrays.equals(first, again));
    assertEquals(1, java.nio.file.Files.list(cache).count());
  }
}
