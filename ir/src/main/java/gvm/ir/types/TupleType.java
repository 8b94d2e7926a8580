package gvm.ir.types;

import gvm.ir.attributes.HashedList;
import java.util.List;

/** {@code tuple<T...>}. */
public record TupleType(List<Type> types) implements Type {
  public TupleType { types = HashedList.copyOf(types); }
}
