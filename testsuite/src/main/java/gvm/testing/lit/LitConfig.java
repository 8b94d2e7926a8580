package gvm.testing.lit;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A test configuration: what lit calls {@code TestingConfig}, the {@code config} object that a
 * {@code lit.cfg.py} or {@code lit.local.cfg} fills in. Immutable once read; {@link ConfigReader}
 * makes a child configuration from a copy of its parent's attributes.
 */
public final class LitConfig {
  /** Environment variables that lit passes on from its own environment (lit/TestingConfig.py). */
  private static final List<String> PASS_VARS = List.of("PATH", "LD_LIBRARY_PATH", "TERM",
      "TMPDIR", "TMP", "TEMP", "TEMPDIR", "FILECHECK_OPTS", "SOURCE_DATE_EPOCH", "LD_PRELOAD");

  private final Map<String, Object> attrs;
  private final List<Substitution> substitutions;
  private final List<String> suffixes;
  private final Set<String> excludes;
  private final Set<String> features;
  private final Map<String, String> environment;

  /**
   * @throws IllegalArgumentException when a substitution is not a pair or not a valid regex
   */
  LitConfig(Map<String, Object> attrs) {
    this.attrs = attrs;
    List<Substitution> subs = new ArrayList<>();
    for (Object o : list("substitutions")) {
      if (!(o instanceof List<?> pair) || pair.size() != 2) {
        throw new IllegalArgumentException("a substitution must be a (pattern, replacement) pair");
      }
      subs.add(Substitution.python(String.valueOf(pair.get(0)), String.valueOf(pair.get(1))));
    }
    this.substitutions = List.copyOf(subs);
    this.suffixes = list("suffixes").stream().map(Object::toString).toList();
    Set<String> ex = new LinkedHashSet<>();
    list("excludes").forEach(o -> ex.add(o.toString()));
    this.excludes = Collections.unmodifiableSet(ex);
    Set<String> feats = new LinkedHashSet<>();
    if (attrs.get("available_features") instanceof Set<?> s) {
      s.forEach(o -> feats.add(o.toString()));
    }
    this.features = Collections.unmodifiableSet(feats);
    Map<String, String> env = new LinkedHashMap<>();
    if (attrs.get("environment") instanceof Map<?, ?> m) {
      m.forEach((k, v) -> env.put(k.toString(), String.valueOf(v)));
    }
    this.environment = Collections.unmodifiableMap(env);
  }

  /** Returns the attributes of a configuration that no file has touched yet (lit's defaults). */
  static Map<String, Object> defaultAttributes() {
    Map<String, Object> a = new LinkedHashMap<>();
    a.put("name", "");
    a.put("suffixes", new ArrayList<>());
    a.put("excludes", new ArrayList<>());
    a.put("substitutions", new ArrayList<>());
    a.put("available_features", new LinkedHashSet<>());
    Map<String, Object> env = new LinkedHashMap<>();
    for (String var : PASS_VARS) {
      String value = System.getenv(var);
      if (value != null) {
        env.put(var, value);
      }
    }
    env.put("LLVM_DISABLE_CRASH_REPORT", "1");
    env.put("LLVM_DISABLE_SYMBOLIZATION", "1");
    a.put("environment", env);
    a.put("test_source_root", null);
    a.put("test_exec_root", null);
    a.put("test_format", null);
    a.put("unsupported", false);
    a.put("pipefail", true);
    return a;
  }

  /** Returns a deep copy of the attributes, for a child configuration to change. */
  Map<String, Object> copyAttributes() {
    return deepCopy(attrs);
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> deepCopy(Map<String, Object> m) {
    Map<String, Object> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : m.entrySet()) {
      Object v = e.getValue();
      if (v instanceof List<?> l) {
        v = new ArrayList<>(l);
      } else if (v instanceof Set<?> s) {
        v = new LinkedHashSet<>(s);
      } else if (v instanceof Map<?, ?> mm) {
        v = deepCopy((Map<String, Object>) mm);
      }
      out.put(e.getKey(), v);
    }
    return out;
  }

  private List<?> list(String key) {
    Object v = attrs.get(key);
    return v instanceof List<?> l ? l : List.of();
  }

  /** Returns the suite name ({@code config.name}). */
  public String name() {
    return String.valueOf(attrs.get("name"));
  }

  /** Returns the file suffixes that make a file a test, e.g. {@code [".mlir"]}. */
  public List<String> suffixes() {
    return suffixes;
  }

  /** Returns the file and directory names that discovery skips. */
  public Set<String> excludes() {
    return excludes;
  }

  /** Returns the config's substitutions, in order, before the built-in ones. */
  public List<Substitution> substitutions() {
    return substitutions;
  }

  /** Returns the features that REQUIRES/UNSUPPORTED/XFAIL expressions test. */
  public Set<String> availableFeatures() {
    return features;
  }

  /** Returns the environment of the commands the tests run. */
  public Map<String, String> environment() {
    return environment;
  }

  /** Returns {@code config.test_source_root}, or null when unset. */
  public Path testSourceRoot() {
    Object v = attrs.get("test_source_root");
    return v == null ? null : Path.of(v.toString());
  }

  /** Returns {@code config.test_exec_root}, or null when unset. */
  public Path testExecRoot() {
    Object v = attrs.get("test_exec_root");
    return v == null ? null : Path.of(v.toString());
  }

  /** Returns whether every test under this config is unsupported ({@code config.unsupported}). */
  public boolean unsupported() {
    return Boolean.TRUE.equals(attrs.get("unsupported"));
  }

  /** Returns whether a pipeline fails when any of its commands fails (lit's default: true). */
  public boolean pipefail() {
    return !Boolean.FALSE.equals(attrs.get("pipefail"));
  }

  /** Returns the raw value of an attribute, or null. */
  public Object get(String attribute) {
    return attrs.get(attribute);
  }
}
