package gvm.model;

import gvm.interp.Weights;
import gvm.ir.types.FloatType;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;

/**
 * A checkpoint as the importer and the runner see it: the model's configuration, and its weights
 * by Hugging Face name, each with a shape, an element type and its little-endian bytes mapped from
 * the file. Implemented by llama2.c checkpoints and Hugging Face (safetensors) directories.
 */
public interface WeightSource extends Weights {
  /** Shape and element type of one stored tensor. */
  record TensorInfo(int[] shape, FloatType dtype) {}

  ModelConfig config();

  /** What the model is, for the imported module's header comment. */
  String summary();

  /** Shape and element type of the tensor {@code name}, or null when there is none. */
  TensorInfo info(String name);

  /** The little-endian bytes of the tensor {@code name} (a read-only mapped view); it must exist. */
  ByteBuffer bytes(String name);

  /** Opens a llama2.c checkpoint file or a Hugging Face model directory. */
  static WeightSource open(Path path) {
    return Files.isDirectory(path) ? HfCheckpoint.open(path) : gvm.llama2c.Llama2cCheckpoint.open(path);
  }

  /**
   * Checks that every weight the configuration implies is present with its shape; {@code where}
   * names the files for the message of a missing tensor, {@code fileOf} the file holding a tensor.
   */
  static void checkWeights(WeightSource w, String where, java.util.function.Function<String, String> fileOf) {
    ModelConfig c = w.config();
    for (Map.Entry<String, int[]> e : c.weightShapes().entrySet()) {
      TensorInfo t = w.info(e.getKey());
      if (t == null)
        throw new ModelException(where + ": missing tensor '" + e.getKey() + "' (the model needs shape " + Arrays.toString(e.getValue()) + ")");
      if (!Arrays.equals(t.shape(), e.getValue()))
        throw new ModelException(fileOf.apply(e.getKey()) + ": tensor '" + e.getKey() + "' has shape " + Arrays.toString(t.shape()) + ", but the config implies "
            + Arrays.toString(e.getValue()));
    }
  }
}
