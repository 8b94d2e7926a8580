package gvm.ir.print;

import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A Writer for text whose chars are bytes (the printer's output: source bytes as ISO-8859-1
 * chars). Strings go to the stream as one array copy, without the char[] round trip of
 * {@link java.io.OutputStreamWriter}. Closing flushes but leaves the stream open.
 */
public final class Latin1Writer extends Writer {
  private final OutputStream out;

  public Latin1Writer(OutputStream out) { this.out = out; }

  @Override public void write(String s) throws IOException { out.write(s.getBytes(StandardCharsets.ISO_8859_1)); }

  @Override public void write(String s, int off, int len) throws IOException { write(s.substring(off, off + len)); }

  @Override public Writer append(CharSequence csq) throws IOException {
    write(String.valueOf(csq));
    return this;
  }

  @Override public void write(int c) throws IOException { out.write(c); }

  @Override public void write(char[] buf, int off, int len) throws IOException {
    write(new String(buf, off, len));
  }

  @Override public void flush() throws IOException { out.flush(); }

  @Override public void close() throws IOException { out.flush(); }
}
