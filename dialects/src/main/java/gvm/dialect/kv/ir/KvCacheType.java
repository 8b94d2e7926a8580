package gvm.dialect.kv.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.def.TypeConstraint;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FloatType;
import gvm.ir.types.Type;

/**
 * {@code !kv.cache<layers = 2, kv_heads = 4, head_dim = 8, capacity = 256, dtype = f32>}: the keys
 * and values of one sequence for every layer, {@code [layers][capacity][kv_heads][head_dim]} each,
 * plus the committed length {@code 0 <= len <= capacity} (see {@link KvDialect}). A paged lowering
 * splits {@code capacity} into pages of a block table; the type carries what it needs to size them.
 */
public record KvCacheType(long layers, long kvHeads, long headDim, long capacity, Type dtype) implements AnyCacheType {
  static final String MNEMONIC = "cache";

  /** ODS-style constraint for operands and results of this type. */
  public static final TypeConstraint CONSTRAINT = TypeConstraint.of("kv cache", t -> t instanceof KvCacheType);

  @Override public String dialect() { return "kv"; }

  @Override public void printBody(AsmPrinter p) {
    p.print(MNEMONIC).print("<layers = ").print(layers).print(", kv_heads = ").print(kvHeads).print(", head_dim = ").print(headDim)
        .print(", capacity = ").print(capacity).print(", dtype = ");
    p.printType(dtype);
    p.print('>');
  }

  /** Parses {@code <layers = ..., dtype = f32>}, what follows the mnemonic. */
  static KvCacheType parseParams(AsmParser p) {
    p.parsePunct("<");
    long layers = parseSize(p, "layers");
    p.parsePunct(",");
    long kvHeads = parseSize(p, "kv_heads");
    p.parsePunct(",");
    long headDim = parseSize(p, "head_dim");
    p.parsePunct(",");
    long capacity = parseSize(p, "capacity");
    p.parsePunct(",");
    Type dtype = parseDtype(p, "kv.cache");
    return new KvCacheType(layers, kvHeads, headDim, capacity, dtype);
  }

  /** {@code dtype = f32>}: a floating-point element type and the closing bracket. */
  static Type parseDtype(AsmParser p, String typeName) {
    p.parseKeyword("dtype");
    p.parsePunct("=");
    int at = p.offset();
    Type dtype = p.parseType();
    if (!(dtype instanceof FloatType)) throw p.error(at, typeName + " dtype must be a floating-point type");
    p.parsePunct(">");
    return dtype;
  }

  static long parseSize(AsmParser p, String key) { return parseSize(p, "kv.cache", key); }

  /** {@code key = N} with {@code N > 0}. */
  static long parseSize(AsmParser p, String typeName, String key) {
    p.parseKeyword(key);
    p.parsePunct("=");
    int at = p.offset();
    long v = p.parseInteger();
    if (v <= 0) throw p.error(at, typeName + " " + key + " must be positive");
    return v;
  }
}
