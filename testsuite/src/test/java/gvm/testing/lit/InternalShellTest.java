package gvm.testing.lit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InternalShellTest {
  @TempDir Path dir;

  /** Test tools: upper-cases stdin; writes to both streams; throws. */
  static ToolRegistry testTools() {
    return ToolRegistry.builtinsOnly()
        .withTool("upper", call -> {
          call.stdout().print(new String(call.stdin().readAllBytes(), StandardCharsets.UTF_8)
              .toUpperCase(Locale.ROOT));
          return 0;
        })
        .withTool("both", call -> {
          call.stdout().println("to-out");
          call.stderr().println("to-err");
          return call.args().isEmpty() ? 0 : Integer.parseInt(call.args().get(0));
        })
        .withTool("crash", call -> {
          throw new IllegalStateException("boom");
        })
        .withTool("pwd-tool", call -> {
          call.stdout().println(call.cwd());
          return 0;
        });
  }

  private InternalShell shell;

  @BeforeEach
  void setUp() {
    shell = new InternalShell(testTools(), new ExecutionControl(), dir,
        Map.of("PATH", "/usr/bin:/bin"), true, false);
  }

  private int run(String line) {
    return shell.runLine("RUN: at line 1", line, ShParser.parse(line));
  }

  private String read(String name) throws IOException {
    return Files.readString(dir.resolve(name));
  }

  @Test
  void pipesPassBytesBetweenInProcessTools() throws IOException {
    assertEquals(0, run("echo hello | upper | upper > out.txt"));
    assertEquals("HELLO\n", read("out.txt"));
  }

  @Test
  void redirectionsAppendAndMerge() throws IOException {
    assertEquals(0, run("echo one > f && echo two >> f"));
    assertEquals("one\ntwo\n", read("f"));
    assertEquals(0, run("both > o 2> e"));
    assertEquals("to-out\n", read("o"));
    assertEquals("to-err\n", read("e"));
    assertEquals(0, run("both 2>&1 | upper > merged"));
    assertEquals("TO-OUT\nTO-ERR\n", read("merged"));
    assertEquals(0, run("both > all 2>&1"));
    assertEquals("to-out\nto-err\n", read("all"));
    assertEquals(0, run("both &> all2"));
    assertEquals("to-out\nto-err\n", read("all2"));
    assertEquals(0, run("upper < f > g"));
    assertEquals("ONE\nTWO\n", read("g"));
    // >&2 sends stdout to stderr, so nothing reaches the pipe
    assertEquals(0, run("echo hidden >&2 | count 0"));
  }

  @Test
  void listOperators() throws IOException {
    assertEquals(0, run("false || echo a > x"));
    assertEquals("a\n", read("x"));
    assertEquals(1, run("false && echo b > y"));
    assertFalse(Files.exists(dir.resolve("y")));
    assertEquals(0, run("false ; true"));
    assertEquals(1, run("true ; false"));
  }

  @Test
  void pipefailTakesTheLastFailure() {
    assertEquals(1, run("false | true"));
    assertEquals(3, run("both 3 | both 0"));
    assertEquals(0, run("true | true"));
  }

  @Test
  void notAndCrash() {
    assertEquals(0, run("not false"));
    assertEquals(1, run("not true"));
    assertEquals(0, run("not not true"));
    assertEquals(0, run("not both 5"));
    assertEquals(1, run("not crash"), "a crash is a failure even under not");
    assertEquals(0, run("not --crash crash"));
    assertEquals(1, run("not --crash false"));
    assertEquals(InternalShell.CRASH_STATUS, run("crash"));
    assertTrue(shell.trace().contains("in-process tool crashed: java.lang.IllegalStateException: boom"),
        shell.trace());
    assertEquals(0, run("! false"));
  }

  @Test
  void countAndEcho() {
    assertEquals(0, run("echo a | count 1"));
    assertEquals(1, run("echo -n a | count 1"));
    assertTrue(shell.trace().contains("Expected 1 lines, got 0."));
    assertEquals(0, run("echo -e 'a\\nb' | count 2"));
    assertEquals(2, run("count"));
  }

  @Test
  void splitFileCatAndDiff() throws IOException {
    Files.writeString(dir.resolve("in.txt"), "head\n//--- a.txt\nA\n//--- d/b.txt\nB1\nB2\n");
    assertEquals(0, run("split-file in.txt parts && cat parts/a.txt parts/d/b.txt > joined"));
    assertEquals("A\nB1\nB2\n", read("joined"));
    assertEquals(0, run("diff parts/a.txt parts/a.txt"));
    assertEquals(1, run("diff parts/a.txt parts/d/b.txt > d.out"));
    assertEquals("--- parts/a.txt\n+++ parts/d/b.txt\n@@ -1,1 +1,2 @@\n-A\n+B1\n+B2\n",
        read("d.out"));
    assertEquals(1, run("split-file parts/a.txt other"));
    assertTrue(shell.trace().contains("no part separator was found"));
  }

  @Test
  void cdMkdirRmAndRelativePaths() throws IOException {
    assertEquals(0, run("mkdir -p sub/deeper && cd sub && echo hi > here.txt"));
    assertEquals("hi\n", Files.readString(dir.resolve("sub/here.txt")));
    assertEquals(0, run("pwd-tool > cwd.txt"));
    assertEquals(dir.resolve("sub") + "\n", Files.readString(dir.resolve("sub/cwd.txt")));
    assertEquals(0, run("cd .. && rm -rf sub"));
    assertFalse(Files.exists(dir.resolve("sub")));
    assertEquals(1, run("rm missing"));
    assertEquals(0, run("rm -f missing"));
  }

  @Test
  void subprocessesGetTheEnvironmentAndCwd() throws IOException {
    assertEquals(0, run("env GVM_X=42 sh -c 'echo $GVM_X; pwd' > env.txt"));
    assertEquals("42\n" + dir.toRealPath() + "\n", read("env.txt"));
    assertEquals(0, run("echo from-pipe | sh -c 'cat; echo err >&2' 2>&1 | upper > p.txt"));
    assertEquals("FROM-PIPE\nERR\n", read("p.txt"));
    assertEquals(7, run("sh -c 'exit 7'"));
  }

  @Test
  void globsExpandAgainstTheCurrentDirectory() throws IOException {
    Files.writeString(dir.resolve("a1.txt"), "1\n");
    Files.writeString(dir.resolve("a2.txt"), "2\n");
    assertEquals(0, run("cat a*.txt > all"));
    assertEquals("1\n2\n", read("all"));
  }

  @Test
  void unknownCommandIsAShellError() {
    assertEquals(127, run("no-such-command-gvm-lit x"));
    assertTrue(shell.trace().contains("'no-such-command-gvm-lit': command not found"));
  }

  @Test
  void traceLooksLikeLits() {
    assertEquals(1, run("echo hi | upper && both 1"));
    assertEquals("""
        # RUN: at line 1
        echo hi | upper && both 1
        # executed command: echo hi
        # executed command: upper
        # .---command stdout------------
        # | HI
        # `-----------------------------
        # executed command: both 1
        # .---command stdout------------
        # | to-out
        # `-----------------------------
        # .---command stderr------------
        # | to-err
        # `-----------------------------
        # error: command failed with exit status: 1
        """, shell.trace());
  }

  @Test
  void quotingInTrace() {
    assertEquals("abc", InternalShell.shellQuote("abc"));
    assertEquals("'a b'", InternalShell.shellQuote("a b"));
    assertEquals("''", InternalShell.shellQuote(""));
    assertEquals("'it'\"'\"'s'", InternalShell.shellQuote("it's"));
  }

  @Test
  void absolutizesFileArgumentsForInProcessMains() throws IOException {
    Files.writeString(dir.resolve("in.mlir"), "x");
    assertEquals(java.util.List.of(dir.resolve("in.mlir").toString(), "-o",
            dir.resolve("out.mlir").toString(), "--flag", "--input-file=" + dir.resolve("in.mlir"),
            "3"),
        ToolRegistry.absolutize(java.util.List.of("in.mlir", "-o", "out.mlir", "--flag",
            "--input-file=in.mlir", "3"), dir));
  }
}
