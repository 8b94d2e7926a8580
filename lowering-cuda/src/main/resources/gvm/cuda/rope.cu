// Rotary embedding of x [rows, {{H}}, {{HD}}] at positions state[0] + r, theta {{THETA}}, the
// first {{ROT}} lanes rotated in pairs ({{LAYOUT}}); angles in double precision as the
// interpreter's. One block per (head, row). Grid: ({{H}}, rows).
extern "C" __global__ void __launch_bounds__(64) {{NAME}}(float* __restrict__ y, const float* __restrict__ x,
    int rows, const int* state, int imm) {
  constexpr int HD = {{HD}}, ROT = {{ROT}}, HALF = ROT / 2;
  constexpr bool INTERLEAVED = {{INTERLEAVED}};
  const size_t base = ((size_t) blockIdx.y * {{H}} + blockIdx.x) * HD;
  const int pos = state[0] + blockIdx.y;
  for (int i = ROT + threadIdx.x; i < HD; i += blockDim.x) y[base + i] = x[base + i];
  for (int i = threadIdx.x; i < HALF; i += blockDim.x) {
    float c, s;
    int ia, ib;
    rope_pair(pos, i, ROT, {{THETA}}, INTERLEAVED, &c, &s, &ia, &ib);
    const float a = x[base + ia], b = x[base + ib];
    y[base + ia] = a * c - b * s;
    y[base + ib] = a * s + b * c;
  }
}
