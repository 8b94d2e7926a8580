package gvm.cuda.runtime;

import static jcuda.driver.JCudaDriver.*;

import gvm.cuda.Cuda;
import gvm.cuda.codegen.KernelSpec;
import gvm.cuda.codegen.KernelTemplates;
import gvm.cuda.codegen.WeightType;
import gvm.cuda.ir.KernelOp;
import gvm.cuda.ir.LaunchOp;
import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.gptvm.ir.WeightOps;
import gvm.dialect.kv.ir.KvCacheType;
import gvm.interp.Tensor;
import gvm.interp.Weights;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.StringAttr;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import jcuda.Pointer;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUfunction;
import jcuda.driver.CUfunction_attribute;
import jcuda.driver.CUgraph;
import jcuda.driver.CUgraphExec;
import jcuda.driver.CUmodule;
import jcuda.driver.CUstreamCaptureMode;

/**
 * A module lowered by {@code convert-gptvm-to-cuda}, loaded on a {@link CudaDevice}: its kernels
 * compiled (nvcc, cached) and loaded with {@code cuModuleLoadData}, its {@code gptvm.param}
 * weights uploaded once (2-D ones converted to the module's weight type on the device), and a
 * plan per function: the launches in order over buffers allocated once (a buffer is reused after
 * its value's last use). Every launch of a call is queued on the device's stream with no host
 * round trip; {@link #decode} captures its function once into a CUDA graph and replays it, the
 * greedy token of a step feeding the next step on the device.
 */
public final class CudaProgram implements AutoCloseable {
  private final CudaDevice dev;
  private final WeightType weightType;
  private final int pageSize;
  private final Map<String, CUfunction> kernels = new HashMap<>();
  private final Map<String, CUdeviceptr> weights = new HashMap<>();
  private final Map<String, Plan> plans = new HashMap<>();
  private final List<CUmodule> modules = new ArrayList<>();
  private KvCacheType cacheType;
  private long weightBytes;

  private CudaProgram(CudaDevice dev, WeightType weightType, int pageSize) {
    this.dev = dev;
    this.weightType = weightType;
    this.pageSize = pageSize;
  }

  /**
   * Loads {@code module} (lowered) with its weights from {@code source}.
   *
   * @throws CudaException when a kernel fails to compile, a weight is missing, or the module is not lowered
   */
  public static CudaProgram load(CudaDevice dev, Operation module, Weights source, Nvcc nvcc) {
    if (!(module.attr("cuda.weight_dtype") instanceof StringAttr dt) || !(module.attr("cuda.page_size") instanceof IntegerAttr ps))
      throw new CudaException("the module is not lowered to CUDA (run convert-gptvm-to-cuda first)");
    CudaProgram p = new CudaProgram(dev, WeightType.parse(dt.value()), (int) ps.value());
    p.compile(module, nvcc);
    p.uploadWeights(module, source);
    for (Operation op : module.region(0).front())
      if (op.isA(FuncOp.DEF)) p.plan(op);
    return p;
  }

  public CudaDevice device() { return dev; }

  /** Bytes of weights on the device (each read once per decode step). */
  public long weightBytes() { return weightBytes; }

  // ---- kernels

  private void compile(Operation module, Nvcc nvcc) {
    List<KernelOp> ks = Cuda.kernels(module);
    KernelSpec convert = KernelTemplates.convert(weightType);
    List<String[]> sources = new ArrayList<>();
    for (KernelOp k : ks) sources.add(new String[] {k.symName(), k.group(), k.source()});
    sources.add(new String[] {convert.name(), "the runtime's weight upload", convert.source()});
    int threads = Math.max(1, Math.min(8, Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<byte[]>> cubins = new ArrayList<>();
      for (String[] s : sources) cubins.add(pool.submit(() -> nvcc.compile(s[0], s[1], s[2], dev.arch())));
      for (int i = 0; i < sources.size(); i++) {
        byte[] cubin;
        try {
          cubin = cubins.get(i).get();
        } catch (java.util.concurrent.ExecutionException e) {
          if (e.getCause() instanceof CudaException c) throw c;
          throw new CudaException("cannot compile kernel '" + sources.get(i)[0] + "': " + e.getCause());
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new CudaException("interrupted while compiling kernels");
        }
        CUmodule m = new CUmodule();
        CudaDevice.check(cuModuleLoadData(m, cubin), "cuModuleLoadData of kernel '" + sources.get(i)[0] + "'");
        modules.add(m);
        CUfunction f = new CUfunction();
        CudaDevice.check(cuModuleGetFunction(f, m, sources.get(i)[0]), "cuModuleGetFunction of '" + sources.get(i)[0] + "'");
        kernels.put(sources.get(i)[0], f);
      }
    } finally {
      pool.shutdownNow();
    }
  }

  // ---- weights

  private void uploadWeights(Operation module, Weights source) {
    CUdeviceptr staging = null;
    long stagingBytes = 0;
    List<Operation> params = new ArrayList<>();
    module.walkPreOrder(op -> {
      if (op.isA(WeightOps.ParamOp.DEF)) params.add(op);
    });
    for (Operation op : params) {
      String name = new WeightOps.ParamOp(op).name();
      if (weights.containsKey(name)) continue;
      RankedTensorType t = (RankedTensorType) op.result(0).type();
      Tensor w = source.get(name);
      if (w == null) throw new CudaException("weight '" + name + "' is not in " + source.describe());
      if (w.size() != t.numElements() || !w.isFloat())
        throw new CudaException("weight '" + name + "' of " + source.describe() + " has " + w.size() + " elements, the program expects " + t.numElements());
      java.nio.FloatBuffer data = w.floats().duplicate();
      data.position(0).limit(w.size());
      boolean convert = t.rank() == 2 && weightType != WeightType.F32;
      long n = w.size();
      CUdeviceptr dst = dev.alloc(n * (convert ? weightType.bytes : 4));
      weightBytes += n * (convert ? weightType.bytes : 4);
      if (convert) {
        if (stagingBytes < 4 * n) {
          if (staging != null) dev.free(staging);
          staging = dev.alloc(4 * n);
          stagingBytes = 4 * n;
        }
        dev.upload(staging, data);
        Pointer params2 = Pointer.to(Pointer.to(dst), Pointer.to(staging), Pointer.to(new long[] {n}));
        CudaDevice.check(cuLaunchKernel(kernels.get(KernelTemplates.convert(weightType).name()), 1024, 1, 1, 256, 1, 1, 0, dev.stream, params2, null),
            "converting weight '" + name + "'");
        dev.synchronize();
      } else {
        dev.upload(dst, data);
      }
      weights.put(name, dst);
    }
    if (staging != null) dev.free(staging);
  }

  // ---- plans

  /** A launch of a plan: its kernel, configuration and arguments (buffers, or the cache). */
  private record Launch(String kernel, CUfunction fn, long[] grid, int block, int smem, int rowsPerBlock, int imm, List<Object> args) {}

  /** A device buffer of a plan, shared by a value and its reshapes. */
  private static final class Buf {
    CUdeviceptr ptr;
    long bytes;
  }

  /** Marks a cache argument: the page pool and page table of the call's cache. */
  private static final Object CACHE = new Object();

  private static final class Plan {
    final String name;
    final List<Launch> launches = new ArrayList<>();
    final List<Object> results = new ArrayList<>();
    final List<Type> resultTypes = new ArrayList<>();
    Buf ids;
    int maxRows;
    boolean staticRows;
    CUgraphExec graph;
    DeviceCache graphCache;

    Plan(String name) { this.name = name; }
  }

  private void plan(Operation func) {
    FuncOp f = new FuncOp(func);
    Block body = func.region(0).front();
    for (Operation op : body)
      if (op.name().equals("kv.create")) cacheType = (KvCacheType) op.result(0).type();
    boolean hasLaunch = false;
    for (Operation op : body) hasLaunch |= op.isA(LaunchOp.DEF);
    if (!hasLaunch) return;
    Plan p = new Plan(f.name());
    for (Value a : body.arguments())
      if (a.type() instanceof KvCacheType kt) cacheType = kt;
    if (cacheType == null) throw new CudaException("@" + f.name() + ": no !kv.cache argument");
    Value idsArg = body.numArguments() > 0 ? body.argument(0) : null;
    if (idsArg == null || !(idsArg.type() instanceof RankedTensorType it) || it.rank() != 1 || !(it.elementType() instanceof IntegerType))
      throw new CudaException("@" + f.name() + ": the first argument must be the step's token ids (tensor<?xi32>)");
    p.staticRows = !it.shape().isDynamic(0);
    p.maxRows = p.staticRows ? (int) it.shape().dim(0) : (int) cacheType.capacity();

    // Last use of each value's buffer (through reshapes), in op order; the returned ones live on.
    Map<Value, Value> root = new IdentityHashMap<>();
    Map<Value, Integer> lastUse = new IdentityHashMap<>();
    List<Operation> ops = body.operations();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (op.name().equals("gptvm.reshape")) root.put(op.result(0), root.getOrDefault(op.operand(0), op.operand(0)));
      for (Value v : op.operands()) lastUse.put(root.getOrDefault(v, v), op.name().equals("func.return") ? Integer.MAX_VALUE : i);
    }
    Map<Value, Buf> bufs = new IdentityHashMap<>();
    Map<Buf, Boolean> reusable = new IdentityHashMap<>();
    p.ids = new Buf();
    p.ids.bytes = 4L * p.maxRows;
    p.ids.ptr = dev.alloc(p.ids.bytes);
    bufs.put(idsArg, p.ids);
    List<Buf> free = new ArrayList<>();
    for (int i = 0; i < ops.size(); i++) {
      Operation op = ops.get(i);
      if (op.isA(WeightOps.ParamOp.DEF)) {
        Buf b = new Buf();
        b.ptr = weights.get(new WeightOps.ParamOp(op).name());
        bufs.put(op.result(0), b);
      } else if (op.name().equals("gptvm.reshape")) {
        bufs.put(op.result(0), bufs.get(op.operand(0)));
      } else if (op.isA(LaunchOp.DEF)) {
        LaunchOp l = new LaunchOp(op);
        List<Object> args = new ArrayList<>();
        for (int r = 0; r < op.numResults(); r++) {
          if (op.result(r).type() instanceof KvCacheType) continue;
          Buf b = take(free, bytes(op.result(r).type(), p.maxRows));
          bufs.put(op.result(r), b);
          reusable.put(b, true);
          args.add(b);
        }
        for (Value v : op.operands()) {
          if (v.type() instanceof KvCacheType) {
            args.add(CACHE);
            continue;
          }
          Buf b = bufs.get(v);
          if (b == null) throw new CudaException("@" + f.name() + ": operand of '" + l.kernel() + "' has no device buffer");
          args.add(b);
        }
        CUfunction fn = kernels.get(l.kernel());
        if (l.smem() > 48 * 1024)
          CudaDevice.check(cuFuncSetAttribute(fn, CUfunction_attribute.CU_FUNC_ATTRIBUTE_MAX_DYNAMIC_SHARED_SIZE_BYTES, (int) l.smem()), "cuFuncSetAttribute");
        p.launches.add(new Launch(l.kernel(), fn, l.grid(), (int) l.block()[0], (int) l.smem(), (int) l.rowsPerBlock(), (int) l.imm(), args));
        // buffers whose last use was this launch can be reused from the next one on
        for (Value v : op.operands()) {
          Buf b = bufs.get(v);
          if (b != null && reusable.containsKey(b) && lastUse.getOrDefault(root.getOrDefault(v, v), -1) == i && !free.contains(b)) free.add(b);
        }
      } else if (op.name().equals("func.return")) {
        for (Value v : op.operands()) {
          p.results.add(v.type() instanceof KvCacheType ? CACHE : bufs.get(v));
          p.resultTypes.add(v.type());
        }
      } else if (op.numResults() > 0 && op.result(0).type() instanceof ShapedType) {
        throw new CudaException("@" + f.name() + ": '" + op.name() + "' is not lowered to CUDA");
      }
    }
    plans.put(p.name, p);
  }

  private Buf take(List<Buf> free, long bytes) {
    Buf best = null;
    for (Buf b : free)
      if (b.bytes >= bytes && (best == null || b.bytes < best.bytes)) best = b;
    if (best != null) {
      free.remove(best);
      Buf b = new Buf();
      b.ptr = best.ptr;
      b.bytes = best.bytes;
      return b;
    }
    Buf b = new Buf();
    b.bytes = bytes;
    b.ptr = dev.alloc(bytes);
    return b;
  }

  private static long bytes(Type t, int rows) {
    RankedTensorType rt = (RankedTensorType) t;
    long n = 4;
    for (int i = 0; i < rt.rank(); i++) n *= rt.shape().isDynamic(i) ? rows : rt.shape().dim(i);
    return n;
  }

  // ---- running

  /** A paged kv cache on the device: the page pool, the page table and {@code state[0]}, the length. */
  public final class DeviceCache {
    final CUdeviceptr pool, pages, state;
    int len;

    DeviceCache() {
      long pagesPerLayer = (cacheType.capacity() + pageSize - 1) / pageSize;
      long slot = cacheType.kvHeads() * cacheType.headDim();
      long floats = cacheType.layers() * pagesPerLayer * 2 * pageSize * slot;
      pool = dev.alloc(4 * floats);
      CudaDevice.check(cuMemsetD32Async(pool, 0, floats, dev.stream), "cuMemsetD32Async");
      // A single sequence owns every page; its table runs backwards so the indirection is exercised.
      int[] table = new int[(int) pagesPerLayer];
      for (int i = 0; i < table.length; i++) table[i] = table.length - 1 - i;
      pages = dev.alloc(4L * table.length);
      dev.upload(pages, table);
      state = dev.alloc(4);
      dev.upload(state, new int[] {0});
    }

    /** Tokens in the cache. */
    public int length() { return len; }

    /** Empties the cache (its pages and graphs stay). */
    public void reset() {
      dev.synchronize();
      dev.upload(state, new int[] {0});
      len = 0;
    }
  }

  /** A fresh cache ({@code @create_cache}). */
  public DeviceCache createCache() {
    if (cacheType == null) throw new CudaException("the program has no !kv.cache");
    return new DeviceCache();
  }

  private Plan plan(String fn) {
    Plan p = plans.get(fn);
    if (p == null) throw new CudaException("the program has no function '@" + fn + "' with CUDA launches");
    return p;
  }

  /** Runs {@code @prefill} on {@code ids}; returns the logits of every row ({@code ids.length x vocab}), or null without {@code wantLogits}. */
  public float[] prefill(DeviceCache cache, int[] ids, boolean wantLogits) {
    Plan p = plan("prefill");
    if (ids.length == 0 || ids.length > p.maxRows) throw new CudaException("@prefill: " + ids.length + " tokens (1 to " + p.maxRows + " fit)");
    checkCapacity(cache, ids.length);
    dev.upload(p.ids.ptr, ids);
    enqueue(p, cache, ids.length);
    cache.len += ids.length;
    if (!wantLogits) {
      dev.synchronize();
      return null;
    }
    Buf logits = (Buf) p.results.get(0);
    int vocab = (int) ((RankedTensorType) p.resultTypes.get(0)).shape().dim(1);
    float[] out = new float[ids.length * vocab];
    dev.download(out, logits.ptr, out.length);
    return out;
  }

  /** Runs one {@code @decode} step on {@code token} (through its CUDA graph); returns the logits. */
  public float[] decode(DeviceCache cache, int token) {
    Plan p = plan("decode");
    dev.upload(p.ids.ptr, new int[] {token});
    replay(p, cache);
    Buf logits = (Buf) p.results.get(0);
    float[] out = new float[(int) ((RankedTensorType) p.resultTypes.get(0)).shape().dim(1)];
    dev.download(out, logits.ptr, out.length);
    return out;
  }

  /** The greedy token of the last {@code @decode} step (the device's argmax). */
  public int lastToken() {
    int[] last = new int[1];
    dev.download(last, plan("decode").ids.ptr, 1);
    return last[0];
  }

  /**
   * Greedy decoding of {@code steps} tokens after {@code token} with no host round trip: the graph's
   * argmax feeds the next replay. Returns the last token.
   */
  public int decodeGreedy(DeviceCache cache, int token, int steps) {
    Plan p = plan("decode");
    dev.upload(p.ids.ptr, new int[] {token});
    for (int i = 0; i < steps; i++) replay(p, cache);
    int[] last = new int[1];
    dev.download(last, p.ids.ptr, 1);
    return last[0];
  }

  private void replay(Plan p, DeviceCache cache) {
    checkCapacity(cache, 1);
    if (p.graph == null || p.graphCache != cache) {
      if (p.graph != null) cuGraphExecDestroy(p.graph);
      CUgraph g = new CUgraph();
      CudaDevice.check(cuStreamBeginCapture(dev.stream, CUstreamCaptureMode.CU_STREAM_CAPTURE_MODE_RELAXED), "cuStreamBeginCapture");
      enqueue(p, cache, 1);
      // the greedy token becomes the next step's input, on the device
      int next = nextTokenResult(p);
      if (next >= 0) CudaDevice.check(cuMemcpyDtoDAsync(p.ids.ptr, ((Buf) p.results.get(next)).ptr, 4, dev.stream), "cuMemcpyDtoDAsync");
      CudaDevice.check(cuStreamEndCapture(dev.stream, g), "cuStreamEndCapture");
      p.graph = new CUgraphExec();
      CudaDevice.check(cuGraphInstantiate(p.graph, g, 0), "cuGraphInstantiate");
      cuGraphDestroy(g);
      p.graphCache = cache;
    }
    CudaDevice.check(cuGraphLaunch(p.graph, dev.stream), "cuGraphLaunch");
    cache.len += 1;
  }

  /** The index of an i32 result of one element (the greedy token), or -1. */
  private static int nextTokenResult(Plan p) {
    for (int i = 0; i < p.resultTypes.size(); i++)
      if (p.resultTypes.get(i) instanceof RankedTensorType t && t.elementType() instanceof IntegerType && t.hasStaticShape() && t.numElements() == 1) return i;
    return -1;
  }

  private void checkCapacity(DeviceCache cache, int rows) {
    if (cache.len + (long) rows > cacheType.capacity())
      throw new CudaException(rows + " new tokens at " + cache.len + " overflow the kv cache capacity (" + cacheType.capacity() + ")");
  }

  /** Queues every launch of {@code p} for {@code rows} tokens on the stream. */
  private void enqueue(Plan p, DeviceCache cache, int rows) {
    for (Launch l : p.launches) {
      List<Pointer> args = new ArrayList<>();
      for (Object a : l.args) {
        if (a == CACHE) {
          args.add(Pointer.to(cache.pool));
          args.add(Pointer.to(cache.pages));
        } else {
          args.add(Pointer.to(((Buf) a).ptr));
        }
      }
      args.add(Pointer.to(new int[] {rows}));
      args.add(Pointer.to(cache.state));
      args.add(Pointer.to(new int[] {l.imm}));
      long gy = l.grid[1] * (l.rowsPerBlock > 0 ? (rows + l.rowsPerBlock - 1) / l.rowsPerBlock : 1);
      int rc = cuLaunchKernel(l.fn, (int) l.grid[0], (int) gy, (int) l.grid[2], l.block, 1, 1, l.smem, dev.stream,
          Pointer.to(args.toArray(new Pointer[0])), null);
      CudaDevice.check(rc, "launching kernel '" + l.kernel + "' of @" + p.name);
    }
  }

  /** Kernel launches per call of {@code fn}. */
  public int launches(String fn) { return plan(fn).launches.size(); }

  @Override public void close() {
    for (Plan p : plans.values()) if (p.graph != null) cuGraphExecDestroy(p.graph);
    for (CUmodule m : modules) cuModuleUnload(m);
  }
}
