package gvm.transforms.autoshard;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The machine the cost model prices a plan on, read from JSON (snake_case keys): the number of
 * devices and their memory, peak FLOP/s per element type, memory bandwidth (bytes/s), and one link
 * per mesh axis (the last link serves the axes after it) with the alpha-beta parameters of a
 * collective: {@code alpha} seconds of latency and {@code bandwidth} bytes/s. The default,
 * {@code h100x8.json}, is an 8×H100 SXM node on NVLink 4 (dense peak rates from NVIDIA's data sheet;
 * 450 GB/s per direction per GPU; 5 µs per NCCL collective).
 */
public record MachineModel(String name, int devices, double memoryGib, Map<String, Double> flops, double memoryBandwidth, List<Link> links) {
  /** Alpha-beta parameters of the links along one mesh axis. */
  public record Link(double alpha, double bandwidth) {}

  private static final ObjectMapper JSON = new ObjectMapper()
      .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  /** The 8×H100 NVLink node. */
  public static MachineModel defaultModel() {
    try (InputStream in = MachineModel.class.getResourceAsStream("h100x8.json")) {
      return JSON.readValue(in, MachineModel.class).validated("h100x8.json");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Reads a machine description.
   *
   * @throws IllegalArgumentException with a one-line message when the file is unreadable, not the expected JSON, or out of range
   */
  public static MachineModel read(Path file) {
    try {
      return JSON.readValue(Files.readAllBytes(file), MachineModel.class).validated(file.toString());
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("cannot read the machine description " + file + ": no such file");
    } catch (IOException e) {
      String m = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
      throw new IllegalArgumentException("cannot read the machine description " + file + ": " + m);
    }
  }

  private MachineModel validated(String source) {
    if (devices < 1 || memoryBandwidth <= 0 || flops == null || flops.isEmpty() || links == null || links.isEmpty())
      throw new IllegalArgumentException("machine description " + source + " needs devices >= 1, memory_bandwidth > 0, flops and at least one link");
    for (Link l : links)
      if (l.alpha < 0 || l.bandwidth <= 0) throw new IllegalArgumentException("machine description " + source + ": a link needs alpha >= 0 and bandwidth > 0");
    for (double f : flops.values()) if (f <= 0) throw new IllegalArgumentException("machine description " + source + ": flops must be positive");
    return this;
  }

  /** Peak FLOP/s on elements of type {@code t} (f32 when the table has no entry for it). */
  public double flopsFor(Type t) {
    String key = "f32";
    if (t instanceof FloatType f) key = f.equals(FloatType.BF16) ? "bf16" : "f" + f.width();
    else if (t instanceof IntegerType i) key = "i" + i.width();
    Double v = flops.get(key);
    if (v == null) v = flops.get("f32");
    if (v == null) v = flops.values().iterator().next();
    return v;
  }

  /** Roofline time of {@code flops} operations on {@code elementType} touching {@code bytes} of device memory. */
  public double computeSeconds(double flops, double bytes, Type elementType) {
    return Math.max(flops / flopsFor(elementType), bytes / memoryBandwidth);
  }

  /** The link along mesh axis {@code axis}. */
  public Link link(int axis) { return links.get(Math.min(axis, links.size() - 1)); }

  /** A group of devices along some mesh axes: its size and its slowest link. */
  private record Group(long size, double alpha, double bandwidth) {}

  private Group group(long[] meshShape, long[] axes) {
    long n = 1;
    double alpha = 0, bw = Double.POSITIVE_INFINITY;
    for (long a : axes) {
      n *= meshShape[(int) a];
      Link l = link((int) a);
      alpha = Math.max(alpha, l.alpha);
      bw = Math.min(bw, l.bandwidth);
    }
    return new Group(n, alpha, bw);
  }

  /** Ring all-reduce of {@code bytes} per device over {@code axes}: alpha + 2(n-1)/n · bytes / bandwidth. */
  public double allReduce(double bytes, long[] meshShape, long[] axes) {
    Group g = group(meshShape, axes);
    return g.size <= 1 ? 0 : g.alpha + 2.0 * (g.size - 1) / g.size * bytes / g.bandwidth;
  }

  /** All-gather producing {@code bytes} per device: alpha + (n-1)/n · bytes / bandwidth. */
  public double allGather(double bytes, long[] meshShape, long[] axes) {
    Group g = group(meshShape, axes);
    return g.size <= 1 ? 0 : g.alpha + (double) (g.size - 1) / g.size * bytes / g.bandwidth;
  }

  /** Reduce-scatter of {@code bytes} per device: alpha + (n-1)/n · bytes / bandwidth. */
  public double reduceScatter(double bytes, long[] meshShape, long[] axes) { return allGather(bytes, meshShape, axes); }

  /** All-to-all of {@code bytes} per device: alpha + (n-1)/n² · bytes / bandwidth (as Alpa prices it). */
  public double allToAll(double bytes, long[] meshShape, long[] axes) {
    Group g = group(meshShape, axes);
    return g.size <= 1 ? 0 : g.alpha + (double) (g.size - 1) / g.size / g.size * bytes / g.bandwidth;
  }
}
