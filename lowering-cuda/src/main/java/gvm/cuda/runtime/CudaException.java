package gvm.cuda.runtime;

/** A failure of the GPU runtime, worded for the user (no stack trace is meant to be shown). */
public final class CudaException extends RuntimeException {
  public CudaException(String message) { super(message, null, false, false); }
}
