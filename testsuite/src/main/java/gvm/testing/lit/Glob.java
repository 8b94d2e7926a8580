package gvm.testing.lit;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.List;

/** Expands an unquoted {@code *}/{@code ?} word as lit does (Python's glob: absolute, sorted). */
final class Glob {
  private Glob() {}

  /** Returns the sorted absolute paths matching {@code pattern}, or an empty list. */
  static List<String> expand(Path cwd, String pattern) {
    List<Path> current = new ArrayList<>();
    current.add(pattern.startsWith("/") ? Path.of("/") : cwd);
    for (String segment : pattern.split("/")) {
      if (segment.isEmpty() || segment.equals(".")) {
        continue;
      }
      List<Path> next = new ArrayList<>();
      boolean wild = segment.indexOf('*') >= 0 || segment.indexOf('?') >= 0
          || segment.indexOf('[') >= 0;
      for (Path dir : current) {
        if (!wild) {
          Path p = dir.resolve(segment);
          if (Files.exists(p)) {
            next.add(p);
          }
          continue;
        }
        if (!Files.isDirectory(dir)) {
          continue;
        }
        String glob = segment.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}");
        PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
          for (Path e : entries) {
            String name = e.getFileName().toString();
            if (name.startsWith(".") && !segment.startsWith(".")) {
              continue;
            }
            if (m.matches(e.getFileName())) {
              next.add(e);
            }
          }
        } catch (IOException ignored) {
          // an unreadable directory matches nothing, as in Python
        }
      }
      current = next;
    }
    List<String> out = new ArrayList<>();
    for (Path p : current) {
      out.add(p.toAbsolutePath().normalize().toString());
    }
    out.sort(null);
    return out;
  }
}
