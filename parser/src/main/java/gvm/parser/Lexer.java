package gvm.parser;

import static gvm.parser.MlirLexer.*;

/**
 * MLIR's lexer over a byte buffer: produces the tokens of {@code MlirLexer.g4} (same kinds) as
 * (kind, start, end) without allocating. {@link #resetTo(int)} re-lexes from an offset, which the
 * parser needs to split dimension lists such as {@code 4x8xf32}.
 */
final class Lexer {
  static final int EOF = org.antlr.v4.runtime.Token.EOF;

  private final byte[] buf;
  private final int end;
  private int pos;
  int kind;
  int start;
  int stop;

  Lexer(byte[] buf, int begin, int end) {
    this.buf = buf;
    this.end = end;
    this.pos = begin;
  }

  byte[] buffer() { return buf; }

  int bufferEnd() { return end; }

  void resetTo(int offset) {
    pos = offset;
    next();
  }

  private static boolean isDigit(int c) { return c >= '0' && c <= '9'; }

  private static boolean isHex(int c) { return isDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

  private static boolean isLetter(int c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

  private static boolean isBareStart(int c) { return isLetter(c) || c == '_'; }

  private static boolean isBareChar(int c) { return isLetter(c) || isDigit(c) || c == '_' || c == '$' || c == '.'; }

  private static boolean isSuffixChar(int c) { return isBareChar(c) || c == '-'; }

  /** Advances to the next token. */
  void next() {
    byte[] b = buf;
    int p = pos;
    // skip white space and comments
    while (true) {
      if (p >= end) {
        kind = EOF;
        start = stop = pos = end;
        return;
      }
      int c = b[p];
      if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
        p++;
      } else if (c == '/' && p + 1 < end && b[p + 1] == '/') {
        p += 2;
        while (p < end && b[p] != '\n') p++;
      } else break;
    }
    start = p;
    int c = b[p];
    int k;
    switch (c) {
      case '(': k = LPAREN; p++; break;
      case ')': k = RPAREN; p++; break;
      case '[': k = LSQUARE; p++; break;
      case ']': k = RSQUARE; p++; break;
      case '}': k = RBRACE; p++; break;
      case '<': k = LESS; p++; break;
      case '>': k = GREATER; p++; break;
      case ',': k = COMMA; p++; break;
      case ':': k = COLON; p++; break;
      case '=': k = EQUAL; p++; break;
      case '?': k = QUESTION; p++; break;
      case '*': k = STAR; p++; break;
      case '+': k = PLUS; p++; break;
      case '|': k = VERTICAL; p++; break;
      case '{':
        if (p + 2 < end && b[p + 1] == '-' && b[p + 2] == '#') { k = FILE_META_BEGIN; p += 3; } else { k = LBRACE; p++; }
        break;
      case '-':
        if (p + 1 < end && b[p + 1] == '>') { k = ARROW; p += 2; } else { k = MINUS; p++; }
        break;
      case '.':
        if (p + 2 < end && b[p + 1] == '.' && b[p + 2] == '.') { k = ELLIPSIS; p += 3; } else { k = ERROR_CHAR; p++; }
        break;
      case '"': {
        p = scanString(p);
        k = p < 0 ? UNTERMINATED_STRING : STRING;
        if (p < 0) p = -p;
        break;
      }
      case '@': {
        if (p + 1 < end && isBareStart(b[p + 1])) {
          p += 2;
          while (p < end && isBareChar(b[p])) p++;
          k = AT_ID;
        } else if (p + 1 < end && b[p + 1] == '"') {
          int q = scanString(p + 1);
          if (q < 0) { k = ERROR_CHAR; p++; } else { k = AT_ID; p = q; }
        } else { k = ERROR_CHAR; p++; }
        break;
      }
      case '#':
        if (p + 2 < end && b[p + 1] == '-' && b[p + 2] == '}') { k = FILE_META_END; p += 3; break; }
        // fall through
      case '%': case '^': case '!': {
        int q = scanSuffix(p + 1);
        if (q == p + 1) { k = ERROR_CHAR; p++; break; }
        k = c == '%' ? PERCENT_ID : c == '^' ? CARET_ID : c == '#' ? HASH_ID : BANG_ID;
        p = q;
        break;
      }
      default:
        if (isDigit(c)) {
          if (c == '0' && p + 2 < end && b[p + 1] == 'x' && isHex(b[p + 2])) {
            p += 2;
            while (p < end && isHex(b[p])) p++;
            k = HEX_LIT;
            break;
          }
          while (p < end && isDigit(b[p])) p++;
          if (p < end && b[p] == '.') {
            p++;
            while (p < end && isDigit(b[p])) p++;
            if (p < end && (b[p] == 'e' || b[p] == 'E')) {
              int q = p + 1;
              if (q < end && (b[q] == '+' || b[q] == '-')) q++;
              if (q < end && isDigit(b[q])) {
                while (q < end && isDigit(b[q])) q++;
                p = q;
              }
            }
            k = FLOAT_LIT;
          } else k = INT_LIT;
        } else if (isBareStart(c)) {
          p++;
          while (p < end && isBareChar(b[p])) p++;
          k = BARE_ID;
        } else {
          k = ERROR_CHAR;
          p++;
          // a multi-byte UTF-8 character is one error token
          if ((c & 0xC0) == 0xC0) while (p < end && (b[p] & 0xC0) == 0x80) p++;
        }
    }
    kind = k;
    stop = p;
    pos = p;
  }

  /** Scans a string starting at the quote; returns the offset after it, or -(offset) if unterminated. */
  private int scanString(int p) {
    byte[] b = buf;
    p++;
    while (p < end) {
      int c = b[p];
      if (c == '"') return p + 1;
      if (c == '\n') return -p;
      if (c == '\\') {
        // a backslash with nothing to escape ends the unterminated string before it (as the grammar)
        if (p + 1 >= end || b[p + 1] == '\n') return -p;
        p += 2;
        continue;
      }
      p++;
    }
    return -p;
  }

  private int scanSuffix(int p) {
    byte[] b = buf;
    if (p >= end) return p;
    if (isDigit(b[p])) {
      while (p < end && isDigit(b[p])) p++;
      return p;
    }
    if (!(isSuffixChar(b[p]))) return p;
    while (p < end && isSuffixChar(b[p])) p++;
    return p;
  }

  /** The current token's text (ISO-8859-1: one char per byte). */
  String text() { return text(start, stop); }

  String text(int s, int e) { return new String(buf, 0, s, e - s); }

  boolean textEquals(String s) {
    int n = stop - start;
    if (n != s.length()) return false;
    for (int i = 0; i < n; i++) if (buf[start + i] != s.charAt(i)) return false;
    return true;
  }
}
