// Paged attention for decode (vLLM-style, GQA): query head h of row r{{ROPE_DOC}} attends, causally, to the
// keys and values 0 .. state[0] + r of layer imm{{WINDOW_DOC}}, kv head h / {{GROUP}}; scale {{SCALE}}.
// One block per (head, row): a thread per key for the scores (held in dynamic shared memory,
// {{CAP}} floats; keys read with 16-byte loads when the head size allows), a block-wide softmax,
// then the threads split into groups of HD lanes, each group summing the values of every
// (256 / HD)-th key, the groups' sums meeting in shared memory. Pool layout as kv_append's.
// Grid: ({{H}}, rows).
extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ out, const float* __restrict__ pool,
    const int* __restrict__ pages, const float* __restrict__ q, int rows, const int* state, int imm) {
  constexpr int H = {{H}}, HD = {{HD}}, PAGE = {{PAGE}}, PAGES = {{PAGES}}, S = {{KVH}} * HD;
  constexpr long WINDOW = {{WINDOW}};
  extern __shared__ float score[];
  __shared__ float qs[HD];
  __shared__ float red[256 / HD][HD];
  const int h = blockIdx.x, r = blockIdx.y, g = h / {{GROUP}};
  const int p = state[0] + r, first = WINDOW > 0 ? max(0, (int) (p - WINDOW + 1)) : 0, n = p + 1 - first;
  for (int i = threadIdx.x; i < HD; i += blockDim.x) qs[i] = q[((size_t) r * H + h) * HD + i];
  __syncthreads();
{{ROPE_Q}}
  for (int j = threadIdx.x; j < n; j += blockDim.x) {
    const int t = first + j;
    const float* kt = pool + (((size_t) imm * PAGES + pages[t / PAGE]) * 2 * PAGE + t % PAGE) * S + g * HD;
    float s = 0.f;
    if (HD % 4 == 0) {
#pragma unroll 8
      for (int i = 0; i < HD; i += 4) {
        const float4 k4 = *reinterpret_cast<const float4*>(kt + i);
        s += qs[i] * k4.x + qs[i + 1] * k4.y + qs[i + 2] * k4.z + qs[i + 3] * k4.w;
      }
    } else {
      for (int i = 0; i < HD; i++) s += qs[i] * kt[i];
    }
    score[j] = s * {{SCALE}}f;
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
  constexpr int GROUPS = 256 / HD;
  const int d = threadIdx.x % HD, grp = threadIdx.x / HD;
  float acc = 0.f;
  if (grp < GROUPS)
    for (int j = grp; j < n; j += GROUPS) {
      const int t = first + j;
      acc += score[j] * pool[(((size_t) imm * PAGES + pages[t / PAGE]) * 2 * PAGE + PAGE + t % PAGE) * S + g * HD + d];
    }
  if (grp < GROUPS) red[grp][d] = acc;
  __syncthreads();
  for (int i = threadIdx.x; i < HD; i += blockDim.x) {
    float o = 0.f;
    for (int w = 0; w < GROUPS; w++) o += red[w][i];
    out[((size_t) r * H + h) * HD + i] = o / l;
  }
}
