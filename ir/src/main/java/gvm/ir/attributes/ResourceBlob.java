package gvm.ir.attributes;

import java.nio.ByteBuffer;

/**
 * A named blob of bytes from a {@code {-# dialect_resources: { builtin: { name: "0x..." } } #-}}
 * section: a 4-byte little-endian alignment followed by the data, as MLIR writes it. Large weights
 * travel this way. The data may be a memory-mapped buffer.
 */
public final class ResourceBlob {
  private final String handle;
  private ByteBuffer data;
  private long alignment = 1;

  public ResourceBlob(String handle) { this.handle = handle; }

  public String handle() { return handle; }

  /** The data, or null while the resource section has not been read. */
  public ByteBuffer data() { return data == null ? null : data.duplicate(); }

  public long alignment() { return alignment; }

  public void set(long alignment, ByteBuffer data) {
    this.alignment = alignment;
    this.data = data;
  }
}
