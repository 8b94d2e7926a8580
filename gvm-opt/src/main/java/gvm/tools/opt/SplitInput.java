package gvm.tools.opt;

import gvm.ir.Diagnostic;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code -split-input-file}, as MLIR's splitAndProcessBuffer: the input is cut at each marker
 * ({@code // -----} by default); each chunk starts right after its marker and is named
 * {@code within split at FILE:N offset }, N being the line of the marker (1 for the first chunk).
 * A marker followed by anything but a line's usual text after its dashes ({@code // ----},
 * {@code // -----0}) is a near miss: a warning, and the chunk goes on.
 */
final class SplitInput {
  private static final int CHECK_LEN = 2;

  private SplitInput() {}

  /** A chunk: the original bytes {@code [begin, end)} and its buffer name. */
  record Chunk(String name, int begin, int end) {}

  /**
   * Splits {@code file} at {@code marker}; near misses are printed as warnings through {@code
   * warnings}. An empty input gives no chunk at all, as in MLIR.
   */
  static List<Chunk> split(SourceFile file, String marker, DiagnosticPrinter warnings) {
    byte[] data = file.data();
    if (marker.length() <= CHECK_LEN) return List.of(new Chunk("within split at " + file.name() + ":1 offset ", file.begin(), file.end()));
    List<int[]> raw = new ArrayList<>();
    byte[] sep = marker.substring(0, marker.length() - CHECK_LEN).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    byte[] tail = marker.substring(marker.length() - CHECK_LEN).getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
    int start = file.begin();
    for (int i = file.begin(); i + sep.length <= file.end(); ) {
      if (regionMatches(data, i, sep)) {
        raw.add(new int[] {start, i});
        i += sep.length;
        start = i;
      } else {
        i++;
      }
    }
    raw.add(new int[] {start, file.end()});

    List<int[]> buffers = new ArrayList<>();
    int[] prev = null;
    for (int[] b : raw) {
      if (prev == null || prev[1] == prev[0]) {
        prev = b;
        continue;
      }
      int len = b[1] - b[0];
      boolean expected = len > CHECK_LEN && regionMatches(data, b[0], tail) && data[b[0] + CHECK_LEN] != '0';
      if (expected) {
        buffers.add(prev);
        prev = new int[] {b[0] + CHECK_LEN, b[1]};
      } else {
        warnings.printAt(file, b[0], Diagnostic.Severity.WARNING, "near miss with file split marker", -1, -1);
        prev = new int[] {prev[0], b[1]};
      }
    }
    if (prev != null && prev[1] > prev[0]) buffers.add(prev);

    List<Chunk> chunks = new ArrayList<>(buffers.size());
    for (int[] b : buffers) chunks.add(new Chunk("within split at " + file.name() + ":" + file.line(b[0]) + " offset ", b[0], b[1]));
    return chunks;
  }

  private static boolean regionMatches(byte[] data, int at, byte[] s) {
    if (at + s.length > data.length) return false;
    for (int k = 0; k < s.length; k++) if (data[at + k] != s[k]) return false;
    return true;
  }
}
