package gvm.interp.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.mesh.ir.MeshOp;
import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.dialect.mesh.ir.ShardOp;
import gvm.interp.Interpreter;
import gvm.interp.Programs;
import gvm.interp.SpmdInterpreter;
import gvm.interp.Tensor;
import gvm.interp.Weights;
import gvm.ir.BlockArgument;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Spmdized programs compute what the annotated (unsharded) programs compute: the conformance pass
 * cases with a mesh, seeds/002's sharded matmul (scaled down, same 4x8 mesh and shardings), and one
 * function per gptvm sharding rule (testsuite/Dialect/gptvm/mesh-spmdization.mlir). Random global
 * inputs run unsharded on one interpreter (mesh.shard is the identity) and, sliced by the arguments'
 * shardings, on every device; the devices' results put together by the results' shardings (partial
 * values summed) must match.
 */
class SpmdEquivalenceTest {
  private static final Path CONFORMANCE = Path.of("../../shared/conformance/mlir");
  private static final Path GPTVM_RULES = Path.of("../testsuite/Dialect/gptvm/mesh-spmdization.mlir");

  static final String SEED = """
      mesh.mesh @mesh_2d(shape = 4x8)
      func.func @matmul_on_operand_shard_batch_and_k(%arg0: tensor<32x8x64xf32>, %arg1: tensor<32x64x16xf32>) -> tensor<32x8x16xf32> {
        %sharding_annotated = mesh.shard %arg0 to <@mesh_2d, [[0], [], [1]]> annotate_for_users : tensor<32x8x64xf32>
        %sharding_annotated_0 = mesh.shard %arg1 to <@mesh_2d, [[0], [1]]> annotate_for_users : tensor<32x64x16xf32>
        %0 = tosa.matmul %sharding_annotated, %sharding_annotated_0 : (tensor<32x8x64xf32>, tensor<32x64x16xf32>) -> tensor<32x8x16xf32>
        %sharding_annotated_1 = mesh.shard %0 to <@mesh_2d, [[0]], partial = sum[1]> : tensor<32x8x16xf32>
        return %sharding_annotated_1 : tensor<32x8x16xf32>
      }
      """;

  @TestFactory Stream<DynamicTest> spmdizedProgramsComputeTheUnshardedValues() throws IOException {
    List<DynamicTest> tests = new ArrayList<>();
    tests.add(DynamicTest.dynamicTest("seeds/002 sharded matmul", () -> checkEquivalent("seed.mlir", SEED)));
    try (Stream<Path> files = Files.list(CONFORMANCE)) {
      for (Path p : files.filter(f -> f.getFileName().toString().startsWith("pass_") && f.toString().endsWith(".mlir")).sorted().toList()) {
        String text = Files.readString(p);
        if (text.lines().findFirst().orElse("").contains("mesh-spmdization") || text.lines().findFirst().orElse("").contains("sharding-propagation")) tests.add(DynamicTest.dynamicTest(p.getFileName().toString(), () -> checkEquivalent(p.toString(), text)));
      }
    }
    assertTrue(tests.size() >= 3, "the conformance set has mesh pass cases");
    String[] chunks = Files.readString(GPTVM_RULES).split("\n// -----\n");
    for (int i = 0; i < chunks.length; i++) {
      String chunk = chunks[i];
      String name = chunk.substring(chunk.indexOf("func.func @") + 11, chunk.indexOf('(', chunk.indexOf("func.func @")));
      tests.add(DynamicTest.dynamicTest("gptvm rule " + name, () -> checkEquivalent(name + ".mlir", chunk)));
    }
    return tests.stream();
  }

  /** Runs every function of {@code text} unsharded and spmdized on random inputs and compares. */
  static void checkEquivalent(String name, String text) {
    Operation annotated = SpmdPrograms.propagate(name, text);
    Operation spmd = Programs.parse(name, SpmdPrograms.spmdize(name, text));
    long[] grid = null;
    for (Operation op = annotated.region(0).front().first(); op != null; op = op.nextOp())
      if (op.isA(MeshOp.DEF)) grid = new MeshOp(op).shape();
    Random random = new Random(name.hashCode());
    for (Operation op = annotated.region(0).front().first(); op != null; op = op.nextOp()) {
      if (!op.isA(FuncOp.DEF)) continue;
      String fn = new FuncOp(op).name();
      List<BlockArgument> params = op.region(0).front().arguments();
      Object[] global = new Object[params.size()];
      for (int i = 0; i < global.length; i++) global[i] = random(params.get(i).type(), random);
      Object[] expected = Interpreter.of(annotated, Weights.NONE).call(fn, global);
      int devices = 1;
      for (long g : grid) devices *= (int) g;
      List<Object[]> perDevice = new ArrayList<>();
      for (int d = 0; d < devices; d++) {
        Object[] a = new Object[global.length];
        for (int i = 0; i < a.length; i++) {
          MeshShardingAttr sh = argSharding(params.get(i));
          a[i] = sh == null || !(global[i] instanceof Tensor t) ? global[i] : local(t, sh, grid, d);
        }
        perDevice.add(a);
      }
      List<Object[]> got = SpmdInterpreter.run(spmd, fn, grid, perDevice, Weights.NONE);
      Operation ret = op.region(0).front().last();
      for (int r = 0; r < expected.length; r++) {
        MeshShardingAttr sh = resultSharding(ret.operand(r));
        if (!(expected[r] instanceof Tensor e)) {
          for (Object[] g : got) assertEquals(expected[r], g[r], fn + " result " + r);
          continue;
        }
        Tensor whole = assemble(e, sh, grid, got, r);
        assertClose(e, whole, fn + " result " + r);
      }
    }
  }

  private static Object random(Type t, Random random) {
    if (!(t instanceof RankedTensorType rt)) return 7L;
    int[] shape = new int[rt.shape().rank()];
    for (int i = 0; i < shape.length; i++) shape[i] = (int) rt.shape().dim(i);
    int n = Tensor.size(shape);
    if (rt.elementType() instanceof IntegerType) {
      long[] v = new long[n];
      for (int i = 0; i < n; i++) v[i] = random.nextInt(4);
      return Tensor.ofInts(rt.elementType(), shape, v);
    }
    float[] v = new float[n];
    for (int i = 0; i < n; i++) v[i] = (float) (random.nextDouble() * 2 - 1);
    return Tensor.ofFloats(rt.elementType(), shape, v);
  }

  private static MeshShardingAttr argSharding(Value v) {
    return v.hasUses() && v.firstUse().owner().isA(ShardOp.DEF) ? new ShardOp(v.firstUse().owner()).shard() : null;
  }

  private static MeshShardingAttr resultSharding(Value v) {
    Operation def = v.definingOp();
    return def != null && def.isA(ShardOp.DEF) ? new ShardOp(def).shard() : null;
  }

  private static int[] coords(long[] grid, int d) {
    int[] c = new int[grid.length];
    for (int i = grid.length - 1; i >= 0; i--) {
      c[i] = (int) (d % grid[i]);
      d /= (int) grid[i];
    }
    return c;
  }

  /** For each tensor dimension, the number of blocks and device d's block (row-major over the dimension's split axes). */
  private static int[][] blocks(MeshShardingAttr sh, long[] grid, int d, int rank) {
    int[] c = coords(grid, d);
    int[][] b = new int[rank][];
    for (int dim = 0; dim < rank; dim++) {
      int n = 1, idx = 0;
      if (sh != null && dim < sh.splitAxes().size())
        for (long a : sh.splitAxes().get(dim).toArray()) {
          n *= (int) grid[(int) a];
          idx = idx * (int) grid[(int) a] + c[(int) a];
        }
      b[dim] = new int[] {n, idx};
    }
    return b;
  }

  private static Tensor local(Tensor t, MeshShardingAttr sh, long[] grid, int d) {
    int[][] b = blocks(sh, grid, d, t.rank());
    for (int dim = 0; dim < t.rank(); dim++) if (b[dim][0] > 1) t = Chunks.chunk(t, dim, b[dim][1], b[dim][0]);
    return t;
  }

  /** The global value from the devices' results: blocks placed by the split axes, partial axes summed, replicas counted once. */
  private static Tensor assemble(Tensor like, MeshShardingAttr sh, long[] grid, List<Object[]> got, int r) {
    int[] shape = like.shape();
    double[] sum = new double[like.size()];
    int[] strides = Tensor.strides(shape);
    List<Long> used = new ArrayList<>();
    if (sh != null) {
      for (DenseArrayAttr a : sh.splitAxes()) for (long x : a.toArray()) used.add(x);
      for (long x : sh.partialAxes().toArray()) used.add(x);
    }
    for (int d = 0; d < got.size(); d++) {
      int[] c = coords(grid, d);
      boolean replica = false;
      for (int a = 0; a < grid.length; a++) if (!used.contains((long) a) && c[a] != 0) replica = true;
      if (replica) continue;
      Tensor part = (Tensor) got.get(d)[r];
      int[][] b = blocks(sh, grid, d, shape.length);
      int[] ps = part.shape(), pst = Tensor.strides(ps);
      for (int i = 0; i < part.size(); i++) {
        int g = 0;
        for (int dim = 0; dim < ps.length; dim++) g += ((i / pst[dim]) % ps[dim] + b[dim][1] * ps[dim]) * strides[dim];
        sum[g] += part.isFloat() ? part.f(i) : part.i(i);
      }
    }
    float[] f = new float[sum.length];
    for (int i = 0; i < f.length; i++) f[i] = (float) sum[i];
    return Tensor.ofFloats(gvm.ir.types.FloatType.F32, shape, f);
  }

  private static void assertClose(Tensor expected, Tensor got, String what) {
    double err = 0, norm = 0;
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.isFloat() ? expected.f(i) : expected.i(i), g = got.f(i);
      err += (e - g) * (e - g);
      norm += e * e;
    }
    double rel = Math.sqrt(err / Math.max(norm, 1e-30));
    assertTrue(rel < 1e-5, what + ": relative L2 error " + rel);
  }
}
