package gvm.testing.filecheck;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The variables of one FileCheck run (LLVM's {@code FileCheckPatternContext}): string values,
 * the names ever defined as strings (to detect string/numeric clashes) and numeric variables.
 */
final class VarContext {
  /** A string variable's value and where it was captured in the input (-1: from the command line). */
  record StringValue(String value, int start) {}

  final Map<String, StringValue> strings = new HashMap<>();
  final Set<String> definedStrings = new HashSet<>();
  final Map<String, NumericVariable> numerics = new HashMap<>();
  private final List<NumericVariable> allNumerics = new ArrayList<>();
  NumericVariable lineVariable;

  NumericVariable makeNumeric(String name, ExpressionFormat format, int defLine) {
    NumericVariable v = new NumericVariable(name, format, defLine);
    allNumerics.add(v);
    return v;
  }

  void createLineVariable() {
    lineVariable = makeNumeric("@LINE", ExpressionFormat.UNSIGNED, -1);
    numerics.put("@LINE", lineVariable);
  }

  /** Forgets every variable whose name does not start with '$' (--enable-var-scope at a CHECK-LABEL). */
  void clearLocalVars() {
    strings.keySet().removeIf(name -> name.charAt(0) != '$');
    numerics.values().removeIf(v -> {
      if (v.name.charAt(0) == '$') {
        return false;
      }
      v.clearValue();
      return true;
    });
  }
}
