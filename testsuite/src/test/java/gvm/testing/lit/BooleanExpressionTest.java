package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

/** The cases of lit's own BooleanExpression unit test. */
class BooleanExpressionTest {
  private static final Set<String> VARS =
      Set.of("its-true", "false-lol-true", "under_score", "e=quals", "d1g1ts");

  private static boolean eval(String e, Set<String> vars) {
    return BooleanExpression.evaluate(e, vars);
  }

  @Test
  void variables() {
    for (String t : new String[] {"true", "its-true", "false-lol-true", "under_score", "e=quals",
        "d1g1ts", "{{its.+}}", "{{false-[lo]+-true}}", "{{(true|false)-lol-(true|false)}}",
        "d1g{{[0-9]}}ts", "d1g{{[0-9]}}t{{[a-z]}}", "{{d}}1g{{[0-9]}}t{{[a-z]}}",
        "d1{{(g|1)+}}ts"}) {
      assertTrue(eval(t, VARS), t);
    }
    for (String f : new String[] {"false", "True", "true-ish", "not_true", "tru",
        "{{its-true.+}}"}) {
      assertFalse(eval(f, VARS), f);
    }
  }

  @Test
  void matching() {
    String expr = "linux && (target={{aarch64-.+}} || target={{x86_64-.+}})";
    assertTrue(eval(expr, Set.of("linux", "target=x86_64-unknown-linux-gnu")));
    assertFalse(eval(expr, Set.of("linux", "target=i386-unknown-linux-gnu")));
  }

  @Test
  void operators() {
    assertTrue(eval("true || true", Set.of()));
    assertTrue(eval("true || false", Set.of()));
    assertFalse(eval("false || false", Set.of()));
    assertFalse(eval("!true", Set.of()));
    assertTrue(eval("!false", Set.of()));
    assertTrue(eval("   ((!((false) ))   ) ", Set.of()));
    assertTrue(eval("true && (true && (true))", Set.of()));
    assertTrue(eval("!false && !false && !! !false", Set.of()));
    assertTrue(eval("false && false || true", Set.of()));
    assertTrue(eval("(false && false) || true", Set.of()));
    assertFalse(eval("false && (false || true)", Set.of()));
    assertTrue(eval("mesh-dialect || gvm", Set.of("gvm")));
  }

  @Test
  void syntaxErrorsUseLitsWording() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> eval("ba#d", Set.of()));
    assertEquals("couldn't parse text: '#d'\nin expression: 'ba#d'", e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> eval("true and true", Set.of()));
    assertTrue(e.getMessage().startsWith("expected: <end of expression>\nhave: 'and'"),
        e.getMessage());
    e = assertThrows(IllegalArgumentException.class, () -> eval("|| true", Set.of()));
    assertTrue(e.getMessage().startsWith("expected: '!', '(', '{{', or identifier\nhave: '||'"));
    assertThrows(IllegalArgumentException.class, () -> eval("true &&", Set.of()));
    assertThrows(IllegalArgumentException.class, () -> eval("(true", Set.of()));
    assertThrows(IllegalArgumentException.class, () -> eval("", Set.of()));
  }
}
