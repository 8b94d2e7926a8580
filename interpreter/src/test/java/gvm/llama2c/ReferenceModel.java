package gvm.llama2c;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An independent float64 forward pass with llama2.c's semantics, written straight from
 * llama_ref.py (loops over plain arrays, no gvm code), to check the interpreter against.
 */
final class ReferenceModel {
  final int dim, hidden, layers, heads, kvHeads, vocab, seq, hs, kvDim;
  final double[] emb, rmsAtt, wq, wk, wv, wo, rmsFfn, w1, w2, w3, rmsFinal, wcls;

  ReferenceModel(Path path) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(path)).order(ByteOrder.LITTLE_ENDIAN);
    dim = b.getInt();
    hidden = b.getInt();
    layers = b.getInt();
    heads = b.getInt();
    kvHeads = b.getInt();
    int v = b.getInt();
    seq = b.getInt();
    vocab = Math.abs(v);
    hs = dim / heads;
    kvDim = kvHeads * hs;
    emb = take(b, vocab * dim);
    rmsAtt = take(b, layers * dim);
    wq = take(b, layers * dim * dim);
    wk = take(b, layers * kvDim * dim);
    wv = take(b, layers * kvDim * dim);
    wo = take(b, layers * dim * dim);
    rmsFfn = take(b, layers * dim);
    w1 = take(b, layers * hidden * dim);
    w2 = take(b, layers * dim * hidden);
    w3 = take(b, layers * hidden * dim);
    rmsFinal = take(b, dim);
    b.position(b.position() + 4 * seq * hs);
    wcls = v > 0 ? emb : take(b, vocab * dim);
  }

  private static double[] take(ByteBuffer b, int n) {
    double[] a = new double[n];
    for (int i = 0; i < n; i++) a[i] = b.getFloat();
    return a;
  }

  private static double[] matvec(double[] w, int off, double[] x, int rows, int cols) {
    double[] y = new double[rows];
    for (int r = 0; r < rows; r++) {
      double s = 0;
      for (int c = 0; c < cols; c++) s += w[off + r * cols + c] * x[c];
      y[r] = s;
    }
    return y;
  }

  private static double[] rmsnorm(double[] x, double[] w, int off) {
    double ss = 0;
    for (double v : x) ss += v * v;
    ss = ss / x.length + 1e-5;
    double[] y = new double[x.length];
    for (int i = 0; i < x.length; i++) y[i] = w[off + i] * (x[i] / Math.sqrt(ss));
    return y;
  }

  private void rope(double[] v, int pos) {
    for (int i = 0; i < v.length; i += 2) {
      int j = i % hs;
      double ang = pos / Math.pow(10000.0, (double) j / hs);
      double c = Math.cos(ang), s = Math.sin(ang), a = v[i], b = v[i + 1];
      v[i] = a * c - b * s;
      v[i + 1] = a * s + b * c;
    }
  }

  /** Greedy generation as llama_ref.generate; returns ids and fills {@code logitsOut} per position. */
  List<Integer> generate(int[] prompt, int steps, List<double[]> logitsOut) {
    if (steps <= 0 || steps > seq) steps = seq;
    double[][] kc = new double[layers][seq * kvDim], vc = new double[layers][seq * kvDim];
    List<Integer> ids = new ArrayList<>();
    int token = prompt[0];
    ids.add(token);
    for (int pos = 0; pos < steps; pos++) {
      double[] x = new double[dim];
      System.arraycopy(emb, token * dim, x, 0, dim);
      for (int l = 0; l < layers; l++) {
        double[] xb = rmsnorm(x, rmsAtt, l * dim);
        double[] q = matvec(wq, l * dim * dim, xb, dim, dim);
        double[] k = matvec(wk, l * kvDim * dim, xb, kvDim, dim);
        double[] v = matvec(wv, l * kvDim * dim, xb, kvDim, dim);
        rope(q, pos);
        rope(k, pos);
        System.arraycopy(k, 0, kc[l], pos * kvDim, kvDim);
        System.arraycopy(v, 0, vc[l], pos * kvDim, kvDim);
        double[] out = new double[dim];
        for (int h = 0; h < heads; h++) {
          int g = h / (heads / kvHeads);
          double[] sc = new double[pos + 1];
          double max = Double.NEGATIVE_INFINITY;
          for (int t = 0; t <= pos; t++) {
            double s = 0;
            for (int i = 0; i < hs; i++) s += q[h * hs + i] * kc[l][t * kvDim + g * hs + i];
            sc[t] = s / Math.sqrt(hs);
            max = Math.max(max, sc[t]);
          }
          double sum = 0;
          for (int t = 0; t <= pos; t++) sum += sc[t] = Math.exp(sc[t] - max);
          for (int t = 0; t <= pos; t++)
            for (int i = 0; i < hs; i++) out[h * hs + i] += sc[t] / sum * vc[l][t * kvDim + g * hs + i];
        }
        double[] o = matvec(wo, l * dim * dim, out, dim, dim);
        for (int i = 0; i < dim; i++) x[i] += o[i];
        xb = rmsnorm(x, rmsFfn, l * dim);
        double[] h1 = matvec(w1, l * hidden * dim, xb, hidden, dim), h3 = matvec(w3, l * hidden * dim, xb, hidden, dim);
        for (int i = 0; i < hidden; i++) h1[i] = h1[i] / (1 + Math.exp(-h1[i])) * h3[i];
        double[] f = matvec(w2, l * dim * hidden, h1, dim, hidden);
        for (int i = 0; i < dim; i++) x[i] += f[i];
      }
      double[] lg = matvec(wcls, 0, rmsnorm(x, rmsFinal, 0), vocab, dim);
      logitsOut.add(lg);
      int next;
      if (pos < prompt.length - 1) {
        next = prompt[pos + 1];
      } else {
        next = 0;
        for (int i = 1; i < vocab; i++) if (lg[i] > lg[next]) next = i;
      }
      if (next == 1) break;
      ids.add(next);
      token = next;
    }
    return ids;
  }
}
