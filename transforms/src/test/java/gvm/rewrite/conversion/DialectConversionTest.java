package gvm.rewrite.conversion;

import static gvm.rewrite.RewriteTestSupport.*;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.arith.ir.ConstantOp;
import gvm.dialect.arith.ir.IntegerOps;
import gvm.ir.Context;
import gvm.ir.DiagnosticException;
import gvm.ir.Operation;
import gvm.ir.Value;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.rewrite.Folding;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.List;
import org.junit.jupiter.api.Test;

class DialectConversionTest {
  private final Context ctx = context();

  /** muli(x, 2^k) -> shli(x, k): fails (without changing anything) when the factor is not a power of two. */
  private final ConversionPattern mulToShift = new ConversionPattern(IntegerOps.MulIOp.DEF, null) {
    @Override public boolean matchAndRewrite(Operation op, List<Value> adaptor, ConversionPatternRewriter r) {
      if (!(Folding.constantValue(op.operand(1)) instanceof IntegerAttr c) || Long.bitCount(c.value()) != 1) return false;
      Value k = ConstantOp.build(r, op.loc(), IntegerAttr.of(c.type(), Long.numberOfTrailingZeros(c.value())));
      r.replaceOp(op, r.create(IntegerOps.ShLIOp.DEF, op.loc(), List.of(adaptor.get(0), k), op.resultTypes(), List.of()));
      return true;
    }
  };

  private static final String MULS = """
      func.func @f(%x: i32) -> (i32, i32) {
        %c8 = arith.constant 8 : i32
        %c6 = arith.constant 6 : i32
        %a = arith.muli %x, %c8 : i32
        %b = arith.muli %x, %c6 : i32
        return %a, %b : i32, i32
      }""";

  @Test void partialConversionRewritesWhatItCanAndLeavesUnknownOps() {
    Operation m = parse(ctx, MULS);
    ConversionTarget target = new ConversionTarget().addLegalOp("arith.shli").addLegalOp("arith.constant");
    DialectConversion.applyPartialConversion(ctx, m, target, List.of(mulToShift));
    String out = print(ctx, m);
    assertTrue(out.contains("%0 = arith.shli %arg0, %c3_i32 : i32"), out);
    assertTrue(out.contains("%1 = arith.muli %arg0, %c6_i32 : i32"), out);
  }

  @Test void explicitlyIllegalOpFailsAndRollsEverythingBack() {
    Operation m = parse(ctx, MULS);
    String before = print(ctx, m);
    ConversionTarget target = new ConversionTarget().addLegalOp("arith.shli").addLegalOp("arith.constant").addIllegalOp("arith.muli");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> DialectConversion.applyPartialConversion(ctx, m, target, List.of(mulToShift)));
    assertEquals("failed to legalize operation 'arith.muli' that was explicitly marked illegal", e.diagnostic().message());
    assertEquals(before, print(ctx, m));
  }

  @Test void fullConversionRequiresEveryOpLegal() {
    Operation m = parse(ctx, MULS);
    ConversionTarget target = new ConversionTarget().addLegalDialect("arith").addIllegalOp("arith.muli");
    DiagnosticException e = assertThrows(DiagnosticException.class,
        () -> DialectConversion.applyFullConversion(ctx, m, target, List.of(mulToShift)));
    // func.func is the first op of unknown legality, in pre-order.
    assertEquals("failed to legalize operation 'func.func'", e.diagnostic().message());
    target.addLegalDialect("func").addDynamicallyLegalOp("arith.muli", op -> !(Folding.constantValue(op.operand(1)) instanceof IntegerAttr c)
        || Long.bitCount(c.value()) != 1);
    DialectConversion.applyFullConversion(ctx, m, target, List.of(mulToShift));
    assertTrue(print(ctx, m).contains("arith.shli"));
  }

  @Test void typeConversionMaterializesCastsAtTheBoundaries() {
    // index -> i64 for arith.addi; the function keeps index, so casts appear on both sides.
    TypeConverter tc = new TypeConverter().addConversion(t -> t).addConversion(t -> t instanceof IndexType ? IntegerType.I64 : null);
    ConversionPattern addToI64 = new ConversionPattern(IntegerOps.AddIOp.DEF, tc) {
      @Override public boolean matchAndRewrite(Operation op, List<Value> adaptor, ConversionPatternRewriter r) {
        Type t = typeConverter().convertType(op.result(0).type());
        r.replaceOp(op, r.create(IntegerOps.AddIOp.DEF, op.loc(), adaptor, List.of(t),
            List.of(new NamedAttribute("overflowFlags", op.prop("overflowFlags")))));
        return true;
      }
    };
    Operation m = parse(ctx, """
        func.func @f(%x: index, %y: index) -> index {
          %s = arith.addi %x, %y : index
          return %s : index
        }""");
    ConversionTarget target = new ConversionTarget().addDynamicallyLegalOp("arith.addi", tc::isLegal);
    DialectConversion.applyPartialConversion(ctx, m, target, List.of(addToI64));
    assertEquals("""
        module {
          func.func @f(%arg0: index, %arg1: index) -> index {
            %0 = builtin.unrealized_conversion_cast %arg0 : index to i64
            %1 = builtin.unrealized_conversion_cast %arg1 : index to i64
            %2 = arith.addi %0, %1 : i64
            %3 = builtin.unrealized_conversion_cast %2 : i64 to index
            return %3 : index
          }
        }""", print(ctx, m));
  }

  @Test void typeConverterTriesLastAddedFirst() {
    TypeConverter tc = new TypeConverter().addConversion(t -> t).addConversion(t -> t instanceof IntegerType it && it.width() == 8 ? IntegerType.I32 : null);
    assertEquals(IntegerType.I32, tc.convertType(IntegerType.I8));
    assertEquals(IntegerType.I16, tc.convertType(IntegerType.I16));
    assertTrue(tc.isLegal(IntegerType.I16));
  }
}
