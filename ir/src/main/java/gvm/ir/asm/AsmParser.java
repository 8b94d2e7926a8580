package gvm.ir.asm;

import gvm.ir.Context;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.types.FunctionType;
import gvm.ir.types.Type;
import java.math.BigInteger;
import java.util.List;

/**
 * What custom parsers (op formats, dialect types and attributes) may ask of the parser, after
 * MLIR's AsmParser. Failures throw {@link ParseException} with MLIR's message; {@code Optional}
 * methods return null/false without consuming anything when the token does not match.
 */
public interface AsmParser {
  Context context();

  /** Byte offset of the current token, for error locations. */
  int offset();

  ParseException error(int offset, String message);

  /** Punctuation such as {@code "("}, {@code "->"}, {@code "::"}; error {@code expected '('} otherwise. */
  void parsePunct(String p);

  boolean parseOptionalPunct(String p);

  void parseKeyword(String kw);

  boolean parseOptionalKeyword(String kw);

  /** Any bare identifier as a keyword, or null. */
  String parseOptionalKeyword();

  /** A bare identifier or a string. */
  String parseKeywordOrString();

  String parseOptionalKeywordOrString();

  long parseInteger();

  /** An optional (possibly negative) integer, or null. */
  BigInteger parseOptionalInteger();

  String parseString();

  String parseOptionalString();

  /** {@code @name}, returns the name. */
  String parseSymbolName();

  String parseOptionalSymbolName();

  Type parseType();

  Type parseOptionalType();

  /** {@code : type}. */
  Type parseColonType();

  /** {@code : t1, t2} (at least one type). */
  List<Type> parseColonTypeList();

  /** {@code t1, t2} without parentheses, at least one. */
  List<Type> parseTypeList();

  /** {@code -> t} or {@code -> (t1, t2)}. */
  List<Type> parseArrowTypeList();

  List<Type> parseOptionalArrowTypeList();

  FunctionType parseFunctionType();

  /** An attribute; {@code type} is the expected type or null. */
  Attribute parseAttribute(Type type);

  Attribute parseOptionalAttribute(Type type);

  /** {@code {a = 1, b}} if present, else an empty list. */
  List<NamedAttribute> parseOptionalAttrDict();

  /** {@code attributes {a = 1}} if present. */
  List<NamedAttribute> parseOptionalAttrDictWithKeyword();

  DictionaryAttr parseDictionary();

  /** A dimension list {@code 4x?x8x} before an element type; {@code allowDynamic} permits {@code ?}. */
  long[] parseDimensionList(boolean allowDynamic, boolean withTrailingX);

  /** True when the current token is the given punctuation (without consuming it). */
  boolean atPunct(String p);

  /** True at end of input. */
  boolean atEnd();
}
