package gvm.interp;

import gvm.dialect.builtin.ir.SymbolTable;
import gvm.dialect.func.ir.FuncOp;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.attributes.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * Reference interpreter: runs the functions of a module op by op, each op through the
 * implementation registered for its definition in an {@link ImplTable} (see {@link Impls}). Values
 * are {@link Tensor}s, scalars ({@code Long}, {@code Double}, see {@link Elements}) and dialect
 * objects such as kv caches. Failures are {@link InterpreterException}s at the failing op.
 */
public final class Interpreter {
  private final ImplTable impls;
  private final Weights weights;
  private final Map<String, Operation> functions = new HashMap<>();
  private final Map<Class<?>, Object> services = new HashMap<>();

  public Interpreter(Operation module, ImplTable impls, Weights weights) {
    this.impls = impls;
    this.weights = weights;
    Region body = module.region(0);
    if (!body.isEmpty())
      for (Operation op = body.front().first(); op != null; op = op.nextOp())
        if (op.isA(FuncOp.DEF)) functions.put(SymbolTable.symbolName(op), op);
  }

  /** An interpreter with every dialect's implementations. */
  public static Interpreter of(Operation module, Weights weights) { return new Interpreter(module, Impls.all(), weights); }

  public Weights weights() { return weights; }

  /** A per-run object of type {@code c}, created on first use (caches of converted weights, thread pools). */
  @SuppressWarnings("unchecked")
  public synchronized <T> T service(Class<T> c, java.util.function.Supplier<T> create) {
    return (T) services.computeIfAbsent(c, k -> create.get());
  }

  /** Sets the per-run object of type {@code c} (before first use). */
  public synchronized <T> void provide(Class<T> c, T value) { services.put(c, value); }

  /** The thread team of the hot kernels: {@link #provide}d, else the process-wide one ({@link Parallel#common()}). */
  public Parallel parallel() { return service(Parallel.class, Parallel::common); }

  public boolean hasFunction(String name) { return functions.containsKey(name); }

  /** Calls function {@code @name} with {@code args}; returns its results. */
  public Object[] call(String name, Object... args) { return callAt(name, args, Location.UNKNOWN); }

  public Object[] callAt(String name, Object[] args, Location at) {
    Operation fn = functions.get(name);
    if (fn == null) throw new InterpreterException(at, "no function named '@" + name + "' in the module");
    if (fn.region(0).isEmpty()) throw new InterpreterException(fn.loc(), "cannot call external function '@" + name + "'");
    int expected = fn.region(0).front().numArguments();
    if (expected != args.length)
      throw new InterpreterException(fn.loc(), "'@" + name + "' takes " + expected + " arguments, but got " + args.length);
    return new Frame(this).runRegion(fn.region(0), args);
  }

  /** Runs one op in {@code frame}; failures other than located ones get the op's location and name. */
  BlockEffect execute(Frame frame, Operation op) {
    OpImpl impl = impls.lookup(op.def());
    if (impl == null) throw new InterpreterException(op.loc(), "no interpreter implementation for op '" + op.name() + "'");
    Object[] operands = new Object[op.numOperands()];
    for (int i = 0; i < operands.length; i++) operands[i] = frame.get(op.operand(i));
    try {
      return impl.run(frame, op, operands);
    } catch (InterpreterException e) {
      throw e;
    } catch (RuntimeException e) {
      String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new InterpreterException(op.loc(), "'" + op.name() + "' op " + m);
    }
  }
}
