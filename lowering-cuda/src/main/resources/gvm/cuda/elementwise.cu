// Elementwise {{WHAT}} over rows of {{D}}: y = {{EXPR}}. Grid: (ceil({{D}} / 256), rows).
extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ y, {{PARAMS}}, int rows, const int* state, int imm) {
  constexpr int D = {{D}};
  const int i = blockIdx.x * blockDim.x + threadIdx.x;
  if (i >= D) return;
  const size_t at = (size_t) blockIdx.y * D + i;
  {{LOADS}}
  y[at] = {{EXPR}};
}
