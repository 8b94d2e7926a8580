package gvm.dialect.arith.ir;

import gvm.ir.asm.AsmParser;
import gvm.ir.print.AsmPrinter;
import java.util.ArrayList;
import java.util.List;

/**
 * The text form of an ODS bit enum ({@code I32BitEnumAttr}): flags as keywords joined by a
 * separator, {@code none} for no flag, and groups (such as {@code fast}) printed in place of all
 * their bits, as ODS's printBitEnumPrimaryGroups.
 */
final class BitEnumSyntax {
  /** A case: a single bit, a group of bits, or {@code none} (0). */
  record Case(String name, int bits) {}

  private final String cppName;
  private final String separator;
  private final List<Case> cases;

  /** {@code cppName} appears in MLIR's parse error; {@code cases} in declaration order. */
  BitEnumSyntax(String cppName, String separator, Case... cases) {
    this.cppName = cppName;
    this.separator = separator;
    this.cases = List.of(cases);
  }

  /** {@code <flags>}, what follows an attribute's mnemonic. */
  int parseParams(AsmParser p) {
    p.parsePunct("<");
    int flags = parse(p);
    p.parsePunct(">");
    return flags;
  }

  /** {@code mnemonic<flags>}, an attribute's body after {@code #arith.}. */
  void printBody(AsmPrinter p, String mnemonic, int flags) { p.print(mnemonic).print('<').print(print(flags)).print('>'); }

  /** Keywords separated by commas: {@code nsw, nuw}; errors as MLIR's generated enum parser. */
  int parse(AsmParser p) {
    int at = p.offset();
    int flags = 0;
    do {
      String kw = p.parseOptionalKeyword();
      if (kw == null) throw p.error(p.offset(), "expected valid keyword");
      Case c = lookup(kw);
      if (c == null) {
        StringBuilder names = new StringBuilder();
        for (Case k : cases) names.append(names.length() == 0 ? "" : ", ").append(k.name());
        throw p.error(at, "expected " + cppName + " to be one of: " + names);
      }
      flags |= c.bits();
    } while (p.parseOptionalPunct(","));
    return flags;
  }

  private Case lookup(String name) {
    for (Case c : cases) if (c.name().equals(name)) return c;
    return null;
  }

  /** {@code none}, or groups whose bits are all set, then the remaining single bits in declaration order. */
  String print(int flags) {
    if (flags == 0) return "none";
    List<String> parts = new ArrayList<>();
    int rest = flags;
    for (Case c : cases)
      if (Integer.bitCount(c.bits()) > 1 && (rest & c.bits()) == c.bits()) {
        parts.add(c.name());
        rest &= ~c.bits();
      }
    for (Case c : cases)
      if (Integer.bitCount(c.bits()) == 1 && (rest & c.bits()) != 0) parts.add(c.name());
    return String.join(separator, parts);
  }
}
