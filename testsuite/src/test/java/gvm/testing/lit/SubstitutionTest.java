package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
  private static final Path SOURCE = Path.of("/src/suite/Dir/test.mlir");
  private static final Path TMP_DIR = Path.of("/exec/suite/Dir/Output");
  private static final Path TMP_BASE = TMP_DIR.resolve("test.mlir");

  private static String expand(String line, Substitution... config) {
    List<Substitution> subs = new ArrayList<>(List.of(config));
    subs.addAll(TestRunner.defaultSubstitutions(SOURCE, TMP_DIR, TMP_BASE));
    return TestRunner.applySubstitutions(line, subs);
  }

  @Test
  void builtinPathSubstitutions() {
    assertEquals("cat /src/suite/Dir/test.mlir /src/suite/Dir /src/suite/Dir",
        expand("cat %s %S %p"));
    assertEquals("rm -rf /exec/suite/Dir/Output/test.mlir.tmp /exec/suite/Dir/Output",
        expand("rm -rf %t %T"));
    assertEquals("echo test.mlir.tmp a:b", expand("echo %basename_t.tmp a%{pathsep}b"));
    assertEquals("echo src/suite/Dir/test.mlir /src/suite/Dir/test.mlir",
        expand("echo %:s %/s"));
  }

  @Test
  void doublePercentIsALiteralPercent() {
    assertEquals("echo %s 100% %t", expand("echo %%s 100%% %%t"));
  }

  @Test
  void lineIsStripped() {
    assertEquals("echo x", expand("   echo x   "));
  }

  @Test
  void configSubstitutionsComeFirstAndUsePythonRegexes() {
    Substitution tool = Substitution.python("(?<![-./=\\w])gvm-opt(?![-.\\w])", "/repo/bin/gvm-opt");
    assertEquals("/repo/bin/gvm-opt /src/suite/Dir/test.mlir | not /repo/bin/gvm-opt",
        expand("gvm-opt %s | not gvm-opt", tool));
    // a path or a longer word that contains the name stays
    assertEquals("cat /x/gvm-opt/a.mlir --gvm-opt-flag --check-not=gvm-opt gvm-opt.jar",
        expand("cat /x/gvm-opt/a.mlir --gvm-opt-flag --check-not=gvm-opt gvm-opt.jar", tool));
  }

  @Test
  void pythonRegexDialect() {
    // a '{' that is not a quantifier is plain text in Python
    assertEquals("X", Substitution.python("%{my-tool}", "X").apply("%{my-tool}"));
    assertEquals("b-a", Substitution.python("(a)-(b)", "\\2-\\1").apply("a-b"));
    assertEquals("<a>", Substitution.python("(?P<x>a)", "<\\g<x>>").apply("a"));
    assertEquals("X!", Substitution.python("(?P<x>a)(?P=x)", "X").apply("aa!"));
    assertEquals("X", Substitution.python("a{2}", "X").apply("aa"));
    assertEquals("$1\\", Substitution.python("z", "$1\\\\").apply("z"));
  }

  @Test
  void conditionalSubstitution() {
    Set<String> feats = Set.of("feat", "a");
    List<Substitution> none = List.of();
    assertEquals("a  yes  b",
        TestRunner.applySubstitutions("a %if feat %{ yes %} %else %{ no %} b", none, feats));
    assertEquals("a  no  b",
        TestRunner.applySubstitutions("a %if !feat %{ yes %} %else %{ no %} b", none, feats));
    assertEquals("x", TestRunner.applySubstitutions("%if other %{y%}x", none, feats));
    assertEquals("y", TestRunner.applySubstitutions("%if a %{ %if b %{x%} %else %{y%} %}", none,
        feats));
    assertEquals("echo %iffy", TestRunner.applySubstitutions("echo %iffy", none, feats));
    assertThrows(IllegalArgumentException.class,
        () -> TestRunner.applySubstitutions("%if a %{ x", none, feats));
    assertThrows(IllegalArgumentException.class,
        () -> TestRunner.applySubstitutions("%if a x", none, feats));
    assertThrows(IllegalArgumentException.class,
        () -> TestRunner.applySubstitutions("%if a %{x%} %else y", none, feats));
  }
}
