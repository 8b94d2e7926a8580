package gvm.dialect.kv.ir;

import gvm.ir.def.TypeConstraint;
import gvm.ir.types.DialectType;
import gvm.ir.types.Type;

/**
 * What the logical {@link KvCacheType} and the {@link PagedCacheType} share: per layer, keys and
 * values of {@code [kv_heads, head_dim]} per token of each sequence. The ops that do not depend
 * on the storage ({@code kv.create}, {@code kv.begin_forward}, {@code kv.positions}, {@code
 * kv.seq_len}, {@code kv.advance}) accept either.
 */
public interface AnyCacheType extends DialectType {
  /** ODS-style constraint: a logical or a paged cache. */
  TypeConstraint CONSTRAINT = TypeConstraint.of("kv cache or paged kv cache", t -> t instanceof AnyCacheType);

  long layers();

  long kvHeads();

  long headDim();

  Type dtype();
}
