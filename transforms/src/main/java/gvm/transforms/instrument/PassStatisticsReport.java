package gvm.transforms.instrument;

import gvm.pass.OpPassManager;
import gvm.pass.OpToOpPassAdaptor;
import gvm.pass.Pass;
import gvm.pass.Statistic;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * {@code --mlir-pass-statistics}: MLIR's pass statistics report (PassStatistics.cpp), by pipeline
 * or as a list merged by pass name. (mlir-opt-19 release builds have statistics compiled out and
 * print only the header; this prints what a statistics-enabled build prints.)
 */
public final class PassStatisticsReport {
  private PassStatisticsReport() {}

  private record Stat(String name, String description, long value) {}

  /** The report for {@code pm} after it ran; {@code list} merges passes by name. */
  public static String render(OpPassManager pm, boolean list) {
    StringBuilder sb = new StringBuilder();
    String title = "... Pass statistics report ...";
    sb.append("===").append("-".repeat(73)).append("===\n");
    sb.append(" ".repeat((80 - title.length()) / 2)).append(title).append('\n');
    sb.append("===").append("-".repeat(73)).append("===\n");
    if (list) {
      Map<String, List<Stat>> merged = new TreeMap<>();
      collect(pm, merged);
      for (Map.Entry<String, List<Stat>> e : merged.entrySet()) entry(sb, 2, e.getKey(), e.getValue());
    } else {
      for (Pass p : pm.passes()) pipeline(sb, 0, p);
    }
    return sb.append('\n').toString();
  }

  private static void collect(OpPassManager pm, Map<String, List<Stat>> merged) {
    for (Pass p : pm.passes()) {
      if (p instanceof OpToOpPassAdaptor a) {
        for (OpPassManager m : a.managers()) collect(m, merged);
        continue;
      }
      if (p.statistics().isEmpty()) continue;
      List<Stat> entry = merged.get(p.name());
      if (entry == null) {
        entry = new ArrayList<>();
        for (Statistic s : p.statistics()) entry.add(new Stat(s.name(), s.description(), s.get()));
        merged.put(p.name(), entry);
      } else {
        for (int i = 0; i < entry.size(); i++) {
          Stat old = entry.get(i);
          entry.set(i, new Stat(old.name, old.description, old.value + p.statistics().get(i).get()));
        }
      }
    }
  }

  private static void pipeline(StringBuilder sb, int indent, Pass p) {
    if (p instanceof OpToOpPassAdaptor a) {
      List<OpPassManager> managers = a.managers();
      if (managers.size() > 1) {
        List<String> names = new ArrayList<>();
        for (OpPassManager m : managers) names.add("'" + m.anchorName() + "'");
        entry(sb, indent, "Pipeline Collection : [" + String.join(", ", names) + "]", List.of());
        indent += 2;
      }
      for (OpPassManager m : managers) {
        entry(sb, indent, "'" + m.anchorName() + "' Pipeline", List.of());
        for (Pass nested : m.passes()) pipeline(sb, indent + 2, nested);
      }
      return;
    }
    List<Stat> stats = new ArrayList<>();
    for (Statistic s : p.statistics()) stats.add(new Stat(s.name(), s.description(), s.get()));
    entry(sb, indent, p.name(), stats);
  }

  /** The pass name, then {@code (S) VALUE NAME - DESCRIPTION} per statistic sorted by name, values and names aligned. */
  private static void entry(StringBuilder sb, int indent, String name, List<Stat> stats) {
    sb.append(" ".repeat(indent)).append(name).append('\n');
    List<Stat> sorted = new ArrayList<>(stats);
    sorted.sort(Comparator.comparing(Stat::name));
    int nameWidth = 0, valueWidth = 0;
    for (Stat s : sorted) {
      nameWidth = Math.max(nameWidth, s.name.length());
      valueWidth = Math.max(valueWidth, Long.toUnsignedString(s.value).length());
    }
    for (Stat s : sorted)
      sb.append(" ".repeat(indent + 2)).append(String.format("(S) %" + valueWidth + "s %-" + nameWidth + "s - %s\n", Long.toUnsignedString(s.value), s.name, s.description));
  }
}
