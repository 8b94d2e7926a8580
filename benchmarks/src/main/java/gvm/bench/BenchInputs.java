package gvm.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Inputs made by {@code benchmarks/gen-mlir.py}, cached under {@code benchmarks/out/}. */
final class BenchInputs {
  private BenchInputs() {}

  /** The repository root: {@code -Dgvm.root}, else the first ancestor of the working directory holding the generator. */
  static Path root() {
    String r = System.getProperty("gvm.root");
    if (r != null) return Path.of(r);
    for (Path p = Path.of("").toAbsolutePath(); p != null; p = p.getParent())
      if (Files.exists(p.resolve("benchmarks/gen-mlir.py"))) return p;
    throw new IllegalStateException("cannot find benchmarks/gen-mlir.py above " + Path.of("").toAbsolutePath() + "; pass -Dgvm.root=REPO");
  }

  /** {@code benchmarks/out/bench-<N>mb-s1[-nomesh].mlir}, generated when missing. */
  static Path generated(int sizeMb, boolean noMesh) throws IOException, InterruptedException {
    Path root = root();
    Path out = root.resolve("benchmarks/out/bench-" + sizeMb + "mb-s1" + (noMesh ? "-nomesh" : "") + ".mlir");
    if (Files.exists(out)) return out;
    Files.createDirectories(out.getParent());
    List<String> cmd = new ArrayList<>(List.of("python3", root.resolve("benchmarks/gen-mlir.py").toString(),
        "--size-mb", Integer.toString(sizeMb), "--seed", "1", "--out", out.toString()));
    if (noMesh) cmd.add("--no-mesh");
    int rc = new ProcessBuilder(cmd).inheritIO().start().waitFor();
    if (rc != 0) throw new IOException("gen-mlir.py failed with exit status " + rc);
    return out;
  }
}
