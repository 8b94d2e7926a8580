package gvm.transforms.kv;

import gvm.dialect.arith.ir.CastOps;
import gvm.dialect.func.ir.FuncOp;
import gvm.dialect.kv.ir.CacheOps;
import gvm.dialect.kv.ir.KvCacheType;
import gvm.dialect.kv.ir.PagedCacheType;
import gvm.dialect.kv.ir.PagedOps;
import gvm.dialect.kv.ir.StepOps;
import gvm.dialect.tensor.ir.DimOp;
import gvm.dialect.tensor.ir.FromElementsOp;
import gvm.ir.Block;
import gvm.ir.Operation;
import gvm.ir.Region;
import gvm.ir.Value;
import gvm.ir.attributes.IntegerAttr;
import gvm.ir.attributes.Location;
import gvm.ir.attributes.NamedAttribute;
import gvm.ir.attributes.TypeAttr;
import gvm.ir.rewrite.PatternRewriter;
import gvm.ir.types.FunctionType;
import gvm.ir.types.IndexType;
import gvm.ir.types.IntegerType;
import gvm.ir.types.RankedTensorType;
import gvm.ir.types.ShapedType;
import gvm.ir.types.Type;
import gvm.pass.Pass;
import gvm.pass.PassContext;
import gvm.pass.PassOption;
import gvm.pass.Statistic;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code kv-lower-to-paged{page-size=16 num-pages=N}}: rewrites the logical kv form into the paged
 * one. Every {@code !kv.cache} becomes a {@code !kv.paged_cache} of {@code page-size} tokens per
 * page and {@code num-pages} pages (default: enough for one sequence of the logical capacity). Per
 * step (from {@code kv.begin_forward}, or from the first {@code kv.attend}/{@code kv.append} of a
 * committed cache, for which the pass begins sequence 0's step), the block table, sequence lengths,
 * query starts and slot mapping are read once; each layer's {@code kv.append} becomes a {@code
 * kv.paged_write} to the slots and each {@code kv.attend} a {@code kv.paged_attention} through the
 * block table after that write (vLLM writes the new keys first, then attends over the pages).
 * {@code kv.create}, {@code kv.seq_len}, {@code kv.positions} and {@code kv.advance} keep their
 * meaning on the paged cache.
 */
public final class LowerToPagedPass extends Pass {
  final PassOption<Long> pageSize = uintOption("page-size", "Tokens per page: a power of two from 1 to 256", 16L);
  final PassOption<Long> numPages = uintOption("num-pages", "Pages in the pool (0: enough for one sequence of the cache's capacity)", 0L);
  final Statistic numLowered = statistic("num-lowered", "Number of kv.attend and kv.append ops lowered");

  public LowerToPagedPass() { super("KvLowerToPaged", "kv-lower-to-paged", "Lower the logical kv cache to pages and block tables", null); }

  /** The step a paged cache value belongs to: its metadata and the layers written so far. */
  private static final class Step {
    final Value begun;
    Value blockTable, seqLens, queryStartLoc, slotMapping;
    final Map<Long, Operation> writes = new HashMap<>();

    Step(Value begun) { this.begun = begun; }
  }

  @Override public void runOnOperation(Operation root, PassContext ctx) {
    long p = pageSize.get();
    if (!PagedCacheType.validPageSize(p)) {
      ctx.emitError(root.loc(), "kv-lower-to-paged: page-size must be a power of two in [1, " + PagedCacheType.MAX_PAGE_SIZE + "], but got " + p);
      ctx.signalPassFailure();
      return;
    }
    convertTypes(root);
    PatternRewriter b = new PatternRewriter(ctx.context());
    Map<Value, Step> steps = new IdentityHashMap<>();
    Map<Value, Value> implicitBegins = new IdentityHashMap<>(); // a committed cache -> sequence 0's step begun on it
    List<Operation> ops = new ArrayList<>();
    root.walk(ops::add);
    for (Operation op : ops) {
      if (op.isA(StepOps.BeginForwardOp.DEF)) {
        steps.put(op.result(0), new Step(op.result(0)));
      } else if (op.isA(CacheOps.AppendOp.DEF) || op.isA(CacheOps.AttendOp.DEF)) {
        if (!lower(b, op, steps, implicitBegins)) {
          ctx.emitOpError(op, "writes other keys or values to layer " + ((IntegerAttr) op.prop("layer")).value() + " than the step's first access of it, which has no paged form");
          ctx.signalPassFailure();
          return;
        }
        numLowered.increment();
      }
    }
  }

  private PagedCacheType paged(KvCacheType t) {
    long p = pageSize.get(), n = numPages.get() > 0 ? numPages.get() : (t.capacity() + p - 1) / p;
    return new PagedCacheType(t.layers(), t.kvHeads(), t.headDim(), p, n, t.dtype());
  }

  private Type convert(Type t) { return t instanceof KvCacheType k ? paged(k) : t; }

  /** Every value, block argument and function signature of a logical cache type gets the paged type. */
  private void convertTypes(Operation root) {
    root.walk(op -> {
      for (Value r : op.results()) r.setType(convert(r.type()));
      for (Region region : op.regions())
        for (Block block : region.blocks())
          for (Value a : block.arguments()) a.setType(convert(a.type()));
      if (op.isA(FuncOp.DEF)) {
        FunctionType f = new FuncOp(op).functionType();
        List<Type> in = new ArrayList<>(), out = new ArrayList<>();
        for (Type t : f.inputs()) in.add(convert(t));
        for (Type t : f.results()) out.add(convert(t));
        op.setProp("function_type", new TypeAttr(new FunctionType(in, out)));
      }
    });
  }

  /** A kv.append or kv.attend: the layer's write (shared by the two), then for attend the paged attention; false when the step wrote that layer with other keys. */
  private boolean lower(PatternRewriter b, Operation op, Map<Value, Step> steps, Map<Value, Value> implicitBegins) {
    boolean attend = op.isA(CacheOps.AttendOp.DEF);
    Value cache = op.operand(0), key = op.operand(attend ? 2 : 1), value = op.operand(attend ? 3 : 2);
    long layer = ((IntegerAttr) op.prop("layer")).value();
    Step step = steps.get(cache);
    b.setInsertionPoint(op);
    if (step == null) {
      Value begun = implicitBegins.get(cache);
      if (begun == null) {
        begun = beginSequenceZero(b, op.loc(), cache, key);
        implicitBegins.put(cache, begun);
        steps.put(begun, new Step(begun));
      }
      cache = begun;
      step = steps.get(begun);
    }
    metadata(b, step);
    b.setInsertionPoint(op);
    Operation write = step.writes.get(layer);
    if (write == null) {
      write = b.create(PagedOps.PagedWriteOp.DEF, op.loc(), List.of(cache, key, value, step.slotMapping), List.of(cache.type()),
          List.of(new NamedAttribute("layer", op.prop("layer"))));
      step.writes.put(layer, write);
      steps.put(write.result(0), step);
    } else if (write.operand(1) != key || write.operand(2) != value) {
      return false;
    }
    if (!attend) {
      b.replaceOp(op, List.of(write.result(0)));
      return true;
    }
    List<NamedAttribute> props = new ArrayList<>();
    for (String name : new String[] {"layer", "scale", "window"})
      if (op.prop(name) != null) props.add(new NamedAttribute(name, op.prop(name)));
    Operation att = b.create(PagedOps.PagedAttentionOp.DEF, op.loc(),
        List.of(write.result(0), op.operand(1), step.blockTable, step.seqLens, step.queryStartLoc), List.of(op.result(0).type()), props);
    b.replaceOp(op, List.of(att.result(0)));
    return true;
  }

  /** {@code kv.begin_forward %cache, [0], [rows of key]}: the single-sequence step the logical form leaves implicit. */
  private static Value beginSequenceZero(PatternRewriter b, Location loc, Value cache, Value key) {
    RankedTensorType one = RankedTensorType.get(IntegerType.I64, 1);
    Value rows;
    long n = ((ShapedType) key.type()).shape().dim(0);
    if (n != ShapedType.DYNAMIC) {
      rows = constant(b, loc, IntegerAttr.i64(n), IntegerType.I64);
    } else {
      Value zero = constant(b, loc, IntegerAttr.index(0), IndexType.INSTANCE);
      Value dim = b.create(DimOp.DEF, loc, List.of(key, zero), List.of(IndexType.INSTANCE), List.of()).result(0);
      rows = b.create(CastOps.IndexCastOp.DEF, loc, List.of(dim), List.of(IntegerType.I64), List.of()).result(0);
    }
    Value seq = constant(b, loc, IntegerAttr.i64(0), IntegerType.I64);
    Value ids = b.create(FromElementsOp.DEF, loc, List.of(seq), List.of(one), List.of()).result(0);
    Value lens = b.create(FromElementsOp.DEF, loc, List.of(rows), List.of(one), List.of()).result(0);
    return b.create(StepOps.BeginForwardOp.DEF, loc, List.of(cache, ids, lens), List.of(cache.type()), List.of()).result(0);
  }

  private static Value constant(PatternRewriter b, Location loc, IntegerAttr value, Type type) {
    return b.create(b.context().lookupOp("arith.constant"), loc, List.of(), List.of(type), List.of(new NamedAttribute("value", value))).result(0);
  }

  /** The step's block table, lengths, query starts and slot mapping, read once right after it begins. */
  private static void metadata(PatternRewriter b, Step step) {
    if (step.slotMapping != null) return;
    Operation def = step.begun.definingOp();
    if (def != null) b.setInsertionPointAfter(def);
    else b.setInsertionPointToStart(step.begun.parentBlock());
    Location loc = def != null ? def.loc() : Location.UNKNOWN;
    Value c = step.begun;
    long dyn = ShapedType.DYNAMIC;
    step.blockTable = read(b, PagedOps.BlockTableOp.DEF, loc, c, RankedTensorType.get(IntegerType.I32, dyn, dyn));
    step.seqLens = read(b, PagedOps.SeqLensOp.DEF, loc, c, RankedTensorType.get(IntegerType.I32, dyn));
    step.queryStartLoc = read(b, PagedOps.QueryStartLocOp.DEF, loc, c, RankedTensorType.get(IntegerType.I32, dyn));
    step.slotMapping = read(b, PagedOps.SlotMappingOp.DEF, loc, c, RankedTensorType.get(IntegerType.I64, dyn));
  }

  private static Value read(PatternRewriter b, gvm.ir.def.OpDef def, Location loc, Value cache, Type type) {
    return b.create(def, loc, List.of(cache), List.of(type), List.of()).result(0);
  }
}
