package gvm.ir.attributes;

import java.util.List;

/** {@code [a, b, c]}. */
public record ArrayAttr(List<Attribute> elements) implements Attribute {
  public static final ArrayAttr EMPTY = new ArrayAttr(List.of());

  public ArrayAttr { elements = HashedList.copyOf(elements); }

  public int size() { return elements.size(); }

  public Attribute get(int i) { return elements.get(i); }
}
