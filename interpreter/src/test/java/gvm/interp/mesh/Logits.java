package gvm.interp.mesh;

import java.util.List;

/** Comparing the logits of a sharded run with the unsharded run's. */
final class Logits {
  private Logits() {}

  /** The relative L2 error of {@code actual} against {@code expected}, over all positions (equal counts and lengths). */
  static double relativeL2(List<float[]> expected, List<float[]> actual) {
    double err = 0, norm = 0;
    for (int p = 0; p < actual.size(); p++)
      for (int i = 0; i < actual.get(p).length; i++) {
        double e = expected.get(p)[i], d = actual.get(p)[i] - e;
        err += d * d;
        norm += e * e;
      }
    return Math.sqrt(err / norm);
  }
}
