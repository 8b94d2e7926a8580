package gvm.ir.attributes;

import java.util.List;

/** {@code strided<[s0, s1], offset: o>}; {@link gvm.ir.types.ShapedType#DYNAMIC} marks {@code ?}. */
public record StridedLayoutAttr(long offset, List<Long> strides) implements Attribute {
  public StridedLayoutAttr { strides = List.copyOf(strides); }
}
