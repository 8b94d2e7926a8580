package gvm.pass;

import java.util.ArrayList;
import java.util.List;

/**
 * MLIR's textual pass pipeline syntax (TextualPipeline in PassRegistry.cpp):
 * {@code builtin.module(func.func(canonicalize{max-iterations=3},cse),symbol-dce)}. Elements are
 * registered passes or pipelines, optionally with {@code {options}}, or op names followed by a
 * parenthesized nested pipeline.
 */
public final class PassPipelineParser {
  private static final String SOURCE = "MLIR Textual PassPipeline Parser";

  private PassPipelineParser() {}

  /**
   * Parses a whole pipeline {@code anchor(elements)} into a new pass manager on {@code anchor}.
   *
   * @throws PassPipelineException with MLIR's message
   */
  public static OpPassManager parse(String text) throws PassPipelineException {
    String p = text.strip();
    int open = p.indexOf('(');
    if (open <= 0 || !p.endsWith(")"))
      throw new PassPipelineException("expected pass pipeline to be wrapped with the anchor operation type, e.g. 'builtin.module(...)'");
    String anchor = p.substring(0, open).strip();
    OpPassManager pm = new OpPassManager(anchor.equals("any") ? null : anchor);
    parse(p.substring(open + 1, p.length() - 1), pm);
    return pm;
  }

  /**
   * Parses pipeline elements ({@code func.func(cse),symbol-dce}) and appends them to {@code pm}.
   *
   * @throws PassPipelineException with MLIR's message
   */
  public static void parse(String elements, OpPassManager pm) throws PassPipelineException {
    List<Element> parsed = new Parser(elements).parse();
    resolve(elements, parsed);
    addToPipeline(parsed, pm);
  }

  /** {@link #parse(String, OpPassManager)} for registered pipelines, failures unchecked. */
  static void parseInto(String elements, OpPassManager pm) {
    try {
      parse(elements, pm);
    } catch (PassPipelineException e) {
      throw new IllegalArgumentException(e.getMessage());
    }
  }

  /** One element: a name at an offset, its options, and its nested elements (non-null for {@code name(...)}). */
  private static final class Element {
    final String name;
    final int offset;
    String options = "";
    List<Element> inner;
    PassRegistry.Entry entry;

    Element(String name, int offset) {
      this.name = name;
      this.offset = offset;
    }
  }

  private static final class Parser {
    final String text;

    Parser(String text) { this.text = text; }

    List<Element> parse() throws PassPipelineException {
      List<Element> top = new ArrayList<>();
      List<List<Element>> stack = new ArrayList<>();
      stack.add(top);
      int pos = 0;
      for (;;) {
        List<Element> pipeline = stack.get(stack.size() - 1);
        int sepAt = indexOfAny(pos);
        int end = sepAt < 0 ? text.length() : sepAt;
        int nameStart = pos;
        while (nameStart < end && Character.isWhitespace(text.charAt(nameStart))) nameStart++;
        Element e = new Element(text.substring(nameStart, end).strip(), nameStart);
        pipeline.add(e);
        if (sepAt < 0) {
          pos = nameStart;
          break;
        }
        pos = sepAt;
        char sep = text.charAt(pos);
        if (sep == '{') {
          int close = -1;
          for (int i = pos + 1, depth = 1; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) {
              close = i;
              break;
            }
          }
          if (close < 0) throw error(pos, "missing closing '}' while processing pass options");
          e.options = text.substring(pos + 1, close);
          pos = skipSpaces(close + 1);
          if (pos == text.length()) break;
          sep = text.charAt(pos);
        }
        if (sep == '(') {
          e.inner = new ArrayList<>();
          stack.add(e.inner);
          pos++;
          continue;
        }
        while (pos < text.length() && text.charAt(pos) == ')') {
          pos++;
          if (stack.size() == 1)
            throw error(pos - 1, "encountered extra closing ')' creating unbalanced parentheses while parsing pipeline");
          stack.remove(stack.size() - 1);
          pos = skipSpaces(pos);
        }
        if (pos == text.length()) break;
        if (text.charAt(pos) != ',') throw error(pos, "expected ',' after parsing pipeline");
        pos++;
      }
      if (stack.size() > 1) throw error(pos, "encountered unbalanced parentheses while parsing pipeline");
      return top;
    }

    private int skipSpaces(int from) {
      while (from < text.length() && Character.isWhitespace(text.charAt(from))) from++;
      return from;
    }

    private int indexOfAny(int from) {
      for (int i = from; i < text.length(); i++) {
        char c = text.charAt(i);
        if (c == ',' || c == '(' || c == ')' || c == '{') return i;
      }
      return -1;
    }

    PassPipelineException error(int offset, String msg) { return located(text, offset, msg); }
  }

  /** MLIR's SourceMgr rendering of an error in the one-line pipeline buffer. */
  private static PassPipelineException located(String text, int offset, String msg) {
    return new PassPipelineException(SOURCE + ":1:" + (offset + 1) + ": error: " + msg + "\n" + text + "\n" + " ".repeat(offset) + "^\n");
  }

  private static void resolve(String text, List<Element> elements) throws PassPipelineException {
    for (Element e : elements) {
      if (e.inner != null) {
        resolve(text, e.inner);
        continue;
      }
      e.entry = PassRegistry.lookup(e.name);
      if (e.entry == null) throw located(text, e.offset, "'" + e.name + "' does not refer to a registered pass or pass pipeline");
    }
  }

  private static void addToPipeline(List<Element> elements, OpPassManager pm) throws PassPipelineException {
    for (Element e : elements) {
      if (e.inner != null) {
        try {
          addToPipeline(e.inner, pm.nest(e.name.equals("any") ? null : e.name));
        } catch (PassPipelineException inner) {
          throw new PassPipelineException(inner.getMessage() + "failed to add `" + e.name + "` with options `" + e.options + "` to inner pipeline\n", inner.clMessage());
        }
        continue;
      }
      try {
        e.entry.addToPipeline(pm, e.options);
      } catch (PassOptionException ex) {
        throw new PassPipelineException(failedToAdd("", e.name, e.options), ex.clMessage());
      } catch (IllegalArgumentException ex) {
        throw new PassPipelineException(failedToAdd(ex.getMessage(), e.name, e.options));
      }
    }
  }

  /** MLIR's addToPipeline failure text: the cause's line, then {@code failed to add `NAME` with options `OPTS`}. */
  static String failedToAdd(String cause, String name, String options) {
    return cause + "\n" + "failed to add `" + name + "` with options `" + options + "`\n";
  }
}
