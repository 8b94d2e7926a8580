package gvm.ir.affine;

import java.util.List;

/** {@code (d0)[s0] : (d0 - s0 >= 0, d0 == 0)}: constraints {@code e >= 0} or, where {@code eqFlags[i]}, {@code e == 0}. */
public record IntegerSet(int numDims, int numSymbols, List<AffineExpr> constraints, List<Boolean> eqFlags) {
  public IntegerSet {
    constraints = List.copyOf(constraints);
    eqFlags = List.copyOf(eqFlags);
  }
}
