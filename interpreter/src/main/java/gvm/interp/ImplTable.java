package gvm.interp;

import gvm.ir.def.OpDef;
import java.util.IdentityHashMap;
import java.util.Map;

/** Op implementations keyed by the op's definition (xDSL's {@code @impl} table). */
public final class ImplTable {
  private final Map<OpDef, OpImpl> impls = new IdentityHashMap<>();

  public ImplTable register(OpDef def, OpImpl impl) {
    if (impls.putIfAbsent(def, impl) != null) throw new IllegalStateException("two implementations of " + def.name());
    return this;
  }

  /** The implementation of {@code def}, or null. */
  public OpImpl lookup(OpDef def) { return def == null ? null : impls.get(def); }

  public boolean has(OpDef def) { return impls.containsKey(def); }
}
