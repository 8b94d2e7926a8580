package gvm.ir.verify;

import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.Verify;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.attributes.StringAttr;
import gvm.ir.def.AttrConstraint;
import gvm.ir.def.OpDef;
import gvm.ir.def.PropertySpec;
import gvm.ir.def.RegionSpec;
import gvm.ir.def.Trait;
import gvm.ir.def.TypeConstraint;
import gvm.ir.def.ValueSpec;
import gvm.ir.print.AsmPrinter;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.ir.types.UnrankedTensorType;
import gvm.ir.types.VectorType;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The checks that MLIR's ODS generates for a registered op, derived here from its {@link OpDef}
 * and run in ODS's order: the count traits (regions, results, successors, operands), the
 * structural traits, the invariants of the definition (properties, operand and result types,
 * type-matching predicates, region constraints), the native traits, then the op's own verifiers.
 * {@link #verifyRegionInvariants} holds what MLIR runs after the op's regions verified. Every
 * failure is a {@link gvm.ir.DiagnosticException} with MLIR's wording.
 */
final class OpInvariants {
  private OpInvariants() {}

  static void verify(Operation op, OpDef def) {
    verifyCounts(op, def);
    verifyStructuralTraits(op, def);
    verifyProperties(op, def);
    int[] operandGroups = groupSizes(op, def.operands(), def.operandArity(), op.numOperands(), "operandSegmentSizes");
    verifyValues(op, def.operands(), operandGroups, "operand", op.operandTypes());
    int[] resultGroups = groupSizes(op, def.results(), def.resultArity(), op.numResults(), "resultSegmentSizes");
    verifyValues(op, def.results(), resultGroups, "result", op.resultTypes());
    verifyTypePredicates(op, def, operandGroups, resultGroups);
    verifyRegionConstraints(op, def);
    verifyNativeTraits(op, def);
    List<OpDef.Verifier> vs = def.verifiers();
    for (int i = 0, n = vs.size(); i < n; i++) vs.get(i).verify(op);
  }

  /** After nested ops verified: region traits, then the definition's region verifiers. */
  static void verifyRegionInvariants(Operation op, OpDef def) {
    if (def.hasTrait(Trait.ISOLATED_FROM_ABOVE)) verifyIsolatedFromAbove(op);
    if (def.hasTrait(Trait.SYMBOL_TABLE)) verifyUniqueSymbols(op);
    if (def.implicitTerminator() != null) verifyImplicitTerminator(op, def.implicitTerminator());
    for (OpDef.Verifier v : def.regionVerifiers()) v.verify(op);
  }

  // ---------------------------------------------------------------- count traits

  private static void verifyCounts(Operation op, OpDef def) {
    int fixedRegions = 0;
    boolean variadicRegions = false;
    for (RegionSpec r : def.regions()) if (r.variadic()) variadicRegions = true; else fixedRegions++;
    int n = op.numRegions();
    if (variadicRegions) {
      if (n < fixedRegions) throw Verify.opError(op, "expected " + fixedRegions + " or more regions");
    } else if (fixedRegions == 0) {
      if (n != 0) throw Verify.opError(op, "requires zero regions");
    } else if (fixedRegions == 1) {
      if (n != 1) throw Verify.opError(op, "requires one region");
    } else if (n != fixedRegions) {
      throw Verify.opError(op, "expected " + fixedRegions + " regions");
    }

    int[] results = def.resultArity();
    n = op.numResults();
    if (results[1] > 0) {
      if (n < results[0]) throw Verify.opError(op, "expected " + results[0] + " or more results");
    } else if (results[0] == 0) {
      if (n != 0) throw Verify.opError(op, "requires zero results");
    } else if (results[0] == 1) {
      if (n != 1) throw Verify.opError(op, "requires one result");
    } else if (n != results[0]) {
      throw Verify.opError(op, "expected " + results[0] + " results");
    }

    int fixedSuccessors = 0;
    boolean variadicSuccessors = false;
    for (var s : def.successors()) if (s.variadic()) variadicSuccessors = true; else fixedSuccessors++;
    n = op.numSuccessors();
    if (variadicSuccessors) {
      if (fixedSuccessors > 0) {
        if (n < fixedSuccessors) throw Verify.opError(op, "requires at least " + fixedSuccessors + " successors but found " + n);
        verifySuccessorsInRegion(op);
      }
    } else if (fixedSuccessors == 0) {
      if (n != 0) throw Verify.opError(op, "requires 0 successors but found " + n);
    } else {
      if (n != fixedSuccessors)
        throw Verify.opError(op, "requires " + fixedSuccessors + (fixedSuccessors == 1 ? " successor" : " successors") + " but found " + n);
      verifySuccessorsInRegion(op);
    }

    int[] operands = def.operandArity();
    n = op.numOperands();
    if (operands[1] > 0) {
      if (n < operands[0]) throw Verify.opError(op, "expected " + operands[0] + " or more operands, but found " + n);
    } else if (operands[0] == 0) {
      if (n != 0) throw Verify.opError(op, "requires zero operands");
    } else if (operands[0] == 1) {
      if (n != 1) throw Verify.opError(op, "requires a single operand");
    } else if (n != operands[0]) {
      throw Verify.opError(op, "expected " + operands[0] + " operands, but found " + n);
    }
  }

  private static void verifySuccessorsInRegion(Operation op) {
    for (Block s : op.successors())
      if (s == null || s.parent() != op.parentRegion()) throw Verify.error(op, "reference to block defined in another region");
  }

  // ---------------------------------------------------------------- structural traits

  private static void verifyStructuralTraits(Operation op, OpDef def) {
    if (def.hasTrait(Trait.ATTR_SIZED_OPERAND_SEGMENTS)) verifySegmentSizes(op, "operandSegmentSizes", "operand", op.numOperands());
    if (def.hasTrait(Trait.ATTR_SIZED_RESULT_SEGMENTS)) verifySegmentSizes(op, "resultSegmentSizes", "result", op.numResults());
    if (def.hasTrait(Trait.SINGLE_BLOCK) || def.implicitTerminator() != null) verifySingleBlock(op, def);
    if (def.hasTrait(Trait.NO_REGION_ARGUMENTS)) verifyNoRegionArguments(op);
    if (!def.parentOps().isEmpty()) verifyParent(op, def.parentOps());
    if (def.hasTrait(Trait.TERMINATOR)) {
      Block b = op.parentBlock();
      if (b == null || b.last() != op) throw Verify.opError(op, "must be the last operation in the parent block");
    }
  }

  private static void verifySegmentSizes(Operation op, String attrName, String group, int expected) {
    if (!(op.inherentOrDiscardable(attrName) instanceof DenseArrayAttr sizes) || !IntegerType.I32.equals(sizes.elementType()))
      throw Verify.opError(op, "requires dense i32 array attribute '" + attrName + "'");
    long total = 0;
    for (int i = 0; i < sizes.size(); i++) {
      if (sizes.get(i) < 0) throw Verify.opError(op, "'" + attrName + "' attribute cannot have negative elements");
      total += sizes.get(i);
    }
    if (total != expected)
      throw Verify.opError(op, group + " count (" + expected + ") does not match with the total size (" + total + ") specified in attribute '" + attrName + "'");
  }

  private static void verifySingleBlock(Operation op, OpDef def) {
    for (int i = 0; i < op.numRegions(); i++) {
      Region r = op.region(i);
      if (r.isEmpty()) continue;
      if (r.blocks().size() != 1) throw Verify.opError(op, "expects region #" + i + " to have 0 or 1 blocks");
      if (!def.hasTrait(Trait.NO_TERMINATOR) && r.front().isEmpty()) throw Verify.opError(op, "expects a non-empty block");
    }
  }

  private static void verifyNoRegionArguments(Operation op) {
    for (int i = 0; i < op.numRegions(); i++) {
      Region r = op.region(i);
      if (r.isEmpty() || r.front().numArguments() == 0) continue;
      throw Verify.opError(op, op.numRegions() > 1 ? "region #" + i + " should have no arguments" : "region should have no arguments");
    }
  }

  private static void verifyParent(Operation op, List<String> parents) {
    Operation p = op.parentOp();
    if (p != null && p.isRegistered() && parents.contains(p.name())) return;
    throw Verify.opError(op, "expects parent op " + (parents.size() == 1 ? "'" : "to be one of '") + String.join(", ", parents) + "'");
  }

  // ---------------------------------------------------------------- definition invariants

  private static void verifyProperties(Operation op, OpDef def) {
    List<PropertySpec> sorted = new ArrayList<>(def.properties());
    sorted.sort(Comparator.comparing(PropertySpec::name));
    for (PropertySpec p : sorted)
      if (p.isRequired() && op.prop(p.index()) == null) throw Verify.opError(op, "requires attribute '" + p.name() + "'");
    for (PropertySpec p : def.properties()) {
      if (p.name().equals("operandSegmentSizes") || p.name().equals("resultSegmentSizes")) continue;
      Attribute a = op.prop(p.index());
      AttrConstraint c = p.constraint();
      if (a != null && c != null && !c.test(a))
        throw Verify.opError(op, "attribute '" + p.name() + "' failed to satisfy constraint: " + c.description());
    }
  }

  /**
   * Sizes of the operand (or result) groups: from the segment attribute when the op has one,
   * else each variadic group takes an equal share of what the fixed ones leave.
   */
  static int[] groupSizes(Operation op, List<ValueSpec> specs, int[] fv, int actual, String segmentAttr) {
    int[] sizes = new int[specs.size()];
    if (op.def().propertyIndex(segmentAttr) >= 0 && op.inherentOrDiscardable(segmentAttr) instanceof DenseArrayAttr seg) {
      if (seg.size() != specs.size())
        throw Verify.opError(op, "'" + segmentAttr + "' attribute for specifying " + (segmentAttr.startsWith("operand") ? "operand" : "result")
            + " segments must have " + specs.size() + " elements, but got " + seg.size());
      for (int i = 0; i < sizes.length; i++) sizes[i] = (int) seg.get(i);
      return sizes;
    }
    int share = fv[1] == 0 ? 0 : Math.max(0, (actual - fv[0]) / fv[1]);
    for (int i = 0; i < sizes.length; i++) sizes[i] = specs.get(i).isVariadic() ? share : 1;
    return sizes;
  }

  /**
   * Type constraints of each group. As in ODS, the running index only advances over groups
   * that have a predicate, so a group after an unconstrained one reports a smaller index.
   */
  private static void verifyValues(Operation op, List<ValueSpec> specs, int[] sizes, String kind, List<Type> types) {
    int index = 0, start = 0;
    for (int g = 0; g < specs.size(); g++) {
      ValueSpec spec = specs.get(g);
      int size = sizes[g];
      boolean hasPredicate = spec.constraint() != null && spec.constraint() != TypeConstraint.ANY;
      if (spec.arity() == ValueSpec.Arity.OPTIONAL && size > 1)
        throw Verify.opError(op, kind + " group starting at #" + index + " requires 0 or 1 element, but found " + size);
      if (hasPredicate) {
        for (int i = 0; i < size && start + i < types.size(); i++) {
          Type t = types.get(start + i);
          if (t == null || !spec.constraint().test(t))
            throw Verify.opError(op, kind + " #" + index + " must be " + spec.constraint().description() + ", but got " + quote(t));
          index++;
        }
      }
      start += size;
    }
  }

  /** ODS's AllTypesMatch and TypesMatchWith predicates. */
  private static void verifyTypePredicates(Operation op, OpDef def, int[] operandGroups, int[] resultGroups) {
    for (List<String> names : def.allTypesMatch()) {
      Type first = null;
      boolean mismatch = false;
      for (String n : names) {
        Type t = typeOf(op, def, n, operandGroups, resultGroups);
        if (t == null) continue;
        if (first == null) first = t;
        else if (!first.equals(t)) mismatch = true;
      }
      if (mismatch) throw Verify.opError(op, "failed to verify that all of {" + String.join(", ", names) + "} have same type");
    }
    for (OpDef.AllMatch m : def.allMatch()) {
      Object first = null;
      boolean seen = false, mismatch = false;
      for (String n : m.names()) {
        Type t = typeOf(op, def, n, operandGroups, resultGroups);
        if (t == null) continue;
        Object v = aspectOf(m.aspect(), t);
        if (!seen) { first = v; seen = true; } else if (!Objects.equals(first, v)) mismatch = true;
      }
      if (mismatch)
        throw Verify.opError(op, "failed to verify that all of {" + String.join(", ", m.names()) + "} have same " + m.aspect().noun());
    }
    for (OpDef.TypesMatchWith m : def.typesMatchWith()) {
      Type source = typeOf(op, def, m.source(), operandGroups, resultGroups);
      if (source == null) continue;
      if (m.range() != null) {
        List<Type> targets = groupTypes(def.operands(), operandGroups, op.operandTypes(), m.target());
        if (targets == null) targets = groupTypes(def.results(), resultGroups, op.resultTypes(), m.target());
        if (targets == null || targets.equals(m.range().apply(source))) continue;
        throw Verify.opError(op, "failed to verify that " + m.summary());
      }
      Type target = typeOf(op, def, m.target(), operandGroups, resultGroups);
      if (target == null) continue;
      Type expected = m.fn().apply(source);
      if (target.equals(expected)) continue;
      if (m.summary() != null) throw Verify.opError(op, "failed to verify that " + m.summary());
      // ODS words each TypesMatchWith itself; without that summary, use its two common forms.
      String what = source.equals(expected) ? " type matches type of " : " type matches element type of ";
      throw Verify.opError(op, "failed to verify that " + m.target() + what + m.source());
    }
  }

  /** The compared part of {@code t}: its shape (as a list), element type or rank; null when unranked. */
  private static Object aspectOf(OpDef.Aspect aspect, Type t) {
    switch (aspect) {
      case ELEMENT_TYPE: return TypeChecks.elementTypeOrSelf(t);
      case SHAPE: return t instanceof ShapedType s && s.hasRank() ? java.util.Arrays.stream(s.shape().toArray()).boxed().toList() : null;
      case RANK: return t instanceof ShapedType s && s.hasRank() ? s.rank() : null;
      default: throw new IllegalStateException(aspect.toString());
    }
  }

  /** The type of a single operand, result or typed property named {@code n}; null if not one value. */
  private static Type typeOf(Operation op, OpDef def, String n, int[] operandGroups, int[] resultGroups) {
    Type t = valueType(def.operands(), operandGroups, op.operandTypes(), n);
    if (t != null) return t;
    t = valueType(def.results(), resultGroups, op.resultTypes(), n);
    if (t != null) return t;
    return def.propertyIndex(n) >= 0 ? TypeChecks.attrType(op.prop(def.propertyIndex(n))) : null;
  }

  /** The types of the operand or result group named {@code n}, or null. */
  private static List<Type> groupTypes(List<ValueSpec> specs, int[] sizes, List<Type> types, String n) {
    int start = 0;
    for (int g = 0; g < specs.size(); g++) {
      if (specs.get(g).name().equals(n)) return types.subList(start, Math.min(types.size(), start + sizes[g]));
      start += sizes[g];
    }
    return null;
  }

  private static Type valueType(List<ValueSpec> specs, int[] sizes, List<Type> types, String n) {
    int start = 0;
    for (int g = 0; g < specs.size(); g++) {
      if (specs.get(g).name().equals(n)) return sizes[g] == 1 && start < types.size() ? types.get(start) : null;
      start += sizes[g];
    }
    return null;
  }

  private static void verifyRegionConstraints(Operation op, OpDef def) {
    List<RegionSpec> specs = def.regions();
    int variadic = 0;
    for (RegionSpec r : specs) if (r.variadic()) variadic++;
    int share = variadic == 0 ? 0 : Math.max(0, (op.numRegions() - (specs.size() - variadic)) / variadic);
    int index = 0, start = 0;
    for (RegionSpec spec : specs) {
      int size = spec.variadic() ? share : 1;
      if (spec.sizedOneBlock()) {
        for (int i = start; i < start + size && i < op.numRegions(); i++) {
          if (op.region(i).blocks().size() != 1)
            throw Verify.opError(op, "region #" + index + (spec.name().isEmpty() ? " " : " ('" + spec.name() + "') ")
                + "failed to verify constraint: region with 1 blocks");
          index++;
        }
      }
      start += size;
    }
  }

  // ---------------------------------------------------------------- native traits

  private static void verifyNativeTraits(Operation op, OpDef def) {
    if (def.hasTrait(Trait.SAME_OPERANDS_AND_RESULT_SHAPE)) {
      atLeastOneOperandAndResult(op);
      List<Type> all = new ArrayList<>(op.operandTypes());
      all.addAll(op.resultTypes());
      if (!TypeChecks.compatibleShapes(all)) throw Verify.opError(op, "requires the same shape for all operands and results");
    }
    if (def.hasTrait(Trait.SAME_OPERANDS_AND_RESULT_ELEMENT_TYPE)) {
      atLeastOneOperandAndResult(op);
      Type e = TypeChecks.elementTypeOrSelf(op.result(0).type());
      List<Type> all = new ArrayList<>(op.operandTypes());
      all.addAll(op.resultTypes());
      for (Type t : all)
        if (!Objects.equals(TypeChecks.elementTypeOrSelf(t), e)) throw Verify.opError(op, "requires the same element type for all operands and results");
    }
    if (def.hasTrait(Trait.SAME_OPERANDS_AND_RESULT_RANK)) verifySameOperandsAndResultRank(op);
    if (def.hasTrait(Trait.SAME_OPERANDS_ELEMENT_TYPE)) {
      if (op.numOperands() < 1) throw Verify.opError(op, "expected 1 or more operands, but found 0");
      Type e = TypeChecks.elementTypeOrSelf(op.operand(0).type());
      for (int i = 1; i < op.numOperands(); i++)
        if (!Objects.equals(TypeChecks.elementTypeOrSelf(op.operand(i).type()), e))
          throw Verify.opError(op, "requires the same element type for all operands");
    }
    if (def.hasTrait(Trait.SAME_TYPE_OPERANDS) && op.numOperands() >= 2) {
      Type t = op.operand(0).type();
      for (int i = 1; i < op.numOperands(); i++)
        if (!Objects.equals(op.operand(i).type(), t)) throw Verify.opError(op, "requires all operands to have the same type");
    }
    if (def.hasTrait(Trait.SAME_OPERANDS_AND_RESULT_TYPE)) verifySameOperandsAndResultType(op);
    if (def.hasTrait(Trait.ELEMENTWISE)) verifyElementwise(op);
  }

  /** MLIR's verifySameOperandsAndResultRank: ranked operands and results share one rank. */
  private static void verifySameOperandsAndResultRank(Operation op) {
    atLeastOneOperandAndResult(op);
    Integer rank = null;
    for (Type t : op.operandTypes()) {
      if (!(t instanceof ShapedType s) || !s.hasRank()) continue;
      if (rank == null) rank = s.rank();
      else if (rank != s.rank()) throw Verify.opError(op, "operands don't have matching ranks");
    }
    for (Type t : op.resultTypes()) {
      if (!(t instanceof ShapedType s) || !s.hasRank()) continue;
      if (rank == null) rank = s.rank();
      else if (rank != s.rank()) throw Verify.opError(op, "result type has different rank than operands");
    }
  }

  private static void atLeastOneOperandAndResult(Operation op) {
    if (op.numOperands() < 1) throw Verify.opError(op, "expected 1 or more operands, but found 0");
    if (op.numResults() < 1) throw Verify.opError(op, "expected 1 or more results");
  }

  private static void verifySameOperandsAndResultType(Operation op) {
    atLeastOneOperandAndResult(op);
    Type type = op.result(0).type();
    Type element = TypeChecks.elementTypeOrSelf(type);
    Attribute encoding = type instanceof RankedTensorType rt ? rt.encoding() : null;
    List<Type> others = new ArrayList<>(op.resultTypes().subList(1, op.numResults()));
    others.addAll(op.operandTypes());
    for (Type t : others) {
      if (!Objects.equals(TypeChecks.elementTypeOrSelf(t), element) || !TypeChecks.compatibleShape(t, type))
        throw Verify.opError(op, "requires the same type for all operands and results");
      if (encoding != null && !(t instanceof RankedTensorType rt && encoding.equals(rt.encoding())))
        throw Verify.opError(op, "requires the same encoding for all operands and results");
    }
  }

  private static void verifyElementwise(Operation op) {
    List<Type> results = new ArrayList<>(), operands = new ArrayList<>();
    for (Type t : op.resultTypes()) if (isMappable(t)) results.add(t);
    for (Type t : op.operandTypes()) if (isMappable(t)) operands.add(t);
    if (results.isEmpty() && operands.isEmpty()) return;
    if (operands.isEmpty()) throw Verify.opError(op, "if a result is non-scalar, then at least one operand must be non-scalar");
    if (results.isEmpty()) throw Verify.opError(op, "if an operand is non-scalar, then there must be at least one non-scalar result");
    if (results.size() != op.numResults()) throw Verify.opError(op, "if an operand is non-scalar, then all results must be non-scalar");
    List<Type> all = new ArrayList<>(operands);
    all.addAll(results);
    Class<?> base = all.get(0).getClass();
    boolean sameBase = true;
    for (Type t : all) sameBase &= t.getClass() == base;
    if (!sameBase || !TypeChecks.compatibleShapes(all))
      throw Verify.opError(op, "all non-scalar operands/results must have the same shape and base type");
  }

  private static boolean isMappable(Type t) {
    return t instanceof VectorType || t instanceof RankedTensorType || t instanceof UnrankedTensorType;
  }

  // ---------------------------------------------------------------- region traits

  /** Values used inside the op's regions must be defined there (nested isolated ops check themselves). */
  private static void verifyIsolatedFromAbove(Operation isolated) {
    for (Region region : isolated.regions()) {
      ArrayList<Region> pending = new ArrayList<>();
      pending.add(region);
      while (!pending.isEmpty()) {
        Region r = pending.remove(pending.size() - 1);
        for (Block b : r.blocks())
          for (Operation op : b) {
            for (int i = 0; i < op.numOperands(); i++) {
              Value v = op.operand(i);
              Region vr = v == null ? null : v.parentBlock() == null ? null : v.parentBlock().parent();
              if (vr == null) throw Verify.error(op, "operation's operand is unlinked");
              if (!isAncestor(region, vr))
                throw Verify.opError(op, "using value defined outside the region").attachNote(isolated.loc(), "required by region isolation constraints");
            }
            if (op.numRegions() != 0 && !op.hasTrait(Trait.ISOLATED_FROM_ABOVE)) pending.addAll(op.regions());
          }
      }
    }
  }

  /** True if {@code ancestor} is {@code r} or encloses it. */
  static boolean isAncestor(Region ancestor, Region r) {
    while (r != null) {
      if (r == ancestor) return true;
      Operation op = r.parentOp();
      r = op == null ? null : op.parentRegion();
    }
    return false;
  }

  /** The SymbolTable trait's uniqueness rule: no two ops of the body define the same name. */
  private static void verifyUniqueSymbols(Operation op) {
    if (op.numRegions() != 1 || op.region(0).blocks().size() != 1) return; // the table's own verifier words this
    java.util.HashMap<StringAttr, Operation> seen = new java.util.HashMap<>();
    for (Operation nested : op.region(0).front()) {
      if (!(nested.inherentOrDiscardable("sym_name") instanceof StringAttr name)) continue;
      Operation first = seen.putIfAbsent(name, nested);
      if (first != null)
        throw Verify.error(nested, "redefinition of symbol named '" + name.value() + "'").attachNote(first.loc(), "see existing symbol definition here");
    }
  }

  /** MLIR's SingleBlockImplicitTerminator: each non-empty region ends with the named op. */
  private static void verifyImplicitTerminator(Operation op, String terminator) {
    for (Region r : op.regions()) {
      if (r.isEmpty() || r.front().isEmpty()) continue;
      Operation last = r.front().last();
      if (last.name().equals(terminator)) continue;
      throw Verify.opError(op, "expects regions to end with '" + terminator + "', found '" + last.name() + "'")
          .attachNote(op.loc(), "in custom textual format, the absence of terminator implies '" + terminator + "'");
    }
  }

  static String quote(Type t) { return t == null ? "'<<NULL TYPE>>'" : "'" + AsmPrinter.toString(null, t) + "'"; }
}
