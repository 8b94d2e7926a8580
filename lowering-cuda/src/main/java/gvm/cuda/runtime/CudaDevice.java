package gvm.cuda.runtime;

import static jcuda.driver.JCudaDriver.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import jcuda.Pointer;
import jcuda.driver.CUcontext;
import jcuda.driver.CUdevice;
import jcuda.driver.CUdevice_attribute;
import jcuda.driver.CUdeviceptr;
import jcuda.driver.CUresult;
import jcuda.driver.CUstream;

/**
 * The first CUDA device, through JCuda's driver API: a context, one stream (everything of a run
 * is ordered on it) and the device memory allocated through it, freed on {@link #close()}.
 */
public final class CudaDevice implements AutoCloseable {
  private final CUcontext context = new CUcontext();
  final CUstream stream = new CUstream();
  private final List<CUdeviceptr> allocations = new ArrayList<>();
  private final String name;
  private final int major, minor;
  private final double peakBandwidth;

  private CudaDevice() {
    int rc;
    try {
      setExceptionsEnabled(false);
      rc = cuInit(0);
    } catch (UnsatisfiedLinkError | NoClassDefFoundError | ExceptionInInitializerError e) {
      throw new CudaException("no CUDA driver: " + firstLine(e.getMessage()) + " (is there an NVIDIA GPU and its driver?)");
    }
    if (rc != CUresult.CUDA_SUCCESS) throw new CudaException("no CUDA device: cuInit failed with " + CUresult.stringFor(rc));
    int[] count = {0};
    check(cuDeviceGetCount(count), "cuDeviceGetCount");
    if (count[0] == 0) throw new CudaException("no CUDA device found");
    CUdevice dev = new CUdevice();
    check(cuDeviceGet(dev, 0), "cuDeviceGet");
    byte[] nameBytes = new byte[256];
    check(cuDeviceGetName(nameBytes, nameBytes.length, dev), "cuDeviceGetName");
    int len = 0;
    while (len < nameBytes.length && nameBytes[len] != 0) len++;
    name = new String(nameBytes, 0, len, StandardCharsets.UTF_8);
    major = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MAJOR);
    minor = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_COMPUTE_CAPABILITY_MINOR);
    long clockKhz = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_MEMORY_CLOCK_RATE);
    long busBits = attribute(dev, CUdevice_attribute.CU_DEVICE_ATTRIBUTE_GLOBAL_MEMORY_BUS_WIDTH);
    peakBandwidth = 2.0 * clockKhz * 1e3 * busBits / 8;
    check(cuCtxCreate(context, 0, dev), "cuCtxCreate");
    check(cuStreamCreate(stream, 0), "cuStreamCreate");
  }

  /**
   * Opens device 0.
   *
   * @throws CudaException (one line) when there is no driver or no device
   */
  public static CudaDevice open() { return new CudaDevice(); }

  /** Whether a CUDA device can be opened (for tests that skip without one). */
  public static boolean available() {
    try (CudaDevice d = open()) {
      return true;
    } catch (CudaException e) {
      return false;
    }
  }

  public String name() { return name; }

  /** {@code sm_XY} of the device's compute capability. */
  public String arch() { return "sm_" + major + minor; }

  /** Peak memory bandwidth in bytes/s from the memory clock and bus width (0 when the driver does not say). */
  public double peakBandwidth() { return peakBandwidth; }

  private static int attribute(CUdevice dev, int attr) {
    int[] v = {0};
    check(cuDeviceGetAttribute(v, attr, dev), "cuDeviceGetAttribute");
    return v[0];
  }

  /** Allocates {@code bytes} of device memory (at least 4), owned by this device. */
  public CUdeviceptr alloc(long bytes) {
    CUdeviceptr p = new CUdeviceptr();
    int rc = cuMemAlloc(p, Math.max(4, bytes));
    if (rc != CUresult.CUDA_SUCCESS) throw new CudaException("cannot allocate " + bytes + " bytes on " + name + ": " + CUresult.stringFor(rc));
    allocations.add(p);
    return p;
  }

  /** Frees memory from {@link #alloc}. */
  public void free(CUdeviceptr p) {
    if (allocations.remove(p)) cuMemFree(p);
  }

  // Uploads are ordered on the stream; from pageable memory they return once the data is staged.

  public void upload(CUdeviceptr dst, int[] src) { check(cuMemcpyHtoDAsync(dst, Pointer.to(src), 4L * src.length, stream), "cuMemcpyHtoDAsync"); }

  public void upload(CUdeviceptr dst, java.nio.FloatBuffer src) {
    check(cuMemcpyHtoDAsync(dst, Pointer.to(src), 4L * src.remaining(), stream), "cuMemcpyHtoDAsync");
    synchronize();
  }

  public void download(float[] dst, CUdeviceptr src, int count) {
    check(cuStreamSynchronize(stream), "cuStreamSynchronize");
    check(cuMemcpyDtoH(Pointer.to(dst), src, 4L * count), "cuMemcpyDtoH");
  }

  public void download(int[] dst, CUdeviceptr src, int count) {
    check(cuStreamSynchronize(stream), "cuStreamSynchronize");
    check(cuMemcpyDtoH(Pointer.to(dst), src, 4L * count), "cuMemcpyDtoH");
  }

  /** Waits for the stream. */
  public void synchronize() { check(cuStreamSynchronize(stream), "cuStreamSynchronize"); }

  /** Throws a one-line {@link CudaException} naming {@code call} unless {@code rc} is success. */
  static void check(int rc, String call) {
    if (rc != CUresult.CUDA_SUCCESS) throw new CudaException(call + " failed: " + CUresult.stringFor(rc));
  }

  private static String firstLine(String s) {
    if (s == null) return "the JCuda driver library did not load";
    int nl = s.indexOf('\n');
    return nl < 0 ? s : s.substring(0, nl);
  }

  @Override public void close() {
    for (CUdeviceptr p : allocations) cuMemFree(p);
    allocations.clear();
    cuCtxDestroy(context);
  }
}
