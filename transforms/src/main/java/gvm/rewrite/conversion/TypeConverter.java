package gvm.rewrite.conversion;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Maps source types to target types (MLIR's TypeConverter). Conversions are tried last-added
 * first; one returns the converted type or null when it does not apply. A type no conversion
 * handles cannot be converted. A type is legal when it converts to itself.
 */
public class TypeConverter {
  private final List<Function<Type, Type>> conversions = new ArrayList<>();

  /** Adds a conversion; it returns null for types it does not handle. */
  public TypeConverter addConversion(Function<Type, Type> f) {
    conversions.add(f);
    return this;
  }

  /** The converted type, or null if no conversion applies. */
  public Type convertType(Type t) {
    for (int i = conversions.size() - 1; i >= 0; i--) {
      Type r = conversions.get(i).apply(t);
      if (r != null) return r;
    }
    return null;
  }

  /** Converts each type; null if any fails. */
  public List<Type> convertTypes(List<Type> ts) {
    List<Type> out = new ArrayList<>(ts.size());
    for (Type t : ts) {
      Type r = convertType(t);
      if (r == null) return null;
      out.add(r);
    }
    return out;
  }

  public boolean isLegal(Type t) { return t.equals(convertType(t)); }

  /** True if every operand and result type of {@code op} is legal. */
  public boolean isLegal(Operation op) {
    for (Value v : op.operands()) if (!isLegal(v.type())) return false;
    for (Type t : op.resultTypes()) if (!isLegal(t)) return false;
    return true;
  }

  public boolean isSignatureLegal(FunctionType ft) {
    for (Type t : ft.inputs()) if (!isLegal(t)) return false;
    for (Type t : ft.results()) if (!isLegal(t)) return false;
    return true;
  }
}
