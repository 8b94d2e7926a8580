package gvm.testing.lit;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Lets a watchdog stop a running test: after {@link #cancel()}, the shell starts no further
 * command and every subprocess the test started (with its descendants) is killed.
 */
final class ExecutionControl {
  private volatile boolean cancelled;
  private final Set<Process> processes = ConcurrentHashMap.newKeySet();

  /** Returns whether the test was stopped. */
  boolean isCancelled() {
    return cancelled;
  }

  /** Stops the test: marks it cancelled and kills its subprocesses. */
  void cancel() {
    cancelled = true;
    processes.forEach(ExecutionControl::kill);
  }

  void register(Process p) {
    processes.add(p);
    if (cancelled) {
      kill(p);
    }
  }

  void unregister(Process p) {
    processes.remove(p);
  }

  private static void kill(Process p) {
    p.descendants().forEach(ProcessHandle::destroyForcibly);
    p.destroyForcibly();
  }
}
