// Fused RMS norm: y[r, i] = w[i] * (x[r, i] / sqrt(mean_i(x[r, i]^2) + {{EPS}})) over rows of {{D}};
// one block per row. Grid: (1, rows).
extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ y, const float* __restrict__ x,
    const float* __restrict__ w, int rows, const int* state, int imm) {
  constexpr int D = {{D}};
  const float* xr = x + (size_t) blockIdx.y * D;
  float* yr = y + (size_t) blockIdx.y * D;
  float ss = 0.f;
  for (int i = threadIdx.x; i < D; i += blockDim.x) ss += xr[i] * xr[i];
  ss = block_reduce(ss, false);
  const float inv = 1.0f / sqrtf(ss / D + {{EPS}}f);
  for (int i = threadIdx.x; i < D; i += blockDim.x) yr[i] = w[i] * (inv * xr[i]);
}
