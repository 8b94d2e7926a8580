package gvm.dialect.builtin.ir;

import gvm.ir.attributes.Attribute;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.Type;
import java.util.List;

/** Types and attributes as MLIR's diagnostics stream them: types quoted ({@code 'i32'}), lists comma-separated. */
public final class DiagText {
  private DiagText() {}

  /** {@code 'i32'}. */
  public static String quote(Type t) { return "'" + AsmPrinter.toString(null, t) + "'"; }

  /** {@code 'i32', 'f32'}. */
  public static String quote(List<Type> types) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < types.size(); i++) {
      if (i > 0) sb.append(", ");
      sb.append(quote(types.get(i)));
    }
    return sb.toString();
  }

  /** An attribute as written, without quotes (MLIR streams attributes bare). */
  public static String print(Attribute a) { return AsmPrinter.toString(null, a); }
}
