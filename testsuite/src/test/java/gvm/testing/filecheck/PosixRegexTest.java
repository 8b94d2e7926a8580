package gvm.testing.filecheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** LLVM (Spencer) regex syntax and its translation to java.util.regex. */
class PosixRegexTest {
  private static boolean finds(String re, String text) {
    PosixRegex.Compiled c = PosixRegex.compile(re, false);
    assertNotNull(c, re);
    return c.pattern().matcher(text).find();
  }

  private static String error(String re) {
    return assertThrows(PosixRegex.SyntaxError.class, () -> PosixRegex.validate(re)).getMessage();
  }

  @Test
  void backslashLettersAreLiterals() {
    assertTrue(finds("a\\d", "ad"));
    assertFalse(finds("a\\d", "a1"));
    assertTrue(finds("\\w\\s", "ws"));
    assertTrue(finds("a\\.b", "a.b"));
    assertFalse(finds("a\\.b", "axb"));
  }

  @Test
  void posixClasses() {
    assertTrue(finds("^[[:digit:]]+$", "0123"));
    assertTrue(finds("[[:alpha:]_][[:alnum:]_]*", "_x1"));
    assertTrue(finds("a[[:space:]]b", "a\nb"));
    assertTrue(finds("[]a]", "]"));
    assertTrue(finds("[^]a]", "b"));
  }

  @Test
  void newlineSensitiveMatching() {
    assertFalse(finds("a.b", "a\nb"));
    assertFalse(finds("a[^x]b", "a\nb"));
    assertTrue(finds("^b$", "a\nb\nc"));
  }

  @Test
  void bracesAreLiteralUnlessABound() {
    assertTrue(finds("a{,2}", "a{,2}"));
    assertTrue(finds("x{", "x{"));
    assertTrue(finds("^a{2}$", "aa"));
    assertEquals("braces not balanced", error("a{2"));
    assertEquals("invalid repetition count(s)", error("a{256}"));
    assertEquals("invalid repetition count(s)", error("a{3,2}"));
  }

  @Test
  void regcompErrorMessages() {
    assertEquals("empty (sub)expression", error(""));
    assertEquals("empty (sub)expression", error("a|"));
    assertEquals("repetition-operator operand invalid", error("*a"));
    assertEquals("repetition-operator operand invalid", error("a**"));
    assertEquals("repetition-operator operand invalid", error("a+?"));
    assertEquals("parentheses not balanced", error("(a"));
    assertEquals("parentheses not balanced", error("a)"));
    assertEquals("brackets ([ ]) not balanced", error("[a"));
    assertEquals("invalid character range", error("[z-a]"));
    assertEquals("invalid character class", error("[[:foo:]]"));
    assertEquals("trailing backslash (\\)", error("a\\"));
    assertEquals("invalid backreference number", error("\\1"));
  }

  @Test
  void countsGroupsAndBackReferences() throws PosixRegex.SyntaxError {
    assertEquals(3, PosixRegex.validate("(a)(b(c)?)?"));
    assertTrue(finds("(a)\\1", "aa"));
    assertFalse(finds("(a)\\1", "ab"));
    assertNull(PosixRegex.compile("(", false));
  }

  @Test
  void escapeQuotesEreMetacharacters() {
    assertEquals("a\\.\\*\\(b\\)\\[\\]\\{\\}\\|\\^\\$\\+\\?\\\\", PosixRegex.escape("a.*(b)[]{}|^$+?\\"));
  }

  @Test
  void ignoreCaseFoldsAsciiOnly() {
    PosixRegex.Compiled c = PosixRegex.compile("[^a]x", true);
    assertNotNull(c);
    assertFalse(c.pattern().matcher("Ax").find());
    assertTrue(c.pattern().matcher("bX").find());
  }
}
