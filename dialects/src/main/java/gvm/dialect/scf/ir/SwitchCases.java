package gvm.dialect.scf.ir;

import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.asm.OpAsmParser;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.format.CustomDirective;
import gvm.ir.format.ParseArgs;
import gvm.ir.format.PrintArgs;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code custom<SwitchCases>($cases, $caseRegions)}: the {@code case N { ... }} list of {@code
 * scf.index_switch}, each on its own line, as SCF.cpp's parseSwitchCases/printSwitchCases. Case
 * regions print their terminators.
 */
final class SwitchCases implements CustomDirective {
  @Override public String checkArgs(List<ArgKind> kinds, List<Boolean> refs) {
    return kinds.equals(List.of(ArgKind.ATTRIBUTE, ArgKind.REGION)) ? null : "expected ($cases, $caseRegions)";
  }

  @Override public boolean parse(OpAsmParser p, ParseArgs args) {
    List<Long> values = new ArrayList<>();
    List<Region> regions = new ArrayList<>();
    while (p.parseOptionalKeyword("case")) {
      values.add(p.parseInteger());
      regions.add(p.parseRegion(List.of(), false));
    }
    args.setAttr(0, new DenseArrayAttr(IntegerType.I64, values.stream().mapToLong(Long::longValue).toArray()));
    args.setRegions(1, regions);
    return true;
  }

  @Override public void print(AsmPrinter p, Operation op, PrintArgs args) {
    long[] cases = args.attr(0) instanceof DenseArrayAttr d ? d.toArray() : new long[0];
    List<Region> regions = args.regions(1);
    for (int i = 0; i < cases.length && i < regions.size(); i++) {
      p.printNewline();
      p.print("case ").print(cases[i]).print(' ');
      p.printRegion(regions.get(i), false, true, false);
    }
  }
}
