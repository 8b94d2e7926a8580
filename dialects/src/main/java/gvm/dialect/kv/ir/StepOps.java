package gvm.dialect.kv.ir;

import static gvm.dialect.gptvm.ir.GptvmVerify.*;
import static gvm.ir.def.Trait.PURE;

import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Type;

/**
 * The ops that declare a step over a ragged batch of sequences (TVM's {@code begin_forward(seq_ids,
 * append_lens)}); they accept a logical or a paged cache. After {@code kv.begin_forward}, the rows of
 * the step's keys, values and queries are the new tokens of the step's sequences, concatenated in
 * the order of {@code seq_ids}; {@code kv.advance} ends the step.
 */
public final class StepOps {
  private StepOps() {}

  /** A 1-D tensor of {@code element}: {@code tensor<?xi64>}, ... */
  static TypeConstraint vector(String description, Type element) {
    return TypeConstraint.of("1-D tensor of " + description + " values",
        t -> t instanceof RankedTensorType r && r.rank() == 1 && r.elementType().equals(element));
  }

  static final TypeConstraint I64_VECTOR = vector("64-bit signless integer", IntegerType.I64);

  /**
   * {@code kv.begin_forward}: the cache with a step begun over sequences {@code seq_ids}, sequence
   * {@code seq_ids[i]} appending {@code append_lens[i]} tokens. Every id must name a sequence of
   * the cache (added by the runtime, or sequence 0 of {@code kv.create}), once. A paged cache
   * allocates the pages the step needs here (copying a shared last page first) and fails when the
   * pool runs out.
   *
   * <pre>{@code
   * %c1 = kv.begin_forward %c0, %seq_ids, %append_lens : !kv.paged_cache<...>
   * }</pre>
   */
  public static final class BeginForwardOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.begin_forward")
        .summary("begin a step over a ragged batch of sequences")
        .operand("cache", AnyCacheType.CONSTRAINT)
        .operand("seq_ids", I64_VECTOR)
        .operand("append_lens", I64_VECTOR)
        .result("result", AnyCacheType.CONSTRAINT)
        .traits(PURE)
        .allTypesMatch("cache", "result")
        .format("$cache `,` $seq_ids `,` $append_lens attr-dict `:` type($cache) `,` type($seq_ids) `,` type($append_lens)")
        .verifier(op -> sameLength(op, 1, 2, "as many append lengths as sequence ids"));

    public BeginForwardOp(Operation op) { super(op, DEF); }
  }

  /**
   * {@code kv.positions}: the position of each new token of the begun step in its sequence
   * ({@code len + i} for its {@code i}-th new token), as RoPE reads them.
   *
   * <pre>{@code
   * %pos = kv.positions %c1 : !kv.paged_cache<...> -> tensor<?xindex>
   * }</pre>
   */
  public static final class PositionsOp extends OpView {
    public static final OpDef DEF = OpDef.named("kv.positions")
        .summary("positions of the new tokens of the begun step")
        .operand("cache", AnyCacheType.CONSTRAINT)
        .result("result", vector("index", IndexType.INSTANCE))
        .traits(PURE)
        .format("$cache attr-dict `:` type($cache) `->` type($result)");

    public PositionsOp(Operation op) { super(op, DEF); }
  }

  /** Requires two 1-D tensors to be of compatible lengths. */
  static void sameLength(Operation op, int a, int b, String what) {
    if (!compatible(dim(op.operand(a), 0), dim(op.operand(b), 0)))
      throw Verify.opError(op, "requires " + what + " (" + size(dim(op.operand(a), 0)) + " vs " + size(dim(op.operand(b), 0)) + ")");
  }
}
