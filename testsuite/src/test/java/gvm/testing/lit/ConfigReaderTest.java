package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.testing.lit.ConfigReader.ConfigException;
import gvm.testing.lit.ConfigReader.ShTestFormat;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ConfigReaderTest {
  private static final Path CFG = Path.of("/suite/lit.cfg.py");

  private static LitConfig read(String text) throws ConfigException {
    return ConfigReader.readText(CFG, text, Map.of("mode", "fast"));
  }

  @Test
  void readsTheSupportedSubset() throws ConfigException {
    LitConfig c = read("""
        # -*- Python -*-
        import os
        import lit.formats
        from lit.llvm import llvm_config

        config.name = "demo"
        config.test_format = lit.formats.ShTest(True)
        config.suffixes = ['.mlir', ".td"]
        config.suffixes += ['.ll']
        config.excludes = ['Inputs']
        config.excludes.append('CMakeLists.txt')
        config.test_exec_root = os.path.join(os.path.dirname(__file__), 'build', "out")
        tools = '/opt/tools'
        config.substitutions.append(('%tool', os.path.join(tools, 'bin') + '/t'))
        config.substitutions.extend([
            (r'\\bfoo\\b', 'bar'),  # a comment inside brackets
            ('%mode', lit_config.params.get('mode', 'slow')),
            ('%other', lit_config.params.get('other', 'default')),
        ])
        config.available_features.add('gvm')
        config.available_features.update(['x', 'y'])
        config.environment['GVM_HOME'] = tools
        config.environment['PATH'] = os.pathsep.join([tools, '/usr/bin'])
        config.pipefail = False
        config.my_custom = ("a", 1, None)
        """);
    assertEquals("demo", c.name());
    assertEquals(new ShTestFormat(true), c.get("test_format"));
    assertEquals(List.of(".mlir", ".td", ".ll"), c.suffixes());
    assertEquals(Set.of("Inputs", "CMakeLists.txt"), c.excludes());
    assertEquals(Path.of("/suite/build/out"), c.testExecRoot());
    assertEquals(Path.of("/suite"), c.testSourceRoot());
    assertEquals(List.of("%tool", "\\bfoo\\b", "%mode", "%other"),
        c.substitutions().stream().map(Substitution::key).toList());
    assertEquals("x /opt/tools/bin/t bar fast default",
        TestRunner.applySubstitutions("x %tool foo %mode %other", c.substitutions()));
    assertEquals(Set.of("gvm", "x", "y"), c.availableFeatures());
    assertEquals("/opt/tools", c.environment().get("GVM_HOME"));
    assertEquals("/opt/tools:/usr/bin", c.environment().get("PATH"));
    assertFalse(c.pipefail());
  }

  @Test
  void rejectsWhatItDoesNotUnderstandWithTheLine() {
    ConfigException e = assertThrows(ConfigException.class,
        () -> read("config.name = 'x'\nif True:\n    config.name = 'y'\n"));
    assertTrue(e.getMessage().startsWith("/suite/lit.cfg.py:2: 'if' statements are not supported"),
        e.getMessage());
    assertThrows(ConfigException.class, () -> read("config.name = undefined_name\n"));
    assertThrows(ConfigException.class, () -> read("config.name = 'x' * 2\n"));
    assertThrows(ConfigException.class, () -> read("config.name = f(1)\n"));
    assertThrows(ConfigException.class, () -> read("config.substitutions.append(('a',))\n"));
    assertThrows(ConfigException.class, () -> read("config.name = 'unterminated\n"));
  }

  @Test
  void localConfigStartsFromItsParent() throws Exception {
    Path dir = Files.createTempDirectory("gvm-lit-cfg");
    try {
      Path local = dir.resolve("lit.local.cfg");
      Files.writeString(local, "config.suffixes = ['.txt']\nconfig.unsupported = True\n"
          + "config.available_features.add('local')\n");
      LitConfig parent = read("config.name = 'p'\nconfig.suffixes = ['.mlir']\n"
          + "config.available_features.add('gvm')\n");
      LitConfig child = ConfigReader.readLocalConfig(local, parent, Map.of());
      assertEquals("p", child.name());
      assertEquals(List.of(".txt"), child.suffixes());
      assertTrue(child.unsupported());
      assertEquals(Set.of("gvm", "local"), child.availableFeatures());
      assertEquals(Set.of("gvm"), parent.availableFeatures());
      assertFalse(parent.unsupported());
    } finally {
      Files.walk(dir).sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  @Test
  void readsTheTestsuitesOwnConfig() throws ConfigException {
    Path cfg = LitSuiteTest.testsuiteDir().resolve("lit.cfg.py");
    LitConfig c = ConfigReader.readSuiteConfig(cfg, Map.of());
    assertEquals("gvm", c.name());
    assertEquals(List.of(".mlir"), c.suffixes());
    assertTrue(c.excludes().containsAll(Set.of("src", "target")));
    assertEquals(cfg.getParent().resolve("target/lit"), c.testExecRoot());
    assertTrue(c.environment().get("PATH").startsWith("/usr/lib/llvm-19/bin:"));
    Path repo = cfg.getParent().getParent();
    assertEquals(repo.resolve("bin/gvm-opt") + " x.mlir | /usr/lib/llvm-19/bin/FileCheck y",
        TestRunner.applySubstitutions("gvm-opt x.mlir | filecheck y", c.substitutions()));
    assertTrue(c.availableFeatures().contains("gvm"));
    assertTrue(c.availableFeatures().contains("mesh-dialect"));
  }
}
