package gvm.dialect;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.arith.ir.ArithDialect;
import gvm.dialect.builtin.ir.BuiltinDialect;
import gvm.dialect.func.ir.FuncDialect;
import gvm.dialect.linalg.ir.LinalgDialect;
import gvm.dialect.math.ir.MathDialect;
import gvm.dialect.mesh.ir.MeshDialect;
import gvm.dialect.tosa.ir.TosaDialect;
import gvm.ir.Dialect;
import gvm.ir.def.OpDef;
import gvm.ir.format.FormatProgram;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Walks every op of the builtin, func, arith, mesh, tosa, linalg and math dialects: each has a summary, a custom form whose
 * format compiles, and a round-trip case in {@code testsuite/Dialect/<dialect>/ops.mlir}.
 */
class DialectDefinitionsTest {
  private static final List<Dialect> DIALECTS = List.of(new BuiltinDialect(), new FuncDialect(), new ArithDialect(), new MeshDialect(), new TosaDialect(),
      new LinalgDialect(), new MathDialect());

  /**
   * The ops each dialect lists, so that none goes missing: all of LLVM 19's for builtin, func, arith
   * and mesh; for tosa, linalg and math the subset the mesh passes work through.
   */
  private static final int[] EXPECTED_OP_COUNTS = {2, 5, 49, 17, 47, 32, 12};

  /** Ops that LLVM 19 gives no custom form, so they print generically. */
  private static final Set<String> GENERIC_ONLY = Set.of("tosa.const");

  @Test void everyOpHasASummary() {
    for (Dialect d : DIALECTS)
      for (OpDef def : d.ops()) assertFalse(def.summary().isBlank(), def.name() + " has no summary");
  }

  @Test void everyOpHasACustomFormThatCompiles() {
    for (Dialect d : DIALECTS)
      for (OpDef def : d.ops()) {
        if (GENERIC_ONLY.contains(def.name())) continue;
        assertTrue(def.customAssembly() != null || def.format() != null, def.name() + " has no custom form");
        if (def.customAssembly() == null) FormatProgram.of(def);
      }
  }

  @Test void opsAreRegisteredOnceWithTheirDialectPrefix() {
    Set<String> names = new HashSet<>();
    for (int i = 0; i < DIALECTS.size(); i++) {
      Dialect d = DIALECTS.get(i);
      assertEquals(EXPECTED_OP_COUNTS[i], d.ops().size(), d.namespace() + " op count");
      for (OpDef def : d.ops()) {
        assertEquals(d.namespace(), def.dialect());
        assertTrue(names.add(def.name()), def.name() + " listed twice");
      }
    }
  }

  @Test void dialectsRegistersThem() {
    var ctx = Dialects.newContext();
    for (Dialect d : DIALECTS)
      for (OpDef def : d.ops()) assertEquals(def, ctx.lookupOp(def.name()), def.name());
  }

  /** Custom forms may drop the func. prefix inside functions, so a bare mnemonic counts there. */
  @Test void everyOpHasARoundTripCase() throws IOException {
    for (Dialect d : DIALECTS) {
      Path ops = Path.of("..", "testsuite", "Dialect", d.namespace(), "ops.mlir");
      String text = Files.readString(ops);
      for (OpDef def : d.ops()) {
        String name = d.namespace().equals("func") ? "(func\\.)?" + Pattern.quote(def.mnemonic()) : Pattern.quote(def.name());
        assertTrue(Pattern.compile("(^|[^\\w.])" + name + "(?![\\w.])", Pattern.MULTILINE).matcher(text).find(),
            def.name() + " has no case in " + ops);
      }
    }
  }
}
