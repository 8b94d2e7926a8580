package gvm.testing.lit;

import gvm.testing.lit.ConfigReader.ConfigException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Finds tests as lit's discovery.py does. An input path belongs to the suite of the nearest
 * {@code lit.cfg.py} at or above it. A directory is searched recursively, skipping {@code Output},
 * {@code .git}, dot files and the names in {@code config.excludes}; a subdirectory with its own
 * {@code lit.cfg.py} is a nested suite, and a {@code lit.local.cfg} adjusts the configuration of
 * its directory and those below. A file is a test when its suffix is in {@code config.suffixes}.
 */
public final class Discovery {
  /** The file name of a suite configuration. */
  public static final String SUITE_CONFIG = "lit.cfg.py";
  /** The file name of a directory's local configuration. */
  public static final String LOCAL_CONFIG = "lit.local.cfg";

  private final Map<String, String> params;
  private final Map<Path, TestSuite> suites = new HashMap<>();
  private final Map<Path, LitConfig> localConfigs = new HashMap<>();

  /** @param params the {@code -D name=value} parameters the configs can read */
  public Discovery(Map<String, String> params) {
    this.params = Map.copyOf(params);
  }

  /**
   * Returns the tests under the given files and directories, sorted by full name, without
   * duplicates.
   *
   * @throws ConfigException when a configuration cannot be read, or an input has no suite
   * @throws IOException when a directory cannot be listed
   */
  public List<LitTest> discover(List<Path> inputs) throws ConfigException, IOException {
    Map<String, LitTest> found = new LinkedHashMap<>();
    for (Path input : inputs) {
      Path p = input.toAbsolutePath().normalize();
      if (!Files.exists(p)) {
        throw new ConfigException("input path '" + input + "' does not exist");
      }
      Path cfgDir = Files.isDirectory(p) ? p : p.getParent();
      while (cfgDir != null && !Files.isRegularFile(cfgDir.resolve(SUITE_CONFIG))) {
        cfgDir = cfgDir.getParent();
      }
      if (cfgDir == null) {
        throw new ConfigException("unable to find test suite for '" + input + "' (no "
            + SUITE_CONFIG + " in it or above it)");
      }
      TestSuite suite = suite(cfgDir);
      List<LitTest> tests = new ArrayList<>();
      String rel = relative(cfgDir, p);
      if (Files.isDirectory(p)) {
        searchDirectory(suite, rel, tests);
      } else {
        LitConfig lc = localConfig(suite, parentOf(rel));
        String name = p.getFileName().toString();
        if (isTestFile(name, lc)) {
          tests.add(new LitTest(suite, rel, lc));
        }
      }
      for (LitTest t : tests) {
        found.putIfAbsent(t.fullName() + "\0" + t.sourcePath(), t);
      }
    }
    List<LitTest> out = new ArrayList<>(found.values());
    out.sort((a, b) -> a.fullName().compareTo(b.fullName()));
    return out;
  }

  private static String relative(Path root, Path p) {
    return root.relativize(p).toString().replace('\\', '/');
  }

  private static String parentOf(String rel) {
    int slash = rel.lastIndexOf('/');
    return slash < 0 ? "" : rel.substring(0, slash);
  }

  private static boolean isTestFile(String name, LitConfig lc) {
    if (name.startsWith(".") || lc.excludes().contains(name)) {
      return false;
    }
    int dot = name.lastIndexOf('.');
    return dot >= 0 && lc.suffixes().contains(name.substring(dot));
  }

  private TestSuite suite(Path cfgDir) throws ConfigException {
    TestSuite s = suites.get(cfgDir);
    if (s == null) {
      LitConfig config = ConfigReader.readSuiteConfig(cfgDir.resolve(SUITE_CONFIG), params);
      Path source = config.testSourceRoot() != null ? config.testSourceRoot() : cfgDir;
      Path exec = config.testExecRoot() != null ? config.testExecRoot() : source;
      s = new TestSuite(source.toAbsolutePath().normalize(), exec.toAbsolutePath().normalize(),
          config);
      suites.put(cfgDir, s);
    }
    return s;
  }

  private LitConfig localConfig(TestSuite suite, String relDir) throws ConfigException {
    if (relDir.isEmpty()) {
      return suite.config();
    }
    Path dir = suite.sourceRoot().resolve(relDir);
    LitConfig lc = localConfigs.get(dir);
    if (lc == null) {
      LitConfig parent = localConfig(suite, parentOf(relDir));
      Path local = dir.resolve(LOCAL_CONFIG);
      lc = Files.isRegularFile(local) ? ConfigReader.readLocalConfig(local, parent, params)
          : parent;
      localConfigs.put(dir, lc);
    }
    return lc;
  }

  private void searchDirectory(TestSuite suite, String relDir, List<LitTest> out)
      throws ConfigException, IOException {
    LitConfig lc = localConfig(suite, relDir);
    Path dir = relDir.isEmpty() ? suite.sourceRoot() : suite.sourceRoot().resolve(relDir);
    List<Path> entries;
    try (Stream<Path> s = Files.list(dir)) {
      entries = s.sorted().toList();
    }
    List<Path> subdirs = new ArrayList<>();
    for (Path e : entries) {
      String name = e.getFileName().toString();
      String rel = relDir.isEmpty() ? name : relDir + "/" + name;
      if (Files.isDirectory(e)) {
        if (!name.equals("Output") && !name.equals(".git") && !name.equals(".svn")
            && !lc.excludes().contains(name)) {
          subdirs.add(e);
        }
      } else if (isTestFile(name, lc)) {
        out.add(new LitTest(suite, rel, lc));
      }
    }
    for (Path sub : subdirs) {
      String name = sub.getFileName().toString();
      if (Files.isRegularFile(sub.resolve(SUITE_CONFIG))) {
        TestSuite nested = suite(sub);
        if (nested.sourceRoot().equals(suite.sourceRoot())) {
          continue;
        }
        searchDirectory(nested, "", out);
      } else {
        searchDirectory(suite, relDir.isEmpty() ? name : relDir + "/" + name, out);
      }
    }
  }
}
