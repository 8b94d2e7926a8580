package gvm.cuda.runtime;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * CUDA's compiler: {@code nvcc -cubin -arch=sm_XX} on one kernel source, the cubin cached under
 * {@code ~/.cache/gvm/cuda} by the SHA-256 of the nvcc version, the flags and the source.
 */
public final class Nvcc {
  private final Path exe;
  private final Path cache;
  private final String version;

  private Nvcc(Path exe, Path cache, String version) {
    this.exe = exe;
    this.cache = cache;
    this.version = version;
  }

  /**
   * nvcc from {@code $GVM_NVCC}, the {@code PATH} or {@code /usr/local/cuda/bin}.
   *
   * @throws CudaException (one line) when there is none
   */
  public static Nvcc find() {
    String home = System.getProperty("user.home");
    return find(Paths.get(System.getenv().getOrDefault("GVM_CACHE_DIR", home + "/.cache/gvm")).resolve("cuda"));
  }

  /** As {@link #find()}, caching cubins in {@code cache}. */
  public static Nvcc find(Path cache) {
    Path exe = locate();
    if (exe == null) throw new CudaException("nvcc not found (looked at $GVM_NVCC, the PATH and /usr/local/cuda/bin); install the CUDA toolkit or set GVM_NVCC");
    String version = run(List.of(exe.toString(), "--version"), null).output.trim();
    return new Nvcc(exe, cache, version);
  }

  /** Whether nvcc can be found (for tests that skip without it). */
  public static boolean available() { return locate() != null; }

  private static Path locate() {
    String env = System.getenv("GVM_NVCC");
    if (env != null && !env.isEmpty()) return Files.isExecutable(Paths.get(env)) ? Paths.get(env) : null;
    String path = System.getenv().getOrDefault("PATH", "");
    for (String dir : path.split(java.io.File.pathSeparator)) {
      if (dir.isEmpty()) continue;
      Path p = Paths.get(dir, "nvcc");
      if (Files.isExecutable(p)) return p;
    }
    Path p = Paths.get("/usr/local/cuda/bin/nvcc");
    return Files.isExecutable(p) ? p : null;
  }

  /**
   * The cubin of {@code source} for {@code arch} (e.g. {@code sm_90}).
   *
   * @throws CudaException with nvcc's message, naming the kernel and its group, when it fails
   */
  public byte[] compile(String kernel, String group, String source, String arch) {
    List<String> flags = List.of("-cubin", "-arch=" + arch, "-O3", "-std=c++17", "-diag-suppress=177");
    String key = sha256(version + "\n" + flags + "\n" + source);
    Path cubin = cache.resolve(key + ".cubin");
    try {
      if (Files.isRegularFile(cubin)) return Files.readAllBytes(cubin);
      Path dir = Files.createTempDirectory("gvm-nvcc");
      try {
        Path cu = dir.resolve(kernel + ".cu"), out = dir.resolve(kernel + ".cubin");
        Files.write(cu, source.getBytes(StandardCharsets.UTF_8));
        List<String> cmd = new ArrayList<>();
        cmd.add(exe.toString());
        cmd.addAll(flags);
        cmd.add("-o");
        cmd.add(out.toString());
        cmd.add(cu.toString());
        Result r = run(cmd, dir);
        if (r.status != 0 || !Files.isRegularFile(out))
          throw new CudaException("kernel '" + kernel + "' (from the op group at " + group + ") failed to compile with nvcc -arch=" + arch + ":\n" + r.output.trim());
        byte[] bytes = Files.readAllBytes(out);
        Files.createDirectories(cache);
        Path tmp = Files.createTempFile(cache, key, ".tmp");
        Files.write(tmp, bytes);
        Files.move(tmp, cubin, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        return bytes;
      } finally {
        deleteTree(dir);
      }
    } catch (IOException e) {
      throw new CudaException("cannot compile kernel '" + kernel + "': " + e.getMessage());
    }
  }

  private record Result(int status, String output) {}

  private static Result run(List<String> cmd, Path dir) {
    try {
      ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
      if (dir != null) pb.directory(dir.toFile());
      Process p = pb.start();
      byte[] out = p.getInputStream().readAllBytes();
      if (!p.waitFor(600, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new Result(-1, "nvcc timed out");
      }
      return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new CudaException("cannot run nvcc: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new CudaException("interrupted while running nvcc");
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var s = Files.walk(dir)) {
      for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) Files.deleteIfExists(p);
    }
  }

  private static String sha256(String s) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
      StringBuilder b = new StringBuilder();
      for (byte x : d) b.append(String.format("%02x", x));
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
