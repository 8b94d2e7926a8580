package gvm.ir.print;

/**
 * Printer flags, as MLIR's OpPrintingFlags. {@code elideElementsAttrsIfLarger} &lt; 0 means never;
 * {@code hexThreshold}: dense elements with more elements print as hex ({@code -1}: never).
 */
public record PrintOptions(boolean generic, boolean debugInfo, boolean prettyDebugInfo, boolean localScope,
    long elideElementsAttrsIfLarger, long hexThreshold, boolean skipRegions) {
  public static final PrintOptions DEFAULT = new PrintOptions(false, false, false, false, -1, 100, false);

  public PrintOptions withGeneric(boolean g) {
    return new PrintOptions(g, debugInfo, prettyDebugInfo, localScope, elideElementsAttrsIfLarger, hexThreshold, skipRegions);
  }

  public PrintOptions withLocalScope(boolean l) {
    return new PrintOptions(generic, debugInfo, prettyDebugInfo, l, elideElementsAttrsIfLarger, hexThreshold, skipRegions);
  }

  public PrintOptions withDebugInfo(boolean d) {
    return new PrintOptions(generic, d, prettyDebugInfo, localScope, elideElementsAttrsIfLarger, hexThreshold, skipRegions);
  }

  public PrintOptions withElideLarge(long n) {
    return new PrintOptions(generic, debugInfo, prettyDebugInfo, localScope, n, hexThreshold, skipRegions);
  }
}
