package gvm.dialect.builtin.ir;

import gvm.ir.Operation;
import gvm.ir.def.OpDef;

/**
 * How an op's output elements depend on its inputs, for operator fusion: TVM's {@code
 * OpPatternKind}, ordered from the most to the least fusable. Ops declare their kind with {@code
 * OpDef.implement(OpPatternKind.Interface.class, OpPatternKind.ELEMENTWISE.model())} (or a
 * function of the op); an op that declares none is {@link #OPAQUE}.
 */
public enum OpPatternKind {
  /** Output element i reads input element i of same-shaped operands only (add, silu). */
  ELEMENTWISE("elementwise"),
  /** As elementwise, but an operand may be broadcast along some axes (bias add, splat). */
  BROADCAST("broadcast"),
  /** Each output element reads some input elements, without reducing (reshape, split, rope, gather). */
  INJECTIVE("injective"),
  /** Reduces along axes, then may map elementwise (rms_norm, softmax, argmax). */
  REDUCTION("reduction"),
  /** A contraction whose output loop can absorb an elementwise epilogue (linear, matmul). */
  OUT_ELEMENTWISE_FUSABLE("out_elementwise_fusable"),
  /** Never fused: side effects, parameters and constants, attention, control flow. */
  OPAQUE("opaque");

  private final String mnemonic;

  OpPatternKind(String mnemonic) { this.mnemonic = mnemonic; }

  /** The spelling in IR ({@code gptvm.fused kind(elementwise)}). */
  public String mnemonic() { return mnemonic; }

  /** The op's kind, implemented per op (MLIR-style interface on the op's definition). */
  @FunctionalInterface
  public interface Interface {
    OpPatternKind kind(Operation op);
  }

  /** An interface model that always answers this kind. */
  public Interface model() { return op -> this; }

  /** The kind of {@code op}: what its definition implements, else {@link #OPAQUE}. */
  public static OpPatternKind of(Operation op) {
    OpDef def = op.def();
    Interface i = def == null ? null : def.iface(Interface.class);
    return i == null ? OPAQUE : i.kind(op);
  }

  /** The less fusable of two kinds (TVM's CombinePattern). */
  public static OpPatternKind combine(OpPatternKind a, OpPatternKind b) { return a.compareTo(b) >= 0 ? a : b; }

  /** The spellings of all kinds, in order. */
  public static String[] mnemonics() {
    OpPatternKind[] all = values();
    String[] s = new String[all.length];
    for (int i = 0; i < all.length; i++) s[i] = all[i].mnemonic;
    return s;
  }
}
