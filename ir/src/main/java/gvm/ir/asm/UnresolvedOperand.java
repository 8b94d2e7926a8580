package gvm.ir.asm;

/** {@code %name#number} as written, before its type is known. */
public record UnresolvedOperand(String name, int number, int offset) {}
