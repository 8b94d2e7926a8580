package gvm.ir.attributes;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** {@code {a = 1, b}}: entries kept sorted by name, as MLIR's DictionaryAttr, names unique. */
public record DictionaryAttr(List<NamedAttribute> entries) implements Attribute {
  public static final DictionaryAttr EMPTY = new DictionaryAttr(List.of());

  public DictionaryAttr {
    entries = HashedList.copyOf(entries);
  }

  /** Sorts the entries; later duplicates replace earlier ones. */
  public static DictionaryAttr of(List<NamedAttribute> unsorted) {
    if (unsorted.isEmpty()) return EMPTY;
    ArrayList<NamedAttribute> l = new ArrayList<>(unsorted);
    Collections.sort(l);
    for (int i = l.size() - 1; i > 0; i--) if (l.get(i).name().equals(l.get(i - 1).name())) l.remove(i - 1);
    return new DictionaryAttr(l);
  }

  public Attribute get(String name) {
    int lo = 0, hi = entries.size() - 1;
    while (lo <= hi) {
      int mid = (lo + hi) >>> 1;
      int c = entries.get(mid).name().compareTo(name);
      if (c == 0) return entries.get(mid).value();
      if (c < 0) lo = mid + 1; else hi = mid - 1;
    }
    return null;
  }

  public boolean isEmpty() { return entries.isEmpty(); }

  public int size() { return entries.size(); }
}
