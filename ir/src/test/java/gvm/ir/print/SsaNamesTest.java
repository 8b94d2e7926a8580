package gvm.ir.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Value;
import gvm.ir.attributes.Location;
import gvm.ir.types.IntegerType;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Value numbers kept in value slots stay right when another printer numbers the same values. */
class SsaNamesTest {
  private final Context ctx = new Context();
  private final List<Value> values = new ArrayList<>();

  private Operation op(String name, int results, List<Value> operands, boolean region) {
    OperationState st = new OperationState(Location.UNKNOWN, ctx.opName(name));
    st.operands.addAll(operands);
    for (int i = 0; i < results; i++) st.resultTypes.add(IntegerType.I32);
    if (region) st.addRegion();
    Operation op = Operation.create(st);
    for (int i = 0; i < results; i++) values.add(op.result(i));
    return op;
  }

  private Block block(Operation parent, int args) {
    Block b = new Block();
    parent.region(0).addBlock(b);
    for (int i = 0; i < args; i++) values.add(b.addArgument(IntegerType.I32, Location.UNKNOWN));
    return b;
  }

  /** module { ^bb0(%arg0): %0 = a(%arg0); inner { ^bb0(%arg1): %1 = b(%arg1, %0); %2 = c } ; %3 = d(%0) } */
  private Operation[] build() {
    Operation root = op("test.root", 0, List.of(), true);
    Block top = block(root, 1);
    Operation a = op("test.a", 1, List.of(top.argument(0)), false);
    top.append(a);
    Operation inner = op("test.inner", 0, List.of(), true);
    top.append(inner);
    Block ib = block(inner, 1);
    ib.append(op("test.b", 1, List.of(ib.argument(0), a.result(0)), false));
    ib.append(op("test.c", 1, List.of(), false));
    top.append(op("test.d", 1, List.of(a.result(0)), false));
    return new Operation[] {root, inner};
  }

  private Map<Value, String> names(SsaNames n) {
    Map<Value, String> m = new LinkedHashMap<>();
    for (Value v : values) m.put(v, n.name(v));
    return m;
  }

  @Test
  void numbersSurviveAnotherPrinterOfTheSameValues() {
    Operation[] ops = build();
    SsaNames outer = new SsaNames(ops[0], true);
    Map<Value, String> before = names(outer);
    // values in creation order: %arg0, a, %arg1 (inner), b, c, d; as mlir-opt, a region's own ops
    // are numbered before the regions nested in them
    assertEquals(List.of("arg0", "0", "arg1", "2", "3", "1"), new ArrayList<>(before.values()));
    SsaNames inner = new SsaNames(ops[1], true);  // renumbers the inner region's values from 0
    assertEquals("arg0", inner.name(values.get(2)));
    assertEquals("0", inner.name(values.get(3)));
    assertEquals(before, names(outer), "the outer printer keeps its own numbers");
    assertEquals("arg0", inner.name(values.get(2)), "and the inner one keeps its");
  }

  @Test
  void valuesOutsideTheRootHaveNoName() {
    Operation[] ops = build();
    SsaNames inner = new SsaNames(ops[1], true);
    assertNull(inner.name(values.get(0)), "%arg0 of the outer block is not under the inner op");
    assertNull(inner.name(values.get(1)));
  }
}
