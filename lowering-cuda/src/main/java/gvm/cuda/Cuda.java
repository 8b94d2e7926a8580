package gvm.cuda;

import gvm.cuda.codegen.ConvertGptvmToCudaPass;
import gvm.cuda.ir.CudaDialect;
import gvm.cuda.ir.KernelOp;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.pass.PassRegistry;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The entry points of lowering-cuda for the tools: registration and {@code --dump-cuda}. */
public final class Cuda {
  private static boolean registered;

  private Cuda() {}

  /** Registers {@code convert-gptvm-to-cuda}; idempotent and thread-safe. */
  public static synchronized void registerPasses() {
    if (registered) return;
    registered = true;
    PassRegistry.register(ConvertGptvmToCudaPass::new);
  }

  /** Registers the {@code cuda} dialect in {@code ctx}. */
  public static void registerDialect(Context ctx) { CudaDialect.register(ctx); }

  /** The {@code cuda.kernel} ops directly in {@code module}, in order. */
  public static List<KernelOp> kernels(Operation module) {
    List<KernelOp> ks = new ArrayList<>();
    if (module.numRegions() == 0 || module.region(0).blocks().isEmpty()) return ks;
    for (Operation op : module.region(0).front()) if (op.isA(KernelOp.DEF)) ks.add(new KernelOp(op));
    return ks;
  }

  /** Writes each kernel of {@code module} to {@code dir/<name>.cu} (creating {@code dir}); returns the files. */
  public static List<Path> dumpKernels(Operation module, Path dir) throws IOException {
    Files.createDirectories(dir);
    List<Path> files = new ArrayList<>();
    for (KernelOp k : kernels(module)) {
      Path f = dir.resolve(k.symName() + ".cu");
      Files.write(f, k.source().getBytes(StandardCharsets.UTF_8));
      files.add(f);
    }
    return files;
  }
}
