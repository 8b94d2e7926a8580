package gvm.dialect.builtin.ir;

import gvm.ir.Block;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Verify;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Symbol lookup and the symbol-table checks of MLIR's {@code SymbolTable.cpp}: the SymbolTable
 * trait's symbol-use verifier ({@link #verifySymbolUses}), the Symbol interface's verifier ({@link
 * #verifySymbol}) and nearest-symbol-table lookup for symbol users such as {@code func.call}.
 */
public final class SymbolTable {
  private SymbolTable() {}

  /** The attribute naming a symbol (MLIR's SymbolTable::getSymbolAttrName). */
  public static final String SYMBOL_ATTR_NAME = "sym_name";

  /** The attribute holding a symbol's visibility. */
  public static final String VISIBILITY_ATTR_NAME = "sym_visibility";

  /**
   * Verifies an op's references to symbols (MLIR's SymbolUserOpInterface). Registered with {@code
   * OpDef.implement(SymbolUser.class, ...)}; run by {@link #verifySymbolUses} for every user nested
   * in a symbol table, after the table's body verified. Throws a {@link DiagnosticException}.
   */
  @FunctionalInterface
  public interface SymbolUser {
    void verifySymbolUses(Operation op, Collection tables);
  }

  /** Caches each symbol table's name map across lookups (MLIR's SymbolTableCollection). */
  public static final class Collection {
    private final Map<Operation, Map<String, Operation>> tables = new IdentityHashMap<>();

    /** The symbol named {@code name} directly inside {@code table}, or null. */
    public Operation lookupSymbolIn(Operation table, String name) {
      return tables.computeIfAbsent(table, SymbolTable::symbolMap).get(name);
    }

    /** Resolves a (possibly nested) reference from {@code table}; null if any step is missing. */
    public Operation lookupSymbolIn(Operation table, SymbolRefAttr ref) {
      Operation found = lookupSymbolIn(table, ref.root());
      for (String nested : ref.nested()) {
        if (found == null || !found.hasTrait(Trait.SYMBOL_TABLE)) return null;
        found = lookupSymbolIn(found, nested);
      }
      return found;
    }

    /** Resolves {@code ref} in the symbol table nearest to {@code from}, or null. */
    public Operation lookupNearestSymbolFrom(Operation from, SymbolRefAttr ref) {
      Operation table = nearestSymbolTable(from);
      return table == null ? null : lookupSymbolIn(table, ref);
    }
  }

  /** The symbol name {@code op} defines, or null. */
  public static String symbolName(Operation op) {
    return op.inherentOrDiscardable(SYMBOL_ATTR_NAME) instanceof StringAttr s ? s.value() : null;
  }

  /** The visibility as written ({@code "private"}, ...), or null when absent (public). */
  public static String visibility(Operation op) {
    return op.inherentOrDiscardable(VISIBILITY_ATTR_NAME) instanceof StringAttr s ? s.value() : null;
  }

  /** The closest op at or above {@code from} with the SymbolTable trait, or null. */
  public static Operation nearestSymbolTable(Operation from) {
    for (Operation op = from; op != null; op = op.parentOp()) {
      if (isPotentiallyUnknownSymbolTable(op)) return null;
      if (op.hasTrait(Trait.SYMBOL_TABLE)) return op;
    }
    return null;
  }

  /** The symbol named {@code name} directly inside {@code table}, or null (a linear scan; use a {@link Collection} when repeating). */
  public static Operation lookupSymbolIn(Operation table, String name) {
    if (table.numRegions() == 0) return null;
    for (Block b : table.region(0).blocks())
      for (Operation op : b)
        if (name.equals(symbolName(op))) return op;
    return null;
  }

  /** Resolves {@code ref} in the symbol table nearest to {@code from}, or null. */
  public static Operation lookupNearestSymbolFrom(Operation from, SymbolRefAttr ref) {
    return new Collection().lookupNearestSymbolFrom(from, ref);
  }

  /** An unregistered op with one region may be a symbol table we cannot see into. */
  private static boolean isPotentiallyUnknownSymbolTable(Operation op) {
    return op.numRegions() == 1 && !op.isRegistered();
  }

  private static Map<String, Operation> symbolMap(Operation table) {
    Map<String, Operation> m = new HashMap<>();
    if (table.numRegions() == 0) return m;
    for (Block b : table.region(0).blocks())
      for (Operation op : b) {
        String n = symbolName(op);
        if (n != null) m.putIfAbsent(n, op);
      }
    return m;
  }

  /**
   * The symbol-use half of the SymbolTable trait's region verifier (the op verifier checks that
   * symbol names are unique): one region of one block, then every nested symbol user, not
   * descending into nested symbol tables, which verify their own. Symbol-table ops register it
   * with {@code OpDef.regionVerifier}.
   */
  public static void verifySymbolUses(Operation table) {
    if (table.numRegions() != 1) throw Verify.opError(table, "Operations with a 'SymbolTable' must have exactly one region");
    if (table.region(0).blocks().size() != 1) throw Verify.opError(table, "Operations with a 'SymbolTable' must have exactly one block");
    Collection tables = new Collection();
    // The worklist order is MLIR's walkSymbolTable (a stack of regions), so the first error reported is the same.
    ArrayDeque<Region> worklist = new ArrayDeque<>();
    worklist.push(table.region(0));
    while (!worklist.isEmpty()) {
      for (Block b : worklist.pop().blocks())
        for (Operation user : b) {
          OpDef def = user.def();
          SymbolUser su = def == null ? null : def.iface(SymbolUser.class);
          if (su != null) su.verifySymbolUses(user, tables);
          if (!user.hasTrait(Trait.SYMBOL_TABLE)) for (Region r : user.regions()) worklist.push(r);
        }
    }
  }

  /**
   * The Symbol interface's verifier. {@code optionalSymbol}: the op may have no name (as
   * builtin.module); {@code isDeclaration}: the op only declares the symbol (a function without body).
   */
  public static void verifySymbol(Operation op, boolean optionalSymbol, boolean isDeclaration) {
    Attribute name = op.inherentOrDiscardable(SYMBOL_ATTR_NAME);
    if (optionalSymbol && name == null) return;
    if (!(name instanceof StringAttr)) throw Verify.opError(op, "requires string attribute '" + SYMBOL_ATTR_NAME + "'");
    Attribute vis = op.inherentOrDiscardable(VISIBILITY_ATTR_NAME);
    if (vis != null) {
      if (!(vis instanceof StringAttr s))
        throw Verify.opError(op, "requires visibility attribute '" + VISIBILITY_ATTR_NAME + "' to be a string attribute, but got "
            + DiagText.print(vis));
      if (!s.value().equals("public") && !s.value().equals("private") && !s.value().equals("nested"))
        throw Verify.opError(op, "visibility expected to be one of [\"public\", \"private\", \"nested\"], but got "
            + DiagText.print(vis));
    }
    String v = visibility(op);
    if (isDeclaration && (v == null || v.equals("public"))) throw Verify.opError(op, "symbol declaration cannot have public visibility");
    Operation parent = op.parentOp();
    if (parent != null && parent.isRegistered() && !parent.hasTrait(Trait.SYMBOL_TABLE))
      throw Verify.opError(op, "symbol's parent must have the SymbolTable trait");
  }
}
