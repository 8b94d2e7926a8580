package gvm.ir.attributes;

import java.util.AbstractList;
import java.util.Collection;
import java.util.List;
import java.util.RandomAccess;

/**
 * The immutable element list of nested attributes and types ({@code [[[...]]]}, {@code
 * tuple<tuple<...>>}): {@link List#copyOf} semantics (no nulls, unmodifiable), with the list's
 * hash code computed once at construction. Records holding one hash in O(1) instead of walking the
 * whole nest, so uniquing or aliasing N nested levels costs O(N), not O(N²); equality compares
 * hashes before elements.
 */
public final class HashedList<T> extends AbstractList<T> implements RandomAccess {
  private static final HashedList<Object> EMPTY = new HashedList<>(new Object[0]);

  private final Object[] elements;
  private final int hash;

  private HashedList(Object[] elements) {
    int h = 1;
    for (Object e : elements) h = 31 * h + e.hashCode(); // List.hashCode's formula
    this.elements = elements;
    this.hash = h;
  }

  /** An immutable copy of {@code c} (returned as is when it already is one). */
  @SuppressWarnings("unchecked")
  public static <T> List<T> copyOf(Collection<? extends T> c) {
    if (c instanceof HashedList<?> h) return (List<T>) h;
    if (c.isEmpty()) return (List<T>) EMPTY;
    Object[] a = c.toArray();
    for (Object e : a) if (e == null) throw new NullPointerException("null element");
    return new HashedList<>(a);
  }

  @SuppressWarnings("unchecked")
  @Override public T get(int i) { return (T) elements[i]; }

  @Override public int size() { return elements.length; }

  @Override public int hashCode() { return hash; }

  @Override public boolean equals(Object o) {
    if (o == this) return true;
    if (o instanceof HashedList<?> h) {
      if (h.hash != hash || h.elements.length != elements.length) return false;
      for (int i = 0; i < elements.length; i++) if (!elements[i].equals(h.elements[i])) return false;
      return true;
    }
    return super.equals(o);
  }
}
