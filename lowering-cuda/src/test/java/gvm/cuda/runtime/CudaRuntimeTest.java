package gvm.cuda.runtime;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gvm.cuda.codegen.WeightType;
import gvm.cuda.tools.GpuCheck;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.model.LlamaImporter;
import gvm.llama2c.RandomCheckpoint;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runtime on a GPU against the interpreter (skipped without one), and its one-line failure without one. */
class CudaRuntimeTest {
  @TempDir Path dir;

  @Test void withoutAGpuOpeningFailsInOneLine() {
    assumeFalse(CudaDevice.available(), "a GPU is present");
    CudaException e = assertThrows(CudaException.class, CudaDevice::open);
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    assertTrue(e.getMessage().startsWith("no CUDA"), e.getMessage());
  }

  @Test void matchesTheInterpreterOnATinyModel() throws Exception {
    assumeTrue(CudaDevice.available() && Nvcc.available(), "no GPU or no nvcc");
    Path ckptPath = RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 3, 8, 4, 512, 128, true, 7);
    Llama2cCheckpoint ckpt = Llama2cCheckpoint.open(ckptPath);
    String text = LlamaImporter.importModel(ckpt.config(), "tiny.bin");
    int[] prompt = GpuCheck.prompt(40, 512);
    GpuCheck.Reference ref = GpuCheck.reference(text, ckpt, prompt, 104);
    for (Object[] c : new Object[][] {{WeightType.F32, 16}, {WeightType.F32, 256}, {WeightType.F16, 16}, {WeightType.BF16, 256}}) {
      GpuCheck.Outcome o = GpuCheck.check("tiny", text, ckpt, prompt, ref, (WeightType) c[0], (Integer) c[1]);
      assertTrue(o.pass(), o.toString());
    }
  }
}
