package gvm.testing.lit;

import gvm.testing.lit.ShCommand.Command;
import gvm.testing.lit.ShCommand.Pipeline;
import gvm.testing.lit.ShCommand.Redirect;
import gvm.testing.lit.ShCommand.Seq;
import gvm.testing.lit.ShCommand.Word;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses a RUN line with the grammar of LLVM lit's internal shell (lit/ShUtil.py): words with
 * {@code '…'} and {@code "…"} quoting and backslash escapes, redirections ({@code > >> < 2> 2>>
 * 2>&1 >&2 &>}), pipes and the list operators {@code ; && || &}, which, as in lit, all bind equally
 * and associate to the left.
 */
public final class ShParser {
  /** An operator token; {@code fd} is the number that was glued to a redirection, or -1. */
  private record Op(String op, int fd) {}

  private final String data;
  private int pos;
  private final List<Object> tokens = new ArrayList<>();
  private int next;

  private ShParser(String data) {
    this.data = data;
  }

  /**
   * Parses one command line.
   *
   * @return the parsed tree
   * @throws IllegalArgumentException on a syntax error (empty command, dangling operator, …)
   */
  public static ShCommand parse(String line) {
    ShParser p = new ShParser(line);
    p.lexAll();
    if (p.tokens.isEmpty()) {
      throw new IllegalArgumentException("empty command!");
    }
    ShCommand lhs = p.parsePipeline();
    while (p.next < p.tokens.size()) {
      Object tok = p.tokens.get(p.next++);
      if (!(tok instanceof Op op) || op.fd >= 0) {
        throw new IllegalArgumentException("syntax error near unexpected token '" + tok + "'");
      }
      if (p.next == p.tokens.size()) {
        throw new IllegalArgumentException("missing argument to operator '" + op.op + "'");
      }
      lhs = new Seq(lhs, op.op, p.parsePipeline());
    }
    return lhs;
  }

  // ---- lexer -------------------------------------------------------------------------------

  private void lexAll() {
    while (pos < data.length()) {
      if (Character.isWhitespace(data.charAt(pos))) {
        pos++;
      } else {
        tokens.add(lexOneToken());
      }
    }
  }

  private boolean maybeEat(char c) {
    if (pos < data.length() && data.charAt(pos) == c) {
      pos++;
      return true;
    }
    return false;
  }

  private Object lexOneToken() {
    char c = data.charAt(pos++);
    switch (c) {
      case ';':
        return new Op(";", -1);
      case '|':
        return new Op(maybeEat('|') ? "||" : "|", -1);
      case '&':
        if (maybeEat('&')) {
          return new Op("&&", -1);
        }
        return new Op(maybeEat('>') ? "&>" : "&", -1);
      case '>':
        if (maybeEat('&')) {
          return new Op(">&", -1);
        }
        return new Op(maybeEat('>') ? ">>" : ">", -1);
      case '<':
        return new Op("<", -1);
      default:
        return lexArg(c);
    }
  }

  private Object lexArg(char first) {
    StringBuilder s = new StringBuilder();
    boolean unquotedGlob = false;
    boolean quoted = false;
    if (first == '\'' || first == '"') {
      lexQuoted(first, s);
      quoted = true;
    } else if (first == '\\') {
      if (pos < data.length()) {
        s.append(data.charAt(pos++));
      }
    } else {
      s.append(first);
      unquotedGlob = first == '*' || first == '?';
    }
    while (pos < data.length()) {
      char c = data.charAt(pos);
      if (Character.isWhitespace(c) || c == '|' || c == '&' || c == ';') {
        break;
      } else if (c == '>' || c == '<') {
        // "2>" is one token, so that we need not track whitespace
        if (quoted || s.length() == 0 || !isDigits(s)) {
          break;
        }
        int fd = Integer.parseInt(s.toString());
        Op op = (Op) lexOneToken();
        return new Op(op.op, fd);
      } else if (c == '"' || c == '\'') {
        pos++;
        lexQuoted(c, s);
        quoted = true;
      } else if (c == '\\') {
        pos++;
        if (pos < data.length()) {
          s.append(data.charAt(pos++));
        }
      } else {
        unquotedGlob |= c == '*' || c == '?';
        s.append(c);
        pos++;
      }
    }
    return new Word(s.toString(), unquotedGlob);
  }

  private static boolean isDigits(CharSequence s) {
    for (int i = 0; i < s.length(); i++) {
      if (!Character.isDigit(s.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  private void lexQuoted(char delim, StringBuilder s) {
    while (pos < data.length()) {
      char c = data.charAt(pos++);
      if (c == delim) {
        return;
      }
      if (c == '\\' && delim == '"' && pos < data.length()) {
        // inside "…", a backslash only escapes '"' and '\'; otherwise it stays
        char d = data.charAt(pos++);
        if (d != '"' && d != '\\') {
          s.append('\\');
        }
        s.append(d);
      } else {
        s.append(c);
      }
    }
    throw new IllegalArgumentException("missing quote character in '" + data + "'");
  }

  // ---- parser ------------------------------------------------------------------------------

  private Pipeline parsePipeline() {
    List<Command> commands = new ArrayList<>();
    commands.add(parseCommand());
    while (next < tokens.size() && tokens.get(next) instanceof Op op && op.op.equals("|")
        && op.fd < 0) {
      next++;
      commands.add(parseCommand());
    }
    return new Pipeline(List.copyOf(commands));
  }

  private Command parseCommand() {
    if (next >= tokens.size()) {
      throw new IllegalArgumentException("empty command!");
    }
    Object first = tokens.get(next);
    List<Word> args = new ArrayList<>();
    List<Redirect> redirects = new ArrayList<>();
    while (next < tokens.size()) {
      Object tok = tokens.get(next);
      if (tok instanceof Word w) {
        args.add(w);
        next++;
        continue;
      }
      Op op = (Op) tok;
      if (op.fd < 0 && isTerminator(op.op)) {
        break;
      }
      next++;
      if (next >= tokens.size() || !(tokens.get(next) instanceof Word target)) {
        throw new IllegalArgumentException("syntax error near token '" + op.op + "'");
      }
      next++;
      redirects.add(new Redirect(op.op, op.fd, target));
    }
    if (args.isEmpty()) {
      throw new IllegalArgumentException(
          first instanceof Op op ? "syntax error near unexpected token '" + op.op + "'"
              : "empty command!");
    }
    return new Command(List.copyOf(args), List.copyOf(redirects));
  }

  private static boolean isTerminator(String op) {
    return op.equals("|") || op.equals(";") || op.equals("&") || op.equals("||")
        || op.equals("&&");
  }
}
