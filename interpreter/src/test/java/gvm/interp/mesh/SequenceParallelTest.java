package gvm.interp.mesh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.dialect.gptvm.ir.WeightOps;
import gvm.interp.Interpreter;
import gvm.interp.Programs;
import gvm.interp.SpmdInterpreter;
import gvm.interp.Tensor;
import gvm.interp.Weights;
import gvm.ir.Operation;
import gvm.ir.types.FloatType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * The sequence-parallel Llama layer of testsuite/Dialect/gptvm/sharding-sequence.mlir (a row split of
 * the layer's input, propagated through the layer) runs on 4 devices with random weights: the rows
 * of logits the devices return, in device order, are the unsharded prefill's.
 */
class SequenceParallelTest {
  private static final Path LAYER = Path.of("../testsuite/Dialect/gptvm/sharding-sequence.mlir");

  /** A random tensor for each gptvm.param of {@code module}, by name. */
  private static Weights randomWeights(Operation module) {
    Map<String, Tensor> byName = new HashMap<>();
    Random random = new Random(11);
    module.walk(op -> {
      if (!op.isA(WeightOps.ParamOp.DEF)) return;
      RankedTensorType t = (RankedTensorType) op.result(0).type();
      int[] shape = new int[t.shape().rank()];
      for (int i = 0; i < shape.length; i++) shape[i] = (int) t.shape().dim(i);
      float[] v = new float[Tensor.size(shape)];
      for (int i = 0; i < v.length; i++) v[i] = (float) (random.nextGaussian() * (shape.length == 1 ? 0.1 : 0.2) + (shape.length == 1 ? 1 : 0));
      byName.putIfAbsent(new WeightOps.ParamOp(op).name(), Tensor.ofFloats(FloatType.F32, shape, v));
    });
    return byName::get;
  }

  @Test void rowSplitLayerComputesTheUnshardedLogits() throws IOException {
    String text = Files.readString(LAYER);
    Operation annotated = Programs.parse("layer.mlir", text);
    Weights weights = randomWeights(annotated);
    Tensor ids = Tensor.ofInts(IntegerType.I32, new int[] {8}, new long[] {1, 17, 300, 5, 42, 42, 9, 511});
    Interpreter plain = Interpreter.of(annotated, weights);
    Tensor expected = (Tensor) plain.call("prefill", ids, plain.call("create_cache")[0])[0];

    Operation spmd = Programs.parse("layer-spmd.mlir", SpmdPrograms.spmdize("layer.mlir", text));
    SpmdInterpreter devices = new SpmdInterpreter(spmd, new long[] {4}, weights, null);
    Object caches = devices.callReplicated("create_cache")[0];
    List<Object[]> perDevice = new ArrayList<>();
    for (int d = 0; d < 4; d++) perDevice.add(new Object[] {ids, ((SpmdInterpreter.Replicas) caches).perDevice()[d]});
    List<Object[]> got = devices.call("prefill", perDevice);
    List<Tensor> rows = new ArrayList<>();
    for (Object[] r : got) rows.add((Tensor) r[0]);
    Tensor logits = Chunks.concat(rows, 0);
    assertEquals(List.of(8, 512), List.of(logits.dim(0), logits.dim(1)));
    double err = 0, norm = 0;
    for (int i = 0; i < expected.size(); i++) {
      double e = expected.f(i), diff = logits.f(i) - e;
      err += diff * diff;
      norm += e * e;
    }
    assertTrue(norm > 0 && Math.sqrt(err / norm) < 1e-5, "relative L2 error " + Math.sqrt(err / norm));
  }
}
