package gvm.ir.format;

import gvm.ir.Operation;
import gvm.ir.OperationState;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.def.OpDef;
import gvm.ir.def.Trait;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.Type;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * An op's assembly format compiled once into elements that both parse and print it, as xDSL's
 * FormatProgram and the code MLIR's OpFormatGen generates. Obtain with {@link #of(OpDef)}.
 */
public final class FormatProgram {
  /**
   * Where a type the format does not spell out comes from (OpFormatGen's TypeResolution): another
   * operand's or result's type, an attribute's type, or a buildable type; {@code fn} maps it
   * (TypesMatchWith) and may be null.
   */
  record TypeSource(Kind kind, int index, String prop, Function<Type, Type> fn, Function<Type, List<Type>> range, Type buildable) {
    enum Kind { OPERAND, RESULT, ATTRIBUTE, BUILDABLE }

    static TypeSource operand(int i, Function<Type, Type> fn) { return new TypeSource(Kind.OPERAND, i, null, fn, null, null); }

    static TypeSource result(int i, Function<Type, Type> fn) { return new TypeSource(Kind.RESULT, i, null, fn, null, null); }

    static TypeSource attribute(String p, Function<Type, Type> fn) { return new TypeSource(Kind.ATTRIBUTE, -1, p, fn, null, null); }

    static TypeSource buildable(Type t) { return new TypeSource(Kind.BUILDABLE, -1, null, null, null, t); }

    /** This source mapped by a TypesMatchWith transform (one type to one, or one to a list). */
    TypeSource mappedBy(gvm.ir.def.OpDef.TypesMatchWith t) {
      if (t.range() != null) return new TypeSource(kind, index, prop, fn, t.range(), buildable);
      return new TypeSource(kind, index, prop, fn == null ? t.fn() : fn.andThen(t.fn()), range, buildable);
    }
  }

  final OpDef def;
  final List<Element> elements;
  /** Per operand: null when a type directive binds it, else where its type comes from. */
  final TypeSource[] operandSources;
  /** Per result, as {@link #operandSources}; unused when {@link #infersResultTypes}. */
  final TypeSource[] resultSources;
  final boolean infersResultTypes;
  final boolean allOperands, allOperandTypes, allResultTypes, allRegions, allSuccessors;
  /** Properties the format binds ({@code $name}); attr-dict leaves them out. */
  final Set<String> usedProps;
  final String implicitTerminator;
  final boolean singleBlock;

  FormatProgram(OpDef def, List<Element> elements, TypeSource[] operandSources, TypeSource[] resultSources, boolean infersResultTypes,
      boolean allOperands, boolean allOperandTypes, boolean allResultTypes, boolean allRegions, boolean allSuccessors, Set<String> usedProps) {
    this.def = def;
    this.elements = elements;
    this.operandSources = operandSources;
    this.resultSources = resultSources;
    this.infersResultTypes = infersResultTypes;
    this.allOperands = allOperands;
    this.allOperandTypes = allOperandTypes;
    this.allResultTypes = allResultTypes;
    this.allRegions = allRegions;
    this.allSuccessors = allSuccessors;
    this.usedProps = usedProps;
    this.implicitTerminator = def.implicitTerminator();
    this.singleBlock = implicitTerminator != null || def.hasTrait(Trait.SINGLE_BLOCK);
  }

  /**
   * The compiled format of {@code def}, compiling and caching it on first use.
   *
   * @return the program, or null if {@code def} has no format
   * @throws IllegalArgumentException naming the op if the format is malformed or does not fit the
   *     definition (an undeclared {@code $x}, an unknown directive, a missing anchor, an operand
   *     whose type cannot be resolved, ...)
   */
  public static FormatProgram of(OpDef def) {
    Object c = def.compiledFormat();
    if (c instanceof FormatProgram fp) return fp;
    if (def.format() == null) return null;
    FormatProgram fp = FormatCompiler.compile(def);
    def.setCompiledFormat(fp);
    return fp;
  }

  public OpDef def() { return def; }

  /** The format string this program was compiled from. */
  public String source() { return def.format(); }

  /**
   * Parses the op's custom form after its name into {@code st}: operands (resolved), result types,
   * properties and attributes, regions and successors, as an ODS-generated parser.
   *
   * @throws gvm.ir.asm.ParseException with MLIR's message on malformed input
   */
  public void parse(OpAsmParser p, OperationState st) { new FormatParser(this, p, st).run(); }

  /**
   * Prints {@code op} in its custom form, op name first. Returns false, having printed nothing, when
   * the op is too malformed to print this way (the caller then prints the generic form).
   */
  public boolean print(Operation op, AsmPrinter p) { return new FormatPrinter(this, op, p).run(); }

  @Override public String toString() { return def.name() + " format '" + def.format() + "'"; }
}
