package gvm.parser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.antlr.v4.runtime.CharStreams;
import org.antlr.v4.runtime.Token;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The hand-written {@link Lexer} against the token specification, the ANTLR lexer generated from
 * {@code MlirLexer.g4}: both must give the same token kinds with the same byte spans, on every
 * {@code .mlir} file of the testsuite, the conformance inputs (when {@code ../shared} is there), a
 * set of corner cases, and a few thousand mutated inputs. ANTLR reads Unicode code points while
 * the hand lexer reads bytes (a multi-byte UTF-8 character is one error token), so ANTLR's indices
 * are mapped to byte offsets; every input is valid UTF-8.
 */
class LexerConformanceTest {
  private static final int MUTANTS = 4000;

  /** A token as (kind, byte start, byte end). */
  record Tok(int kind, int start, int end) {
    @Override public String toString() {
      return (kind == Token.EOF ? "EOF" : MlirLexer.VOCABULARY.getSymbolicName(kind)) + "[" + start + "," + end + ")";
    }
  }

  static List<Tok> handTokens(byte[] b) {
    Lexer lx = new Lexer(b, 0, b.length);
    List<Tok> out = new ArrayList<>();
    do {
      lx.next();
      out.add(new Tok(lx.kind, lx.start, lx.stop));
    } while (lx.kind != Lexer.EOF);
    return out;
  }

  static List<Tok> antlrTokens(String text) {
    int[] cps = text.codePoints().toArray();
    int[] byteAt = new int[cps.length + 1];
    for (int i = 0; i < cps.length; i++) byteAt[i + 1] = byteAt[i] + new String(cps, i, 1).getBytes(StandardCharsets.UTF_8).length;
    MlirLexer lexer = new MlirLexer(CharStreams.fromString(text));
    lexer.removeErrorListeners();
    lexer.addErrorListener(new org.antlr.v4.runtime.BaseErrorListener() {
      @Override public void syntaxError(org.antlr.v4.runtime.Recognizer<?, ?> r, Object sym, int line, int col, String msg,
          org.antlr.v4.runtime.RecognitionException e) {
        throw new AssertionError("ANTLR lexer error at " + line + ":" + col + ": " + msg);
      }
    });
    List<Tok> out = new ArrayList<>();
    for (Token t = lexer.nextToken(); ; t = lexer.nextToken()) {
      if (t.getType() == Token.EOF) {
        out.add(new Tok(Token.EOF, byteAt[cps.length], byteAt[cps.length]));
        return out;
      }
      out.add(new Tok(t.getType(), byteAt[t.getStartIndex()], byteAt[t.getStopIndex() + 1]));
    }
  }

  /** Fails with the first differing token and its neighbourhood. */
  static void assertSameTokens(String name, String text) {
    byte[] b = text.getBytes(StandardCharsets.UTF_8);
    List<Tok> want = antlrTokens(text), got = handTokens(b);
    int n = Math.min(want.size(), got.size());
    for (int i = 0; i < n; i++) {
      if (!want.get(i).equals(got.get(i))) {
        int at = Math.min(want.get(i).start, got.get(i).start);
        String around = new String(b, Math.max(0, at - 20), Math.min(b.length, at + 20) - Math.max(0, at - 20), StandardCharsets.UTF_8);
        fail(name + ": token " + i + ": grammar " + want.get(i) + ", hand lexer " + got.get(i) + " near «" + around + "»");
      }
    }
    assertEquals(want.size(), got.size(), name + ": token count");
  }

  static Path repoRoot() {
    for (Path d = Path.of(System.getProperty("user.dir")).toAbsolutePath(); d != null; d = d.getParent()) {
      if (Files.isDirectory(d.resolve("testsuite")) && Files.isDirectory(d.resolve("parser"))) return d;
    }
    throw new IllegalStateException("no repository root above " + System.getProperty("user.dir"));
  }

  /** Every .mlir file of the testsuite, and the conformance inputs and outputs when present. */
  static List<Path> corpus() throws IOException {
    Path root = repoRoot();
    List<Path> files = new ArrayList<>();
    try (Stream<Path> s = Files.walk(root.resolve("testsuite"))) {
      s.filter(p -> p.toString().endsWith(".mlir") && !p.toString().contains("/target/")).sorted().forEach(files::add);
    }
    Path conf = root.resolve("../shared/conformance").normalize();
    if (Files.isDirectory(conf)) {
      try (Stream<Path> s = Files.walk(conf)) {
        s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(mlir|expected|input|check)$")).sorted().forEach(files::add);
      }
    }
    return files;
  }

  @TestFactory
  Stream<DynamicTest> corpusFiles() throws IOException {
    Path root = repoRoot();
    return corpus().stream().map(p -> DynamicTest.dynamicTest(root.relativize(p).toString(), p.toUri(),
        () -> assertSameTokens(p.toString(), Files.readString(p, StandardCharsets.UTF_8))));
  }

  /** Inputs at the edges of the token rules, most of them malformed. */
  static final List<String> CORNERS = List.of(
      "", " ", "//", "// comment", "a//b\nc", "\"abc", "\"a\\", "\"a\\\n\"", "\"a\\\"b\"", "\"a\nb\"", "\"\\",
      "@", "@\"", "@\"x\"", "@\"x", "@1", "@_a$.b", "%", "%1", "%1a", "%-", "%a-b", "%$x", "^", "^bb0", "#", "#-}", "#-", "#-x}",
      "!", "!foo.bar<>", "{-#", "{-", "{-#-}", "#-}#-}", "...", "..", ".", "....", "0x", "0x1", "0xg", "0X1", "0x1.5", "1.",
      "1.5e", "1.5e+", "1.5e+3", "1.5E-3x", "1e5", "12abc", "-1", "->", "-->", "a.b.c$", "_", "é", "€x", "😀", "\"é\"",
      "\t\r\n", "\u0000", "\u007f", "\u000b", "a\u00e9b", "tensor<4x?xf32>", "x = 1 : i32 loc(\"f\":1:2)");

  @Test
  void corners() {
    for (String s : CORNERS) assertSameTokens("«" + s + "»", s);
  }

  /** Fragments that the mutations insert: token prefixes, separators, non-ASCII. */
  private static final String[] FRAGMENTS = {
      "\"", "\\", "\n", "0x", "1.", "e+", "e-", "E", "#-}", "{-#", "...", ".", "@\"", "@", "%", "^", "#", "!", "-", "->",
      "//", "é", "€", "😀", "$", "_", "9", "x", " ", "\t", "\r", "<", ">", "{", "}", "(", ")", "[", "]", ",", ":", "=",
      "?", "*", "+", "|", "~", "`", "'", ";", "&"};

  @Test
  void mutants() throws IOException {
    List<String> seeds = new ArrayList<>(CORNERS);
    for (Path p : corpus()) seeds.add(Files.readString(p, StandardCharsets.UTF_8));
    Random rnd = new Random(0x6d6c6972L);
    for (int i = 0; i < MUTANTS; i++) {
      String seed = seeds.get(rnd.nextInt(seeds.size()));
      int[] cps = seed.codePoints().toArray();
      int from = cps.length == 0 ? 0 : rnd.nextInt(cps.length);
      int to = Math.min(cps.length, from + 1 + rnd.nextInt(300));
      StringBuilder sb = new StringBuilder(new String(cps, from, to - from));
      int edits = 1 + rnd.nextInt(6);
      for (int e = 0; e < edits; e++) mutate(sb, rnd);
      String text = sb.toString();
      assertTrue(text.equals(new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8)));
      assertSameTokens("mutant " + i + " «" + text + "»", text);
    }
  }

  /** One random edit at a code-point boundary: insert a fragment or a random ASCII char, delete or duplicate a span. */
  private static void mutate(StringBuilder sb, Random rnd) {
    int[] cps = sb.codePoints().toArray();
    int at = cps.length == 0 ? 0 : rnd.nextInt(cps.length + 1);
    int off = new String(cps, 0, at).length();
    switch (rnd.nextInt(4)) {
      case 0 -> sb.insert(off, FRAGMENTS[rnd.nextInt(FRAGMENTS.length)]);
      case 1 -> sb.insert(off, (char) rnd.nextInt(128));
      case 2 -> {
        int len = Math.min(cps.length - at, 1 + rnd.nextInt(4));
        sb.delete(off, off + new String(cps, at, len).length());
      }
      default -> {
        int len = Math.min(cps.length - at, 1 + rnd.nextInt(8));
        sb.insert(off, new String(cps, at, len));
      }
    }
  }
}
