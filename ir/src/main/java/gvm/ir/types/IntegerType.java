package gvm.ir.types;

/** {@code iN}, {@code siN}, {@code uiN}. Common widths are interned, but equality never relies on it. */
public record IntegerType(int width, Signedness signedness) implements Type {
  public enum Signedness { SIGNLESS, SIGNED, UNSIGNED }

  public static final IntegerType I1 = new IntegerType(1, Signedness.SIGNLESS);
  public static final IntegerType I8 = new IntegerType(8, Signedness.SIGNLESS);
  public static final IntegerType I16 = new IntegerType(16, Signedness.SIGNLESS);
  public static final IntegerType I32 = new IntegerType(32, Signedness.SIGNLESS);
  public static final IntegerType I64 = new IntegerType(64, Signedness.SIGNLESS);

  /** Largest width MLIR accepts ({@code IntegerType::kMaxWidth}). */
  public static final int MAX_WIDTH = (1 << 24) - 1;

  public static IntegerType get(int width) {
    switch (width) {
      case 1: return I1;
      case 8: return I8;
      case 16: return I16;
      case 32: return I32;
      case 64: return I64;
      default: return new IntegerType(width, Signedness.SIGNLESS);
    }
  }

  public static IntegerType get(int width, Signedness s) {
    return s == Signedness.SIGNLESS ? get(width) : new IntegerType(width, s);
  }

  public boolean isSignless() { return signedness == Signedness.SIGNLESS; }
  public boolean isSigned() { return signedness == Signedness.SIGNED; }
  public boolean isUnsigned() { return signedness == Signedness.UNSIGNED; }
}
