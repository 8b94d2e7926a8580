package gvm.model;

/** A malformed, inconsistent or unreadable checkpoint; the one-line message names the file and the problem. */
public class ModelException extends RuntimeException {
  public ModelException(String message) { super(message, null, false, false); }
}
