package gvm.tools.translate;

import gvm.interp.InterpreterException;
import gvm.interp.Programs;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.model.HfCheckpoint;
import gvm.model.LlamaImporter;
import gvm.model.ModelConfig;
import gvm.model.ModelException;
import gvm.model.WeightSource;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * gvm-translate: imports models into gvm IR. {@code --import-llama2c model.bin} and {@code
 * --import-hf DIR} write the gptvm/kv program of a llama2.c checkpoint or a Hugging Face Llama
 * checkpoint (see {@link LlamaImporter}); the text is parsed and verified before it is written.
 */
@Command(name = "gvm-translate", mixinStandardHelpOptions = true, version = "gvm-translate 0.1.0",
    description = "Translate models to gvm IR.")
public final class GvmTranslate implements Callable<Integer> {
  @CommandLine.ArgGroup(exclusive = true, multiplicity = "1")
  Source source;

  /** What to import: exactly one of the formats. */
  static final class Source {
    @Option(names = "--import-llama2c", paramLabel = "CKPT", description = "a llama2.c checkpoint (legacy format) to import", required = true)
    Path llama2c;

    @Option(names = "--import-hf", paramLabel = "DIR", description = "a Hugging Face Llama checkpoint (config.json, *.safetensors) to import", required = true)
    Path hf;
  }

  @Option(names = "--capacity", paramLabel = "N",
      description = "positions the kv cache holds (default and upper bound: the checkpoint's seq_len or max_position_embeddings)")
  Integer capacity;

  @Option(names = "--embed-weights", description = "carry the weights in the module as dense_resource blobs instead of gptvm.param (small models)")
  boolean embedWeights;

  @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "output file (default: standard output)")
  Path output;

  private final PrintStream out, err;

  GvmTranslate(PrintStream out, PrintStream err) {
    this.out = out;
    this.err = err;
  }

  public static void main(String[] args) { System.exit(run(args, System.out, System.err)); }

  /** Runs in-process; returns the exit status. */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cmd = new CommandLine(new GvmTranslate(out, err));
    cmd.setOut(new java.io.PrintWriter(out, true));
    cmd.setErr(new java.io.PrintWriter(err, true));
    return cmd.execute(args);
  }

  @Override public Integer call() {
    try {
      WeightSource cp = source.llama2c != null ? Llama2cCheckpoint.open(source.llama2c) : HfCheckpoint.open(source.hf);
      ModelConfig config = cp.config();
      if (capacity != null) {
        if (capacity <= 0 || capacity > config.capacity())
          throw new ModelException("--capacity " + capacity + " is outside (0, " + config.capacity() + "], the positions the model was made for");
        config = config.withCapacity(capacity);
      }
      String text = LlamaImporter.importModel(cp, config, embedWeights);
      Programs.parse("<imported>", text);
      if (output == null) {
        out.print(text);
        out.flush();
      } else {
        Files.writeString(output, text, StandardCharsets.ISO_8859_1);
      }
      return 0;
    } catch (ModelException e) {
      err.println("gvm-translate: error: " + e.getMessage());
    } catch (InterpreterException e) {
      err.println(e.render());
    } catch (IOException e) {
      err.println("gvm-translate: error: " + output + ": cannot write: " + e.getMessage());
    } catch (RuntimeException e) { // a failure without a better message: still one line, no stack trace
      err.println("gvm-translate: error: " + (e.getMessage() == null ? e.toString() : e.getMessage()));
    }
    return 1;
  }
}
