package gvm.llama2c;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** llama2.c's encode (dummy prefix, byte fallback, best-score merges) and decode. */
class TokenizerTest {
  @TempDir Path dir;

  /** ids 0..2: <unk>, <s>, </s>; 3..258: bytes <0x00>..<0xFF>; then the given pieces with scores. */
  private Path write(String[] pieces, float[] scores) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(1 << 16).order(ByteOrder.LITTLE_ENDIAN);
    b.putInt(8);
    String[] all = new String[3 + 256 + pieces.length];
    all[0] = "<unk>";
    all[1] = "\n<s>\n";
    all[2] = "\n</s>\n";
    for (int i = 0; i < 256; i++) all[3 + i] = String.format("<0x%02X>", i);
    System.arraycopy(pieces, 0, all, 259, pieces.length);
    for (int i = 0; i < all.length; i++) {
      byte[] p = all[i].getBytes(StandardCharsets.UTF_8);
      b.putFloat(i >= 259 ? scores[i - 259] : 0f).putInt(p.length).put(p);
    }
    Path f = dir.resolve("tok.bin");
    Files.write(f, java.util.Arrays.copyOf(b.array(), b.position()));
    return f;
  }

  @Test void encodeMergesByScoreAndFallsBackToBytes() throws IOException {
    // 259 " ", 260 "a", 261 "b", 262 "ab", 263 " ab", 264 "c"
    Tokenizer t = Tokenizer.load(write(new String[] {" ", "a", "b", "ab", " ab", "c"}, new float[] {0, 0, 0, -1, -2, 0}), 265);
    // " ab" needs "ab" first (score -1), then " " + "ab" (-2); "é" is not a piece: its two UTF-8 bytes + 3
    assertArrayEquals(new int[] {1, 263, 264, 0xC3 + 3, 0xA9 + 3}, t.encode("abcé"));
    assertArrayEquals(new int[] {1}, t.encode(""));
  }

  @Test void decodeStripsTheSpaceAfterBosAndMapsBytes() throws IOException {
    Tokenizer t = Tokenizer.load(write(new String[] {" ", "a", "b", "ab", " ab", "c"}, new float[6]), 265);
    assertEquals("ab", new String(t.decode(1, 263), StandardCharsets.UTF_8));
    assertEquals(" ab", new String(t.decode(260, 263), StandardCharsets.UTF_8));
    assertArrayEquals(new byte[] {(byte) 0xC3}, t.decode(260, 0xC3 + 3));
  }

  @Test void shortFileFailsNamingIt() throws IOException {
    Path f = write(new String[] {"a"}, new float[1]);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Tokenizer.load(f, 300));
    assertEquals(f + ": truncated tokenizer: fewer than the model's 300 pieces", e.getMessage());
  }
}
