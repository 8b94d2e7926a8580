// GEMM for prefill with fp32 weights (CUDA cores): y[r, n] = sum_k x[r, k] * w[n, k]{{RES_DOC}},
// w [{{N}} x {{K}}] row-major. A block of 16x16 threads computes a 64x64 tile of y, 4x4 per
// thread, stepping k by 16 through shared memory. Grid: (ceil(N / 64), ceil(rows / 64)).
extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ y, const float* __restrict__ x,
    const wt* __restrict__ w{{RES_PARAM}}, int rows, const int* state, int imm) {
  constexpr int N = {{N}}, K = {{K}}, BM = 64, BN = 64, BK = 16;
  __shared__ float As[BK][BM + 4];
  __shared__ float Bs[BK][BN + 4];
  const int m0 = blockIdx.y * BM, n0 = blockIdx.x * BN, tx = threadIdx.x % 16, ty = threadIdx.x / 16;
  float acc[4][4] = {};
  for (int k0 = 0; k0 < K; k0 += BK) {
    for (int i = threadIdx.x; i < BM * BK; i += 256) {
      const int m = i / BK, k = i % BK;
      As[k][m] = m0 + m < rows && k0 + k < K ? x[(size_t) (m0 + m) * K + k0 + k] : 0.f;
      Bs[k][m] = n0 + m < N && k0 + k < K ? to_float(w[(size_t) (n0 + m) * K + k0 + k]) : 0.f;
    }
    __syncthreads();
#pragma unroll
    for (int k = 0; k < BK; k++) {
      float a[4], b[4];
#pragma unroll
      for (int i = 0; i < 4; i++) a[i] = As[k][ty + 16 * i];
#pragma unroll
      for (int j = 0; j < 4; j++) b[j] = Bs[k][tx + 16 * j];
#pragma unroll
      for (int i = 0; i < 4; i++)
#pragma unroll
        for (int j = 0; j < 4; j++) acc[i][j] += a[i] * b[j];
    }
    __syncthreads();
  }
#pragma unroll
  for (int i = 0; i < 4; i++)
#pragma unroll
    for (int j = 0; j < 4; j++) {
      const int m = m0 + ty + 16 * i, n = n0 + tx + 16 * j;
      if (m < rows && n < N) {
        const size_t at = (size_t) m * N + n;
        y[at] = acc[i][j]{{RES_ADD_AT}};
      }
    }
}
