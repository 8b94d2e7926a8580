package gvm.pass;

import gvm.pass.PassOption.Scalar;
import java.util.List;
import java.util.Map;

/** The value kinds of pass options, parsed and printed as LLVM's {@code cl::opt} parsers do. */
public final class OptionTypes {
  private OptionTypes() {}

  /** {@code bool}: true/TRUE/True/1, false/FALSE/False/0; an empty value (a bare {@code arg}) means true. */
  public static final PassOption.OptionType<Boolean> BOOL = new Scalar<>("", OptionTypes::parseBool, String::valueOf);
  /** {@code int}: 32-bit signed. */
  public static final PassOption.OptionType<Integer> INT = new Scalar<>("int", s -> {
    Long n = parseInteger(s);
    return n == null || n != n.intValue() ? null : n.intValue();
  }, String::valueOf);
  /** {@code unsigned}: 0 .. 2^32-1, kept in a long. */
  public static final PassOption.OptionType<Long> UINT = new Scalar<>("uint", s -> {
    Long n = parseInteger(s);
    return n == null || n < 0 || n > 0xFFFFFFFFL ? null : n;
  }, String::valueOf);
  /** {@code int64_t}. */
  public static final PassOption.OptionType<Long> LONG = new Scalar<>("long", OptionTypes::parseInteger, String::valueOf);
  /** {@code std::string}; printed in braces when a space comes before any quote or brace, as MLIR does. */
  public static final PassOption.OptionType<String> STRING = new Scalar<>("string", s -> s, OptionTypes::printString);

  /**
   * A pass pipeline with its anchor ({@code func.func(cse,canonicalize)}), as MLIR's
   * {@code Option<OpPassManager>}; help shows {@code <pass-manager>}. Use with {@link #listOf} for
   * the inliner's {@code op-pipelines}.
   */
  public static final PassOption.OptionType<OpPassManager> PASS_MANAGER = new Scalar<>("pass-manager", s -> {
    try {
      return PassPipelineParser.parse(s);
    } catch (PassPipelineException e) {
      return null;
    }
  }, OpPassManager::printAsTextualPipeline);

  /** A list of {@code element}s (MLIR's ListOption). */
  public static <E> PassOption.OptionType<List<E>> listOf(PassOption.OptionType<E> element) {
    return new PassOption.ListType<>((Scalar<E>) element);
  }

  /**
   * An enumerated option (LLVM's {@code clEnumValN}): {@code values} maps each spelling to its
   * help text, in order; the value is the spelling.
   */
  public static PassOption.OptionType<String> enumOf(Map<String, String> values) {
    return new EnumType(values);
  }

  /** An enum option type; its values and their help, for {@code --help}. */
  public static final class EnumType extends Scalar<String> {
    private final Map<String, String> values;

    EnumType(Map<String, String> values) {
      super("value", s -> values.containsKey(s) ? s : null, s -> s);
      this.values = Map.copyOf(values);
      this.order = List.copyOf(values.keySet());
    }

    private final List<String> order;

    /** The accepted spellings in declaration order. */
    public List<String> spellings() { return order; }

    public String help(String spelling) { return values.get(spelling); }

    @Override String parse(String arg, String text, String current) {
      if (!values.containsKey(text))
        throw new PassOptionException("for the --" + arg + " option: Cannot find option named '" + text + "'!");
      return text;
    }
  }

  static Boolean parseBool(String v) {
    switch (v) {
      case "": case "true": case "TRUE": case "True": case "1": return true;
      case "false": case "FALSE": case "False": case "0": return false;
      default: return null;
    }
  }

  static String printString(String s) {
    int space = s.indexOf(' ');
    int escape = Integer.MAX_VALUE;
    for (char c : new char[] {'{', '\'', '"'}) {
      int i = s.indexOf(c);
      if (i >= 0) escape = Math.min(escape, i);
    }
    return space >= 0 && space < escape ? "{" + s + "}" : s;
  }

  /** StringRef::getAsInteger with radix 0: decimal, 0x hex, 0b binary, 0o or leading-0 octal; null if malformed. */
  public static Long parseInteger(String v) {
    boolean neg = v.startsWith("-");
    String s = neg ? v.substring(1) : v;
    int radix = 10;
    if (s.startsWith("0x") || s.startsWith("0X")) { radix = 16; s = s.substring(2); }
    else if (s.startsWith("0b") || s.startsWith("0B")) { radix = 2; s = s.substring(2); }
    else if (s.startsWith("0o")) { radix = 8; s = s.substring(2); }
    else if (s.length() > 1 && s.startsWith("0")) { radix = 8; s = s.substring(1); }
    if (s.isEmpty()) return null;
    for (int i = 0; i < s.length(); i++) if (Character.digit(s.charAt(i), radix) < 0) return null;
    try {
      long n = Long.parseLong(s, radix);
      return neg ? -n : n;
    } catch (NumberFormatException e) {
      return null;
    }
  }
}
