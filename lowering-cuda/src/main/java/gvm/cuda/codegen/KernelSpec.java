package gvm.cuda.codegen;

/**
 * One emitted kernel and how to launch it: {@code name} (also the C function), {@code kind} (its
 * template), the whole translation unit, the grid (its y extent multiplied by {@code ceil(rows /
 * rowsPerBlock)} when {@code rowsPerBlock > 0}), threads per block and dynamic shared memory.
 */
public record KernelSpec(String name, String kind, String source, long[] grid, int block, int smem, int rowsPerBlock) {}
