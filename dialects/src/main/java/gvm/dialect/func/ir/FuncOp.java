package gvm.dialect.func.ir;

import static gvm.ir.def.Trait.*;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.OpView;
import gvm.dialect.builtin.ir.SymbolTable;
import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.TypeAttr;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.util.List;

/**
 * {@code func.func}: a named function with one SSACFG region, or a declaration without one. Its
 * assembly is {@link FunctionSignature}'s, as MLIR's FuncOp uses FunctionImplementation.
 */
public final class FuncOp extends OpView {
  public static final OpDef DEF = OpDef.named("func.func")
      .summary("An operation with a name containing a single `SSACFG` region")
      .property(SymbolTable.SYMBOL_ATTR_NAME, CommonAttrConstraints.SYMBOL_NAME_ATTR)
      .property("function_type", CommonAttrConstraints.FUNCTION_TYPE_ATTR)
      .optionalProperty(SymbolTable.VISIBILITY_ATTR_NAME, CommonAttrConstraints.STR_ATTR)
      .optionalProperty("arg_attrs", CommonAttrConstraints.DICT_ARRAY_ATTR)
      .optionalProperty("res_attrs", CommonAttrConstraints.DICT_ARRAY_ATTR)
      .region("body")
      .traits(AFFINE_SCOPE, AUTOMATIC_ALLOCATION_SCOPE, ISOLATED_FROM_ABOVE, SYMBOL)
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) {
          FunctionSignature.parseFunctionOp(p, st, false, FunctionSignature.Names.FUNC, FuncOp::buildType);
        }

        @Override public void print(Operation op, AsmPrinter p) {
          FunctionSignature.printFunctionOp(op, p, false, FunctionSignature.Names.FUNC);
        }
      })
      .defaultDialect("func")
      .verifier(op -> SymbolTable.verifySymbol(op, false, op.region(0).isEmpty()))
      .regionVerifier(op -> FunctionSignature.verify(op, FunctionSignature.Names.FUNC));

  public FuncOp(Operation op) { super(op, DEF); }

  /**
   * A new detached function; with {@code withBody}, an entry block whose arguments have the input
   * types (located at {@code loc}), else a declaration.
   */
  public static FuncOp create(Context ctx, Location loc, String name, FunctionType type, boolean withBody) {
    Operation op = create(ctx, DEF, loc, List.of(), List.of(),
        List.of(new NamedAttribute(SymbolTable.SYMBOL_ATTR_NAME, StringAttr.of(name)), new NamedAttribute("function_type", new TypeAttr(type))));
    if (withBody) {
      Block entry = new Block();
      for (Type t : type.inputs()) entry.addArgument(t, loc);
      op.region(0).addBlock(entry);
    }
    return new FuncOp(op);
  }

  private static Type buildType(List<Type> args, List<Type> results, boolean variadic, StringBuilder error) {
    return new FunctionType(args, results);
  }

  public String name() { return SymbolTable.symbolName(op); }

  public FunctionType functionType() { return (FunctionType) ((TypeAttr) op.prop("function_type")).type(); }

  public Region body() { return op.region(0); }

  /** True for a declaration (no body). */
  public boolean isExternal() { return op.region(0).isEmpty(); }

  /** The visibility as written, or null (public). */
  public String visibility() { return SymbolTable.visibility(op); }
}
