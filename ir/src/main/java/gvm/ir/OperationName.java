package gvm.ir;

import gvm.ir.def.OpDef;

/** An interned op name ({@code arith.addi}) with its definition when registered. */
public final class OperationName {
  private final String name;
  private final String dialect;
  private final OpDef def;

  OperationName(String name, OpDef def) {
    this.name = name;
    int dot = name.indexOf('.');
    this.dialect = dot < 0 ? "" : name.substring(0, dot);
    this.def = def;
  }

  public String name() { return name; }

  /** The namespace before the first dot ({@code arith}); empty if none. */
  public String dialect() { return dialect; }

  /** The definition, or null for an unregistered op. */
  public OpDef def() { return def; }

  public boolean isRegistered() { return def != null; }

  @Override public String toString() { return name; }
}
