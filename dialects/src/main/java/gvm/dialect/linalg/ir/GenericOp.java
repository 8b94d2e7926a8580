package gvm.dialect.linalg.ir;

import static gvm.ir.def.Trait.ATTR_SIZED_OPERAND_SEGMENTS;
import static gvm.ir.def.Trait.SINGLE_BLOCK;

import gvm.dialect.builtin.ir.CommonAttrConstraints;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Verify;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.attributes.AffineMapAttr;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@code linalg.generic}: a loop nest over the iteration space of its {@code indexing_maps}, whose
 * body computes one point of the outputs.
 *
 * <pre>{@code
 * %r = linalg.generic {indexing_maps = [#id, #id], iterator_types = ["parallel"]}
 *     ins(%a : tensor<4xf32>) outs(%b : tensor<4xf32>) {
 * ^bb0(%in: f32, %out: f32):
 *   linalg.yield %in : f32
 * } -> tensor<4xf32>
 * }</pre>
 *
 * Written by hand as MLIR's GenericOp::parse/print: the traits live in a leading dictionary and
 * iterator types are written as strings there.
 */
public final class GenericOp {
  private GenericOp() {}

  static final AttrConstraint AFFINE_MAP_ARRAY = AttrConstraint.of("AffineMap array attribute",
      a -> a instanceof ArrayAttr arr && arr.elements().stream().allMatch(e -> e instanceof AffineMapAttr));

  static final AttrConstraint ITERATOR_TYPE_ARRAY = AttrConstraint.of("Iterator type should be an enum.",
      a -> a instanceof ArrayAttr arr && arr.elements().stream().allMatch(e -> e instanceof IteratorTypeAttr));

  /** The attributes the leading dictionary holds (LinalgOps.cpp's linalgTraitAttrNames). */
  private static final List<String> TRAIT_NAMES = List.of("doc", "indexing_maps", "iterator_types", "library_call");

  public static final OpDef DEF = OpDef.named("linalg.generic")
      .summary("Generic Linalg op form where the key properties of the computation are specified as attributes.")
      .variadicOperand("inputs", CommonTypeConstraints.ANY_TYPE).variadicOperand("outputs", NamedStructuredOps.ANY_SHAPED)
      .property("indexing_maps", AFFINE_MAP_ARRAY).property("iterator_types", ITERATOR_TYPE_ARRAY)
      .optionalProperty("doc", CommonAttrConstraints.STR_ATTR).optionalProperty("library_call", CommonAttrConstraints.STR_ATTR)
      .variadicResult("result_tensors", NamedStructuredOps.ANY_RANKED_TENSOR).region("region")
      .traits(ATTR_SIZED_OPERAND_SEGMENTS, SINGLE_BLOCK)
      .customAssembly(new OpDef.CustomAssembly() {
        @Override public void parse(OpAsmParser p, OperationState st) { GenericOp.parse(p, st); }

        @Override public void print(Operation op, AsmPrinter p) { GenericOp.print(op, p); }
      })
      .blockArgNames(GenericOp::nameBlockArguments)
      .verifier(GenericOp::verify);

  private static void parse(OpAsmParser p, OperationState st) {
    int at = p.offset();
    Attribute dict = p.parseAttribute(null);
    if (!(dict instanceof DictionaryAttr traits)) throw p.error(at, "expected attribute dictionary");
    for (NamedAttribute a : traits.entries()) {
      Attribute v = a.value();
      if (a.name().equals("iterator_types") && v instanceof ArrayAttr arr) {
        List<Attribute> kinds = new ArrayList<>();
        for (Attribute e : arr.elements()) {
          IteratorTypeAttr.Kind k = e instanceof StringAttr s ? IteratorTypeAttr.Kind.of(s.value()) : null;
          if (k == null) throw p.error(at, "unexpected iterator_type (" + gvm.dialect.builtin.ir.DiagText.print(e) + ")");
          kinds.add(new IteratorTypeAttr(k));
        }
        v = new ArrayAttr(kinds);
      }
      StructuredAsm.addAttributes(st, DEF, List.of(new NamedAttribute(a.name(), v)));
    }
    StructuredAsm.InsOuts io = StructuredAsm.parseInsOuts(p, st);
    st.properties.add(new NamedAttribute("operandSegmentSizes", StructuredAsm.i32Segments(io.ins().size(), io.outs().size())));
    if (p.parseOptionalKeyword("attrs")) {
      p.parsePunct("=");
      StructuredAsm.addAttributes(st, null, p.parseOptionalAttrDict());
    }
    Region region = p.parseRegion(List.of(), false);
    st.addRegion(region);
    st.resultTypes.addAll(p.parseOptionalArrowTypeList());
  }

  private static void print(Operation op, AsmPrinter p) {
    List<NamedAttribute> traits = new ArrayList<>();
    for (String n : TRAIT_NAMES) {
      Attribute v = op.prop(n);
      if (v == null) continue;
      if (n.equals("iterator_types") && v instanceof ArrayAttr arr) {
        List<Attribute> names = new ArrayList<>();
        for (Attribute e : arr.elements()) names.add(e instanceof IteratorTypeAttr it ? StringAttr.of(it.kind().keyword()) : e);
        v = new ArrayAttr(names);
      }
      traits.add(new NamedAttribute(n, v));
    }
    p.print(' ');
    p.printAttribute(DictionaryAttr.of(traits));
    int[] seg = NamedStructuredOps.segments(op);
    StructuredAsm.printInsOuts(p, op.operands().subList(0, seg[0]), op.operands().subList(seg[0], seg[0] + seg[1]));
    if (!op.attributes().isEmpty()) {
      p.print(" attrs = ");
      p.printOptionalAttrDict(op.attributes().entries(), Set.of());
    }
    if (!op.region(0).isEmpty()) {
      p.print(' ');
      p.printRegion(op.region(0), true, true, false);
    }
    p.printOptionalArrowTypeList(op.resultTypes());
  }

  /** Inputs' arguments are {@code %in}, outputs' {@code %out} (LinalgOp::getAsmBlockArgumentNames). */
  static void nameBlockArguments(Operation op, Region region, String[] names) {
    int inputs = NamedStructuredOps.segments(op)[0];
    for (int i = 0; i < names.length; i++) names[i] = i < inputs ? "in" : "out";
  }

  /** One indexing map per operand, one block argument per operand (part of LinalgOp's verifyStructuredOpInterface). */
  private static void verify(Operation op) {
    int maps = ((ArrayAttr) op.prop("indexing_maps")).size();
    if (maps != op.numOperands())
      throw Verify.opError(op, "expected the number of indexing_map (" + maps + ") to be equal to the number of input/output operands ("
          + op.numOperands() + ")");
    if (!op.region(0).isEmpty() && op.region(0).front().numArguments() != op.numOperands())
      throw Verify.opError(op, "expected as many non-induction variable region arguments as the number of input/output operands");
    List<gvm.ir.affine.AffineMap> affineMaps = new ArrayList<>();
    for (Attribute a : ((ArrayAttr) op.prop("indexing_maps")).elements()) affineMaps.add(((AffineMapAttr) a).map());
    LinalgVerify.structured(op, affineMaps, ((ArrayAttr) op.prop("iterator_types")).size());
  }
}
