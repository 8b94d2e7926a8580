package gvm.testing.checkpoint;

import gvm.ir.types.FloatType;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.llama2c.RandomCheckpoint;
import gvm.model.HfWriter;
import gvm.model.ModelException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/**
 * make-checkpoint, the lit tests' source of model checkpoints (random weights from a seed):
 *
 * <pre>
 * make-checkpoint llama2c OUT.bin DIM HIDDEN LAYERS HEADS KV_HEADS VOCAB SEQ [separate] [SEED]
 * make-checkpoint hf OUT_DIR FROM.bin f32|f16|bf16 [SHARDS]
 * </pre>
 *
 * The first writes a llama2.c checkpoint (see {@link RandomCheckpoint}), the second the Hugging
 * Face export of one (see {@link HfWriter}).
 */
public final class MakeCheckpoint {
  private MakeCheckpoint() {}

  public static void main(String[] args) { System.exit(run(args, System.in, System.out, System.err)); }

  /** Runs in-process; returns the exit status. */
  public static int run(String[] args, InputStream stdin, PrintStream out, PrintStream err) {
    try {
      if (args.length >= 9 && args[0].equals("llama2c")) {
        int[] n = new int[7];
        for (int i = 0; i < 7; i++) n[i] = Integer.parseInt(args[2 + i]);
        boolean separate = args.length > 9 && args[9].equals("separate");
        long seed = args.length > (separate ? 10 : 9) ? Long.parseLong(args[args.length - 1]) : 1;
        RandomCheckpoint.write(Path.of(args[1]), n[0], n[1], n[2], n[3], n[4], n[5], n[6], !separate, seed);
        return 0;
      }
      if (args.length >= 4 && args[0].equals("hf")) {
        FloatType t = switch (args[3]) {
          case "f32" -> FloatType.F32;
          case "f16" -> FloatType.F16;
          case "bf16" -> FloatType.BF16;
          default -> throw new IllegalArgumentException("unknown dtype " + args[3]);
        };
        HfWriter.write(Llama2cCheckpoint.open(Path.of(args[2])), Path.of(args[1]), t, args.length > 4 ? Integer.parseInt(args[4]) : 1);
        return 0;
      }
      err.println("usage: make-checkpoint llama2c OUT.bin DIM HIDDEN LAYERS HEADS KV_HEADS VOCAB SEQ [separate] [SEED]");
      err.println("       make-checkpoint hf OUT_DIR FROM.bin f32|f16|bf16 [SHARDS]");
      return 2;
    } catch (ModelException | IllegalArgumentException | java.io.IOException e) {
      err.println("make-checkpoint: error: " + e.getMessage());
      return 1;
    }
  }
}
