package gvm.ir.def;

import gvm.ir.Operation;
import gvm.ir.attributes.Attribute;
import gvm.ir.attributes.DenseArrayAttr;
import gvm.ir.types.IntegerType;
import gvm.ir.types.Type;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The single definition of an op, as MLIR's ODS record: operands, results, properties, regions,
 * successors, traits, assembly format, verifiers and hooks. Parser, printer and structural verifier
 * are derived from it. Build with {@link #named(String)}; bad definitions fail at class init.
 */
public final class OpDef {
  /** Verifies one op; throws {@link gvm.ir.VerifyException} (see {@link gvm.ir.Verify}) on failure. */
  @FunctionalInterface public interface Verifier { void verify(Operation op); }

  /** Infers result types from operands and properties while parsing (MLIR's InferTypeOpInterface). */
  @FunctionalInterface public interface ResultTypeInference { List<Type> infer(List<Type> operandTypes, Function<String, Attribute> props); }

  /** A hand-written assembly, for ops whose syntax the format language cannot express (e.g. func.func). */
  public interface CustomAssembly {
    void parse(gvm.ir.asm.OpAsmParser p, gvm.ir.OperationState state);

    void print(Operation op, gvm.ir.print.AsmPrinter p);
  }

  /**
   * Names the entry block arguments of one of the op's regions for the printer ({@code %in}, {@code
   * %out}), as OpAsmOpInterface::getAsmBlockArgumentNames; {@code names} has one slot per argument.
   */
  @FunctionalInterface public interface BlockArgNamer { void name(Operation op, gvm.ir.Region region, String[] names); }

  /** Names results for the printer ({@code %cst}, {@code %sum}), as OpAsmOpInterface::getAsmResultNames. */
  @FunctionalInterface public interface ResultNamer { void name(Operation op, String[] names); }

  private final String name;
  private String summary = "";
  private final List<ValueSpec> operands = new ArrayList<>();
  private final List<ValueSpec> results = new ArrayList<>();
  private final List<PropertySpec> properties = new ArrayList<>();
  private final Map<String, Integer> propIndex = new HashMap<>();
  private final List<RegionSpec> regions = new ArrayList<>();
  private final List<SuccessorSpec> successors = new ArrayList<>();
  private final EnumSet<Trait> traits = EnumSet.noneOf(Trait.class);
  private final List<Verifier> verifiers = new ArrayList<>();
  private final List<Verifier> regionVerifiers = new ArrayList<>();
  private final List<List<String>> allTypesMatch = new ArrayList<>();
  private final List<TypesMatchWith> typesMatchWith = new ArrayList<>();
  private final List<AllMatch> allMatch = new ArrayList<>();
  private final Map<Class<?>, Object> interfaces = new HashMap<>();
  private List<String> parentOps = List.of();
  private String format;
  private Object compiledFormat;
  private CustomAssembly customAssembly;
  private ResultTypeInference resultTypeInference;
  private ResultNamer resultNamer;
  private BlockArgNamer blockArgNamer;
  private String defaultDialect;
  private String implicitTerminator;
  private gvm.ir.rewrite.Folder folder;
  private final List<gvm.ir.rewrite.RewritePattern> canonicalizers = new ArrayList<>();

  /**
   * {@code target}'s type is {@code fn(source's type)} (ODS TypesMatchWith), or with {@code range}
   * the types of the variadic {@code target} are {@code range(source's type)}; {@code summary} is
   * the ODS summary the verifier words a failure with (null: a generic wording).
   */
  public record TypesMatchWith(String target, String source, Function<Type, Type> fn, Function<Type, List<Type>> range, String summary) {}

  /** What ODS's AllShapesMatch, AllElementTypesMatch and AllRanksMatch compare; {@code noun} words the message. */
  public enum Aspect {
    SHAPE("shape"), ELEMENT_TYPE("element type"), RANK("rank");

    private final String noun;

    Aspect(String noun) { this.noun = noun; }

    public String noun() { return noun; }
  }

  /** The named values agree in {@code aspect} ({@code failed to verify that all of {input, result} have same shape}). */
  public record AllMatch(Aspect aspect, List<String> names) {}

  private OpDef(String name) { this.name = name; }

  public static OpDef named(String name) {
    if (name.indexOf('.') <= 0) throw new IllegalArgumentException("op name '" + name + "' has no dialect prefix");
    return new OpDef(name);
  }

  // ---- building

  public OpDef summary(String s) { summary = s; return this; }

  public OpDef operand(String n, TypeConstraint c) { return addValue(operands, n, ValueSpec.Arity.SINGLE, c); }

  public OpDef optionalOperand(String n, TypeConstraint c) { return addValue(operands, n, ValueSpec.Arity.OPTIONAL, c); }

  public OpDef variadicOperand(String n, TypeConstraint c) { return addValue(operands, n, ValueSpec.Arity.VARIADIC, c); }

  public OpDef result(String n, TypeConstraint c) { return addValue(results, n, ValueSpec.Arity.SINGLE, c); }

  public OpDef optionalResult(String n, TypeConstraint c) { return addValue(results, n, ValueSpec.Arity.OPTIONAL, c); }

  public OpDef variadicResult(String n, TypeConstraint c) { return addValue(results, n, ValueSpec.Arity.VARIADIC, c); }

  private OpDef addValue(List<ValueSpec> l, String n, ValueSpec.Arity a, TypeConstraint c) {
    checkFresh(n);
    l.add(new ValueSpec(n, a, c));
    return this;
  }

  /** A required property. */
  public OpDef property(String n, AttrConstraint c) { return addProp(n, c, null, false); }

  /** A property filled with {@code dflt} when absent. */
  public OpDef property(String n, AttrConstraint c, Attribute dflt) { return addProp(n, c, dflt, false); }

  public OpDef optionalProperty(String n, AttrConstraint c) { return addProp(n, c, null, true); }

  private OpDef addProp(String n, AttrConstraint c, Attribute d, boolean opt) {
    checkFresh(n);
    propIndex.put(n, properties.size());
    properties.add(new PropertySpec(n, c, d, opt, properties.size()));
    return this;
  }

  public OpDef region(String n) { checkFresh(n); regions.add(new RegionSpec(n, false, false)); return this; }

  public OpDef sizedRegion(String n) { checkFresh(n); regions.add(new RegionSpec(n, false, true)); return this; }

  public OpDef variadicRegion(String n) { checkFresh(n); regions.add(new RegionSpec(n, true, false)); return this; }

  public OpDef successor(String n) { checkFresh(n); successors.add(new SuccessorSpec(n, false)); return this; }

  public OpDef variadicSuccessor(String n) { checkFresh(n); successors.add(new SuccessorSpec(n, true)); return this; }

  public OpDef traits(Trait... ts) {
    for (Trait t : ts) {
      if (!traits.add(t)) throw new IllegalArgumentException(name + ": trait " + t + " given twice");
      if (t == Trait.ATTR_SIZED_OPERAND_SEGMENTS) addProp("operandSegmentSizes", AttrConstraint.of("dense i32 array", a -> a instanceof DenseArrayAttr), null, false);
      if (t == Trait.ATTR_SIZED_RESULT_SEGMENTS) addProp("resultSegmentSizes", AttrConstraint.of("dense i32 array", a -> a instanceof DenseArrayAttr), null, false);
    }
    return this;
  }

  /** The op may only appear directly inside one of these ops (MLIR's HasParent / ParentOneOf). */
  public OpDef parents(String... names) { parentOps = List.of(names); return this; }

  public OpDef format(String f) { format = f; return this; }

  public OpDef customAssembly(CustomAssembly c) { customAssembly = c; return this; }

  public OpDef verifier(Verifier v) { verifiers.add(v); return this; }

  /** A verifier that runs after the op's regions verified (MLIR's verifyRegions). */
  public OpDef regionVerifier(Verifier v) { regionVerifiers.add(v); return this; }

  public OpDef allTypesMatch(String... names) { allTypesMatch.add(List.of(names)); return this; }

  /** ODS AllShapesMatch / AllElementTypesMatch / AllRanksMatch over the named operands and results. */
  public OpDef allMatch(Aspect aspect, String... names) { allMatch.add(new AllMatch(aspect, List.of(names))); return this; }

  public OpDef typesMatchWith(String target, String source, Function<Type, Type> fn) {
    typesMatchWith.add(new TypesMatchWith(target, source, fn, null, null));
    return this;
  }

  /** ODS {@code TypesMatchWith<summary, source, target, fn>}: a failure reads "failed to verify that SUMMARY". */
  public OpDef typesMatchWith(String summary, String target, String source, Function<Type, Type> fn) {
    typesMatchWith.add(new TypesMatchWith(target, source, fn, null, summary));
    return this;
  }

  /** TypesMatchWith whose transform gives the whole type list of the variadic {@code target}. */
  public OpDef typesMatchWithRange(String summary, String target, String source, Function<Type, List<Type>> range) {
    typesMatchWith.add(new TypesMatchWith(target, source, null, range, summary));
    return this;
  }

  public OpDef inferResultTypes(ResultTypeInference f) { resultTypeInference = f; return this; }

  public OpDef resultNames(ResultNamer f) { resultNamer = f; return this; }

  public OpDef blockArgNames(BlockArgNamer f) { blockArgNamer = f; return this; }

  /** Ops in this op's regions may drop this dialect prefix (OpAsmOpInterface::getDefaultDialect). */
  public OpDef defaultDialect(String d) { defaultDialect = d; return this; }

  /**
   * Each region holds one block ending in this terminator op, which the custom form leaves out when
   * it has no operands, results or attributes (MLIR's SingleBlockImplicitTerminator; implies
   * {@link Trait#SINGLE_BLOCK} for format parsing).
   */
  public OpDef implicitTerminator(String opName) { implicitTerminator = opName; return this; }

  public <T> OpDef implement(Class<T> iface, T impl) { interfaces.put(iface, impl); return this; }

  /** The folder of a single-result op (MLIR's {@code let hasFolder = 1}). */
  public OpDef folder(gvm.ir.rewrite.Folder.Single f) { folder = gvm.ir.rewrite.Folder.of(f); return this; }

  /** The folder of a multi-result op. */
  public OpDef multiFolder(gvm.ir.rewrite.Folder f) { folder = f; return this; }

  /**
   * A canonicalization pattern rooted at this op (MLIR's getCanonicalizationPatterns), named as
   * MLIR names it so {@code enable-patterns}/{@code disable-patterns} filters work.
   */
  public OpDef canonicalizer(String patternName, gvm.ir.rewrite.RewritePattern.Matcher m) {
    canonicalizers.add(gvm.ir.rewrite.RewritePattern.of(this, patternName, m));
    return this;
  }

  private void checkFresh(String n) {
    for (ValueSpec v : operands) if (v.name().equals(n)) throw dup(n);
    for (ValueSpec v : results) if (v.name().equals(n)) throw dup(n);
    if (propIndex.containsKey(n)) throw dup(n);
    for (RegionSpec r : regions) if (r.name().equals(n)) throw dup(n);
    for (SuccessorSpec s : successors) if (s.name().equals(n)) throw dup(n);
  }

  private IllegalArgumentException dup(String n) { return new IllegalArgumentException(name + ": '" + n + "' declared twice"); }

  // ---- queries

  public String name() { return name; }

  public String dialect() { return name.substring(0, name.indexOf('.')); }

  public String mnemonic() { return name.substring(name.indexOf('.') + 1); }

  public String summary() { return summary; }

  public List<ValueSpec> operands() { return Collections.unmodifiableList(operands); }

  public List<ValueSpec> results() { return Collections.unmodifiableList(results); }

  private volatile int[] operandArity, resultArity;
  private byte variadicRegions = -1, variadicSuccessors = -1;

  /** Whether a region spec is variadic (computed once). */
  public boolean hasVariadicRegions() {
    if (variadicRegions < 0) variadicRegions = (byte) (regions.stream().anyMatch(RegionSpec::variadic) ? 1 : 0);
    return variadicRegions == 1;
  }

  /** Whether a successor spec is variadic (computed once). */
  public boolean hasVariadicSuccessors() {
    if (variadicSuccessors < 0) variadicSuccessors = (byte) (successors.stream().anyMatch(SuccessorSpec::variadic) ? 1 : 0);
    return variadicSuccessors == 1;
  }

  /** {fixed, variadic} counts of the operand specs, computed once (racy but idempotent). */
  public int[] operandArity() {
    int[] a = operandArity;
    if (a == null) operandArity = a = arity(operands);
    return a;
  }

  /** {fixed, variadic} counts of the result specs. */
  public int[] resultArity() {
    int[] a = resultArity;
    if (a == null) resultArity = a = arity(results);
    return a;
  }

  private static int[] arity(List<ValueSpec> specs) {
    int fixed = 0, variadic = 0;
    for (ValueSpec v : specs) if (v.isVariadic()) variadic++; else fixed++;
    return new int[] {fixed, variadic};
  }

  public List<PropertySpec> properties() { return Collections.unmodifiableList(properties); }

  private volatile String[] propNames;
  private volatile int[] propNameOrder;

  /** Property indices sorted by name, the order of the {@code <{...}>} dictionary (computed once). */
  public int[] propertyNameOrder() {
    int[] o = propNameOrder;
    if (o == null || o.length != properties.size()) {
      Integer[] idx = new Integer[properties.size()];
      for (int i = 0; i < idx.length; i++) idx[i] = i;
      java.util.Arrays.sort(idx, (a, b) -> properties.get(a).name().compareTo(properties.get(b).name()));
      o = new int[idx.length];
      for (int i = 0; i < o.length; i++) o[i] = idx[i];
      propNameOrder = o;
    }
    return o;
  }

  /** The index of property {@code n}, or -1. A scan: ops have few properties, and names are usually the same literal. */
  public int propertyIndex(String n) {
    String[] names = propNames;
    if (names == null || names.length != properties.size()) {
      names = new String[properties.size()];
      for (int i = 0; i < names.length; i++) names[i] = properties.get(i).name();
      propNames = names;
    }
    for (int i = 0; i < names.length; i++) if (names[i] == n) return i;
    for (int i = 0; i < names.length; i++) if (names[i].equals(n)) return i;
    return -1;
  }

  public PropertySpec property(String n) {
    int i = propertyIndex(n);
    return i < 0 ? null : properties.get(i);
  }

  public List<RegionSpec> regions() { return Collections.unmodifiableList(regions); }

  public List<SuccessorSpec> successors() { return Collections.unmodifiableList(successors); }

  public boolean hasTrait(Trait t) { return traits.contains(t); }

  public List<String> parentOps() { return parentOps; }

  public String format() { return format; }

  public CustomAssembly customAssembly() { return customAssembly; }

  public List<Verifier> verifiers() { return verifiers; }

  public List<Verifier> regionVerifiers() { return regionVerifiers; }

  public List<List<String>> allTypesMatch() { return allTypesMatch; }

  public List<TypesMatchWith> typesMatchWith() { return typesMatchWith; }

  public List<AllMatch> allMatch() { return allMatch; }

  public ResultTypeInference resultTypeInference() { return resultTypeInference; }

  public ResultNamer resultNamer() { return resultNamer; }

  public BlockArgNamer blockArgNamer() { return blockArgNamer; }

  public String defaultDialect() { return defaultDialect; }

  /** The implicit terminator's op name, or null (see {@link #implicitTerminator(String)}). */
  public String implicitTerminator() { return implicitTerminator; }

  /** The folder, or null. */
  public gvm.ir.rewrite.Folder folder() { return folder; }

  public List<gvm.ir.rewrite.RewritePattern> canonicalizers() { return Collections.unmodifiableList(canonicalizers); }

  @SuppressWarnings("unchecked")
  public <T> T iface(Class<T> c) { return (T) interfaces.get(c); }

  /** The compiled format program (set once by the format compiler; opaque here to keep {@code def} below {@code format}). */
  public Object compiledFormat() { return compiledFormat; }

  public void setCompiledFormat(Object f) { compiledFormat = f; }

  /** Fills absent default-valued properties, as MLIR materializes them. */
  public void fillDefaults(Operation op) {
    for (PropertySpec p : properties) if (p.defaultValue() != null && op.prop(p.index()) == null) op.setProp(p.index(), p.defaultValue());
  }

  /** Number of variadic operand groups (segments are needed when more than one). */
  public int numVariadicOperands() {
    int n = 0;
    for (ValueSpec v : operands) if (v.isVariadic()) n++;
    return n;
  }

  public static final Type I32 = IntegerType.I32;

  @Override public String toString() { return name; }
}
