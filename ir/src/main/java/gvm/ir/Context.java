package gvm.ir;

import gvm.ir.def.OpDef;
import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/** Holds registered dialects and interned op names (MLIR's MLIRContext). Thread-safe for lookups. */
public final class Context {
  private final Map<String, Dialect> dialects = new TreeMap<>();
  private final ConcurrentHashMap<String, OperationName> opNames = new ConcurrentHashMap<>();
  private volatile boolean allowUnregisteredDialects;

  public synchronized void register(Dialect d) {
    if (dialects.containsKey(d.namespace())) return;
    dialects.put(d.namespace(), d);
    for (OpDef def : d.ops()) {
      if (!def.dialect().equals(d.namespace())) throw new IllegalArgumentException(def.name() + " registered by dialect " + d.namespace());
      if (opNames.putIfAbsent(def.name(), new OperationName(def.name(), def)) != null)
        throw new IllegalArgumentException("op " + def.name() + " registered twice");
    }
  }

  public Dialect dialect(String namespace) { return dialects.get(namespace); }

  public Collection<Dialect> dialects() { return Collections.unmodifiableCollection(dialects.values()); }

  /** The interned name; unregistered names get an entry without definition. */
  public OperationName opName(String name) {
    OperationName n = opNames.get(name);
    return n != null ? n : opNames.computeIfAbsent(name, k -> new OperationName(k, null));
  }

  /** The registered definition, or null. */
  public OpDef lookupOp(String name) {
    OperationName n = opNames.get(name);
    return n == null ? null : n.def();
  }

  public boolean allowsUnregisteredDialects() { return allowUnregisteredDialects; }

  public void allowUnregisteredDialects(boolean allow) { allowUnregisteredDialects = allow; }
}
