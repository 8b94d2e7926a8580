// GEMV for decode: y[r, n] = sum_k x[r, k] * w[n, k]{{RES_DOC}}, w [{{N}} x {{K}}] row-major.
// Each warp reads {{VEC}} weights ({{VBYTES}} bytes) per lane per load, coalesced along k; a
// block of 8 warps covers 8 / SPLIT rows and SPLIT warps split each row's k range (split-K),
// their partial sums meet in shared memory. Grid: (ceil(N / (8 / SPLIT)), rows).
union wvec { {{VTYPE}} raw; wt v[{{VEC}}]; };

extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ y, const float* __restrict__ x,
    const wt* __restrict__ w{{RES_PARAM}}, int rows, const int* state, int imm) {
  constexpr int N = {{N}}, K = {{K}}, VEC = {{VEC}}, SPLIT = {{SPLIT}};
  constexpr int ROWS_PER_BLOCK = 8 / SPLIT, CHUNKS = K / VEC, PER_SLICE = (CHUNKS + SPLIT - 1) / SPLIT;
  __shared__ float partial[8];
  const int warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
  const int n = blockIdx.x * ROWS_PER_BLOCK + warp / SPLIT, slice = warp % SPLIT, r = blockIdx.y;
  const float* xr = x + (size_t) r * K;
  float acc = 0.f;
  if (n < N) {
    const {{VTYPE}}* wrow = reinterpret_cast<const {{VTYPE}}*>(w + (size_t) n * K);
    const int c1 = min(CHUNKS, (slice + 1) * PER_SLICE);
#pragma unroll 4
    for (int c = slice * PER_SLICE + lane; c < c1; c += 32) {
      wvec wv;
      wv.raw = __ldg(wrow + c);
      const float* xc = xr + c * VEC;
#pragma unroll
      for (int i = 0; i < VEC; i++) acc += to_float(wv.v[i]) * __ldg(xc + i);
    }
  }
  acc = warp_sum(acc);
  if (SPLIT > 1) {
    if (lane == 0) partial[warp] = acc;
    __syncthreads();
    if (slice != 0) return;
    for (int s = 1; s < SPLIT; s++) acc += partial[warp + s];
  }
  if (lane == 0 && n < N) y[(size_t) r * N + n] = acc{{RES_ADD}};
}
