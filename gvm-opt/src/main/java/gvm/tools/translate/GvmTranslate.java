package gvm.tools.translate;

import gvm.interp.InterpreterException;
import gvm.interp.Programs;
import gvm.llama2c.Llama2cCheckpoint;
import gvm.llama2c.Llama2cImporter;
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
 * gvm-translate: imports models into gvm IR. {@code --import-llama2c model.bin} writes the
 * gptvm/kv program of a llama2.c checkpoint (see {@link Llama2cImporter}); the text is parsed and
 * verified before it is written.
 */
@Command(name = "gvm-translate", mixinStandardHelpOptions = true, version = "gvm-translate 0.1.0",
    description = "Translate models to gvm IR.")
public final class GvmTranslate implements Callable<Integer> {
  @Option(names = "--import-llama2c", paramLabel = "CKPT", description = "a llama2.c checkpoint (legacy format) to import", required = true)
  Path llama2c;

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
      Llama2cCheckpoint cp = Llama2cCheckpoint.open(llama2c);
      String text = Llama2cImporter.importModel(cp.config(), llama2c.getFileName().toString());
      Programs.parse("<imported>", text);
      if (output == null) {
        out.print(text);
        out.flush();
      } else {
        Files.writeString(output, text, StandardCharsets.ISO_8859_1);
      }
      return 0;
    } catch (Llama2cCheckpoint.CheckpointException e) {
      err.println("gvm-translate: error: " + e.getMessage());
    } catch (InterpreterException e) {
      err.println(e.render());
    } catch (IOException e) {
      err.println("gvm-translate: error: " + output + ": cannot write: " + e.getMessage());
    }
    return 1;
  }
}
