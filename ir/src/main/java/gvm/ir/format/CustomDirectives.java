package gvm.ir.format;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The registry of {@code custom<Name>} directives. Dialects register theirs (e.g. {@code
 * SymbolVisibility}) before their op formats compile, i.e. in the dialect class's static
 * initializer ahead of {@link Formats#compileAll}. Built in: {@code DynamicIndexList}.
 */
public final class CustomDirectives {
  private static final Map<String, CustomDirective> DIRECTIVES = new ConcurrentHashMap<>();

  static {
    register("DynamicIndexList", new DynamicIndexList());
  }

  private CustomDirectives() {}

  /**
   * Registers {@code d} under {@code name}.
   *
   * @throws IllegalArgumentException if another directive already has that name
   */
  public static void register(String name, CustomDirective d) {
    CustomDirective old = DIRECTIVES.putIfAbsent(name, d);
    if (old != null && old != d) throw new IllegalArgumentException("custom directive '" + name + "' registered twice");
  }

  /** The directive registered under {@code name}, or null. */
  public static CustomDirective lookup(String name) { return DIRECTIVES.get(name); }
}
