package gvm.ir.types;

import gvm.ir.attributes.HashedList;
import java.util.List;

/** {@code (inputs) -> results}. */
public record FunctionType(List<Type> inputs, List<Type> results) implements Type {
  public FunctionType {
    inputs = HashedList.copyOf(inputs);
    results = HashedList.copyOf(results);
  }
}
