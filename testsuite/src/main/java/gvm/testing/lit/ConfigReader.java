package gvm.testing.lit;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads a {@code lit.cfg.py} or {@code lit.local.cfg} without Python. It understands the small
 * subset of Python that plain configs use, one statement per line (brackets may span lines):
 *
 * <ul>
 *   <li>{@code import …} and {@code from … import …}: ignored;
 *   <li>assignments {@code name = expr}, {@code config.attr = expr}, {@code x[key] = expr}, and
 *       {@code +=} on strings and lists;
 *   <li>method-call statements: {@code list.append/extend/insert}, {@code set.add/update/discard},
 *       {@code dict.get/setdefault}, {@code str.join/replace/strip/lower/upper}, {@code
 *       lit_config.note/warning} (ignored) and {@code lit_config.fatal} (an error);
 *   <li>expressions: string literals (with {@code r} prefixes and escapes), integers, {@code True
 *       False None}, lists, tuples, {@code +}, names, {@code __file__}, {@code config.attr}, {@code
 *       os.sep os.pathsep os.environ}, {@code os.path.join/dirname/basename/abspath/realpath/
 *       normpath/exists/isdir}, {@code lit_config.params} (the {@code -D}/{@code --param} values)
 *       and {@code lit.formats.ShTest(execute_external)}.
 * </ul>
 *
 * Anything else ({@code if}, {@code for}, {@code def}, …) is reported as an error with its line, so a
 * config that both lit and gvm-lit read stays within what both understand.
 */
public final class ConfigReader {
  /** The value {@code lit.formats.ShTest(...)} evaluates to. */
  public record ShTestFormat(boolean executeExternal) {}

  /** A configuration file that gvm-lit cannot read. */
  public static final class ConfigException extends Exception {
    ConfigException(String message) {
      super(message);
    }
  }

  private record Module(String dotted) {}

  private record BoundMethod(Object self, String name) {}

  private record ConfigObject(Map<String, Object> attrs) {}

  private record LitConfigObject() {}

  // ---- tokens ------------------------------------------------------------------------------

  private enum Kind { NAME, STRING, NUMBER, OP, INDENT, NEWLINE, EOF }

  private record Token(Kind kind, String text, Object value, int line) {}

  // ---- syntax tree -------------------------------------------------------------------------

  private sealed interface Node {}

  private record Const(Object value) implements Node {}

  private record Name(String name) implements Node {}

  private record Attr(Node obj, String name) implements Node {}

  private record Index(Node obj, Node key) implements Node {}

  private record Call(Node fn, List<Node> args, Map<String, Node> kwargs) implements Node {}

  private record Seq(List<Node> items, boolean tuple) implements Node {}

  private record Add(Node lhs, Node rhs) implements Node {}

  private final Path file;
  private final Map<String, String> params;
  private final ConfigObject config;
  private final Map<String, Object> locals = new LinkedHashMap<>();
  private List<Token> tokens;
  private int pos;

  private ConfigReader(Path file, Map<String, Object> attrs, Map<String, String> params) {
    this.file = file;
    this.config = new ConfigObject(attrs);
    this.params = params;
  }

  /**
   * Reads a suite's {@code lit.cfg.py}.
   *
   * @param params the {@code -D name=value} parameters ({@code lit_config.params})
   * @return the configuration; its source root defaults to the file's directory
   * @throws ConfigException when the file cannot be read or leaves the supported subset
   */
  public static LitConfig readSuiteConfig(Path file, Map<String, String> params)
      throws ConfigException {
    Map<String, Object> attrs = LitConfig.defaultAttributes();
    attrs.put("test_source_root", file.toAbsolutePath().getParent().toString());
    return read(file, attrs, params);
  }

  /**
   * Reads a {@code lit.local.cfg} on top of a copy of its parent directory's configuration.
   *
   * @throws ConfigException when the file cannot be read or leaves the supported subset
   */
  public static LitConfig readLocalConfig(Path file, LitConfig parent, Map<String, String> params)
      throws ConfigException {
    return read(file, parent.copyAttributes(), params);
  }

  /** Reads configuration text (for tests), as if it came from {@code file}. */
  static LitConfig readText(Path file, String text, Map<String, String> params)
      throws ConfigException {
    Map<String, Object> attrs = LitConfig.defaultAttributes();
    attrs.put("test_source_root", file.toAbsolutePath().getParent().toString());
    new ConfigReader(file, attrs, params).run(text);
    return finish(file, attrs);
  }

  private static LitConfig read(Path file, Map<String, Object> attrs, Map<String, String> params)
      throws ConfigException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read: " + e.getMessage());
    }
    new ConfigReader(file, attrs, params).run(text);
    return finish(file, attrs);
  }

  private static LitConfig finish(Path file, Map<String, Object> attrs) throws ConfigException {
    try {
      return new LitConfig(attrs);
    } catch (RuntimeException e) {
      throw new ConfigException(file + ": bad substitution: " + e.getMessage());
    }
  }

  private void run(String text) throws ConfigException {
    tokens = tokenize(text);
    pos = 0;
    while (peek().kind != Kind.EOF) {
      Token start = peek();
      try {
        statement();
      } catch (RuntimeException e) {
        throw new ConfigException(file + ":" + start.line + ": " + e.getMessage()
            + " (gvm-lit reads a subset of Python; see gvm.testing.lit.ConfigReader)");
      }
    }
  }

  // ---- tokenizer ---------------------------------------------------------------------------

  private List<Token> tokenize(String s) throws ConfigException {
    List<Token> out = new ArrayList<>();
    int i = 0;
    int line = 1;
    int depth = 0;
    boolean lineStart = true;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '\n') {
        if (depth == 0 && !out.isEmpty() && out.get(out.size() - 1).kind != Kind.NEWLINE) {
          out.add(new Token(Kind.NEWLINE, "\n", null, line));
        }
        line++;
        i++;
        lineStart = true;
        continue;
      }
      if (c == '#') {
        while (i < s.length() && s.charAt(i) != '\n') {
          i++;
        }
        continue;
      }
      if (c == '\\' && i + 1 < s.length() && s.charAt(i + 1) == '\n') {
        i += 2;
        line++;
        continue;
      }
      if (c == ' ' || c == '\t' || c == '\r') {
        int j = i;
        while (j < s.length() && (s.charAt(j) == ' ' || s.charAt(j) == '\t' || s.charAt(j) == '\r')) {
          j++;
        }
        boolean blank = j == s.length() || s.charAt(j) == '\n' || s.charAt(j) == '#';
        if (lineStart && depth == 0 && !blank) {
          out.add(new Token(Kind.INDENT, "    ", null, line));
        }
        i = j;
        continue;
      }
      lineStart = false;
      int startLine = line;
      if (Character.isLetter(c) || c == '_') {
        int j = i;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_')) {
          j++;
        }
        String word = s.substring(i, j);
        if (j < s.length() && (s.charAt(j) == '\'' || s.charAt(j) == '"')
            && word.matches("[rRuUbB]|[rR][bB]|[bB][rR]")) {
          i = j;
          boolean raw = word.toLowerCase().contains("r");
          int[] end = new int[1];
          String value = stringLiteral(s, i, raw, end, startLine);
          line += count(s, i, end[0]);
          i = end[0];
          out.add(new Token(Kind.STRING, value, value, startLine));
          continue;
        }
        out.add(new Token(Kind.NAME, word, null, startLine));
        i = j;
      } else if (Character.isDigit(c)) {
        int j = i;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        out.add(new Token(Kind.NUMBER, s.substring(i, j), Long.parseLong(s.substring(i, j)),
            startLine));
        i = j;
      } else if (c == '\'' || c == '"') {
        int[] end = new int[1];
        String value = stringLiteral(s, i, false, end, startLine);
        line += count(s, i, end[0]);
        i = end[0];
        out.add(new Token(Kind.STRING, value, value, startLine));
      } else {
        String op = i + 1 < s.length() && s.startsWith("+=", i) ? "+=" : String.valueOf(c);
        if ("()[]{},.=+:".indexOf(c) < 0) {
          throw new ConfigException(file + ":" + line + ": unexpected character '" + c
              + "' (gvm-lit reads a subset of Python; see gvm.testing.lit.ConfigReader)");
        }
        if (c == '(' || c == '[' || c == '{') {
          depth++;
        } else if (c == ')' || c == ']' || c == '}') {
          depth--;
        }
        out.add(new Token(Kind.OP, op, null, startLine));
        i += op.length();
      }
    }
    out.add(new Token(Kind.NEWLINE, "\n", null, line));
    out.add(new Token(Kind.EOF, "", null, line));
    return out;
  }

  private static int count(String s, int from, int to) {
    int n = 0;
    for (int k = from; k < to; k++) {
      if (s.charAt(k) == '\n') {
        n++;
      }
    }
    return n;
  }

  private String stringLiteral(String s, int i, boolean raw, int[] end, int line)
      throws ConfigException {
    char q = s.charAt(i);
    boolean triple = s.startsWith(String.valueOf(q).repeat(3), i);
    String close = triple ? String.valueOf(q).repeat(3) : String.valueOf(q);
    int j = i + close.length();
    StringBuilder sb = new StringBuilder();
    while (true) {
      if (j >= s.length() || (!triple && s.charAt(j) == '\n')) {
        throw new ConfigException(file + ":" + line + ": unterminated string literal");
      }
      if (s.startsWith(close, j)) {
        end[0] = j + close.length();
        return sb.toString();
      }
      char c = s.charAt(j);
      if (c == '\\' && j + 1 < s.length()) {
        char d = s.charAt(j + 1);
        j += 2;
        if (raw) {
          sb.append(c).append(d);
          continue;
        }
        switch (d) {
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          case '0' -> sb.append('\0');
          case '\\', '\'', '"' -> sb.append(d);
          case '\n' -> { }
          default -> sb.append(c).append(d);
        }
        continue;
      }
      sb.append(c);
      j++;
    }
  }

  // ---- parser ------------------------------------------------------------------------------

  private Token peek() {
    return tokens.get(pos);
  }

  private boolean isOp(String op) {
    Token t = peek();
    return t.kind == Kind.OP && t.text.equals(op);
  }

  private void expectOp(String op) {
    if (!isOp(op)) {
      throw new IllegalArgumentException("expected '" + op + "' but found '" + peek().text + "'");
    }
    pos++;
  }

  private void statement() {
    Token t = peek();
    if (t.kind == Kind.NEWLINE) {
      pos++;
      return;
    }
    if (t.kind == Kind.INDENT) {
      throw new IllegalArgumentException("indented blocks are not supported");
    }
    if (t.kind == Kind.NAME && (t.text.equals("import") || t.text.equals("from"))) {
      while (peek().kind != Kind.NEWLINE) {
        pos++;
      }
      pos++;
      return;
    }
    if (t.kind == Kind.NAME && Set.of("if", "for", "while", "def", "class", "try", "with",
        "elif", "else", "return", "del", "global", "lambda", "assert", "raise").contains(t.text)) {
      throw new IllegalArgumentException("'" + t.text + "' statements are not supported");
    }
    Node target = expression();
    if (isOp("=") || isOp("+=")) {
      boolean augmented = peek().text.equals("+=");
      pos++;
      Object value = eval(expression());
      if (augmented) {
        Object old = eval(target);
        if (old instanceof List<?> l) {
          @SuppressWarnings("unchecked")
          List<Object> ol = (List<Object>) l;
          ol.addAll(asList(value));
          value = ol;
        } else {
          value = add(old, value);
        }
      }
      assign(target, value);
    } else {
      eval(target);
    }
    if (peek().kind != Kind.NEWLINE) {
      throw new IllegalArgumentException("unexpected '" + peek().text + "'");
    }
    pos++;
  }

  private Node expression() {
    Node lhs = postfix();
    while (isOp("+")) {
      pos++;
      lhs = new Add(lhs, postfix());
    }
    return lhs;
  }

  private Node postfix() {
    Node n = primary();
    while (true) {
      if (isOp(".")) {
        pos++;
        Token name = peek();
        if (name.kind != Kind.NAME) {
          throw new IllegalArgumentException("expected a name after '.'");
        }
        pos++;
        n = new Attr(n, name.text);
      } else if (isOp("[")) {
        pos++;
        Node key = expression();
        expectOp("]");
        n = new Index(n, key);
      } else if (isOp("(")) {
        pos++;
        List<Node> args = new ArrayList<>();
        Map<String, Node> kwargs = new LinkedHashMap<>();
        while (!isOp(")")) {
          if (peek().kind == Kind.NAME && tokens.get(pos + 1).kind == Kind.OP
              && tokens.get(pos + 1).text.equals("=")) {
            String key = peek().text;
            pos += 2;
            kwargs.put(key, expression());
          } else {
            args.add(expression());
          }
          if (!isOp(")")) {
            expectOp(",");
          }
        }
        pos++;
        n = new Call(n, args, kwargs);
      } else {
        return n;
      }
    }
  }

  private Node primary() {
    Token t = peek();
    pos++;
    switch (t.kind) {
      case STRING: {
        StringBuilder sb = new StringBuilder((String) t.value);
        while (peek().kind == Kind.STRING) {
          sb.append((String) peek().value);
          pos++;
        }
        return new Const(sb.toString());
      }
      case NUMBER:
        return new Const(t.value);
      case NAME:
        switch (t.text) {
          case "True":
            return new Const(Boolean.TRUE);
          case "False":
            return new Const(Boolean.FALSE);
          case "None":
            return new Const(null);
          default:
            return new Name(t.text);
        }
      case OP:
        if (t.text.equals("(") || t.text.equals("[")) {
          String close = t.text.equals("(") ? ")" : "]";
          List<Node> items = new ArrayList<>();
          boolean comma = false;
          while (!isOp(close)) {
            items.add(expression());
            if (!isOp(close)) {
              expectOp(",");
              comma = true;
            }
          }
          pos++;
          if (t.text.equals("(") && items.size() == 1 && !comma) {
            return items.get(0);
          }
          return new Seq(items, t.text.equals("("));
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException("unexpected '" + t.text.strip() + "'");
  }

  // ---- evaluation --------------------------------------------------------------------------

  private Object eval(Node n) {
    if (n instanceof Const c) {
      return c.value;
    }
    if (n instanceof Name name) {
      return lookup(name.name);
    }
    if (n instanceof Seq seq) {
      List<Object> items = new ArrayList<>();
      for (Node item : seq.items) {
        items.add(eval(item));
      }
      return seq.tuple ? Collections.unmodifiableList(items) : items;
    }
    if (n instanceof Add add) {
      return add(eval(add.lhs), eval(add.rhs));
    }
    if (n instanceof Attr attr) {
      return attribute(eval(attr.obj), attr.name);
    }
    if (n instanceof Index index) {
      Object obj = eval(index.obj);
      Object key = eval(index.key);
      if (obj instanceof Map<?, ?> m) {
        if (!m.containsKey(key)) {
          throw new IllegalArgumentException("KeyError: " + key);
        }
        return m.get(key);
      }
      if (obj instanceof List<?> l && key instanceof Long k) {
        return l.get((int) (k < 0 ? l.size() + k : k));
      }
      throw new IllegalArgumentException("cannot index " + describe(obj));
    }
    Call call = (Call) n;
    Object fn = eval(call.fn);
    List<Object> args = new ArrayList<>();
    for (Node a : call.args) {
      args.add(eval(a));
    }
    Map<String, Object> kwargs = new LinkedHashMap<>();
    call.kwargs.forEach((k, v) -> kwargs.put(k, eval(v)));
    return call(fn, args, kwargs);
  }

  private Object lookup(String name) {
    switch (name) {
      case "config":
        return config;
      case "lit_config":
        return new LitConfigObject();
      case "os":
      case "lit":
      case "sys":
        return new Module(name);
      case "__file__":
        return file.toAbsolutePath().toString();
      default:
        if (locals.containsKey(name)) {
          return locals.get(name);
        }
        throw new IllegalArgumentException("name '" + name + "' is not defined");
    }
  }

  private Object attribute(Object obj, String name) {
    if (obj instanceof Module m) {
      String dotted = m.dotted + "." + name;
      switch (dotted) {
        case "os.pathsep":
          return java.io.File.pathSeparator;
        case "os.sep":
          return java.io.File.separator;
        case "os.environ":
          return Collections.unmodifiableMap(new LinkedHashMap<>(System.getenv()));
        case "sys.platform":
          return "linux";
        default:
          return new Module(dotted);
      }
    }
    if (obj instanceof ConfigObject c) {
      if (!c.attrs.containsKey(name)) {
        throw new IllegalArgumentException("'TestingConfig' object has no attribute '" + name + "'");
      }
      return c.attrs.get(name);
    }
    if (obj instanceof LitConfigObject && name.equals("params")) {
      return Collections.unmodifiableMap(new LinkedHashMap<>(params));
    }
    return new BoundMethod(obj, name);
  }

  private void assign(Node target, Object value) {
    if (value instanceof List<?> l && !(value instanceof ArrayList<?>)) {
      value = new ArrayList<>(l);
    }
    if (target instanceof Name name) {
      locals.put(name.name, value);
      return;
    }
    if (target instanceof Attr attr && eval(attr.obj) instanceof ConfigObject c) {
      if (attr.name.equals("available_features") && value instanceof Collection<?> coll) {
        value = new LinkedHashSet<>(coll);
      }
      c.attrs.put(attr.name, value);
      return;
    }
    if (target instanceof Index index && eval(index.obj) instanceof Map<?, ?> m) {
      @SuppressWarnings("unchecked")
      Map<Object, Object> map = (Map<Object, Object>) m;
      map.put(eval(index.key), value);
      return;
    }
    throw new IllegalArgumentException("cannot assign to this target");
  }

  private static Object add(Object a, Object b) {
    if (a instanceof String sa && b instanceof String sb) {
      return sa + sb;
    }
    if (a instanceof List<?> la && b instanceof List<?> lb) {
      List<Object> out = new ArrayList<>(la);
      out.addAll(lb);
      return out;
    }
    if (a instanceof Long x && b instanceof Long y) {
      return x + y;
    }
    throw new IllegalArgumentException("cannot add " + describe(a) + " and " + describe(b));
  }

  private static List<?> asList(Object o) {
    if (o instanceof Collection<?> c) {
      return new ArrayList<>(c);
    }
    throw new IllegalArgumentException("expected a list but found " + describe(o));
  }

  private static String describe(Object o) {
    return o == null ? "None" : o.getClass().getSimpleName();
  }

  private static String str(Object o) {
    if (o instanceof String s) {
      return s;
    }
    throw new IllegalArgumentException("expected a string but found " + describe(o));
  }

  @SuppressWarnings("unchecked")
  private Object call(Object fn, List<Object> args, Map<String, Object> kwargs) {
    if (fn instanceof Module m) {
      return callModule(m.dotted, args, kwargs);
    }
    if (!(fn instanceof BoundMethod bm)) {
      throw new IllegalArgumentException(describe(fn) + " is not callable");
    }
    Object self = bm.self;
    String name = bm.name;
    if (self instanceof LitConfigObject) {
      switch (name) {
        case "note":
        case "warning":
          return null;
        case "fatal":
        case "error":
          throw new IllegalArgumentException("lit_config." + name + ": " + args);
        default:
          break;
      }
    } else if (self instanceof List<?> l) {
      List<Object> list = (List<Object>) l;
      switch (name) {
        case "append":
          list.add(args.get(0));
          return null;
        case "extend":
          list.addAll(asList(args.get(0)));
          return null;
        case "insert":
          list.add((int) (long) (Long) args.get(0), args.get(1));
          return null;
        default:
          break;
      }
    } else if (self instanceof Set<?> s) {
      Set<Object> set = (Set<Object>) s;
      switch (name) {
        case "add":
          set.add(args.get(0));
          return null;
        case "update":
          set.addAll(asList(args.get(0)));
          return null;
        case "discard":
          set.remove(args.get(0));
          return null;
        default:
          break;
      }
    } else if (self instanceof Map<?, ?> mm) {
      Map<Object, Object> map = (Map<Object, Object>) mm;
      switch (name) {
        case "get":
          return map.getOrDefault(args.get(0), args.size() > 1 ? args.get(1) : null);
        case "setdefault":
          return map.computeIfAbsent(args.get(0), k -> args.size() > 1 ? args.get(1) : null);
        default:
          break;
      }
    } else if (self instanceof String s) {
      switch (name) {
        case "join": {
          List<String> parts = new ArrayList<>();
          asList(args.get(0)).forEach(o -> parts.add(str(o)));
          return String.join(s, parts);
        }
        case "replace":
          return s.replace(str(args.get(0)), str(args.get(1)));
        case "strip":
          return s.strip();
        case "lower":
          return s.toLowerCase();
        case "upper":
          return s.toUpperCase();
        default:
          break;
      }
    }
    throw new IllegalArgumentException("unsupported method '" + name + "' on " + describe(self));
  }

  private Object callModule(String dotted, List<Object> args, Map<String, Object> kwargs) {
    switch (dotted) {
      case "os.path.join": {
        Path p = Path.of(str(args.get(0)));
        for (Object a : args.subList(1, args.size())) {
          p = p.resolve(str(a));
        }
        return p.toString();
      }
      case "os.path.dirname": {
        String s = str(args.get(0));
        int slash = s.lastIndexOf('/');
        return slash < 0 ? "" : slash == 0 ? "/" : s.substring(0, slash);
      }
      case "os.path.basename": {
        String s = str(args.get(0));
        return s.substring(s.lastIndexOf('/') + 1);
      }
      case "os.path.abspath":
      case "os.path.normpath":
        return Path.of(str(args.get(0))).toAbsolutePath().normalize().toString();
      case "os.path.realpath":
        try {
          return Path.of(str(args.get(0))).toRealPath().toString();
        } catch (IOException e) {
          return Path.of(str(args.get(0))).toAbsolutePath().normalize().toString();
        }
      case "os.path.exists":
        return Files.exists(Path.of(str(args.get(0))));
      case "os.path.isdir":
        return Files.isDirectory(Path.of(str(args.get(0))));
      case "lit.formats.ShTest": {
        Object external = !args.isEmpty() ? args.get(0) : kwargs.get("execute_external");
        return new ShTestFormat(Boolean.TRUE.equals(external));
      }
      default:
        throw new IllegalArgumentException("unsupported function '" + dotted + "'");
    }
  }
}
