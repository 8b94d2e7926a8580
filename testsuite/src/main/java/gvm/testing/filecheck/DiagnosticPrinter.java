package gvm.testing.filecheck;

import java.util.Arrays;

/**
 * Formats located messages the way LLVM's {@code SMDiagnostic::print} does:
 * {@code FILE:LINE:COL: KIND: MESSAGE}, the source line (tabs expanded) and a caret line with
 * {@code ~} under the optional range. Output goes to a buffer that the caller writes out as bytes.
 */
final class DiagnosticPrinter {
  /** Message severities, spelled as LLVM prints them. */
  enum Kind {
    ERROR("error"), NOTE("note"), REMARK("remark");

    final String label;

    Kind(String label) {
      this.label = label;
    }
  }

  private static final int TAB_STOP = 8;
  private final StringBuilder out;

  DiagnosticPrinter(StringBuilder out) {
    this.out = out;
  }

  /** Appends text with no location (e.g. {@code "error: no check strings found..."}). */
  void raw(String text) {
    out.append(text);
  }

  void print(SourceText src, int pos, Kind kind, String message) {
    print(src, pos, kind, message, -1, -1);
  }

  /** Prints a message at {@code pos}; {@code [rangeStart, rangeEnd)} is underlined when rangeStart >= 0. */
  void print(SourceText src, int pos, Kind kind, String message, int rangeStart, int rangeEnd) {
    String text = src.text;
    out.append(src.name).append(':').append(src.lineOf(pos)).append(':').append(src.columnOf(pos))
        .append(": ").append(kind.label).append(": ").append(message).append('\n');
    int lineStart = pos;
    while (lineStart > 0 && text.charAt(lineStart - 1) != '\n' && text.charAt(lineStart - 1) != '\r') {
      lineStart--;
    }
    int lineEnd = pos;
    while (lineEnd < text.length() && text.charAt(lineEnd) != '\n' && text.charAt(lineEnd) != '\r') {
      lineEnd++;
    }
    int columns = lineEnd - lineStart;
    for (int i = lineStart; i < lineEnd; i++) {
      if (text.charAt(i) >= 0x80) {
        // Columns would be wrong for multibyte characters, so LLVM shows the line without a caret.
        out.append(text, lineStart, lineEnd).append('\n');
        return;
      }
    }
    char[] caret = new char[columns + 1];
    Arrays.fill(caret, ' ');
    if (rangeStart >= 0 && rangeStart <= lineEnd && rangeEnd >= lineStart) {
      int from = Math.max(rangeStart, lineStart) - lineStart;
      int to = Math.min(rangeEnd, lineEnd) - lineStart;
      for (int i = from; i < to; i++) {
        caret[i] = '~';
      }
    }
    caret[Math.min(pos - lineStart, columns)] = '^';
    int caretLength = caret.length;
    while (caretLength > 0 && caret[caretLength - 1] == ' ') {
      caretLength--;
    }
    // Source line, expanding tabs to the next multiple of 8 columns.
    int col = 0;
    for (int i = lineStart; i < lineEnd; i++) {
      char c = text.charAt(i);
      if (c != '\t') {
        out.append(c);
        col++;
        continue;
      }
      do {
        out.append(' ');
        col++;
      } while (col % TAB_STOP != 0);
    }
    out.append('\n');
    // Caret line, widening the cells that sit under tabs the same way.
    col = 0;
    for (int i = 0; i < caretLength; i++) {
      if (lineStart + i >= lineEnd || text.charAt(lineStart + i) != '\t') {
        out.append(caret[i]);
        col++;
        continue;
      }
      do {
        out.append(caret[i]);
        col++;
      } while (col % TAB_STOP != 0);
    }
    out.append('\n');
  }
}
