package gvm.ir.print;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.*;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayDeque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Prints IR in MLIR's textual form (MLIR's OperationPrinter and OpAsmPrinter). Custom op forms call
 * back into the {@code print*} methods. Output is buffered and flushed to a Writer in chunks so
 * that 100 MB modules print in constant extra memory.
 */
public final class AsmPrinter {
  /** Prints an op in the custom form (installed by the format module; null means generic only). */
  public interface CustomPrinter { boolean print(Operation op, AsmPrinter p); }

  private static volatile CustomPrinter customPrinter;

  public static void installCustomPrinter(CustomPrinter p) { customPrinter = p; }

  final PrintOptions opts;
  final Context ctx;
  /** The output; a printer with a sink flushes it in 64 KiB chunks, others (strings, probes) grow it as needed. */
  private final StringBuilder sb;
  private final Writer sink;
  private SsaNames names;
  Aliases aliases;
  private int indent;
  private final ArrayDeque<String> defaultDialects = new ArrayDeque<>();
  /**
   * Probing (see {@link #probeRegions}): block-argument locations printed so far and terminators
   * left out, else null.
   */
  private Set<Object> probed;
  /** The op whose form is being printed (while probing: whose elided attributes to record). */
  private Operation printingOp;

  /** While probing: {@code name} of {@code op}'s attributes was left out by its form, so gives no alias. */
  record Elided(Operation op, String name) {}

  /** While probing: the op's form prints {@code region}; a region it never prints gives no aliases. */
  record Printed(Region region) {}
  /** Resources referenced by printed dense_resource attributes, in first-use order. */
  final Map<String, ResourceBlob> resources = new LinkedHashMap<>();

  private AsmPrinter(Context ctx, PrintOptions opts, Writer sink) {
    this.ctx = ctx;
    this.opts = opts;
    this.sink = sink;
    this.sb = new StringBuilder(sink != null ? (1 << 16) + 1024 : 256);
  }

  /** A printer for attributes and types alone (no SSA state). */
  public static AsmPrinter forAttributes(Context ctx) { return new AsmPrinter(ctx, PrintOptions.DEFAULT, null); }

  /**
   * Prints {@code op} and everything in it, with alias and resource sections, to {@code out}. Under
   * local scope, as MLIR's Operation::print, the op alone: no aliases, no sections, no newline.
   */
  public static void printTopLevel(Context ctx, Operation op, PrintOptions opts, Writer out) {
    AsmPrinter p = new AsmPrinter(ctx, opts, out);
    p.names = new SsaNames(op, opts.generic());
    boolean local = opts.localScope();
    if (!local) p.aliases = new Aliases(ctx, op, opts, p::probeRegions);
    p.printAliases(false);
    p.defaultDialects.push("builtin");
    p.printFullOp(op);
    p.printTrailingLocation(op.loc(), !local);
    if (!local) {
      p.sb.append('\n');
      p.printAliases(true);
      p.printResources();
    }
    p.flush();
  }

  /** Prints {@code op} to a string (local scope: values named from the nearest isolated ancestor). */
  public static String printOp(Context ctx, Operation op, PrintOptions opts) {
    Operation root = op;
    if (opts.localScope()) {
      while (!root.hasTrait(Trait.ISOLATED_FROM_ABOVE) && root.parentOp() != null) root = root.parentOp();
    } else {
      while (root.parentOp() != null) root = root.parentOp();
    }
    AsmPrinter p = new AsmPrinter(ctx, opts, null);
    p.names = new SsaNames(root, opts.generic());
    p.aliases = null;
    p.defaultDialects.push("builtin");
    p.printFullOp(op);
    p.printTrailingLocation(op.loc(), false); // MLIR's printFullOpWithIndentAndLoc
    return p.sb.toString();
  }

  /**
   * Prints a nested {@code op} as MLIR's {@code Operation::print} does (IR dumps of the pass
   * manager): {@link #printOp} plus the op's trailing {@code loc(...)} under debug info, inline.
   */
  public static String printOpWithLocation(Context ctx, Operation op, PrintOptions opts) {
    String body = printOp(ctx, op, opts);
    if (!opts.debugInfo()) return body;
    AsmPrinter p = new AsmPrinter(ctx, opts, null);
    p.printTrailingLocation(op.loc(), false);
    return body + p.sb;
  }

  /** Prints an attribute (or type) alone, e.g. for diagnostics. */
  public static String toString(Context ctx, Object attrOrType) {
    AsmPrinter p = forAttributes(ctx);
    if (attrOrType instanceof Type t) p.printType(t); else p.printAttribute((Attribute) attrOrType);
    return p.sb.toString();
  }

  // ---------------------------------------------------------------- raw output

  public StringBuilder out() { return sb; }

  public AsmPrinter print(String s) { sb.append(s); return this; }

  public AsmPrinter print(char c) { sb.append(c); return this; }

  public AsmPrinter print(long v) { sb.append(v); return this; }

  public void printNewline() {
    sb.append('\n');
    for (int i = 0; i < indent; i++) sb.append(' ');
    maybeFlush();
  }

  public void increaseIndent() { indent += 2; }

  public void decreaseIndent() { indent -= 2; }

  public PrintOptions options() { return opts; }

  public Context context() { return ctx; }

  private void maybeFlush() {
    if (sink != null && sb.length() > (1 << 16)) flush();
  }

  private void flush() {
    if (sink == null) return;
    try {
      sink.append(sb);
      sb.setLength(0);
      sink.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * What the form of {@code op} prints of its own regions, as MLIR's alias collection learns it by
   * printing each op once into nothing: the locations of the block arguments it prints, and the
   * block terminators it leaves out. Neither an argument left out (the induction variable of {@code
   * scf.for}) nor an elided terminator may give aliases.
   */
  Set<Object> probeRegions(Operation op) {
    AsmPrinter probe = new AsmPrinter(ctx, opts, null);
    probe.names = names;
    probe.probed = new java.util.HashSet<>();
    probe.defaultDialects.push("builtin");
    probe.printFullOp(op);
    return probe.probed;
  }

  // ---------------------------------------------------------------- ops

  private void printFullOp(Operation op) {
    int n = op.numResults();
    if (n != 0) {
      int[] groups = names.groups(op);
      if (groups == null) {
        names.appendGroupName(op, 0, sb);
        if (n > 1) sb.append(':').append(n);
      } else {
        for (int g = 0; g < groups.length; g++) {
          if (g > 0) sb.append(", ");
          int start = groups[g], end = g + 1 < groups.length ? groups[g + 1] : n;
          names.appendGroupName(op, start, sb);
          if (end - start > 1) sb.append(':').append(end - start);
        }
      }
      sb.append(" = ");
    }
    Operation saved = printingOp;
    printingOp = op;
    if (opts.generic() || !printCustom(op)) printGenericOp(op);
    printingOp = saved;
  }

  private boolean printCustom(Operation op) {
    CustomPrinter cp = customPrinter;
    return op.isRegistered() && cp != null && cp.print(op, this);
  }

  /** The op name as the custom form prints it: the default dialect's prefix dropped. */
  public void printOpName(Operation op) {
    String name = op.name();
    String dd = defaultDialects.peek();
    if (dd != null && !dd.isEmpty() && name.startsWith(dd) && name.length() > dd.length() && name.charAt(dd.length()) == '.'
        && name.indexOf('.', dd.length() + 1) < 0)
      name = name.substring(dd.length() + 1);
    sb.append(name);
  }

  public void printGenericOp(Operation op) {
    AttrTypePrinter.escapedString(sb, op.name());
    sb.append('(');
    for (int i = 0; i < op.numOperands(); i++) {
      if (i > 0) sb.append(", ");
      printOperand(op.operand(i));
    }
    sb.append(')');
    if (op.numSuccessors() != 0) {
      sb.append('[');
      for (int i = 0; i < op.numSuccessors(); i++) {
        if (i > 0) sb.append(", ");
        printSuccessor(op.successor(i));
      }
      sb.append(']');
    }
    Attribute props = op.propertiesAttr();
    if (props != null) {
      sb.append(" <");
      printAttribute(props);
      sb.append('>');
    }
    if (op.numRegions() != 0) {
      sb.append(" (");
      for (int i = 0; i < op.numRegions(); i++) {
        if (i > 0) sb.append(", ");
        printRegion(op.region(i), true, true, true);
      }
      sb.append(')');
    }
    printOptionalAttrDict(op.attributes().entries(), Set.of());
    sb.append(" : ");
    printFunctionalType(op.operandTypes(), op.resultTypes());
  }

  // ---------------------------------------------------------------- values, blocks, regions

  public void printOperand(Value v) {
    if (v == null) sb.append("<<NULL VALUE>>"); else names.appendValue(v, sb);
  }

  public void printOperands(List<? extends Value> vs) {
    for (int i = 0; i < vs.size(); i++) {
      if (i > 0) sb.append(", ");
      printOperand(vs.get(i));
    }
  }

  /** The printed name of a value without '%' (e.g. for result-name-based printing), or null. */
  public String valueName(Value v) { return names.name(v); }

  public void printSuccessor(Block b) {
    int id = names.blockId(b);
    if (id < 0) sb.append("<<UNKNOWN BLOCK>>"); else sb.append("^bb").append(id);
  }

  /** {@code ^bb1(%a, %b : t1, t2)}. */
  public void printSuccessorAndUseList(Block b, List<? extends Value> operands) {
    printSuccessor(b);
    if (operands.isEmpty()) return;
    sb.append('(');
    printOperands(operands);
    sb.append(" : ");
    for (int i = 0; i < operands.size(); i++) {
      if (i > 0) sb.append(", ");
      printType(operands.get(i).type());
    }
    sb.append(')');
  }

  /** {@code %arg0: type {attrs} loc(...)} as function signatures print their arguments. */
  public void printRegionArgument(BlockArgument arg, DictionaryAttr attrs, boolean omitType) {
    printOperand(arg);
    if (!omitType) {
      sb.append(": ");
      printType(arg.type());
    }
    if (attrs != null) printOptionalAttrDict(attrs.entries(), Set.of());
    printTrailingLocation(arg.loc(), false);
  }

  public void printRegion(Region region, boolean printEntryBlockArgs, boolean printBlockTerminators, boolean printEmptyBlock) {
    if (opts.skipRegions()) {
      sb.append("{...}");
      return;
    }
    if (probed != null) {
      probed.add(new Printed(region));
      for (Block b : region.blocks()) {
        boolean entry = b.isEntryBlock();
        boolean header = !entry || (printEmptyBlock && b.isEmpty()) || (printEntryBlockArgs && b.numArguments() != 0);
        if (header) for (BlockArgument a : b.arguments()) probed.add(a.loc());
        if (entry && !printBlockTerminators && b.last() != null && b.last().hasTrait(Trait.TERMINATOR)) probed.add(b.last());
      }
      return;
    }
    sb.append('{');
    sb.append('\n');
    if (!region.isEmpty()) {
      OpDef pd = region.parentOp() == null ? null : region.parentOp().def();
      String dd = pd == null || pd.defaultDialect() == null ? "" : pd.defaultDialect();
      defaultDialects.push(dd);
      Block entry = region.front();
      boolean header = (printEmptyBlock && entry.isEmpty()) || (printEntryBlockArgs && entry.numArguments() != 0);
      printBlock(entry, header, printBlockTerminators);
      List<Block> blocks = region.blocks();
      for (int i = 1; i < blocks.size(); i++) printBlock(blocks.get(i), true, true);
      defaultDialects.pop();
    }
    for (int i = 0; i < indent; i++) sb.append(' ');
    sb.append('}');
  }

  private void printBlock(Block block, boolean printHeader, boolean printTerminator) {
    if (printHeader) {
      for (int i = 0; i < indent; i++) sb.append(' ');
      printSuccessor(block);
      if (block.numArguments() != 0) {
        sb.append('(');
        List<BlockArgument> args = block.arguments();
        for (int i = 0; i < args.size(); i++) {
          if (i > 0) sb.append(", ");
          printOperand(args.get(i));
          sb.append(": ");
          printType(args.get(i).type());
          printTrailingLocation(args.get(i).loc(), false);
        }
        sb.append(')');
      }
      sb.append(':');
      printPredecessors(block);
      sb.append('\n');
    }
    indent += 2;
    boolean hasTerminator = block.last() != null && block.last().hasTrait(Trait.TERMINATOR);
    Operation stop = (!hasTerminator || printTerminator) ? null : block.last();
    for (Operation op = block.first(); op != stop; op = op.nextOp()) {
      for (int i = 0; i < indent; i++) sb.append(' ');
      printFullOp(op);
      printTrailingLocation(op.loc(), true);
      sb.append('\n');
      maybeFlush();
    }
    indent -= 2;
  }

  private void printPredecessors(Block block) {
    if (block.parent() == null) {
      sb.append("  // block is not in a region!");
      return;
    }
    if (!block.hasPredecessors()) {
      if (!block.isEntryBlock()) sb.append("  // no predecessors");
      return;
    }
    List<Block> preds = block.predecessors();
    boolean single = true;
    for (Block p : preds) if (p != preds.get(0)) single = false;
    if (single) {
      sb.append("  // pred: ");
      printSuccessor(preds.get(0));
      return;
    }
    preds.sort((a, b) -> Integer.compare(names.blockId(a), names.blockId(b)));
    sb.append("  // ").append(preds.size()).append(" preds: ");
    for (int i = 0; i < preds.size(); i++) {
      if (i > 0) sb.append(", ");
      printSuccessor(preds.get(i));
    }
  }

  // ---------------------------------------------------------------- locations

  private void printTrailingLocation(Location loc, boolean allowAlias) {
    if (!opts.debugInfo()) return;
    if (probed != null) probed.add(loc);
    sb.append(' ');
    printLocation(loc, allowAlias);
  }

  /** {@code loc(...)} if debug info is printed (MLIR's printOptionalLocationSpecifier). */
  public void printOptionalLocationSpecifier(Location loc) { printTrailingLocation(loc, false); }

  public void printLocation(Location loc, boolean allowAlias) {
    if (opts.prettyDebugInfo()) {
      // MLIR's pretty form: bare, and never an alias at the top
      AttrTypePrinter.locationBody(this, loc, true);
      return;
    }
    sb.append("loc(");
    if (!allowAlias || !printAlias(loc)) AttrTypePrinter.locationBody(this, loc, true);
    sb.append(')');
  }

  boolean printAlias(Object attrOrType) {
    if (aliases == null) return false;
    Aliases.Alias a = aliases.get(attrOrType);
    if (a == null) return false;
    sb.append(a.isType() ? '!' : '#').append(a.name());
    return true;
  }

  // ---------------------------------------------------------------- attributes and types

  public void printType(Type t) { AttrTypePrinter.type(this, t); }

  public void printAttribute(Attribute a) { AttrTypePrinter.attribute(this, a, AttrTypePrinter.Elision.NEVER); }

  /** Prints an attribute leaving out its type where MLIR may elide it ({@code 2} for i64). */
  public void printAttributeMayElideType(Attribute a) { AttrTypePrinter.attribute(this, a, AttrTypePrinter.Elision.MAY); }

  /** Prints an attribute without its {@code : type} suffix (MLIR's printAttributeWithoutType). */
  public void printAttributeWithoutType(Attribute a) { AttrTypePrinter.attribute(this, a, AttrTypePrinter.Elision.MUST); }

  public void printOptionalAttrDict(List<NamedAttribute> attrs, Set<String> elided) {
    boolean any = false;
    for (NamedAttribute na : attrs) {
      if (elided.contains(na.name())) {
        if (probed != null && printingOp != null) probed.add(new Elided(printingOp, na.name()));
        continue;
      }
      sb.append(any ? ", " : " {");
      any = true;
      printNamedAttribute(na);
    }
    if (any) sb.append('}');
  }

  public void printOptionalAttrDictWithKeyword(List<NamedAttribute> attrs, Set<String> elided) {
    for (NamedAttribute na : attrs) {
      if (!elided.contains(na.name())) {
        sb.append(" attributes");
        break;
      }
    }
    printOptionalAttrDict(attrs, elided);
  }

  void printNamedAttribute(NamedAttribute na) {
    AttrTypePrinter.keywordOrString(sb, na.name());
    if (na.value() instanceof UnitAttr) return;
    sb.append(" = ");
    AttrTypePrinter.attribute(this, na.value(), AttrTypePrinter.Elision.NEVER);
  }

  public void printKeywordOrString(String s) { AttrTypePrinter.keywordOrString(sb, s); }

  public void printString(String s) { AttrTypePrinter.escapedString(sb, s); }

  public void printSymbolName(String s) { AttrTypePrinter.symbolName(sb, s); }

  /** {@code (a, b) -> c} / {@code (a) -> (b, c)}. */
  public void printFunctionalType(List<Type> inputs, List<Type> results) {
    sb.append('(');
    for (int i = 0; i < inputs.size(); i++) {
      if (i > 0) sb.append(", ");
      Type t = inputs.get(i);
      if (t == null) sb.append("<<NULL TYPE>>"); else printType(t);
    }
    sb.append(") -> ");
    printResultTypeList(results);
  }

  /** One non-function result without parentheses, otherwise a parenthesized list. */
  public void printResultTypeList(List<Type> results) {
    boolean parens = results.size() != 1 || results.get(0) instanceof FunctionType;
    if (parens) sb.append('(');
    for (int i = 0; i < results.size(); i++) {
      if (i > 0) sb.append(", ");
      printType(results.get(i));
    }
    if (parens) sb.append(')');
  }

  /** {@code -> t} or {@code -> (t1, t2)}; nothing for no results (as printOptionalArrowTypeList). */
  public void printOptionalArrowTypeList(List<Type> results) {
    if (results.isEmpty()) return;
    sb.append(" -> ");
    printResultTypeList(results);
  }

  // ---------------------------------------------------------------- alias and resource sections

  private void printAliases(boolean deferred) {
    if (aliases == null || aliases.isEmpty()) return;
    for (Map.Entry<Object, Aliases.Alias> e : aliases.all().entrySet()) {
      Aliases.Alias a = e.getValue();
      if (a.deferrable() != deferred) continue;
      sb.append(a.isType() ? '!' : '#').append(a.name()).append(" = ");
      if (e.getKey() instanceof Type t) AttrTypePrinter.typeNoAlias(this, t);
      else if (e.getKey() instanceof Location l) printLocation(l, false); else AttrTypePrinter.attributeNoAlias(this, (Attribute) e.getKey(), AttrTypePrinter.Elision.NEVER);
      sb.append('\n');
      maybeFlush();
    }
  }

  private void printResources() {
    if (resources.isEmpty()) return;
    sb.append("\n{-#\n  dialect_resources: {\n    builtin: {\n");
    int i = 0;
    for (Map.Entry<String, ResourceBlob> e : resources.entrySet()) {
      sb.append("      ");
      AttrTypePrinter.keywordOrString(sb, e.getKey());
      sb.append(": \"0x");
      AttrTypePrinter.hexBlob(sb, e.getValue());
      sb.append('"');
      if (++i < resources.size()) sb.append(',');
      sb.append('\n');
      maybeFlush();
    }
    sb.append("    }\n  }\n#-}\n");
  }

}
