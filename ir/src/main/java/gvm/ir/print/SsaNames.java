package gvm.ir.print;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.Set;
import org.eclipse.collections.impl.map.mutable.primitive.ObjectIntHashMap;

/**
 * Names values and blocks as MLIR's SSANameState: regions are numbered from a LIFO stack; in custom
 * form each region restarts from the counters its parent had when it was pushed, in generic form
 * the counters run on. Result names come from the op definitions' namers (custom form only),
 * uniqued with {@code _N} suffixes within nested name scopes.
 */
final class SsaNames {
  /**
   * Value numbers live in each value's print slot ({@link Value#setPrintSlot}), owned by this
   * object: {@code %N} as N >= 0, {@code %argN} as -(N + 1) down to {@link #NAMED_BASE} + 1, and
   * below that the name at index {@code NAMED_BASE - slot} of {@link #named}. If another printer takes over a slot of a value under {@link #root} while this
   * one is alive, the numbering is redone into {@link #fallback} and used from then on.
   */
  private static final int NONE = Integer.MIN_VALUE, NAMED_BASE = -(1 << 30);
  private final Operation root;
  /** The owner mark in value slots: a bare object, so old slots do not keep this printer alive. */
  private final Object token = new Object();
  private boolean numbering;
  private ObjectIntHashMap<Value> fallback;
  private final ArrayList<String> named = new ArrayList<>();
  private final IdentityHashMap<Block, int[]> blockIds = new IdentityHashMap<>();
  /** Ops whose results form several groups: sorted group start indices. */
  private final IdentityHashMap<Operation, int[]> resultGroups = new IdentityHashMap<>();
  private final boolean generic;
  private int nextValueId, nextArgId, nextConflictId;

  /** A scope of used names, chained to its parent. */
  private static final class Scope {
    final Scope parent;
    final Set<String> used = new HashSet<>();

    Scope(Scope parent) { this.parent = parent; }

    boolean contains(String n) {
      for (Scope s = this; s != null; s = s.parent) if (s.used.contains(n)) return true;
      return false;
    }
  }

  private record Ctx(Region region, int valueId, int argId, int conflictId, Scope parent) {}

  SsaNames(Operation root, boolean generic) {
    this.generic = generic;
    this.root = root;
    number();
  }

  private void number() {
    numbering = true;
    named.clear();
    blockIds.clear();
    resultGroups.clear();
    nextValueId = nextArgId = nextConflictId = 0;
    ArrayDeque<Ctx> stack = new ArrayDeque<>();
    for (Region r : root.regions()) stack.push(new Ctx(r, 0, 0, 0, null));
    while (!stack.isEmpty()) {
      Ctx c = stack.pop();
      if (!generic) {
        nextValueId = c.valueId;
        nextArgId = c.argId;
        nextConflictId = c.conflictId;
      }
      Scope scope = new Scope(c.parent);
      numberRegion(c.region, scope);
      for (Block b : c.region.blocks())
        for (Operation op = b.first(); op != null; op = op.nextOp())
          for (int i = 0; i < op.numRegions(); i++) stack.push(new Ctx(op.region(i), nextValueId, nextArgId, nextConflictId, scope));
    }
    numbering = false;
  }

  private void numberRegion(Region region, Scope scope) {
    Operation parent = region.parentOp();
    if (!generic && parent != null && parent.def() != null && parent.def().blockArgNamer() != null && !region.isEmpty()) {
      Block entry = region.front();
      String[] hints = new String[entry.numArguments()];
      parent.def().blockArgNamer().name(parent, region, hints);
      for (int i = 0; i < hints.length; i++) {
        if (hints[i] == null) continue;
        assign(entry.argument(i), name(unique(sanitize(hints[i]), scope)));
      }
    }
    int nextBlockId = 0;
    for (Block b : region.blocks()) {
      blockIds.put(b, new int[] {nextBlockId++});
      boolean entry = b == region.front();
      for (BlockArgument a : b.arguments()) {
        if (slot(a) != NONE) continue;
        assign(a, entry ? -(nextArgId++ + 1) : nextValueId++);
      }
      for (Operation op = b.first(); op != null; op = op.nextOp()) numberOp(op, scope);
    }
  }

  private void numberOp(Operation op, Scope scope) {
    int n = op.numResults();
    if (n == 0) return;
    OpDef def = op.def();
    ArrayList<Integer> groups = null;
    if (!generic && def != null && def.resultNamer() != null) {
      String[] hints = new String[n];
      def.resultNamer().name(op, hints);
      for (int i = 0; i < n; i++) {
        if (hints[i] == null) continue;
        assign(op.result(i), name(unique(sanitize(hints[i]), scope)));
        if (i != 0) {
          if (groups == null) {
            groups = new ArrayList<>();
            groups.add(0);
          }
          groups.add(i);
        }
      }
    }
    if (slot(op.result(0)) == NONE) assign(op.result(0), nextValueId++);
    if (groups != null) {
      int[] g = new int[groups.size()];
      for (int i = 0; i < g.length; i++) g[i] = groups.get(i);
      Arrays.sort(g);
      resultGroups.put(op, g);
    }
  }

  private String unique(String name, Scope scope) {
    if (scope.contains(name)) {
      String base = name + "_";
      do name = base + nextConflictId++; while (scope.contains(name));
    }
    scope.used.add(name);
    return name;
  }

  /** MLIR's sanitizeIdentifier with "$._-" allowed. */
  static String sanitize(String name) {
    StringBuilder sb = null;
    boolean digitStart = !name.isEmpty() && Character.isDigit(name.charAt(0));
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '$' || c == '.' || c == '_' || c == '-');
      if (!ok && sb == null) sb = new StringBuilder(name.substring(0, i));
      if (sb != null) {
        if (ok) sb.append(c);
        else if (c == ' ') sb.append('_');
        else sb.append(Integer.toHexString(c & 0xFF).toUpperCase());
      }
    }
    String r = sb == null ? name : sb.toString();
    return digitStart ? "_" + r : r;
  }

  /** {@code %name} or {@code %name#k} for a result inside a group; null if the value is not numbered. */
  void appendValue(Value v, StringBuilder out) {
    if (v instanceof OpResult r) {
      Operation op = r.owner();
      int idx = r.index();
      int start = 0;
      int[] g = groups(op);
      if (g != null) for (int s : g) if (s <= idx) start = s;
      if (!appendName(op.result(start), out)) { out.append("<<UNKNOWN SSA VALUE>>"); return; }
      int end = op.numResults();
      if (g != null) for (int s : g) if (s > start) { end = s; break; }
      if (end - start > 1) out.append('#').append(idx - start);
      return;
    }
    if (!appendName(v, out)) out.append("<<UNKNOWN SSA VALUE>>");
  }

  /** The slot value of a new name. */
  private int name(String n) {
    named.add(n);
    return NAMED_BASE - (named.size() - 1);
  }

  private void assign(Value v, int id) {
    if (fallback != null) fallback.put(v, id); else v.setPrintSlot(token, id);
  }

  /** This printer's number for {@code v}, or {@link #NONE}. */
  private int slot(Value v) {
    if (fallback != null) return fallback.getIfAbsent(v, NONE);
    if (v.printOwner() == token) return v.printSlot();
    if (numbering || !isUnderRoot(v)) return NONE;
    // Another printer renumbered a value of ours: redo the numbering in a map of our own.
    fallback = new ObjectIntHashMap<>();
    number();
    return fallback.getIfAbsent(v, NONE);
  }

  private boolean isUnderRoot(Value v) {
    Block b = v.parentBlock();
    for (Operation op = b == null ? null : b.parentOp(); op != null; op = op.parentOp())
      if (op == root) return true;
    return false;
  }

  /** Appends {@code %name}; false if {@code v} has no name. */
  private boolean appendName(Value v, StringBuilder out) {
    int id = slot(v);
    if (id == NONE) return false;
    if (id <= NAMED_BASE) {
      out.append('%').append(named.get(NAMED_BASE - id));
      return true;
    }
    out.append('%');
    if (id < 0) out.append("arg").append(-id - 1); else out.append(id);
    return true;
  }

  /** {@code %name} of the group starting at result {@code start} (for the op's own result list). */
  void appendGroupName(Operation op, int start, StringBuilder out) {
    if (!appendName(op.result(start), out)) out.append("%<<UNKNOWN SSA VALUE>>");
  }

  /** Result group starts for printing {@code %a, %b:2 = }; null for a single group. */
  int[] groups(Operation op) { return op.numResults() < 2 || resultGroups.isEmpty() ? null : resultGroups.get(op); }

  /** The name without {@code %}, or null. */
  String name(Value v) {
    int id = slot(v);
    if (id == NONE) return null;
    if (id <= NAMED_BASE) return named.get(NAMED_BASE - id);
    return id < 0 ? "arg" + (-id - 1) : Integer.toString(id);
  }

  /** Block id within its region, or -1. */
  int blockId(Block b) {
    int[] id = blockIds.get(b);
    return id == null ? -1 : id[0];
  }
}
