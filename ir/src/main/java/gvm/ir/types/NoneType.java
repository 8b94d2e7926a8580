package gvm.ir.types;

/** {@code none}. */
public record NoneType() implements Type {
  public static final NoneType INSTANCE = new NoneType();
}
