package gvm.testing.filecheck;

import java.util.Arrays;

/**
 * A named buffer of one-byte characters (ISO-8859-1 decoded, so columns count bytes as LLVM's
 * do), with a lazily built index of line starts for line/column lookups.
 */
final class SourceText {
  final String name;
  final String text;
  private int[] lineStarts;
  private int lineCount;

  SourceText(String name, String text) {
    this.name = name;
    this.text = text;
  }

  private void index() {
    int[] starts = new int[16];
    int n = 0;
    starts[n++] = 0;
    for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
      if (n == starts.length) {
        starts = Arrays.copyOf(starts, n * 2);
      }
      starts[n++] = i + 1;
    }
    lineStarts = starts;
    lineCount = n;
  }

  /** 1-based line of offset {@code pos}, counting '\n' only (as SourceMgr does). */
  int lineOf(int pos) {
    if (lineStarts == null) {
      index();
    }
    int i = Arrays.binarySearch(lineStarts, 0, lineCount, pos);
    return i >= 0 ? i + 1 : -i - 1;
  }

  /** 1-based column of offset {@code pos}. */
  int columnOf(int pos) {
    return pos - lineStart(lineOf(pos)) + 1;
  }

  /** Offset of the first character of 1-based {@code line}. */
  int lineStart(int line) {
    if (lineStarts == null) {
      index();
    }
    return lineStarts[line - 1];
  }
}
