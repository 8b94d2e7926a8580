// Paged attention for prefill, flash-style (GQA, causal{{WINDOW_DOC}}): query head h of rows r0 .. r0+15
// attends to keys 0 .. state[0] + r of layer imm, kv head h / {{GROUP}}; scale {{SCALE}}. Keys and
// values pass through shared memory in tiles of 32; each warp keeps 4 query rows with an online
// softmax (running max and sum), a lane per key for the scores and per head lane for the output.
// Pool layout as kv_append's. Grid: ({{H}}, ceil(rows / 16)).
extern "C" __global__ void __launch_bounds__(128) {{NAME}}(float* __restrict__ out, const float* __restrict__ pool,
    const int* __restrict__ pages, const float* __restrict__ q, int rows, const int* state, int imm) {
  constexpr int H = {{H}}, HD = {{HD}}, PAGE = {{PAGE}}, PAGES = {{PAGES}}, S = {{KVH}} * HD, DPL = (HD + 31) / 32;
  constexpr int TILE = 32, QROWS = 16;
  constexpr long WINDOW = {{WINDOW}};
  __shared__ float ks[TILE][HD + 1];
  __shared__ float vs[TILE][HD];
  __shared__ float qs[QROWS][HD];
  const int h = blockIdx.x, r0 = blockIdx.y * QROWS, g = h / {{GROUP}}, warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
  const int len = state[0], last = len + min(rows, r0 + QROWS) - 1;
  for (int i = threadIdx.x; i < QROWS * HD; i += blockDim.x) {
    const int rr = i / HD, d = i % HD;
    qs[rr][d] = r0 + rr < rows ? q[((size_t) (r0 + rr) * H + h) * HD + d] : 0.f;
  }
  float m[4], l[4], acc[4][DPL];
#pragma unroll
  for (int rr = 0; rr < 4; rr++) {
    m[rr] = -INFINITY;
    l[rr] = 0.f;
#pragma unroll
    for (int d = 0; d < DPL; d++) acc[rr][d] = 0.f;
  }
  const int tstart = WINDOW > 0 ? max(0, (int) (len + r0 - WINDOW + 1)) / TILE * TILE : 0;
  for (int t0 = tstart; t0 <= last; t0 += TILE) {
    __syncthreads();
    for (int i = threadIdx.x; i < TILE * HD; i += blockDim.x) {
      const int j = i / HD, d = i % HD, t = t0 + j;
      float kv = 0.f, vv = 0.f;
      if (t <= last) {
        const float* kt = pool + (((size_t) imm * PAGES + pages[t / PAGE]) * 2 * PAGE + t % PAGE) * S + g * HD;
        kv = kt[d];
        vv = kt[(size_t) PAGE * S + d];
      }
      ks[j][d] = kv;
      vs[j][d] = vv;
    }
    __syncthreads();
#pragma unroll
    for (int rr = 0; rr < 4; rr++) {
      const int row = warp * 4 + rr, p = len + r0 + row, t = t0 + lane;
      if (r0 + row >= rows) continue;
      float s = -INFINITY;
      if (t <= p && (WINDOW <= 0 || t > p - WINDOW)) {
        s = 0.f;
        for (int d = 0; d < HD; d++) s += qs[row][d] * ks[lane][d];
        s *= {{SCALE}}f;
      }
      const float mnew = fmaxf(m[rr], warp_max(s));
      if (mnew == -INFINITY) continue;
      const float e = s == -INFINITY ? 0.f : expf(s - mnew), corr = m[rr] == -INFINITY ? 0.f : expf(m[rr] - mnew);
      l[rr] = l[rr] * corr + warp_sum(e);
#pragma unroll
      for (int d = 0; d < DPL; d++) acc[rr][d] *= corr;
      for (int j = 0; j < TILE; j++) {
        const float ej = __shfl_sync(0xffffffffu, e, j);
#pragma unroll
        for (int d = 0; d < DPL; d++)
          if (lane + 32 * d < HD) acc[rr][d] += ej * vs[j][lane + 32 * d];
      }
      m[rr] = mnew;
    }
  }
#pragma unroll
  for (int rr = 0; rr < 4; rr++) {
    const int row = r0 + warp * 4 + rr;
    if (row >= rows) continue;
#pragma unroll
    for (int d = 0; d < DPL; d++)
      if (lane + 32 * d < HD) out[((size_t) row * H + h) * HD + lane + 32 * d] = acc[rr][d] / l[rr];
  }
}
