// Embedding: y[r, :] = table[ids[r], :] for a table [{{V}} x {{D}}] of {{WTYPE}}; an id outside
// the table gives a zero row. Grid: (1, rows).
extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ y, const wt* __restrict__ table,
    const int* __restrict__ ids, int rows, const int* state, int imm) {
  constexpr int V = {{V}}, D = {{D}};
  const int id = ids[blockIdx.y];
  float* yr = y + (size_t) blockIdx.y * D;
  for (int i = threadIdx.x; i < D; i += blockDim.x) yr[i] = id >= 0 && id < V ? to_float(table[(size_t) id * D + i]) : 0.f;
}
