package gvm.tools.opt;

import gvm.ir.Context;
import gvm.ir.Diagnostic;
import gvm.ir.attributes.Location;
import gvm.ir.print.AsmPrinter;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Prints diagnostics as mlir-opt does (MLIR's SourceMgrDiagnosticHandler on LLVM's SourceMgr):
 * {@code FILE:LINE:COL: error: MSG} followed by the source line and a caret when the location is
 * in a known buffer, {@code FILE:LINE:COL: error: MSG} alone when the file cannot be read, and
 * {@code <unknown>:0: error: loc(...): MSG} for a location without any file position. A call-site
 * location adds {@code called from} notes; a note repeats the source line only when its location
 * differs from the one printed before it.
 *
 * <p>Locations naming a file other than the input are looked up on disk, as SourceMgr's include
 * loading does, so {@code loc("other.mlir":3:1)} shows that file's line when it exists.
 */
final class DiagnosticPrinter {
  /** How many {@code called from} notes a call-site location may add (MLIR's callStackLimit). */
  private static final int CALL_STACK_LIMIT = 10;
  private static final long MAX_LOADED_FILE = 64L << 20;
  private static final int TAB_STOP = 8;

  private final Context ctx;
  private final PrintStream out;
  private final Map<String, SourceFile> buffers = new HashMap<>();

  DiagnosticPrinter(Context ctx, SourceFile main, PrintStream out) {
    this.ctx = ctx;
    this.out = out;
    buffers.put(main.name(), main);
  }

  /** The buffer named {@code name}: the input chunk, or a readable file of that path; null if none. */
  SourceFile buffer(String name) {
    if (buffers.containsKey(name)) return buffers.get(name);
    SourceFile f = null;
    try {
      Path p = Path.of(name);
      String abs = p.toAbsolutePath().normalize().toString();
      boolean special = abs.startsWith("/proc/") || abs.startsWith("/sys/") || abs.startsWith("/dev/");
      if (!special && Files.isRegularFile(p) && Files.size(p) <= MAX_LOADED_FILE) {
        byte[] b = Files.readAllBytes(p);
        f = new SourceFile(name, b, 0, b.length);
      }
    } catch (IOException | InvalidPathException | SecurityException e) {
      f = null;
    }
    buffers.put(name, f);
    return f;
  }

  /** Prints a diagnostic with its call stack and notes. */
  void print(Diagnostic d) {
    Location loc = d.loc() == null ? Location.UNKNOWN : d.loc();
    print(loc, d.message(), d.severity(), true);
    Location.CallSite call = callSite(loc);
    if (call != null) {
      loc = call.caller();
      for (int depth = 0; depth < CALL_STACK_LIMIT; depth++) {
        print(loc, "called from", Diagnostic.Severity.NOTE, true);
        call = callSite(loc);
        if (call == null) break;
        loc = call.caller();
      }
    }
    for (Diagnostic note : d.notes()) {
      Location nl = note.loc() == null ? Location.UNKNOWN : note.loc();
      print(nl, note.message(), note.severity(), !loc.equals(nl));
      loc = nl;
    }
  }

  /** MLIR's emitDiagnostic(Location, message, severity, displaySourceLine). */
  void print(Location loc, String message, Diagnostic.Severity severity, boolean displaySourceLine) {
    Location.FileLineCol file = firstFileLineCol(loc);
    if (file == null) {
      String text = loc instanceof Location.Unknown ? message : AsmPrinter.toString(ctx, loc) + ": " + message;
      write("<unknown>:0: " + label(severity) + ": " + text + "\n");
      return;
    }
    if (displaySourceLine && file.line() != 0 && file.column() != 0) {
      SourceFile buf = buffer(file.file());
      int offset = buf == null ? -1 : buf.offsetOf(file.line(), file.column());
      if (offset >= 0) {
        printAt(buf, offset, severity, message, -1, -1);
        return;
      }
    }
    write(file.file() + ":" + file.line() + ":" + file.column() + ": " + label(severity) + ": " + message + "\n");
  }

  /**
   * LLVM's SourceMgr::PrintMessage at a position of a buffer: the header, the source line with tabs
   * expanded, and a caret line ({@code ~} under the range {@code [rangeStart, rangeEnd)} if given).
   * A line with non-ASCII bytes gets no caret line.
   */
  void printAt(SourceFile buf, int offset, Diagnostic.Severity severity, String message, int rangeStart, int rangeEnd) {
    int lineStart = buf.lineStart(offset), lineEnd = buf.lineEnd(offset);
    int col = offset - lineStart;
    StringBuilder sb = new StringBuilder();
    sb.append(buf.name().equals("-") ? "<stdin>" : buf.name()).append(':').append(buf.line(offset)).append(':').append(col + 1)
        .append(": ").append(label(severity)).append(": ").append(message).append('\n');
    String line = buf.slice(lineStart, lineEnd);
    boolean ascii = true;
    for (int i = 0; i < line.length(); i++) if (line.charAt(i) >= 0x80) ascii = false;
    appendExpandingTabs(sb, line);
    if (ascii) {
      int n = line.length();
      char[] caret = new char[n + 1];
      java.util.Arrays.fill(caret, ' ');
      if (rangeStart >= 0 && rangeStart <= lineEnd && rangeEnd >= lineStart) {
        int from = Math.max(rangeStart, lineStart) - lineStart, to = Math.min(rangeEnd, lineEnd) - lineStart;
        for (int i = from; i < to; i++) caret[i] = '~';
      }
      caret[Math.min(col, n)] = '^';
      int len = caret.length;
      while (len > 0 && caret[len - 1] == ' ') len--;
      int outCol = 0;
      for (int i = 0; i < len; i++) {
        if (i >= n || line.charAt(i) != '\t') {
          sb.append(caret[i]);
          outCol++;
          continue;
        }
        do {
          sb.append(caret[i]);
          outCol++;
        } while (outCol % TAB_STOP != 0);
      }
      sb.append('\n');
    }
    write(sb.toString());
  }

  private static void appendExpandingTabs(StringBuilder sb, String line) {
    int outCol = 0;
    for (int i = 0; i < line.length(); i++) {
      char c = line.charAt(i);
      if (c != '\t') {
        sb.append(c);
        outCol++;
        continue;
      }
      do {
        sb.append(' ');
        outCol++;
      } while (outCol % TAB_STOP != 0);
    }
    sb.append('\n');
  }

  /** An error that belongs to no location of the input, such as a bad flag. */
  void write(String text) {
    byte[] b = text.getBytes(StandardCharsets.ISO_8859_1);
    out.write(b, 0, b.length);
    out.flush();
  }

  static String label(Diagnostic.Severity s) {
    switch (s) {
      case ERROR: return "error";
      case WARNING: return "warning";
      case NOTE: return "note";
      default: return "remark";
    }
  }

  /** The first file:line:col in a pre-order walk of the location (MLIR's findInstanceOf). */
  static Location.FileLineCol firstFileLineCol(Location loc) {
    if (loc instanceof Location.FileLineCol f) return f;
    if (loc instanceof Location.Name n) return n.child() == null ? null : firstFileLineCol(n.child());
    if (loc instanceof Location.CallSite c) {
      Location.FileLineCol f = firstFileLineCol(c.callee());
      return f != null ? f : firstFileLineCol(c.caller());
    }
    if (loc instanceof Location.Fused fused) {
      for (Location l : fused.locations()) {
        Location.FileLineCol f = firstFileLineCol(l);
        if (f != null) return f;
      }
      if (fused.metadata() instanceof Location m) return firstFileLineCol(m);
    }
    return null;
  }

  /** The call site a location stands for, through names and fusions (MLIR's getCallSiteLoc). */
  private static Location.CallSite callSite(Location loc) {
    if (loc instanceof Location.Name n) return n.child() == null ? null : callSite(n.child());
    if (loc instanceof Location.CallSite c) return c;
    if (loc instanceof Location.Fused f) {
      for (Location l : f.locations()) {
        Location.CallSite c = callSite(l);
        if (c != null) return c;
      }
    }
    return null;
  }
}
