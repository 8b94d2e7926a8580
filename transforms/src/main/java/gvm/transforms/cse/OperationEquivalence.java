package gvm.transforms.cse;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.def.Trait;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Structural op equality for CSE (MLIR's OperationEquivalence with IgnoreLocations): same name,
 * operands (by identity), result types, properties and attributes; regions equal block by block
 * with arguments and results matched by position.
 */
final class OperationEquivalence {
  private OperationEquivalence() {}

  static int hash(Operation op) {
    int h = op.opName().hashCode();
    if (op.hasTrait(Trait.COMMUTATIVE)) {
      // Order-independent, as MLIR hashes commutative ops' operands as a sorted range.
      int sum = 0;
      for (int i = 0; i < op.numOperands(); i++) sum += mix(System.identityHashCode(op.operand(i)));
      h = h * 31 + sum;
    } else {
      for (int i = 0; i < op.numOperands(); i++) h = h * 31 + System.identityHashCode(op.operand(i));
    }
    for (int i = 0; i < op.numResults(); i++) h = h * 31 + op.result(i).type().hashCode();
    if (op.def() == null) h = h * 31 + Objects.hashCode(op.opaqueProperties());
    else for (int i = 0, n = op.def().properties().size(); i < n; i++) h = h * 31 + Objects.hashCode(op.prop(i));
    h = h * 31 + op.attributes().hashCode();
    return h;
  }

  static boolean equivalent(Operation a, Operation b) {
    if (a == b) return true;
    if (!sameShape(a, b)) return false;
    if (a.hasTrait(Trait.COMMUTATIVE)) {
      if (!sameMultiset(a, b)) return false;
    } else {
      for (int i = 0; i < a.numOperands(); i++) if (a.operand(i) != b.operand(i)) return false;
    }
    if (a.numRegions() == 0) return true;
    Map<Value, Value> map = new IdentityHashMap<>();
    for (int r = 0; r < a.numRegions(); r++) if (!equivalent(a.region(r), b.region(r), map)) return false;
    return true;
  }

  private static int mix(int x) {
    x *= 0x9E3779B1;
    return x ^ (x >>> 15);
  }

  /** The operands of two commutative ops are the same values in some order. */
  private static boolean sameMultiset(Operation a, Operation b) {
    int n = a.numOperands();
    if (n == 2) {
      Value a0 = a.operand(0), a1 = a.operand(1), b0 = b.operand(0), b1 = b.operand(1);
      return (a0 == b0 && a1 == b1) || (a0 == b1 && a1 == b0);
    }
    boolean[] used = new boolean[n];
    outer:
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++)
        if (!used[j] && a.operand(i) == b.operand(j)) {
          used[j] = true;
          continue outer;
        }
      return false;
    }
    return true;
  }

  private static boolean sameShape(Operation a, Operation b) {
    if (a.opName() != b.opName() || a.numOperands() != b.numOperands() || a.numResults() != b.numResults()
        || a.numRegions() != b.numRegions() || a.numSuccessors() != b.numSuccessors()) return false;
    for (int i = 0; i < a.numResults(); i++) if (!a.result(i).type().equals(b.result(i).type())) return false;
    for (int i = 0; i < a.numSuccessors(); i++) if (a.successor(i) != b.successor(i)) return false;
    if (a.def() == null) {
      if (!Objects.equals(a.opaqueProperties(), b.opaqueProperties())) return false;
    } else {
      for (int i = 0, n = a.def().properties().size(); i < n; i++) if (!Objects.equals(a.prop(i), b.prop(i))) return false;
    }
    return a.attributes().equals(b.attributes());
  }

  private static boolean equivalent(Region ra, Region rb, Map<Value, Value> map) {
    if (ra.blocks().size() != rb.blocks().size()) return false;
    for (int k = 0; k < ra.blocks().size(); k++) {
      Block x = ra.blocks().get(k), y = rb.blocks().get(k);
      if (x.numArguments() != y.numArguments()) return false;
      for (int i = 0; i < x.numArguments(); i++) {
        if (!x.argument(i).type().equals(y.argument(i).type())) return false;
        map.put(x.argument(i), y.argument(i));
      }
      Operation p = x.first(), q = y.first();
      for (; p != null && q != null; p = p.nextOp(), q = q.nextOp()) {
        if (!sameShape(p, q)) return false;
        for (int i = 0; i < p.numOperands(); i++) {
          Value v = p.operand(i);
          if (map.getOrDefault(v, v) != q.operand(i)) return false;
        }
        for (int i = 0; i < p.numRegions(); i++) if (!equivalent(p.region(i), q.region(i), map)) return false;
        for (int i = 0; i < p.numResults(); i++) map.put(p.result(i), q.result(i));
      }
      if (p != null || q != null) return false;
    }
    return true;
  }
}
