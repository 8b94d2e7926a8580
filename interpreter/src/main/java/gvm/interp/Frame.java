package gvm.interp;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The values of one function activation. Nested regions (scf.for bodies, tensor.generate) run in
 * the frame of their function, so they see the values defined around them.
 */
public final class Frame {
  private final Interpreter interpreter;
  private final Map<Value, Object> env = new HashMap<>();

  Frame(Interpreter interpreter) { this.interpreter = interpreter; }

  public Interpreter interpreter() { return interpreter; }

  public Object get(Value v) {
    Object o = env.get(v);
    if (o == null) throw new IllegalStateException("value used before it was computed");
    return o;
  }

  public void set(Value v, Object o) { env.put(v, o); }

  /**
   * Runs a region from its entry block with {@code args} until an op returns {@link BlockEffect.Return};
   * yields those values.
   */
  public Object[] runRegion(Region region, Object... args) {
    Block block = region.front();
    if (block == null) throw new IllegalStateException("cannot run an empty region");
    while (true) {
      bind(block.arguments(), args);
      BlockEffect effect = null;
      for (Operation op = block.first(); op != null; op = op.nextOp()) {
        effect = interpreter.execute(this, op);
        if (effect instanceof BlockEffect.Next n) {
          bind(op.results(), n.results());
        } else {
          break;
        }
      }
      if (effect instanceof BlockEffect.Branch b) {
        block = b.block();
        args = b.args();
      } else if (effect instanceof BlockEffect.Return r) {
        return r.values();
      } else {
        throw new InterpreterException(block.parentOp() == null ? null : block.parentOp().loc(), "block ended without a terminator");
      }
    }
  }

  private void bind(List<? extends Value> values, Object[] objects) {
    if (values.size() != objects.length)
      throw new IllegalStateException("expected " + values.size() + " values, got " + objects.length);
    for (int i = 0; i < objects.length; i++) env.put(values.get(i), objects[i]);
  }
}
