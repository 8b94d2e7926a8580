package gvm.interp.mesh;

import gvm.dialect.mesh.ir.MeshShardingAttr;
import gvm.interp.Frame;
import gvm.interp.SpmdDevice;
import gvm.interp.Tensor;
import gvm.ir.Operation;
import gvm.ir.attributes.DenseArrayAttr;
import java.util.HashMap;
import java.util.Map;

/**
 * The slice of a checkpoint weight a device reads for a spmdized {@code gptvm.param}: the op's
 * {@code mesh.sharding} (set by mesh-spmdization) splits dimension d over the devices of its mesh
 * axes, and this device takes the chunk of its position among them. Slices are kept per device.
 */
public final class ParamShards {
  /** The discardable attribute mesh-spmdization puts on a sharded gptvm.param. */
  public static final String ATTR = "mesh.sharding";

  private final Map<Operation, Tensor> slices = new HashMap<>();

  /** {@code weight} itself when {@code op} carries no sharding, else this device's slice of it. */
  public static Tensor slice(Frame f, Operation op, Tensor weight) {
    if (!(op.attr(ATTR) instanceof MeshShardingAttr sharding)) return weight;
    SpmdDevice device = SpmdDevice.of(f);
    ParamShards cache = f.interpreter().service(ParamShards.class, ParamShards::new);
    synchronized (cache) {
      return cache.slices.computeIfAbsent(op, k -> {
        long[] meshShape = device.meshShape(op, sharding.mesh());
        Tensor t = weight;
        for (int d = 0; d < sharding.splitAxes().size() && d < t.rank(); d++) {
          DenseArrayAttr axes = sharding.splitAxes().get(d);
          if (axes.size() == 0) continue;
          int n = 1;
          for (long a : axes.toArray()) n *= (int) meshShape[(int) a];
          t = Chunks.chunk(t, d, device.groupIndex(axes), n);
        }
        return t;
      });
    }
  }
}
