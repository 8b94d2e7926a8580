package gvm.cuda.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The CUDA C++ kernels gvm emits, one readable template per kind under {@code
 * src/main/resources/gvm/cuda/} with {@code {{KEY}}} holes; each method fills one in (sizes are
 * compile-time constants) and prefixes the shared prelude, so every source compiles on its own.
 */
public final class KernelTemplates {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private KernelTemplates() {}

  /** GEMV (decode) or GEMM (prefill) for {@code y = x · wᵀ (+ res)} with {@code w [n x k]}. */
  public static KernelSpec linear(WeightType wt, long n, long k, boolean residual, boolean decode) {
    String res = residual ? "_res" : "";
    if (decode) {
      int vec = vectorWidth(wt, k);
      int split = k >= 4096 ? 4 : k >= 2048 ? 2 : 1;
      String name = "gemv_" + wt.spelling() + "_" + n + "x" + k + res;
      String src = fill("gemv", wt, name, residualHoles(residual, "n"), "N", n, "K", k, "VEC", vec, "VBYTES", vec * wt.bytes,
          "VTYPE", vectorType(vec * wt.bytes), "SPLIT", split);
      return new KernelSpec(name, "gemv", src, new long[] {ceil(n, 8 / split), 1, 1}, 256, 0, 1);
    }
    boolean tensorCores = wt != WeightType.F32;
    String name = (tensorCores ? "gemm_wmma_" : "gemm_") + wt.spelling() + "_" + n + "x" + k + res;
    String src = fill(tensorCores ? "gemm_wmma" : "gemm_f32", wt, name, residualHoles(residual, null), "N", n, "K", k);
    return new KernelSpec(name, tensorCores ? "gemm_wmma" : "gemm", src, new long[] {ceil(n, 64), 1, 1}, tensorCores ? 128 : 256, 0, 64);
  }

  public static KernelSpec rmsNorm(WeightType wt, long d, double eps) {
    String name = "rms_norm_" + d + suffix(eps, 1e-5);
    return new KernelSpec(name, "rms_norm", fill("rms_norm", wt, name, Map.of(), "D", d, "EPS", num(eps)), new long[] {1, 1, 1}, 256, 0, 1);
  }

  public static KernelSpec rope(WeightType wt, long heads, long headDim, long rot, double theta, boolean interleaved) {
    String name = "rope_" + (interleaved ? "interleaved_" : "rotate_half_") + heads + "x" + headDim + (rot != headDim ? "_rot" + rot : "")
        + suffix(theta, 10000.0);
    String src = fill("rope", wt, name, Map.of(), "H", heads, "HD", headDim, "ROT", rot, "THETA", num(theta), "INTERLEAVED", interleaved,
        "LAYOUT", interleaved ? "interleaved: (2i, 2i+1)" : "rotate_half: (i, i + ROT/2)");
    return new KernelSpec(name, "rope", src, new long[] {heads, 1, 1}, 64, 0, 1);
  }

  /** Elementwise kernels: {@code add}, {@code mul}, {@code silu} and the fused {@code silu_mul}. */
  public static KernelSpec elementwise(WeightType wt, String what, long d) {
    String expr, params, loads;
    switch (what) {
      case "add": expr = "a + b"; break;
      case "mul": expr = "a * b"; break;
      case "silu": expr = "a / (1.0f + expf(-a))"; break;
      case "silu_mul": expr = "a / (1.0f + expf(-a)) * b"; break;
      default: throw new IllegalArgumentException(what);
    }
    boolean binary = !what.equals("silu");
    params = binary ? "const float* __restrict__ x0, const float* __restrict__ x1" : "const float* __restrict__ x0";
    loads = binary ? "const float a = x0[at], b = x1[at];" : "const float a = x0[at];";
    String name = what + "_" + d;
    String src = fill("elementwise", wt, name, Map.of("PARAMS", params, "LOADS", loads, "EXPR", expr), "D", d, "WHAT", what);
    return new KernelSpec(name, what, src, new long[] {ceil(d, 256), 1, 1}, 256, 0, 1);
  }

  public static KernelSpec embedding(WeightType wt, long vocab, long d) {
    String name = "embedding_" + wt.spelling() + "_" + vocab + "x" + d;
    return new KernelSpec(name, "embedding", fill("embedding", wt, name, Map.of(), "V", vocab, "D", d), new long[] {1, 1, 1}, 256, 0, 1);
  }

  public static KernelSpec argmax(WeightType wt, long vocab) {
    String name = "argmax_" + vocab;
    return new KernelSpec(name, "argmax", fill("argmax", wt, name, Map.of(), "V", vocab), new long[] {1, 1, 1}, 1024, 0, 1);
  }

  /** The paged cache's geometry: kv heads, head size, slots per page and pages per layer. */
  public record Paging(long kvHeads, long headDim, long page, long pages) {}

  public static KernelSpec kvAppend(WeightType wt, Paging p) {
    String name = "kv_append_" + p.kvHeads + "x" + p.headDim + "_p" + p.page + "x" + p.pages;
    String src = fill("kv_append", wt, name, Map.of(), "KVH", p.kvHeads, "HD", p.headDim, "PAGE", p.page, "PAGES", p.pages);
    return new KernelSpec(name, "kv_append", src, new long[] {1, 1, 1}, 128, 0, 1);
  }

  public static KernelSpec kvAdvance(WeightType wt) {
    return new KernelSpec("kv_advance", "kv_advance", fill("kv_advance", wt, "kv_advance", Map.of()), new long[] {1, 1, 1}, 32, 0, 0);
  }

  /** Decode ({@code decode}) or flash-style prefill attention over the paged cache. */
  public static KernelSpec attention(WeightType wt, Paging p, long heads, double scale, long window, boolean decode) {
    String kind = decode ? "attention_decode" : "attention_prefill";
    String name = kind + "_" + heads + "x" + p.kvHeads + "x" + p.headDim + "_p" + p.page + "x" + p.pages
        + suffix(scale, 1 / Math.sqrt(p.headDim)) + (window > 0 ? "_w" + window : "");
    String src = fill(kind, wt, name, Map.of("WINDOW_DOC", window > 0 ? " within a window of " + window : ""), "H", heads, "KVH", p.kvHeads,
        "HD", p.headDim, "GROUP", heads / p.kvHeads, "PAGE", p.page, "PAGES", p.pages, "SCALE", num(scale), "WINDOW", window,
        "CAP", p.page * p.pages);
    return decode ? new KernelSpec(name, kind, src, new long[] {heads, 1, 1}, 256, (int) (4 * p.page * p.pages), 1)
        : new KernelSpec(name, kind, src, new long[] {heads, 1, 1}, 128, 0, 16);
  }

  /** The runtime's weight conversion {@code convert_f32_to_<wt>(wt* dst, const float* src, long long n)} (not a launch-convention kernel). */
  public static KernelSpec convert(WeightType wt) {
    String name = "convert_f32_to_" + wt.spelling();
    return new KernelSpec(name, "convert", fill("convert", wt, name, Map.of()), new long[] {1024, 1, 1}, 256, 0, 0);
  }

  // ---- filling the templates

  private static Map<String, String> residualHoles(boolean residual, String gemvIndex) {
    if (!residual) return Map.of("RES_DOC", "", "RES_PARAM", "", "RES_ADD", "", "RES_ADD_AT", "");
    return Map.of("RES_DOC", " + res[r, n]", "RES_PARAM", ", const float* __restrict__ res",
        "RES_ADD", " + res[(size_t) r * N + " + (gemvIndex == null ? "n" : gemvIndex) + "]", "RES_ADD_AT", " + res[at]");
  }

  /** Fills template {@code kind}: the prelude, {@code NAME}, the weight type, {@code holes}, then the key/value pairs. */
  private static String fill(String kind, WeightType wt, String name, Map<String, String> holes, Object... kv) {
    String src = resource("prelude.cuh") + "\n" + resource(kind + ".cu");
    src = src.replace("{{NAME}}", name).replace("{{WTYPE}}", wt.cType).replace("{{TO_WT}}", wt.fromFloat);
    for (Map.Entry<String, String> e : holes.entrySet()) src = src.replace("{{" + e.getKey() + "}}", e.getValue());
    for (int i = 0; i < kv.length; i += 2) src = src.replace("{{" + kv[i] + "}}", String.valueOf(kv[i + 1]));
    int open = src.indexOf("{{");
    if (open >= 0) throw new IllegalStateException("template " + kind + " has an unfilled hole " + src.substring(open, src.indexOf("}}", open) + 2));
    return src;
  }

  private static String resource(String file) {
    return CACHE.computeIfAbsent(file, f -> {
      try (InputStream in = KernelTemplates.class.getResourceAsStream("/gvm/cuda/" + f)) {
        if (in == null) throw new IllegalStateException("missing kernel template " + f);
        return new String(in.readAllBytes(), StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Elements per 16-byte load, halved until it divides a row of {@code k} (rows stay aligned). */
  private static int vectorWidth(WeightType wt, long k) {
    int vec = 16 / wt.bytes;
    while (vec > 1 && k % vec != 0) vec /= 2;
    return vec;
  }

  private static String vectorType(int bytes) {
    switch (bytes) {
      case 16: return "uint4";
      case 8: return "uint2";
      case 4: return "unsigned int";
      default: return "unsigned short";
    }
  }

  private static long ceil(long a, long b) { return (a + b - 1) / b; }

  /** A C double literal that reads back exactly (Java's shortest round-trip digits). */
  private static String num(double v) { return Double.toString(v).replace('E', 'e'); }

  /** A name suffix when {@code v} differs from the usual value (kernels of different constants must not share a name). */
  private static String suffix(double v, double usual) {
    if (v == usual) return "";
    return "_" + Long.toHexString(Double.doubleToLongBits(v));
  }
}
