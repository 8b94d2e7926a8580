package gvm.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import gvm.cuda.runtime.CudaDevice;
import gvm.cuda.runtime.Nvcc;
import gvm.tools.translate.GvmTranslate;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gvm-run --device cuda: one-line errors without a GPU, the interpreter's greedy ids with one (skipped without). */
class GvmRunCudaTest {
  private static final Path MINI = Path.of("../interpreter/src/test/resources/llama2c/mini.bin");

  @TempDir Path dir;

  private record Result(int rc, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int rc = GvmRun.run(args, new PrintStream(out, true), new PrintStream(err, true));
    return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path imported() {
    Path mlir = dir.resolve("mini.mlir");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = GvmTranslate.run(new String[] {"--import-llama2c", MINI.toString(), "-o", mlir.toString()}, new PrintStream(new ByteArrayOutputStream()), new PrintStream(err));
    assertEquals(0, rc, err.toString(StandardCharsets.UTF_8));
    return mlir;
  }

  @Test void withoutAGpuTheErrorIsOneLine() {
    assumeFalse(CudaDevice.available(), "a GPU is present");
    Result r = run(imported().toString(), "--weights", MINI.toString(), "--device", "cuda", "--steps", "4", "--temperature", "0");
    assertEquals(1, r.rc());
    assertTrue(r.err().matches("gvm-run: error: no CUDA [^\n]*\n"), r.err());
  }

  @Test void badDeviceAndWeightTypeAreOneLineErrors() {
    Result r = run(imported().toString(), "--weights", MINI.toString(), "--device", "tpu");
    assertEquals("gvm-run: error: --device must be cpu or cuda, not 'tpu'\n", r.err());
    r = run(imported().toString(), "--weights", MINI.toString(), "--device", "cuda", "--weight-dtype", "f8");
    assertEquals("gvm-run: error: --weight-dtype must be f32, f16 or bf16, not 'f8'\n", r.err());
  }

  @Test void greedyIdsEqualTheInterpreters() {
    assumeTrue(CudaDevice.available() && Nvcc.available(), "no GPU or no nvcc");
    String model = imported().toString();
    Result cpu = run(model, "--weights", MINI.toString(), "--prompt-ids", "1,7,9", "--steps", "32", "--temperature", "0", "--emit-ids");
    Result gpu = run(model, "--weights", MINI.toString(), "--prompt-ids", "1,7,9", "--steps", "32", "--temperature", "0", "--emit-ids", "--device", "cuda",
        "--weight-dtype", "f32");
    assertEquals(0, gpu.rc(), gpu.err());
    assertEquals(cpu.out(), gpu.out());
  }
}
