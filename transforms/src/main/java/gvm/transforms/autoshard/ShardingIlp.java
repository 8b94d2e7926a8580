package gvm.transforms.autoshard;

import com.google.ortools.Loader;
import com.google.ortools.sat.BoolVar;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.LinearArgument;
import com.google.ortools.sat.LinearExpr;
import com.google.ortools.sat.LinearExprBuilder;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The auto-sharding ILP, written as Alpa (Zheng et al., OSDI'22, section 4.2) and XLA's
 * auto-sharding write it, solved with OR-Tools' CP-SAT:
 * <ul>
 *   <li>one one-hot vector {@code s_v} per node (exactly one strategy);
 *   <li>one one-hot vector {@code e_uv} per edge over the strategy pairs, tied to both ends: its row
 *       sums equal {@code s_u} and its column sums equal {@code s_v} (so {@code e_uv = s_u s_v^T}
 *       without a quadratic term);
 *   <li>minimise {@code sum_v (c_v + d_v)·s_v + sum_uv R_uv·e_uv} (compute, communication, resharding);
 *   <li>one memory constraint on the per-device total {@code sum_v m_v·s_v <= limit}: gvm sums every
 *       node's memory rather than one constraint per liveness step, which bounds the weights (they are
 *       live throughout) exactly and the activations from above.
 * </ul>
 * Forbidden strategies and pairs (infinite cost) get no variable. CP-SAT needs integer costs, so the
 * costs are scaled by a power of two that maps the largest finite coefficient to about 2^40; the
 * reported objective is recomputed in doubles from the chosen strategies.
 */
public final class ShardingIlp {
  private ShardingIlp() {}

  /** How to solve: a wall-clock limit, CP-SAT's random seed and its number of workers (1 is deterministic). */
  public record Options(double timeLimitSeconds, int seed, int workers) {
    public static final Options DEFAULT = new Options(30, 0, 1);
  }

  /** The solver's verdict. */
  public enum Status { OPTIMAL, FEASIBLE, INFEASIBLE, UNKNOWN }

  /**
   * A plan: one strategy index per node (null unless OPTIMAL or FEASIBLE), its objective and memory,
   * the seconds to build and solve the model and those CP-SAT reports for its search alone, and the
   * number of 0-1 variables.
   */
  public record Solution(Status status, int[] choice, double objective, long memory, double solveSeconds, double solverSeconds, int variables) {
    public boolean found() { return status == Status.OPTIMAL || status == Status.FEASIBLE; }
  }

  private static volatile boolean loaded;

  /** Loads OR-Tools' native library once (it is unpacked from the ortools-linux jar). */
  static void loadNatives() {
    if (loaded) return;
    synchronized (ShardingIlp.class) {
      if (!loaded) {
        Loader.loadNativeLibraries();
        loaded = true;
      }
    }
  }

  /** Minimises the problem's cost with the per-device memory at most {@code memoryLimit} bytes. */
  public static Solution solve(ShardingProblem p, long memoryLimit, Options o) {
    return new Builder(p, false).run(memoryLimit, o);
  }

  /** The least per-device memory of any plan whose costs are all finite; -1 when there is none. */
  public static long minimumMemory(ShardingProblem p, Options o) {
    Solution s = new Builder(p, true).run(Long.MAX_VALUE, o);
    return s.found() ? s.memory() : -1;
  }

  /** One model: variables per node strategy and per allowed edge pair. */
  private static final class Builder {
    private final ShardingProblem p;
    private final boolean minimiseMemory;
    private final CpModel model = new CpModel();
    /** Per node, per strategy: its literal, or null where the strategy is forbidden. */
    private final BoolVar[][] s;
    /** Per node, per strategy: the cost folded onto the node (its own and that of edges folded into it). */
    private final double[][] nodeCost;
    private final List<ShardingProblem.Edge> edges = new ArrayList<>();
    private int variables;

    /** When building began: the solve time covers folding the edges too. */
    private final long start = System.nanoTime();

    Builder(ShardingProblem p, boolean minimiseMemory) {
      loadNatives();
      this.p = p;
      this.minimiseMemory = minimiseMemory;
      int n = p.nodes().size();
      s = new BoolVar[n][];
      nodeCost = new double[n][];
      for (int i = 0; i < n; i++) {
        ShardingProblem.Node node = p.nodes().get(i);
        nodeCost[i] = new double[node.strategies()];
        for (int k = 0; k < node.strategies(); k++) nodeCost[i][k] = minimiseMemory ? (Double.isInfinite(node.cost(k)) ? ShardingProblem.INFINITY : 0) : node.cost(k);
      }
      foldEdges();
    }

    /**
     * Merges parallel edges (same ends and groups), and folds into the node cost the edges whose
     * resharding only depends on one end: self edges (the diagonal) and edges from or to a node with
     * one strategy.
     */
    private void foldEdges() {
      Map<String, ShardingProblem.Edge> merged = new LinkedHashMap<>();
      for (ShardingProblem.Edge e : p.edges()) {
        int a = e.src(), b = e.dst();
        int na = p.nodes().get(a).strategies(), nb = p.nodes().get(b).strategies();
        if (a == b) {
          for (int k = 0; k < na; k++) nodeCost[a][k] += cost(e.cost(k, k));
        } else if (na == 1) {
          for (int k = 0; k < nb; k++) nodeCost[b][k] += cost(e.cost(0, k));
        } else if (nb == 1) {
          for (int k = 0; k < na; k++) nodeCost[a][k] += cost(e.cost(k, 0));
        } else {
          String key = a + "," + b + java.util.Arrays.toString(e.srcGroup()) + java.util.Arrays.toString(e.dstGroup());
          ShardingProblem.Edge m = merged.computeIfAbsent(key,
              k -> new ShardingProblem.Edge(a, b, e.srcGroup(), e.dstGroup(), new double[e.cost().length][e.cost()[0].length]));
          for (int x = 0; x < e.cost().length; x++) for (int y = 0; y < e.cost()[x].length; y++) m.cost()[x][y] += cost(e.cost()[x][y]);
        }
      }
      for (ShardingProblem.Edge m : merged.values()) {
        boolean allZero = true;
        for (double[] row : m.cost()) for (double v : row) allZero &= v == 0;
        if (!allZero) edges.add(m);
      }
    }

    /** In memory mode only feasibility counts: finite costs become 0. */
    private double cost(double c) { return minimiseMemory && !Double.isInfinite(c) ? 0 : c; }

    Solution run(long memoryLimit, Options o) {
      double scale = scale();
      LinearExprBuilder objective = LinearExpr.newBuilder();
      LinearExprBuilder memory = LinearExpr.newBuilder();
      for (int i = 0; i < s.length; i++) {
        ShardingProblem.Node node = p.nodes().get(i);
        s[i] = new BoolVar[node.strategies()];
        List<com.google.ortools.sat.Literal> allowed = new ArrayList<>();
        for (int k = 0; k < node.strategies(); k++) {
          if (Double.isInfinite(nodeCost[i][k])) continue;
          s[i][k] = model.newBoolVar(node.name() + "#" + k);
          variables++;
          allowed.add(s[i][k]);
          objective.addTerm(s[i][k], Math.round(nodeCost[i][k] * scale));
          memory.addTerm(s[i][k], node.memory()[k]);
        }
        if (allowed.isEmpty()) return new Solution(Status.INFEASIBLE, null, ShardingProblem.INFINITY, -1, seconds(start), 0, variables);
        model.addExactlyOne(allowed);
      }
      for (ShardingProblem.Edge e : edges) addEdge(e, scale, objective);
      if (minimiseMemory) model.minimize(memory);
      else model.minimize(objective);
      if (memoryLimit != Long.MAX_VALUE) model.addLessOrEqual(memory, memoryLimit);

      CpSolver solver = new CpSolver();
      solver.getParameters().setMaxTimeInSeconds(o.timeLimitSeconds()).setRandomSeed(o.seed()).setNumWorkers(o.workers());
      // The LP relaxation of the one-hot/edge formulation is tight; with all its constraints in
      // CP-SAT's LP (level 2) the bound closes in seconds where level 1 keeps searching (Llama-7B on 2x4).
      solver.getParameters().setLinearizationLevel(2);
      CpSolverStatus status = solver.solve(model);
      Status st = switch (status) {
        case OPTIMAL -> Status.OPTIMAL;
        case FEASIBLE -> Status.FEASIBLE;
        case INFEASIBLE -> Status.INFEASIBLE;
        default -> Status.UNKNOWN;
      };
      if (st != Status.OPTIMAL && st != Status.FEASIBLE) return new Solution(st, null, ShardingProblem.INFINITY, -1, seconds(start), solver.wallTime(), variables);
      int[] choice = new int[s.length];
      for (int i = 0; i < s.length; i++)
        for (int k = 0; k < s[i].length; k++) if (s[i][k] != null && solver.booleanValue(s[i][k])) choice[i] = k;
      return new Solution(st, choice, p.cost(choice), p.memory(choice), seconds(start), solver.wallTime(), variables);
    }

    /**
     * e_uv over the allowed pairs of groups; the row of group g sums to the strategies of u in g
     * (one of them is chosen, so that sum is 0 or 1), the column of group h to those of v in h.
     */
    private void addEdge(ShardingProblem.Edge e, double scale, LinearExprBuilder objective) {
      int u = e.src(), v = e.dst();
      double[][] c = e.cost();
      int ng = c.length, nh = c[0].length;
      List<List<LinearArgument>> rowVars = groups(ng), colVars = groups(nh), rowStrategies = groups(ng), colStrategies = groups(nh);
      for (int a = 0; a < s[u].length; a++) if (s[u][a] != null) rowStrategies.get(e.srcGroup()[a]).add(s[u][a]);
      for (int b = 0; b < s[v].length; b++) if (s[v][b] != null) colStrategies.get(e.dstGroup()[b]).add(s[v][b]);
      for (int g = 0; g < ng; g++) {
        if (rowStrategies.get(g).isEmpty()) continue;
        for (int h = 0; h < nh; h++) {
          if (colStrategies.get(h).isEmpty() || Double.isInfinite(c[g][h])) continue;
          BoolVar x = model.newBoolVar("e" + u + "_" + v + "#" + g + "," + h);
          variables++;
          rowVars.get(g).add(x);
          colVars.get(h).add(x);
          long w = Math.round(c[g][h] * scale);
          if (w != 0) objective.addTerm(x, w);
        }
      }
      for (int g = 0; g < ng; g++)
        if (!rowStrategies.get(g).isEmpty()) model.addEquality(sum(rowVars.get(g)), sum(rowStrategies.get(g)));
      for (int h = 0; h < nh; h++)
        if (!colStrategies.get(h).isEmpty()) model.addEquality(sum(colVars.get(h)), sum(colStrategies.get(h)));
    }

    private static List<List<LinearArgument>> groups(int n) {
      List<List<LinearArgument>> l = new ArrayList<>();
      for (int i = 0; i < n; i++) l.add(new ArrayList<>());
      return l;
    }

    private static LinearExpr sum(List<LinearArgument> l) { return LinearExpr.sum(l.toArray(new LinearArgument[0])); }

    /** A power of two mapping the largest finite cost coefficient to at most 2^40 (CP-SAT works in 64-bit integers). */
    private double scale() {
      double max = 0;
      for (double[] c : nodeCost) for (double v : c) if (!Double.isInfinite(v)) max = Math.max(max, Math.abs(v));
      for (ShardingProblem.Edge e : edges) for (double[] row : e.cost()) for (double v : row) if (!Double.isInfinite(v)) max = Math.max(max, Math.abs(v));
      if (max == 0) return 1;
      return Math.scalb(1.0, 40 - Math.getExponent(max) - 1);
    }

    private static double seconds(long start) { return (System.nanoTime() - start) / 1e9; }
  }
}
