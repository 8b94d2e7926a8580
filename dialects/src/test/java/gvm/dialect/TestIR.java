package gvm.dialect;

import gvm.dialect.arith.ir.ArithDialect;
import gvm.dialect.builtin.ir.BuiltinDialect;
import gvm.dialect.builtin.ir.ModuleOp;
import gvm.dialect.builtin.ir.OpView;
import gvm.dialect.func.ir.FuncDialect;
import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.func.ir.ReturnOp;
import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import gvm.ir.verify.Verifier;
import java.util.List;

/**
 * Builds IR by hand for definition and verifier tests: a module holding {@code func.func @test}
 * with the given argument types and no results; ops are appended to its entry block, and {@link
 * #verify} closes the block with {@code func.return} and runs the verifier.
 */
public final class TestIR {
  public final Context ctx = new Context();
  public final ModuleOp module;
  public final FuncOp func;
  public final Block entry;

  public TestIR(Type... argTypes) {
    ctx.register(new BuiltinDialect());
    ctx.register(new FuncDialect());
    ctx.register(new ArithDialect());
    module = ModuleOp.create(ctx, Location.UNKNOWN, null);
    func = FuncOp.create(ctx, Location.UNKNOWN, "test", new FunctionType(List.of(argTypes), List.of()), true);
    module.body().append(func.op());
    entry = func.body().front();
  }

  public Value arg(int i) { return entry.argument(i); }

  /** Appends a new op of {@code def} to the function's entry block. */
  public Operation add(OpDef def, List<Value> operands, List<Type> resultTypes, NamedAttribute... properties) {
    Operation op = OpView.create(ctx, def, Location.UNKNOWN, operands, resultTypes, List.of(properties));
    entry.append(op);
    return op;
  }

  /** Appends {@code op} (created elsewhere) to the function's entry block. */
  public Operation add(Operation op) {
    entry.append(op);
    return op;
  }

  /** Terminates the function with {@code func.return} and verifies the module: the message of the first error, or null. */
  public String verify() {
    if (entry.last() == null || !entry.last().isA(ReturnOp.DEF)) add(ReturnOp.DEF, List.of(), List.of());
    Diagnostic d = new Verifier(ctx, false, gvm.ir.print.PrintOptions.DEFAULT).verify(module.op());
    return d == null ? null : d.message();
  }
}
