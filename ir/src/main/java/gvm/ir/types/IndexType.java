package gvm.ir.types;

/** {@code index}: a target-sized integer (64 bits in folding and interpretation). */
public record IndexType() implements Type {
  public static final IndexType INSTANCE = new IndexType();
  /** Width used to fold and interpret index values, as MLIR's {@code IndexType::kInternalStorageBitWidth}. */
  public static final int STORAGE_WIDTH = 64;
}
