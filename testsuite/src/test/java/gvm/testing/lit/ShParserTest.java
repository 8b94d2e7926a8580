package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.testing.lit.ShCommand.Command;
import gvm.testing.lit.ShCommand.Pipeline;
import gvm.testing.lit.ShCommand.Redirect;
import gvm.testing.lit.ShCommand.Seq;
import java.util.List;
import org.junit.jupiter.api.Test;

class ShParserTest {
  private static Command single(String line) {
    Pipeline p = assertInstanceOf(Pipeline.class, ShParser.parse(line));
    assertEquals(1, p.commands().size());
    return p.commands().get(0);
  }

  @Test
  void wordsAndQuoting() {
    assertEquals(List.of("echo", "a", "b c", "d\"e", "f\\g", "h i", "j'k"),
        single("echo a 'b c' \"d\\\"e\" \"f\\g\" h\\ i \"j'k\"").argStrings());
    assertEquals(List.of("x", "ab", "c"), single("x a'b' c").argStrings());
    assertEquals(List.of("echo", ""), single("echo ''").argStrings());
  }

  @Test
  void operatorsInsideQuotesAreText() {
    assertEquals(List.of("echo", "a|b", "c;d", "e&&f", "g>h"),
        single("echo 'a|b' \"c;d\" 'e&&f' 'g>h'").argStrings());
  }

  @Test
  void redirections() {
    Command c = single("tool < in > out 2> err 2>&1 >> app &> both 2>> e2 >&2");
    assertEquals(List.of("tool"), c.argStrings());
    List<Redirect> r = c.redirects();
    assertEquals(8, r.size());
    assertEquals(new Redirect("<", -1, new ShCommand.Word("in", false)), r.get(0));
    assertEquals(">", r.get(1).op());
    assertEquals(2, r.get(2).fd());
    assertEquals(">&", r.get(3).op());
    assertEquals(2, r.get(3).fd());
    assertEquals("1", r.get(3).target().text());
    assertEquals(">>", r.get(4).op());
    assertEquals("&>", r.get(5).op());
    assertEquals(">>", r.get(6).op());
    assertEquals(2, r.get(6).fd());
    assertEquals(">&", r.get(7).op());
    assertEquals(-1, r.get(7).fd());
  }

  @Test
  void digitsAloneAreAWordNotARedirect() {
    assertEquals(List.of("count", "2"), single("count 2").argStrings());
    assertEquals(List.of("echo", "a2"), single("echo a2>f").argStrings());
  }

  @Test
  void pipelinesAndSequencesAssociateLeft() {
    Seq s = assertInstanceOf(Seq.class, ShParser.parse("a | b && c || d ; e"));
    assertEquals(";", s.op());
    Seq lhs = assertInstanceOf(Seq.class, s.lhs());
    assertEquals("||", lhs.op());
    Seq inner = assertInstanceOf(Seq.class, lhs.lhs());
    assertEquals("&&", inner.op());
    Pipeline ab = assertInstanceOf(Pipeline.class, inner.lhs());
    assertEquals(2, ab.commands().size());
  }

  @Test
  void globsOnlyWhenUnquoted() {
    assertTrue(single("ls *.mlir").args().get(1).glob());
    assertFalse(single("ls '*.mlir'").args().get(1).glob());
    assertFalse(single("ls a\\*").args().get(1).glob());
  }

  @Test
  void syntaxErrors() {
    assertThrows(IllegalArgumentException.class, () -> ShParser.parse(""));
    assertThrows(IllegalArgumentException.class, () -> ShParser.parse("a |"));
    assertThrows(IllegalArgumentException.class, () -> ShParser.parse("a && "));
    assertThrows(IllegalArgumentException.class, () -> ShParser.parse("| a"));
    assertThrows(IllegalArgumentException.class, () -> ShParser.parse("echo 'open"));
    assertThrows(IllegalArgumentException.class, () -> ShParser.parse("echo >"));
  }
}
