package gvm.model;

import gvm.interp.Tensor;
import java.nio.ByteBuffer;
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
  public static Tensor tensor(TensorInfo info, ByteBuffer bytes) { return Tensor.fromLittleEndian(info.dtype(), info.shape(), bytes); }
}
