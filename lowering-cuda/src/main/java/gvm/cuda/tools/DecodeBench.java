package gvm.cuda.tools;

import gvm.cuda.codegen.WeightType;
import gvm.cuda.runtime.CudaDevice;
import gvm.cuda.runtime.CudaModel;
import gvm.cuda.runtime.CudaProgram;
import gvm.cuda.runtime.Nvcc;
import gvm.interp.Tensor;
import gvm.interp.Weights;
import gvm.ir.Operation;
import gvm.ir.types.FloatType;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.model.LlamaImporter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.IntStream;

/**
 * The decode/prefill benchmark of issue 10 (acceptance 3): a Llama of the given shape (default
 * TinyLlama-1.1B: d 2048, 22 layers, 32 heads, 4 kv heads, ffn 5632, vocab 32000) with random
 * weights from a fixed seed, imported as llama2.c's program, lowered with convert-gptvm-to-cuda
 * and run on GPU 0: batch-1 greedy decode of {@code --decode} tokens after a {@code --prompt}-token
 * prompt (CUDA-graph replays, no host round trip), and one prefill of {@code --prefill} tokens.
 * Prints ms/token, the bandwidth the weight reads reach and its fraction of the device's peak.
 *
 * <pre>
 * java -cp gvm-all.jar gvm.cuda.tools.DecodeBench [--dtype f16] [--prompt 128] [--decode 128] [--prefill 2048] [--runs 5]
 * </pre>
 */
public final class DecodeBench {
  private DecodeBench() {}

  public static void main(String[] args) {
    int dim = 2048, hidden = 5632, layers = 22, heads = 32, kvHeads = 4, vocab = 32000;
    int prompt = 128, decode = 128, prefill = 2048, runs = 5;
    long seed = 42;
    WeightType wt = WeightType.F16;
    for (int i = 0; i < args.length; i++) {
      String a = args[i], v = i + 1 < args.length ? args[i + 1] : "";
      switch (a) {
        case "--dim": dim = Integer.parseInt(v); i++; break;
        case "--hidden": hidden = Integer.parseInt(v); i++; break;
        case "--layers": layers = Integer.parseInt(v); i++; break;
        case "--heads": heads = Integer.parseInt(v); i++; break;
        case "--kv-heads": kvHeads = Integer.parseInt(v); i++; break;
        case "--vocab": vocab = Integer.parseInt(v); i++; break;
        case "--prompt": prompt = Integer.parseInt(v); i++; break;
        case "--decode": decode = Integer.parseInt(v); i++; break;
        case "--prefill": prefill = Integer.parseInt(v); i++; break;
        case "--runs": runs = Integer.parseInt(v); i++; break;
        case "--seed": seed = Long.parseLong(v); i++; break;
        case "--dtype": wt = WeightType.parse(v); i++; break;
        default: throw new IllegalArgumentException("unknown argument " + a);
      }
    }
    int seq = Math.max(prefill, prompt + decode);
    Llama2cCheckpoint.Config c = new Llama2cCheckpoint.Config(dim, hidden, layers, heads, kvHeads, vocab, seq, false);
    String text = LlamaImporter.importModel(c.model(), "random weights, seed " + seed);
    long t0 = System.nanoTime();
    Operation module = CudaModel.parseAndLower("bench.mlir", text.getBytes(StandardCharsets.ISO_8859_1), wt, 16);
    try (CudaDevice dev = CudaDevice.open()) {
      CudaProgram p = CudaProgram.load(dev, module, random(seed, module), Nvcc.find());
      System.out.printf(Locale.ROOT, "device: %s (%s); model: d=%d layers=%d heads=%d kv_heads=%d ffn=%d vocab=%d, %s weights %.3f GB; load %.1f s%n",
          dev.name(), dev.arch(), dim, layers, heads, kvHeads, hidden, vocab, wt.spelling(), p.weightBytes() / 1e9, (System.nanoTime() - t0) / 1e9);
      System.out.printf(Locale.ROOT, "launches: prefill %d, decode %d (one CUDA graph)%n", p.launches("prefill"), p.launches("decode"));
      int[] ids = GpuCheck.prompt(prompt, vocab);
      CudaProgram.DeviceCache cache = p.createCache();
      double[] perToken = new double[runs];
      for (int r = -1; r < runs; r++) { // run -1 warms up (graph capture, clocks)
        cache.reset();
        p.prefill(cache, ids, false);
        long s = System.nanoTime();
        p.decodeGreedy(cache, ids[prompt - 1], decode);
        if (r >= 0) perToken[r] = (System.nanoTime() - s) / 1e6 / decode;
      }
      Arrays.sort(perToken);
      double ms = perToken[runs / 2];
      double gbs = p.weightBytes() / (ms / 1e3) / 1e9;
      double peak = dev.peakBandwidth() > 0 ? dev.peakBandwidth() : knownPeak(dev.name());
      System.out.printf(Locale.ROOT, "decode: %d tokens after a %d-token prompt, batch 1: median %.3f ms/token (min %.3f, max %.3f over %d runs); "
          + "weights read at %.0f GB/s = %.1f%% of %.0f GB/s peak%n", decode, prompt, ms, perToken[0], perToken[runs - 1], runs, gbs, 100 * gbs * 1e9 / peak, peak / 1e9);
      int[] big = GpuCheck.prompt(prefill, vocab);
      double[] pre = new double[runs];
      for (int r = -1; r < runs; r++) {
        cache.reset();
        long s = System.nanoTime();
        p.prefill(cache, big, false);
        if (r >= 0) pre[r] = (System.nanoTime() - s) / 1e6;
      }
      Arrays.sort(pre);
      System.out.printf(Locale.ROOT, "prefill: %d tokens in median %.2f ms (min %.2f, max %.2f over %d runs), %.0f tokens/s%n", prefill, pre[runs / 2], pre[0],
          pre[runs - 1], runs, prefill / (pre[runs / 2] / 1e3));
      p.close();
    }
  }

  /** HBM peak of GPUs whose driver does not report memory clock and bus width. */
  private static double knownPeak(String name) {
    if (name.contains("H200")) return 4.8e12;
    if (name.contains("H100")) return name.contains("PCIe") ? 2.0e12 : 3.35e12;
    return Double.NaN;
  }

  /** Weights uniform with the variance of N(0, 0.02) from {@code seed} and the name (norm weights 1), shaped as {@code module}'s params. */
  static Weights random(long seed, Operation module) {
    java.util.Map<String, int[]> shapes = new java.util.HashMap<>();
    module.walkPreOrder(op -> {
      if (op.isA(gvm.dialect.gptvm.ir.WeightOps.ParamOp.DEF)) {
        long[] dims = ((gvm.ir.types.RankedTensorType) op.result(0).type()).shape().toArray();
        shapes.put(new gvm.dialect.gptvm.ir.WeightOps.ParamOp(op).name(), Arrays.stream(dims).mapToInt(d -> (int) d).toArray());
      }
    });
    return name -> {
      int[] shape = shapes.get(name);
      if (shape == null) return null;
      float[] data = new float[Tensor.size(shape)];
      if (shape.length == 1) {
        Arrays.fill(data, 1f);
      } else {
        long base = seed * 0x9E3779B97F4A7C15L ^ name.hashCode();
        float scale = (float) (0.02 * Math.sqrt(3) / (1L << 31));
        int chunk = 1 << 16;
        IntStream.range(0, (data.length + chunk - 1) / chunk).parallel().forEach(k -> {
          long x = base + k * 0xD1B54A32D192ED03L;
          for (int i = k * chunk, end = Math.min(data.length, i + chunk); i < end; i++) {
            x ^= x << 13; x ^= x >>> 7; x ^= x << 17; // xorshift64
            data[i] = (int) x * scale;
          }
        });
      }
      return Tensor.ofFloats(FloatType.F32, shape, data);
    };
  }
}
