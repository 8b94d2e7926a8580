package gvm.ir.format;

import gvm.ir.def.AttrAsm;
import gvm.ir.def.PropertySpec;
import gvm.ir.def.RegionSpec;
import gvm.ir.def.SuccessorSpec;
import gvm.ir.def.ValueSpec;
import java.util.List;

/** One element of a compiled format, as MLIR's FormatElement kinds (OpFormatGen.cpp). */
sealed interface Element {
  /** {@code `keyword`} or punctuation such as {@code `->`}. */
  record Literal(String spelling) implements Element {
    boolean isKeyword() { return spelling.charAt(0) == '_' || Character.isLetter(spelling.charAt(0)); }
  }

  /** {@code ` `} (space) or {@code ``} (no space). */
  record Space(boolean space) implements Element {}

  /** {@code `\n`}. */
  record Newline() implements Element {}

  record OperandVar(int index, ValueSpec spec) implements Element {}

  /** A result; only inside {@code type(...)} and {@code functional-type(...)}. */
  record ResultVar(int index, ValueSpec spec) implements Element {}

  /** {@code $prop}; {@code asm} is the property's codec (the plain one under {@code qualified}). */
  record AttrVar(PropertySpec spec, AttrAsm asm) implements Element {
    boolean isUnit() { return asm.isUnit(); }
  }

  record RegionVar(int index, RegionSpec spec) implements Element {}

  record SuccessorVar(int index, SuccessorSpec spec) implements Element {}

  record AttrDict(boolean withKeyword) implements Element {}

  record PropDict() implements Element {}

  /** {@code type(arg)}: arg is an OperandVar, ResultVar, OperandsDir or ResultsDir (or a Ref of one). */
  record TypeDir(Element arg) implements Element {}

  record FunctionalType(Element inputs, Element results) implements Element {}

  record OperandsDir() implements Element {}

  record ResultsDir() implements Element {}

  record RegionsDir() implements Element {}

  record SuccessorsDir() implements Element {}

  record Custom(String name, CustomDirective directive, List<Element> args) implements Element {}

  /** {@code ref(...)} inside a custom directive: an element bound earlier, passed read-only. */
  record Ref(Element arg) implements Element {}

  /**
   * {@code ( then... )?} or {@code ( then... ) : ( else... )?}; {@code parseStart} skips leading
   * whitespace so the first parsable element gates the group.
   */
  record Optional(List<Element> thenElems, List<Element> elseElems, Element anchor, int parseStart) implements Element {}

  /** {@code oilist(`kw` elems | `kw2` elems)}: clauses in any order, each at most once. */
  record OIList(List<Literal> keywords, List<List<Element>> clauses) implements Element {}
}
