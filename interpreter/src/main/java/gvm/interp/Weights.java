package gvm.interp;

/** The checkpoint {@code gptvm.param} reads from: a tensor by name, or null when it has none. */
@FunctionalInterface
public interface Weights {
  Weights NONE = name -> null;

  Tensor get(String name);

  /** How errors name the source of the weights. */
  default String describe() { return "the checkpoint"; }
}
