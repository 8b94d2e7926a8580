package gvm.testing.filecheck;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.ObjIntConsumer;

/**
 * Parses FileCheck's arguments the way LLVM's {@code cl::ParseCommandLineOptions} does, with
 * its error wording; usage errors exit with status 1 like the real tool.
 */
final class CommandLine {
  private static final String PROGRAM = "FileCheck";

  /** How an option takes its value. */
  private enum Arity { FLAG, VALUE, PREFIX }

  /** An option: arity and what to do with its value (for flags, "true"/"false"). */
  private record Spec(Arity arity, Handler handler) {}

  @FunctionalInterface
  private interface Handler {
    /** Applies {@code value}; returns an error message (after "for the -x option: ") or null. */
    String apply(Options o, String value);
  }

  private static final Map<String, Spec> SPECS = new LinkedHashMap<>();

  static {
    value("input-file", (o, v) -> o.inputFile = v);
    value("check-prefixes", (o, v) -> o.checkPrefixes.addAll(List.of(v.split(",", -1))));
    // Unlike --check-prefixes, LLVM 19's --check-prefix alias does not split at commas.
    value("check-prefix", (o, v) -> o.checkPrefixes.add(v));
    value("comment-prefixes", (o, v) -> o.commentPrefixes.addAll(List.of(v.split(",", -1))));
    value("implicit-check-not", (o, v) -> o.implicitCheckNot.add(v));
    SPECS.put("D", new Spec(Arity.PREFIX, (o, v) -> {
      o.globalDefines.add(v);
      return null;
    }));
    flag("strict-whitespace", (o, b) -> o.strictWhitespace = b);
    flag("ignore-case", (o, b) -> o.ignoreCase = b);
    flag("allow-empty", (o, b) -> o.allowEmpty = b);
    flag("allow-unused-prefixes", (o, b) -> o.allowUnusedPrefixes = b);
    flag("match-full-lines", (o, b) -> o.matchFullLines = b);
    flag("enable-var-scope", (o, b) -> o.enableVarScope = b);
    flag("allow-deprecated-dag-overlap", (o, b) -> o.allowDeprecatedDagOverlap = b);
    flag("v", (o, b) -> o.verbose = b);
    flag("vv", (o, b) -> o.verboseVerbose = b);
    flag("color", (o, b) -> { });
    flag("help", (o, b) -> o.stdoutText = usage());
    flag("help-hidden", (o, b) -> o.stdoutText = usage());
    flag("version", (o, b) -> o.stdoutText = "gvm FileCheck (LLVM 19 compatible)\n");
    choice("dump-input", Options.DumpInput.class, o -> o.dumpInput, (o, d) -> o.dumpInput = d);
    choice("dump-input-filter", Options.DumpFilter.class, o -> o.dumpInputFilter, (o, f) -> o.dumpInputFilter = f);
    uint("dump-input-context", (o, n) -> o.dumpInputContext = Math.max(o.dumpInputContext, n));
  }

  private CommandLine() {}

  private static void value(String name, BiConsumer<Options, String> setter) {
    SPECS.put(name, new Spec(Arity.VALUE, (o, v) -> {
      setter.accept(o, v);
      return null;
    }));
  }

  /**
   * An option naming a constant of {@code type} (spelled in lower case with dashes). Given
   * several times, the constant declared last wins, as FileCheck documents for -dump-input.
   */
  private static <E extends Enum<E>> void choice(String name, Class<E> type, Function<Options, E> get,
      BiConsumer<Options, E> set) {
    SPECS.put(name, new Spec(Arity.VALUE, (o, v) -> {
      for (E e : type.getEnumConstants()) {
        if (e.name().toLowerCase(Locale.ROOT).replace('_', '-').equals(v)) {
          E old = get.apply(o);
          set.accept(o, old == null || e.compareTo(old) > 0 ? e : old);
          return null;
        }
      }
      return "Cannot find option named '" + v + "'!";
    }));
  }

  /** An unsigned option, parsed like cl's uint parser. */
  private static void uint(String name, ObjIntConsumer<Options> set) {
    SPECS.put(name, new Spec(Arity.VALUE, (o, v) -> {
      long n = parseUnsigned(v);
      if (n < 0) {
        return "'" + v + "' value invalid for uint argument!";
      }
      set.accept(o, (int) Math.min(n, Integer.MAX_VALUE));
      return null;
    }));
  }

  private interface FlagSetter {
    void set(Options o, boolean value);
  }

  private static void flag(String name, FlagSetter setter) {
    SPECS.put(name, new Spec(Arity.FLAG, (o, v) -> {
      boolean b;
      switch (v) {
        case "true", "TRUE", "True", "1" -> b = true;
        case "false", "FALSE", "False", "0" -> b = false;
        default -> {
          return "'" + v + "' is invalid value for boolean argument! Try 0 or 1";
        }
      }
      setter.set(o, b);
      return null;
    }));
  }

  /** cl's uint parser: decimal, 0x hex or leading-0 octal; -1 if invalid. */
  private static long parseUnsigned(String v) {
    long[] out = new long[1];
    int end = LlvmIntegers.consumeUnsigned(v, 0, v.length(), 0, out);
    return end == v.length() && out[0] >= 0 && out[0] <= 0xFFFFFFFFL ? out[0] : -1;
  }

  private static String dashes(String name) {
    return (name.length() == 1 ? "-" : "--") + name;
  }

  /**
   * Parses {@code args} into {@code o}.
   *
   * @return 0 on success, else the exit status after printing the error to {@code err}
   */
  static int parse(String[] args, Options o, StringBuilder err) {
    boolean failed = false;
    boolean onlyPositional = false;
    int positionals = 0;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (onlyPositional || !arg.startsWith("-") || arg.equals("-")) {
        if (positionals++ == 0) {
          o.checkFile = arg;
        }
        continue;
      }
      if (arg.equals("--")) {
        onlyPositional = true;
        continue;
      }
      String body = arg.startsWith("--") ? arg.substring(2) : arg.substring(1);
      int eq = body.indexOf('=');
      String name = eq < 0 ? body : body.substring(0, eq);
      Spec spec = SPECS.get(name);
      String value = eq < 0 ? null : body.substring(eq + 1);
      if (spec == null || spec.arity() == Arity.PREFIX) {
        if (body.startsWith("D")) {
          spec = SPECS.get("D");
          name = "D";
          value = body.substring(1);
        } else {
          err.append(PROGRAM).append(": Unknown command line argument '").append(arg).append("'.  Try: '")
              .append(PROGRAM).append(" --help'\n");
          err.append(PROGRAM).append(": Did you mean '").append(dashes(nearest(name))).append("'?\n");
          failed = true;
          continue;
        }
      }
      switch (spec.arity()) {
        case FLAG -> value = value == null ? "true" : value;
        case PREFIX -> value = value.isEmpty() ? null : value;
        case VALUE -> {
          if (value == null && i + 1 < args.length) {
            value = args[++i];
          }
        }
      }
      if (value == null) {
        err.append(PROGRAM).append(": for the ").append(dashes(name)).append(" option: requires a value!\n");
        failed = true;
        continue;
      }
      String problem = spec.handler().apply(o, value);
      if (problem != null) {
        err.append(PROGRAM).append(": for the ").append(dashes(name)).append(" option: ").append(problem)
            .append('\n');
        failed = true;
      }
    }
    if (positionals > 1) {
      err.append(PROGRAM).append(": Too many positional arguments specified!\n")
          .append("Can specify at most 1 positional arguments: See: ").append(PROGRAM).append(" --help\n");
      failed = true;
    }
    return failed ? 1 : 0;
  }

  /** The known option closest to {@code name} by edit distance, for the "Did you mean" hint. */
  private static String nearest(String name) {
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String candidate : SPECS.keySet()) {
      int d = EditDistance.compute(candidate, name);
      if (d < bestDistance) {
        best = candidate;
        bestDistance = d;
      }
    }
    return best;
  }

  private static String usage() {
    StringBuilder sb = new StringBuilder("USAGE: FileCheck [options] <check-file>\n\nOPTIONS:\n");
    for (Map.Entry<String, Spec> e : SPECS.entrySet()) {
      sb.append("  ").append(dashes(e.getKey()));
      if (e.getValue().arity() != Arity.FLAG) {
        sb.append(e.getValue().arity() == Arity.PREFIX ? "<VAR=VALUE>" : "=<value>");
      }
      sb.append('\n');
    }
    return sb.toString();
  }
}
