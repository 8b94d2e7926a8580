// Paged kv cache append: the keys{{ROPE_DOC}} and values of the step's rows go to positions state[0] + r of
// layer imm. The pool is [layers][{{PAGES}} pages][k, v][{{PAGE}} slots][{{KVH}} x {{HD}}];
// pages[] maps a logical page to its physical page. Grid: (1, rows).
extern "C" __global__ void __launch_bounds__(128) {{NAME}}(float* __restrict__ pool, const int* __restrict__ pages,
    const float* __restrict__ k, const float* __restrict__ v, int rows, const int* state, int imm) {
  constexpr int PAGE = {{PAGE}}, PAGES = {{PAGES}}, HD = {{HD}}, S = {{KVH}} * HD;
  const int t = state[0] + blockIdx.y;
  float* slot = pool + (((size_t) imm * PAGES + pages[t / PAGE]) * 2 * PAGE + t % PAGE) * S;
  for (int i = threadIdx.x; i < S; i += blockDim.x) {
    slot[i] = k[(size_t) blockIdx.y * S + i];
    slot[(size_t) PAGE * S + i] = v[(size_t) blockIdx.y * S + i];
  }
{{ROPE_K}}
}
