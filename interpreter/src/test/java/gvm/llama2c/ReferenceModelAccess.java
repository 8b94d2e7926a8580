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
}
