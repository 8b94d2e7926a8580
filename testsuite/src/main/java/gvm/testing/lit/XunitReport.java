package gvm.testing.lit;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Writes results as JUnit XML, as lit's {@code --xunit-xml-output} does (lit/reports.py). */
final class XunitReport {
  private XunitReport() {}

  /** One test and its result. */
  record Entry(LitTest test, TestResult result) {}

  static void write(Path file, List<Entry> entries, double elapsed) throws IOException {
    Map<String, List<Entry>> bySuite = new LinkedHashMap<>();
    for (Entry e : entries) {
      bySuite.computeIfAbsent(e.test.suite().name(), k -> new ArrayList<>()).add(e);
    }
    StringBuilder sb = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    sb.append("<testsuites time=\"").append(seconds(elapsed)).append("\">\n");
    for (Map.Entry<String, List<Entry>> suite : bySuite.entrySet()) {
      List<Entry> tests = suite.getValue();
      long failures = tests.stream().filter(e -> e.result.code().isFailure()).count();
      long skipped = tests.stream().filter(e -> isSkipped(e.result.code())).count();
      double time = tests.stream().mapToDouble(e -> e.result.elapsedSeconds()).sum();
      String name = suite.getKey().replace('.', '-');
      sb.append("<testsuite name=\"").append(attr(name)).append("\" tests=\"").append(tests.size())
          .append("\" failures=\"").append(failures).append("\" skipped=\"").append(skipped)
          .append("\" time=\"").append(seconds(time)).append("\">\n");
      for (Entry e : tests) {
        String path = e.test.pathInSuite();
        int slash = path.lastIndexOf('/');
        String dir = slash < 0 ? "" : path.substring(0, slash).replace('.', '_');
        String className = name + (dir.isEmpty() ? "" : "." + dir);
        sb.append("<testcase classname=\"").append(attr(className)).append("\" name=\"")
            .append(attr(path.substring(slash + 1))).append("\" time=\"")
            .append(seconds(e.result.elapsedSeconds())).append('"');
        ResultCode code = e.result.code();
        if (code.isFailure()) {
          sb.append(">\n\t<failure><![CDATA[")
              .append(xmlChars(e.result.output()).replace("]]>", "]]]]><![CDATA[>"))
              .append("]]></failure>\n</testcase>\n");
        } else if (isSkipped(code)) {
          sb.append(">\n\t<skipped message=\"").append(attr(skipMessage(e.result)))
              .append("\"/>\n</testcase>\n");
        } else {
          sb.append("/>\n");
        }
      }
      sb.append("</testsuite>\n");
    }
    sb.append("</testsuites>\n");
    Path parent = file.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    Files.writeString(file, sb, StandardCharsets.UTF_8);
  }

  private static boolean isSkipped(ResultCode code) {
    return code == ResultCode.UNSUPPORTED || code == ResultCode.EXCLUDED
        || code == ResultCode.SKIPPED;
  }

  private static String skipMessage(TestResult r) {
    if (r.code() == ResultCode.UNSUPPORTED) {
      return "Unsupported configuration: " + r.output().strip();
    }
    return r.code() == ResultCode.EXCLUDED ? "Test not selected (--filter, ...)" : "Skipped";
  }

  private static String seconds(double s) {
    return String.format(Locale.ROOT, "%.2f", s);
  }

  /** Drops the control characters that XML 1.0 cannot carry (a tool's colour codes, say). */
  private static String xmlChars(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= 0x20 || c == '\t' || c == '\n' || c == '\r') {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static String attr(String s) {
    return xmlChars(s).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;").replace("\n", "&#10;");
  }
}
