package gvm.transforms.cse;

import gvm.ir.Operation;

/**
 * A scoped hash set of ops keyed by {@link OperationEquivalence} (MLIR's ScopedHashTable as CSE
 * uses it). Entries sit on a stack in insertion order and chain through their bucket newest first,
 * so leaving a scope pops exactly the entries it added, with no allocation per op.
 */
final class ScopedOpTable {
  private Operation[] ops = new Operation[1024];
  private int[] hashes = new int[1024];
  private int[] next = new int[1024];
  private int[] buckets = new int[2048];
  private int size;

  ScopedOpTable() { java.util.Arrays.fill(buckets, -1); }

  /** The current stack height; pass it to {@link #popTo} to leave the scope. */
  int mark() { return size; }

  void popTo(int mark) {
    while (size > mark) {
      size--;
      buckets[hashes[size] & (buckets.length - 1)] = next[size];
      ops[size] = null;
    }
  }

  /** An equivalent op already in the table, or null. */
  Operation lookup(Operation op, int hash) {
    for (int i = buckets[hash & (buckets.length - 1)]; i >= 0; i = next[i])
      if (hashes[i] == hash && OperationEquivalence.equivalent(ops[i], op)) return ops[i];
    return null;
  }

  void insert(Operation op, int hash) {
    if (size == ops.length) grow();
    int b = hash & (buckets.length - 1);
    ops[size] = op;
    hashes[size] = hash;
    next[size] = buckets[b];
    buckets[b] = size++;
  }

  private void grow() {
    int n = ops.length * 2;
    ops = java.util.Arrays.copyOf(ops, n);
    hashes = java.util.Arrays.copyOf(hashes, n);
    next = java.util.Arrays.copyOf(next, n);
    buckets = new int[n * 2];
    java.util.Arrays.fill(buckets, -1);
    // Re-chaining in insertion order keeps each bucket newest first, as popTo expects.
    for (int i = 0; i < size; i++) {
      int b = hashes[i] & (buckets.length - 1);
      next[i] = buckets[b];
      buckets[b] = i;
    }
  }
}
