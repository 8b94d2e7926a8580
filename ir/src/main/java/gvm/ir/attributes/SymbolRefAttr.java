package gvm.ir.attributes;

import java.util.List;

/** {@code @root::@a::@b}: a root symbol and nested references. */
public record SymbolRefAttr(String root, List<String> nested) implements Attribute {
  public SymbolRefAttr { nested = List.copyOf(nested); }

  public static SymbolRefAttr flat(String name) { return new SymbolRefAttr(name, List.of()); }

  public boolean isFlat() { return nested.isEmpty(); }

  /** The innermost symbol name. */
  public String leaf() { return nested.isEmpty() ? root : nested.get(nested.size() - 1); }
}
