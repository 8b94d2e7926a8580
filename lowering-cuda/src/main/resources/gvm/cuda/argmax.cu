// Greedy sampling on the device: y[r] = the index of the largest of x[r, 0 .. {{V}}), the first
// on ties. One block per row. Grid: (1, rows).
extern "C" __global__ void __launch_bounds__(1024) {{NAME}}(int* __restrict__ y, const float* __restrict__ x,
    int rows, const int* state, int imm) {
  constexpr int V = {{V}};
  __shared__ float best_v[32];
  __shared__ int best_i[32];
  const float* xr = x + (size_t) blockIdx.y * V;
  float bv = -INFINITY;
  int bi = V;
  for (int i = threadIdx.x; i < V; i += blockDim.x)
    if (xr[i] > bv) { bv = xr[i]; bi = i; }
  for (int o = 16; o > 0; o >>= 1) {
    const float ov = __shfl_xor_sync(0xffffffffu, bv, o);
    const int oi = __shfl_xor_sync(0xffffffffu, bi, o);
    if (ov > bv || (ov == bv && oi < bi)) { bv = ov; bi = oi; }
  }
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5;
  if (lane == 0) { best_v[warp] = bv; best_i[warp] = bi; }
  __syncthreads();
  if (threadIdx.x != 0) return;
  for (int w = 1; w < (int) (blockDim.x >> 5); w++)
    if (best_v[w] > bv || (best_v[w] == bv && best_i[w] < bi)) { bv = best_v[w]; bi = best_i[w]; }
  y[blockIdx.y] = bi == V ? 0 : bi;
}
