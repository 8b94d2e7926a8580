package gvm.rewrite.conversion;

import gvm.ir.Operation;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Which ops are legal after a conversion (MLIR's ConversionTarget): per op name or per dialect,
 * legal, illegal, or legal when a predicate holds. Op settings win over dialect settings; ops
 * with no setting are of unknown legality.
 */
public final class ConversionTarget {
  /** The legality of one op. */
  public enum Legality { LEGAL, ILLEGAL, UNKNOWN }

  private final Map<String, Predicate<Operation>> ops = new HashMap<>();
  private final Map<String, Predicate<Operation>> dialects = new HashMap<>();
  private static final Predicate<Operation> ALWAYS = op -> true, NEVER = op -> false;

  public ConversionTarget addLegalOp(String name) { ops.put(name, ALWAYS); return this; }

  public ConversionTarget addIllegalOp(String name) { ops.put(name, NEVER); return this; }

  /** Legal exactly when {@code legal} holds (MLIR's addDynamicallyLegalOp). */
  public ConversionTarget addDynamicallyLegalOp(String name, Predicate<Operation> legal) { ops.put(name, legal); return this; }

  public ConversionTarget addLegalDialect(String namespace) { dialects.put(namespace, ALWAYS); return this; }

  public ConversionTarget addIllegalDialect(String namespace) { dialects.put(namespace, NEVER); return this; }

  public ConversionTarget addDynamicallyLegalDialect(String namespace, Predicate<Operation> legal) { dialects.put(namespace, legal); return this; }

  public Legality legality(Operation op) {
    Predicate<Operation> p = ops.get(op.name());
    if (p == null) p = dialects.get(op.opName().dialect());
    if (p == null) return Legality.UNKNOWN;
    return p.test(op) ? Legality.LEGAL : Legality.ILLEGAL;
  }

  /** True if the target says anything about {@code op} (a setting for its name or dialect). */
  public boolean isKnown(Operation op) { return ops.containsKey(op.name()) || dialects.containsKey(op.opName().dialect()); }
}
