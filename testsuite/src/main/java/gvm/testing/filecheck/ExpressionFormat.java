package gvm.testing.filecheck;

import java.math.BigInteger;
import java.util.Locale;

/**
 * How a numeric value is written in the input ({@code %u}, {@code %d}, {@code %x}, {@code %X}),
 * with an optional minimum number of digits and the {@code 0x} alternate form.
 */
record ExpressionFormat(Kind kind, int precision, boolean alternate) {
  /** The conversion; NONE means "no explicit format" (literals have none). */
  enum Kind {
    NONE("<none>"), UNSIGNED("%u"), SIGNED("%d"), HEX_UPPER("%X"), HEX_LOWER("%x");

    final String spelling;

    Kind(String spelling) {
      this.spelling = spelling;
    }
  }

  static final ExpressionFormat NONE = new ExpressionFormat(Kind.NONE, 0, false);
  static final ExpressionFormat UNSIGNED = new ExpressionFormat(Kind.UNSIGNED, 0, false);

  boolean isSet() {
    return kind != Kind.NONE;
  }

  boolean isHex() {
    return kind == Kind.HEX_UPPER || kind == Kind.HEX_LOWER;
  }

  @Override
  public String toString() {
    return kind.spelling;
  }

  /** The regex that matches any value in this format (used by {@code [[#VAR:]]}). */
  String wildcardRegex() {
    String prefix = alternate ? "0x" : "";
    String body = switch (kind) {
      case UNSIGNED -> precision > 0 ? "([1-9][0-9]*)?[0-9]" : "[0-9]+";
      case SIGNED -> precision > 0 ? "-?([1-9][0-9]*)?[0-9]" : "-?[0-9]+";
      case HEX_UPPER -> precision > 0 ? "([1-9A-F][0-9A-F]*)?[0-9A-F]" : "[0-9A-F]+";
      case HEX_LOWER -> precision > 0 ? "([1-9a-f][0-9a-f]*)?[0-9a-f]" : "[0-9a-f]+";
      case NONE -> throw new IllegalStateException("no format");
    };
    return prefix + body + (precision > 0 ? "{" + precision + "}" : "");
  }

  /**
   * Writes {@code value} in this format.
   *
   * @return the text, or null when the value cannot be written (a negative value in an unsigned
   *     format: LLVM's "overflow error")
   */
  String matchingString(BigInteger value) {
    if (kind != Kind.SIGNED && value.signum() < 0) {
      return null;
    }
    String digits = value.abs().toString(isHex() ? 16 : 10);
    if (kind == Kind.HEX_UPPER) {
      digits = digits.toUpperCase(Locale.ROOT);
    }
    StringBuilder sb = new StringBuilder();
    if (value.signum() < 0) {
      sb.append('-');
    }
    if (alternate) {
      sb.append("0x");
    }
    for (int i = digits.length(); i < precision; i++) {
      sb.append('0');
    }
    return sb.append(digits).toString();
  }

  /** Parses text that {@link #wildcardRegex()} matched. */
  BigInteger valueOf(String text) {
    boolean negative = text.startsWith("-");
    String s = negative ? text.substring(1) : text;
    if (alternate && (s.startsWith("0x") || s.startsWith("0X"))) {
      s = s.substring(2);
    }
    BigInteger v = s.isEmpty() ? BigInteger.ZERO : new BigInteger(s, isHex() ? 16 : 10);
    return negative ? v.negate() : v;
  }
}
