package gvm.transforms.inline;

import gvm.dialect.builtin.ir.SymbolTable;
import gvm.dialect.cf.ir.BranchOp;
import gvm.dialect.func.ir.CallOp;
import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.func.ir.ReturnOp;
import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Context;
import gvm.ir.IRMapping;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.Trait;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Inlines {@code func.call}s of the functions of one symbol table, as MLIR's Inliner: the call
 * graph's strongly connected components are visited callees first; in each, calls to functions
 * outside the component (and not self-recursive) are replaced by a clone of the callee's body,
 * then {@code simplify} runs on each function of the component. Private functions left without
 * uses are erased. A multi-block callee splits the caller's block; its returns become branches.
 */
public final class Inliner {
  private final Context ctx;
  private final long threshold;
  private final Consumer<Operation> simplify;
  /** Counter reported as a pass statistic. */
  public long numInlined;

  /**
   * @param threshold the largest callee/caller op-count ratio in percent that may be inlined; -1 for no limit
   * @param simplify run on each function after inlining into it (the default pipeline), or null
   */
  public Inliner(Context ctx, long threshold, Consumer<Operation> simplify) {
    this.ctx = ctx;
    this.threshold = threshold;
    this.simplify = simplify;
  }

  /** Inlines within the symbol table {@code table}; true if anything changed. */
  public boolean run(Operation table) {
    Map<String, Operation> funcs = new HashMap<>();
    List<Operation> nodes = new ArrayList<>();
    for (Block b : table.region(0).blocks())
      for (Operation op = b.first(); op != null; op = op.nextOp())
        if (op.isA(FuncOp.DEF)) {
          funcs.put(SymbolTable.symbolName(op), op);
          nodes.add(op);
        }
    long before = numInlined;
    for (List<Operation> scc : sccs(nodes, funcs)) {
      for (Operation f : scc) inlineInto(f, funcs, scc);
      if (simplify != null) for (Operation f : scc) if (!f.region(0).isEmpty()) simplify.accept(f);
    }
    boolean erased = eraseDeadPrivateFunctions(table);
    return erased || numInlined != before;
  }

  /** Callees of the calls directly or indirectly in {@code f}. */
  private static List<Operation> callees(Operation f, Map<String, Operation> funcs) {
    List<Operation> out = new ArrayList<>();
    f.walk(op -> {
      if (!op.isA(CallOp.DEF)) return;
      Operation callee = funcs.get(((SymbolRefAttr) op.prop("callee")).root());
      if (callee != null) out.add(callee);
    });
    return out;
  }

  /** Tarjan's strongly connected components, in post-order (callees before callers). */
  private static List<List<Operation>> sccs(List<Operation> nodes, Map<String, Operation> funcs) {
    IdentityHashMap<Operation, int[]> info = new IdentityHashMap<>(); // index, lowlink, onStack
    IdentityHashMap<Operation, List<Operation>> edges = new IdentityHashMap<>();
    for (Operation n : nodes) edges.put(n, callees(n, funcs));
    List<List<Operation>> out = new ArrayList<>();
    ArrayDeque<Operation> stack = new ArrayDeque<>();
    int[] counter = {0};
    for (Operation n : nodes) if (!info.containsKey(n)) strongConnect(n, edges, info, stack, counter, out);
    return out;
  }

  private static void strongConnect(Operation root, IdentityHashMap<Operation, List<Operation>> edges, IdentityHashMap<Operation, int[]> info,
      ArrayDeque<Operation> stack, int[] counter, List<List<Operation>> out) {
    // Iterative Tarjan: frames of (node, next edge index).
    ArrayDeque<Object[]> frames = new ArrayDeque<>();
    info.put(root, new int[] {counter[0], counter[0]++, 1});
    stack.push(root);
    frames.push(new Object[] {root, 0});
    while (!frames.isEmpty()) {
      Object[] fr = frames.peek();
      Operation v = (Operation) fr[0];
      List<Operation> es = edges.get(v);
      int i = (int) fr[1];
      if (i < es.size()) {
        fr[1] = i + 1;
        Operation w = es.get(i);
        int[] wi = info.get(w);
        if (wi == null) {
          info.put(w, new int[] {counter[0], counter[0]++, 1});
          stack.push(w);
          frames.push(new Object[] {w, 0});
        } else if (wi[2] == 1) {
          info.get(v)[1] = Math.min(info.get(v)[1], wi[0]);
        }
        continue;
      }
      frames.pop();
      int[] vi = info.get(v);
      if (!frames.isEmpty()) {
        int[] pi = info.get((Operation) frames.peek()[0]);
        pi[1] = Math.min(pi[1], vi[1]);
      }
      if (vi[1] == vi[0]) {
        List<Operation> scc = new ArrayList<>();
        Operation w;
        do {
          w = stack.pop();
          info.get(w)[2] = 0;
          scc.add(w);
        } while (w != v);
        out.add(scc);
      }
    }
  }

  private void inlineInto(Operation caller, Map<String, Operation> funcs, List<Operation> scc) {
    if (caller.region(0).isEmpty()) return;
    List<Operation> calls = new ArrayList<>();
    caller.walk(op -> {
      if (op.isA(CallOp.DEF)) calls.add(op);
    });
    for (Operation call : calls) {
      Operation callee = funcs.get(((SymbolRefAttr) call.prop("callee")).root());
      if (callee == null || callee.region(0).isEmpty() || scc.contains(callee) || isSelfRecursive(callee, funcs)) continue;
      if (!canInline(call, callee) || !profitable(caller, callee)) continue;
      inlineCall(call, callee);
      numInlined++;
    }
  }

  private static boolean isSelfRecursive(Operation f, Map<String, Operation> funcs) {
    for (Operation c : callees(f, funcs)) if (c == f) return true;
    return false;
  }

  /** Multi-block bodies only go into regions that may hold several blocks (not single-block ones such as scf.for's). */
  private static boolean canInline(Operation call, Operation callee) {
    if (callee.region(0).blocks().size() == 1) return true;
    Operation parent = call.parentOp();
    return parent != null && !parent.hasTrait(Trait.SINGLE_BLOCK) && parent.def() != null && parent.def().implicitTerminator() == null;
  }

  private boolean profitable(Operation caller, Operation callee) {
    if (threshold < 0) return true;
    long callerOps = countOps(caller.region(0));
    if (callerOps == 0) return true;
    return countOps(callee.region(0)) * 100 / callerOps <= threshold;
  }

  private static long countOps(Region r) {
    long[] n = {0};
    for (Block b : r.blocks()) for (Operation op = b.first(); op != null; op = op.nextOp()) op.walk(o -> n[0]++);
    return n[0];
  }

  /** Replaces {@code call} by a clone of {@code callee}'s body. */
  private void inlineCall(Operation call, Operation callee) {
    Region body = callee.region(0);
    IRMapping map = new IRMapping();
    Block entry = body.front();
    for (int i = 0; i < entry.numArguments(); i++) map.map(entry.argument(i), call.operand(i));
    Block callBlock = call.parentBlock();
    if (body.blocks().size() == 1) {
      for (Operation op = entry.first(); op != null; op = op.nextOp()) {
        if (op.isA(ReturnOp.DEF)) {
          for (int i = 0; i < call.numResults(); i++) call.result(i).replaceAllUsesWith(map.lookupOrDefault(op.operand(i)));
          break;
        }
        Operation c = op.clone(map);
        callBlock.insertBefore(call, c);
      }
      call.erase();
      return;
    }
    // Split after the call: the tail takes the call's results as arguments.
    Region region = callBlock.parent();
    Block tail = new Block();
    region.insert(region.indexOf(callBlock) + 1, tail);
    for (Operation op = call.nextOp(); op != null; ) {
      Operation n = op.nextOp();
      op.remove();
      tail.append(op);
      op = n;
    }
    for (int i = 0; i < call.numResults(); i++) call.result(i).replaceAllUsesWith(tail.addArgument(call.result(i).type(), call.loc()));
    // Clone the callee's blocks between the call's block and the tail.
    List<Block> clones = new ArrayList<>();
    for (Block b : body.blocks()) {
      Block nb = new Block();
      if (b != entry) for (BlockArgument a : b.arguments()) map.map(a, nb.addArgument(a.type(), a.loc()));
      map.map(b, nb);
      clones.add(nb);
      region.insert(region.indexOf(tail), nb);
    }
    for (int k = 0; k < clones.size(); k++) {
      Block src = body.blocks().get(k), dst = clones.get(k);
      for (Operation op = src.first(); op != null; op = op.nextOp()) {
        if (op.isA(ReturnOp.DEF)) {
          // func.return becomes a branch to the tail (as the func dialect's inliner interface does).
          List<Value> vals = new ArrayList<>();
          for (int i = 0; i < op.numOperands(); i++) vals.add(map.lookupOrDefault(op.operand(i)));
          OperationState st = new OperationState(op.loc(), ctx.opName(BranchOp.DEF.name()));
          st.operands.addAll(vals);
          st.successors.add(tail);
          dst.append(Operation.create(st));
        } else {
          dst.append(op.clone(map));
        }
      }
    }
    // The cloned entry continues the call's block.
    call.erase();
    Block first = clones.get(0);
    for (Operation op = first.first(); op != null; ) {
      Operation n = op.nextOp();
      op.remove();
      callBlock.append(op);
      op = n;
    }
    region.removeBlock(first);
  }

  /** Erases private functions no symbol reference names, until none is left (MLIR's inliner drops dead callables). */
  private static boolean eraseDeadPrivateFunctions(Operation table) {
    boolean any = false;
    while (true) {
      Map<String, Integer> uses = new HashMap<>();
      table.walk(op -> {
        Attribute p = op.def() == null ? op.opaqueProperties() : op.propertiesAttr();
        if (p instanceof gvm.ir.attributes.DictionaryAttr d) for (NamedAttribute a : d.entries()) count(a.value(), uses);
        for (NamedAttribute a : op.attributes().entries()) count(a.value(), uses);
      });
      boolean erased = false;
      for (Block b : table.region(0).blocks())
        for (Operation op = b.first(); op != null; ) {
          Operation n = op.nextOp();
          if (op.isA(FuncOp.DEF) && "private".equals(SymbolTable.visibility(op)) && !uses.containsKey(SymbolTable.symbolName(op))) {
            op.dropAllReferences();
            op.remove();
            erased = true;
          }
          op = n;
        }
      if (!erased) return any;
      any = true;
    }
  }

  private static void count(Attribute a, Map<String, Integer> uses) {
    if (a instanceof SymbolRefAttr s) uses.merge(s.root(), 1, Integer::sum);
    else if (a instanceof gvm.ir.attributes.ArrayAttr arr) for (Attribute e : arr.elements()) count(e, uses);
  }
}
