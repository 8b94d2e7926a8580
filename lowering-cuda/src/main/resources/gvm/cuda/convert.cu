// Weight upload: dst[i] = {{WTYPE}}(src[i]) (round to nearest even), the checkpoint's fp32 staged on the device.
extern "C" __global__ void __launch_bounds__(256) {{NAME}}(wt* __restrict__ dst, const float* __restrict__ src, long long n) {
  for (long long i = (long long) blockIdx.x * blockDim.x + threadIdx.x; i < n; i += (long long) gridDim.x * blockDim.x) dst[i] = to_wt(src[i]);
}
