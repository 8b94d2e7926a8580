// Paged attention for decode (vLLM-style, GQA): query head h of row r{{ROPE_DOC}} attends, causally, to the
// keys and values 0 .. state[0] + r of layer imm{{WINDOW_DOC}}, kv head h / {{GROUP}}; scale {{SCALE}}.
// One block per (head, row): a warp per key for the scores (held in dynamic shared memory,
// {{CAP}} floats), a block-wide softmax, then each warp sums its keys' values and the warps'
// sums meet in shared memory. Pool layout as kv_append's. Grid: ({{H}}, rows).
extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ out, const float* __restrict__ pool,
    const int* __restrict__ pages, const float* __restrict__ q, int rows, const int* state, int imm) {
  constexpr int H = {{H}}, HD = {{HD}}, PAGE = {{PAGE}}, PAGES = {{PAGES}}, S = {{KVH}} * HD, DPL = (HD + 31) / 32;
  constexpr long WINDOW = {{WINDOW}};
  extern __shared__ float score[];
  __shared__ float qs[HD];
  __shared__ float red[8][HD];
  const int h = blockIdx.x, r = blockIdx.y, g = h / {{GROUP}}, warp = threadIdx.x >> 5, lane = threadIdx.x & 31;
  const int p = state[0] + r, first = WINDOW > 0 ? max(0, (int) (p - WINDOW + 1)) : 0, n = p + 1 - first;
  for (int i = threadIdx.x; i < HD; i += blockDim.x) qs[i] = q[((size_t) r * H + h) * HD + i];
  __syncthreads();
{{ROPE_Q}}
  for (int j = warp; j < n; j += 8) {
    const int t = first + j;
    const float* kt = pool + (((size_t) imm * PAGES + pages[t / PAGE]) * 2 * PAGE + t % PAGE) * S + g * HD;
    float s = 0.f;
    for (int i = lane; i < HD; i += 32) s += qs[i] * kt[i];
    s = warp_sum(s);
    if (lane == 0) score[j] = s * {{SCALE}}f;
  }
  __syncthreads();
  float m = -INFINITY;
  for (int j = threadIdx.x; j < n; j += blockDim.x) m = fmaxf(m, score[j]);
  m = block_reduce(m, true);
  float l = 0.f;
  for (int j = threadIdx.x; j < n; j += blockDim.x) {
    const float e = expf(score[j] - m);
    score[j] = e;
    l += e;
  }
  l = block_reduce(l, false);  // its barriers also publish score[]
  float acc[DPL] = {};
  for (int j = warp; j < n; j += 8) {
    const int t = first + j;
    const float* vt = pool + (((size_t) imm * PAGES + pages[t / PAGE]) * 2 * PAGE + PAGE + t % PAGE) * S + g * HD;
    const float pj = score[j];
#pragma unroll
    for (int d = 0; d < DPL; d++)
      if (lane + 32 * d < HD) acc[d] += pj * vt[lane + 32 * d];
  }
#pragma unroll
  for (int d = 0; d < DPL; d++)
    if (lane + 32 * d < HD) red[warp][lane + 32 * d] = acc[d];
  __syncthreads();
  for (int i = threadIdx.x; i < HD; i += blockDim.x) {
    float o = 0.f;
    for (int w = 0; w < 8; w++) o += red[w][i];
    out[((size_t) r * H + h) * HD + i] = o / l;
  }
}
