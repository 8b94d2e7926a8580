package gvm.dialect.mesh.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.DialectAttribute;
import gvm.ir.attributes.SymbolRefAttr;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code #mesh.shard<@mesh, [[0], [], [1, 2]], partial = sum[3]>} (LLVM 19's MeshShardingAttr): how
 * a tensor is split over a mesh. {@code splitAxes.get(d)} lists the mesh axes tensor dimension
 * {@code d} is split along; {@code partialAxes} (possibly empty) the axes along which the value is
 * partial, to be combined with {@code partialType}. Mesh axes are i16 dense arrays, as MLIR's
 * MeshAxesAttr.
 */
public record MeshShardingAttr(SymbolRefAttr mesh, List<DenseArrayAttr> splitAxes, DenseArrayAttr partialAxes, ReductionKind partialType)
    implements DialectAttribute {
  /** The mesh reference, so that symbol walks (symbol-dce) see the use. */
  @Override public List<Attribute> subAttributes() { return List.of(mesh); }

  static final String MNEMONIC = "shard";

  /** ODS MeshSharding; formats print it stripped: {@code to <@m, [[0]]>}. */
  public static final AttrConstraint CONSTRAINT =
      AttrConstraint.of("Attribute that extends tensor type to distributed tensor type.", a -> a instanceof MeshShardingAttr)
          .withAsm(AttrAsm.stripped("mesh", MNEMONIC, MeshShardingAttr::parseParams));

  public MeshShardingAttr {
    splitAxes = List.copyOf(splitAxes);
    if (partialAxes == null) partialAxes = axes();
    if (partialType == null) partialType = ReductionKind.SUM;
  }

  /** A MeshAxesAttr (i16 dense array) holding {@code axes}. */
  public static DenseArrayAttr axes(long... axes) { return new DenseArrayAttr(IntegerType.I16, axes); }

  @Override public String dialect() { return "mesh"; }

  @Override public void printBody(AsmPrinter p) {
    p.print(MNEMONIC).print('<');
    p.printAttribute(mesh);
    p.print(", [");
    for (int i = 0; i < splitAxes.size(); i++) {
      if (i > 0) p.print(", ");
      printAxes(p, splitAxes.get(i));
    }
    p.print(']');
    // The optional group of the attribute's format is anchored on partial_axes.
    if (partialAxes.size() > 0) {
      p.print(", partial = ").print(partialType.keyword());
      printAxes(p, partialAxes);
    }
    p.print('>');
  }

  private static void printAxes(AsmPrinter p, DenseArrayAttr axes) {
    p.print('[');
    for (int i = 0; i < axes.size(); i++) {
      if (i > 0) p.print(", ");
      p.print(axes.get(i));
    }
    p.print(']');
  }

  /**
   * Parses {@code <@m, [[0], []], partial = max[1]>} (what follows the mnemonic) and verifies it as
   * MeshShardingAttr::verify does. The split-axes list needs at least one sub-array: {@code <@m, []>}
   * is rejected, as by mlir-opt 19 (which nevertheless prints that form).
   */
  public static Attribute parseParams(AsmParser p) {
    int at = p.offset();
    p.parsePunct("<");
    int meshAt = p.offset();
    Attribute mesh = p.parseAttribute(null);
    if (!(mesh instanceof SymbolRefAttr ref) || !ref.isFlat()) throw p.error(meshAt, "invalid kind of attribute specified");
    p.parsePunct(",");
    p.parsePunct("[");
    List<DenseArrayAttr> split = new ArrayList<>();
    do split.add(parseAxes(p, true)); while (p.parseOptionalPunct(","));
    p.parsePunct("]");
    DenseArrayAttr partialAxes = axes();
    ReductionKind partialType = null;
    if (p.parseOptionalPunct(",")) {
      p.parseKeyword("partial");
      p.parsePunct("=");
      partialType = ReductionKind.parse(p);
      partialAxes = parseAxes(p, false);
    }
    p.parsePunct(">");
    MeshShardingAttr a = new MeshShardingAttr(ref, split, partialAxes, partialType);
    String error = a.verify();
    if (error != null) throw p.error(at, error);
    return a;
  }

  /**
   * {@code [0, 1]}, or {@code []} when {@code allowEmpty}: a split-axes entry is a MeshAxesAttr,
   * which may be empty, while the partial axes are a plain list of at least one axis.
   */
  private static DenseArrayAttr parseAxes(AsmParser p, boolean allowEmpty) {
    p.parsePunct("[");
    List<Long> axes = new ArrayList<>();
    if (!allowEmpty || !p.parseOptionalPunct("]")) {
      do {
        int at = p.offset();
        BigInteger v = p.parseOptionalInteger();
        if (v == null) throw p.error(at, "expected integer value");
        if (v.bitLength() > 15) throw p.error(at, "integer value too large");
        axes.add(v.longValue());
      } while (p.parseOptionalPunct(","));
      p.parsePunct("]");
    }
    long[] vals = new long[axes.size()];
    for (int i = 0; i < vals.length; i++) vals[i] = axes.get(i);
    return axes(vals);
  }

  /** MeshShardingAttr::verify: every axis non-negative and used once across split and partial axes; null if valid. */
  String verify() {
    Set<Long> seen = new HashSet<>();
    List<DenseArrayAttr> all = new ArrayList<>(splitAxes);
    all.add(partialAxes);
    for (DenseArrayAttr axes : all)
      for (int i = 0; i < axes.size(); i++) {
        if (axes.get(i) < 0) return "mesh axis is expected to be non-negative";
        if (!seen.add(axes.get(i))) return "mesh axis duplicated";
      }
    return null;
  }
}
