package gvm.interp.gptvm;

/**
 * The scalar formulas of gptvm's elementwise activations, shared by the op-by-op impls and the
 * fused loops so both round alike (computed in double, rounded to float once, as llama2.c).
 */
final class ScalarOps {
  private ScalarOps() {}

  /** {@code x · sigmoid(x)}, as llama2.c: {@code x / (1 + expf(-x))}. */
  static float silu(double x) { return (float) (x / (1.0f + (float) Math.exp(-x))); }

  /** gelu, tanh approximation or exact (erf). */
  static float gelu(double x, boolean tanh) {
    return (float) (tanh ? 0.5 * x * (1 + Math.tanh(Math.sqrt(2 / Math.PI) * (x + 0.044715 * x * x * x))) : 0.5 * x * (1 + GptvmImpls.erf(x / Math.sqrt(2))));
  }
}
