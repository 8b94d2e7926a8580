package gvm.transforms.autoshard;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Issue 9, acceptance 4: on random small graphs the ILP's optimum equals brute-force enumeration's. */
class ShardingIlpTest {
  static Stream<Integer> seeds() { return IntStream.range(0, 50).boxed(); }

  /** Up to 12 nodes with up to 4 strategies, random DAG edges, some forbidden pairs, and on every other graph a memory limit. */
  static ShardingProblem randomGraph(Random r) {
    ShardingProblem p = new ShardingProblem();
    int n = 1 + r.nextInt(12);
    for (int i = 0; i < n; i++) {
      int k = 1 + r.nextInt(4);
      double[] compute = new double[k], comm = new double[k];
      long[] mem = new long[k];
      for (int s = 0; s < k; s++) {
        compute[s] = r.nextDouble() * 100;
        comm[s] = r.nextInt(25) == 0 ? ShardingProblem.INFINITY : r.nextDouble() * 50;
        mem[s] = 1 + r.nextInt(1000);
      }
      p.addNode("n" + i, compute, comm, mem);
    }
    for (int a = 0; a < n; a++)
      for (int b = a; b < n; b++) {
        if (r.nextDouble() > (a == b ? 0.1 : 0.3)) continue;
        // Every other edge groups its ends' strategies at random (as strategies giving one sharding share a row).
        boolean grouped = r.nextBoolean();
        int[] ga = groups(r, p.nodes().get(a).strategies(), grouped), gb = groups(r, p.nodes().get(b).strategies(), grouped);
        double[][] c = new double[java.util.Arrays.stream(ga).max().getAsInt() + 1][java.util.Arrays.stream(gb).max().getAsInt() + 1];
        for (double[] row : c) for (int j = 0; j < row.length; j++) row[j] = r.nextInt(20) == 0 ? ShardingProblem.INFINITY : r.nextDouble() * 80;
        if (grouped) p.addEdge(a, b, ga, gb, c);
        else p.addEdge(a, b, c);
      }
    return p;
  }

  /** A group per strategy: the identity, or random groups numbered densely from 0. */
  private static int[] groups(Random r, int n, boolean grouped) {
    int[] g = new int[n];
    if (!grouped) {
      for (int i = 0; i < n; i++) g[i] = i;
      return g;
    }
    int count = 1 + r.nextInt(n);
    for (int i = 0; i < n; i++) g[i] = i < count ? i : r.nextInt(count);
    return g;
  }

  /** The least cost over every assignment within the memory limit (depth-first, costs added as nodes are fixed); INFINITY if none. */
  static double bruteForce(ShardingProblem p, long limit) {
    int n = p.nodes().size();
    List<List<ShardingProblem.Edge>> closing = new ArrayList<>();
    for (int i = 0; i < n; i++) closing.add(new ArrayList<>());
    for (ShardingProblem.Edge e : p.edges()) closing.get(Math.max(e.src(), e.dst())).add(e);
    return dfs(p, closing, new int[n], 0, 0, 0, limit);
  }

  private static double dfs(ShardingProblem p, List<List<ShardingProblem.Edge>> closing, int[] choice, int i, double cost, long mem, long limit) {
    if (i == choice.length) return mem <= limit ? cost : ShardingProblem.INFINITY;
    double best = ShardingProblem.INFINITY;
    ShardingProblem.Node node = p.nodes().get(i);
    for (int s = 0; s < node.strategies(); s++) {
      choice[i] = s;
      double c = cost + node.cost(s);
      for (ShardingProblem.Edge e : closing.get(i)) c += e.cost(choice[e.src()], choice[e.dst()]);
      if (Double.isInfinite(c)) continue;
      best = Math.min(best, dfs(p, closing, choice, i + 1, c, mem + node.memory()[s], limit));
    }
    return best;
  }

  @ParameterizedTest(name = "graph {0}")
  @MethodSource("seeds")
  void ilpOptimumEqualsBruteForce(int seed) {
    Random r = new Random(seed);
    ShardingProblem p = randomGraph(r);
    long limit = Long.MAX_VALUE;
    if (seed % 2 == 1) {
      // Between the sum of the per-node least and the sum of the per-node most memory.
      long least = 0, most = 0;
      for (ShardingProblem.Node node : p.nodes()) {
        least += java.util.Arrays.stream(node.memory()).min().getAsLong();
        most += java.util.Arrays.stream(node.memory()).max().getAsLong();
      }
      limit = least + (long) ((most - least) * (0.2 + 0.6 * r.nextDouble()));
    }
    double expected = bruteForce(p, limit);
    ShardingIlp.Solution s = ShardingIlp.solve(p, limit, new ShardingIlp.Options(20, 7, 1));
    if (Double.isInfinite(expected)) {
      assertEquals(ShardingIlp.Status.INFEASIBLE, s.status(), "brute force finds no plan");
      return;
    }
    assertEquals(ShardingIlp.Status.OPTIMAL, s.status());
    assertTrue(s.memory() <= limit, "memory " + s.memory() + " over the limit " + limit);
    assertEquals(expected, s.objective(), 1e-6 * Math.max(1, expected), "objective of " + p.nodes().size() + " nodes, " + p.edges().size() + " edges");
    assertEquals(p.cost(s.choice()), s.objective());
  }

  @Test
  void sameSeedSamePlan() {
    ShardingProblem p = randomGraph(new Random(123));
    ShardingIlp.Options o = new ShardingIlp.Options(10, 42, 1);
    assertArrayEquals(ShardingIlp.solve(p, Long.MAX_VALUE, o).choice(), ShardingIlp.solve(p, Long.MAX_VALUE, o).choice());
  }

  /** Two nodes, where the cheap plan needs 10 bytes and a 6-byte plan exists; with 5 bytes none. */
  @Test
  void memoryLimitAndMinimumMemory() {
    ShardingProblem p = new ShardingProblem();
    p.addNode("a", new double[] {1, 5}, new double[] {0, 0}, new long[] {6, 3});
    p.addNode("b", new double[] {1, 5}, new double[] {0, 0}, new long[] {4, 2});
    p.addEdge(0, 1, new double[][] {{0, ShardingProblem.INFINITY}, {ShardingProblem.INFINITY, 0}});
    ShardingIlp.Options o = ShardingIlp.Options.DEFAULT;
    assertArrayEquals(new int[] {0, 0}, ShardingIlp.solve(p, Long.MAX_VALUE, o).choice());
    ShardingIlp.Solution fit = ShardingIlp.solve(p, 7, o);
    assertArrayEquals(new int[] {1, 1}, fit.choice());
    assertEquals(10.0, fit.objective());
    assertFalse(ShardingIlp.solve(p, 4, o).found());
    assertEquals(5, ShardingIlp.minimumMemory(p, o));
  }
}
