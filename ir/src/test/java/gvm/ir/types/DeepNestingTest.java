package gvm.ir.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import gvm.ir.attributes.ArrayAttr;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DictionaryAttr;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.NamedAttribute;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Nested types and attributes hash in O(1) per level: uniquing every level of an N-deep nest (as
 * the parser does) is linear, and hashing the outermost level does not walk (or overflow the stack
 * on) the whole nest. Before the element lists kept their hash, these overflowed the stack and,
 * at parseable depths, made parsing quadratic.
 */
class DeepNestingTest {
  private static final int DEPTH = 200_000;

  @Test
  void nestedTuples() {
    Set<Type> unique = new HashSet<>();
    Type t = IntegerType.get(32);
    unique.add(t);
    for (int i = 0; i < DEPTH; i++) {
      t = new TupleType(List.of(t));
      unique.add(t);
    }
    assertEquals(DEPTH + 1, unique.size());
    assertNotEquals(new TupleType(List.of(IntegerType.get(32))).hashCode(), t.hashCode());
  }

  @Test
  void nestedFunctionTypes() {
    Set<Type> unique = new HashSet<>();
    Type t = IndexType.INSTANCE;
    for (int i = 0; i < DEPTH; i++) {
      t = new FunctionType(List.of(t), List.of());
      unique.add(t);
    }
    assertEquals(DEPTH, unique.size());
  }

  @Test
  void nestedArraysAndDictionaries() {
    Set<Attribute> unique = new HashSet<>();
    Attribute a = IntegerAttr.i64(1);
    for (int i = 0; i < DEPTH; i++) {
      a = i % 2 == 0 ? new ArrayAttr(List.of(a)) : DictionaryAttr.of(List.of(new NamedAttribute("k", a)));
      unique.add(a);
    }
    assertEquals(DEPTH, unique.size());
  }

  @Test
  void equalNestsAreEqualWithEqualHashes() {
    Type a = IntegerType.get(8), b = IntegerType.get(8);
    for (int i = 0; i < 50; i++) {
      a = new TupleType(List.of(a, IndexType.INSTANCE));
      b = new TupleType(List.of(b, IndexType.INSTANCE));
    }
    assertEquals(a, b);
    assertEquals(a.hashCode(), b.hashCode());
    assertEquals(List.of(IntegerType.get(8)), new TupleType(List.of(IntegerType.get(8))).types());
  }
}
