package gvm.testing.filecheck;

import java.util.HashMap;
import java.util.Map;

/** The POSIX names that bracket expressions accept: character classes and collating symbols (C locale). */
final class PosixNames {
  private static final String UPPER = "ABCDEFGHIJKLMNOPQRSTUVWXYZ";
  private static final String LOWER = "abcdefghijklmnopqrstuvwxyz";
  private static final String DIGIT = "0123456789";
  private static final String PUNCT = "!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~";

  private static final Map<String, String> CLASSES = Map.ofEntries(
      Map.entry("alnum", UPPER + LOWER + DIGIT),
      Map.entry("alpha", UPPER + LOWER),
      Map.entry("blank", " \t"),
      Map.entry("cntrl", controls()),
      Map.entry("digit", DIGIT),
      Map.entry("graph", UPPER + LOWER + DIGIT + PUNCT),
      Map.entry("lower", LOWER),
      Map.entry("print", UPPER + LOWER + DIGIT + PUNCT + " "),
      Map.entry("punct", PUNCT),
      Map.entry("space", "\t\n\u000b\f\r "),
      Map.entry("upper", UPPER),
      Map.entry("xdigit", DIGIT + "ABCDEFabcdef"));

  /** Names of single characters usable as {@code [.name.]} or {@code [=name=]}. */
  private static final Map<String, Integer> CHARACTERS = new HashMap<>();

  static {
    String[] controlNames = {"NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF",
        "CR", "SO", "SI", "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "IS4",
        "IS3", "IS2", "IS1"};
    for (int i = 0; i < controlNames.length; i++) {
      CHARACTERS.put(controlNames[i], i);
    }
    Object[] aliases = {"alert", 7, "backspace", 8, "tab", 9, "newline", 10, "vertical-tab", 11, "form-feed", 12,
        "carriage-return", 13, "FS", 28, "GS", 29, "RS", 30, "US", 31, "space", ' ', "exclamation-mark", '!',
        "quotation-mark", '"', "number-sign", '#', "dollar-sign", '$', "percent-sign", '%', "ampersand", '&',
        "apostrophe", '\'', "left-parenthesis", '(', "right-parenthesis", ')', "asterisk", '*', "plus-sign", '+',
        "comma", ',', "hyphen", '-', "hyphen-minus", '-', "period", '.', "full-stop", '.', "slash", '/',
        "solidus", '/', "zero", '0', "one", '1', "two", '2', "three", '3', "four", '4', "five", '5', "six", '6',
        "seven", '7', "eight", '8', "nine", '9', "colon", ':', "semicolon", ';', "less-than-sign", '<',
        "equals-sign", '=', "greater-than-sign", '>', "question-mark", '?', "commercial-at", '@',
        "left-square-bracket", '[', "backslash", '\\', "reverse-solidus", '\\', "right-square-bracket", ']',
        "circumflex", '^', "circumflex-accent", '^', "underscore", '_', "low-line", '_', "grave-accent", '`',
        "left-brace", '{', "left-curly-bracket", '{', "vertical-line", '|', "right-brace", '}',
        "right-curly-bracket", '}', "tilde", '~', "DEL", 127};
    for (int i = 0; i < aliases.length; i += 2) {
      Object v = aliases[i + 1];
      CHARACTERS.put((String) aliases[i], v instanceof Character ch ? (int) ch : (Integer) v);
    }
  }

  private PosixNames() {}

  private static String controls() {
    StringBuilder sb = new StringBuilder();
    for (char c = 1; c < 32; c++) {
      sb.append(c);
    }
    return sb.append((char) 127).toString();
  }

  /** The members of class {@code name}, or null if there is no such class. */
  static String classMembers(String name) {
    return CLASSES.get(name);
  }

  /** The code of the character called {@code name}, or -1. */
  static int characterCode(String name) {
    Integer code = CHARACTERS.get(name);
    return code == null ? -1 : code;
  }
}
