package gvm.ir.attributes;

/** A name and its attribute, an entry of a dictionary. */
public record NamedAttribute(String name, Attribute value) implements Comparable<NamedAttribute> {
  @Override public int compareTo(NamedAttribute o) { return name.compareTo(o.name); }
}
