package gvm.transforms.symboldce;

import gvm.dialect.builtin.ir.SymbolTable;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DialectAttribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.Trait;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.Statistic;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;

/**
 * {@code symbol-dce}, as MLIR's SymbolDCE: deletes the private symbols of a symbol table (and of
 * nested ones) that no live code references. Non-symbol ops and public symbols are live roots;
 * what they reference (transitively, through nested references too) stays.
 */
public final class SymbolDcePass extends Pass {
  final Statistic numDce = statistic("num-dce'd", "Number of symbols DCE'd");

  public SymbolDcePass() { super("SymbolDCE", "symbol-dce", "Eliminate dead symbols", null); }

  @Override public void runOnOperation(Operation table, PassContext ctx) {
    if (!table.hasTrait(Trait.SYMBOL_TABLE)) {
      ctx.emitOpError(table, " was scheduled to run under SymbolDCE, but does not define a symbol table");
      ctx.signalPassFailure();
      return;
    }
    // A top-level table, or one that is not a private symbol, is visible from outside.
    boolean hidden = true;
    if (table.parentOp() != null && table.hasTrait(Trait.SYMBOL)) hidden = isPrivate(table);
    Set<Operation> live = Collections.newSetFromMap(new IdentityHashMap<>());
    computeLiveness(table, new SymbolTable.Collection(), hidden, live);
    List<Operation> dead = new ArrayList<>();
    table.walkPreOrder(nested -> {
      if (!nested.hasTrait(Trait.SYMBOL_TABLE) || nested.numRegions() == 0) return;
      for (Block b : nested.region(0).blocks())
        for (Operation op : b)
          if (op != b.terminator() || !op.hasTrait(Trait.TERMINATOR))
            if (op.hasTrait(Trait.SYMBOL) && !live.contains(op)) dead.add(op);
    });
    for (Operation op : dead) {
      if (op.parentBlock() == null) continue; // inside a symbol erased before
      op.erase();
      numDce.increment();
    }
  }

  private static boolean isPrivate(Operation symbol) { return "private".equals(SymbolTable.visibility(symbol)); }

  private static void computeLiveness(Operation table, SymbolTable.Collection tables, boolean hidden, Set<Operation> live) {
    ArrayDeque<Operation> worklist = new ArrayDeque<>();
    for (Block b : table.region(0).blocks())
      for (Operation op : b) {
        if (!op.hasTrait(Trait.SYMBOL)) {
          worklist.push(op);
          continue;
        }
        // MLIR's canDiscardOnUseEmpty defaults to isPrivate, which no gvm symbol overrides
        boolean discardable = (hidden || isPrivate(op)) && isPrivate(op);
        if (!discardable && live.add(op)) worklist.push(op);
      }
    while (!worklist.isEmpty()) {
      Operation op = worklist.pop();
      if (op.hasTrait(Trait.SYMBOL_TABLE) && op.numRegions() > 0) {
        boolean nestedHidden = hidden || !op.hasTrait(Trait.SYMBOL) || isPrivate(op);
        computeLiveness(op, tables, nestedHidden, live);
      }
      Operation scope = op.parentOp();
      if (scope == null) continue;
      for (SymbolRefAttr ref : symbolUses(op)) {
        // every symbol on the path of a nested reference is live; unknown symbols are ignored
        Operation cur = scope;
        List<Operation> path = new ArrayList<>();
        cur = tables.lookupSymbolIn(cur, ref.root());
        if (cur != null) path.add(cur);
        for (String n : ref.nested()) {
          if (cur == null || !cur.hasTrait(Trait.SYMBOL_TABLE)) {
            cur = null;
            break;
          }
          cur = tables.lookupSymbolIn(cur, n);
          if (cur != null) path.add(cur);
        }
        if (cur == null) continue;
        for (Operation s : path) if (live.add(s)) worklist.push(s);
      }
    }
  }

  /**
   * The symbol references in {@code from}'s attributes and properties and in those of the ops nested
   * in it, not entering nested symbol tables (MLIR's SymbolTable::getSymbolUses), looking into
   * arrays, dictionaries and the sub-attributes dialect attributes declare.
   */
  static List<SymbolRefAttr> symbolUses(Operation from) {
    List<SymbolRefAttr> out = new ArrayList<>();
    collect(from, out);
    ArrayDeque<Region> regions = new ArrayDeque<>(from.regions());
    while (!regions.isEmpty()) {
      for (Block b : regions.pop().blocks())
        for (Operation op : b) {
          collect(op, out);
          if (!op.hasTrait(Trait.SYMBOL_TABLE)) regions.addAll(op.regions());
        }
    }
    return out;
  }

  private static void collect(Operation op, List<SymbolRefAttr> out) {
    collect(op.attributes(), out);
    collect(op.propertiesAttr(), out);
  }

  private static void collect(Attribute a, List<SymbolRefAttr> out) {
    if (a instanceof SymbolRefAttr s) out.add(s);
    else if (a instanceof ArrayAttr arr) for (Attribute e : arr.elements()) collect(e, out);
    else if (a instanceof DictionaryAttr d) for (NamedAttribute n : d.entries()) collect(n.value(), out);
    else if (a instanceof DialectAttribute d) for (Attribute sub : d.subAttributes()) collect(sub, out);
  }
}
