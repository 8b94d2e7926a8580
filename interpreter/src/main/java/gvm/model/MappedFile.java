package gvm.model;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** Opening a checkpoint file for mapping: errors name the file and say what it should have been. */
public final class MappedFile {
  private MappedFile() {}

  /** Reads what a file's header says; the channel stays open for mapping when it succeeds. */
  @FunctionalInterface
  public interface Reader<T> {
    T read(FileChannel channel, long size) throws IOException;
  }

  /**
   * Opens {@code path} read-only and hands it to {@code reader}; if that fails the channel is
   * closed, and I/O errors become {@code PATH: cannot read WHAT: why}.
   */
  public static <T> T open(Path path, String what, Reader<T> reader) {
    FileChannel ch;
    try {
      ch = FileChannel.open(path, StandardOpenOption.READ);
    } catch (IOException | RuntimeException e) {
      String why = e instanceof NoSuchFileException ? "No such file or directory"
          : e instanceof AccessDeniedException ? "Permission denied" : e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
      throw new ModelException(path + ": cannot open " + what + ": " + why);
    }
    try {
      return reader.read(ch, ch.size());
    } catch (IOException e) {
      close(ch);
      throw new ModelException(path + ": cannot read " + what + ": " + e.getMessage());
    } catch (RuntimeException e) {
      close(ch);
      throw e;
    }
  }

  private static void close(FileChannel ch) {
    try {
      ch.close();
    } catch (IOException ignored) {
      // already failing
    }
  }

  /** {@code n} bytes at {@code at}, little-endian. */
  public static ByteBuffer read(FileChannel ch, long at, int n) throws IOException {
    ByteBuffer b = ByteBuffer.allocate(n).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining() && ch.read(b, at + b.position()) > 0) {}
    return b.flip();
  }
}
