// GEMM for prefill on tensor cores (WMMA 16x16x16, {{WTYPE}} inputs, fp32 accumulation):
// y[r, n] = sum_k x[r, k] * w[n, k]{{RES_DOC}}, w [{{N}} x {{K}}] row-major (k a multiple of 32).
// A block of 8 warps computes a 128x128 tile of y, each warp 64x32 (4x2 fragments), stepping k by
// 32 through shared memory; the next step's tiles are fetched with 16-byte loads into registers
// (x rounded to {{WTYPE}} as it is staged) while the current one is multiplied. Each warp writes
// its fragments out through a staging tile of its own. Grid: (ceil(N / 128), ceil(rows / 128)).
#include <mma.h>
using namespace nvcuda;

extern "C" __global__ void __launch_bounds__(256) {{NAME}}(float* __restrict__ y, const float* __restrict__ x,
    const wt* __restrict__ w{{RES_PARAM}}, int rows, const int* state, int imm) {
  constexpr int N = {{N}}, K = {{K}}, BM = 128, BN = 128, BK = 32, LDS = BK + 8, LDC = 20;
  __shared__ __align__(32) wt As[BM * LDS];
  __shared__ __align__(32) wt Bs[BN * LDS];
  __shared__ __align__(32) float Cs[8][16 * LDC];
  const int tid = threadIdx.x, warp = tid >> 5, lane = tid & 31;
  const int m0 = blockIdx.y * BM, n0 = blockIdx.x * BN, wm = (warp >> 2) * 64, wn = (warp & 3) * 32;
  // This thread's share of a step: 4 float4 of x (rows tid/8 + 32i, k (tid%8)*4) and 2 x 16 bytes
  // of w (rows tid/4 + 64i, k (tid%4)*8).
  float4 ra[4];
  uint4 rb[2];
  auto fetch = [&](int k0) {
#pragma unroll
    for (int i = 0; i < 4; i++) {
      const int m = tid / 8 + 32 * i, k = (tid % 8) * 4;
      ra[i] = m0 + m < rows ? *reinterpret_cast<const float4*>(x + (size_t) (m0 + m) * K + k0 + k) : make_float4(0.f, 0.f, 0.f, 0.f);
    }
#pragma unroll
    for (int i = 0; i < 2; i++) {
      const int n = tid / 4 + 64 * i, k = (tid % 4) * 8;
      rb[i] = n0 + n < N ? __ldg(reinterpret_cast<const uint4*>(w + (size_t) (n0 + n) * K + k0 + k)) : make_uint4(0, 0, 0, 0);
    }
  };
  auto stage = [&]() {
#pragma unroll
    for (int i = 0; i < 4; i++) {
      wt* a = As + (tid / 8 + 32 * i) * LDS + (tid % 8) * 4;
      a[0] = to_wt(ra[i].x);
      a[1] = to_wt(ra[i].y);
      a[2] = to_wt(ra[i].z);
      a[3] = to_wt(ra[i].w);
    }
#pragma unroll
    for (int i = 0; i < 2; i++) *reinterpret_cast<uint4*>(Bs + (tid / 4 + 64 * i) * LDS + (tid % 4) * 8) = rb[i];
  };
  wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[4][2];
#pragma unroll
  for (int i = 0; i < 4; i++)
#pragma unroll
    for (int j = 0; j < 2; j++) wmma::fill_fragment(acc[i][j], 0.f);
  fetch(0);
  for (int k0 = 0; k0 < K; k0 += BK) {
    stage();
    __syncthreads();
    if (k0 + BK < K) fetch(k0 + BK);
#pragma unroll
    for (int kk = 0; kk < BK; kk += 16) {
      wmma::fragment<wmma::matrix_a, 16, 16, 16, wt, wmma::row_major> a[4];
      wmma::fragment<wmma::matrix_b, 16, 16, 16, wt, wmma::col_major> b[2];
#pragma unroll
      for (int i = 0; i < 4; i++) wmma::load_matrix_sync(a[i], As + (wm + 16 * i) * LDS + kk, LDS);
#pragma unroll
      for (int j = 0; j < 2; j++) wmma::load_matrix_sync(b[j], Bs + (wn + 16 * j) * LDS + kk, LDS);
#pragma unroll
      for (int i = 0; i < 4; i++)
#pragma unroll
        for (int j = 0; j < 2; j++) wmma::mma_sync(acc[i][j], a[i], b[j], acc[i][j]);
    }
    __syncthreads();
  }
  float* cs = Cs[warp];
#pragma unroll
  for (int i = 0; i < 4; i++)
#pragma unroll
    for (int j = 0; j < 2; j++) {
      wmma::store_matrix_sync(cs, acc[i][j], LDC, wmma::mem_row_major);
      __syncwarp();
      for (int e = lane; e < 256; e += 32) {
        const int m = m0 + wm + 16 * i + e / 16, n = n0 + wn + 16 * j + e % 16;
        if (m < rows && n < N) {
          const size_t at = (size_t) m * N + n;
          y[at] = cs[(e / 16) * LDC + e % 16]{{RES_ADD_AT}};
        }
      }
      __syncwarp();
    }
}
