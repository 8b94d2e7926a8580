package gvm.ir.attributes;

import gvm.ir.types.ShapedType;

/**
 * {@code dense_resource<handle> : tensor<...>}: elements kept in a blob of the file's
 * {@code dialect_resources} section. The blob may be filled after the attribute is parsed, because
 * the section comes at the end of the file; equality is by handle and type.
 */
public record DenseResourceAttr(ShapedType type, ResourceBlob blob) implements Attribute {
  public String handle() { return blob.handle(); }

  @Override public boolean equals(Object o) {
    return o instanceof DenseResourceAttr r && r.type.equals(type) && r.blob.handle().equals(blob.handle());
  }

  @Override public int hashCode() { return type.hashCode() * 31 + blob.handle().hashCode(); }
}
