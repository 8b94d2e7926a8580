package gvm.transforms.autoshard;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.Trait;
import gvm.ir.types.RankedTensorType;
import gvm.transforms.mesh.ShardingInterface;
import gvm.transforms.mesh.ShardingInterfaces;
import gvm.transforms.mesh.ShardingInterface.IteratorType;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The ops of one or more functions as a {@link ShardingProblem}. Each value-producing op (and each
 * ranked-tensor function argument) is an item with its strategies ({@link Strategy}); then
 * <ul>
 *   <li><b>followers</b>: an op whose loops are all parallel and that, for every strategy of the
 *       op producing its first tensor operand (its leader), has a strategy taking that operand as it
 *       comes, follows its leader: it gets no variables, its costs join the leader's strategies and
 *       its edges become the leader's (element-wise ops, reshapes);
 *   <li><b>shared variables</b>: the weights named alike ({@code gvm.param "name"}, in every
 *       function) share one variable set, and so do the ops of repeated layers: in each function the
 *       sequence of leaders is scanned for the period P with the longest run of ops equal to the op P
 *       places later (same op, types and operand offsets), and the ops of that run P apart share one
 *       set, so the ILP does not grow with the number of identical layers;
 *   <li>per pair of classes, one resharding matrix: the sum over the IR edges between their members.
 * </ul>
 */
final class ShardingGraph {
  /** One value producer (op, function argument) or consumer (return): its strategies, its leader and the map into the leader's. */
  static final class Item {
    final Operation op;
    final BlockArgument arg;
    final List<Strategy> strategies;
    final double weight;
    Item leader;
    /** For followers: the strategy taken for each strategy of the root. */
    int[] follow;
    int klass = -1;

    Item(Operation op, BlockArgument arg, List<Strategy> strategies, double weight) {
      this.op = op;
      this.arg = arg;
      this.strategies = strategies;
      this.weight = weight;
    }

    Item root() { return leader == null ? this : leader.root(); }

    /** This item's strategy when its root takes strategy {@code r}. */
    int strategyFor(int r) { return leader == null ? r : follow[r]; }

    String name() {
      if (op == null) return "argument #" + arg.index();
      if (op.name().equals("gptvm.param") && op.prop("name") instanceof StringAttr s) return "gptvm.param \"" + s.value() + "\"";
      return op.name();
    }
  }

  final Costs costs;
  final List<Item> items = new ArrayList<>();
  final Map<Value, Item> producer = new IdentityHashMap<>();
  /** Classes: the roots sharing one variable set (the first one stands for all). */
  final List<List<Item>> classes = new ArrayList<>();
  int repeatedLayers, followers;

  ShardingGraph(Costs costs) { this.costs = costs; }

  /** Adds the top-level ops of a single-block function, weighing its costs by {@code weight}. */
  void addFunction(Operation func, double weight) {
    Block body = func.region(0).blocks().get(0);
    List<Item> roots = new ArrayList<>();
    int firstItem = items.size();
    for (BlockArgument a : body.arguments())
      if (a.type() instanceof RankedTensorType t) add(new Item(null, a, Strategy.forSource(t, costs), weight), roots);
    for (Operation op : body.operations()) {
      if (!touchesTensors(op)) continue;
      add(new Item(op, null, strategies(op), weight), roots);
    }
    detectRepeats(roots, firstItem);
  }

  private static boolean touchesTensors(Operation op) {
    for (Value v : op.operands()) if (v.type() instanceof RankedTensorType) return true;
    for (Value v : op.results()) if (v.type() instanceof RankedTensorType) return true;
    return false;
  }

  private List<Strategy> strategies(Operation op) {
    if (op.name().equals("gptvm.param") && op.numResults() == 1 && op.result(0).type() instanceof RankedTensorType t)
      return Strategy.forSource(t, costs);
    if (op.hasTrait(Trait.RETURN_LIKE)) return List.of(Strategy.replicated(op, costs));
    ShardingInterface si = ShardingInterfaces.lookup(op);
    if (si == null) return List.of(Strategy.replicated(op, costs));
    List<Strategy> l;
    try {
      l = Strategy.forOp(op, si, costs);
    } catch (RuntimeException e) {
      // An interface that cannot describe this instance (an unranked or odd-shaped operand): keep it replicated.
      return List.of(Strategy.replicated(op, costs));
    }
    return l.isEmpty() ? List.of(Strategy.replicated(op, costs)) : l;
  }

  private void add(Item it, List<Item> roots) {
    items.add(it);
    if (it.op != null) {
      for (OpResult r : it.op.results()) producer.put(r, it);
      tryFollow(it);
    } else {
      producer.put(it.arg, it);
    }
    if (it.leader == null) roots.add(it);
    else followers++;
  }

  /** Makes {@code it} a follower of the producer of its first tensor operand when every root strategy has a free match. */
  private void tryFollow(Item it) {
    Operation op = it.op;
    if (op.hasTrait(Trait.RETURN_LIKE) || it.strategies.size() < 2) return;
    ShardingInterface si = ShardingInterfaces.lookup(op);
    if (si == null || si.loopIteratorTypes(op).contains(IteratorType.REDUCTION)) return;
    int j = -1;
    for (int i = 0; i < op.numOperands() && j < 0; i++) if (op.operand(i).type() instanceof RankedTensorType && producer.containsKey(op.operand(i))) j = i;
    if (j < 0) return;
    Value v = op.operand(j);
    Item lead = producer.get(v);
    int resultIndex = v instanceof OpResult r ? r.index() : 0;
    Item root = lead.root();
    int[] follow = new int[root.strategies.size()];
    for (int r = 0; r < follow.length; r++) {
      Placement p = lead.strategies.get(lead.strategyFor(r)).results()[resultIndex];
      int best = -1;
      for (int s = 0; s < it.strategies.size(); s++) {
        Strategy st = it.strategies.get(s);
        if (p.equals(st.operands()[j]) && (best < 0 || st.compute() + st.comm() < it.strategies.get(best).compute() + it.strategies.get(best).comm()))
          best = s;
      }
      if (best < 0) return;
      follow[r] = best;
    }
    it.leader = lead;
    it.follow = follow;
  }

  // ---- repeated layers ----

  /** Union-find over roots. */
  private final Map<Item, Item> parent = new IdentityHashMap<>();

  private Item find(Item x) {
    Item p = parent.getOrDefault(x, x);
    if (p == x) return x;
    Item r = find(p);
    parent.put(x, r);
    return r;
  }

  private void union(Item a, Item b) {
    if (a.strategies.size() != b.strategies.size()) return;
    Item ra = find(a), rb = find(b);
    if (ra != rb) parent.put(rb, ra);
  }

  /**
   * Signature of a root: op, types, and how many items back each operand's producer is (or the
   * operand's type when it comes from outside the function's items).
   */
  private String signature(Item it, Map<Item, Integer> index) {
    if (it.op == null) return "arg:" + it.arg.type();
    StringBuilder b = new StringBuilder(it.op.name()).append('|').append(it.op.resultTypes()).append('|');
    for (Value v : it.op.operands()) {
      Item p = producer.get(v);
      Integer at = p == null ? null : index.get(p);
      b.append(at == null ? v.type().toString() : "@" + (index.get(it) - at)).append(',');
    }
    return b.toString();
  }

  private void detectRepeats(List<Item> roots, int firstItem) {
    int n = roots.size();
    Map<Item, Integer> index = new IdentityHashMap<>();
    for (int i = firstItem; i < items.size(); i++) index.put(items.get(i), i);
    Map<String, Integer> ids = new HashMap<>();
    int[] sig = new int[n];
    for (int i = 0; i < n; i++) sig[i] = ids.computeIfAbsent(signature(roots.get(i), index), k -> ids.size());
    int bestP = 0, bestStart = 0, bestLen = 0, bestCover = 0;
    for (int p = 4; p <= n / 2; p++) {
      int run = 0;
      for (int i = 0; i + p <= n; i++) {
        if (i + p < n && sig[i] == sig[i + p]) {
          run++;
          continue;
        }
        int reps = (run + p) / p, cover = reps * p;
        if (reps >= 2 && cover > bestCover) {
          bestCover = cover;
          bestP = p;
          bestStart = i - run;
          bestLen = run;
        }
        run = 0;
      }
    }
    if (bestP == 0) return;
    for (int i = bestStart; i < bestStart + bestLen; i++) union(roots.get(i), roots.get(i + bestP));
    repeatedLayers += (bestLen + bestP) / bestP;
  }

  // ---- the problem ----

  /** Groups roots into classes: weights by name, then the repeats found per function. */
  void formClasses() {
    Map<String, Item> byName = new HashMap<>();
    for (Item it : items) {
      if (it.leader != null || it.op == null || !it.op.name().equals("gptvm.param")) continue;
      String name = it.name();
      Item first = byName.putIfAbsent(name, it);
      if (first != null) union(first, it);
    }
    Map<Item, Integer> classOf = new IdentityHashMap<>();
    for (Item it : items) {
      if (it.leader != null) continue;
      Item r = find(it);
      Integer k = classOf.get(r);
      if (k == null) {
        k = classes.size();
        classOf.put(r, k);
        classes.add(new ArrayList<>());
      }
      classes.get(k).add(it);
      it.klass = k;
    }
    for (Item it : items) if (it.leader != null) it.klass = it.root().klass;
  }

  /** Numbers the distinct placements {@code of} gives strategies 0..n-1 (collected in {@code distinct}); per strategy its number. */
  private static int[] group(int n, java.util.function.IntFunction<Placement> of, List<Placement> distinct) {
    int[] g = new int[n];
    for (int x = 0; x < n; x++) {
      Placement pl = of.apply(x);
      int k = distinct.indexOf(pl);
      if (k < 0) {
        k = distinct.size();
        distinct.add(pl);
      }
      g[x] = k;
    }
    return g;
  }

  /** The ILP's problem: one node per class, one edge per pair of classes with an IR edge between them. */
  ShardingProblem problem() {
    ShardingProblem p = new ShardingProblem();
    int nc = classes.size();
    double[][] compute = new double[nc][], comm = new double[nc][];
    long[][] memory = new long[nc][];
    for (int k = 0; k < nc; k++) {
      int ns = classes.get(k).get(0).strategies.size();
      compute[k] = new double[ns];
      comm[k] = new double[ns];
      memory[k] = new long[ns];
    }
    java.util.Set<String> weightsCounted = new java.util.HashSet<>();
    for (Item it : items) {
      int k = it.klass;
      // A weight read by several functions is stored once.
      boolean countMemory = it.op == null || !it.op.name().equals("gptvm.param") || weightsCounted.add(it.name());
      for (int r = 0; r < compute[k].length; r++) {
        Strategy s = it.strategies.get(it.strategyFor(r));
        compute[k][r] += it.weight * s.compute();
        comm[k][r] += it.weight * s.comm();
        if (countMemory) memory[k][r] += s.memory();
      }
    }
    for (int k = 0; k < nc; k++) p.addNode(classes.get(k).get(0).name() + " (" + classes.get(k).size() + ")", compute[k], comm[k], memory[k]);
    // One edge per class pair and grouping: strategies of the producer's class grouped by the
    // sharding they give the value, those of the consumer's by the sharding they need.
    Map<String, Object[]> edges = new LinkedHashMap<>();
    for (Item consumer : items) {
      if (consumer.op == null) continue;
      for (int j = 0; j < consumer.op.numOperands(); j++) {
        Value v = consumer.op.operand(j);
        Item prod = producer.get(v);
        if (prod == null || !(v.type() instanceof RankedTensorType t)) continue;
        int ri = v instanceof OpResult r ? r.index() : 0, jj = j;
        int a = prod.klass, b = consumer.klass;
        List<Placement> froms = new ArrayList<>(), tos = new ArrayList<>();
        int[] ga = group(compute[a].length, x -> prod.strategies.get(prod.strategyFor(x)).results()[ri], froms);
        int[] gb = group(compute[b].length, y -> consumer.strategies.get(consumer.strategyFor(y)).operands()[jj], tos);
        if (tos.contains(null)) continue;
        if (a == b) {
          // Both ends take the same strategy: a self edge of one group per strategy.
          double[][] m = new double[ga.length][ga.length];
          for (int x = 0; x < ga.length; x++) m[x][x] = consumer.weight * costs.reshard(t, froms.get(ga[x]), tos.get(gb[x]));
          p.addEdge(a, a, m);
          continue;
        }
        String key = a + "," + b + java.util.Arrays.toString(ga) + java.util.Arrays.toString(gb);
        Object[] e = edges.computeIfAbsent(key, k -> new Object[] {ga, gb, new double[froms.size()][tos.size()]});
        double[][] m = (double[][]) e[2];
        for (int x = 0; x < froms.size(); x++)
          for (int y = 0; y < tos.size(); y++) m[x][y] += consumer.weight * costs.reshard(t, froms.get(x), tos.get(y));
      }
    }
    for (Map.Entry<String, Object[]> e : edges.entrySet()) {
      String[] ends = e.getKey().substring(0, e.getKey().indexOf('[')).split(",");
      p.addEdge(Integer.parseInt(ends[0]), Integer.parseInt(ends[1]), (int[]) e.getValue()[0], (int[]) e.getValue()[1], (double[][]) e.getValue()[2]);
    }
    return p;
  }
}
