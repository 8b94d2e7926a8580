package gvm.dialect.builtin.ir;

import static gvm.ir.def.Trait.*;

import gvm.ir.Block;
import gvm.ir.Context;
import gvm.ir.Operation;
import gvm.ir.Verify;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.OpDef;
import java.util.List;

/** {@code builtin.module}: a top-level container with one graph region of one block and no terminator. */
public final class ModuleOp extends OpView {
  public static final OpDef DEF = OpDef.named("builtin.module")
      .summary("A top level container operation")
      .optionalProperty(SymbolTable.SYMBOL_ATTR_NAME, CommonAttrConstraints.SYMBOL_NAME_ATTR)
      .optionalProperty(SymbolTable.VISIBILITY_ATTR_NAME, CommonAttrConstraints.STR_ATTR)
      .sizedRegion("bodyRegion")
      .traits(AFFINE_SCOPE, ISOLATED_FROM_ABOVE, NO_REGION_ARGUMENTS, SYMBOL_TABLE, SYMBOL, NO_TERMINATOR, SINGLE_BLOCK, GRAPH_REGION)
      .format("($sym_name^)? attr-dict-with-keyword $bodyRegion")
      .defaultDialect("builtin")
      .verifier(op -> SymbolTable.verifySymbol(op, true, false))
      .verifier(ModuleOp::verify)
      .regionVerifier(SymbolTable::verifySymbolUses);

  /** Views {@code op}, which must be a {@code builtin.module}. */
  public ModuleOp(Operation op) { super(op, DEF); }

  /** A new detached module with an empty body block; {@code name} may be null. */
  public static ModuleOp create(Context ctx, Location loc, String name) {
    List<NamedAttribute> props = name == null ? List.of() : List.of(new NamedAttribute(SymbolTable.SYMBOL_ATTR_NAME, StringAttr.of(name)));
    Operation op = create(ctx, DEF, loc, List.of(), List.of(), props);
    op.region(0).addBlock(new Block());
    return new ModuleOp(op);
  }

  /** The symbol name, or null for an unnamed module. */
  public String name() { return SymbolTable.symbolName(op); }

  public Block body() { return op.region(0).front(); }

  /** Only dialect-prefixed discardable attributes are allowed (sym_name and sym_visibility are properties). */
  private static void verify(Operation op) {
    for (NamedAttribute a : op.attributes().entries())
      if (a.name().indexOf('.') < 0)
        throw Verify.opError(op, "can only contain attributes with dialect-prefixed names, found: '" + a.name() + "'");
  }
}
