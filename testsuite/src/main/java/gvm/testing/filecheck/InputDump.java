package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The annotated input dump printed on failure ({@code -dump-input}), in LLVM 19's layout: each
 * input line with its number, followed by one line per annotation ({@code check:2'0 X~~ error:
 * no match found}), elided to the lines near errors by {@code -dump-input-filter}/{@code -context}.
 */
final class InputDump {
  /** One annotation line: a diagnostic, or the part of it that falls on one input line. */
  private record Annotation(int diagIndex, String label, boolean firstLine, int line, int startCol, int endCol,
      char lead, String note, boolean filtersAsError) {}

  private record PatternKey(SourceText src, int loc) {}

  private static final String HELP = """
      The following description was requested by -dump-input=help to
      explain the input dump printed by FileCheck.

      Related command-line options:

        - -dump-input=<value> enables or disables the input dump
        - -dump-input-filter=<value> filters the input lines
        - -dump-input-context=<N> adjusts the context of filtered lines
        - -v and -vv add more annotations
        - -color forces colors to be enabled both in the dump and below
        - -help documents the above options in more detail

      These options can also be set via FILECHECK_OPTS.  For example, for
      maximum debugging output on failures:

        $ FILECHECK_OPTS='-dump-input-filter=all -vv -color' ninja check

      Input dump annotation format:

        - L:     labels line number L of the input file
                 An extra space is added after each input line to represent the
                 newline character
        - T:L    labels the only match result for either (1) a pattern of type T from
                 line L of the check file if L is an integer or (2) the I-th implicit
                 pattern if L is "imp" followed by an integer I (index origin one)
        - T:L'N  labels the Nth match result for such a pattern
        - ^~~    marks good match (reported if -v)
        - !~~    marks bad match, such as:
                 - CHECK-NEXT on same line as previous match (error)
                 - CHECK-NOT found (error)
                 - CHECK-DAG overlapping match (discarded, reported if -vv)
        - X~~    marks search range when no match is found, such as:
                 - CHECK-NEXT not found (error)
                 - CHECK-NOT not found (success, reported if -vv)
                 - CHECK-DAG not found after discarded matches (error)
        - ?      marks fuzzy match when no match is found
        - ...    indicates elided input lines and annotations, as specified by
                 -dump-input-filter and -dump-input-context
        - colors success, error, fuzzy match, discarded match, unmatched input
      """;

  private InputDump() {}

  /** The text printed by {@code -dump-input=help}. */
  static String help() {
    return HELP;
  }

  /** Appends the dump of {@code input} annotated with {@code diags} to {@code out}. */
  static void dump(StringBuilder out, Options opts, SourceText checkFile, List<SourceText> implicitBuffers,
      SourceText input, List<Diag> diags) {
    List<Annotation> annotations = new ArrayList<>();
    int labelWidth = build(checkFile, implicitBuffers, diags, annotations);
    // Stable: annotations of one line stay in the order FileCheck produced them.
    annotations.sort((a, b) -> a.line != b.line ? Integer.compare(a.line, b.line)
        : Integer.compare(a.diagIndex, b.diagIndex));
    out.append("Input was:\n<<<<<<\n");
    String text = input.text;
    int lineCount = input.lineOf(text.length()) - (text.endsWith("\n") ? 1 : 0);
    int lineNoWidth = Integer.toString(Math.max(lineCount, 1)).length();
    labelWidth = Math.max(labelWidth, lineNoWidth) + 3;

    int context = opts.dumpInputContext;
    int prevInFilter = 0;
    int nextInFilter = 0;
    StringBuilder elided = new StringBuilder();
    int p = 0;
    int ai = 0;
    for (int line = 1; p < text.length() || ai < annotations.size(); line++) {
      if (nextInFilter < line) {
        nextInFilter = nextLineInFilter(opts.dumpInputFilter, line, annotations, ai);
      }
      if (nextInFilter == line) {
        prevInFilter = line;
      }
      StringBuilder target;
      if ((prevInFilter == 0 || (long) prevInFilter + context < line)
          && (nextInFilter == Integer.MAX_VALUE || (long) line + context < nextInFilter)) {
        target = elided;
      } else {
        target = out;
        flushElided(out, elided, labelWidth);
      }
      rightJustify(target, Integer.toString(line), labelWidth).append(": ");
      int lineStart = p;
      while (p < text.length()) {
        char c = text.charAt(p++);
        if (c == '\n') {
          target.append(' ');
          break;
        }
        target.append(c);
      }
      target.append('\n');
      int width = p - lineStart;
      for (; ai < annotations.size() && annotations.get(ai).line == line; ai++) {
        Annotation a = annotations.get(ai);
        leftJustify(target, a.label, labelWidth).append("  ");
        int col = 1;
        for (; col < a.startCol; col++) {
          target.append(' ');
        }
        target.append(a.lead);
        for (col++; col < a.endCol && col <= width; col++) {
          target.append('~');
        }
        if (a.note != null) {
          for (; col <= width; col++) {
            target.append(' ');
          }
          target.append(' ').append(a.note);
        }
        target.append('\n');
      }
    }
    flushElided(out, elided, labelWidth);
    out.append(">>>>>>\n");
  }

  /** Turns diagnostics into annotations; returns the widest label. */
  private static int build(SourceText checkFile, List<SourceText> implicitBuffers, List<Diag> diags,
      List<Annotation> annotations) {
    Map<PatternKey, Integer> countPerPattern = new HashMap<>();
    for (Diag d : diags) {
      countPerPattern.merge(new PatternKey(d.checkSrc(), d.checkLoc()), 1, Integer::sum);
    }
    Map<PatternKey, Integer> indexPerPattern = new HashMap<>();
    int labelWidth = 0;
    int diagIndex = 0;
    for (Diag d : diags) {
      PatternKey key = new PatternKey(d.checkSrc(), d.checkLoc());
      StringBuilder label = new StringBuilder(d.checkType().abbreviation()).append(':');
      if (d.checkSrc() == checkFile) {
        label.append(checkFile.lineOf(d.checkLoc()));
      } else {
        label.append("imp").append(implicitBuffers.indexOf(d.checkSrc()) + 1);
      }
      if (countPerPattern.get(key) > 1) {
        int n = indexPerPattern.merge(key, 1, Integer::sum) - 1;
        label.append('\'').append(n);
      }
      labelWidth = Math.max(labelWidth, label.length());
      Diag.MatchType type = d.matchType();
      char lead = type.marker;
      String note = type.note;
      if (d.note() != null) {
        note = d.note();
        // A note without a range of its own gets no marker, only text.
        if (d.startLine() == d.endLine() && d.startCol() == d.endCol()) {
          lead = ' ';
        }
      }
      int index = diagIndex++;
      if (d.startLine() == d.endLine()) {
        annotations.add(new Annotation(index, label.toString(), true, d.startLine(), d.startCol(),
            Math.max(d.startCol() + 1, d.endCol()), lead, note, type.filtersAsError));
        continue;
      }
      annotations.add(new Annotation(index, label.toString(), true, d.startLine(), d.startCol(), Integer.MAX_VALUE,
          lead, note, type.filtersAsError));
      for (int l = d.startLine() + 1; l <= d.endLine(); l++) {
        // A range ending in column 1 has nothing to mark on its last line.
        if (d.endCol() == 1 && l == d.endLine()) {
          break;
        }
        annotations.add(new Annotation(index, label.toString(), false, l, 1,
            l != d.endLine() ? Integer.MAX_VALUE : d.endCol(), '~', null, type.filtersAsError));
      }
    }
    return labelWidth;
  }

  private static int nextLineInFilter(Options.DumpFilter filter, int line, List<Annotation> annotations, int from) {
    if (filter == Options.DumpFilter.ALL) {
      return line;
    }
    for (int i = from; i < annotations.size(); i++) {
      Annotation a = annotations.get(i);
      switch (filter) {
        case ANNOTATION_FULL -> {
          return a.line;
        }
        case ANNOTATION -> {
          if (a.firstLine) {
            return a.line;
          }
        }
        default -> {
          if (a.firstLine && a.filtersAsError) {
            return a.line;
          }
        }
      }
    }
    return Integer.MAX_VALUE;
  }

  /** Prints elided lines, or a vertical ellipsis when that is shorter. */
  private static void flushElided(StringBuilder out, StringBuilder elided, int labelWidth) {
    if (elided.length() == 0) {
      return;
    }
    int lines = 0;
    for (int i = 0; i < elided.length(); i++) {
      if (elided.charAt(i) == '\n') {
        lines++;
      }
    }
    if (lines > 3) {
      for (int i = 0; i < 3; i++) {
        rightJustify(out, ".", labelWidth).append('\n');
      }
    } else {
      out.append(elided);
    }
    elided.setLength(0);
  }

  private static StringBuilder rightJustify(StringBuilder sb, String s, int width) {
    for (int i = s.length(); i < width; i++) {
      sb.append(' ');
    }
    return sb.append(s);
  }

  private static StringBuilder leftJustify(StringBuilder sb, String s, int width) {
    sb.append(s);
    for (int i = s.length(); i < width; i++) {
      sb.append(' ');
    }
    return sb;
  }
}
