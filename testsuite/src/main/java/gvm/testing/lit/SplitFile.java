package gvm.testing.lit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * LLVM's {@code split-file [--leading-lines|--no-leading-lines] INPUT DIR}: writes each part of
 * INPUT that starts at a line {@code //--- NAME} (or one other character, e.g. {@code #--- NAME})
 * to {@code DIR/NAME}, byte for byte. With {@code --leading-lines} each part keeps its line
 * numbers.
 */
final class SplitFile {
  private SplitFile() {}

  private record Part(int begin, int leadingLines) {}

  static int run(Tool.Invocation call) throws IOException {
    boolean leadingLines = false;
    List<String> operands = new ArrayList<>();
    for (String a : call.args()) {
      if (a.equals("--leading-lines") || a.equals("-leading-lines")) {
        leadingLines = true;
      } else if (a.equals("--no-leading-lines") || a.equals("-no-leading-lines")) {
        leadingLines = false;
      } else if (a.startsWith("-") && a.length() > 1) {
        call.stderr().println("split-file: Unknown command line argument '" + a + "'.");
        return 1;
      } else {
        operands.add(a);
      }
    }
    if (operands.size() != 2) {
      call.stderr().println("split-file: Not enough positional command line arguments"
          + " specified!\nMust specify at least 2 positional arguments");
      return 1;
    }
    String inputName = operands.get(0);
    String text;
    if (inputName.equals("-")) {
      text = new String(call.stdin().readAllBytes(), StandardCharsets.ISO_8859_1);
    } else {
      Path in = call.resolve(inputName);
      if (!Files.isRegularFile(in)) {
        call.stderr().println("split-file: error: " + inputName + ": No such file or directory");
        return 1;
      }
      text = new String(Files.readAllBytes(in), StandardCharsets.ISO_8859_1);
    }
    Map<String, Part> parts = new LinkedHashMap<>();
    Map<String, Integer> ends = new LinkedHashMap<>();
    String last = null;
    int lineNo = 0;
    int pos = 0;
    while (pos < text.length()) {
      int eol = text.indexOf('\n', pos);
      int next = eol < 0 ? text.length() : eol + 1;
      String line = text.substring(pos, eol < 0 ? text.length() : eol);
      lineNo++;
      int markerLen = line.startsWith("//") ? 6 : 5;
      if (line.length() >= markerLen && line.startsWith("--- ", markerLen - 4)) {
        String separator = line.substring(0, markerLen - 4);
        String name = line.substring(markerLen);
        if (name.isEmpty()) {
          call.stderr().println(inputName + ":" + lineNo + ": error: empty part name");
          return 1;
        }
        if (Character.isWhitespace(name.charAt(0))
            || Character.isWhitespace(name.charAt(name.length() - 1))) {
          call.stderr().println(inputName + ":" + lineNo
              + ": error: part name cannot have leading or trailing space");
          return 1;
        }
        if (parts.containsKey(name)) {
          call.stderr().println(inputName + ":" + lineNo + ": error: '" + separator + "--- "
              + name + "' occurs more than once");
          return 1;
        }
        if (last != null) {
          ends.put(last, pos);
        }
        parts.put(name, new Part(next, leadingLines ? lineNo : 0));
        last = name;
      }
      pos = next;
    }
    if (last == null) {
      call.stderr().println("split-file: error: " + inputName + ": no part separator was found");
      return 1;
    }
    ends.put(last, text.length());
    Path out = call.resolve(operands.get(1));
    if (Files.isRegularFile(out)) {
      Files.delete(out);
    } else if (Files.isDirectory(out)) {
      try {
        Files.delete(out);
      } catch (DirectoryNotEmptyException e) {
        // like LLVM's split-file: an existing non-empty directory is reused
      }
    }
    for (Map.Entry<String, Part> e : parts.entrySet()) {
      Part part = e.getValue();
      int end = Math.max(part.begin, ends.get(e.getKey()));
      String content = "\n".repeat(part.leadingLines)
          + text.substring(Math.min(part.begin, text.length()), Math.min(end, text.length()));
      Path file = out.resolve(e.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, content, StandardCharsets.ISO_8859_1);
    }
    return 0;
  }
}
