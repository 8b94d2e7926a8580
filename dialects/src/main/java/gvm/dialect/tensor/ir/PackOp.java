package gvm.dialect.tensor.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.def.OpDef;
import gvm.ir.rewrite.Folding;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.Shape;
import gvm.ir.types.ShapedType;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * {@code tensor.pack}: the source relaid out in tiles: the dims {@code inner_dims_pos} are divided
 * by {@code inner_tiles}, the outer dims optionally permuted, the tiles appended as inner dims;
 * {@code padding_value} fills partial tiles.
 */
public final class PackOp extends OpView {
  public static final OpDef DEF = OpDef.named("tensor.pack")
      .summary("tensor pack operation")
      .operand("source", TensorConstraints.ANY_RANKED_TENSOR)
      .operand("dest", TensorConstraints.ANY_RANKED_TENSOR)
      .optionalOperand("padding_value", CommonTypeConstraints.ANY_TYPE)
      .optionalProperty("outer_dims_perm", TensorConstraints.DENSE_I64_ARRAY)
      .property("inner_dims_pos", TensorConstraints.DENSE_I64_ARRAY)
      .variadicOperand("inner_tiles", CommonTypeConstraints.INDEX)
      .property("static_inner_tiles", TensorConstraints.DENSE_I64_ARRAY)
      .result("result", TensorConstraints.ANY_RANKED_TENSOR)
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, NO_MEMORY_EFFECT)
      .typesMatchWith("result type matches type of dest", "result", "dest", Function.identity())
      .format("$source (`padding_value` `(` $padding_value^ `:` type($padding_value) `)`)? (`outer_dims_perm` `=` $outer_dims_perm^)?"
          + " `inner_dims_pos` `=` $inner_dims_pos `inner_tiles` `=` custom<DynamicIndexList>($inner_tiles, $static_inner_tiles)"
          + " `into` $dest attr-dict `:` type($source) `->` type($dest)")
      .resultNames((op, names) -> names[0] = "pack")
      .verifier(op -> verifyRelayout(op, true))
      .verifier(PackOp::verify);

  public PackOp(Operation op) { super(op, DEF); }

  public Value source() { return op.operand(0); }

  public Value dest() { return op.operand(1); }

  /** MLIR's PackOp::verify after the common checks: the padding value's type, full tiles without one. */
  private static void verify(Operation op) {
    RankedTensorType source = (RankedTensorType) op.operand(0).type(), dest = (RankedTensorType) op.operand(1).type();
    List<Value> padding = TensorVerify.segment(op, 2);
    if (!padding.isEmpty() && !padding.get(0).type().equals(source.elementType()))
      throw Verify.opError(op, "expected padding_value has " + DiagText.quote(source.elementType()) + " but got: " + DiagText.quote(padding.get(0).type()));
    if (padding.isEmpty() && requirePaddingValue(op, source.shape().toArray(), dest.shape().toArray()))
      throw Verify.opError(op, "invalid tile factor or output size provided. Only full tiles are supported when padding_value is not set");
  }

  /** MLIR's PackOp::requirePaddingValue: some tiled dim is not a multiple of its tile. */
  private static boolean requirePaddingValue(Operation op, long[] in, long[] out) {
    long[] outerTiles = Arrays.copyOf(out, in.length);
    long[] perm = perm(op);
    if (perm.length != 0) outerTiles = permute(outerTiles, invert(perm));
    long[] pos = TensorVerify.i64Array(op, "inner_dims_pos");
    Long[] tiles = tiles(op);
    for (int i = 0; i < pos.length; i++) {
      int d = (int) pos[i];
      if (in[d] == ShapedType.DYNAMIC) continue;
      if (tiles[i] == null) {
        if (outerTiles[d] != ShapedType.DYNAMIC && in[d] % outerTiles[d] != 0) return true;
      } else if (in[d] % tiles[i] != 0) {
        return true;
      }
    }
    return false;
  }

  // ---- shared with tensor.unpack

  static long[] perm(Operation op) {
    Attribute a = op.prop("outer_dims_perm");
    return a instanceof DenseArrayAttr d ? d.toArray() : new long[0];
  }

  /** The tiles as constants (static, or a value defined by a constant), null where not constant. */
  static Long[] tiles(Operation op) {
    long[] statics = TensorVerify.i64Array(op, "static_inner_tiles");
    List<Value> values = op.isA(DEF) ? TensorVerify.segment(op, 3) : op.operands().subList(2, op.numOperands());
    Long[] out = new Long[statics.length];
    int dyn = 0;
    for (int i = 0; i < statics.length; i++) {
      if (statics[i] != ShapedType.DYNAMIC) out[i] = statics[i];
      else if (dyn < values.size() && Folding.constantValue(values.get(dyn++)) instanceof IntegerAttr c) out[i] = c.value();
    }
    return out;
  }

  static long[] permute(long[] v, long[] perm) {
    long[] r = new long[perm.length];
    for (int i = 0; i < perm.length; i++) r[i] = v[(int) perm[i]];
    return r;
  }

  static long[] invert(long[] perm) {
    long[] r = new long[perm.length];
    for (int i = 0; i < perm.length; i++) r[(int) perm[i]] = i;
    return r;
  }

  /** MLIR's isInvalidPackingPosSpecification. */
  private static boolean invalidPositions(long[] dims, int rank) {
    if (dims.length > rank) return true;
    Set<Long> seen = new HashSet<>();
    for (long d : dims) if (!seen.add(d) || d < 0 || d >= rank) return true;
    return false;
  }

  /** MLIR's commonVerifierPackAndUnPackOp. */
  static void verifyRelayout(Operation op, boolean pack) {
    Long[] tiles = tiles(op);
    for (Long t : tiles) if (t != null && t == 0) throw Verify.error(op, "invalid zero tile factor");
    RankedTensorType unpacked = (RankedTensorType) op.operand(pack ? 0 : 1).type(), packed = (RankedTensorType) op.operand(pack ? 1 : 0).type();
    int rank = unpacked.rank();
    long[] pos = TensorVerify.i64Array(op, "inner_dims_pos"), perm = perm(op);
    if (invalidPositions(pos, rank)) throw Verify.error(op, "invalid inner_dims_pos vector");
    if (invalidPositions(perm, rank)) throw Verify.error(op, "invalid outer_dims_perm vector");
    if (perm.length != 0 && perm.length != rank) throw Verify.error(op, "outer_dims_perm must be a permutation or empty");
    if (tiles.length > rank)
      throw Verify.error(op, "tiling factors must be less than or equal to the input rank for pack or output rank for unpack");
    if (tiles.length != pos.length) throw Verify.error(op, "tiling factors must equal the number of dimensions to tile");
    if (rank + tiles.length != packed.rank()) throw Verify.error(op, "packed rank must equal unpacked rank + tiling factors");
    long[] statics = TensorVerify.i64Array(op, "static_inner_tiles");
    RankedTensorType expected = inferPackedType(unpacked, statics, pos, perm);
    long[] want = expected.shape().toArray(), have = packed.shape().toArray();
    for (int i = 0; i < want.length; i++) {
      if (want[i] != ShapedType.DYNAMIC && have[i] != ShapedType.DYNAMIC && want[i] > have[i])
        throw Verify.error(op, "the shape of output is not large enough to hold the packed data. Expected at least "
            + DiagText.quote(expected) + ", got " + DiagText.quote(packed));
    }
    for (int i = 0; i < statics.length; i++) {
      long shape = have[have.length - statics.length + i];
      boolean ok = shape == ShapedType.DYNAMIC || shape == statics[i];
      if (!ok) throw Verify.error(op, "mismatch in inner tile sizes specified and shaped of tiled dimension in the packed type");
    }
  }

  /** MLIR's PackOp::inferPackedType. */
  static RankedTensorType inferPackedType(RankedTensorType source, long[] tiles, long[] pos, long[] perm) {
    long[] shape = source.shape().toArray();
    for (int i = 0; i < pos.length; i++) {
      int d = (int) pos[i];
      if (shape[d] == ShapedType.DYNAMIC) continue;
      shape[d] = tiles[i] == ShapedType.DYNAMIC ? ShapedType.DYNAMIC : Math.floorDiv(shape[d] + tiles[i] - 1, tiles[i]);
    }
    if (perm.length != 0) shape = permute(shape, perm);
    long[] all = Arrays.copyOf(shape, shape.length + tiles.length);
    System.arraycopy(tiles, 0, all, shape.length, tiles.length);
    return RankedTensorType.get(Shape.of(all), source.elementType());
  }
}
