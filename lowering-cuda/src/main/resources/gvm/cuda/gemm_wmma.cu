// GEMM for prefill on tensor cores (WMMA 16x16x16, {{WTYPE}} inputs, fp32 accumulation):
// y[r, n] = sum_k x[r, k] * w[n, k]{{RES_DOC}}, w [{{N}} x {{K}}] row-major. A block of 4 warps
// computes a 64x64 tile of y, each warp 32x32 (2x2 fragments), stepping k by 32 through shared
// memory; x is rounded to {{WTYPE}} as it is staged. Grid: (ceil(N / 64), ceil(rows / 64)).
#include <mma.h>
using namespace nvcuda;

extern "C" __global__ void __launch_bounds__(128) {{NAME}}(float* __restrict__ y, const float* __restrict__ x,
    const wt* __restrict__ w{{RES_PARAM}}, int rows, const int* state, int imm) {
  constexpr int N = {{N}}, K = {{K}}, BM = 64, BN = 64, BK = 32, LDS = BK + 8, LDC = BN + 4;
  __shared__ __align__(32) wt As[BM * LDS];
  __shared__ __align__(32) wt Bs[BN * LDS];
  __shared__ __align__(32) float Cs[BM * LDC];
  const int m0 = blockIdx.y * BM, n0 = blockIdx.x * BN;
  const int warp = threadIdx.x >> 5, wm = (warp >> 1) * 32, wn = (warp & 1) * 32;
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[2][2];
#pragma unroll
  for (int i = 0; i < 2; i++)
#pragma unroll
    for (int j = 0; j < 2; j++) wmma::fill_fragment(acc[i][j], 0.f);
  for (int k0 = 0; k0 < K; k0 += BK) {
    for (int i = threadIdx.x; i < BM * BK; i += 128) {
      const int m = i / BK, k = i % BK;
      As[m * LDS + k] = to_wt(m0 + m < rows && k0 + k < K ? x[(size_t) (m0 + m) * K + k0 + k] : 0.f);
    }
    for (int i = threadIdx.x; i < BN * BK; i += 128) {
      const int n = i / BK, k = i % BK;
      Bs[n * LDS + k] = n0 + n < N && k0 + k < K ? w[(size_t) (n0 + n) * K + k0 + k] : to_wt(0.f);
    }
    __syncthreads();
#pragma unroll
    for (int kk = 0; kk < BK; kk += 16) {
      wmma::fragment<wmma::matrix_a, 16, 16, 16, wt, wmma::row_major> a[2];
      wmma::fragment<wmma::matrix_b, 16, 16, 16, wt, wmma::col_major> b[2];
#pragma unroll
      for (int i = 0; i < 2; i++) wmma::load_matrix_sync(a[i], As + (wm + 16 * i) * LDS + kk, LDS);
#pragma unroll
      for (int j = 0; j < 2; j++) wmma::load_matrix_sync(b[j], Bs + (wn + 16 * j) * LDS + kk, LDS);
#pragma unroll
      for (int i = 0; i < 2; i++)
#pragma unroll
        for (int j = 0; j < 2; j++) wmma::mma_sync(acc[i][j], a[i], b[j], acc[i][j]);
    }
    __syncthreads();
  }
#pragma unroll
  for (int i = 0; i < 2; i++)
#pragma unroll
    for (int j = 0; j < 2; j++) wmma::store_matrix_sync(Cs + (wm + 16 * i) * LDC + wn + 16 * j, acc[i][j], LDC, wmma::mem_row_major);
  __syncthreads();
  for (int i = threadIdx.x; i < BM * BN; i += 128) {
    const int m = i / BN, n = i % BN;
    if (m0 + m < rows && n0 + n < N) {
      const size_t at = (size_t) (m0 + m) * N + n0 + n;
      y[at] = Cs[m * LDC + n]{{RES_ADD_AT}};
    }
  }
}
