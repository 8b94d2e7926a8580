package gvm.ir.types;

import java.util.List;

/** {@code tuple<T...>}. */
public record TupleType(List<Type> types) implements Type {
  public TupleType { types = List.copyOf(types); }
}
