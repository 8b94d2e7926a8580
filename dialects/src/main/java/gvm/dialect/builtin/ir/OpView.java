package gvm.dialect.builtin.ir;

import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.List;

/**
 * The base of typed op classes ({@code AddIOp}, {@code FuncOp}): a view over a generic {@link
 * Operation}, as MLIR's C++ op classes wrap {@code Operation*}. Storage stays in the operation.
 */
public abstract class OpView {
  protected final Operation op;

  /** @throws IllegalArgumentException if {@code op} is not an instance of {@code def} */
  protected OpView(Operation op, OpDef def) {
    if (!op.isA(def)) throw new IllegalArgumentException("expected '" + def.name() + "', got '" + op.name() + "'");
    this.op = op;
  }

  public final Operation op() { return op; }

  public final Location loc() { return op.loc(); }

  /**
   * Creates a detached op of {@code def} (registered in {@code ctx}) with the given operands,
   * result types and properties; defaults fill absent properties.
   */
  public static Operation create(Context ctx, OpDef def, Location loc, List<Value> operands, List<Type> resultTypes,
      List<NamedAttribute> properties) {
    OperationState st = new OperationState(loc, ctx.opName(def.name()));
    st.operands.addAll(operands);
    st.resultTypes.addAll(resultTypes);
    st.properties.addAll(properties);
    for (int i = 0; i < def.regions().size(); i++) st.addRegion();
    return Operation.create(st);
  }

  @Override public String toString() { return op.name(); }
}
