package gvm.ir.print;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.OpResult;
import gvm.ir.Operation;
import gvm.ir.def.OpDef;
import gvm.ir.Region;
import gvm.ir.attributes.*;
import gvm.ir.types.*;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Chooses {@code #map}, {@code #loc3}, ... aliases as MLIR's AliasInitializer: every attribute and
 * type met while walking the IR in printing order is recorded with its alias depth (one more than
 * its deepest aliased child); aliases are numbered after a stable sort by (depth, type-first,
 * name). Locations of ops may be deferred to the end of the output; block-argument locations not.
 */
final class Aliases {
  private static final class Info {
    String alias;
    int depth;
    boolean isType;
    boolean deferrable;
    List<Object> children = List.of();
  }

  /** An assigned alias. */
  record Alias(String name, boolean isType, boolean deferrable) {}

  private final LinkedHashMap<Object, Info> visited = new LinkedHashMap<>();
  private final Map<Object, Alias> aliases = new LinkedHashMap<>();
  private final Context ctx;
  private final boolean debugInfo;
  /** Regions print as {@code {...}}: nothing in them is printed, so nothing in them gets an alias. */
  private final boolean skipRegions;
  private final Function<Operation, Set<Object>> probeRegions;

  /**
   * {@code probeRegions} gives, for an op with regions, the locations of its block arguments that
   * its form prints and the terminators it leaves out: only what is printed gets aliases.
   */
  Aliases(Context ctx, Operation root, PrintOptions opts, Function<Operation, Set<Object>> probeRegions) {
    this.ctx = ctx;
    this.debugInfo = opts.debugInfo();
    this.skipRegions = opts.skipRegions();
    boolean generic = opts.generic();
    this.probeRegions = probeRegions;
    visitOp(root, generic);
    List<Map.Entry<Object, Info>> l = new ArrayList<>(visited.entrySet());
    l.removeIf(e -> e.getValue().alias == null);
    l.sort(Comparator.<Map.Entry<Object, Info>>comparingInt(e -> e.getValue().depth)
        .thenComparing(e -> !e.getValue().isType)
        .thenComparing(e -> e.getValue().alias));
    HashMap<String, Integer> counts = new HashMap<>();
    for (Map.Entry<Object, Info> e : l) {
      Info i = e.getValue();
      int n = counts.merge(i.alias, 1, Integer::sum) - 1;
      String name = n == 0 ? i.alias : (Character.isDigit(i.alias.charAt(i.alias.length() - 1)) ? i.alias + "_" + n : i.alias + n);
      aliases.put(e.getKey(), new Alias(name, i.isType, i.deferrable));
    }
  }

  Alias get(Object attrOrType) { return aliases.get(attrOrType); }

  Map<Object, Alias> all() { return aliases; }

  boolean isEmpty() { return aliases.isEmpty(); }

  private void visitOp(Operation op, boolean generic) {
    if (debugInfo) visit(op.loc(), true);
    // only op locations may be deferred to the end of the output, as in MLIR
    for (int i = 0; i < op.numOperands(); i++) if (op.operand(i) != null) visit(op.operand(i).type(), false);
    for (OpResult r : op.results()) visit(r.type(), false);
    OpDef def = op.def();
    if (def != null) {
      for (int i : def.propertyNameOrder()) if (op.prop(i) != null) visit(op.prop(i), false);
    } else {
      Attribute props = op.propertiesAttr();
      if (props instanceof DictionaryAttr d) for (NamedAttribute na : d.entries()) visit(na.value(), false);
      else if (props != null) visit(props, false);
    }
    Set<Object> printed = !skipRegions && op.numRegions() != 0 ? probeRegions.apply(op) : null;
    // An attribute the op's form leaves out (linalg's memoized indexing maps) gives no alias.
    for (NamedAttribute na : op.attributes().entries())
      if (printed == null || !printed.contains(new AsmPrinter.Elided(op, na.name()))) visit(na.value(), false);
    if (skipRegions) return;
    for (Region r : op.regions()) {
      // The body of a linalg named op is never printed in custom form, so nothing in it gets an alias.
      if (!generic && !printed.contains(new AsmPrinter.Printed(r))) continue;
      for (Block b : r.blocks()) {
        for (BlockArgument a : b.arguments()) {
          visit(a.type(), false);
          if (debugInfo && printed.contains(a.loc())) visit(a.loc(), false);
        }
        for (Operation o = b.first(); o != null; o = o.nextOp()) if (o.nextOp() != null || !printed.contains(o)) visitOp(o, generic);
      }
    }
  }

  /** Records {@code v} (an Attribute or Type); returns its info. */
  /** The last object visited: consecutive visits of one (uniqued) type are common. */
  private Object lastKey;
  private Info lastInfo;

  private Info visit(Object v, boolean deferrable) {
    Info existing = v == lastKey ? lastInfo : visited.get(v);
    if (existing != null) {
      lastKey = v;
      lastInfo = existing;
      if (!deferrable) markNonDeferrable(existing);
      return existing;
    }
    Info info = new Info();
    visited.put(v, info);
    info.alias = aliasFor(v);
    info.isType = v instanceof Type;
    info.deferrable = deferrable;
    List<Object> kids = children(v);
    if (!kids.isEmpty()) {
      info.children = kids;
      for (Object k : kids) {
        Info ki = visit(k, deferrable);
        info.depth = Math.max(info.depth, ki.depth + (ki.alias != null ? 1 : 0));
      }
    }
    return info;
  }

  private void markNonDeferrable(Info i) {
    if (!i.deferrable) return;
    i.deferrable = false;
    for (Object k : i.children) markNonDeferrable(visited.get(k));
  }

  private String aliasFor(Object v) {
    if (v instanceof AffineMapAttr) return "map";
    if (v instanceof IntegerSetAttr) return "set";
    if (v instanceof Location) return "loc";
    if (v instanceof TupleType t && t.types().size() > 16) return "tuple";
    if (v instanceof DialectAttribute da && ctx != null) {
      Dialect d = ctx.dialect(da.dialect());
      return d == null ? null : d.aliasName(da);
    }
    return null;
  }

  /** Immediate sub-elements that may carry aliases. */
  private static List<Object> children(Object v) {
    List<Object> l = new ArrayList<>(0);
    if (v instanceof Location.Fused f) {
      if (f.metadata() != null) l.add(f.metadata());
      l.addAll(f.locations());
    } else if (v instanceof Location.Name n) {
      if (!(n.child() instanceof Location.Unknown)) l.add(n.child());
    } else if (v instanceof Location.CallSite c) {
      l.add(c.callee());
      l.add(c.caller());
    } else if (v instanceof ArrayAttr a) {
      l.addAll(a.elements());
    } else if (v instanceof DictionaryAttr d) {
      for (NamedAttribute na : d.entries()) l.add(na.value());
    } else if (v instanceof TypeAttr t) {
      l.add(t.type());
    } else if (v instanceof IntegerAttr i) {
      l.add(i.type());
    } else if (v instanceof FloatAttr f) {
      l.add(f.type());
    } else if (v instanceof DenseElementsAttr d) {
      l.add(d.type());
    } else if (v instanceof DenseResourceAttr d) {
      l.add(d.type());
    } else if (v instanceof StringAttr s && s.type() != null) {
      l.add(s.type());
    } else if (v instanceof TupleType t) {
      l.addAll(t.types());
    } else if (v instanceof FunctionType f) {
      l.addAll(f.inputs());
      l.addAll(f.results());
    } else if (v instanceof RankedTensorType t) {
      l.add(t.elementType());
      if (t.encoding() != null) l.add(t.encoding());
    } else if (v instanceof ShapedType s) {
      l.add(s.elementType());
      if (v instanceof MemRefType m) {
        if (m.layout() != null) l.add(m.layout());
        if (m.memorySpace() != null) l.add(m.memorySpace());
      }
    } else if (v instanceof ComplexType c) {
      l.add(c.elementType());
    }
    return l;
  }
}
