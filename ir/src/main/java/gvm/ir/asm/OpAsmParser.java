package gvm.ir.asm;

import gvm.ir.Block;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.Location;
import gvm.ir.types.Type;
import java.util.List;

/** The parser as seen by an op's custom assembly (MLIR's OpAsmParser). */
public interface OpAsmParser extends AsmParser {
  enum Delimiter { NONE, PAREN, SQUARE, OPTIONAL_PAREN, OPTIONAL_SQUARE, BRACES }

  UnresolvedOperand parseOperand();

  UnresolvedOperand parseOptionalOperand();

  /** A comma-separated list inside the delimiter (possibly empty). */
  List<UnresolvedOperand> parseOperandList(Delimiter d);

  Value resolveOperand(UnresolvedOperand o, Type type);

  /** Resolves operands against types (one each, or one type for all when {@code types} has size 1 and {@code broadcast}). */
  List<Value> resolveOperands(List<UnresolvedOperand> ops, List<Type> types, int offset);

  /** {@code %x} or {@code %x: type [attrs] [loc]}. */
  Argument parseArgument(boolean allowType, boolean allowAttrs);

  Argument parseOptionalArgument(boolean allowType, boolean allowAttrs);

  List<Argument> parseArgumentList(Delimiter d, boolean allowType, boolean allowAttrs);

  /** A region {@code { ... }}; {@code args} define the entry block's arguments when non-empty. */
  Region parseRegion(List<Argument> args, boolean enableNameShadowing);

  /** A region if the next token is {@code {}, else null. */
  Region parseOptionalRegion(List<Argument> args, boolean enableNameShadowing);

  Block parseSuccessor();

  Block parseOptionalSuccessor();

  /** {@code ^bb(%a, %b : t1, t2)}: the block, appending operands to {@code operands}. */
  Block parseSuccessorAndUseList(List<Value> operands);

  Location parseOptionalLocationSpecifier();

  /** Number of results the op was written with ({@code %a, %b = } or {@code %x:2 = }). */
  int numResults();

  /** The name of result {@code i} as written (without %), for ops naming their region args. */
  String resultName(int i);
}
