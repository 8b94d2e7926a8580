package gvm.tools.opt;

import gvm.parser.SourceBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A named byte range of an input, with the line arithmetic of LLVM's SourceMgr: lines are
 * counted by {@code '\n'}, a line's text stops at {@code '\n'} or {@code '\r'}, and a column is
 * the distance in bytes from the last {@code '\n'} or {@code '\r'} (1-based). Text comes back one
 * char per byte (ISO-8859-1), as the rest of gvm treats MLIR's byte strings.
 */
final class SourceFile {
  private final SourceBuffer buffer;

  SourceFile(String name, byte[] data, int begin, int end) { this.buffer = new SourceBuffer(name, data, begin, end); }

  /** The same bytes as the parser's buffer. */
  SourceBuffer buffer() { return buffer; }

  String name() { return buffer.name(); }

  byte[] data() { return buffer.data(); }

  int begin() { return buffer.begin(); }

  /** The chunk's text, one char per byte. */
  String text() { return new String(data(), begin(), end() - begin(), java.nio.charset.StandardCharsets.ISO_8859_1); }

  int end() { return buffer.end(); }

  /** 1-based line of an absolute offset. */
  int line(int offset) { return buffer.line(offset); }

  /** 1-based column of an absolute offset (SourceMgr::getLineAndColumn). */
  int column(int offset) {
    byte[] data = data();
    int i = Math.min(offset, end()) - 1;
    while (i >= begin() && data[i] != '\n' && data[i] != '\r') i--;
    return offset - i;
  }

  /**
   * The absolute offset of {@code line:col}, or -1 when it is not in the buffer or the column runs
   * past the line (SourceMgr::FindLocForLineAndColumn).
   */
  int offsetOf(int line, int col) {
    if (line < 1 || line > buffer.lineCount()) return -1;
    byte[] data = data();
    int p = begin();
    for (int l = 1; l < line; p++) if (data[p] == '\n') l++;
    int c = col == 0 ? 0 : col - 1;
    if ((long) p + c > end()) return -1;
    for (int i = p; i < p + c; i++) if (data[i] == '\n' || data[i] == '\r') return -1;
    return p + c;
  }

  /** Start of the line holding {@code offset}: after the last {@code '\n'} or {@code '\r'} before it. */
  int lineStart(int offset) {
    byte[] data = data();
    int i = Math.min(offset, end());
    while (i > begin() && data[i - 1] != '\n' && data[i - 1] != '\r') i--;
    return i;
  }

  /** End of the line holding {@code offset}: the first {@code '\n'}, {@code '\r'} or the buffer end. */
  int lineEnd(int offset) {
    byte[] data = data();
    int i = offset;
    while (i < end() && data[i] != '\n' && data[i] != '\r') i++;
    return i;
  }

  /** Bytes {@code [from, to)} as ISO-8859-1 text. */
  String slice(int from, int to) { return new String(data(), from, to - from, StandardCharsets.ISO_8859_1); }
}
