package gvm.tools.opt;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** POSIX ERE as LLVM's regcomp reads it, translated to java.util.regex. */
class LlvmRegexTest {
  private static boolean find(String re, String text) throws LlvmRegex.SyntaxError {
    Pattern p = LlvmRegex.compile(re);
    return LlvmRegex.find(p, text);
  }

  private static String error(String re) {
    return assertThrows(LlvmRegex.SyntaxError.class, () -> LlvmRegex.compile(re)).getMessage();
  }

  @Test void posixSemantics() throws Exception {
    assertTrue(find("[[:digit:]]+x", "a12x"));
    assertTrue(find("\\d", "d"), "\\d is a plain 'd'");
    assertFalse(find("\\d", "1"));
    assertTrue(find("a{2,3}", "caab"));
    assertFalse(find("^a{2}$", "aaa"));
    assertTrue(find("x{", "x{"), "a brace not followed by a digit is literal");
    assertTrue(find("[]a]", "]"));
    assertTrue(find("[^a-c]", "\n"), "negated brackets match newlines");
    assertTrue(find("a.b", "a\nb"));
    assertTrue(find("(ab|cd)\\1", "cdcd"));
    assertFalse(find("^b", "ab"));
    assertTrue(find("b$", "ab"));
    assertFalse(find("a$", "a\n"), "$ matches only at the very end");
    assertTrue(find("[.]", "."));
    assertTrue(find("()", "anything"));
  }

  @Test void regerrorMessages() {
    assertEquals("brackets ([ ]) not balanced", error("[a-z"));
    assertEquals("parentheses not balanced", error("(ab"));
    assertEquals("parentheses not balanced", error("ab)"));
    assertEquals("repetition-operator operand invalid", error("*a"));
    assertEquals("repetition-operator operand invalid", error("a**"));
    assertEquals("repetition-operator operand invalid", error("^*"));
    assertEquals("empty (sub)expression", error(""));
    assertEquals("empty (sub)expression", error("a||b"));
    assertEquals("invalid character class", error("[[:word:]]"));
    assertEquals("invalid character range", error("[z-a]"));
    assertEquals("invalid repetition count(s)", error("a{3,2}"));
    assertEquals("invalid repetition count(s)", error("a{256}"));
    assertEquals("braces not balanced", error("a{1"));
    assertEquals("trailing backslash (\\)", error("a\\"));
    assertEquals("invalid backreference number", error("(a)\\2"));
  }

  @Test void escapeMakesTextLiteral() throws Exception {
    String text = "f(x) = [a|b]*? {1} ^$ \\.";
    assertTrue(find("^" + LlvmRegex.escape(text) + "$", text));
  }

  @Test void pathologicalPatternsGiveUp() throws Exception {
    assertFalse(find("(a*)*b", "a".repeat(64)));
  }
}
