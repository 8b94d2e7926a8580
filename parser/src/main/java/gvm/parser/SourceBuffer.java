package gvm.parser;

import java.nio.charset.StandardCharsets;

/** A named byte range of an input file, with line/column lookup (1-based, columns in bytes). */
public final class SourceBuffer {
  private final String name;
  private final byte[] data;
  private final int begin, end;
  private int[] lineStarts;

  public SourceBuffer(String name, byte[] data, int begin, int end) {
    this.name = name;
    this.data = data;
    this.begin = begin;
    this.end = end;
  }

  public static SourceBuffer of(String name, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    return new SourceBuffer(name, b, 0, b.length);
  }

  public String name() { return name; }

  public byte[] data() { return data; }

  public int begin() { return begin; }

  public int end() { return end; }

  private int[] lineStarts() {
    if (lineStarts == null) {
      int n = 1;
      for (int i = begin; i < end; i++) if (data[i] == '\n') n++;
      int[] ls = new int[n];
      ls[0] = begin;
      int k = 1;
      for (int i = begin; i < end; i++) if (data[i] == '\n') ls[k++] = i + 1;
      lineStarts = ls;
    }
    return lineStarts;
  }

  /**
   * A reader of line:column positions for one user at a time (the parser, whose offsets mostly
   * increase): it counts newlines forward from the last offset asked, so a whole parse reads the
   * buffer once and never builds the line table.
   */
  public final class Cursor {
    private int pos = begin, line, lineStart = begin;

    /** Moves to {@code offset}; then {@link #line()} and {@link #column()} describe it. */
    public void seek(int offset) {
      if (offset < pos) {
        int li = lineIndex(offset);
        line = li;
        lineStart = lineStarts()[li];
        pos = offset;
        return;
      }
      byte[] d = data;
      int l = line, ls = lineStart;
      for (int i = pos; i < offset; i++) {
        if (d[i] == '\n') {
          l++;
          ls = i + 1;
        }
      }
      pos = offset;
      line = l;
      lineStart = ls;
    }

    /** 1-based line of the last offset. */
    public int line() { return line + 1; }

    /** 1-based column (in bytes) of the last offset. */
    public int column() { return pos - lineStart + 1; }
  }

  /** A new {@link Cursor} at the start of the buffer. */
  public Cursor cursor() { return new Cursor(); }

  /** 1-based line of a byte offset. */
  public int line(int offset) { return lineIndex(offset) + 1; }

  /** 0-based line index of a byte offset (a binary search of the line table; the parser uses a {@link Cursor}). */
  private int lineIndex(int offset) {
    int[] ls = lineStarts();
    int lo = 0, hi = ls.length - 1;
    while (lo < hi) {
      int mid = (lo + hi + 1) >>> 1;
      if (ls[mid] <= offset) lo = mid; else hi = mid - 1;
    }
    return lo;
  }

  /** 1-based column (in bytes) of a byte offset. */
  public int column(int offset) { return offset - lineStarts()[lineIndex(offset)] + 1; }

  /** The text of a 1-based line without its newline (bytes as ISO-8859-1 chars). */
  public String lineText(int line) {
    int[] ls = lineStarts();
    if (line < 1 || line > ls.length) return "";
    int s = ls[line - 1];
    int e = s;
    while (e < end && data[e] != '\n') e++;
    if (e > s && data[e - 1] == '\r') e--;
    return new String(data, s, e - s, StandardCharsets.ISO_8859_1);
  }

  public int lineCount() { return lineStarts().length; }
}
