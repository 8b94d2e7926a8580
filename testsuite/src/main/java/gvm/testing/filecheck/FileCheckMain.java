package gvm.testing.filecheck;

/** Command-line entry point: {@code FileCheck CHECKFILE [OPTIONS] < INPUT}. */
public final class FileCheckMain {
  private FileCheckMain() {}

  /**
   * Runs {@link FileCheck#run} on the process's streams and exits with its status.
   *
   * @param a the FileCheck arguments
   */
  public static void main(String[] a) {
    System.exit(FileCheck.run(a, System.in, System.out, System.err));
  }
}
