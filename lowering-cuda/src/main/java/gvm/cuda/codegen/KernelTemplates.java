package gvm.cuda.codegen;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
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

  /** What a decode GEMV does with its dot products. */
  public enum Epilogue {
    /** {@code y_i = x · w_iᵀ} for each matrix. */
    NONE,
    /** {@code y = x · wᵀ + res} (one matrix). */
    RESIDUAL,
    /** {@code y = silu(x · w_gateᵀ) * (x · w_upᵀ)} (two matrices, one output). */
    SWIGLU
  }

  /** GEMV (decode) or GEMM (prefill) for {@code y = x · wᵀ (+ res)} with {@code w [n x k]}. */
  public static KernelSpec linear(WeightType wt, long n, long k, boolean residual, boolean decode) {
    if (decode) return gemv(wt, new long[] {n}, k, Double.NaN, residual ? Epilogue.RESIDUAL : Epilogue.NONE);
    String res = residual ? "_res" : "";
    boolean tensorCores = wt != WeightType.F32;
    String name = (tensorCores ? "gemm_wmma_" : "gemm_") + wt.spelling() + "_" + n + "x" + k + res;
    if (tensorCores && k % 32 == 0) { // the large-tile kernel needs whole k steps
      String src = fill("gemm_tc", wt, name, residualHoles(residual), "N", n, "K", k);
      return new KernelSpec(name, "gemm_wmma", src, new long[] {ceil(n, 128), 1, 1}, 256, 0, 128);
    }
    String src = fill(tensorCores ? "gemm_wmma" : "gemm_f32", wt, name, residualHoles(residual), "N", n, "K", k);
    return new KernelSpec(name, tensorCores ? "gemm_wmma" : "gemm", src, new long[] {ceil(n, 64), 1, 1}, tensorCores ? 128 : 256, 0, 64);
  }

  /**
   * The decode GEMV of one row against the matrices {@code w_i [ns[i] x k]} sharing the input,
   * the input RMS-normalised first (weight {@code g}, {@code eps}) unless {@code eps} is NaN.
   * Arguments: the outputs, then {@code x}, {@code g} (with a norm), the matrices, {@code res}
   * (residual). Split-K across the warps of a block when there are few output rows.
   */
  public static KernelSpec gemv(WeightType wt, long[] ns, long k, double eps, Epilogue epilogue) {
    boolean norm = !Double.isNaN(eps);
    int m = ns.length;
    if (epilogue == Epilogue.SWIGLU ? m != 2 || ns[0] != ns[1] : epilogue == Epilogue.RESIDUAL ? m != 1 : m < 1 || m > 3)
      throw new IllegalArgumentException("bad GEMV shape");
    long rows = epilogue == Epilogue.SWIGLU ? ns[0] : java.util.Arrays.stream(ns).sum();
    int vec = vectorWidth(wt, k);
    // Enough warps for the whole GPU: rows x split >= 4096 (a split of at most 8, each lane with work).
    int split = 1;
    while (split < 8 && rows * split < 4096 && k / vec / (split * 2) >= 32) split *= 2;
    StringBuilder name = new StringBuilder("gemv_").append(wt.spelling());
    for (long n : ns) name.append('_').append(n);
    name.append('x').append(k).append(norm ? "_norm" + suffix(eps, 1e-5) : "");
    name.append(epilogue == Epilogue.RESIDUAL ? "_res" : epilogue == Epilogue.SWIGLU ? "_swiglu" : "");
    List<String> params = new ArrayList<>();
    int outputs = epilogue == Epilogue.SWIGLU ? 1 : m;
    for (int i = 0; i < outputs; i++) params.add("float* __restrict__ y" + i);
    params.add("const float* __restrict__ x");
    if (norm) params.add("const float* __restrict__ g");
    for (int i = 0; i < m; i++) params.add("const wt* __restrict__ w" + i);
    if (epilogue == Epilogue.RESIDUAL) params.add("const float* __restrict__ res");
    String stage = norm
        ? "  float ss = 0.f;\n"
            + "  for (int i = threadIdx.x; i < K; i += blockDim.x) {\n    const float v = xr[i];\n    xs[i] = v;\n    ss += v * v;\n  }\n"
            + "  ss = block_reduce(ss, false);\n"
            + "  const float inv = 1.0f / sqrtf(ss / K + " + num(eps) + "f);\n"
            + "  for (int i = threadIdx.x; i < K; i += blockDim.x) xs[i] = g[i] * (inv * xs[i]);"
        : "  for (int i = threadIdx.x; i < K; i += blockDim.x) xs[i] = xr[i];";
    StringBuilder select = new StringBuilder();
    if (m == 1 || epilogue == Epilogue.SWIGLU) {
      select.append("  const wt* wrow = w0 + (size_t) n * K;\n");
      if (epilogue == Epilogue.SWIGLU) select.append("  const wt* wrow2 = w1 + (size_t) n * K;\n");
      select.append("  float* yout = y0 + (size_t) r * ROWS + n;");
    } else {
      select.append("  const wt* wrow;\n  float* yout;\n");
      long base = 0;
      for (int i = 0; i < m; i++) {
        String cond = i == 0 ? "  if (n < " + ns[0] + ") {" : i == m - 1 ? " else {" : " else if (n < " + (base + ns[i]) + ") {";
        select.append(cond).append("\n    wrow = w").append(i).append(" + (size_t) (n - ").append(base).append(") * K;\n    yout = y").append(i)
            .append(" + (size_t) r * ").append(ns[i]).append(" + (n - ").append(base).append(");\n  }");
        base += ns[i];
      }
    }
    String load = "      wvec wv;\n      wv.raw = __ldg(reinterpret_cast<const " + vectorType(vec * wt.bytes) + "*>(wrow) + c);\n";
    String dot = epilogue == Epilogue.SWIGLU
        ? load + "      wvec wu;\n      wu.raw = __ldg(reinterpret_cast<const " + vectorType(vec * wt.bytes) + "*>(wrow2) + c);\n#pragma unroll\n"
            + "      for (int i = 0; i < VEC; i++) {\n        const float xv = xs[c * VEC + i];\n        acc += to_float(wv.v[i]) * xv;\n"
            + "        acc2 += to_float(wu.v[i]) * xv;\n      }"
        : load + "#pragma unroll\n      for (int i = 0; i < VEC; i++) acc += to_float(wv.v[i]) * xs[c * VEC + i];";
    String store = epilogue == Epilogue.RESIDUAL ? "    *yout = acc + res[(size_t) r * ROWS + n];"
        : epilogue == Epilogue.SWIGLU ? "    *yout = acc / (1.0f + expf(-acc)) * acc2;" : "    *yout = acc;";
    String what = epilogue == Epilogue.SWIGLU ? "y0 = silu(x · w0ᵀ) * (x · w1ᵀ)"
        : epilogue == Epilogue.RESIDUAL ? "y0 = x · w0ᵀ + res" : m == 1 ? "y0 = x · w0ᵀ" : "y_i = x · w_iᵀ for each of " + m + " matrices stacked by rows";
    Map<String, String> holes = new java.util.HashMap<>();
    holes.put("PARAMS", String.join(", ", params));
    holes.put("STAGE", stage);
    holes.put("SELECT", select.toString());
    holes.put("DOT", dot);
    holes.put("STORE", store);
    holes.put("WHAT", what);
    holes.put("NORM_DOC", norm ? " of the RMS-normalised input (x / sqrt(mean(x^2) + " + num(eps) + ") * g)" : "");
    String src = fill("gemv", wt, name.toString(), holes, "K", k, "VEC", vec, "VBYTES", vec * wt.bytes, "VTYPE", vectorType(vec * wt.bytes),
        "SPLIT", split, "ROWS", rows);
    return new KernelSpec(name.toString(), "gemv", src, new long[] {ceil(rows, 8 / split), 1, 1}, 256, 0, 1);
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

  /** RoPE applied inside another kernel: rotated lanes, theta, pairing. */
  public record Rope(long rot, double theta, boolean interleaved) {
    String suffix(long headDim) {
      return "_rope" + (interleaved ? "i" : "h") + (rot != headDim ? "_rot" + rot : "") + KernelTemplates.suffix(theta, 10000.0);
    }

    String doc() { return " (rotated by RoPE: " + rot + " lanes, theta " + num(theta) + ", " + (interleaved ? "interleaved" : "rotate_half") + ")"; }

    /** The loop rotating {@code lanes + h * HD} for h below {@code heads} at position {@code pos}, pairs split over the block's threads. */
    String code(String lanes, String heads, String pos) {
      return "  for (int j = threadIdx.x; j < " + heads + " * " + (rot / 2) + "; j += blockDim.x) {\n"
          + "    float c, s;\n    int ia, ib;\n"
          + "    rope_pair(" + pos + ", j % " + (rot / 2) + ", " + rot + ", " + num(theta) + ", " + interleaved + ", &c, &s, &ia, &ib);\n"
          + "    float* pair = " + lanes + " + (j / " + (rot / 2) + ") * HD;\n"
          + "    const float a = pair[ia], b = pair[ib];\n    pair[ia] = a * c - b * s;\n    pair[ib] = a * s + b * c;\n  }\n";
    }
  }

  public static KernelSpec kvAppend(WeightType wt, Paging p) { return kvAppend(wt, p, null); }

  /** The append; with {@code rope}, the keys are rotated as they are stored (at their positions). */
  public static KernelSpec kvAppend(WeightType wt, Paging p, Rope rope) {
    String name = "kv_append_" + p.kvHeads + "x" + p.headDim + "_p" + p.page + "x" + p.pages + (rope == null ? "" : rope.suffix(p.headDim));
    String ropeK = rope == null ? "" : "  __syncthreads();\n" + rope.code("slot", "{{KVH}}", "t");
    String src = fill("kv_append", wt, name, Map.of("ROPE_K", ropeK, "ROPE_DOC", rope == null ? "" : rope.doc()), "KVH", p.kvHeads, "HD", p.headDim,
        "PAGE", p.page, "PAGES", p.pages);
    return new KernelSpec(name, "kv_append", src, new long[] {1, 1, 1}, 128, 0, 1);
  }

  public static KernelSpec kvAdvance(WeightType wt) {
    return new KernelSpec("kv_advance", "kv_advance", fill("kv_advance", wt, "kv_advance", Map.of()), new long[] {1, 1, 1}, 32, 0, 0);
  }

  /** Decode ({@code decode}) or flash-style prefill attention over the paged cache. */
  public static KernelSpec attention(WeightType wt, Paging p, long heads, double scale, long window, boolean decode) {
    return attention(wt, p, heads, scale, window, decode, null);
  }

  /** As {@link #attention(WeightType, Paging, long, double, long, boolean)}; decode with {@code rope} rotates the queries first. */
  public static KernelSpec attention(WeightType wt, Paging p, long heads, double scale, long window, boolean decode, Rope rope) {
    if (rope != null && !decode) throw new IllegalArgumentException("RoPE is fused into decode attention only");
    String kind = decode ? "attention_decode" : "attention_prefill";
    String name = kind + "_" + heads + "x" + p.kvHeads + "x" + p.headDim + "_p" + p.page + "x" + p.pages
        + suffix(scale, 1 / Math.sqrt(p.headDim)) + (window > 0 ? "_w" + window : "") + (rope == null ? "" : rope.suffix(p.headDim));
    Map<String, String> holes = new java.util.HashMap<>();
    holes.put("WINDOW_DOC", window > 0 ? " within a window of " + window : "");
    if (decode) {
      holes.put("ROPE_Q", rope == null ? "" : rope.code("qs", "1", "p") + "  __syncthreads();\n");
      holes.put("ROPE_DOC", rope == null ? "" : rope.doc());
    }
    String src = fill(kind, wt, name, holes, "H", heads, "KVH", p.kvHeads,
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

  private static Map<String, String> residualHoles(boolean residual) {
    if (!residual) return Map.of("RES_DOC", "", "RES_PARAM", "", "RES_ADD_AT", "");
    return Map.of("RES_DOC", " + res[r, n]", "RES_PARAM", ", const float* __restrict__ res", "RES_ADD_AT", " + res[at]");
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
  static String num(double v) { return Double.toString(v).replace('E', 'e'); }

  /** A name suffix when {@code v} differs from the usual value (kernels of different constants must not share a name). */
  static String suffix(double v, double usual) {
    if (v == usual) return "";
    return "_" + Long.toHexString(Double.doubleToLongBits(v));
  }
}
