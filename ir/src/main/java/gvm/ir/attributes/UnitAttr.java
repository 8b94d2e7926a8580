package gvm.ir.attributes;

/** The unit attribute: a name that is present ({@code {frozen}}). */
public record UnitAttr() implements Attribute {
  public static final UnitAttr INSTANCE = new UnitAttr();
}
