package gvm.transforms.autoshard;

import java.util.ArrayList;
import java.util.List;

/**
 * The auto-sharding problem over an abstract graph, as Alpa's intra-op pass and XLA's auto-sharding
 * state it: each node has a set of strategies, each with a compute cost, a communication cost (both
 * in seconds) and a memory need (bytes per device); each edge has a resharding cost per pair of
 * (producer strategy, consumer strategy). A cost of {@link #INFINITY} forbids that strategy or pair.
 * {@link ShardingIlp} picks one strategy per node minimising the sum of all costs.
 */
public final class ShardingProblem {
  /** The cost of a strategy or a resharding that does not exist. */
  public static final double INFINITY = Double.POSITIVE_INFINITY;

  /** One node: its name (for reports) and, per strategy, its costs. */
  public record Node(String name, double[] compute, double[] comm, long[] memory) {
    public int strategies() { return compute.length; }

    /** Compute plus communication of strategy {@code s}. */
    public double cost(int s) { return compute[s] + comm[s]; }
  }

  /**
   * A producer-consumer edge. The strategies of each end fall into groups (those giving, or needing,
   * the same sharding of the value on the edge); {@code cost[g][h]} reshards group g of {@code
   * src}'s strategies to group h of {@code dst}'s. With one group per strategy, {@code cost[a][b]}.
   */
  public record Edge(int src, int dst, int[] srcGroup, int[] dstGroup, double[][] cost) {
    /** The resharding cost between strategy {@code a} of src and strategy {@code b} of dst. */
    public double cost(int a, int b) { return cost[srcGroup[a]][dstGroup[b]]; }
  }

  private final List<Node> nodes = new ArrayList<>();
  private final List<Edge> edges = new ArrayList<>();

  /** Adds a node and returns its index; the three arrays have one entry per strategy (at least one). */
  public int addNode(String name, double[] compute, double[] comm, long[] memory) {
    if (compute.length == 0 || comm.length != compute.length || memory.length != compute.length)
      throw new IllegalArgumentException("node " + name + ": strategy vectors of different lengths or empty");
    nodes.add(new Node(name, compute, comm, memory));
    return nodes.size() - 1;
  }

  /** Adds an edge; {@code cost} is |strategies(src)| x |strategies(dst)|. */
  public void addEdge(int src, int dst, double[][] cost) {
    addEdge(src, dst, identity(nodes.get(src).strategies()), identity(nodes.get(dst).strategies()), cost);
  }

  /** Adds an edge whose cost depends on the groups of its ends' strategies: {@code cost} is |groups(src)| x |groups(dst)|. */
  public void addEdge(int src, int dst, int[] srcGroup, int[] dstGroup, double[][] cost) {
    if (srcGroup.length != nodes.get(src).strategies() || dstGroup.length != nodes.get(dst).strategies())
      throw new IllegalArgumentException("edge " + src + "->" + dst + ": a group map per strategy of each end expected");
    for (int g : srcGroup) if (g < 0 || g >= cost.length) throw new IllegalArgumentException("edge " + src + "->" + dst + ": no row for group " + g);
    for (double[] row : cost)
      for (int g : dstGroup) if (g < 0 || g >= row.length) throw new IllegalArgumentException("edge " + src + "->" + dst + ": no column for group " + g);
    edges.add(new Edge(src, dst, srcGroup, dstGroup, cost));
  }

  private static int[] identity(int n) {
    int[] g = new int[n];
    for (int i = 0; i < n; i++) g[i] = i;
    return g;
  }

  public List<Node> nodes() { return nodes; }

  public List<Edge> edges() { return edges; }

  /** The objective of a full choice (one strategy index per node); {@link #INFINITY} when it uses a forbidden strategy or pair. */
  public double cost(int[] choice) {
    double total = 0;
    for (int i = 0; i < nodes.size(); i++) total += nodes.get(i).cost(choice[i]);
    for (Edge e : edges) total += e.cost(choice[e.src], choice[e.dst]);
    return total;
  }

  /** The per-device memory of a full choice: the sum of the chosen strategies' memory. */
  public long memory(int[] choice) {
    long total = 0;
    for (int i = 0; i < nodes.size(); i++) total += nodes.get(i).memory[choice[i]];
    return total;
  }
}
