package gvm.transforms.autoshard;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.types.RankedTensorType;
import java.io.IOException;
import java.nio.file.Path;

/**
 * The plan as JSON ({@code --gptvm-shard-report=FILE}): the mesh, machine and solver (status,
 * objective in seconds, solve time, variables, classes after sharing), the totals, per op its chosen
 * strategy (operand and result shardings), whether it follows another op, its costs and the axes of
 * its all-reduce, and per edge that needs one the resharding collectives and their cost.
 */
final class ShardReport {
  private ShardReport() {}

  static void write(Path file, ShardingGraph g, ShardingProblem problem, ShardingIlp.Solution sol, Costs costs, String meshName, long limit,
      String objective) throws IOException {
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode root = json.createObjectNode();
    ObjectNode mesh = root.putObject("mesh");
    mesh.put("name", meshName);
    ArrayNode shape = mesh.putArray("shape");
    for (long d : costs.meshShape()) shape.add(d);
    root.put("machine", costs.machine().name());
    root.put("objective", objective);
    ObjectNode solver = root.putObject("solver");
    solver.put("name", "OR-Tools CP-SAT");
    solver.put("status", sol.status().name());
    solver.put("objective_seconds", sol.objective());
    solver.put("solve_seconds", sol.solveSeconds());
    solver.put("cp_sat_seconds", sol.solverSeconds());
    solver.put("variables", sol.variables());
    solver.put("ilp_nodes", problem.nodes().size());
    solver.put("ilp_edges", problem.edges().size());
    solver.put("graph_ops", g.items.size());
    solver.put("followers", g.followers);
    solver.put("repeated_layers", g.repeatedLayers);

    double compute = 0, comm = 0, reshard = 0;
    ArrayNode ops = root.putArray("ops");
    ArrayNode edges = root.putArray("edges");
    java.util.Map<ShardingGraph.Item, Integer> index = new java.util.IdentityHashMap<>();
    for (ShardingGraph.Item it : g.items) {
      index.put(it, index.size());
      Strategy s = it.strategies.get(it.strategyFor(sol.choice()[it.klass]));
      ObjectNode o = ops.addObject();
      o.put("id", index.get(it));
      o.put("function", function(it));
      o.put("op", it.name());
      if (it.op != null) o.put("loc", it.op.loc().toString());
      o.put("strategy", it.op == null ? s.results()[0].describe(((RankedTensorType) it.arg.type()).shape().rank()) : s.describe(it.op));
      if (it.leader != null) o.put("follows", index.get(it.leader));
      o.put("compute_seconds", it.weight * s.compute());
      o.put("communication_seconds", it.weight * s.comm());
      ArrayNode ar = o.putArray("all_reduce_axes");
      for (long a : s.allReduceAxes()) ar.add(a);
      o.put("memory_bytes", s.memory());
      compute += it.weight * s.compute();
      comm += it.weight * s.comm();
      if (it.op == null) continue;
      for (int j = 0; j < it.op.numOperands(); j++) {
        Value v = it.op.operand(j);
        Value orig = v instanceof OpResult r && r.owner().name().equals("mesh.shard") ? r.owner().operand(0) : v;
        if (orig instanceof OpResult r2 && r2.owner().name().equals("mesh.shard")) orig = r2.owner().operand(0);
        ShardingGraph.Item p = g.producer.get(orig);
        if (p == null || s.operands()[j] == null || !(orig.type() instanceof RankedTensorType t)) continue;
        Placement from = p.strategies.get(p.strategyFor(sol.choice()[p.klass])).results()[orig instanceof OpResult r3 ? r3.index() : 0];
        if (from.equals(s.operands()[j])) continue;
        double cost = it.weight * costs.reshard(t, from, s.operands()[j]);
        reshard += cost;
        ObjectNode e = edges.addObject();
        e.put("from", index.get(p));
        e.put("to", index.get(it));
        e.put("operand", j);
        e.put("from_sharding", from.describe(t.shape().rank()));
        e.put("to_sharding", s.operands()[j].describe(t.shape().rank()));
        ArrayNode cs = e.putArray("collectives");
        for (String c : costs.reshardCollectives(from, s.operands()[j])) cs.add(c);
        e.put("seconds", cost);
      }
    }
    ObjectNode totals = root.putObject("totals");
    totals.put("compute_seconds", compute);
    totals.put("communication_seconds", comm);
    totals.put("resharding_seconds", reshard);
    totals.put("memory_bytes_per_device", sol.memory());
    totals.put("memory_limit_bytes", limit);
    json.writeValue(file.toFile(), root);
  }

  private static String function(ShardingGraph.Item it) {
    Operation f = it.op != null ? it.op.parentOp() : it.arg.parentBlock().parentOp();
    return f != null && f.prop("sym_name") instanceof gvm.ir.attributes.StringAttr s ? s.value() : "";
  }
}
