package gvm.testing.filecheck;

/**
 * A zero-copy view of {@code [offset, offset + length)} of a string. Regexes run on a slice so
 * that {@code ^} and {@code $} see the slice's ends as the buffer's ends, exactly as LLVM's
 * regexec sees the StringRef it is given.
 */
final class Slice implements CharSequence {
  private final String text;
  private final int offset;
  private final int length;

  Slice(String text, int offset, int end) {
    this.text = text;
    this.offset = offset;
    this.length = end - offset;
  }

  @Override
  public int length() {
    return length;
  }

  @Override
  public char charAt(int index) {
    return text.charAt(offset + index);
  }

  @Override
  public CharSequence subSequence(int start, int end) {
    return text.substring(offset + start, offset + end);
  }

  @Override
  public String toString() {
    return text.substring(offset, offset + length);
  }
}
