package gvm.transforms.opgraph;

import gvm.ir.Block;
import gvm.ir.BlockArgument;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseElementsAttr;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.Type;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code view-op-graph}, as MLIR's ViewOpGraph (PrintOpPass): the op as a Graphviz DOT graph on
 * the error stream. Ops with regions become clusters (with an invisible anchor node), other ops
 * and block arguments nodes colored by op name; data-flow edges (and, optionally, control-flow
 * edges between consecutive ops) come after all nodes.
 */
public final class ViewOpGraphPass extends Pass {
  /** MLIR's default elements limit for eliding large attributes. */
  private static final long LARGE_ATTRIBUTE_LIMIT = 16;

  final PassOption<Long> maxLabelLen = uintOption("max-label-len", "Limit attribute/type length to number of chars", 20);
  final PassOption<Boolean> printAttrs = boolOption("print-attrs", "Print attributes of operations", true);
  final PassOption<Boolean> printControlFlowEdges = boolOption("print-control-flow-edges", "Print control flow edges", false);
  final PassOption<Boolean> printDataFlowEdges = boolOption("print-data-flow-edges", "Print data flow edges", true);
  final PassOption<Boolean> printResultTypes = boolOption("print-result-types", "Print result types of operations", true);

  public ViewOpGraphPass() { super("ViewOpGraph", "view-op-graph", "Print Graphviz visualization of an operation", null); }

  @Override public void runOnOperation(Operation op, PassContext ctx) {
    Writer w = new Writer(ctx.context());
    w.colors(op);
    w.line("digraph G {");
    w.indent += 2;
    w.line("compound = true;");
    w.operation(op);
    w.edges();
    w.indent -= 2;
    w.line("}");
    ctx.errs().print(w.out);
    ctx.errs().flush();
  }

  /** A node id and, for a cluster's anchor, the cluster id (0: none). */
  private record Node(int id, int cluster) {}

  private record DataEdge(Value value, Node to, String label) {}

  /** The state of one graph. */
  private final class Writer {
    final Context ctx;
    final StringBuilder out = new StringBuilder();
    final Map<String, String> colors = new HashMap<>();
    final Map<Value, Node> valueNodes = new IdentityHashMap<>();
    final List<DataEdge> dataEdges = new ArrayList<>();
    final List<String> edges = new ArrayList<>();
    int indent, counter;

    Writer(Context ctx) { this.ctx = ctx; }

    void line(String s) { out.append(" ".repeat(indent)).append(s).append('\n'); }

    /** Hues spread evenly over the op names in post-order of first appearance. */
    void colors(Operation root) {
      List<String> names = new ArrayList<>();
      root.walk(o -> {
        if (!names.contains(o.name())) names.add(o.name());
      });
      for (int i = 0; i < names.size(); i++) colors.put(names.get(i), String.format(java.util.Locale.ROOT, "%f 1.0 1.0", (double) i / names.size()));
    }

    Node node(String label, String shape, String background) {
      int id = ++counter;
      Map<String, String> attrs = new TreeMap<>();
      attrs.put("label", quote(escape(label)));
      attrs.put("shape", shape);
      if (background != null) {
        attrs.put("style", "filled");
        attrs.put("fillcolor", "\"" + background + "\"");
      }
      line("v" + id + " " + attrList(attrs) + ";");
      return new Node(id, 0);
    }

    Node cluster(Runnable body, String label) {
      int clusterId = ++counter;
      line("subgraph cluster_" + clusterId + " {");
      indent += 2;
      Node anchor = node(" ", "plain", null);
      line("label = " + quote(escape(label)) + ";");
      body.run();
      indent -= 2;
      line("}");
      return new Node(anchor.id, clusterId);
    }

    Node operation(Operation op) {
      Node n;
      if (op.numRegions() > 0) {
        n = cluster(() -> {
          for (Region r : op.regions())
            for (Block b : r.blocks()) block(b);
        }, label(op));
      } else {
        n = node(label(op), "ellipse", colors.get(op.name()));
      }
      if (printDataFlowEdges.get()) {
        int count = op.numOperands();
        for (int i = 0; i < count; i++) dataEdges.add(new DataEdge(op.operand(i), n, count == 1 ? "" : String.valueOf(i)));
      }
      for (Value r : op.results()) valueNodes.put(r, n);
      return n;
    }

    void block(Block b) {
      cluster(() -> {
        for (BlockArgument a : b.arguments()) valueNodes.put(a, node("arg" + a.index(), "ellipse", null));
        Node prev = null;
        for (Operation op : b) {
          Node next = operation(op);
          if (printControlFlowEdges.get() && prev != null) edge(prev, next, "", "dashed");
          prev = next;
        }
      }, "");
    }

    void edge(Node from, Node to, String label, String style) {
      Map<String, String> attrs = new TreeMap<>();
      attrs.put("style", style);
      if (from.cluster == 0 && to.cluster == 0) attrs.put("label", quote(escape(label)));
      if (from.cluster != 0) attrs.put("ltail", "cluster_" + from.cluster);
      if (to.cluster != 0) attrs.put("lhead", "cluster_" + to.cluster);
      edges.add("v" + from.id + " -> v" + to.id + " " + attrList(attrs));
    }

    void edges() {
      if (printDataFlowEdges.get())
        for (DataEdge e : dataEdges) {
          Node from = valueNodes.get(e.value);
          if (from != null) edge(from, e.to, e.label, "solid");
        }
      for (String e : edges) line(e + ";");
    }

    String label(Operation op) {
      StringBuilder sb = new StringBuilder(op.name());
      if (printResultTypes.get()) {
        StringBuilder types = new StringBuilder();
        for (Type t : op.resultTypes()) {
          if (types.length() > 0) types.append(", ");
          types.append(AsmPrinter.toString(ctx, t));
        }
        sb.append(" : (").append(truncate(types.toString())).append(')');
      }
      if (printAttrs.get()) {
        sb.append('\n');
        Map<String, Attribute> attrs = new TreeMap<>();
        if (op.propertiesAttr() instanceof DictionaryAttr props) for (NamedAttribute n : props.entries()) attrs.put(n.name(), n.value());
        for (NamedAttribute n : op.attributes().entries()) attrs.put(n.name(), n.value());
        for (Map.Entry<String, Attribute> e : attrs.entrySet()) sb.append('\n').append(e.getKey()).append(": ").append(attribute(e.getValue()));
      }
      return sb.toString();
    }

    /** An attribute, large elements and arrays elided, long text truncated (MLIR's emitMlirAttr). */
    String attribute(Attribute a) {
      if (a instanceof DenseElementsAttr d) {
        if (d.isSplat()) return AsmPrinter.toString(ctx, a);
        if (d.numElements() > LARGE_ATTRIBUTE_LIMIT) {
          int rank = d.type().rank();
          return "[".repeat(rank) + "..." + "]".repeat(rank) + " : " + AsmPrinter.toString(ctx, d.type());
        }
      }
      if (a instanceof ArrayAttr arr && arr.size() > LARGE_ATTRIBUTE_LIMIT) return "[...]";
      return truncate(AsmPrinter.toString(ctx, a));
    }

    String truncate(String s) {
      long max = maxLabelLen.get();
      return s.length() <= max ? s : s.substring(0, (int) max) + "...";
    }
  }

  private static String attrList(Map<String, String> attrs) {
    StringBuilder sb = new StringBuilder("[");
    for (Map.Entry<String, String> e : attrs.entrySet()) {
      if (sb.length() > 1) sb.append(", ");
      sb.append(e.getKey()).append(" = ").append(e.getValue());
    }
    return sb.append(']').toString();
  }

  private static String quote(String s) { return "\"" + s + "\""; }

  /** LLVM's raw_ostream::write_escaped. */
  private static String escape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\': sb.append("\\\\"); break;
        case '\t': sb.append("\\t"); break;
        case '\n': sb.append("\\n"); break;
        case '"': sb.append("\\\""); break;
        default:
          if (c >= 0x20 && c < 0x7f) sb.append(c);
          else sb.append('\\').append(String.format("%03o", (int) c & 0xff));
      }
    }
    return sb.toString();
  }
}
