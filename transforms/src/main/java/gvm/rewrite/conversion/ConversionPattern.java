package gvm.rewrite.conversion;

import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.def.OpDef;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.rewrite.RewritePattern;
import java.util.List;

/**
 * A pattern for dialect conversion (MLIR's ConversionPattern): it sees the op's operands as
 * already converted (the adaptor) and must make its changes through the {@link
 * ConversionPatternRewriter}, so they can be rolled back.
 */
public abstract class ConversionPattern extends RewritePattern {
  private final TypeConverter typeConverter;

  protected ConversionPattern(OpDef root, TypeConverter typeConverter) {
    super(root);
    this.typeConverter = typeConverter;
  }

  /** The converter for this pattern's operand and result types, or null. */
  public final TypeConverter typeConverter() { return typeConverter; }

  /**
   * Rewrites {@code op}, given its operands after conversion ({@code adaptor}).
   *
   * @return whether it applied; on false the rewriter undoes whatever the pattern did
   */
  public abstract boolean matchAndRewrite(Operation op, List<Value> adaptor, ConversionPatternRewriter rewriter);

  @Override public final boolean matchAndRewrite(Operation op, PatternRewriter rewriter) {
    ConversionPatternRewriter r = (ConversionPatternRewriter) rewriter;
    return matchAndRewrite(op, r.remappedOperands(op, typeConverter), r);
  }
}
