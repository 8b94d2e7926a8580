package gvm.tools.opt;

import gvm.ir.print.PrintOptions;
import gvm.pass.PassRegistry;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * gvm-opt's command line, declared for picocli. LLVM's command-line conventions (which mlir-opt
 * users type) are first rewritten by {@link #normalize} into picocli's canonical spelling: any
 * option may be written with one or two dashes, values follow {@code =} or come as the next
 * argument, booleans take {@code =true}/{@code =false}/{@code =1}/{@code =0}; malformed arguments
 * are rejected there with LLVM's messages.
 */
@Command(name = "gvm-opt", sortOptions = false, separator = "=",
    headerHeading = "OVERVIEW: gvm modular optimizer driver%n%n", synopsisHeading = "USAGE: ",
    customSynopsis = "gvm-opt [options] <input file>", optionListHeading = "%nOPTIONS:%n%n")
final class OptOptions {
  static final String DEFAULT_SPLIT_MARKER = "// -----";

  @Parameters(arity = "0..1", paramLabel = "<input file>", description = "Input file ('-' for standard input).")
  String input = "-";

  @Option(names = "-o", paramLabel = "<filename>", description = "Output filename.")
  String output = "-";

  @Option(names = "--split-input-file", arity = "0..1", paramLabel = "<marker>", fallbackValue = "",
      description = "Split the input file into chunks using the given or default marker and process each chunk independently.")
  String splitInputFile;

  @Option(names = "--output-split-marker", paramLabel = "<marker>", description = "Split marker to use for merging the output.")
  String outputSplitMarker = DEFAULT_SPLIT_MARKER;

  @Option(names = "--verify-diagnostics", arity = "0..1", fallbackValue = "true", hideParamSyntax = true,
      description = "Check that emitted diagnostics match expected-* lines on the corresponding line.")
  boolean verifyDiagnostics;

  @Option(names = "--allow-unregistered-dialect", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Allow operation with no registered dialects.")
  boolean allowUnregisteredDialect;

  @Option(names = "--no-implicit-module", arity = "0..1", fallbackValue = "true", hideParamSyntax = true,
      description = "Disable implicit addition of a top-level module op during parsing.")
  boolean noImplicitModule;

  @Option(names = "--verify-each", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Run the verifier after each transformation pass.")
  boolean verifyEach = true;

  @Option(names = {"-p", "--pass-pipeline"}, paramLabel = "<pipeline>", description = "Textual description of the pass pipeline to run.")
  String passPipeline;

  @Option(names = "--dump-pass-pipeline", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print the pipeline that will be run.")
  boolean dumpPassPipeline;

  @Option(names = "--list-passes", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print the registered passes and pass pipelines with their options and exit.")
  boolean listPasses;

  @Option(names = "--verify-roundtrip", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Round-trip the IR after parsing and ensure it succeeds.")
  boolean verifyRoundtrip;

  @Option(names = "--dump-cuda", paramLabel = "DIR", description = "Write the source of each cuda.kernel (after the passes) to DIR/NAME.cu.")
  java.nio.file.Path dumpCuda;

  @Option(names = "--mlir-print-ir-before", paramLabel = "<pass-arg>", split = ",", description = "Print IR before specified passes.")
  List<String> printIrBefore = new ArrayList<>();

  @Option(names = "--mlir-print-ir-after", paramLabel = "<pass-arg>", split = ",", description = "Print IR after specified passes.")
  List<String> printIrAfter = new ArrayList<>();

  @Option(names = "--mlir-print-ir-before-all", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print IR before each pass.")
  boolean printIrBeforeAll;

  @Option(names = "--mlir-print-ir-after-all", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print IR after each pass.")
  boolean printIrAfterAll;

  @Option(names = "--mlir-print-ir-after-change", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "When printing the IR after a pass, only print if the IR changed.")
  boolean printIrAfterChange;

  @Option(names = "--mlir-print-ir-after-failure", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "When printing the IR after a pass, only print if the pass failed.")
  boolean printIrAfterFailure;

  @Option(names = "--mlir-print-ir-module-scope", arity = "0..1", fallbackValue = "true", hideParamSyntax = true,
      description = "When printing IR for print-ir-[before|after]{-all} always print the top-level operation.")
  boolean printIrModuleScope;

  @Option(names = "--mlir-print-ir-tree-dir", paramLabel = "<string>", description = "When printing the IR before/after a pass, print file tree rooted at this directory.")
  String printIrTreeDir;

  @Option(names = "--mlir-timing", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Display execution times.")
  boolean timing;

  @Option(names = "--mlir-timing-display", paramLabel = "<value>", description = "Display method for timing data: list or tree.")
  String timingDisplay = "tree";

  @Option(names = "--mlir-output-format", paramLabel = "<value>", description = "Output format for timing data: text or json.")
  String outputFormat = "text";

  @Option(names = "--mlir-pass-statistics", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Display the statistics of each pass.")
  boolean passStatistics;

  @Option(names = "--mlir-pass-statistics-display", paramLabel = "<value>", description = "Display method for pass statistics: list or pipeline.")
  String passStatisticsDisplay = "pipeline";

  @Option(names = "--mlir-pass-pipeline-crash-reproducer", paramLabel = "<string>",
      description = "Generate a .mlir reproducer file at the given output path if the pass manager crashes or fails.")
  String crashReproducer;

  @Option(names = "--run-reproducer", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Run the pipeline stored in the reproducer.")
  boolean runReproducer;

  /** Registered passes given as flags ({@code --cse}, {@code --canonicalize=max-iterations=3}), in order: {argument, options}. */
  final List<String[]> passFlags = new ArrayList<>();

  @Option(names = "--mlir-print-op-generic", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print the generic op form.")
  boolean printOpGeneric;

  @Option(names = "--mlir-print-debuginfo", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print debug info in MLIR output.")
  boolean printDebugInfo;

  @Option(names = "--mlir-pretty-debuginfo", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print pretty debug info in MLIR output.")
  boolean prettyDebugInfo;

  @Option(names = "--mlir-print-local-scope", arity = "0..1", fallbackValue = "true", hideParamSyntax = true,
      description = "Print with local scope and inline information (eliding aliases for attributes, types, and locations).")
  boolean printLocalScope;

  @Option(names = "--mlir-print-skip-regions", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Skip regions when printing ops.")
  boolean printSkipRegions;

  @Option(names = "--mlir-elide-elementsattrs-if-larger", paramLabel = "<uint>",
      description = "Elide ElementsAttrs with \"...\" that have more elements than the given upper limit.")
  Long elideElementsAttrsIfLarger;

  @Option(names = "--mlir-print-elementsattrs-with-hex-if-larger", paramLabel = "<long>",
      description = "Print DenseElementsAttrs with a hex string that have more elements than the given upper limit (use -1 to disable).")
  Long hexIfLarger;

  @Option(names = "--mlir-disable-threading", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Disable multi-threading within MLIR: nested pass pipelines run on one thread.")
  boolean disableThreading;

  @Option(names = "--gptvm-shard-report", paramLabel = "<filename>", description = "Write the plan of gptvm-auto-shard as JSON to this file.")
  String shardReport;

  @Option(names = "--show-dialects", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Print the list of registered dialects and exit.")
  boolean showDialects;

  @Option(names = "--version", arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Display the version of this program.")
  boolean version;

  @Option(names = {"--help", "-h"}, arity = "0..1", fallbackValue = "true", hideParamSyntax = true, description = "Display available options.")
  boolean help;

  /** The printing flags the options ask for (MLIR's OpPrintingFlags from the command line). */
  PrintOptions printOptions() {
    PrintOptions d = PrintOptions.DEFAULT;
    long hex = hexIfLarger == null ? d.hexThreshold() : hexIfLarger;
    long elide = elideElementsAttrsIfLarger == null ? d.elideElementsAttrsIfLarger() : elideElementsAttrsIfLarger;
    return new PrintOptions(printOpGeneric, printDebugInfo, prettyDebugInfo, printLocalScope, elide, hex, printSkipRegions);
  }

  /** The input split marker, or null when not splitting. */
  String splitMarker() {
    if (splitInputFile == null) return null;
    return splitInputFile.isEmpty() ? DEFAULT_SPLIT_MARKER : splitInputFile;
  }

  /** A malformed command line, with the lines to print (each will be prefixed by nothing). */
  static final class UsageError extends Exception {
    UsageError(String message) { super(message, null, false, false); }
  }

  /**
   * Rewrites LLVM-style arguments into picocli's canonical form ({@code --name=value}, positionals
   * after {@code --}).
   *
   * @throws UsageError with LLVM's wording for unknown options, missing or malformed values and
   *     extra positional arguments
   */
  static List<String> normalize(String[] args, CommandLine.Model.CommandSpec spec, List<String[]> passFlags) throws UsageError {
    Map<String, OptionSpec> byName = new LinkedHashMap<>();
    for (OptionSpec o : spec.options()) for (String n : o.names()) byName.put(stripDashes(n), o);
    List<String> options = new ArrayList<>(), positionals = new ArrayList<>();
    boolean onlyPositionals = false;
    for (int i = 0; i < args.length; i++) {
      String a = args[i];
      if (onlyPositionals || a.equals("-") || !a.startsWith("-")) {
        positionals.add(a);
        continue;
      }
      if (a.equals("--")) {
        onlyPositionals = true;
        continue;
      }
      String body = stripDashes(a);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      String value = eq < 0 ? null : body.substring(eq + 1);
      OptionSpec o = a.startsWith("---") ? null : byName.get(name);
      if (o == null && !a.startsWith("---") && PassRegistry.lookup(name) != null) {
        passFlags.add(new String[] {name, value == null ? "" : value});
        continue;
      }
      if (o == null) {
        List<String> names = new ArrayList<>(byName.keySet());
        for (PassRegistry.Entry e : PassRegistry.entries()) names.add(e.argument());
        throw new UsageError("gvm-opt: Unknown command line argument '" + a + "'.  Try: 'gvm-opt --help'\n"
            + "gvm-opt: Did you mean '" + displayName(nearest(name, names)) + "'?\n");
      }
      String canonical = o.longestName();
      Class<?> type = o.type();
      if (type == boolean.class || type == Boolean.class) {
        options.add(canonical + "=" + parseBool(name, value));
      } else if (o.arity().min() == 0) {
        options.add(canonical + "=" + (value == null ? "" : value));
      } else {
        if (value == null) {
          if (i + 1 >= args.length) throw new UsageError("gvm-opt: for the " + displayName(name) + " option: requires a value!\n");
          value = args[++i];
        }
        if (type == Long.class) checkNumber(name, value, name.equals("mlir-elide-elementsattrs-if-larger"));
        checkEnum(name, value);
        if (name.equals("mlir-print-ir-before") || name.equals("mlir-print-ir-after"))
          for (String pass : value.split(",", -1))
            if (PassRegistry.lookup(pass) == null)
              throw new UsageError("gvm-opt: for the " + displayName(name) + " option: Cannot find option named '" + pass + "'!\n");
        options.add(canonical + "=" + value);
      }
    }
    if (positionals.size() > 1)
      throw new UsageError("gvm-opt: Too many positional arguments specified!\nCan specify at most 1 positional arguments: See: gvm-opt --help\n");
    List<String> out = new ArrayList<>(options);
    out.add("--");
    out.addAll(positionals);
    return out;
  }

  /** The values LLVM's enum options of mlir-opt accept. */
  private static final Map<String, List<String>> ENUM_VALUES = Map.of(
      "mlir-timing-display", List.of("list", "tree"),
      "mlir-output-format", List.of("text", "json"),
      "mlir-pass-statistics-display", List.of("list", "pipeline"));

  private static void checkEnum(String name, String value) throws UsageError {
    List<String> allowed = ENUM_VALUES.get(name);
    if (allowed != null && !allowed.contains(value))
      throw new UsageError("gvm-opt: for the " + displayName(name) + " option: Cannot find option named '" + value + "'!\n");
  }

  private static String stripDashes(String s) {
    if (s.startsWith("--")) return s.substring(2);
    if (s.startsWith("-")) return s.substring(1);
    return s;
  }

  private static String displayName(String name) { return (name.length() == 1 ? "-" : "--") + name; }

  private static String parseBool(String name, String v) throws UsageError {
    if (v == null) return "true";
    switch (v) {
      case "true": case "TRUE": case "True": case "1": return "true";
      case "false": case "FALSE": case "False": case "0": return "false";
      default: throw new UsageError("gvm-opt: for the " + displayName(name) + " option: '" + v + "' is invalid value for boolean argument! Try 0 or 1\n");
    }
  }

  /** LLVM's parser<unsigned> / parser<long>: decimal, 0x hex, 0b binary, 0o or leading-0 octal. */
  private static void checkNumber(String name, String v, boolean unsigned) throws UsageError {
    Long n = parseLlvmInteger(v);
    if (n == null || (unsigned && (n < 0 || n > 0xFFFFFFFFL)))
      throw new UsageError("gvm-opt: for the " + displayName(name) + " option: '" + v + "' value invalid for " + (unsigned ? "uint" : "long") + " argument!\n");
  }

  /** StringRef::getAsInteger with radix 0; null if malformed. */
  static Long parseLlvmInteger(String v) { return gvm.pass.OptionTypes.parseInteger(v); }

  /** The option name closest to {@code name} by edit distance (LLVM's LookupNearestOption). */
  private static String nearest(String name, Iterable<String> names) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String n : names) {
      int d = editDistance(name, n);
      if (d < bestDistance) {
        best = n;
        bestDistance = d;
      }
    }
    return best;
  }

  private static int editDistance(String a, String b) {
    int[] prev = new int[b.length() + 1], cur = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) prev[j] = j;
    for (int i = 1; i <= a.length(); i++) {
      cur[0] = i;
      for (int j = 1; j <= b.length(); j++)
        cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1));
      int[] t = prev;
      prev = cur;
      cur = t;
    }
    return prev[b.length()];
  }
}
