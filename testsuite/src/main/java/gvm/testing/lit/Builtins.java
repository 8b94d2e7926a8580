package gvm.testing.lit;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * The commands that lit provides itself rather than taking from the system: {@code echo}, {@code
 * cat}, {@code diff}, {@code rm}, {@code mkdir}, and LLVM's {@code count}. Options follow lit's
 * versions (lit/TestRunner.py and lit/builtin_commands).
 */
final class Builtins {
  private Builtins() {}

  /** {@code echo [-n] [-e] ARG...}: prints its arguments; -e reads backslash escapes. */
  static int echo(Tool.Invocation call) {
    List<String> args = call.args();
    int i = 0;
    boolean escapes = false;
    boolean newline = true;
    while (i < args.size() && (args.get(i).equals("-e") || args.get(i).equals("-n")
        || args.get(i).equals("-en") || args.get(i).equals("-ne"))) {
      escapes |= args.get(i).contains("e");
      newline &= !args.get(i).contains("n");
      i++;
    }
    StringBuilder sb = new StringBuilder();
    for (int k = i; k < args.size(); k++) {
      if (k > i) {
        sb.append(' ');
      }
      sb.append(escapes ? unescape(args.get(k)) : args.get(k));
    }
    if (newline) {
      sb.append('\n');
    }
    call.stdout().print(sb);
    return 0;
  }

  private static String unescape(String s) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c != '\\' || i + 1 == s.length()) {
        sb.append(c);
        continue;
      }
      char d = s.charAt(++i);
      switch (d) {
        case 'n' -> sb.append('\n');
        case 't' -> sb.append('\t');
        case 'r' -> sb.append('\r');
        case 'a' -> sb.append('\007');
        case 'b' -> sb.append('\b');
        case 'f' -> sb.append('\f');
        case 'v' -> sb.append('\013');
        case '\\' -> sb.append('\\');
        case 'x' -> {
          int end = i + 1;
          while (end < s.length() && end < i + 3 && Character.digit(s.charAt(end), 16) >= 0) {
            end++;
          }
          if (end == i + 1) {
            sb.append("\\x");
          } else {
            sb.append((char) Integer.parseInt(s.substring(i + 1, end), 16));
            i = end - 1;
          }
        }
        case '0', '1', '2', '3', '4', '5', '6', '7' -> {
          int end = i;
          while (end < s.length() && end < i + 3 && s.charAt(end) >= '0' && s.charAt(end) <= '7') {
            end++;
          }
          sb.append((char) Integer.parseInt(s.substring(i, end), 8));
          i = end - 1;
        }
        default -> sb.append('\\').append(d);
      }
    }
    return sb.toString();
  }

  /** {@code cat [FILE|-]...}: copies the files (or standard input) to standard output. */
  static int cat(Tool.Invocation call) throws IOException {
    List<String> files = call.args().isEmpty() ? List.of("-") : call.args();
    int rc = 0;
    for (String f : files) {
      if (f.equals("-")) {
        call.stdin().transferTo(call.stdout());
        continue;
      }
      Path p = call.resolve(f);
      if (Files.isDirectory(p)) {
        call.stderr().println("cat: " + f + ": Is a directory");
        rc = 1;
      } else if (!Files.exists(p)) {
        call.stderr().println("cat: " + f + ": No such file or directory");
        rc = 1;
      } else {
        try (InputStream in = Files.newInputStream(p)) {
          in.transferTo(call.stdout());
        }
      }
    }
    return rc;
  }

  /** {@code mkdir [-p] DIR...}. */
  static int mkdir(Tool.Invocation call) throws IOException {
    boolean parents = false;
    List<String> dirs = new ArrayList<>();
    for (String a : call.args()) {
      if (a.equals("-p")) {
        parents = true;
      } else if (a.startsWith("-") && a.length() > 1) {
        call.stderr().println("Unsupported: 'mkdir':  option " + a + " not recognized");
        return 127;
      } else {
        dirs.add(a);
      }
    }
    if (dirs.isEmpty()) {
      call.stderr().println("Error: 'mkdir' is missing an operand");
      return 127;
    }
    int rc = 0;
    for (String d : dirs) {
      Path p = call.resolve(d);
      try {
        if (parents) {
          Files.createDirectories(p);
        } else {
          Files.createDirectory(p);
        }
      } catch (FileAlreadyExistsException | NoSuchFileException e) {
        call.stderr().println("Error: 'mkdir' command failed, "
            + (e instanceof NoSuchFileException ? "No such file or directory: " : "File exists: ")
            + "'" + p + "'");
        rc = 1;
      }
    }
    return rc;
  }

  /** {@code rm [-f] [-r|-R|--recursive] PATH...}. */
  static int rm(Tool.Invocation call) throws IOException {
    boolean force = false;
    boolean recursive = false;
    List<String> paths = new ArrayList<>();
    boolean options = true;
    for (String a : call.args()) {
      if (options && a.equals("--")) {
        options = false;
      } else if (options && a.equals("--recursive")) {
        recursive = true;
      } else if (options && a.startsWith("-") && a.length() > 1) {
        for (char c : a.substring(1).toCharArray()) {
          if (c == 'f') {
            force = true;
          } else if (c == 'r' || c == 'R') {
            recursive = true;
          } else {
            call.stderr().println("Unsupported: 'rm':  option -" + c + " not recognized");
            return 127;
          }
        }
      } else {
        paths.add(a);
      }
    }
    if (paths.isEmpty()) {
      call.stderr().println("Error: 'rm' is missing an operand");
      return 127;
    }
    int rc = 0;
    for (String a : paths) {
      Path p = call.resolve(a);
      if (!Files.exists(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        if (!force) {
          call.stderr().println("Error: 'rm' command failed, No such file or directory: '" + p + "'");
          rc = 1;
        }
        continue;
      }
      if (Files.isDirectory(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        if (!recursive) {
          call.stderr().println("Error: " + p + " is a directory");
          rc = 1;
          continue;
        }
        try (Stream<Path> walk = Files.walk(p)) {
          for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
            Files.deleteIfExists(q);
          }
        } catch (DirectoryNotEmptyException e) {
          call.stderr().println("Error: 'rm' command failed, " + e);
          rc = 1;
        }
      } else {
        Files.delete(p);
      }
    }
    return rc;
  }

  /** LLVM's {@code count N}: succeeds when standard input has exactly N newlines. */
  static int count(Tool.Invocation call) throws IOException {
    if (call.args().size() != 1) {
      call.stderr().println("usage: count <expected line count>");
      return 2;
    }
    long expected = atoi(call.args().get(0));
    long lines = 0;
    byte[] buf = new byte[8192];
    int n;
    while ((n = call.stdin().read(buf)) > 0) {
      for (int i = 0; i < n; i++) {
        if (buf[i] == '\n') {
          lines++;
        }
      }
    }
    if (lines != expected) {
      call.stderr().println("Expected " + expected + " lines, got " + lines + ".");
      return 1;
    }
    return 0;
  }

  /** C's atoi, which LLVM's count uses: leading digits, else 0. */
  private static long atoi(String s) {
    String t = s.strip();
    int i = t.startsWith("-") || t.startsWith("+") ? 1 : 0;
    int j = i;
    while (j < t.length() && Character.isDigit(t.charAt(j))) {
      j++;
    }
    return j == i ? 0 : Long.parseLong(t.substring(0, j).replace("+", ""));
  }

  /**
   * {@code diff [-u] [-b] [-w] [--strip-trailing-cr] A B}: exit 0 when the files are equal, else
   * prints a unified diff and exits 1; 2 on trouble. Either file may be {@code -} (standard input).
   */
  static int diff(Tool.Invocation call) throws IOException {
    boolean ignoreSpaceChange = false;
    boolean ignoreAllSpace = false;
    boolean stripCr = false;
    List<String> files = new ArrayList<>();
    for (String a : call.args()) {
      switch (a) {
        case "-u" -> { }
        case "-b" -> ignoreSpaceChange = true;
        case "-w" -> ignoreAllSpace = true;
        case "--strip-trailing-cr" -> stripCr = true;
        default -> {
          if (a.startsWith("-") && a.length() > 1) {
            call.stderr().println("Unsupported: 'diff': option " + a + " not recognized");
            return 2;
          }
          files.add(a);
        }
      }
    }
    if (files.size() != 2) {
      call.stderr().println("Error: missing or extra operand");
      return 2;
    }
    List<String> a = readLines(call, files.get(0), stripCr);
    List<String> b = readLines(call, files.get(1), stripCr);
    if (a == null || b == null) {
      return 2;
    }
    boolean ws = ignoreSpaceChange;
    boolean allWs = ignoreAllSpace;
    List<String> ka = a.stream().map(l -> normalize(l, ws, allWs)).toList();
    List<String> kb = b.stream().map(l -> normalize(l, ws, allWs)).toList();
    if (ka.equals(kb)) {
      return 0;
    }
    UnifiedDiff.print(files.get(0), files.get(1), a, b, ka, kb, call.stdout());
    return 1;
  }

  private static String normalize(String line, boolean spaceChange, boolean allSpace) {
    if (allSpace) {
      return line.replaceAll("\\s+", "");
    }
    return spaceChange ? line.replaceAll("\\s+", " ").strip() : line;
  }

  private static List<String> readLines(Tool.Invocation call, String file, boolean stripCr)
      throws IOException {
    byte[] data;
    if (file.equals("-")) {
      data = call.stdin().readAllBytes();
    } else {
      Path p = call.resolve(file);
      if (!Files.isRegularFile(p)) {
        call.stderr().println("Error: '" + file + "': No such file or directory");
        return null;
      }
      data = Files.readAllBytes(p);
    }
    String text = new String(data, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
      lines.remove(lines.size() - 1);
    }
    if (stripCr) {
      lines.replaceAll(l -> l.endsWith("\r") ? l.substring(0, l.length() - 1) : l);
    }
    return lines;
  }

  /** Unified-diff output over two line lists (an LCS edit script with 3 lines of context). */
  static final class UnifiedDiff {
    private UnifiedDiff() {}

    static void print(String nameA, String nameB, List<String> a, List<String> b,
        List<String> ka, List<String> kb, PrintStream out) {
      int n = ka.size();
      int m = kb.size();
      // ops: 0 = same, 1 = only in a, 2 = only in b; pairs (i, j) index a and b
      List<int[]> ops = new ArrayList<>();
      if ((long) n * m > 25_000_000L) {
        for (int i = 0; i < n; i++) {
          ops.add(new int[] {1, i, -1});
        }
        for (int j = 0; j < m; j++) {
          ops.add(new int[] {2, -1, j});
        }
      } else {
        int[][] lcs = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
          for (int j = m - 1; j >= 0; j--) {
            lcs[i][j] = ka.get(i).equals(kb.get(j)) ? lcs[i + 1][j + 1] + 1
                : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
          }
        }
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
          if (i < n && j < m && ka.get(i).equals(kb.get(j))) {
            ops.add(new int[] {0, i++, j++});
          } else if (i < n && (j == m || lcs[i + 1][j] >= lcs[i][j + 1])) {
            ops.add(new int[] {1, i++, j});
          } else {
            ops.add(new int[] {2, i, j++});
          }
        }
      }
      out.println("--- " + nameA);
      out.println("+++ " + nameB);
      int k = 0;
      while (k < ops.size()) {
        while (k < ops.size() && ops.get(k)[0] == 0) {
          k++;
        }
        if (k == ops.size()) {
          break;
        }
        int start = Math.max(0, k - 3);
        int end = k;
        int lastChange = k;
        while (end < ops.size()) {
          if (ops.get(end)[0] != 0) {
            lastChange = end;
          } else if (end - lastChange > 6) {
            break;
          }
          end++;
        }
        end = Math.min(ops.size(), lastChange + 4);
        int aStart = -1;
        int bStart = -1;
        int aLen = 0;
        int bLen = 0;
        StringBuilder body = new StringBuilder();
        for (int q = start; q < end; q++) {
          int[] op = ops.get(q);
          if (op[0] != 2) {
            aLen++;
            if (aStart < 0) {
              aStart = op[1];
            }
          }
          if (op[0] != 1) {
            bLen++;
            if (bStart < 0) {
              bStart = op[2];
            }
          }
          if (op[0] == 0) {
            body.append(' ').append(a.get(op[1])).append('\n');
          } else if (op[0] == 1) {
            body.append('-').append(a.get(op[1])).append('\n');
          } else {
            body.append('+').append(b.get(op[2])).append('\n');
          }
        }
        if (aStart < 0) {
          aStart = ops.get(start)[1];
        }
        if (bStart < 0) {
          bStart = ops.get(start)[2];
        }
        out.println("@@ -" + (aStart + (aLen > 0 ? 1 : 0)) + "," + aLen + " +"
            + (bStart + (bLen > 0 ? 1 : 0)) + "," + bLen + " @@");
        out.print(body);
        k = end;
      }
    }
  }
}
