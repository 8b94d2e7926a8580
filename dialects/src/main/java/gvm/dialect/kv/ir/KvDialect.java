package gvm.dialect.kv.ir;

import gvm.ir.Dialect;
import gvm.ir.asm.AsmParser;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.List;

/**
 * The {@code kv} dialect, logical form: a key/value cache for one sequence as an SSA value of type
 * {@code !kv.cache<...>} (value semantics: ops return a new cache; a lowering updates in place).
 *
 * <p>A cache holds, per layer, {@code capacity} slots of {@code [kv_heads, head_dim]} keys and
 * values, and one committed length {@code len} shared by all layers. One forward step over {@code n}
 * new tokens (positions {@code len .. len+n-1}) reads:
 * <ol>
 *   <li>per layer: {@code kv.attend} (attention of the new queries over slots {@code [0, len)} of that
 *       layer plus the step's new keys/values, causal) and {@code kv.append} (writes the new keys and
 *       values into slots {@code [len, len+n)} of that layer; not visible until committed);
 *   <li>once: {@code kv.advance} by {@code n}, committing the step ({@code len += n}).
 * </ol>
 * {@code kv.seq_len} reads {@code len}. This is TVM's PagedKVCache protocol (begin_forward, per-layer
 * attention_with_fused_qkv, end_forward) without pages: a later pass lowers slots to pages of a
 * block table. Overflowing {@code capacity} is a run-time error.
 *
 * <p>A cache holds several sequences (sequence 0 from {@code kv.create}, others added by the
 * runtime). {@code kv.begin_forward} declares a step over a ragged batch of them; without it a step
 * is sequence 0's ({@link StepOps}). The paged form ({@link PagedCacheType}, {@link PagedOps}) is
 * what {@code kv-lower-to-paged} writes: the same protocol over a pool of pages and block tables.
 */
public final class KvDialect extends Dialect {
  public KvDialect() { super("kv"); }

  @Override public List<OpDef> ops() {
    return List.of(CacheOps.CreateOp.DEF, CacheOps.AppendOp.DEF, CacheOps.AttendOp.DEF, CacheOps.SeqLenOp.DEF, CacheOps.AdvanceOp.DEF,
        StepOps.BeginForwardOp.DEF, StepOps.PositionsOp.DEF, PagedOps.BlockTableOp.DEF, PagedOps.SeqLensOp.DEF,
        PagedOps.QueryStartLocOp.DEF, PagedOps.SlotMappingOp.DEF, PagedOps.PagedWriteOp.DEF, PagedOps.PagedAttentionOp.DEF);
  }

  @Override public List<String> dependentDialects() { return List.of("gptvm"); }

  /** {@code !kv.cache<...>}; the parser stands at the mnemonic. */
  @Override public Type parseType(AsmParser p) {
    int at = p.offset();
    String mnemonic = p.parseOptionalKeyword();
    if (KvCacheType.MNEMONIC.equals(mnemonic)) return KvCacheType.parseParams(p);
    if (PagedCacheType.MNEMONIC.equals(mnemonic)) return PagedCacheType.parseParams(p);
    throw p.error(at, "unknown type `" + mnemonic + "` in dialect `kv`");
  }
}
