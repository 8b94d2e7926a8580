package gvm.dialect.linalg.ir;

import gvm.ir.Dialect;
import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;

/**
 * The {@code linalg} dialect (LLVM 19), in the subset the mesh passes work through: the matmul
 * family, generic, map, reduce, copy, fill, transpose, broadcast and the named elementwise ops;
 * attribute {@code #linalg.iterator_type<...>}.
 */
public final class LinalgDialect extends Dialect {
  public LinalgDialect() { super("linalg"); }

  @Override public List<OpDef> ops() {
    List<OpDef> ops = new ArrayList<>(NamedStructuredOps.all());
    ops.addAll(List.of(GenericOp.DEF, YieldOp.DEF, DestinationOps.MAP, DestinationOps.REDUCE, DestinationOps.TRANSPOSE, DestinationOps.BROADCAST));
    return ops;
  }

  /** {@code #linalg.iterator_type<parallel>}; the parser stands at the mnemonic. */
  @Override public Attribute parseAttribute(AsmParser p, Type type) {
    int at = p.offset();
    String mnemonic = p.parseOptionalKeyword();
    if (IteratorTypeAttr.MNEMONIC.equals(mnemonic)) return IteratorTypeAttr.parseParams(p);
    throw p.error(at, "unknown attribute `" + mnemonic + "` in dialect `linalg`");
  }

  @Override public List<String> dependentDialects() { return List.of("arith", "math"); }
}
