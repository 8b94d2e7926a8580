package gvm.tools.opt;

import java.nio.charset.StandardCharsets;

/**
 * A named byte range of an input, with the line arithmetic of LLVM's SourceMgr: lines are
 * counted by {@code '\n'}, a line's text stops at {@code '\n'} or {@code '\r'}, and a column is
 * the distance in bytes from the last {@code '\n'} or {@code '\r'} (1-based). Text comes back one
 * char per byte (ISO-8859-1), as the rest of gvm treats MLIR's byte strings.
 */
final class SourceFile {
  private final String name;
  private final byte[] data;
  private final int begin, end;
  private int[] lineStarts;

  SourceFile(String name, byte[] data, int begin, int end) {
    this.name = name;
    this.data = data;
    this.begin = begin;
    this.end = end;
  }

  String name() { return name; }

  byte[] data() { return data; }

  int begin() { return begin; }

  int end() { return end; }

  String text() { return new String(data, begin, end - begin, StandardCharsets.ISO_8859_1); }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int n = 1;
      for (int i = begin; i < end; i++) if (data[i] == '\n') n++;
      int[] ls = new int[n];
      int k = 0;
      ls[k++] = begin;
      for (int i = begin; i < end; i++) if (data[i] == '\n') ls[k++] = i + 1;
      lineStarts = ls;
    }
    return lineStarts;
  }

  /** 1-based line of an absolute offset. */
  int line(int offset) {
    int[] ls = lineStarts();
    int lo = 0, hi = ls.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (ls[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo + 1;
  }

  /** 1-based column of an absolute offset (SourceMgr::getLineAndColumn). */
  int column(int offset) {
    int i = Math.min(offset, end) - 1;
    while (i >= begin && data[i] != '\n' && data[i] != '\r') i--;
    return offset - i;
  }

  /**
   * The absolute offset of {@code line:col}, or -1 when it is not in the buffer or the column runs
   * past the line (SourceMgr::FindLocForLineAndColumn).
   */
  int offsetOf(int line, int col) {
    if (line < 1 || line > lineStarts().length) return -1;
    int p = lineStarts()[line - 1];
    int c = col == 0 ? 0 : col - 1;
    if (c == 0) return p;
    if ((long) p + c > end) return -1;
    for (int i = p; i < p + c; i++) if (data[i] == '\n' || data[i] == '\r') return -1;
    return p + c;
  }

  /** Start of the line holding {@code offset}: after the last {@code '\n'} or {@code '\r'} before it. */
  int lineStart(int offset) {
    int i = Math.min(offset, end);
    while (i > begin && data[i - 1] != '\n' && data[i - 1] != '\r') i--;
    return i;
  }

  /** End of the line holding {@code offset}: the first {@code '\n'}, {@code '\r'} or the buffer end. */
  int lineEnd(int offset) {
    int i = offset;
    while (i < end && data[i] != '\n' && data[i] != '\r') i++;
    return i;
  }

  /** Bytes {@code [from, to)} as ISO-8859-1 text. */
  String slice(int from, int to) { return new String(data, from, to - from, StandardCharsets.ISO_8859_1); }
}
