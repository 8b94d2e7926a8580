package gvm.tools.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.ir.types.FloatType;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.llama2c.RandomCheckpoint;
import gvm.model.HfWriter;
import gvm.tools.translate.GvmTranslate;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** gvm-translate --import-llama2c and gvm-run, in-process, against numpy golden data and on bad input. */
class GvmRunTest {
  /** Golden data of the interpreter module's tests, made by ../shared/reference (see its README). */
  private static final Path GOLDEN = Path.of("../interpreter/src/test/resources/llama2c");

  @TempDir Path dir;

  private record Result(int rc, String out, String err) {}

  private static Result translate(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int rc = GvmTranslate.run(args, new PrintStream(out, true), new PrintStream(err, true));
    return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(), err = new ByteArrayOutputStream();
    int rc = GvmRun.run(args, new PrintStream(out, true), new PrintStream(err, true));
    return new Result(rc, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  private Path imported(Path ckpt) {
    Path mlir = dir.resolve(ckpt.getFileName() + ".mlir");
    Result t = translate("--import-llama2c", ckpt.toString(), "-o", mlir.toString());
    assertEquals(0, t.rc(), t.err());
    return mlir;
  }

  @Test void greedyIdsAndDumpedLogitsMatchNumpyReference() throws IOException {
    Path ckpt = GOLDEN.resolve("mini.bin"), logits = dir.resolve("logits.f32");
    Result r = run(imported(ckpt).toString(), "--weights", ckpt.toString(), "--prompt-ids", "1,7,9", "--steps", "32", "--temperature", "0",
        "--emit-ids", "--dump-logits", logits.toString(), "--threads", "2");
    assertEquals(0, r.rc(), r.err());
    assertEquals("ids: " + Files.readString(GOLDEN.resolve("mini.ids")).trim() + "\n", r.out());
    assertTrue(r.err().matches("achieved tok/s: [0-9.]+\n"), r.err());
    double rel = relativeL2(GOLDEN.resolve("mini.logits.f32"), logits);
    assertTrue(rel < 1e-4, "relative L2 error " + rel);
  }

  private static double relativeL2(Path expected, Path got) throws IOException {
    ByteBuffer e = ByteBuffer.wrap(Files.readAllBytes(expected)).order(ByteOrder.LITTLE_ENDIAN);
    ByteBuffer g = ByteBuffer.wrap(Files.readAllBytes(got)).order(ByteOrder.LITTLE_ENDIAN);
    assertEquals(e.remaining(), g.remaining());
    double num = 0, den = 0;
    while (e.hasRemaining()) {
      double a = e.getFloat(), b = g.getFloat();
      num += (a - b) * (a - b);
      den += a * a;
    }
    return Math.sqrt(num / den);
  }

  @Test void megatronShardedModelRunsOnEveryDeviceOfItsMesh() throws IOException {
    // The tiny configuration (dim 64, hidden 172, 5 layers, 8 heads, 4 kv heads, vocab 512, seq 512),
    // tensor-parallel over 2 and 4 simulated devices: the same greedy ids, logits within 1e-5.
    Path ckpt = gvm.llama2c.RandomCheckpoint.write(dir.resolve("tiny.bin"), 64, 172, 5, 8, 4, 512, 512, true, 42);
    Path mlir = imported(ckpt), logits = dir.resolve("logits.f32");
    String[] common = {"--weights", ckpt.toString(), "--prompt-ids", "1,42,7", "--steps", "20", "--temperature", "0", "--emit-ids", "--threads", "1"};
    Result plain = run(concat(new String[] {mlir.toString(), "--dump-logits", logits.toString()}, common));
    assertEquals(0, plain.rc(), plain.err());
    for (int devices : new int[] {2, 4}) {
      Path sharded = dir.resolve("tiny-tp" + devices + ".mlir"), shardedLogits = dir.resolve("logits-tp" + devices + ".f32");
      Files.writeString(sharded, gvm.interp.mesh.SpmdPrograms.spmdize("tiny.mlir",
          gvm.interp.mesh.SpmdPrograms.megatron(Files.readString(mlir), devices)));
      Result r = run(concat(new String[] {sharded.toString(), "--dump-logits", shardedLogits.toString()}, common));
      assertEquals(0, r.rc(), r.err());
      assertEquals(plain.out(), r.out(), devices + " devices");
      double rel = relativeL2(logits, shardedLogits);
      assertTrue(rel < 1e-5, devices + " devices: relative L2 error " + rel);
    }
    Path dynamic = dir.resolve("tiny-dyn.mlir");
    Files.writeString(dynamic, Files.readString(dir.resolve("tiny-tp2.mlir")).replace("mesh.mesh @tp(shape = 2)", "mesh.mesh @tp(shape = ?)"));
    Result missing = run(concat(new String[] {dynamic.toString()}, common));
    assertEquals(1, missing.rc());
    assertEquals("gvm-run: error: " + dynamic + ": mesh @tp has a dynamic axis 0: give its size\n", missing.err());
    Result sized = run(concat(new String[] {dynamic.toString(), "--mesh-shape", "2"}, common));
    assertEquals(plain.out(), sized.out(), sized.err());
    Result wrong = run(concat(new String[] {dynamic.toString(), "--mesh-shape", "2x2"}, common));
    assertEquals("gvm-run: error: " + dynamic + ": mesh shape 2x2 does not fit mesh @tp of rank 1\n", wrong.err());
  }

  private static String[] concat(String[] a, String[] b) {
    String[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /** make_llama2c_tokenizer.py's made-up tokenizer: id 3 is " ", id i is the character U+4E00 + i. */
  private Path tokenizer(int vocab) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(4 + vocab * 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(4);
    for (int i = 0; i < vocab; i++) {
      byte[] p = piece(i).getBytes(StandardCharsets.UTF_8);
      b.putFloat(0f).putInt(p.length).put(p);
    }
    Path tok = dir.resolve("tok.bin");
    Files.write(tok, java.util.Arrays.copyOf(b.array(), b.position()));
    return tok;
  }

  private static String piece(int i) { return i == 3 ? " " : new String(Character.toChars(0x4E00 + i)); }

  @Test void textPromptEncodesAndGeneratedTextStreams() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 32, 64, 2, 4, 2, 100, 64, true, 11);
    Result r = run(imported(ckpt).toString(), "--weights", ckpt.toString(), "--tokenizer", tokenizer(100).toString(),
        "--prompt", piece(10) + piece(20) + piece(30), "--steps", "12", "--temperature", "0.9", "--seed", "5", "--emit-ids");
    assertEquals(0, r.rc(), r.err());
    String[] lines = r.out().split("\n");
    String[] ids = lines[1].substring("ids: ".length()).split(",");
    assertEquals("1,3,10,20,30", String.join(",", java.util.Arrays.copyOf(ids, 5)));
    StringBuilder text = new StringBuilder();
    for (int i = 2; i < ids.length; i++) text.append(piece(Integer.parseInt(ids[i])));
    assertEquals(text.toString(), lines[0]); // the space after BOS is stripped, as run.c
    assertEquals(13, ids.length);
    // the same seed gives the same draws
    assertEquals(r.out(), run(imported(ckpt).toString(), "--weights", ckpt.toString(), "--tokenizer", tokenizer(100).toString(),
        "--prompt", piece(10) + piece(20) + piece(30), "--steps", "12", "--temperature", "0.9", "--seed", "5", "--emit-ids").out());
  }

  @Test void longPromptShowsPrefillProgressOnStderr() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 16, 40, 2, 4, 2, 64, 200, true, 1);
    StringBuilder ids = new StringBuilder("1");
    for (int i = 1; i < 130; i++) ids.append(',').append(2 + i % 60);
    Result r = run(imported(ckpt).toString(), "--weights", ckpt.toString(), "--prompt-ids", ids.toString(), "--steps", "133", "--temperature", "0",
        "--emit-ids");
    assertEquals(0, r.rc(), r.err());
    assertTrue(r.out().startsWith("ids: " + ids + ","), r.out());
    assertTrue(r.err().matches("\\rprefill: 128/130 prompt tokens, [0-9.]+ s\\rprefill: 130/130 prompt tokens, [0-9.]+ s\nachieved tok/s: [0-9.]+\n"), r.err());
  }

  @Test void badInputFailsWithOneLine() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 16, 40, 2, 4, 2, 64, 32, true, 1);
    Path mlir = imported(ckpt);
    Result r = run(mlir.toString(), "--weights", ckpt.toString(), "--prompt-ids", "1,64");
    assertEquals(1, r.rc());
    assertEquals("gvm-run: error: prompt id 64 is out of the vocabulary [0, 64) of " + ckpt + "\n", r.err());
    Path cut = dir.resolve("cut.bin");
    Files.write(cut, java.util.Arrays.copyOf(Files.readAllBytes(ckpt), 100));
    r = run(mlir.toString(), "--weights", cut.toString());
    assertEquals(1, r.rc());
    assertTrue(r.err().startsWith("gvm-run: error: " + cut + ": truncated checkpoint: ") && r.err().indexOf('\n') == r.err().length() - 1, r.err());
    Path other = RandomCheckpoint.write(dir.resolve("other.bin"), 32, 40, 2, 4, 2, 64, 32, true, 1);
    r = run(mlir.toString(), "--weights", other.toString(), "--temperature", "0");
    assertEquals(1, r.rc());
    assertEquals("<unknown>:0: error: loc(\"model.embed_tokens\"): parameter 'model.embed_tokens.weight' has shape [64, 32] in the checkpoint "
        + other + ", but the program expects [64, 16]\n", r.err());
    Path broken = dir.resolve("broken.mlir");
    Files.writeString(broken, "func.func @prefill(\n");
    r = run(broken.toString(), "--weights", ckpt.toString());
    assertEquals(1, r.rc());
    assertTrue(r.err().startsWith(broken + ":1:20: error: ") && r.err().indexOf('\n') == r.err().length() - 1, r.err()); // mlir-opt-19 says the same
    r = translate("--import-llama2c", dir.resolve("missing.bin").toString());
    assertEquals(1, r.rc());
    assertEquals("gvm-translate: error: " + dir.resolve("missing.bin") + ": cannot open checkpoint: No such file or directory\n", r.err());
  }

  private static float[] floats(Path f) throws IOException {
    ByteBuffer b = ByteBuffer.wrap(Files.readAllBytes(f)).order(ByteOrder.LITTLE_ENDIAN);
    float[] a = new float[b.remaining() / 4];
    b.asFloatBuffer().get(a);
    return a;
  }

  @Test void hfCheckpointRunsAsItsLlama2cSource() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 32, 64, 2, 4, 2, 100, 64, false, 23), hf = dir.resolve("hf");
    HfWriter.write(Llama2cCheckpoint.open(ckpt), hf, FloatType.F32, 2);
    Path mlir = dir.resolve("hf.mlir"), a = dir.resolve("a.f32"), b = dir.resolve("b.f32");
    Result t = translate("--import-hf", hf.toString(), "-o", mlir.toString());
    assertEquals(0, t.rc(), t.err());
    assertTrue(Files.readString(mlir).contains("layout(rotate_half)"));
    assertTrue(translate("--import-hf", hf.toString(), "--capacity", "48").out().contains("capacity = 48, dtype = f32>"));
    assertEquals(new Result(1, "", "gvm-translate: error: --capacity 65 is outside (0, 64], the positions the model was made for\n"),
        translate("--import-hf", hf.toString(), "--capacity", "65"));
    Result fromHf = run(mlir.toString(), "--weights", hf.toString(), "--prompt-ids", "1,40,41", "--steps", "40", "--temperature", "0", "--emit-ids",
        "--dump-logits", a.toString());
    Result fromBin = run(imported(ckpt).toString(), "--weights", ckpt.toString(), "--prompt-ids", "1,40,41", "--steps", "40", "--temperature", "0",
        "--emit-ids", "--dump-logits", b.toString());
    assertEquals(0, fromHf.rc(), fromHf.err());
    assertEquals(fromBin.out(), fromHf.out());
    float[] x = floats(a), y = floats(b);
    assertEquals(y.length, x.length);
    double num = 0, den = 0;
    for (int i = 0; i < x.length; i++) {
      num += (x[i] - y[i]) * (x[i] - y[i]);
      den += y[i] * y[i];
    }
    assertTrue(Math.sqrt(num / den) < 1e-5, "relative L2 " + Math.sqrt(num / den));
  }

  @Test void embeddedWeightsRunWithoutACheckpoint() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 16, 40, 2, 4, 2, 64, 32, false, 4), hf = dir.resolve("hf");
    HfWriter.write(Llama2cCheckpoint.open(ckpt), hf, FloatType.BF16, 1);
    for (String[] source : new String[][] {{"--import-llama2c", ckpt.toString()}, {"--import-hf", hf.toString()}}) {
      Path params = dir.resolve("params.mlir"), embedded = dir.resolve("embedded.mlir"), a = dir.resolve("a.f32"), b = dir.resolve("b.f32");
      assertEquals(0, translate(source[0], source[1], "-o", params.toString()).rc());
      Result t = translate(source[0], source[1], "--embed-weights", "-o", embedded.toString());
      assertEquals(0, t.rc(), t.err());
      String text = Files.readString(embedded);
      assertTrue(text.contains("arith.constant dense_resource<model.layers.1.mlp.down_proj.weight> : tensor<16x40x"), text.substring(0, 300));
      assertTrue(text.contains("      lm_head.weight: \"0x0" + (source[0].equals("--import-hf") ? "2" : "4") + "000000"), "resources");
      assertTrue(!text.contains("gptvm.param"));
      Result withParams = run(params.toString(), "--weights", source[1], "--prompt-ids", "1,5", "--steps", "20", "--temperature", "0", "--emit-ids",
          "--dump-logits", a.toString());
      Result self = run(embedded.toString(), "--prompt-ids", "1,5", "--steps", "20", "--temperature", "0", "--emit-ids", "--dump-logits", b.toString());
      assertEquals(0, self.rc(), self.err());
      assertEquals(withParams.out(), self.out());
      assertTrue(java.util.Arrays.equals(Files.readAllBytes(a), Files.readAllBytes(b)), "same logits");
      assertEquals(new Result(1, "", "gvm-run: error: " + params + ": the program reads its weights with gptvm.param: give --weights\n"),
          run(params.toString(), "--prompt-ids", "1"));
    }
    // without --prompt-ids generation starts at the config's bos_token_id
    Path cfg0 = hf.resolve("config.json");
    Files.writeString(cfg0, Files.readString(cfg0).replace("\"bos_token_id\" : 1", "\"bos_token_id\" : 7"));
    assertTrue(run(dir.resolve("params.mlir").toString(), "--weights", hf.toString(), "--steps", "3", "--emit-ids").out().startsWith("ids: 7,"));
    // the program carries the HF config's eos: generation stops before it, as with the checkpoint
    Path cfg = hf.resolve("config.json"), embedded = dir.resolve("eos.mlir");
    String free = run(dir.resolve("params.mlir").toString(), "--weights", hf.toString(), "--prompt-ids", "1", "--steps", "20", "--temperature", "0",
        "--emit-ids").out();
    String eos = free.split(",")[4];
    Files.writeString(cfg, Files.readString(cfg).replace("\"eos_token_id\" : 1", "\"eos_token_id\" : " + eos));
    assertEquals(0, translate("--import-hf", hf.toString(), "--embed-weights", "-o", embedded.toString()).rc());
    assertEquals(free.substring(0, free.indexOf("," + eos + ",")) + "\n", run(embedded.toString(), "--prompt-ids", "1", "--steps", "20",
        "--temperature", "0", "--emit-ids").out());
  }

  @Test void badHfInputFailsWithOneLine() throws IOException {
    Path ckpt = RandomCheckpoint.write(dir.resolve("m.bin"), 16, 40, 2, 4, 2, 64, 32, true, 1), hf = dir.resolve("hf");
    HfWriter.write(Llama2cCheckpoint.open(ckpt), hf, FloatType.BF16, 1);
    Path mlir = dir.resolve("hf.mlir");
    assertEquals(0, translate("--import-hf", hf.toString(), "-o", mlir.toString()).rc());
    Result r = run(mlir.toString(), "--weights", hf.toString(), "--prompt-ids", "1,64");
    assertEquals(new Result(1, "", "gvm-run: error: prompt id 64 is out of the vocabulary [0, 64) of " + hf + "\n"), r);
    Path st = hf.resolve("model.safetensors"), cfg = hf.resolve("config.json");
    byte[] all = Files.readAllBytes(st);
    String config = Files.readString(cfg);
    Files.write(st, java.util.Arrays.copyOf(all, all.length - 1));
    String truncated = "error: " + st + ": truncated safetensors file: tensor 'model.norm.weight' ends at byte " + all.length + ", the file has "
        + (all.length - 1) + "\n";
    assertEquals(new Result(1, "", "gvm-run: " + truncated), run(mlir.toString(), "--weights", hf.toString()));
    assertEquals(new Result(1, "", "gvm-translate: " + truncated), translate("--import-hf", hf.toString()));
    Files.write(st, all);
    Files.writeString(cfg, config.replace("\"num_key_value_heads\" : 2", "\"num_key_value_heads\" : 3"));
    String inconsistent = "error: " + cfg + ": inconsistent config: the 4 heads are not a multiple of the 3 kv heads\n";
    assertEquals(new Result(1, "", "gvm-run: " + inconsistent), run(mlir.toString(), "--weights", hf.toString()));
    assertEquals(new Result(1, "", "gvm-translate: " + inconsistent), translate("--import-hf", hf.toString()));
    Files.writeString(cfg, config.replace("\"tie_word_embeddings\" : true", "\"tie_word_embeddings\" : false"));
    String missing = "error: " + st + ": missing tensor 'lm_head.weight' (the model needs shape [64, 16])\n";
    assertEquals(new Result(1, "", "gvm-run: " + missing), run(mlir.toString(), "--weights", hf.toString()));
    assertEquals(new Result(1, "", "gvm-translate: " + missing), translate("--import-hf", hf.toString()));
    Files.writeString(cfg, config);
    Path l = imported(ckpt);
    assertEquals(new Result(1, "", "gvm-run: error: " + l + ": the program's rope pairs lanes as layout(interleaved), but the q/k rows of " + hf
        + " are laid out for rotate_half (import the model from this checkpoint)\n"), run(l.toString(), "--weights", hf.toString()));
    r = translate("--import-hf", hf.toString(), "--import-llama2c", ckpt.toString());
    assertEquals(2, r.rc());
    assertTrue(r.err().startsWith("Error: --import-llama2c=CKPT, --import-hf=DIR are mutually exclusive (specify only one)"), r.err());
  }
}
