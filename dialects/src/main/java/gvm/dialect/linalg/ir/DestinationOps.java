package gvm.dialect.linalg.ir;

import static gvm.ir.def.Trait.SINGLE_BLOCK;

import gvm.dialect.arith.ir.FastMathFlagsAttr;
import gvm.dialect.builtin.ir.CommonTypeConstraints;
import gvm.dialect.tensor.ir.TensorConstraints;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.asm.Argument;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.def.OpDef;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * linalg's destination-style ops with their own syntax (LinalgOps.cpp): {@code linalg.map},
 * {@code linalg.reduce} (body written in full, or in the short form {@code { arith.addf }}), and
 * {@code linalg.transpose} and {@code linalg.broadcast} (implicit bodies).
 */
public final class DestinationOps {
  private DestinationOps() {}

  /** What follows the ins/outs of one of these ops, and how its body is made. */
  private interface Syntax {
    void parse(OpAsmParser p, OperationState st, StructuredAsm.InsOuts io, ShortForm shortForm);

    void print(Operation op, AsmPrinter p);
  }

  /** A body of one payload op, as written in the short form {@code { name {attrs} }}. */
  private record ShortForm(String name, List<NamedAttribute> attrs) {}

  private static OpDef.CustomAssembly assembly(boolean allowsShortForm, Syntax syntax) {
    return new OpDef.CustomAssembly() {
      @Override public void parse(OpAsmParser p, OperationState st) {
        ShortForm sf = null;
        if (allowsShortForm && p.parseOptionalPunct("{")) {
          String name = p.parseKeywordOrString();
          sf = new ShortForm(name, p.parseOptionalAttrDict());
          p.parsePunct("}");
        }
        StructuredAsm.InsOuts io = StructuredAsm.parseInsOuts(p, st);
        st.resultTypes.addAll(StructuredAsm.tensorResults(io.outs()));
        syntax.parse(p, st, io, sf);
      }

      @Override public void print(Operation op, AsmPrinter p) { syntax.print(op, p); }
    };
  }

  /** The payload op of a short-form body with {@code operands}, yielding its one result. */
  private static void buildPayload(OpAsmParser p, OperationState st, ShortForm sf, Block block, List<Value> operands, Type result) {
    OperationState ps = new OperationState(st.loc, p.context().opName(sf.name()));
    ps.operands.addAll(operands);
    ps.resultTypes.add(result);
    StructuredAsm.addAttributes(ps, ps.name.def(), sf.attrs());
    Operation payload = Operation.create(ps);
    block.append(payload);
    new BodyBuilder(p.context(), st.loc, block).yield(List.of(payload.result(0)));
  }

  /** The payload's result type: the init's element type (the last input's when there is no init). */
  private static Type payloadType(OpAsmParser p, StructuredAsm.InsOuts io) {
    List<Value> from = io.outs().isEmpty() ? io.ins() : io.outs();
    if (from.isEmpty()) throw p.error(p.offset(), "expected operands for the payload operation");
    return StructuredAsm.element(from.get(from.size() - 1).type());
  }

  /** A body written in full: {@code (%a: f32, %b: f32) { ... }}. */
  private static Region parseFullBody(OpAsmParser p) {
    List<Argument> args = p.parseArgumentList(OpAsmParser.Delimiter.PAREN, true, true);
    return p.parseRegion(args, false);
  }

  /**
   * The body's payload op when the short form can show it (findPayloadOp): two ops, the first fed
   * by the block arguments in order (with the init first when {@code initFirst}), the second
   * yielding its result; else null.
   */
  private static Operation payloadOp(Block body, boolean initFirst) {
    Operation payload = body.first();
    if (payload == null || payload.nextOp() == null || payload.nextOp().nextOp() != null) return null;
    Operation yield = payload.nextOp();
    if (payload.numOperands() == 0 || payload.numOperands() != body.numArguments() || payload.numResults() != 1) return null;
    int n = body.numArguments();
    for (int i = 0; i < n; i++) {
      Value expected = initFirst ? body.argument(i == 0 ? n - 1 : i - 1) : body.argument(i);
      if (payload.operand(i) != expected) return null;
    }
    if (yield.numOperands() != 1 || yield.operand(0) != payload.result(0)) return null;
    return payload;
  }

  /** {@code  { name {attrs} }}, leaving out a {@code fastmath = none} (printShortForm). */
  private static void printShortForm(AsmPrinter p, Operation payload) {
    p.print(" { ").print(payload.name());
    List<NamedAttribute> attrs = new ArrayList<>();
    if (payload.propertiesAttr() instanceof gvm.ir.attributes.DictionaryAttr d) attrs.addAll(d.entries());
    attrs.addAll(payload.attributes().entries());
    attrs.sort(null);
    String elided = null;
    for (NamedAttribute a : attrs)
      if (a.value() instanceof FastMathFlagsAttr f && f.flags() == 0) {
        elided = a.name();
        break;
      }
    p.printOptionalAttrDict(attrs, elided == null ? Set.of() : Set.of(elided));
    p.print(" }");
  }

  /** The full body on its own indented line: {@code (%in: f32, %init: f32) { ... }}. */
  private static void printFullBody(AsmPrinter p, Region body) {
    p.increaseIndent();
    p.printNewline();
    p.print('(');
    List<gvm.ir.BlockArgument> args = body.front().arguments();
    for (int i = 0; i < args.size(); i++) {
      if (i > 0) p.print(", ");
      p.printRegionArgument(args.get(i), null, false);
    }
    p.print(") ");
    p.printRegion(body, false, true, false);
    p.decreaseIndent();
  }

  /** {@code linalg.map { arith.addf } ins(%a, %b : ...) outs(%c : ...)}. */
  public static final OpDef MAP = OpDef.named("linalg.map")
      .summary("Elementwise operations")
      .variadicOperand("inputs", NamedStructuredOps.ANY_SHAPED)
      .operand("init", NamedStructuredOps.ANY_SHAPED)
      .variadicResult("result", TensorConstraints.ANY_TENSOR)
      .region("mapper").traits(SINGLE_BLOCK)
      .verifier(LinalgVerify::map)
      .resultNames((op, names) -> names[0] = "mapped")
      .blockArgNames((op, region, names) -> java.util.Arrays.fill(names, "in"))
      .customAssembly(assembly(true, new Syntax() {
        @Override public void parse(OpAsmParser p, OperationState st, StructuredAsm.InsOuts io, ShortForm sf) {
          StructuredAsm.addAttributes(st, null, p.parseOptionalAttrDict());
          if (sf == null) {
            st.addRegion(parseFullBody(p));
            return;
          }
          Block block = StructuredAsm.blockFor(io.ins(), gvm.ir.attributes.Location.UNKNOWN);
          Region region = OperationState.newDetachedRegion();
          region.addBlock(block);
          buildPayload(p, st, sf, block, new ArrayList<>(block.arguments()), payloadType(p, io));
          st.addRegion(region);
        }

        @Override public void print(Operation op, AsmPrinter p) {
          Operation payload = op.region(0).isEmpty() ? null : payloadOp(op.region(0).front(), false);
          if (payload != null) printShortForm(p, payload);
          List<Value> operands = op.operands();
          StructuredAsm.printInsOuts(p, operands.subList(0, operands.size() - 1), operands.subList(operands.size() - 1, operands.size()));
          p.printOptionalAttrDict(op.attributes().entries(), Set.of());
          if (payload == null) printFullBody(p, op.region(0));
        }
      }));

  /**
   * {@code linalg.reduce { arith.addf } ins(%a : ...) outs(%init : ...) dimensions = [1]}. Its
   * inputs and inits are one variadic operand list split in halves here, as LLVM 19's
   * SameVariadicOperandSize splits them.
   */
  public static final OpDef REDUCE = OpDef.named("linalg.reduce")
      .summary("Reduce operator")
      .variadicOperand("operands", CommonTypeConstraints.ANY_TYPE)
      .property("dimensions", TensorConstraints.DENSE_I64_ARRAY)
      .variadicResult("result", TensorConstraints.ANY_TENSOR)
      .region("combiner").traits(SINGLE_BLOCK)
      .resultNames((op, names) -> names[0] = "reduced")
      .blockArgNames((op, region, names) -> {
        for (int i = 0; i < names.length; i++) names[i] = i < names.length / 2 ? "in" : "init";
      })
      .verifier(op -> {
        if (op.numOperands() % 2 != 0) throw gvm.ir.Verify.opError(op, "expected as many inits as inputs");
      })
      .verifier(LinalgVerify::reduce)
      .customAssembly(assembly(true, new Syntax() {
        @Override public void parse(OpAsmParser p, OperationState st, StructuredAsm.InsOuts io, ShortForm sf) {
          StructuredAsm.parseDenseI64Array(p, st, "dimensions");
          StructuredAsm.addAttributes(st, null, p.parseOptionalAttrDict());
          if (sf == null) {
            st.addRegion(parseFullBody(p));
            return;
          }
          List<Value> all = new ArrayList<>(io.ins());
          all.addAll(io.outs());
          Block block = StructuredAsm.blockFor(all, gvm.ir.attributes.Location.UNKNOWN);
          Region region = OperationState.newDetachedRegion();
          region.addBlock(block);
          // The payload takes the init first: `arith.addf %init, %in`.
          if (block.numArguments() == 0) throw p.error(p.offset(), "expected operands for the payload operation");
          List<Value> operands = new ArrayList<>();
          operands.add(block.argument(block.numArguments() - 1));
          operands.addAll(block.arguments().subList(0, block.numArguments() - 1));
          buildPayload(p, st, sf, block, operands, payloadType(p, io));
          st.addRegion(region);
        }

        @Override public void print(Operation op, AsmPrinter p) {
          Operation payload = op.region(0).isEmpty() ? null : payloadOp(op.region(0).front(), true);
          if (payload != null) printShortForm(p, payload);
          List<Value> operands = op.operands();
          int half = operands.size() / 2;
          StructuredAsm.printInsOuts(p, operands.subList(0, half), operands.subList(half, operands.size()));
          StructuredAsm.printDenseI64Array(p, "dimensions", op.prop("dimensions"));
          p.printOptionalAttrDict(op.attributes().entries(), Set.of());
          if (payload == null) printFullBody(p, op.region(0));
        }
      }));

  /** transpose and broadcast: one input, one init, an i64 list, and a body that yields the input. */
  private static OpDef permuting(String mnemonic, String summary, String listName, String resultName, gvm.ir.def.OpDef.Verifier verifier) {
    return OpDef.named("linalg." + mnemonic).summary(summary)
        .operand("input", NamedStructuredOps.ANY_SHAPED).operand("init", NamedStructuredOps.ANY_SHAPED)
        .property(listName, TensorConstraints.DENSE_I64_ARRAY)
        .variadicResult("result", TensorConstraints.ANY_TENSOR)
        .region("region").traits(SINGLE_BLOCK)
        .verifier(verifier)
        .resultNames((op, names) -> names[0] = resultName)
        .customAssembly(assembly(false, new Syntax() {
          @Override public void parse(OpAsmParser p, OperationState st, StructuredAsm.InsOuts io, ShortForm sf) {
            StructuredAsm.parseDenseI64Array(p, st, listName);
            StructuredAsm.addAttributes(st, null, p.parseOptionalAttrDict());
            List<Value> all = new ArrayList<>(io.ins());
            all.addAll(io.outs());
            Block block = StructuredAsm.blockAtValues(all);
            Region region = OperationState.newDetachedRegion();
            region.addBlock(block);
            new BodyBuilder(p.context(), st.loc, block).yield(List.of(block.argument(0)));
            st.addRegion(region);
          }

          @Override public void print(Operation op, AsmPrinter p) {
            StructuredAsm.printInsOuts(p, List.of(op.operand(0)), List.of(op.operand(1)));
            StructuredAsm.printDenseI64Array(p, listName, op.prop(listName));
            p.printOptionalAttrDict(op.attributes().entries(), Set.of());
          }
        }));
  }

  public static final OpDef TRANSPOSE = permuting("transpose", "Transpose operator", "permutation", "transposed", LinalgVerify::transpose);

  public static final OpDef BROADCAST = permuting("broadcast", "Static broadcast operator", "dimensions", "broadcasted", LinalgVerify::broadcast);
}
