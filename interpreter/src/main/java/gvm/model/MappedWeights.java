package gvm.model;

import gvm.interp.Elements;
import gvm.interp.Tensor;
import gvm.ir.types.FloatType;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The run-time tensors of a {@link WeightSource}, made once per name: float32 weights are views of
 * the mapped bytes (no copy), f16 and bf16 weights are widened to float32 storage of a tensor that
 * keeps the stored element type (the kernels compute in float32).
 */
public abstract class MappedWeights implements WeightSource {
  private final Map<String, Tensor> tensors = new ConcurrentHashMap<>();

  @Override public Tensor get(String name) {
    TensorInfo info = info(name);
    return info == null ? null : tensors.computeIfAbsent(name, n -> tensor(info, bytes(n)));
  }

  /** The tensor of {@code info} over little-endian {@code bytes}. */
  public static Tensor tensor(TensorInfo info, ByteBuffer bytes) {
    FloatType t = info.dtype();
    if (t.equals(FloatType.F32)) return Tensor.view(info.shape(), bytes);
    ByteBuffer b = bytes.slice().order(ByteOrder.LITTLE_ENDIAN);
    float[] data = new float[Tensor.size(info.shape())];
    if (t.equals(FloatType.BF16)) {
      for (int i = 0; i < data.length; i++) data[i] = Float.intBitsToFloat((b.getShort(2 * i) & 0xffff) << 16);
    } else {
      for (int i = 0; i < data.length; i++) data[i] = (float) Elements.fromBits(b.getShort(2 * i) & 0xffff, t);
    }
    return Tensor.ofExactFloats(t, info.shape(), data);
  }
}
