package gvm.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.attributes.Attribute;
import gvm.ir.def.OpDef;
import gvm.ir.types.Type;
import java.util.List;

/** A dialect: a namespace, its ops, and parse hooks for its types and attributes. */
public abstract class Dialect {
  private final String namespace;

  protected Dialect(String namespace) { this.namespace = namespace; }

  public final String namespace() { return namespace; }

  /** Every op the dialect defines, listed explicitly (no scanning). */
  public abstract List<OpDef> ops();

  /** Parses a type after {@code !ns.}; the parser is at the mnemonic. Returns null if the dialect has no types. */
  public Type parseType(AsmParser p) {
    throw p.error(p.offset(), "dialect '" + namespace + "' provides no type parsing hook");
  }

  /** Parses an attribute after {@code #ns.}; the parser is at the mnemonic; {@code type} is the expected type or null. */
  public Attribute parseAttribute(AsmParser p, Type type) {
    throw p.error(p.offset(), "dialect '" + namespace + "' provides no attribute parsing hook");
  }

  /** Alias name the printer may use for an attribute ({@code #map}), or null. */
  public String aliasName(Attribute a) { return null; }

  /**
   * Creates a detached constant op of {@code type} holding {@code value}, for folded results of this
   * dialect's ops (MLIR's Dialect::materializeConstant); null if the dialect cannot.
   */
  public Operation materializeConstant(Context ctx, Attribute value, Type type, gvm.ir.attributes.Location loc) { return null; }

  /** Dialects this one needs loaded too. */
  public List<String> dependentDialects() { return List.of(); }
}
