package gvm.pass;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * One option a pass declares (MLIR's {@code Pass::Option} / {@code Pass::ListOption}): its
 * argument name, help text, value type and default. Declared through {@link Pass}'s {@code
 * option} methods in the pass's field initializers; read with {@link #get()} in {@link
 * Pass#runOnOperation}.
 *
 * @param <T> the value type ({@code List<E>} for list options)
 */
public final class PassOption<T> {
  private final String argument, description;
  private final OptionType<T> type;
  private final T defaultValue;
  private T value;

  PassOption(String argument, String description, OptionType<T> type, T defaultValue) {
    this.argument = argument;
    this.description = description;
    this.type = type;
    this.defaultValue = defaultValue;
    this.value = defaultValue;
  }

  public String argument() { return argument; }

  public String description() { return description; }

  public OptionType<T> type() { return type; }

  public T defaultValue() { return defaultValue; }

  public T get() { return value; }

  public void set(T v) { value = v; }

  /** Back to the default value. */
  public void reset() { value = defaultValue; }

  /**
   * Parses {@code text} as this option's value; a list option parses a comma-separated list and
   * appends it to the current value, as LLVM's list options accumulate.
   *
   * @throws IllegalArgumentException with LLVM's message when the text is malformed
   */
  public void parse(String text) {
    value = type.parse(argument, text, value);
  }

  /** MLIR's printing of an option inside {@code {...}}: {@code arg=value}, empty for an empty list. */
  public String print() {
    return type.print(argument, value);
  }

  /**
   * The kind of an option value: how it parses, prints and is named in {@code --help}
   * ({@code <uint>}, {@code <string>}...).
   */
  public abstract static class OptionType<T> {
    private final String helpName;

    OptionType(String helpName) { this.helpName = helpName; }

    /** The value's name in help text, e.g. {@code uint}; empty for booleans (help shows no {@code =<...>}). */
    public String helpName() { return helpName; }

    abstract T parse(String arg, String text, T current);

    String print(String arg, T value) { return arg + "=" + printValue(value); }

    abstract String printValue(T value);
  }

  /** LLVM's cl::opt value parsers, with their error messages. */
  static class Scalar<T> extends OptionType<T> {
    interface Parser<T> { T parse(String s); }

    private final Parser<T> parser;
    private final java.util.function.Function<T, String> printer;

    Scalar(String helpName, Parser<T> parser, java.util.function.Function<T, String> printer) {
      super(helpName);
      this.parser = parser;
      this.printer = printer;
    }

    @Override T parse(String arg, String text, T current) {
      T v = parser.parse(text);
      if (v == null) throw new PassOptionException(invalid(arg, text, helpName()));
      return v;
    }

    @Override String printValue(T value) { return printer.apply(value); }
  }

  static String invalid(String arg, String text, String kind) {
    if (kind.isEmpty()) return "for the --" + arg + " option: '" + text + "' is invalid value for boolean argument! Try 0 or 1";
    return "for the --" + arg + " option: '" + text + "' value invalid for " + kind + " argument!";
  }

  /** A list option: comma-separated elements, printed as {@code arg=a,b}; omitted when empty. */
  static final class ListType<E> extends OptionType<List<E>> {
    private final Scalar<E> element;

    ListType(Scalar<E> element) {
      super(element.helpName());
      this.element = element;
    }

    @Override List<E> parse(String arg, String text, List<E> current) {
      List<E> out = new ArrayList<>(current);
      for (String part : PipelineText.splitTopLevel(text, ','))
        out.add(element.parse(arg, part, null));
      return List.copyOf(out);
    }

    @Override String print(String arg, List<E> value) {
      return value.isEmpty() ? "" : super.print(arg, value);
    }

    @Override String printValue(List<E> value) {
      StringBuilder sb = new StringBuilder();
      for (E e : value) {
        if (sb.length() > 0) sb.append(',');
        sb.append(element.printValue(e));
      }
      return sb.toString();
    }
  }

  @Override public String toString() { return print(); }

  @Override public boolean equals(Object o) {
    return o instanceof PassOption<?> p && p.argument.equals(argument) && Objects.equals(p.value, value);
  }

  @Override public int hashCode() { return argument.hashCode(); }
}
