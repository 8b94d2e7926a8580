package gvm.transforms.fusion;

import gvm.dialect.func.ir.FuncOp;
import gvm.ir.Operation;
import gvm.ir.attributes.Location;
import java.util.HashMap;
import java.util.Map;

/**
 * Ops per model layer, for the fusion passes' statistics. An op belongs to the layer its location
 * names: the prefix of its name location up to the first all-digit component ({@code
 * model.layers.3} of {@code model.layers.3.mlp.up_proj}, {@code transformer.h.0} of {@code
 * transformer.h.0.attn}), as importers name modules after the checkpoint.
 */
final class LayerStats {
  private LayerStats() {}

  /** The top-level op count of the largest (function, layer) of the module; 0 without layers. */
  static long maxOpsPerLayer(Operation module) {
    long max = 0;
    for (Operation fn : module.region(0).front()) {
      if (!fn.isA(FuncOp.DEF) || fn.region(0).isEmpty()) continue;
      Map<String, Long> counts = new HashMap<>();
      for (var b : fn.region(0).blocks())
        for (Operation op : b) {
          String layer = layerOf(op.loc());
          if (layer != null) counts.merge(layer, 1L, Long::sum);
        }
      for (long c : counts.values()) max = Math.max(max, c);
    }
    return max;
  }

  static String layerOf(Location loc) {
    String name = locName(loc);
    if (name == null) return null;
    String[] parts = name.split("\\.");
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < parts.length; i++) {
      sb.append(i == 0 ? "" : ".").append(parts[i]);
      if (!parts[i].isEmpty() && parts[i].chars().allMatch(Character::isDigit)) return sb.toString();
    }
    return null;
  }

  /** The name of a name location (looking through fused and call-site locations), or null. */
  static String locName(Location loc) {
    if (loc instanceof Location.Name n) return n.name();
    if (loc instanceof Location.CallSite c) return locName(c.callee());
    if (loc instanceof Location.Fused f) for (Location l : f.locations()) if (locName(l) != null) return locName(l);
    return null;
  }
}
