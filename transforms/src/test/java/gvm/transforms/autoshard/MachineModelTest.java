package gvm.transforms.autoshard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import gvm.ir.types.FloatType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The alpha-beta prices of {@link MachineModel} and reading a machine description. */
class MachineModelTest {
  @TempDir Path dir;

  @Test void defaultIsAnEightGpuNvlinkNode() {
    MachineModel m = MachineModel.defaultModel();
    assertEquals(8, m.devices());
    assertEquals(80, m.memoryGib());
    assertTrue(m.flopsFor(FloatType.BF16) > m.flopsFor(FloatType.F32), "tensor-core bf16 outruns f32");
  }

  /** Ring collectives: n-1 of n shares cross the link (twice for an all-reduce), one alpha per collective, nothing on one device. */
  @Test void collectivesFollowTheRingModel() throws IOException {
    Path f = dir.resolve("m.json");
    Files.writeString(f, "{\"name\": \"t\", \"devices\": 8, \"memory_gib\": 1, \"flops\": {\"f32\": 1e12}, \"memory_bandwidth\": 1e12,"
        + " \"links\": [{\"alpha\": 1e-6, \"bandwidth\": 1e9}, {\"alpha\": 2e-6, \"bandwidth\": 5e8}]}");
    MachineModel m = MachineModel.read(f);
    long[] mesh = {2, 4};
    double bytes = 1e6;
    assertEquals(1e-6 + 2.0 * 1 / 2 * bytes / 1e9, m.allReduce(bytes, mesh, new long[] {0}), 1e-15);
    assertEquals(2e-6 + 3.0 / 4 * bytes / 5e8, m.allGather(bytes, mesh, new long[] {1}), 1e-15);
    // Over both axes: 8 devices, the slower link.
    assertEquals(2e-6 + 7.0 / 8 / 8 * bytes / 5e8, m.allToAll(bytes, mesh, new long[] {0, 1}), 1e-15);
    assertEquals(0, m.allReduce(bytes, new long[] {1, 4}, new long[] {0}));
    // Roofline: the larger of compute and memory time.
    assertEquals(2.0, m.computeSeconds(2e12, 1e12, FloatType.F32), 1e-12);
    assertEquals(3.0, m.computeSeconds(1e12, 3e12, FloatType.F32), 1e-12);
  }

  @Test void badDescriptionsAreOneLineErrors() throws IOException {
    Path f = dir.resolve("bad.json");
    Files.writeString(f, "{\"name\": \"t\", \"devices\": 0, \"memory_gib\": 1, \"flops\": {\"f32\": 1}, \"memory_bandwidth\": 1, \"links\": [{\"alpha\": 0, \"bandwidth\": 1}]}");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> MachineModel.read(f));
    assertTrue(e.getMessage().contains("needs devices >= 1"), e.getMessage());
    Files.writeString(f, "{not json");
    e = assertThrows(IllegalArgumentException.class, () -> MachineModel.read(f));
    assertTrue(e.getMessage().startsWith("cannot read the machine description") && !e.getMessage().contains("\n"), e.getMessage());
  }
}
