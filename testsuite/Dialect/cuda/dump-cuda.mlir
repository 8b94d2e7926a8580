// gvm-opt --dump-cuda=DIR writes each kernel as DIR/NAME.cu (the inputs are convert-gptvm-to-cuda.mlir's).
// RUN: rm -rf %t
// RUN: gvm-opt %S/convert-gptvm-to-cuda.mlir -split-input-file -p 'builtin.module(convert-gptvm-to-cuda)' --dump-cuda=%t/f16 -o %t.f16.mlir
// RUN: gvm-opt %S/convert-gptvm-to-cuda.mlir -split-input-file -p 'builtin.module(convert-gptvm-to-cuda{weight-dtype=f32})' --dump-cuda=%t/f32 -o %t.f32.mlir
// RUN: gvm-opt %S/convert-gptvm-to-cuda.mlir -split-input-file -p 'builtin.module(convert-gptvm-to-cuda{weight-dtype=bf16 page-size=256})' --dump-cuda=%t/bf16 -o %t.bf16.mlir
// RUN: FileCheck %s --check-prefix=GEMV < %t/f16/gemv_f16_64x172_res.cu
// RUN: FileCheck %s --check-prefix=QKV < %t/f16/gemv_f16_64_32_32x64_norm.cu
// RUN: FileCheck %s --check-prefix=SWIGLU < %t/f16/gemv_f16_172_172x64_norm_swiglu.cu
// RUN: FileCheck %s --check-prefix=SPLITK < %t/f16/gemv_f16_32x4096.cu
// RUN: FileCheck %s --check-prefix=GEMV32 < %t/f32/gemv_f32_64x64_res.cu
// RUN: FileCheck %s --check-prefix=WMMA < %t/f16/gemm_wmma_f16_64x64_res.cu
// RUN: FileCheck %s --check-prefix=WMMASMALL < %t/f16/gemm_wmma_f16_64x172_res.cu
// RUN: FileCheck %s --check-prefix=WMMABF < %t/bf16/gemm_wmma_bf16_172x64.cu
// RUN: FileCheck %s --check-prefix=GEMM32 < %t/f32/gemm_f32_512x64.cu
// RUN: FileCheck %s --check-prefix=NORM < %t/f16/rms_norm_64.cu
// RUN: FileCheck %s --check-prefix=ROPE < %t/f16/rope_interleaved_8x8.cu
// RUN: FileCheck %s --check-prefix=ROPEH < %t/f16/rope_rotate_half_2x64.cu
// RUN: FileCheck %s --check-prefix=SILUMUL < %t/f16/silu_mul_172.cu
// RUN: FileCheck %s --check-prefix=ADD < %t/f16/add_32.cu
// RUN: FileCheck %s --check-prefix=EMBED < %t/f16/embedding_f16_512x64.cu
// RUN: FileCheck %s --check-prefix=APPEND < %t/f16/kv_append_4x8_p16x32.cu
// RUN: FileCheck %s --check-prefix=APPENDROPE < %t/f16/kv_append_4x8_p16x32_ropei.cu
// RUN: FileCheck %s --check-prefix=DECODE < %t/f16/attention_decode_8x4x8_p16x32_ropei.cu
// RUN: FileCheck %s --check-prefix=PAGE256 < %t/bf16/attention_decode_8x4x8_p256x2_ropei.cu
// RUN: FileCheck %s --check-prefix=PREFILL < %t/f16/attention_prefill_8x4x8_p16x32.cu
// RUN: FileCheck %s --check-prefix=ARGMAX < %t/f16/argmax_512.cu
// RUN: FileCheck %s --check-prefix=ADVANCE < %t/f16/kv_advance.cu

// Every file starts with the prelude: fp32 activations, the weight type, the helpers.
// GEMV: 2-D weights are __half
// GEMV: typedef __half wt;
// GEMV: union wvec { uint2 raw; wt v[4]; };
// GEMV: extern "C" __global__ void __launch_bounds__(256) gemv_f16_64x172_res(float* __restrict__ y0, const float* __restrict__ x, const wt* __restrict__ w0, const float* __restrict__ res, int rows, const int* state, int imm)
// GEMV: constexpr int K = 172, VEC = 4, SPLIT = 1, ROWS = 64;
// GEMV: for (int i = threadIdx.x; i < K; i += blockDim.x) xs[i] = xr[i];
// GEMV: wv.raw = __ldg(reinterpret_cast<const uint2*>(wrow) + c);
// GEMV: acc = warp_sum(acc);
// GEMV: *yout = acc + res[(size_t) r * ROWS + n];

// q, k and v of the normalised input in one launch.
// QKV: gemv_f16_64_32_32x64_norm(float* __restrict__ y0, float* __restrict__ y1, float* __restrict__ y2, const float* __restrict__ x, const float* __restrict__ g, const wt* __restrict__ w0, const wt* __restrict__ w1, const wt* __restrict__ w2,
// QKV: ss = block_reduce(ss, false);
// QKV: const float inv = 1.0f / sqrtf(ss / K + 1.0e-5f);
// QKV: xs[i] = g[i] * (inv * xs[i]);
// QKV: if (n < 64) {
// QKV: } else if (n < 96) {
// QKV: yout = y1 + (size_t) r * 32 + (n - 64);
// QKV: } else {
// QKV: *yout = acc;

// SWIGLU: gemv_f16_172_172x64_norm_swiglu(float* __restrict__ y0, const float* __restrict__ x, const float* __restrict__ g, const wt* __restrict__ w0, const wt* __restrict__ w1,
// SWIGLU: const wt* wrow2 = w1 + (size_t) n * K;
// SWIGLU: acc2 += to_float(wu.v[i]) * xv;
// SWIGLU: *yout = acc / (1.0f + expf(-acc)) * acc2;

// SPLITK: union wvec { uint4 raw; wt v[8]; };
// SPLITK: constexpr int K = 4096, VEC = 8, SPLIT = 8, ROWS = 32;
// SPLITK: partial[warp][0] = acc;
// SPLITK: for (int s = 1; s < SPLIT; s++) { acc += partial[warp + s][0];
// SPLITK: *yout = acc;

// GEMV32: typedef float wt;
// GEMV32: union wvec { uint4 raw; wt v[4]; };

// WMMA: #include <mma.h>
// WMMA: gemm_wmma_f16_64x64_res(
// WMMA: constexpr int N = 64, K = 64, BM = 128, BN = 128, BK = 32
// WMMA: ra[i] = m0 + m < rows ? *reinterpret_cast<const float4*>(x + (size_t) (m0 + m) * K + k0 + k)
// WMMA: rb[i] = n0 + n < N ? __ldg(reinterpret_cast<const uint4*>(w + (size_t) (n0 + n) * K + k0 + k))
// WMMA: wmma::fragment<wmma::accumulator, 16, 16, 16, float> acc[4][2];
// WMMA: if (k0 + BK < K) fetch(k0 + BK);
// WMMA: wmma::fragment<wmma::matrix_b, 16, 16, 16, wt, wmma::col_major> b[2];
// WMMA: wmma::mma_sync(acc[i][j], a[i], b[j], acc[i][j]);
// WMMA: y[at] = cs[(e / 16) * LDC + e % 16] + res[at];

// k = 172 is no multiple of 32: the 64x64-tile kernel with bounds on k.
// WMMASMALL: constexpr int N = 64, K = 172, BM = 64, BN = 64, BK = 32
// WMMASMALL: As[m * LDS + k] = to_wt(
// WMMASMALL: wmma::fragment<wmma::matrix_a, 16, 16, 16, wt, wmma::row_major> a[2];
// WMMASMALL: y[at] = Cs[m * LDC + n] + res[at];

// WMMABF: typedef __nv_bfloat16 wt;
// WMMABF: __float2bfloat16(v)
// WMMABF: constexpr int N = 172, K = 64,

// GEMM32: typedef float wt;
// GEMM32: gemm_f32_512x64(
// GEMM32: float acc[4][4] = {};
// GEMM32: acc[i][j] += a[i] * b[j];

// NORM: rms_norm_64(float* __restrict__ y, const float* __restrict__ x,
// NORM: ss = block_reduce(ss, false);
// NORM: const float inv = 1.0f / sqrtf(ss / D + 1.0e-5f);
// NORM: yr[i] = w[i] * (inv * xr[i]);

// ROPE: constexpr int HD = 8, ROT = 8, HALF = ROT / 2;
// ROPE: constexpr bool INTERLEAVED = true;
// ROPE: const int pos = state[0] + blockIdx.y;
// ROPE: rope_pair(pos, i, ROT, 10000.0, INTERLEAVED, &c, &s, &ia, &ib);
// ROPEH: constexpr bool INTERLEAVED = false;

// SILUMUL: silu_mul_172(float* __restrict__ y, const float* __restrict__ x0, const float* __restrict__ x1, int rows, const int* state, int imm)
// SILUMUL: y[at] = a / (1.0f + expf(-a)) * b;
// ADD: y[at] = a + b;

// EMBED: constexpr int V = 512, D = 64;
// EMBED: to_float(table[(size_t) id * D + i])

// APPEND: kv_append_4x8_p16x32(float* __restrict__ pool, const int* __restrict__ pages,
// APPEND: constexpr int PAGE = 16, PAGES = 32, HD = 8, S = 4 * HD;
// APPEND: pages[t / PAGE]
// APPEND-NOT: rope_pair
// APPENDROPE: the keys (rotated by RoPE: 8 lanes, theta 10000.0, interleaved) and values
// APPENDROPE: __syncthreads();
// APPENDROPE: rope_pair(t, j % 4, 8, 10000.0, true, &c, &s, &ia, &ib);
// APPENDROPE: float* pair = slot + (j / 4) * HD;

// DECODE: attention_decode_8x4x8_p16x32_ropei(float* __restrict__ out, const float* __restrict__ pool,
// DECODE: constexpr int H = 8, HD = 8, PAGE = 16, PAGES = 32
// DECODE: const int h = blockIdx.x, r = blockIdx.y, g = h / 2;
// DECODE: rope_pair(p, j % 4, 8, 10000.0, true, &c, &s, &ia, &ib);
// DECODE: pages[t / PAGE]
// DECODE: const float4 k4 = *reinterpret_cast<const float4*>(kt + i);
// DECODE: score[j] = s * 0.35355339059327373f;
// DECODE: m = block_reduce(m, true);
// DECODE: out[((size_t) r * H + h) * HD + i] = o / l;
// PAGE256: constexpr int H = 8, HD = 8, PAGE = 256, PAGES = 2

// PREFILL: constexpr int TILE = 32, QROWS = 16;
// PREFILL: __shared__ float ks[TILE][HD + 1];
// PREFILL: if (t <= p && (WINDOW <= 0 || t > p - WINDOW))
// PREFILL: l[rr] = l[rr] * corr + warp_sum(e);

// ARGMAX: constexpr int V = 512;
// ARGMAX: if (ov > bv || (ov == bv && oi < bi))
// ADVANCE: state[0] += rows;
