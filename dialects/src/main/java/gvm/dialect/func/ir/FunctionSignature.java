package gvm.dialect.func.ir;

import gvm.dialect.builtin.ir.DiagText;
import gvm.dialect.builtin.ir.SymbolTable;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.Region;
import gvm.ir.Verify;
import gvm.ir.asm.Argument;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.StringAttr;
import gvm.ir.attributes.TypeAttr;
import gvm.ir.def.OpDef;
import gvm.ir.def.PropertySpec;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * The assembly and the checks of function-like ops, after MLIR's {@code FunctionImplementation.cpp}
 * and FunctionOpInterface: {@code [visibility] @name(%arg0: i32 {attrs} loc(..), ...) -> (f32 {attrs}, i32)
 * attributes {..} {body}}, where a declaration (no body) lists types only. {@code func.func} uses
 * it; other function-like ops pass their own attribute names and type builder.
 */
public final class FunctionSignature {
  private FunctionSignature() {}

  /** The attribute names a function-like op keeps its signature in. */
  public record Names(String functionType, String argAttrs, String resAttrs) {
    /** func.func's names. */
    public static final Names FUNC = new Names("function_type", "arg_attrs", "res_attrs");
  }

  /**
   * Builds the op's function type from the parsed signature; returns null and appends a reason to
   * {@code error} when the signature cannot be represented (e.g. variadic).
   */
  @FunctionalInterface
  public interface TypeBuilder {
    Type build(List<Type> argTypes, List<Type> resultTypes, boolean variadic, StringBuilder error);
  }

  /** A parsed signature: arguments (unnamed for declarations), results with their attributes. */
  public record Parsed(List<Argument> arguments, boolean variadic, List<Type> resultTypes, List<DictionaryAttr> resultAttrs) {
    public List<Type> argumentTypes() {
      List<Type> l = new ArrayList<>(arguments.size());
      for (Argument a : arguments) l.add(a.type());
      return l;
    }

    /** True when the arguments carry SSA names (a definition rather than a declaration). */
    public boolean hasNamedArguments() { return !arguments.isEmpty() && arguments.get(0).ssaName() != null; }
  }

  // ---------------------------------------------------------------- parsing

  /** {@code (args) [-> results]}; arguments all named ({@code %a: i32}) or all unnamed ({@code i32}). */
  public static Parsed parse(OpAsmParser p, boolean allowVariadic) {
    List<Argument> args = new ArrayList<>();
    boolean variadic = false;
    p.parsePunct("(");
    if (!p.parseOptionalPunct(")")) {
      do {
        if (variadic) throw p.error(p.offset(), "variadic arguments must be in the end of the argument list");
        if (allowVariadic && p.parseOptionalPunct("...")) {
          variadic = true;
          continue;
        }
        int at = p.offset();
        Argument a = p.parseOptionalArgument(true, true);
        if (a != null) {
          if (!args.isEmpty() && args.get(args.size() - 1).ssaName() == null)
            throw p.error(a.ssaName().offset(), "expected type instead of SSA identifier");
        } else {
          if (!args.isEmpty() && args.get(args.size() - 1).ssaName() != null) throw p.error(at, "expected SSA identifier");
          Type t = p.parseType();
          List<NamedAttribute> attrs = p.parseOptionalAttrDict();
          a = new Argument(null, t, attrs.isEmpty() ? null : DictionaryAttr.of(attrs), p.parseOptionalLocationSpecifier());
        }
        args.add(a);
      } while (p.parseOptionalPunct(","));
      p.parsePunct(")");
    }
    List<Type> results = new ArrayList<>();
    List<DictionaryAttr> resultAttrs = new ArrayList<>();
    if (p.parseOptionalPunct("->")) parseResultList(p, results, resultAttrs);
    return new Parsed(args, variadic, results, resultAttrs);
  }

  /** {@code type} or {@code (type {attrs}, ...)}, as MLIR's parseFunctionResultList. */
  private static void parseResultList(OpAsmParser p, List<Type> types, List<DictionaryAttr> attrs) {
    if (!p.parseOptionalPunct("(")) {
      // Without '(' the result cannot be a function type.
      types.add(p.parseType());
      attrs.add(null);
      return;
    }
    if (p.parseOptionalPunct(")")) return;
    do {
      types.add(p.parseType());
      List<NamedAttribute> a = p.parseOptionalAttrDict();
      attrs.add(a.isEmpty() ? null : DictionaryAttr.of(a));
    } while (p.parseOptionalPunct(","));
    p.parsePunct(")");
  }

  /** MLIR's parseFunctionOp: visibility, symbol name, signature, {@code attributes {...}}, optional body. */
  public static void parseFunctionOp(OpAsmParser p, OperationState st, boolean allowVariadic, Names names, TypeBuilder typeBuilder) {
    for (String v : new String[] {"public", "private", "nested"})
      if (p.parseOptionalKeyword(v)) {
        addAttribute(st, SymbolTable.VISIBILITY_ATTR_NAME, StringAttr.of(v));
        break;
      }
    addAttribute(st, SymbolTable.SYMBOL_ATTR_NAME, StringAttr.of(p.parseSymbolName()));

    int signatureAt = p.offset();
    Parsed sig = parse(p, allowVariadic);
    StringBuilder why = new StringBuilder();
    Type type = typeBuilder.build(sig.argumentTypes(), sig.resultTypes(), sig.variadic(), why);
    if (type == null) throw p.error(signatureAt, "failed to construct function type" + (why.length() == 0 ? "" : ": " + why));
    addAttribute(st, names.functionType(), new TypeAttr(type));

    int attrsAt = p.offset();
    List<NamedAttribute> attrs = p.parseOptionalAttrDictWithKeyword();
    for (String inferred : new String[] {SymbolTable.VISIBILITY_ATTR_NAME, SymbolTable.SYMBOL_ATTR_NAME, names.functionType()})
      for (NamedAttribute a : attrs)
        if (a.name().equals(inferred))
          throw p.error(attrsAt, "'" + inferred + "' is an inferred attribute and should not be specified in the explicit attribute dictionary");
    for (NamedAttribute a : attrs) addAttribute(st, a.name(), a.value());

    List<DictionaryAttr> argAttrs = new ArrayList<>(sig.arguments().size());
    for (Argument a : sig.arguments()) argAttrs.add(a.attrs());
    addArgAndResultAttrs(st, argAttrs, sig.resultAttrs(), names);

    int bodyAt = p.offset();
    Region body = p.parseOptionalRegion(sig.hasNamedArguments() ? sig.arguments() : List.of(), false);
    if (body != null && body.isEmpty()) throw p.error(bodyAt, "expected non-empty function body");
    if (body != null) st.addRegion(body); else st.addRegion();
  }

  /** Adds {@code arg_attrs}/{@code res_attrs} when any dictionary is non-empty (null entries become {@code {}}). */
  public static void addArgAndResultAttrs(OperationState st, List<DictionaryAttr> argAttrs, List<DictionaryAttr> resultAttrs, Names names) {
    ArrayAttr args = toArrayAttr(argAttrs);
    if (args != null) addAttribute(st, names.argAttrs(), args);
    ArrayAttr results = toArrayAttr(resultAttrs);
    if (results != null) addAttribute(st, names.resAttrs(), results);
  }

  private static ArrayAttr toArrayAttr(List<DictionaryAttr> dicts) {
    boolean any = false;
    for (DictionaryAttr d : dicts) any |= d != null && !d.isEmpty();
    if (!any) return null;
    List<Attribute> l = new ArrayList<>(dicts.size());
    for (DictionaryAttr d : dicts) l.add(d == null ? DictionaryAttr.EMPTY : d);
    return new ArrayAttr(l);
  }

  /** An attribute named like one of the op's properties is stored as that property, as MLIR does. */
  private static void addAttribute(OperationState st, String name, Attribute value) {
    OpDef def = st.name.def();
    if (def != null && def.property(name) != null) st.addProperty(name, value);
    else st.addAttribute(name, value);
  }

  // ---------------------------------------------------------------- printing

  /** MLIR's printFunctionOp: everything after the op name. */
  public static void printFunctionOp(Operation op, AsmPrinter p, boolean variadic, Names names) {
    p.print(' ');
    if (op.inherentOrDiscardable(SymbolTable.VISIBILITY_ATTR_NAME) instanceof StringAttr vis) p.print(vis.value()).print(' ');
    p.printSymbolName(SymbolTable.symbolName(op));
    FunctionType type = (FunctionType) ((TypeAttr) op.inherentOrDiscardable(names.functionType())).type();
    print(p, op, type.inputs(), variadic, type.results(), names);
    printFunctionAttributes(p, op, Set.of(SymbolTable.SYMBOL_ATTR_NAME, SymbolTable.VISIBILITY_ATTR_NAME, names.functionType(),
        names.argAttrs(), names.resAttrs()));
    Region body = op.region(0);
    if (!body.isEmpty()) {
      p.print(' ');
      p.printRegion(body, false, true, false);
    }
  }

  /** MLIR's printFunctionSignature: entry block arguments for a definition, types for a declaration. */
  public static void print(AsmPrinter p, Operation op, List<Type> argTypes, boolean variadic, List<Type> resultTypes, Names names) {
    Region body = op.region(0);
    Block entry = body.isEmpty() ? null : body.front();
    ArrayAttr argAttrs = op.inherentOrDiscardable(names.argAttrs()) instanceof ArrayAttr a ? a : null;
    p.print('(');
    for (int i = 0; i < argTypes.size(); i++) {
      if (i > 0) p.print(", ");
      DictionaryAttr attrs = dictAt(argAttrs, i);
      if (entry != null && i < entry.numArguments()) {
        p.printRegionArgument(entry.argument(i), attrs, false);
      } else {
        p.printType(argTypes.get(i));
        if (attrs != null) p.printOptionalAttrDict(attrs.entries(), Set.of());
      }
    }
    if (variadic) {
      if (!argTypes.isEmpty()) p.print(", ");
      p.print("...");
    }
    p.print(')');
    if (resultTypes.isEmpty()) return;
    p.print(" -> ");
    ArrayAttr resAttrs = op.inherentOrDiscardable(names.resAttrs()) instanceof ArrayAttr a ? a : null;
    DictionaryAttr first = dictAt(resAttrs, 0);
    boolean parens = resultTypes.size() > 1 || resultTypes.get(0) instanceof FunctionType || (first != null && !first.isEmpty());
    if (parens) p.print('(');
    for (int i = 0; i < resultTypes.size(); i++) {
      if (i > 0) p.print(", ");
      p.printType(resultTypes.get(i));
      DictionaryAttr attrs = dictAt(resAttrs, i);
      if (attrs != null) p.printOptionalAttrDict(attrs.entries(), Set.of());
    }
    if (parens) p.print(')');
  }

  private static DictionaryAttr dictAt(ArrayAttr a, int i) {
    return a != null && i < a.size() && a.get(i) instanceof DictionaryAttr d ? d : null;
  }

  /** {@code attributes {...}}: discardable attributes, then properties, leaving out {@code elided}. */
  public static void printFunctionAttributes(AsmPrinter p, Operation op, Set<String> elided) {
    List<NamedAttribute> attrs = new ArrayList<>(op.attributes().entries());
    OpDef def = op.def();
    if (def != null)
      for (PropertySpec ps : def.properties())
        if (op.prop(ps.index()) != null) attrs.add(new NamedAttribute(ps.name(), op.prop(ps.index())));
    p.printOptionalAttrDictWithKeyword(attrs, elided);
  }

  // ---------------------------------------------------------------- verification

  /**
   * FunctionOpInterface's verifier (run after the body verified): argument and result attribute
   * arrays match the signature and hold dialect attributes only, and the entry block's arguments
   * match the argument types.
   */
  public static void verify(Operation op, Names names) {
    FunctionType type = (FunctionType) ((TypeAttr) op.inherentOrDiscardable(names.functionType())).type();
    verifyAttrArray(op, op.inherentOrDiscardable(names.argAttrs()), type.inputs().size(), "argument", "arguments");
    verifyAttrArray(op, op.inherentOrDiscardable(names.resAttrs()), type.results().size(), "result", "results");
    if (op.numRegions() != 1) throw Verify.opError(op, "expects one region");
    Region body = op.region(0);
    if (body.isEmpty()) return;
    Block entry = body.front();
    List<Type> inputs = type.inputs();
    if (entry.numArguments() != inputs.size())
      throw Verify.opError(op, "entry block must have " + inputs.size() + " arguments to match function signature");
    for (int i = 0; i < inputs.size(); i++) {
      Type argType = entry.argument(i).type();
      if (!inputs.get(i).equals(argType))
        throw Verify.opError(op, "type of entry block argument #" + i + "(" + DiagText.quote(argType)
            + ") must match the type of the corresponding argument in function signature(" + DiagText.quote(inputs.get(i)) + ")");
    }
  }

  private static void verifyAttrArray(Operation op, Attribute all, int expected, String what, String whats) {
    if (!(all instanceof ArrayAttr arr)) return;
    if (arr.size() != expected)
      throw Verify.opError(op, "expects " + what + " attribute array to have the same number of elements as the number of function "
          + whats + ", got " + arr.size() + ", but expected " + expected);
    for (Attribute a : arr.elements()) {
      if (!(a instanceof DictionaryAttr d))
        throw Verify.opError(op, "expects " + what + " attribute dictionary to be a DictionaryAttr, but got `" + DiagText.print(a) + "`");
      for (NamedAttribute na : d.entries())
        if (na.name().indexOf('.') < 0) throw Verify.opError(op, whats + " may only have dialect attributes");
    }
  }
}
