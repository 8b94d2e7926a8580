// Emitted by gvm's convert-gptvm-to-cuda. Activations are fp32, 2-D weights are {{WTYPE}},
// accumulation is fp32. Launch convention: result buffers, operand buffers, then
// (int rows, const int* state, int imm): rows = tokens of the step, state[0] = cache length
// before the step, imm = the launch's immediate (the layer for kv kernels).
#include <cuda_fp16.h>
#include <cuda_bf16.h>
#include <stdint.h>

typedef {{WTYPE}} wt;

__device__ __forceinline__ float to_float(float v) { return v; }
__device__ __forceinline__ float to_float(__half v) { return __half2float(v); }
__device__ __forceinline__ float to_float(__nv_bfloat16 v) { return __bfloat162float(v); }
__device__ __forceinline__ wt to_wt(float v) { return {{TO_WT}}; }

__device__ __forceinline__ float warp_sum(float v) {
  for (int o = 16; o > 0; o >>= 1) v += __shfl_xor_sync(0xffffffffu, v, o);
  return v;
}

__device__ __forceinline__ float warp_max(float v) {
  for (int o = 16; o > 0; o >>= 1) v = fmaxf(v, __shfl_xor_sync(0xffffffffu, v, o));
  return v;
}

// Sum (max) over the block; every thread gets it. blockDim.x is a multiple of 32.
__device__ inline float block_reduce(float v, bool max) {
  __shared__ float part[32];
  const int lane = threadIdx.x & 31, warp = threadIdx.x >> 5, warps = blockDim.x >> 5;
  v = max ? warp_max(v) : warp_sum(v);
  __syncthreads();  // part[] may still be read by a previous call
  if (lane == 0) part[warp] = v;
  __syncthreads();
  v = lane < warps ? part[lane] : (max ? -INFINITY : 0.f);
  return max ? warp_max(v) : warp_sum(v);
}

// RoPE: cos and sin of pair i (of rot lanes) at position pos, angles in double precision as the
// interpreter's; pair i is (2i, 2i+1) interleaved or (i, i + rot/2) rotate_half.
__device__ inline void rope_pair(int pos, int i, int rot, double theta, bool interleaved, float* c, float* s, int* ia, int* ib) {
  const double angle = pos * (1.0 / pow(theta, (2.0 * i) / rot));
  *c = (float) cos(angle);
  *s = (float) sin(angle);
  *ia = interleaved ? 2 * i : i;
  *ib = interleaved ? 2 * i + 1 : i + rot / 2;
}
