package gvm.interp.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.interp.Programs;
import gvm.interp.SpmdInterpreter;
import gvm.interp.Tensor;
import gvm.interp.Weights;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.function.BiFunction;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every collective on meshes 4, 2x2, 2x4 and 2x? (run as 2x3), over every choice of mesh axes: each
 * device's result equals the value computed directly from all devices' random inputs, with the
 * device groups of Mesh.md worked out here independently of the interpreter.
 */
class MeshImplsTest {
  private static final int ROWS = 24, COLS = 6;
  private static final String IN = "tensor<24x6xf32>";

  /** A mesh as written in IR and the device grid it runs on. */
  private record Mesh(String decl, long[] grid, boolean[] dynamic) {
    int devices() { return (int) Arrays.stream(grid).reduce(1, (a, b) -> a * b); }

    int[] coords(int d) {
      int[] c = new int[grid.length];
      for (int i = grid.length - 1; i >= 0; i--) {
        c[i] = (int) (d % grid[i]);
        d /= (int) grid[i];
      }
      return c;
    }

    /** Mesh.md's device group of {@code d} for {@code axes}: same coordinates off the axes, ordered by those on them. */
    List<Integer> group(int d, long[] axes) {
      int[] mine = coords(d);
      List<Integer> members = new ArrayList<>();
      for (int o = 0; o < devices(); o++) {
        int[] c = coords(o);
        boolean same = true;
        for (int a = 0; a < grid.length; a++) if (!contains(axes, a) && c[a] != mine[a]) same = false;
        if (same) members.add(o);
      }
      members.sort(Comparator.comparingInt(o -> {
        int key = 0;
        for (long a : axes) key = key * (int) grid[(int) a] + coords(o)[(int) a];
        return key;
      }));
      return members;
    }

    /** The group size as a result type dimension: dynamic when an axis is. */
    String size(long[] axes, int times) {
      long n = 1;
      for (long a : axes) {
        if (dynamic[(int) a]) return "?";
        n *= grid[(int) a];
      }
      return String.valueOf(n * times);
    }

    String divided(long[] axes, int dim) {
      long n = 1;
      for (long a : axes) {
        if (dynamic[(int) a]) return "?";
        n *= grid[(int) a];
      }
      return String.valueOf(dim / n);
    }
  }

  private static boolean contains(long[] axes, long a) {
    for (long x : axes) if (x == a) return true;
    return false;
  }

  private static final List<Mesh> MESHES = List.of(new Mesh("4", new long[] {4}, new boolean[] {false}),
      new Mesh("2x2", new long[] {2, 2}, new boolean[] {false, false}), new Mesh("2x4", new long[] {2, 4}, new boolean[] {false, false}),
      new Mesh("2x?", new long[] {2, 3}, new boolean[] {false, true}));

  private static List<long[]> axesChoices(Mesh m) {
    return m.grid.length == 1 ? List.of(new long[] {0}) : List.of(new long[] {0}, new long[] {1}, new long[] {0, 1}, new long[] {1, 0});
  }

  private static String list(long[] axes) {
    return Arrays.toString(axes);
  }

  /** One collective: its op line (input %x), result type, and the expected result of device d of the group from the inputs. */
  private record Case(String name, String body, String resultType, Expect expect) {}

  @FunctionalInterface
  private interface Expect {
    /** The expected element (r, c) of device {@code d}'s result, or null when the result is all zeros; {@code in[d]} are the inputs. */
    double[][] of(float[][][] in, List<Integer> group, int pos, int d);
  }

  private static double[][] sumOf(float[][][] in, List<Integer> g, String kind) {
    double[][] r = new double[ROWS][COLS];
    for (int i = 0; i < ROWS; i++)
      for (int j = 0; j < COLS; j++) {
        double acc = in[g.get(0)][i][j];
        for (int k = 1; k < g.size(); k++) {
          double v = in[g.get(k)][i][j];
          acc = switch (kind) {
            case "max" -> Math.max(acc, v);
            case "min" -> Math.min(acc, v);
            case "product" -> acc * v;
            default -> acc + v;
          };
        }
        r[i][j] = kind.equals("average") ? acc / g.size() : acc;
      }
    return r;
  }

  private static double[][] rows(double[][] m, int from, int n) { return Arrays.copyOfRange(m, from, from + n); }

  private static double[][] asDouble(float[][] m) {
    double[][] r = new double[m.length][];
    for (int i = 0; i < m.length; i++) {
      r[i] = new double[m[i].length];
      for (int j = 0; j < m[i].length; j++) r[i][j] = m[i][j];
    }
    return r;
  }

  private static List<Case> cases(Mesh m, long[] axes) {
    String on = "on @m mesh_axes = " + list(axes);
    String root = Arrays.toString(Arrays.stream(axes).map(a -> m.grid[(int) a] - 1).toArray());
    String g = m.size(axes, 1);
    List<Case> l = new ArrayList<>();
    for (String kind : List.of("sum", "max", "min", "product", "average"))
      l.add(new Case("all_reduce " + kind, "mesh.all_reduce %x " + on + " reduction = <" + kind + "> : " + IN + " -> " + IN, IN,
          (in, grp, pos, d) -> sumOf(in, grp, kind)));
    l.add(new Case("all_gather 0", "mesh.all_gather %x " + on + " gather_axis = 0 : " + IN + " -> tensor<" + m.size(axes, ROWS) + "x6xf32>",
        "tensor<" + m.size(axes, ROWS) + "x6xf32>", (in, grp, pos, d) -> {
          double[][] r = new double[ROWS * grp.size()][];
          for (int i = 0; i < r.length; i++) r[i] = asDouble(in[grp.get(i / ROWS)])[i % ROWS];
          return r;
        }));
    l.add(new Case("all_gather 1", "mesh.all_gather %x " + on + " gather_axis = 1 : " + IN + " -> tensor<24x" + m.size(axes, COLS) + "xf32>",
        "tensor<24x" + m.size(axes, COLS) + "xf32>", (in, grp, pos, d) -> {
          double[][] r = new double[ROWS][COLS * grp.size()];
          for (int i = 0; i < ROWS; i++) for (int j = 0; j < r[i].length; j++) r[i][j] = in[grp.get(j / COLS)][i][j % COLS];
          return r;
        }));
    String part = "tensor<" + m.divided(axes, ROWS) + "x6xf32>";
    l.add(new Case("all_slice", "mesh.all_slice %x " + on + " slice_axis = 0 : " + IN + " -> " + part, part,
        (in, grp, pos, d) -> rows(asDouble(in[d]), pos * ROWS / grp.size(), ROWS / grp.size())));
    String a2a = "tensor<" + m.divided(axes, ROWS) + "x" + m.size(axes, COLS) + "xf32>";
    l.add(new Case("all_to_all", "mesh.all_to_all %x " + on + " split_axis = 0 concat_axis = 1 : " + IN + " -> " + a2a, a2a,
        (in, grp, pos, d) -> {
          int n = ROWS / grp.size();
          double[][] r = new double[n][COLS * grp.size()];
          for (int i = 0; i < n; i++) for (int j = 0; j < r[i].length; j++) r[i][j] = in[grp.get(j / COLS)][pos * n + i][j % COLS];
          return r;
        }));
    l.add(new Case("reduce_scatter", "mesh.reduce_scatter %x " + on + " scatter_axis = 0 : " + IN + " -> " + part, part,
        (in, grp, pos, d) -> rows(sumOf(in, grp, "sum"), pos * ROWS / grp.size(), ROWS / grp.size())));
    l.add(new Case("broadcast", "mesh.broadcast %x " + on + " root = " + root + " : (" + IN + ") -> " + IN, IN,
        (in, grp, pos, d) -> asDouble(in[grp.get(grp.size() - 1)])));
    l.add(new Case("scatter", "mesh.scatter %x " + on + " scatter_axis = 0 root = " + root + " : (" + IN + ") -> " + part, part,
        (in, grp, pos, d) -> rows(asDouble(in[grp.get(grp.size() - 1)]), pos * ROWS / grp.size(), ROWS / grp.size())));
    String gathered = "tensor<" + m.size(axes, ROWS) + "x6xf32>";
    l.add(new Case("gather", "mesh.gather %x " + on + " gather_axis = 0 root = " + root + " : (" + IN + ") -> " + gathered, gathered,
        (in, grp, pos, d) -> {
          if (pos != grp.size() - 1) return null;
          double[][] r = new double[ROWS * grp.size()][];
          for (int i = 0; i < r.length; i++) r[i] = asDouble(in[grp.get(i / ROWS)])[i % ROWS];
          return r;
        }));
    l.add(new Case("reduce", "mesh.reduce %x " + on + " root = " + root + " : (" + IN + ") -> " + IN, IN,
        (in, grp, pos, d) -> pos == grp.size() - 1 ? sumOf(in, grp, "sum") : null));
    for (long shiftAxis : axes) {
      l.add(new Case("shift rotate on " + shiftAxis, "mesh.shift %x " + on + " shift_axis = " + shiftAxis + " offset = 1 rotate : " + IN + " -> " + IN, IN,
          (in, grp, pos, d) -> asDouble(in[shiftedFrom(m, d, shiftAxis, 1, true)])));
      l.add(new Case("shift on " + shiftAxis, "mesh.shift %x " + on + " shift_axis = " + shiftAxis + " offset = -1 : " + IN + " -> " + IN, IN,
          (in, grp, pos, d) -> {
            int from = shiftedFrom(m, d, shiftAxis, -1, false);
            return from < 0 ? null : asDouble(in[from]);
          }));
    }
    return l;
  }

  /** The device whose value device {@code d} takes in a shift, or -1 at the edge without rotate. */
  private static int shiftedFrom(Mesh m, int d, long axis, int offset, boolean rotate) {
    int[] c = m.coords(d);
    int n = (int) m.grid[(int) axis];
    int from = c[(int) axis] - offset;
    if (rotate) from = Math.floorMod(from, n);
    else if (from < 0 || from >= n) return -1;
    c[(int) axis] = from;
    int lin = 0;
    for (int i = 0; i < c.length; i++) lin = lin * (int) m.grid[i] + c[i];
    return lin;
  }

  private static float[][][] randomInputs(int devices, long seed) {
    Random r = new Random(seed);
    float[][][] in = new float[devices][ROWS][COLS];
    for (float[][] t : in) for (float[] row : t) for (int j = 0; j < COLS; j++) row[j] = (float) (r.nextDouble() * 2 - 1);
    return in;
  }

  private static Tensor tensor(float[][] m) {
    float[] flat = new float[ROWS * COLS];
    for (int i = 0; i < ROWS; i++) System.arraycopy(m[i], 0, flat, i * COLS, COLS);
    return Tensor.ofFloats(FloatType.F32, new int[] {ROWS, COLS}, flat);
  }

  private static void check(double[][] expected, Tensor got, String what) {
    if (expected == null) {
      for (int i = 0; i < got.size(); i++) assertEquals(0f, got.f(i), what + ": undefined results are zeros");
      return;
    }
    assertEquals(expected.length, got.dim(0), what + ": rows");
    assertEquals(expected[0].length, got.dim(1), what + ": columns");
    for (int i = 0; i < expected.length; i++)
      for (int j = 0; j < expected[0].length; j++) {
        double e = expected[i][j], g = got.f(i * expected[0].length + j);
        assertTrue(Math.abs(e - g) <= 1e-6 * Math.max(1, Math.abs(e)), what + " at (" + i + ", " + j + "): expected " + e + ", got " + g);
      }
  }

  @TestFactory Stream<DynamicTest> everyCollectiveMatchesTheDirectComputation() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Mesh m : MESHES)
      for (long[] axes : axesChoices(m))
        for (Case c : cases(m, axes))
          tests.add(DynamicTest.dynamicTest(c.name + " on " + m.decl + " axes " + list(axes), () -> {
            String text = "mesh.mesh @m(shape = " + m.decl + ")\nfunc.func @f(%x: " + IN + ") -> " + c.resultType + " {\n  %r = " + c.body
                + "\n  return %r : " + c.resultType + "\n}\n";
            float[][][] in = randomInputs(m.devices(), 42 + tests.size());
            List<Object[]> args = new ArrayList<>();
            for (float[][] t : in) args.add(new Object[] {tensor(t)});
            List<Object[]> out = SpmdInterpreter.run(Programs.parse("collective.mlir", text), "f", m.grid, args, Weights.NONE);
            for (int d = 0; d < m.devices(); d++) {
              List<Integer> g = m.group(d, axes);
              check(c.expect.of(in, g, g.indexOf(d), d), (Tensor) out.get(d)[0], c.name + " on device " + d);
            }
          }));
    return tests.stream();
  }

  @TestFactory Stream<DynamicTest> sendAndRecvPassAlongARing() {
    List<DynamicTest> tests = new ArrayList<>();
    for (Mesh m : MESHES)
      for (int a = 0; a < m.grid.length; a++) {
        int axis = a;
        tests.add(DynamicTest.dynamicTest("ring on " + m.decl + " axis " + axis, () -> {
          String text = """
              mesh.mesh @m(shape = MESH)
              func.func @f(%x: tensor<24x6xf32>) -> tensor<24x6xf32> {
                %i = mesh.process_multi_index on @m axes = [AXIS] : index
                %n = mesh.mesh_shape @m axes = [AXIS] : index
                %c1 = arith.constant 1 : index
                %next = arith.addi %i, %c1 : index
                %dst = arith.remui %next, %n : index
                %prev = arith.addi %i, %n : index
                %p = arith.subi %prev, %c1 : index
                %src = arith.remui %p, %n : index
                %s = mesh.send %x on @m mesh_axes = [AXIS] destination = [%dst] : (tensor<24x6xf32>, index) -> tensor<24x6xf32>
                %r = mesh.recv %s on @m mesh_axes = [AXIS] source = [%src] : (tensor<24x6xf32>, index) -> tensor<24x6xf32>
                return %r : tensor<24x6xf32>
              }
              """.replace("MESH", m.decl).replace("AXIS", String.valueOf(axis));
          float[][][] in = randomInputs(m.devices(), 7);
          List<Object[]> args = new ArrayList<>();
          for (float[][] t : in) args.add(new Object[] {tensor(t)});
          List<Object[]> out = SpmdInterpreter.run(Programs.parse("ring.mlir", text), "f", m.grid, args, Weights.NONE);
          for (int d = 0; d < m.devices(); d++) check(asDouble(in[shiftedFrom(m, d, axis, 1, true)]), (Tensor) out.get(d)[0], "device " + d);
        }));
      }
    return tests.stream();
  }

  @TestFactory Stream<DynamicTest> processIndicesAndMeshShape() {
    return MESHES.stream().map(m -> DynamicTest.dynamicTest(m.decl, () -> {
      String results = m.grid.length == 1 ? "index" : "index, index";
      String text = "mesh.mesh @m(shape = " + m.decl + ")\nfunc.func @f() -> (" + results + ", " + results + ", index) {\n"
          + "  %i:" + m.grid.length + " = mesh.process_multi_index on @m : " + results + "\n"
          + "  %s:" + m.grid.length + " = mesh.mesh_shape @m : " + results + "\n"
          + "  %l = mesh.process_linear_index on @m : index\n"
          + "  return " + (m.grid.length == 1 ? "%i#0, %s#0" : "%i#0, %i#1, %s#0, %s#1") + ", %l : " + results + ", " + results + ", index\n}\n";
      List<Object[]> args = new ArrayList<>();
      for (int d = 0; d < m.devices(); d++) args.add(new Object[0]);
      List<Object[]> out = SpmdInterpreter.run(Programs.parse("index.mlir", text), "f", m.grid, args, Weights.NONE);
      for (int d = 0; d < m.devices(); d++) {
        int[] c = m.coords(d);
        Object[] r = out.get(d);
        for (int i = 0; i < c.length; i++) {
          assertEquals((long) c[i], r[i]);
          assertEquals(m.grid[i], r[c.length + i]);
        }
        assertEquals((long) d, r[2 * c.length]);
      }
    }));
  }

  @TestFactory Stream<DynamicTest> bitwiseReductionsOnIntegers() {
    Mesh m = MESHES.get(2);
    BiFunction<Long, Long, Long> and = (a, b) -> a & b, or = (a, b) -> a | b, xor = (a, b) -> a ^ b;
    return Stream.of(new Object[] {"bitwise_and", and}, new Object[] {"bitwise_or", or}, new Object[] {"bitwise_xor", xor}, new Object[] {"sum", (BiFunction<Long, Long, Long>) Long::sum})
        .map(k -> DynamicTest.dynamicTest((String) k[0], () -> {
          String text = "mesh.mesh @m(shape = 2x4)\nfunc.func @f(%x: tensor<5xi32>) -> tensor<5xi32> {\n"
              + "  %r = mesh.all_reduce %x on @m mesh_axes = [1] reduction = <" + k[0] + "> : tensor<5xi32> -> tensor<5xi32>\n  return %r : tensor<5xi32>\n}\n";
          Random r = new Random(3);
          long[][] in = new long[m.devices()][5];
          List<Object[]> args = new ArrayList<>();
          for (long[] t : in) {
            for (int i = 0; i < 5; i++) t[i] = r.nextInt();
            args.add(new Object[] {Tensor.ofInts(IntegerType.I32, new int[] {5}, t.clone())});
          }
          @SuppressWarnings("unchecked") BiFunction<Long, Long, Long> fn = (BiFunction<Long, Long, Long>) k[1];
          List<Object[]> out = SpmdInterpreter.run(Programs.parse("ints.mlir", text), "f", m.grid, args, Weights.NONE);
          for (int d = 0; d < m.devices(); d++) {
            List<Integer> g = m.group(d, new long[] {1});
            for (int i = 0; i < 5; i++) {
              long acc = in[g.get(0)][i];
              for (int j = 1; j < g.size(); j++) acc = fn.apply(acc, in[g.get(j)][i]);
              assertEquals((long) (int) acc, ((Tensor) out.get(d)[0]).i(i), "device " + d + " element " + i);
            }
          }
        }));
  }

  private static final String DIVERGING = """
      mesh.mesh @m(shape = 2)
      func.func @f(%x: tensor<4xf32>) -> tensor<4xf32> {
        %i = mesh.process_linear_index on @m : index
        %c0 = arith.constant 0 : index
        %lead = arith.cmpi eq, %i, %c0 : index
        %r = scf.if %lead -> (tensor<4xf32>) {
          %a = mesh.all_reduce %x on @m mesh_axes = [0] : tensor<4xf32> -> tensor<4xf32>
          scf.yield %a : tensor<4xf32>
        } else {
          scf.yield %x : tensor<4xf32>
        }
        return %r : tensor<4xf32>
      }
      func.func @h(%x: tensor<4xf32>) -> tensor<4xf32> {
        %a = mesh.all_reduce %x on @m mesh_axes = [0] : tensor<4xf32> -> tensor<4xf32>
        return %a : tensor<4xf32>
      }
      func.func @g(%x: tensor<1xf32>) -> tensor<1xf32> {
        %i = mesh.process_linear_index on @m : index
        %v = tensor.extract %x[%i] : tensor<1xf32>
        %a = mesh.all_reduce %x on @m mesh_axes = [0] : tensor<1xf32> -> tensor<1xf32>
        return %a : tensor<1xf32>
      }
      """;

  @org.junit.jupiter.api.Test void devicesThatDivergeOrFailStopTheRunWithAnError() {
    org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(java.time.Duration.ofSeconds(20), () -> {
      SpmdInterpreter spmd = new SpmdInterpreter(Programs.parse("diverge.mlir", DIVERGING), new long[] {2}, Weights.NONE, null);
      Tensor x = Tensor.ofFloats(FloatType.F32, new int[] {4}, new float[] {1, 2, 3, 4});
      gvm.interp.InterpreterException e = org.junit.jupiter.api.Assertions.assertThrows(gvm.interp.InterpreterException.class,
          () -> spmd.call("f", List.of(new Object[] {x}, new Object[] {x})));
      assertTrue(e.getMessage().contains("different sequences of collectives"), e.getMessage());
      // Device 1 reads out of bounds while device 0 waits in the all_reduce: device 1's error is the run's.
      Tensor one = Tensor.ofFloats(FloatType.F32, new int[] {1}, new float[] {5});
      gvm.interp.InterpreterException f = org.junit.jupiter.api.Assertions.assertThrows(gvm.interp.InterpreterException.class,
          () -> spmd.call("g", List.of(new Object[] {one}, new Object[] {one})));
      assertTrue(f.getMessage().startsWith("'tensor.extract' op"), f.getMessage());
      // The devices meet again on the next call.
      assertEquals(8f, ((Tensor) spmd.call("h", List.of(new Object[] {x}, new Object[] {x})).get(1)[0]).f(3));
    });
  }
}
