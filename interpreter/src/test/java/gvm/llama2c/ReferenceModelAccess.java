package gvm.llama2c;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** The float64 reference (package-private {@link ReferenceModel}) for tests of other packages. */
public final class ReferenceModelAccess {
  private ReferenceModelAccess() {}

  /** Greedy ids of the llama2.c checkpoint {@code bin}, filling {@code logits} per position. */
  public static List<Integer> generate(Path bin, int[] prompt, int steps, List<double[]> logits) throws IOException {
    return new ReferenceModel(bin).generate(prompt, steps, logits);
  }

  /** Relative L2 error of {@code got} against {@code ref} over all positions. */
  public static double relL2(List<double[]> ref, List<float[]> got) {
    double num = 0, den = 0;
    for (int p = 0; p < Math.min(ref.size(), got.size()); p++)
      for (int i = 0; i < ref.get(p).length; i++) {
        double d = got.get(p)[i] - ref.get(p)[i];
        num += d * d;
        den += ref.get(p)[i] * ref.get(p)[i];
      }
    return Math.sqrt(num / den);
  }

  /** A golden file of the numpy reference, from the test resources' llama2c/ folder. */
  public static byte[] resource(String name) throws IOException {
    try (java.io.InputStream s = ReferenceModelAccess.class.getResourceAsStream("/llama2c/" + name)) {
      return s.readAllBytes();
    }
  }

  /** Golden logits: little-endian float32 rows of {@code vocab}. */
  public static List<double[]> logits(String name, int vocab) throws IOException {
    java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(resource(name)).order(java.nio.ByteOrder.LITTLE_ENDIAN);
    List<double[]> ref = new java.util.ArrayList<>();
    while (b.hasRemaining()) {
      double[] row = new double[vocab];
      for (int i = 0; i < vocab; i++) row[i] = b.getFloat();
      ref.add(row);
    }
    return ref;
  }

  /** Ids as llama_ref prints them: comma separated. */
  public static String ids(List<Integer> ids) { return ids.stream().map(String::valueOf).reduce((a, b) -> a + "," + b).orElse(""); }
}
