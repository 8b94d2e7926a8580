package gvm.dialect.scf.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.OpView;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.OpDef;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code scf.index_switch}: runs the case region whose value equals the index argument, else the
 * default region; each region yields the results.
 *
 * <pre>{@code
 * %0 = scf.index_switch %arg -> i32
 * case 2 {
 *   scf.yield %a : i32
 * }
 * default {
 *   scf.yield %b : i32
 * }
 * }</pre>
 */
public final class IndexSwitchOp extends OpView {
  static final AttrConstraint DENSE_I64_ARRAY = AttrConstraint.of("i64 dense array attribute",
      a -> a instanceof DenseArrayAttr d && d.elementType().equals(IntegerType.I64)).withAsm(AttrAsm.DENSE_I64_ARRAY);

  public static final OpDef DEF = OpDef.named("scf.index_switch")
      .summary("switch-case operation on an index argument")
      .operand("arg", CommonTypeConstraints.INDEX)
      .property("cases", DENSE_I64_ARRAY)
      .variadicResult("results", CommonTypeConstraints.ANY_TYPE)
      .sizedRegion("defaultRegion")
      .variadicRegion("caseRegions")
      .traits(RECURSIVE_MEMORY_EFFECTS, SINGLE_BLOCK)
      .implicitTerminator("scf.yield")
      .format("$arg attr-dict (`->` type($results)^)? custom<SwitchCases>($cases, $caseRegions) `\\n` `` `default` $defaultRegion")
      .implement(RegionBranchOpInterface.class, (op, point) -> {
        // The op enters any region; every region returns to the op.
        if (point != RegionBranchOpInterface.PARENT) return new int[] {RegionBranchOpInterface.PARENT};
        int[] all = new int[op.numRegions()];
        for (int i = 0; i < all.length; i++) all[i] = i;
        return all;
      })
      .verifier(IndexSwitchOp::verify)
      .regionVerifier(RegionBranchOpInterface::verifyTypes);

  public IndexSwitchOp(Operation op) { super(op, DEF); }

  public Value arg() { return op.operand(0); }

  public long[] cases() { return ((DenseArrayAttr) op.prop("cases")).toArray(); }

  public Region defaultRegion() { return op.region(0); }

  public int numCases() { return op.numRegions() - 1; }

  public Region caseRegion(int i) { return op.region(i + 1); }

  /** Case values are distinct, one per case region, and every region yields the results (MLIR's IndexSwitchOp::verify). */
  private static void verify(Operation op) {
    IndexSwitchOp sw = new IndexSwitchOp(op);
    long[] cases = sw.cases();
    if (cases.length != sw.numCases())
      throw Verify.opError(op, "has " + sw.numCases() + " case regions but " + cases.length + " case values");
    Set<Long> seen = new HashSet<>();
    for (long v : cases) if (!seen.add(v)) throw Verify.opError(op, "has duplicate case value: " + v);
    verifyRegion(op, sw.defaultRegion(), "default region");
    for (int i = 0; i < sw.numCases(); i++) verifyRegion(op, sw.caseRegion(i), "case region #" + i);
  }

  private static void verifyRegion(Operation op, Region region, String name) {
    // An empty region breaks the region constraints, which report it.
    if (region.isEmpty() || region.front().isEmpty()) return;
    Operation last = region.front().last();
    if (!last.isA(YieldOp.DEF)) throw Verify.opError(op, "expected region to end with scf.yield, but got " + last.name());
    if (last.numOperands() != op.numResults())
      throw Verify.opError(op, "expected each region to return " + op.numResults() + " values, but " + name + " returns " + last.numOperands())
          .attachNote(last.loc(), "see yield operation here");
    List<Type> results = op.resultTypes();
    for (int i = 0; i < results.size(); i++) {
      Type t = last.operand(i).type();
      if (!t.equals(results.get(i)))
        throw Verify.opError(op, "expected result #" + i + " of each region to be " + DiagText.quote(results.get(i)))
            .attachNote(last.loc(), name + " returns " + DiagText.quote(t) + " here");
    }
  }
}
