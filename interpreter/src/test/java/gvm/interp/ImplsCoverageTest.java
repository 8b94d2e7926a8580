package gvm.interp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import gvm.dialect.Dialects;
import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every op of the dialects the interpreter covers has an implementation, except the structural ones. */
class ImplsCoverageTest {
  /** Ops that hold code rather than run: the interpreter enters them (module) or calls them (func.func). */
  private static final Set<String> STRUCTURAL = Set.of("builtin.module", "func.func", "mesh.mesh");

  @Test void everyOpOfTheCoveredDialectsHasAnImpl() {
    ImplTable impls = Impls.all();
    Set<String> covered = Set.of("builtin", "func", "arith", "cf", "scf", "tensor", "gptvm", "kv", "mesh");
    List<String> missing = new ArrayList<>();
    int count = 0;
    for (Dialect d : Dialects.newContext().dialects()) {
      if (!covered.contains(d.namespace())) continue;
      for (OpDef def : d.ops()) {
        count++;
        if (!STRUCTURAL.contains(def.name()) && !impls.has(def)) missing.add(def.name());
      }
    }
    assertEquals(List.of(), missing);
    assertEquals(true, count > 100, "ops seen: " + count);
  }
}
