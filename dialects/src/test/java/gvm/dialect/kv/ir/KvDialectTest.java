package gvm.dialect.kv.ir;

import static org.junit.jupiter.api.Assertions.*;

import gvm.dialect.DialectTestSupport;
import gvm.ir.Operation;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FloatType;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Walks every kv op (summary, custom form, ops.mlir case, invalid.mlir cases) and checks the cache type's value semantics. */
class KvDialectTest {
  @Test void everyOpIsDefinedAndHasARoundTripCase() throws IOException {
    DialectTestSupport.assertDefinitions(new KvDialect());
  }

  @Test void everyVerifierMessageHasAnInvalidCase() throws IOException {
    DialectTestSupport.assertMessagesCovered(Path.of("src/main/java/gvm/dialect/kv/ir"), Path.of("../testsuite/Dialect/kv/invalid.mlir"));
  }

  @Test void cacheTypeParsesPrintsAndComparesByValue() {
    Operation m = DialectTestSupport.parse("""
        func.func @f(%c: !kv.cache<layers = 5, kv_heads = 4, head_dim = 8, capacity = 256, dtype = bf16>) {
          %n = kv.seq_len %c : !kv.cache<layers = 5, kv_heads = 4, head_dim = 8, capacity = 256, dtype = bf16>
          return
        }
        """);
    Operation len = DialectTestSupport.first(m, CacheOps.SeqLenOp.DEF);
    KvCacheType t = (KvCacheType) len.operand(0).type();
    assertEquals(new KvCacheType(5, 4, 8, 256, FloatType.BF16), t);
    assertEquals("!kv.cache<layers = 5, kv_heads = 4, head_dim = 8, capacity = 256, dtype = bf16>", AsmPrinter.toString(null, t));
  }
}
