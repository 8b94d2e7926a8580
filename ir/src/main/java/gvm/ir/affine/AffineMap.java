package gvm.ir.affine;

import java.util.List;

/** {@code (d0, d1)[s0] -> (d1, d0 + s0)}. */
public record AffineMap(int numDims, int numSymbols, List<AffineExpr> results) {
  public AffineMap { results = List.copyOf(results); }

  /** {@code (d0, ..., dn-1) -> (d0, ..., dn-1)}. */
  public static AffineMap identity(int n) {
    AffineExpr[] r = new AffineExpr[n];
    for (int i = 0; i < n; i++) r[i] = new AffineExpr.Dim(i);
    return new AffineMap(n, 0, List.of(r));
  }

  public boolean isIdentity() {
    if (numSymbols != 0 || results.size() != numDims) return false;
    for (int i = 0; i < numDims; i++) if (!(results.get(i) instanceof AffineExpr.Dim d && d.position() == i)) return false;
    return true;
  }
}
