package gvm.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The process-wide registry of passes and named pass pipelines by command-line argument (MLIR's
 * {@code PassRegistry}). Registration is explicit: {@code gvm.transforms.Passes#registerAll}
 * lists every pass once. Registering the same argument again replaces the entry (so registration
 * may be repeated); registration is thread-safe.
 *
 * <pre>{@code
 * PassRegistry.register(CsePass::new);
 * PassRegistry.registerPipeline("my-pipeline", "CSE then canonicalize every function",
 *     "func.func(cse,canonicalize)");
 * }</pre>
 */
public final class PassRegistry {
  private PassRegistry() {}

  /** A registered pass or pipeline: argument, help, and how to add it to a pass manager. */
  public interface Entry {
    String argument();

    String description();

    /** True for a pass pipeline, false for a pass. */
    boolean isPipeline();

    /**
     * Adds this entry to {@code pm}, configured by MLIR option text {@code options} (may be empty).
     *
     * @throws IllegalArgumentException with the options error or the nesting error
     */
    void addToPipeline(OpPassManager pm, String options);

    /** A fresh instance of the pass, for help and option listing; null for pipelines. */
    Pass newPass();
  }

  /** How a named pipeline adds its passes to a pass manager, given its option text. */
  @FunctionalInterface
  public interface PipelineBuilder {
    void build(OpPassManager pm, String options);
  }

  private static final Map<String, Entry> ENTRIES = new TreeMap<>();

  /**
   * Registers the pass {@code factory} makes under the pass's {@link Pass#argument}. The factory
   * is called for every use: each pipeline element gets its own instance.
   */
  public static void register(Supplier<? extends Pass> factory) {
    Pass sample = factory.get();
    String arg = sample.argument(), description = sample.description();
    put(new Entry() {
      @Override public String argument() { return arg; }

      @Override public String description() { return description; }

      @Override public boolean isPipeline() { return false; }

      @Override public void addToPipeline(OpPassManager pm, String options) {
        Pass p = factory.get();
        if (!options.isEmpty()) p.parseOptions(options);
        pm.addPass(p);
      }

      @Override public Pass newPass() { return factory.get(); }
    });
  }

  /** Registers a named pipeline built by {@code builder}. */
  public static void registerPipeline(String argument, String description, PipelineBuilder builder) {
    put(new Entry() {
      @Override public String argument() { return argument; }

      @Override public String description() { return description; }

      @Override public boolean isPipeline() { return true; }

      @Override public void addToPipeline(OpPassManager pm, String options) { builder.build(pm, options); }

      @Override public Pass newPass() { return null; }
    });
  }

  /**
   * Registers a named pipeline written in MLIR's textual syntax without the anchor, e.g. {@code
   * func.func(cse),symbol-dce}; it takes no options.
   */
  public static void registerPipeline(String argument, String description, String pipeline) {
    registerPipeline(argument, description, (pm, options) -> {
      if (!options.isEmpty()) throw new IllegalArgumentException("<Pass-Options-Parser>: no such option " + PipelineText.splitOptions(options).get(0)[0] + "\n");
      PassPipelineParser.parseInto(pipeline, pm);
    });
  }

  private static synchronized void put(Entry e) { ENTRIES.put(e.argument(), e); }

  /** The entry registered as {@code argument}, or null. */
  public static synchronized Entry lookup(String argument) { return ENTRIES.get(argument); }

  /** All entries sorted by argument. */
  public static synchronized List<Entry> entries() { return new ArrayList<>(ENTRIES.values()); }

  /** The registered passes (not pipelines), sorted by argument. */
  public static synchronized List<Entry> passes() {
    List<Entry> out = new ArrayList<>();
    for (Entry e : ENTRIES.values()) if (!e.isPipeline()) out.add(e);
    return out;
  }

  /** The registered pipelines, sorted by argument. */
  public static synchronized List<Entry> pipelines() {
    List<Entry> out = new ArrayList<>();
    for (Entry e : ENTRIES.values()) if (e.isPipeline()) out.add(e);
    return out;
  }
}
