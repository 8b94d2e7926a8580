package gvm.ir.format;

import static gvm.ir.def.Trait.*;

import gvm.ir.Context;
import gvm.ir.Dialect;
import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.*;
import gvm.ir.def.AttrAsm;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.OpDef;
import gvm.ir.def.TypeConstraint;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.*;
import java.util.ArrayList;
import java.util.List;

/** Definitions of real MLIR ops with their LLVM 19 assembly formats, for the format tests. */
final class FormatTestOps {
  private FormatTestOps() {}

  /** {@code #dialect.mnemonic<body>} with the body kept as text. */
  record EnumAttr(String dialect, String mnemonic, String body) implements DialectAttribute {
    @Override public void printBody(AsmPrinter p) { p.print(mnemonic + "<" + body + ">"); }
  }

  /** Reads {@code <...>} after a mnemonic as the body text. */
  static AttrAsm.BodyParser body(String dialect, String mnemonic) { return body(dialect, mnemonic, ", "); }

  static AttrAsm.BodyParser body(String dialect, String mnemonic, String comma) {
    return (AsmParser p) -> {
      p.parsePunct("<");
      StringBuilder sb = new StringBuilder();
      while (!p.parseOptionalPunct(">")) {
        java.math.BigInteger n;
        if (p.parseOptionalPunct(",")) sb.append(comma);
        else if (p.parseOptionalPunct("[")) sb.append('[');
        else if (p.parseOptionalPunct("]")) sb.append(']');
        else if (p.parseOptionalPunct("=")) sb.append(" = ");
        else if ((n = p.parseOptionalInteger()) != null) sb.append(n);
        else {
          String s = p.parseOptionalSymbolName();
          sb.append(s != null ? "@" + s : p.parseKeywordOrString());
        }
      }
      return new EnumAttr(dialect, mnemonic, sb.toString());
    };
  }

  static final TypeConstraint ANY = TypeConstraint.ANY;
  static final TypeConstraint INT = TypeConstraint.of("signless-integer-like", t -> t instanceof IntegerType || t instanceof IndexType);
  static final TypeConstraint I1 = new TypeConstraint("1-bit signless integer", t -> t.equals(IntegerType.I1), IntegerType.I1);
  static final TypeConstraint INDEX = new TypeConstraint("index", t -> t instanceof IndexType, IndexType.INSTANCE);
  static final TypeConstraint TENSOR = TypeConstraint.of("ranked tensor of any type values", t -> t instanceof RankedTensorType);

  static final AttrConstraint OVERFLOW = AttrConstraint.of("Integer overflow arith flags", a -> a instanceof EnumAttr e && e.mnemonic().equals("overflow"))
      .withAsm(AttrAsm.stripped("arith", "overflow", body("arith", "overflow")));
  static final AttrConstraint FASTMATH = AttrConstraint.of("Floating point fast math flags", a -> a instanceof EnumAttr e && e.mnemonic().equals("fastmath"))
      .withAsm(AttrAsm.stripped("arith", "fastmath", body("arith", "fastmath", ",")));
  static final AttrConstraint CMPI_PREDICATE = AttrConstraint.of("allowed 64-bit signless integer cases: 0, 1, 2, 3, 4, 5, 6, 7, 8, 9",
      a -> a instanceof IntegerAttr i && i.type().equals(IntegerType.I64) && i.value() >= 0 && i.value() <= 9)
      .withAsm(AttrAsm.i64Enum("eq", "ne", "slt", "sle", "sgt", "sge", "ult", "ule", "ugt", "uge"));
  static final AttrConstraint FLAT_SYMBOL =
      AttrConstraint.of("flat symbol reference attribute", a -> a instanceof SymbolRefAttr s && s.isFlat()).withAsm(AttrAsm.FLAT_SYMBOL_REF);
  static final AttrConstraint SYMBOL_NAME = AttrConstraint.of("string attribute", a -> a instanceof StringAttr).withAsm(AttrAsm.SYMBOL_NAME);
  static final AttrConstraint I64_ARRAY = AttrConstraint.of("i64 dense array attribute", a -> a instanceof DenseArrayAttr).withAsm(AttrAsm.DENSE_I64_ARRAY);
  static final AttrConstraint I16_ARRAY = AttrConstraint.of("i16 dense array attribute", a -> a instanceof DenseArrayAttr).withAsm(AttrAsm.DENSE_I16_ARRAY);
  static final AttrConstraint PARTIAL = AttrConstraint.of("partial type of a distributed tensor", a -> a instanceof EnumAttr)
      .withAsm(AttrAsm.stripped("mesh", "partial", body("mesh", "partial")));
  static final AttrConstraint SHARD = AttrConstraint.of("Attribute that extends tensor type to distributed tensor type.", a -> a instanceof EnumAttr)
      .withAsm(AttrAsm.stripped("mesh", "shard", body("mesh", "shard")));
  static final AttrConstraint INDEX_ATTR = AttrConstraint.of("index attribute", a -> a instanceof IntegerAttr).withAsm(AttrAsm.typed(IndexType.INSTANCE));
  static final AttrConstraint UNIT = AttrConstraint.of("unit attribute", a -> a instanceof UnitAttr).withAsm(AttrAsm.UNIT);
  static final AttrConstraint BOOL = AttrConstraint.of("bool attribute", a -> a instanceof IntegerAttr i && i.isBool());
  static final AttrConstraint TYPED = AttrConstraint.of("TypedAttr instance", a -> FormatParser.typeOf(a) != null);

  static final OpDef ADDI = OpDef.named("arith.addi").operand("lhs", INT).operand("rhs", INT).result("result", INT)
      .property("overflowFlags", OVERFLOW, new EnumAttr("arith", "overflow", "none")).traits(PURE, COMMUTATIVE, SAME_OPERANDS_AND_RESULT_TYPE)
      .format("$lhs `,` $rhs (`overflow` `` $overflowFlags^)? attr-dict `:` type($result)");
  static final OpDef ADDF = OpDef.named("arith.addf").operand("lhs", ANY).operand("rhs", ANY).result("result", ANY)
      .property("fastmath", FASTMATH, new EnumAttr("arith", "fastmath", "none")).traits(PURE, SAME_OPERANDS_AND_RESULT_TYPE)
      .format("$lhs `,` $rhs (`fastmath` `` $fastmath^)? attr-dict `:` type($result)");
  static final OpDef CMPI = OpDef.named("arith.cmpi").operand("lhs", INT).operand("rhs", INT).result("result", I1)
      .property("predicate", CMPI_PREDICATE).traits(PURE, SAME_TYPE_OPERANDS)
      .typesMatchWith("result", "lhs", t -> IntegerType.I1)
      .format("$predicate `,` $lhs `,` $rhs attr-dict `:` type($lhs)");
  static final OpDef CONSTANT = OpDef.named("arith.constant").result("result", ANY).property("value", TYPED).traits(PURE, CONSTANT_LIKE)
      .allTypesMatch("value", "result").format("attr-dict $value");
  static final OpDef CALL = OpDef.named("func.call").variadicOperand("operands", ANY).variadicResult("result", ANY).property("callee", FLAT_SYMBOL)
      .format("$callee `(` $operands `)` attr-dict `:` functional-type($operands, results)");
  static final OpDef RETURN = OpDef.named("func.return").variadicOperand("operands", ANY).traits(TERMINATOR, RETURN_LIKE, PURE)
      .format("attr-dict ($operands^ `:` type($operands))?");
  static final OpDef COND_BR = OpDef.named("cf.cond_br").operand("condition", I1).variadicOperand("trueDestOperands", ANY)
      .variadicOperand("falseDestOperands", ANY).successor("trueDest").successor("falseDest").traits(TERMINATOR, PURE, ATTR_SIZED_OPERAND_SEGMENTS)
      .format("$condition `,` $trueDest (`(` $trueDestOperands^ `:` type($trueDestOperands) `)`)? `,` "
          + "$falseDest (`(` $falseDestOperands^ `:` type($falseDestOperands) `)`)? attr-dict");
  static final OpDef BR = OpDef.named("cf.br").variadicOperand("destOperands", ANY).successor("dest").traits(TERMINATOR, PURE)
      .format("$dest (`(` $destOperands^ `:` type($destOperands) `)`)? attr-dict");
  static final OpDef YIELD = OpDef.named("scf.yield").variadicOperand("results", ANY).traits(TERMINATOR, PURE, RETURN_LIKE)
      .format("attr-dict ($results^ `:` type($results))?");
  static final OpDef EXTRACT_SLICE = OpDef.named("tensor.extract_slice").operand("source", TENSOR).variadicOperand("offsets", INDEX)
      .variadicOperand("sizes", INDEX).variadicOperand("strides", INDEX).result("result", TENSOR)
      .property("static_offsets", I64_ARRAY).property("static_sizes", I64_ARRAY).property("static_strides", I64_ARRAY)
      .traits(PURE, ATTR_SIZED_OPERAND_SEGMENTS)
      .format("$source `` custom<DynamicIndexList>($offsets, $static_offsets) custom<DynamicIndexList>($sizes, $static_sizes) "
          + "custom<DynamicIndexList>($strides, $static_strides) attr-dict `:` type($source) `to` type($result)");
  static final OpDef ALL_REDUCE = OpDef.named("mesh.all_reduce").operand("input", TENSOR).result("result", TENSOR).property("mesh", FLAT_SYMBOL)
      .property("mesh_axes", I16_ARRAY, new DenseArrayAttr(IntegerType.I16, new long[0]))
      .property("reduction", PARTIAL, new EnumAttr("mesh", "partial", "sum")).traits(PURE, SAME_OPERANDS_AND_RESULT_SHAPE)
      .format("$input `on` $mesh (`mesh_axes` `=` $mesh_axes^)? (`reduction` `=` $reduction^)? attr-dict `:` type($input) `->` type($result)");
  static final OpDef ALL_GATHER = OpDef.named("mesh.all_gather").operand("input", TENSOR).result("result", TENSOR).property("mesh", FLAT_SYMBOL)
      .property("mesh_axes", I16_ARRAY, new DenseArrayAttr(IntegerType.I16, new long[0])).property("gather_axis", INDEX_ATTR).traits(PURE)
      .format("$input `on` $mesh (`mesh_axes` `=` $mesh_axes^)? `gather_axis` `=` $gather_axis attr-dict `:` type($input) `->` type($result)");
  static final OpDef SHARD_OP = OpDef.named("mesh.shard").operand("src", TENSOR).result("result", TENSOR).property("shard", SHARD)
      .optionalProperty("annotate_for_users", UNIT).traits(PURE).allTypesMatch("result", "src")
      .format("$src `to` $shard (`annotate_for_users` $annotate_for_users^)? attr-dict `:` type($result)");
  static final OpDef MESH = OpDef.named("mesh.mesh").property("sym_name", SYMBOL_NAME).property("shape", I64_ARRAY).traits(SYMBOL)
      .format("$sym_name `(` `shape` `=` custom<DimensionList>($shape) `)` attr-dict");
  static final OpDef GENERATE = OpDef.named("tensor.generate").variadicOperand("dynamicExtents", INDEX).result("result", TENSOR).region("body")
      .traits(RECURSIVE_MEMORY_EFFECTS).implicitTerminator("tensor.yield")
      .format("$dynamicExtents $body attr-dict `:` type($result)");
  static final OpDef TENSOR_YIELD = OpDef.named("tensor.yield").operand("value", ANY).traits(TERMINATOR, PURE).format("$value attr-dict `:` type($value)");
  static final OpDef SCF_EXEC = OpDef.named("scf.execute_region").variadicResult("results", ANY).region("region")
      .implicitTerminator("scf.yield").format("(`->` type($results)^)? $region attr-dict");
  static final OpDef TENSOR_DIM = OpDef.named("tensor.dim").operand("source", TENSOR).operand("index", INDEX).result("result", INDEX)
      .traits(PURE).format("attr-dict $source `,` $index `:` type($source)");
  static final OpDef TOSA_ADD = OpDef.named("tosa.add").operand("input1", TENSOR).operand("input2", TENSOR).result("output", TENSOR)
      .traits(PURE, COMMUTATIVE).format("operands attr-dict `:` functional-type(operands, results)");
  static final OpDef EMPTY = OpDef.named("tensor.empty").variadicOperand("dynamicSizes", INDEX).result("result", TENSOR)
      .format("`(`$dynamicSizes`)` attr-dict `:` type($result)");
  static final OpDef FROM_ELEMENTS = OpDef.named("tensor.from_elements").variadicOperand("elements", ANY).result("result", TENSOR)
      .typesMatchWith("elements", "result", t -> ((RankedTensorType) t).elementType()).format("$elements attr-dict `:` type($result)");
  static final OpDef INDEX_CAST = OpDef.named("arith.index_cast").operand("in", ANY).result("out", ANY)
      .format("$in attr-dict `:` type($in) `to` type($out)");
  static final OpDef ASSERT = OpDef.named("cf.assert").operand("arg", I1).property("msg", AttrConstraint.of("string attribute", a -> a instanceof StringAttr))
      .format("$arg `,` $msg attr-dict");
  static final OpDef COLLAPSE = OpDef.named("tensor.collapse_shape").operand("src", TENSOR).result("result", TENSOR)
      .property("reassociation", AttrConstraint.of("Array of 64-bit integer array attributes", a -> a instanceof ArrayAttr))
      .format("$src $reassociation attr-dict `:` type($src) `into` type($result)");
  static final OpDef MODULE = OpDef.named("test.module").optionalProperty("sym_name", SYMBOL_NAME).region("bodyRegion")
      .traits(NO_TERMINATOR, SINGLE_BLOCK).format("($sym_name^)? attr-dict-with-keyword $bodyRegion");
  static final OpDef NOFORMAT = OpDef.named("test.noformat").operand("x", ANY);

  /** MLIR's custom<DimensionList> (mesh.mesh): {@code 2x?x4}, registered as a dialect would. */
  static final CustomDirective DIMENSION_LIST = new CustomDirective() {
    @Override public boolean parse(gvm.ir.asm.OpAsmParser p, ParseArgs args) {
      args.setAttr(0, new DenseArrayAttr(IntegerType.I64, p.parseDimensionList(true, false)));
      return true;
    }

    @Override public void print(AsmPrinter p, gvm.ir.Operation op, PrintArgs args) {
      DenseArrayAttr d = (DenseArrayAttr) args.attr(0);
      for (int i = 0; i < d.size(); i++) {
        if (i > 0) p.print('x');
        if (d.get(i) == ShapedType.DYNAMIC) p.print('?'); else p.print(d.get(i));
      }
    }
  };

  static {
    CustomDirectives.register("DimensionList", DIMENSION_LIST);
  }

  static Context context() {
    Context ctx = new Context();
    ctx.register(dialect("arith", ADDI, ADDF, CMPI, CONSTANT, INDEX_CAST));
    ctx.register(dialect("tosa", TOSA_ADD));
    ctx.register(dialect("func", CALL, RETURN));
    ctx.register(dialect("cf", COND_BR, BR, ASSERT));
    ctx.register(dialect("scf", YIELD, SCF_EXEC));
    ctx.register(dialect("tensor", EXTRACT_SLICE, GENERATE, TENSOR_YIELD, TENSOR_DIM, EMPTY, FROM_ELEMENTS, COLLAPSE));
    ctx.register(dialect("mesh", ALL_REDUCE, ALL_GATHER, SHARD_OP, MESH));
    ctx.register(dialect("test", NOFORMAT, MODULE));
    Formats.install();
    return ctx;
  }

  static Dialect dialect(String ns, OpDef... defs) {
    List<OpDef> l = new ArrayList<>(List.of(defs));
    Formats.compileAll(l);
    return new Dialect(ns) {
      @Override public List<OpDef> ops() { return l; }

      @Override public Attribute parseAttribute(AsmParser p, Type type) {
        String m = p.parseKeywordOrString();
        return body(ns, m, m.equals("fastmath") ? "," : ", ").parse(p);
      }
    };
  }
}
