package gvm.tools.run;

import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.gptvm.ir.RopeOp;
import gvm.dialect.gptvm.ir.WeightOps;
import gvm.dialect.kv.ir.KvCacheType;
import gvm.dialect.kv.ir.PagedCacheType;
import gvm.interp.Interpreter;
import gvm.interp.InterpreterException;
import gvm.interp.Parallel;
import gvm.interp.Programs;
import gvm.interp.SpmdInterpreter;
import gvm.ir.Operation;
import gvm.ir.types.Type;
import gvm.llama2c.Generation;
import gvm.llama2c.Tokenizer;
import gvm.model.ModelConfig;
import gvm.model.ModelException;
import gvm.model.WeightSource;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * gvm-run: generates tokens with an imported model program (see {@code gvm-translate
 * --import-llama2c}) on the reference interpreter, as llama2.c's {@code run}: prefill of the
 * prompt, then decode steps on the kv cache; streams the text, then {@code achieved tok/s: X}.
 * A prompt longer than one prefill chunk gets a progress line on stderr.
 */
@Command(name = "gvm-run", mixinStandardHelpOptions = true, version = "gvm-run 0.1.0",
    description = "Generate tokens with a gptvm model program on the reference interpreter or (--device cuda) the GPU.")
public final class GvmRun implements Callable<Integer> {
  @Parameters(index = "0", paramLabel = "MODEL.mlir", description = "the program (@create_cache, @prefill, @decode)")
  Path model;

  @Option(names = "--weights", paramLabel = "CKPT",
      description = "the checkpoint the gptvm.param ops read: a llama2.c .bin or a Hugging Face directory (not needed by a program with embedded weights)")
  Path weights;

  @Option(names = "--tokenizer", paramLabel = "FILE", description = "llama2.c tokenizer.bin: text prompts and text output")
  Path tokenizer;

  @Option(names = "--prompt", paramLabel = "TEXT", description = "prompt text (needs --tokenizer)")
  String prompt;

  @Option(names = "--prompt-ids", paramLabel = "IDS", split = ",", description = "prompt token ids, comma separated (default: the BOS id, 1 for llama2.c, the config's bos_token_id for HF)")
  List<String> promptIds;

  @Option(names = "--steps", defaultValue = "256", description = "positions to run, prompt included (0: the model's capacity); default ${DEFAULT-VALUE}")
  int steps;

  @Option(names = "--temperature", defaultValue = "1.0", description = "0 for greedy; default ${DEFAULT-VALUE}")
  double temperature;

  @Option(names = "--seed", description = "sampler seed (default: the time)")
  Long seed;

  @Option(names = "--threads", description = "worker threads of the kernels (default: all cores)")
  Integer threads;

  @Option(names = "--mesh-shape", paramLabel = "AxB", description = "device counts of a spmdized program's mesh (sizes its dynamic axes; default: the mesh's shape)")
  String meshShape;

  @Option(names = "--emit-ids", description = "print 'ids: a,b,c,...' (prompt and generated) at the end")
  boolean emitIds;

  @Option(names = "--dump-logits", paramLabel = "FILE", description = "write each position's logits, little-endian float32 rows")
  Path dumpLogits;

  @Option(names = "--batch", paramLabel = "PROMPTS", description = "run every prompt of the file (one a line) by continuous batching over @prefill_batch/@decode_batch")
  Path batch;

  @Option(names = "--max-batch", defaultValue = "16", description = "with --batch: sequences run at once; default ${DEFAULT-VALUE}")
  int maxBatch;

  @Option(names = "--device", defaultValue = "cpu", paramLabel = "cpu|cuda", description = "cpu: the reference interpreter; cuda: lowered with convert-gptvm-to-cuda and run on the GPU; default ${DEFAULT-VALUE}")
  String device;

  @Option(names = "--weight-dtype", defaultValue = "f16", paramLabel = "f32|f16|bf16", description = "with --device cuda: element type of 2-D weights on the GPU; default ${DEFAULT-VALUE}")
  String weightDtype;

  @Option(names = "--page-size", paramLabel = "N", description = "lower the program's kv cache to pages of N tokens first (kv-lower-to-paged); with --device cuda: the GPU cache's page size (default 16)")
  Integer pageSize;

  @Option(names = "--num-pages", paramLabel = "N", description = "with --page-size: pages in the pool (default: one sequence of the capacity)")
  Integer numPages;

  private final PrintStream out, err;

  GvmRun(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) { System.exit(run(args, System.out, System.err)); }

  /** Runs in-process; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cmd = new CommandLine(new GvmRun(out, err));
    cmd.setOut(new java.io.PrintWriter(out, true));
    cmd.setErr(new java.io.PrintWriter(err, true));
    return cmd.execute(args);
  }

  /** A usage problem or bad input: printed as one line. */
  static final class Failure extends RuntimeException {
    Failure(String m) { super(m, null, false, false); }
  }

  @Override public Integer call() {
    Parallel parallel = null;
    gvm.cuda.runtime.CudaModel gpu = null;
    try {
      if (temperature < 0) throw new Failure("--temperature must be non-negative");
      byte[] text;
      try {
        text = Files.readAllBytes(model);
      } catch (IOException | RuntimeException e) {
        throw new Failure(model + ": cannot read the program");
      }
      if (numPages != null && pageSize == null) throw new Failure("--num-pages needs --page-size");
      boolean cuda = device.equals("cuda");
      if (!cuda && !device.equals("cpu")) throw new Failure("--device must be cpu or cuda, not '" + device + "'");
      gvm.cuda.codegen.WeightType wt = gvm.cuda.codegen.WeightType.parse(weightDtype);
      if (wt == null) throw new Failure("--weight-dtype must be f32, f16 or bf16, not '" + weightDtype + "'");
      if (cuda && (batch != null || meshShape != null || numPages != null)) throw new Failure("--device cuda runs one sequence on one GPU (no --batch, --mesh-shape or --num-pages)");
      if (pageSize != null && pageSize < 1) throw new Failure("--page-size must be positive");
      String pipeline = pageSize == null || cuda ? null
          : "builtin.module(kv-lower-to-paged{page-size=" + pageSize + (numPages == null ? "" : " num-pages=" + numPages) + "})";
      Operation module = cuda ? gvm.cuda.runtime.CudaModel.parseAndLower(model.toString(), text, wt, pageSize == null ? 16 : pageSize)
          : Programs.parse(model.toString(), text, pipeline);
      WeightSource ckpt = weights == null ? null : WeightSource.open(weights);
      if (ckpt == null) module.walk(op -> {
        if (op.isA(WeightOps.ParamOp.DEF)) throw new Failure(model + ": the program reads its weights with gptvm.param: give --weights");
      });
      int vocab = ckpt != null ? ckpt.config().vocab() : vocab(module);
      Tokenizer tok = tokenizer == null ? null : load(tokenizer, vocab);
      int[] ids = promptIds(tok, vocab, ckpt == null ? 1 : ckpt.config().bosId());
      if (ckpt != null) checkRopeLayout(module, ckpt);
      Interpreter in = Interpreter.of(module, ckpt == null ? gvm.interp.Weights.NONE : ckpt);
      parallel = new Parallel(threads == null ? Runtime.getRuntime().availableProcessors() : threads);
      in.provide(Parallel.class, parallel);
      // A spmdized module (one with a mesh.mesh) runs on every device of its mesh; tensors it returns must be replicated.
      Generation.Program program = in::call;
      long[] grid;
      try {
        grid = cuda ? null : SpmdInterpreter.grid(module, meshShape);
      } catch (IllegalArgumentException e) {
        throw new Failure(model + ": " + e.getMessage());
      }
      if (grid != null && batch != null) throw new Failure(model + ": --batch does not run spmdized programs (a module with a mesh.mesh) yet");
      if (cuda) {
        if (ckpt == null) throw new Failure("--device cuda reads the weights from a checkpoint: give --weights");
        program = gpu = gvm.cuda.runtime.CudaModel.open(module, ckpt);
      } else if (grid != null) {
        Parallel team = parallel;
        program = new SpmdInterpreter(module, grid, ckpt == null ? gvm.interp.Weights.NONE : ckpt, i -> i.provide(Parallel.class, team))::callReplicated;
      }
      if (batch != null) {
        for (String f : new String[] {"create_cache", "prefill_batch", "decode_batch"})
          if (!in.hasFunction(f)) throw new Failure(model + ": --batch needs the function '@" + f + "'");
        if (maxBatch < 1) throw new Failure("--max-batch must be positive");
        BatchRun.run(in, BatchRun.read(batch, tok, vocab, steps), tok, ckpt != null ? ckpt.config().capacity() : capacity(module), maxBatch, temperature,
            seed == null ? System.currentTimeMillis() : seed, stopToken(in, ckpt), out, err);
        return 0;
      }
      for (String f : new String[] {"create_cache", "prefill", "decode"})
        if (!in.hasFunction(f)) throw new Failure(model + ": the program has no function '@" + f + "'");
      int capacity = capacity(module);
      OutputStream logitsOut = dumpLogits == null ? null : new BufferedOutputStream(Files.newOutputStream(dumpLogits), 1 << 16);
      long start = System.nanoTime();
      long[] firstDone = {0, 0};
      List<Integer> result;
      try {
        result = Generation.run(program, ids, steps, capacity, temperature, seed == null ? System.currentTimeMillis() : seed, stopToken(in, ckpt),
            new Generation.Listener() {
          @Override public void logits(int pos, float[] row) {
            if (firstDone[0] == 0) firstDone[0] = System.nanoTime();
            firstDone[1]++;
            if (logitsOut == null) return;
            ByteBuffer b = ByteBuffer.allocate(4 * row.length).order(ByteOrder.LITTLE_ENDIAN);
            for (float f : row) b.putFloat(f);
            try {
              logitsOut.write(b.array());
            } catch (IOException e) {
              throw new Failure(dumpLogits + ": cannot write logits: " + e.getMessage());
            }
          }

          @Override public void prefilled(int done, int total) {
            if (total <= Generation.PREFILL_CHUNK) return; // a progress line only for prompts of several chunks
            err.print(String.format(Locale.ROOT, "\rprefill: %d/%d prompt tokens, %.1f s", done, total, (System.nanoTime() - start) / 1e9));
            if (done == total) err.println();
            err.flush();
          }

          @Override public void token(int prev, int token) {
            if (tok == null) return;
            byte[] piece = tok.decode(prev, token);
            out.write(piece, 0, piece.length);
            out.flush();
          }
        });
      } finally {
        if (logitsOut != null) logitsOut.close();
      }
      long end = System.nanoTime();
      if (tok != null) out.println();
      if (emitIds) out.println("ids: " + String.join(",", result.stream().map(String::valueOf).toArray(String[]::new)));
      out.flush();
      // As llama2.c counts: positions after the first, over the time since the first one's logits
      // (the first position also pays for loading and compiling).
      long positions = firstDone[1] - 1;
      double seconds = (end - (firstDone[0] == 0 ? start : firstDone[0])) / 1e9;
      err.println(String.format(Locale.ROOT, "achieved tok/s: %f", seconds > 0 && positions > 0 ? positions / seconds : 0.0));
      return 0;
    } catch (InterpreterException e) {
      err.println(e.render());
    } catch (ModelException | Failure | gvm.cuda.runtime.CudaException e) {
      err.println("gvm-run: error: " + e.getMessage());
    } catch (IOException e) {
      err.println("gvm-run: error: " + e.getMessage());
    } catch (RuntimeException e) { // a failure without a better message: still one line, no stack trace
      err.println("gvm-run: error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    } finally {
      if (parallel != null) parallel.shutdown();
      if (gpu != null) gpu.close();
    }
    return 1;
  }

  private static Tokenizer load(Path path, int vocab) {
    try {
      return Tokenizer.load(path, vocab);
    } catch (IllegalArgumentException e) {
      throw new Failure(e.getMessage());
    }
  }

  private int[] promptIds(Tokenizer tok, int vocab, int bos) {
    if (prompt != null && promptIds != null) throw new Failure("give --prompt or --prompt-ids, not both");
    int[] ids;
    if (prompt != null) {
      if (tok == null) throw new Failure("--prompt needs --tokenizer");
      ids = tok.encode(prompt);
    } else if (promptIds != null) {
      ids = new int[promptIds.size()];
      for (int i = 0; i < ids.length; i++) {
        try {
          ids[i] = Integer.parseInt(promptIds.get(i).trim());
        } catch (NumberFormatException e) {
          throw new Failure("--prompt-ids: '" + promptIds.get(i) + "' is not a token id");
        }
      }
    } else {
      ids = new int[] {bos};
    }
    if (ids.length == 0) throw new Failure("--prompt-ids: no token ids");
    for (int id : ids)
      if (id < 0 || id >= vocab) throw new Failure("prompt id " + id + " is out of the vocabulary [0, " + vocab + ") of " + (weights != null ? weights : model));
    return ids;
  }

  /** The token that ends generation: the checkpoint's eos, else the program's {@code @stop_token()}, else 1 (BOS, as llama2.c). */
  private static int stopToken(Interpreter in, WeightSource ckpt) {
    if (ckpt != null) return ckpt.config().eosId();
    return in.hasFunction("stop_token") ? (int) (long) (Long) in.call("stop_token")[0] : 1;
  }

  /** The vocabulary of a program without a checkpoint: the last dimension of {@code @prefill}'s logits. */
  private int vocab(Operation module) {
    for (Operation op = module.region(0).front().first(); op != null; op = op.nextOp())
      if (op.isA(FuncOp.DEF) && "prefill".equals(new FuncOp(op).name()) && !new FuncOp(op).functionType().results().isEmpty()
          && new FuncOp(op).functionType().results().get(0) instanceof gvm.ir.types.RankedTensorType t && t.rank() == 2 && t.shape().dim(1) > 0)
        return (int) t.shape().dim(1);
    throw new Failure(model + ": '@prefill' must return the logits as a tensor<?xVOCABxf32>");
  }

  /**
   * The q/k rows of llama2.c and Hugging Face checkpoints pair lanes differently under rope: a
   * program imported from one format gives wrong logits on the other's weights, so that is an error.
   */
  private void checkRopeLayout(Operation module, WeightSource ckpt) {
    ModelConfig.RopeLayout want = ckpt.config().ropeLayout();
    module.walk(op -> {
      if (op.isA(RopeOp.DEF) && new RopeOp(op).interleaved() != (want == ModelConfig.RopeLayout.INTERLEAVED))
        throw new Failure(model + ": the program's rope pairs lanes as layout(" + (new RopeOp(op).interleaved() ? "interleaved" : "rotate_half")
            + "), but the q/k rows of " + weights + " are laid out for " + want.keyword + " (import the model from this checkpoint)");
    });
  }

  /** The kv cache capacity of one sequence: from the result type of {@code @create_cache} (a paged cache: its pool). */
  private int capacity(Operation module) {
    for (Operation op = module.region(0).front().first(); op != null; op = op.nextOp())
      if (op.isA(FuncOp.DEF) && "create_cache".equals(new FuncOp(op).name()) && new FuncOp(op).functionType().results().size() == 1) {
        Type t = new FuncOp(op).functionType().results().get(0);
        if (t instanceof KvCacheType k) return (int) k.capacity();
        if (t instanceof PagedCacheType p) return (int) Math.min(Integer.MAX_VALUE, p.slots());
      }
    throw new Failure(model + ": '@create_cache' must return one !kv.cache or !kv.paged_cache");
  }
}
