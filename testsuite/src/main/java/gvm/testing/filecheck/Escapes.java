package gvm.testing.filecheck;

/** {@code raw_ostream::write_escaped}: C-style escapes with 3-digit octal for unprintable bytes. */
final class Escapes {
  private Escapes() {}

  static String escape(String s) {
    StringBuilder sb = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '\\' -> sb.append("\\\\");
        case '\t' -> sb.append("\\t");
        case '\n' -> sb.append("\\n");
        case '"' -> sb.append("\\\"");
        default -> {
          if (c >= 0x20 && c <= 0x7e) {
            sb.append(c);
          } else {
            sb.append('\\').append((char) ('0' + ((c >> 6) & 7))).append((char) ('0' + ((c >> 3) & 7)))
                .append((char) ('0' + (c & 7)));
          }
        }
      }
    }
    return sb.toString();
  }
}
