package gvm.testing.lit;

import java.util.List;

/**
 * The syntax tree of one RUN line, as LLVM lit's ShCommands.py models it: a {@link Seq} of {@link
 * Pipeline}s of {@link Command}s.
 */
public sealed interface ShCommand permits ShCommand.Pipeline, ShCommand.Seq {

  /**
   * One word of a command line after quote removal.
   *
   * @param text the word
   * @param glob whether it holds an unquoted {@code *} or {@code ?} and so is expanded as a glob
   */
  record Word(String text, boolean glob) {
    @Override
    public String toString() {
      return text;
    }
  }

  /**
   * A redirection: {@code op} is one of {@code > >> < >& &>}, {@code fd} the number written before
   * it or -1 (so {@code 2>&1} is op {@code >&}, fd 2, target {@code 1}).
   */
  record Redirect(String op, int fd, Word target) {
    @Override
    public String toString() {
      return (fd >= 0 ? Integer.toString(fd) : "") + op + " " + target;
    }
  }

  /** A simple command: its words and its redirections. */
  record Command(List<Word> args, List<Redirect> redirects) {
    /** Returns the words as plain strings. */
    public List<String> argStrings() {
      return args.stream().map(Word::text).toList();
    }
  }

  /** Commands joined by {@code |}. */
  record Pipeline(List<Command> commands) implements ShCommand {}

  /** Two parts joined by {@code ;}, {@code &&}, {@code ||} or {@code &}. */
  record Seq(ShCommand lhs, String op, ShCommand rhs) implements ShCommand {}
}
