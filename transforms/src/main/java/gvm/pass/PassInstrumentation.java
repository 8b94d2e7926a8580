package gvm.pass;

import gvm.ir.Operation;

/**
 * Hooks around pass execution (MLIR's {@code PassInstrumentation}): IR printing, timing, crash
 * reproducers. Hooks may be called from several threads at once unless {@link
 * #requiresSingleThread} is true.
 */
public interface PassInstrumentation {
  /** Before a nested pipeline on ops named {@code anchor} starts, over the children of {@code parent}. */
  default void runBeforePipeline(OpPassManager pipeline, Operation parent) {}

  default void runAfterPipeline(OpPassManager pipeline, Operation parent) {}

  default void runBeforePass(Pass pass, Operation op) {}

  /** After {@code pass} succeeded on {@code op}. */
  default void runAfterPass(Pass pass, Operation op) {}

  /** After {@code pass} failed on {@code op}. */
  default void runAfterPassFailed(Pass pass, Operation op) {}

  /** When true, nested pipelines run on one thread (output that depends on order, e.g. IR dumps). */
  default boolean requiresSingleThread() { return false; }
}
