package gvm.interp.mesh;

import gvm.dialect.Dialects;
import gvm.interp.InterpreterException;
import gvm.interp.Programs;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.print.AsmPrinter;
import gvm.ir.print.PrintOptions;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Preparing sharded programs as text: Megatron-style tensor-parallel annotations of an imported
 * Llama module, and the sharding-propagation + mesh-spmdization pipeline that turns annotations into
 * the per-device program the SPMD interpreter runs.
 */
public final class SpmdPrograms {
  private SpmdPrograms() {}

  /** The pipeline from annotations to per-device functions. */
  public static final String PIPELINE = "builtin.module(func.func(sharding-propagation,mesh-spmdization))";

  /**
   * Runs {@link #PIPELINE} on {@code text} and prints the result.
   *
   * @throws InterpreterException at the first parse, verification or pass error
   */
  public static String spmdize(String name, String text) {
    Context ctx = Dialects.newContext();
    Operation module = run(ctx, name, text, PIPELINE);
    StringWriter w = new StringWriter();
    AsmPrinter.printTopLevel(ctx, module, PrintOptions.DEFAULT, w);
    return w.toString();
  }

  /**
   * Runs sharding-propagation alone and returns the module with every operand and result
   * annotated (not as text: like mlir-opt-19, propagation may write a replicated sharding as
   * {@code <@m, []>}, which neither parser reads back).
   */
  public static Operation propagate(String name, String text) {
    return run(Dialects.newContext(), name, text, "builtin.module(func.func(sharding-propagation))");
  }

  private static Operation run(Context ctx, String name, String text, String pipeline) {
    return Programs.parse(ctx, name, text.getBytes(StandardCharsets.ISO_8859_1), pipeline);
  }

  /** Megatron-LM's split of a Llama layer's weights: column-parallel (out features, dim 0) and row-parallel (in features, dim 1). */
  private static final Map<String, String> MEGATRON = Map.of("q_proj", "[[0]]", "k_proj", "[[0]]", "v_proj", "[[0]]", "gate_proj", "[[0]]",
      "up_proj", "[[0]]", "o_proj", "[[], [0]]", "down_proj", "[[], [0]]");

  private static final Pattern PARAM = Pattern.compile("^(\\s*)(%[\\w$.-]+) = gptvm\\.param \"[^\"]*\\.(\\w+)\\.weight\" : (tensor<[^>]*>)(.*)$");

  /**
   * Annotates an imported Llama module (see {@code gvm.model.LlamaImporter}) for tensor parallelism
   * on {@code devices} devices of a mesh {@code @tp}: q/k/v/gate/up weights split by rows, o/down by
   * columns, and the kv cache by kv heads. After {@link #spmdize} each layer needs two all-reduces.
   */
  public static String megatron(String text, int devices) {
    String[] lines = text.split("\n", -1);
    StringBuilder out = new StringBuilder();
    boolean meshWritten = false;
    Map<String, String> renamed = new java.util.HashMap<>();
    for (String line : lines) {
      if (!meshWritten && line.startsWith("func.func")) {
        out.append("mesh.mesh @tp(shape = ").append(devices).append(")\n\n");
        meshWritten = true;
      }
      if (line.startsWith("func.func")) renamed.clear();
      for (Map.Entry<String, String> e : renamed.entrySet())
        line = line.replaceAll(Pattern.quote(e.getKey()) + "(?![\\w$.-])", Matcher.quoteReplacement(e.getValue()));
      line = line.replace("kv.create : ", "kv.create {mesh.sharding = #mesh.shard<@tp, [[], [], [0]]>} : ");
      out.append(line).append('\n');
      Matcher m = PARAM.matcher(line);
      if (m.matches() && MEGATRON.containsKey(m.group(3))) {
        String v = m.group(2), sharded = v + "_tp";
        out.append(m.group(1)).append(sharded).append(" = mesh.shard ").append(v).append(" to <@tp, ").append(MEGATRON.get(m.group(3)))
            .append("> : ").append(m.group(4)).append('\n');
        renamed.put(v, sharded);
      }
    }
    out.setLength(out.length() - 1);
    return out.toString();
  }
}
