// GEMV for decode{{NORM_DOC}}: {{WHAT}}, each w [N x {{K}}] row-major, x [rows x {{K}}].
// The (normalised) input row is staged in shared memory; each warp reads {{VEC}} weights
// ({{VBYTES}} bytes) per lane per load, coalesced along k. A block of 8 warps covers 8 / SPLIT
// output rows and SPLIT warps split each row's k range (split-K), their partial sums meeting in
// shared memory. Grid: (ceil({{ROWS}} / (8 / SPLIT)), rows).
union wvec { {{VTYPE}} raw; wt v[{{VEC}}]; };

extern "C" __global__ void __launch_bounds__(256) {{NAME}}({{PARAMS}}, int rows, const int* state, int imm) {
  constexpr int K = {{K}}, VEC = {{VEC}}, SPLIT = {{SPLIT}}, ROWS = {{ROWS}};
  constexpr int ROWS_PER_BLOCK = 8 / SPLIT, CHUNKS = K / VEC, PER_SLICE = (CHUNKS + SPLIT - 1) / SPLIT;
  __shared__ __align__(16) float xs[K];
  __shared__ float partial[8][2];
  const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31, r = blockIdx.y;
  const int n = blockIdx.x * ROWS_PER_BLOCK + warp / SPLIT, slice = warp % SPLIT;
  const float* xr = x + (size_t) r * K;
{{STAGE}}
  __syncthreads();
  // this warp's output row: which matrix, and the row in it
{{SELECT}}
  float acc = 0.f, acc2 = 0.f;
  if (n < ROWS) {
    const int c1 = min(CHUNKS, (slice + 1) * PER_SLICE);
#pragma unroll 4
    for (int c = slice * PER_SLICE + lane; c < c1; c += 32) {
{{DOT}}
    }
  }
  acc = warp_sum(acc);
  acc2 = warp_sum(acc2);
  if (SPLIT > 1) {
    if (lane == 0) { partial[warp][0] = acc; partial[warp][1] = acc2; }
    __syncthreads();
    if (slice != 0) return;
    for (int s = 1; s < SPLIT; s++) { acc += partial[warp + s][0]; acc2 += partial[warp + s][1]; }
  }
  if (lane == 0 && n < ROWS) {
{{STORE}}
  }
}
