package gvm.dialect.kv.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.def.TypeConstraint;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.Type;

/**
 * {@code !kv.paged_cache<layers = 2, kv_heads = 4, head_dim = 8, page_size = 16, num_pages = 64, dtype = f32>}:
 * the keys and values of many sequences in a pool of physical pages, per layer one key and one
 * value pool {@code [num_pages, kv_heads, page_size, head_dim]} (vLLM's KV blocks, TVM's pages),
 * plus per sequence a block table (its logical page {@code i} lives in physical page {@code
 * table[i]}) and a committed length. Token {@code p} of a sequence lives at slot {@code
 * table[p / page_size] * page_size + p % page_size}. {@code page_size} is a power of two from 1 to
 * 256. Pages are allocated by {@code kv.begin_forward} and may be shared by forked sequences.
 */
public record PagedCacheType(long layers, long kvHeads, long headDim, long pageSize, long numPages, Type dtype) implements AnyCacheType {
  static final String MNEMONIC = "paged_cache";
  /** The largest page size (vLLM's kernels take up to 256 tokens per block). */
  public static final long MAX_PAGE_SIZE = 256;

  /** ODS-style constraint for operands and results of this type. */
  public static final TypeConstraint CONSTRAINT = TypeConstraint.of("paged kv cache", t -> t instanceof PagedCacheType);

  @Override public String dialect() { return "kv"; }

  /** Whether {@code n} is a valid page size: a power of two in {@code [1, 256]}. */
  public static boolean validPageSize(long n) { return n >= 1 && n <= MAX_PAGE_SIZE && (n & (n - 1)) == 0; }

  /** Number of slots in the pool: {@code num_pages * page_size}. */
  public long slots() { return numPages * pageSize; }

  @Override public void printBody(AsmPrinter p) {
    p.print(MNEMONIC).print("<layers = ").print(layers).print(", kv_heads = ").print(kvHeads).print(", head_dim = ").print(headDim)
        .print(", page_size = ").print(pageSize).print(", num_pages = ").print(numPages).print(", dtype = ");
    p.printType(dtype);
    p.print('>');
  }

  /** Parses {@code <layers = ..., dtype = f32>}, what follows the mnemonic. */
  static PagedCacheType parseParams(AsmParser p) {
    String name = "kv.paged_cache";
    p.parsePunct("<");
    long layers = KvCacheType.parseSize(p, name, "layers");
    p.parsePunct(",");
    long kvHeads = KvCacheType.parseSize(p, name, "kv_heads");
    p.parsePunct(",");
    long headDim = KvCacheType.parseSize(p, name, "head_dim");
    p.parsePunct(",");
    p.parseKeyword("page_size");
    p.parsePunct("=");
    int at = p.offset();
    long pageSize = p.parseInteger();
    if (!validPageSize(pageSize)) throw p.error(at, name + " page_size must be a power of two in [1, " + MAX_PAGE_SIZE + "], but got " + pageSize);
    p.parsePunct(",");
    long numPages = KvCacheType.parseSize(p, name, "num_pages");
    p.parsePunct(",");
    Type dtype = KvCacheType.parseDtype(p, name);
    return new PagedCacheType(layers, kvHeads, headDim, pageSize, numPages, dtype);
  }
}
