package gvm.llama2c;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * llama2.c's {@code tokenizer.bin}: int32 max_token_length, then per id a float32 merge score, an
 * int32 length and the piece's bytes. Encoding is llama2.c's (BOS, a dummy-prefix space, byte
 * fallback {@code byte + 3}, greedy best-score pair merges); decoding strips the space after BOS
 * and turns {@code <0xXX>} pieces into bytes.
 */
public final class Tokenizer {
  private final byte[][] pieces;
  private final float[] scores;
  private final Map<String, Integer> ids = new HashMap<>();

  private Tokenizer(byte[][] pieces, float[] scores) {
    this.pieces = pieces;
    this.scores = scores;
    for (int i = 0; i < pieces.length; i++) ids.putIfAbsent(new String(pieces[i], StandardCharsets.ISO_8859_1), i);
  }

  /** Reads {@code vocab} entries; a short or malformed file fails with a message naming it. */
  public static Tokenizer load(Path path, int vocab) {
    byte[] data;
    try {
      data = Files.readAllBytes(path);
    } catch (IOException | RuntimeException e) {
      throw new IllegalArgumentException(path + ": cannot read tokenizer: " + e.getMessage());
    }
    ByteBuffer b = ByteBuffer.wrap(data).order(ByteOrder.LITTLE_ENDIAN);
    byte[][] pieces = new byte[vocab][];
    float[] scores = new float[vocab];
    try {
      b.getInt();
      for (int i = 0; i < vocab; i++) {
        scores[i] = b.getFloat();
        int len = b.getInt();
        if (len < 0 || len > b.remaining()) throw new IllegalArgumentException(path + ": malformed tokenizer: piece " + i + " has length " + len);
        pieces[i] = new byte[len];
        b.get(pieces[i]);
      }
    } catch (java.nio.BufferUnderflowException e) {
      throw new IllegalArgumentException(path + ": truncated tokenizer: fewer than the model's " + vocab + " pieces");
    }
    return new Tokenizer(pieces, scores);
  }

  /** The bytes token {@code token} prints as after {@code prev}. */
  public byte[] decode(int prev, int token) {
    byte[] p = pieces[token];
    if (prev == 1 && p.length > 0 && p[0] == ' ') p = java.util.Arrays.copyOfRange(p, 1, p.length);
    String s = new String(p, StandardCharsets.ISO_8859_1);
    if (s.length() == 6 && s.startsWith("<0x") && s.endsWith(">")) {
      try {
        return new byte[] {(byte) Integer.parseInt(s.substring(3, 5), 16)};
      } catch (NumberFormatException ignored) {
        // an ordinary piece
      }
    }
    return p;
  }

  /** llama2.c's encode(text, bos = 1, eos = 0). */
  public int[] encode(String text) {
    List<Integer> t = new ArrayList<>();
    t.add(1);
    byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
    if (bytes.length > 0) {
      Integer space = ids.get(" ");
      if (space != null) t.add(space);
    }
    for (int i = 0; i < bytes.length;) {
      int j = i + 1;
      while (j < bytes.length && j - i < 4 && (bytes[j] & 0xC0) == 0x80) j++;
      String cp = new String(bytes, i, j - i, StandardCharsets.ISO_8859_1);
      Integer id = ids.get(cp);
      if (id != null) {
        t.add(id);
      } else {
        for (int k = i; k < j; k++) t.add((bytes[k] & 0xff) + 3);
      }
      i = j;
    }
    while (true) {
      float best = -1e10f;
      int bestId = -1, bestIdx = -1;
      for (int i = 0; i + 1 < t.size(); i++) {
        ByteArrayOutputStream m = new ByteArrayOutputStream();
        m.writeBytes(pieces[t.get(i)]);
        m.writeBytes(pieces[t.get(i + 1)]);
        Integer id = ids.get(m.toString(StandardCharsets.ISO_8859_1));
        if (id != null && scores[id] > best) {
          best = scores[id];
          bestId = id;
          bestIdx = i;
        }
      }
      if (bestIdx < 0) break;
      t.set(bestIdx, bestId);
      t.remove(bestIdx + 1);
    }
    return t.stream().mapToInt(Integer::intValue).toArray();
  }
}
