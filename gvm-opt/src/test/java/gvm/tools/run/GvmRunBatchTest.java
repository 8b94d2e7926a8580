package gvm.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.llama2c.RandomCheckpoint;
import gvm.tools.translate.GvmTranslate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gvm-run --batch: continuous batching prints each sequence as its own run would, logical or paged, and reports the run. */
class GvmRunBatchTest {
  @TempDir Path dir;

  private record Result(int rc, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int rc = GvmRun.run(args, new PrintStream(out, true), new PrintStream(err, true));
    return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path model(Path ckpt) {
    Path mlir = dir.resolve("model.mlir");
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int rc = GvmTranslate.run(new String[] {"--import-llama2c", ckpt.toString(), "-o", mlir.toString()}, new PrintStream(new ByteArrayOutputStream()),
        new PrintStream(err, true));
    assertEquals(0, rc, err.toString());
    return mlir;
  }

  @Test void eachSequencePrintsWhatItsOwnRunPrints() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 32, 64, 2, 4, 2, 96, 128, true, 3);
    Path mlir = model(ckpt);
    String[] prompts = {"1,5,9", "1", "1,20,21,22,23,24,25,26,27,28,29,30,31,32,33,34,35,36,37", "1,90"};
    Path file = dir.resolve("prompts.txt");
    Files.writeString(file, String.join("\n", prompts) + "\n\n");
    List<String> expected = new ArrayList<>();
    for (int i = 0; i < prompts.length; i++) {
      Result single = run(mlir.toString(), "--weights", ckpt.toString(), "--prompt-ids", prompts[i], "--steps", "40", "--temperature", "0", "--emit-ids");
      assertEquals(0, single.rc(), single.err());
      expected.add("[" + (i + 1) + "] " + single.out().trim());
    }
    for (String[] paging : new String[][] {{}, {"--page-size", "16", "--num-pages", "16"}, {"--page-size", "1", "--num-pages", "160"}}) {
      List<String> args = new ArrayList<>(List.of(mlir.toString(), "--weights", ckpt.toString(), "--batch", file.toString(), "--steps", "40",
          "--temperature", "0", "--max-batch", "3"));
      args.addAll(List.of(paging));
      Result r = run(args.toArray(String[]::new));
      assertEquals(0, r.rc(), r.err());
      List<String> lines = new ArrayList<>(List.of(r.out().trim().split("\n")));
      lines.sort(null);
      assertEquals(expected, lines, String.join(" ", paging));
      assertTrue(r.err().contains("batch: 4 sequences, 4 finished, 0 refused, at most 3 at once\n"), r.err());
      assertTrue(r.err().matches("(?s).*batch: \\d+ tokens generated \\(\\d+ positions\\) in [0-9.]+ s: [0-9.]+ tokens/s \\(decode [0-9.]+ tokens/s\\).*"
          + "kv cache: peak [0-9.]+ MiB allocated, mean waste [0-9.]+% of allocated slots\n.*"), r.err());
      assertEquals(paging.length > 0, r.err().contains("kv cache: " + (paging.length > 0 ? paging[3] : "") + " pages of "), r.err());
    }
  }

  @Test void aTooSmallPoolRefusesWithAClearMessage() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 32, 64, 2, 4, 2, 96, 128, true, 3);
    Path file = dir.resolve("prompts.txt");
    Files.writeString(file, "1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20\n1,4\n");
    Result r = run(model(ckpt).toString(), "--weights", ckpt.toString(), "--batch", file.toString(), "--steps", "30", "--temperature", "0",
        "--page-size", "4", "--num-pages", "4");
    assertEquals(0, r.rc(), r.err());
    assertTrue(r.err().contains("gvm-run: sequence 1 refused: its 20 tokens need 5 kv cache pages, the pool has 4 free\n"), r.err());
    // sequence 2 runs until it alone needs a fifth page
    assertTrue(r.err().contains("gvm-run: sequence 2 refused: out of kv cache pages: the step needs 1, 0 are free; the sequence does not fit the pool alone\n"),
        r.err());
    assertTrue(r.err().contains("batch: 2 sequences, 0 finished, 2 refused"), r.err());
    assertEquals("", r.out());
  }

  @Test void badPromptFilesFailWithOneLine() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 32, 64, 2, 4, 2, 96, 128, true, 3);
    Path mlir = model(ckpt);
    Path file = dir.resolve("prompts.txt");
    Files.writeString(file, "1,2\n1,x\n");
    Result r = run(mlir.toString(), "--weights", ckpt.toString(), "--batch", file.toString());
    assertEquals(1, r.rc());
    assertEquals("gvm-run: error: " + file + ":2: 'x' is not a token id (without --tokenizer a prompt is comma-separated ids)\n", r.err());
    Files.writeString(file, "1,200\n");
    r = run(mlir.toString(), "--weights", ckpt.toString(), "--batch", file.toString());
    assertEquals("gvm-run: error: " + file + ":1: token id 200 is out of the vocabulary [0, 96)\n", r.err());
    r = run(mlir.toString(), "--weights", ckpt.toString(), "--batch", dir.resolve("missing.txt").toString());
    assertEquals("gvm-run: error: " + dir.resolve("missing.txt") + ": cannot read the prompts\n", r.err());
    r = run(mlir.toString(), "--weights", ckpt.toString(), "--prompt-ids", "1", "--page-size", "24");
    assertEquals(1, r.rc());
    assertTrue(r.err().endsWith("error: kv-lower-to-paged: page-size must be a power of two in [1, 256], but got 24\n"), r.err());
  }
}
